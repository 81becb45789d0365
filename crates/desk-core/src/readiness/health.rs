//! Link 6: health metrics within the thresholds Telnyx uses to skip unhealthy numbers in a number
//! pool (FACTS.md §3, `number_pool_settings`).

use telnyx_client::NumberHealth;

use super::wording::{percent, thousands};
use super::{check, finding, Check, CheckKey, CheckState, Finding, Verdict};

/// A number is unhealthy when fewer than this share of its messages are delivered (FACTS.md §3:
/// "Unhealthy" = deliverability < 25 %).
pub const MIN_SUCCESS_RATIO: f64 = 0.25;
/// A number is unhealthy when more than this share of its messages are flagged as spam (FACTS.md §3:
/// spam ratio > 75 %).
pub const MAX_SPAM_RATIO: f64 = 0.75;

pub(super) const HEALTH: &str = "Health";

pub(super) fn health(h: Option<&NumberHealth>) -> (Check, Option<Finding>) {
    let Some(h) = h else {
        return (
            check(
                CheckKey::Health,
                HEALTH,
                CheckState::Unknown,
                "No health figures yet.",
            ),
            None,
        );
    };
    if h.message_count <= 0 {
        return (
            check(
                CheckKey::Health,
                HEALTH,
                CheckState::Unknown,
                "No messages sent yet, so there are no health figures.",
            ),
            None,
        );
    }
    let readable = |r: f64| (0.0..=1.0).contains(&r);
    if !readable(h.success_ratio) || !readable(h.spam_ratio) {
        return (
            check(
                CheckKey::Health,
                HEALTH,
                CheckState::Unknown,
                "Its health figures could not be read.",
            ),
            None,
        );
    }
    let low_success = h.success_ratio < MIN_SUCCESS_RATIO;
    let spammy = h.spam_ratio > MAX_SPAM_RATIO;
    let figures = format!(
        "{} delivered, {} flagged as spam, across {} messages.",
        percent(h.success_ratio),
        percent(h.spam_ratio),
        thousands(h.message_count)
    );
    if !low_success && !spammy {
        return (
            check(CheckKey::Health, HEALTH, CheckState::Passed, figures),
            None,
        );
    }
    let reason = match (low_success, spammy) {
        (true, true) => format!(
            "Only {} of its messages are delivered (below {}) and {} are flagged as spam (above {}).",
            percent(h.success_ratio),
            percent(MIN_SUCCESS_RATIO),
            percent(h.spam_ratio),
            percent(MAX_SPAM_RATIO)
        ),
        (true, false) => format!(
            "Only {} of its messages are delivered (below {}).",
            percent(h.success_ratio),
            percent(MIN_SUCCESS_RATIO)
        ),
        _ => format!(
            "{} of its messages are flagged as spam (above {}).",
            percent(h.spam_ratio),
            percent(MAX_SPAM_RATIO)
        ),
    };
    (
        check(CheckKey::Health, HEALTH, CheckState::Failed, figures),
        finding(
            Verdict::Unhealthy,
            reason,
            "Review what this number sends and to whom (opt-in, content, recent delivery errors); a number pool that skips unhealthy numbers stops using it until it recovers.",
        ),
    )
}
