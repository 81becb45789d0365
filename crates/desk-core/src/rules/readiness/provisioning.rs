//! Link 1: the number is active on the account (`GET /phone_numbers` `status`, FACTS.md §5).

use telnyx_client::PhoneNumberStatus;

use super::{check, finding, Check, CheckKey, CheckState, Finding, NumberKind, Verdict};

pub(super) const PROVISIONING: &str = "Active on the account";

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
    let code = status.as_str();
    let (what, fix) = match status {
        S::Active => {
            return (
                check(
                    CheckKey::Provisioning,
                    PROVISIONING,
                    CheckState::Passed,
                    "Active (active).",
                ),
                None,
            )
        }
        S::PortOutPending => {
            return (
                check(
                    CheckKey::Provisioning,
                    PROVISIONING,
                    CheckState::Warning,
                    "It is being ported to another carrier (port-out-pending) and will stop working here when the port completes.",
                ),
                None,
            )
        }
        S::Other(_) => {
            return (
                check(
                    CheckKey::Provisioning,
                    PROVISIONING,
                    CheckState::Unknown,
                    format!("Its status is one this app does not know ({code})."),
                ),
                None,
            )
        }
        S::PurchasePending | S::ProvisionPending => (
            "is still being set up after purchase",
            "Wait a few minutes and refresh; if it stays like this for more than a day, contact Telnyx support.",
        ),
        S::PortPending => (
            "is still being ported in",
            "Wait for the port to complete; Telnyx tells you when it does.",
        ),
        S::RequirementInfoPending => (
            "is waiting for regulatory documents",
            "Provide the documents the number requires in the Telnyx portal (Numbers › Requirements).",
        ),
        S::RequirementInfoUnderReview => (
            "is waiting for Telnyx to review its regulatory documents",
            "Wait for the review; Telnyx tells you if anything else is needed.",
        ),
        S::RequirementInfoException => (
            "had its regulatory documents refused",
            "Open the number's requirements in the Telnyx portal, correct the documents and submit them again.",
        ),
        S::PurchaseFailed => (
            "could not be purchased",
            "Buy the number again, or contact Telnyx support.",
        ),
        S::PortFailed => (
            "could not be ported in",
            "Check the port request in the Telnyx portal, correct it and submit it again.",
        ),
        S::EmergencyOnly => (
            "is limited to emergency calls",
            "Contact Telnyx support to restore full service on the number.",
        ),
        S::Deleted | S::PortedOut => (
            "is no longer on this account",
            "Stop using it for texting; buy or port in a replacement.",
        ),
    };
    let detail = format!("It {what} ({code}).");
    let verdict = if kind == NumberKind::ShortCode {
        Verdict::ShortCodeNotProvisioned
    } else {
        Verdict::Provisioning
    };
    let reason = if kind == NumberKind::ShortCode {
        format!("The short code {what} ({code}).")
    } else {
        format!("The number {what} ({code}).")
    };
    (
        check(
            CheckKey::Provisioning,
            PROVISIONING,
            CheckState::Failed,
            detail,
        ),
        finding(verdict, reason, fix),
    )
}
