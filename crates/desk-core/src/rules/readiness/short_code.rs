//! Compliance of a short code: its provisioning (guide table, FACTS.md §9).

use telnyx_client::PhoneNumberStatus;

use super::{check, Check, CheckKey, CheckState, Finding};

pub(super) const SHORT_CODE: &str = "Short-code setup";

/// A short code's own provisioning state is what `status` says; its failures are already reported
/// by the provisioning and messaging checks (with the short-code verdict), so this line only
/// summarises them.
pub(super) fn short_code(status: Option<&PhoneNumberStatus>) -> (Check, Option<Finding>) {
    let (state, detail) = match status {
        Some(PhoneNumberStatus::Active) => (CheckState::Passed, "Provisioned (active).".to_owned()),
        Some(PhoneNumberStatus::Other(s)) => (
            CheckState::Unknown,
            format!("Its status is one this app does not know ({s})."),
        ),
        Some(PhoneNumberStatus::PortOutPending) => (
            CheckState::Warning,
            "Provisioned, but being ported away (port-out-pending).".to_owned(),
        ),
        Some(s) => (CheckState::Failed, format!("Not provisioned yet ({s}).")),
        None => (
            CheckState::Unknown,
            "The phone-number inventory does not list it, so its provisioning is not known."
                .to_owned(),
        ),
    };
    (check(CheckKey::Compliance, SHORT_CODE, state, detail), None)
}
