//! A check whose list is missing from the snapshot: still loading, or refused by Telnyx.

use super::wording::sentence;
use super::{check, finding, waiting, Check, CheckKey, CheckState, Finding, Verdict};
use crate::services::snapshot::Gap;

/// A check whose list is missing from the snapshot (`what`, e.g. "the 10DLC campaign
/// assignments"). Still loading: "Checking…", which gives way to any failure already known.
/// Failed: the check is unknown; when the step passes only on a positive answer (`blocks`, as 10DLC
/// and toll-free verification do) the number is "Couldn't check" rather than ready.
pub(super) fn missing_list(
    key: CheckKey,
    label: &'static str,
    gap: &Gap,
    what: &str,
    blocks: bool,
) -> (Check, Option<Finding>) {
    match gap {
        Gap::Loading => (
            check(
                key,
                label,
                CheckState::Unknown,
                format!("Still loading {what}…"),
            ),
            waiting(
                Verdict::Checking,
                format!("Number Desk is still loading {what}."),
                "Wait a moment: the rest of the account is on its way.",
                "Number Desk, loading this account",
                None,
            ),
        ),
        Gap::Failed(why) => (
            check(
                key,
                label,
                CheckState::Unknown,
                format!("Not checked: {what} could not be loaded. {}", sentence(why)),
            ),
            if blocks {
                finding(
                    Verdict::Unchecked,
                    format!("This could not be checked: {what} could not be loaded. {}", sentence(why)),
                    "Refresh to try again. If it keeps failing, check in the Telnyx portal that this account can see that list.",
                )
            } else {
                None
            },
        ),
    }
}
