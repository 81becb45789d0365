//! Compliance of a short code: its provisioning (guide table, FACTS.md §9).

use telnyx_client::PhoneNumberStatus;

use super::wording::number_status_words;
use super::{check, Check, CheckKey, CheckState, Finding};

pub(super) const SHORT_CODE: &str = "Short-code setup";

/// A short code's own provisioning state is what `status` says; its failures are already reported
/// by the provisioning and messaging checks (with the short-code verdicts), so this line only
/// summarises them.
pub(super) fn short_code(status: Option<&PhoneNumberStatus>) -> (Check, Option<Finding>) {
    use PhoneNumberStatus as S;
    let (state, detail) = match status {
        Some(S::Active) => (CheckState::Passed, "Provisioned.".to_owned()),
        Some(s @ S::Other(_)) => (
            CheckState::Unknown,
            format!("Telnyx reports {}.", number_status_words(s)),
        ),
        Some(S::PortOutPending) => (
            CheckState::Warning,
            "Provisioned, but being moved away to another carrier.".to_owned(),
        ),
        Some(
            s @ (S::PurchasePending
            | S::ProvisionPending
            | S::PortPending
            | S::RequirementInfoUnderReview),
        ) => (
            CheckState::Waiting,
            format!("Not provisioned yet: it is {}.", number_status_words(s)),
        ),
        Some(s) => (
            CheckState::Failed,
            format!("Not provisioned: it is {}.", number_status_words(s)),
        ),
        None => (
            CheckState::Unknown,
            "The phone-number inventory does not list it, so its provisioning is not known."
                .to_owned(),
        ),
    };
    (check(CheckKey::Compliance, SHORT_CODE, state, detail), None)
}
