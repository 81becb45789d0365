//! Link 1: the number is active on the account (`GET /phone_numbers` `status`, FACTS.md §5).

use telnyx_client::PhoneNumberStatus;

use super::wording::number_status_words;
use super::{check, finding, waiting, Check, CheckKey, CheckState, Finding, NumberKind, Verdict};

pub(super) const PROVISIONING: &str = "Active on the account";

/// How long a purchase usually takes to finish: the guide's troubleshooting says to wait minutes
/// after purchase (FACTS.md §9, troubleshooting item 1). No other wait is documented.
pub(super) const AFTER_PURCHASE: &str = "usually a few minutes after purchase (Telnyx's guide)";

pub(super) fn provisioning(
    kind: NumberKind,
    status: Option<&PhoneNumberStatus>,
) -> (Check, Option<Finding>) {
    use PhoneNumberStatus as S;
    let Some(status) = status else {
        return (
            check(
                CheckKey::Provisioning,
                PROVISIONING,
                CheckState::Unknown,
                "The phone-number inventory has no record of it, so its status is not known.",
            ),
            None,
        );
    };
    let words = number_status_words(status);
    let short_code = kind == NumberKind::ShortCode;
    let subject = if short_code {
        "The short code"
    } else {
        "The number"
    };
    let line = |state, detail: String| check(CheckKey::Provisioning, PROVISIONING, state, detail);
    match status {
        S::Active => (line(CheckState::Passed, "Active.".to_owned()), None),
        S::PortOutPending => (
            line(
                CheckState::Warning,
                "It is being moved away to another carrier and will stop working here when the move completes.".to_owned(),
            ),
            None,
        ),
        S::Other(_) => (
            line(CheckState::Unknown, format!("Telnyx reports {words}.")),
            None,
        ),
        // In progress at Telnyx or the carriers: wait.
        S::PurchasePending | S::ProvisionPending | S::PortPending | S::RequirementInfoUnderReview => {
            let (on, time, fix) = match status {
                S::PurchasePending | S::ProvisionPending => (
                    "Telnyx",
                    Some(AFTER_PURCHASE),
                    "Nothing to do but wait and refresh; if it stays like this for more than a day, contact Telnyx support.",
                ),
                S::PortPending => (
                    "Telnyx and the carrier the number is moving from",
                    None,
                    "Nothing to do but wait for the move to complete; Telnyx tells you when it does.",
                ),
                _ => (
                    "Telnyx",
                    None,
                    "Nothing to do but wait for the review; Telnyx tells you if anything else is needed.",
                ),
            };
            let verdict = if short_code {
                Verdict::ShortCodePending
            } else {
                Verdict::Provisioning
            };
            (
                line(CheckState::Waiting, format!("It is {words}.")),
                waiting(verdict, format!("{subject} is {words}."), fix, on, time),
            )
        }
        // Stopped: the admin must act.
        S::PurchaseFailed
        | S::PortFailed
        | S::RequirementInfoPending
        | S::RequirementInfoException
        | S::EmergencyOnly
        | S::Deleted
        | S::PortedOut => {
            let fix = match status {
                S::RequirementInfoPending => "Provide the documents the number requires in the Telnyx portal (Numbers › Requirements).",
                S::RequirementInfoException => "Open the number's requirements in the Telnyx portal, correct the documents and submit them again.",
                S::PurchaseFailed => "Buy the number again, or contact Telnyx support.",
                S::PortFailed => "Check the port request in the Telnyx portal, correct it and submit it again.",
                S::EmergencyOnly => "Contact Telnyx support to restore full service on the number.",
                _ => "Stop using it for texting; buy or move in a replacement.",
            };
            let verdict = if short_code {
                Verdict::ShortCodeNotProvisioned
            } else {
                Verdict::NotActive
            };
            (
                line(CheckState::Failed, format!("It is {words}.")),
                finding(verdict, format!("{subject} is {words}."), fix),
            )
        }
    }
}
