//! Link 2, the guide's "messaging enabled": SMS or MMS features are on (FACTS.md §1.5).

use telnyx_client::Features;

use super::{check, finding, Check, CheckKey, CheckState, Finding, NumberKind, Verdict};

const MESSAGING: &str = "Messaging enabled (SMS/MMS)";

pub(super) fn messaging_enabled(kind: NumberKind, features: &Features) -> (Check, Option<Finding>) {
    let detail = match (features.sms.is_some(), features.mms.is_some()) {
        (true, true) => "SMS and MMS are on.",
        (true, false) => "SMS is on; MMS is not available.",
        (false, true) => "MMS is on; SMS is not available.",
        (false, false) => {
            let found = if kind == NumberKind::ShortCode {
                finding(
                    Verdict::ShortCodeNotProvisioned,
                    "The short code has no SMS or MMS features yet, so its setup is not finished.",
                    "Ask Telnyx support about the short code's provisioning; it cannot text until it is done.",
                )
            } else {
                finding(
                    Verdict::NotMessagingCapable,
                    "The number has neither SMS nor MMS features, so it cannot text.",
                    "Use a number that supports SMS, or ask Telnyx support whether messaging can be enabled on this one.",
                )
            };
            return (
                check(
                    CheckKey::MessagingEnabled,
                    MESSAGING,
                    CheckState::Failed,
                    "Neither SMS nor MMS is available on it.",
                ),
                found,
            );
        }
    };
    (
        check(
            CheckKey::MessagingEnabled,
            MESSAGING,
            CheckState::Passed,
            detail,
        ),
        None,
    )
}
