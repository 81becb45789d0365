//! Link 3, the guide's first need: the number is assigned to a messaging profile that exists.

use telnyx_client::MessagingNumber;

use super::{check, finding, Check, CheckKey, CheckState, Finding, Term, Verdict};

const PROFILE: &str = "Messaging profile";

/// `found` is the display name of the profile, when it is on the account.
pub(super) fn profile(number: &MessagingNumber, found: Option<&str>) -> (Check, Option<Finding>) {
    let (line, found_) = inner(number, found);
    (line.term(Term::MessagingProfile), found_)
}

fn inner(number: &MessagingNumber, found: Option<&str>) -> (Check, Option<Finding>) {
    let id = number
        .messaging_profile_id
        .as_ref()
        .map(|p| p.as_str())
        .filter(|p| !p.is_empty());
    match (id, found) {
        (_, Some(p)) => (
            check(
                CheckKey::Profile,
                PROFILE,
                CheckState::Passed,
                format!("Assigned to {p}."),
            ),
            None,
        ),
        (None, None) => (
            check(
                CheckKey::Profile,
                PROFILE,
                CheckState::Failed,
                "Not assigned to any messaging profile.",
            ),
            finding(
                Verdict::NoProfile,
                "The number is not assigned to a messaging profile, so it cannot send and its incoming texts go nowhere.",
                "Assign it to a messaging profile (drag it onto one on the Assign board, or use “Move to…”).",
            ),
        ),
        (Some(id), None) => (
            check(
                CheckKey::Profile,
                PROFILE,
                CheckState::Failed,
                format!("Assigned to profile {id}, which is not on this account."),
            ),
            finding(
                Verdict::NoProfile,
                format!("The number names messaging profile {id}, which does not exist on this account."),
                "Assign it to one of your messaging profiles.",
            ),
        ),
    }
}
