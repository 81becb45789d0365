//! Compliance of a US long code: assigned to a 10DLC campaign (`ASSIGNED`, FACTS.md §6).

use telnyx_client::{AssignmentStatus, PhoneNumberCampaign};

use super::wording::{assignment_status_words, capitalize, sentence};
use super::{check, finding, waiting, Check, CheckKey, CheckState, Finding, Term, Verdict};

pub(super) const TEN_DLC: &str = "10DLC campaign";

pub(super) fn ten_dlc(campaign: Option<&PhoneNumberCampaign>) -> (Check, Option<Finding>) {
    use AssignmentStatus as A;
    let line = |state, detail: String| {
        check(CheckKey::Compliance, TEN_DLC, state, detail).term(Term::TenDlc)
    };
    let register = "Register a 10DLC brand and campaign in the Telnyx portal (Messaging › 10DLC), then assign this number to the campaign.";
    let Some(c) = campaign else {
        return (
            line(CheckState::Failed, "Not on any 10DLC campaign.".to_owned()),
            finding(
                Verdict::Needs10dlcCampaign,
                "The number is a US long code without a 10DLC campaign, so carriers filter or block its texts.",
                register,
            ),
        );
    };
    let name = c
        .tcr_campaign_id
        .as_deref()
        .filter(|s| !s.is_empty())
        .unwrap_or(c.campaign_id.as_str());
    let failure = c
        .failure_reasons
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|s| format!(" {}", sentence(s)))
        .unwrap_or_default();
    let status = c.assignment_status.as_ref();
    let words = status.map_or_else(|| "without a status".into(), assignment_status_words);
    let detail = format!("Campaign {name}: {words}.{failure}");
    let (reason, fix) = match status {
        Some(A::Assigned) => {
            return (
                line(CheckState::Passed, format!("Assigned to campaign {name}.")),
                None,
            )
        }
        Some(A::PendingAssignment) => {
            return (
                line(CheckState::Waiting, capitalize(&detail)),
                waiting(
                    Verdict::TenDlcPending,
                    format!("Its assignment to 10DLC campaign {name} is in progress."),
                    "Nothing to do but wait; if the assignment fails, Number Desk shows why.",
                    "Telnyx and the mobile carriers",
                    None,
                ),
            )
        }
        Some(A::FailedAssignment) => (
            format!("Its assignment to 10DLC campaign {name} failed.{failure}"),
            format!("Fix what the failure names, then assign the number to campaign {name} again, or to another approved campaign."),
        ),
        Some(A::PendingUnassignment) => (
            format!("It is being removed from 10DLC campaign {name}."),
            "If it should keep texting, assign it to an approved 10DLC campaign again.".to_owned(),
        ),
        Some(A::FailedUnassignment) => (
            format!("Removing it from 10DLC campaign {name} failed, so its campaign state is unclear.{failure}"),
            format!("Check the number's assignment to campaign {name} in the Telnyx portal and assign it to the campaign it should use."),
        ),
        Some(A::Other(_)) | None => (
            format!("Its 10DLC campaign assignment has {words}."),
            "Check the number's 10DLC assignment in the Telnyx portal (Messaging › 10DLC).".to_owned(),
        ),
    };
    (
        line(CheckState::Failed, detail),
        finding(Verdict::Needs10dlcCampaign, reason, fix),
    )
}
