//! Compliance of a US/CA toll-free number: its verification request is `Verified` (FACTS.md §7).

use telnyx_client::{VerificationRequest, VerificationStatus};

use super::wording::{capitalize, sentence, verification_status_words};
use super::{check, finding, waiting, Check, CheckKey, CheckState, Finding, Term, Verdict};

pub(super) const TOLL_FREE: &str = "Toll-free verification";

pub(super) fn toll_free(verification: Option<&VerificationRequest>) -> (Check, Option<Finding>) {
    use VerificationStatus as V;
    let line = |state, detail: String| {
        check(CheckKey::Compliance, TOLL_FREE, state, detail).term(Term::TollFreeVerification)
    };
    let Some(v) = verification else {
        return (
            line(CheckState::Failed, "No verification request covers it.".to_owned()),
            finding(
                Verdict::NeedsTollFreeVerification,
                "The toll-free number has never been submitted for verification, so carriers block its texts.",
                "Submit a toll-free verification request in the Telnyx portal (Messaging › Toll-free verification).",
            ),
        );
    };
    let words = verification_status_words(&v.verification_status);
    let why = v
        .reason
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|s| format!(" {}", sentence(s)))
        .unwrap_or_default();
    let detail = format!("{}.{why}", capitalize(&words));
    let (reason, fix) = match &v.verification_status {
        V::Verified => return (line(CheckState::Passed, "Verified.".to_owned()), None),
        V::WaitingForVendor | V::WaitingForTelnyx | V::InProgress => {
            let on = match &v.verification_status {
                V::WaitingForVendor => "Telnyx's verification partner",
                _ => "Telnyx",
            };
            return (
                line(CheckState::Waiting, detail),
                waiting(
                    Verdict::TollFreeInReview,
                    format!("Its toll-free verification is {words}."),
                    "Nothing to do but wait for the review; Telnyx tells you if it needs anything from you.",
                    on,
                    None,
                ),
            );
        }
        V::Rejected => (
            format!("Its toll-free verification was rejected.{why}"),
            "Correct what the rejection names and submit a new verification request.",
        ),
        V::WaitingForCustomer => (
            format!("Its toll-free verification is waiting for your answer.{why}"),
            "Answer the open questions on the verification request in the Telnyx portal.",
        ),
        V::Other(_) => (
            format!("Its toll-free verification has {words}."),
            "Check the verification request in the Telnyx portal (Messaging › Toll-free verification).",
        ),
    };
    (
        line(CheckState::Failed, detail),
        finding(Verdict::NeedsTollFreeVerification, reason, fix),
    )
}
