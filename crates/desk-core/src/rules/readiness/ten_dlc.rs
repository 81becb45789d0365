//! Compliance of a US long code: assigned to a 10DLC campaign (`ASSIGNED`, FACTS.md §6).

use telnyx_client::{AssignmentStatus, PhoneNumberCampaign};

use super::wording::sentence;
use super::{check, finding, Check, CheckKey, CheckState, Finding, Verdict};

pub(super) const TEN_DLC: &str = "10DLC campaign";

pub(super) fn ten_dlc(campaign: Option<&PhoneNumberCampaign>) -> (Check, Option<Finding>) {
    use AssignmentStatus as A;
    let register = "Register a 10DLC brand and campaign in the Telnyx portal (Messaging › 10DLC), then assign this number to the campaign.";
    let Some(c) = campaign else {
        return (
            check(
                CheckKey::Compliance,
                TEN_DLC,
                CheckState::Failed,
                "Not on any 10DLC campaign.",
            ),
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
    let code = status.map(|s| s.as_str()).unwrap_or("no status");
    let (reason, fix) = match status {
        Some(A::Assigned) => {
            return (
                check(
                    CheckKey::Compliance,
                    TEN_DLC,
                    CheckState::Passed,
                    format!("On campaign {name} (ASSIGNED)."),
                ),
                None,
            )
        }
        Some(A::PendingAssignment) => (
            format!("Its 10DLC campaign assignment is pending ({code})."),
            format!("Wait for the assignment to campaign {name} to finish; nothing else is needed unless it fails."),
        ),
        Some(A::FailedAssignment) => (
            format!("Its 10DLC campaign assignment failed ({code}).{failure}"),
            format!("Fix what the failure names, then assign the number to campaign {name} again, or to another approved campaign."),
        ),
        Some(A::PendingUnassignment) => (
            format!("It is being removed from its 10DLC campaign ({code})."),
            "If it should keep texting, assign it to an approved 10DLC campaign again.".to_owned(),
        ),
        Some(A::FailedUnassignment) => (
            format!("Removing it from its 10DLC campaign failed ({code}), so its campaign state is unclear.{failure}"),
            format!("Check the number's assignment to campaign {name} in the Telnyx portal and assign it to the campaign it should use."),
        ),
        Some(A::Other(_)) | None => (
            format!("Its 10DLC campaign assignment has a status this app does not know ({code})."),
            "Check the number's 10DLC assignment in the Telnyx portal (Messaging › 10DLC).".to_owned(),
        ),
    };
    (
        check(
            CheckKey::Compliance,
            TEN_DLC,
            CheckState::Failed,
            format!("Campaign {name}: {code}.{failure}"),
        ),
        finding(Verdict::Needs10dlcCampaign, reason, fix),
    )
}
