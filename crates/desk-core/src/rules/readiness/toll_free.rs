//! Compliance of a US/CA toll-free number: its verification request is `Verified` (FACTS.md §7).

use telnyx_client::{VerificationRequest, VerificationStatus};

use super::wording::sentence;
use super::{check, finding, Check, CheckKey, CheckState, Finding, Verdict};

pub(super) const TOLL_FREE: &str = "Toll-free verification";

pub(super) fn toll_free(verification: Option<&VerificationRequest>) -> (Check, Option<Finding>) {
    use VerificationStatus as V;
    let Some(v) = verification else {
        return (
            check(
                CheckKey::Compliance,
                TOLL_FREE,
                CheckState::Failed,
                "No verification request covers it.",
            ),
            finding(
                Verdict::NeedsTollFreeVerification,
                "The toll-free number has never been submitted for verification, so carriers block its texts.",
                "Submit a toll-free verification request in the Telnyx portal (Messaging › Toll-free verification).",
            ),
        );
    };
    let code = v.verification_status.as_str();
    let why = v
        .reason
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|s| format!(" {}", sentence(s)))
        .unwrap_or_default();
    let (reason, fix) = match &v.verification_status {
        V::Verified => {
            return (
                check(
                    CheckKey::Compliance,
                    TOLL_FREE,
                    CheckState::Passed,
                    "Verified (Verified).",
                ),
                None,
            )
        }
        V::Rejected => (
            format!("Its toll-free verification was rejected ({code}).{why}"),
            "Correct what the rejection names and submit a new verification request.",
        ),
        V::WaitingForCustomer => (
            format!("Its toll-free verification is waiting for you ({code}).{why}"),
            "Answer the open questions on the verification request in the Telnyx portal.",
        ),
        V::WaitingForVendor | V::WaitingForTelnyx | V::InProgress => (
            format!("Its toll-free verification is under review ({code})."),
            "Wait for the review to finish; nothing is needed from you now.",
        ),
        V::Other(_) => (
            format!("Its toll-free verification has a status this app does not know ({code})."),
            "Check the verification request in the Telnyx portal (Messaging › Toll-free verification).",
        ),
    };
    (
        check(
            CheckKey::Compliance,
            TOLL_FREE,
            CheckState::Failed,
            format!("{code}.{why}"),
        ),
        finding(Verdict::NeedsTollFreeVerification, reason, fix),
    )
}
