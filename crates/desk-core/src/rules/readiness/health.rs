//! Link 6: health metrics within the thresholds Telnyx uses to skip unhealthy numbers in a number
//! pool (FACTS.md §3, `number_pool_settings`).

use serde::Serialize;
use telnyx_client::NumberHealth;

use super::wording::{percent, thousands};
use super::{check, finding, Check, CheckKey, CheckState, Finding, Verdict};

/// A number is unhealthy when fewer than this share of its messages are delivered (FACTS.md §3:
/// "Unhealthy" = deliverability < 25 %).
pub const MIN_SUCCESS_RATIO: f64 = 0.25;
/// A number is unhealthy when more than this share of its messages are flagged as spam (FACTS.md §3:
/// spam ratio > 75 %).
pub const MAX_SPAM_RATIO: f64 = 0.75;

/// The two thresholds, as the app exports them into the window's bindings (`HEALTH_THRESHOLDS` in
/// `ui/src/bindings.ts`) for its health bars.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct HealthThresholds {
    pub min_success_ratio: f64,
    pub max_spam_ratio: f64,
}

/// [`MIN_SUCCESS_RATIO`] and [`MAX_SPAM_RATIO`].
pub const HEALTH_THRESHOLDS: HealthThresholds = HealthThresholds {
    min_success_ratio: MIN_SUCCESS_RATIO,
    max_spam_ratio: MAX_SPAM_RATIO,
};

/// What a number's health figures say by those thresholds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HealthJudgement {
    /// No messages yet: nothing to judge.
    NoMessages,
    /// A ratio outside 0–1 (NaN included): not judged.
    Unreadable,
    /// Within both thresholds.
    Healthy,
    /// Outside one threshold or both (strict comparisons, as FACTS.md §3 documents).
    Unhealthy { low_success: bool, spammy: bool },
}

/// Judges health figures. The window's health bar follows the same rule
/// (`ui/src/features/numbers/model.ts`, `healthTone`), pinned by a shared fixture
/// (`ui/src/lib/fixtures/health.json`).
pub fn judge_health(message_count: i64, success_ratio: f64, spam_ratio: f64) -> HealthJudgement {
    let readable = |r: f64| (0.0..=1.0).contains(&r);
    if message_count <= 0 {
        HealthJudgement::NoMessages
    } else if !readable(success_ratio) || !readable(spam_ratio) {
        HealthJudgement::Unreadable
    } else {
        let low_success = success_ratio < MIN_SUCCESS_RATIO;
        let spammy = spam_ratio > MAX_SPAM_RATIO;
        if low_success || spammy {
            HealthJudgement::Unhealthy {
                low_success,
                spammy,
            }
        } else {
            HealthJudgement::Healthy
        }
    }
}

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
    let (low_success, spammy) = match judge_health(h.message_count, h.success_ratio, h.spam_ratio) {
        HealthJudgement::NoMessages => {
            return (
                check(
                    CheckKey::Health,
                    HEALTH,
                    CheckState::Unknown,
                    "No messages sent yet, so there are no health figures.",
                ),
                None,
            )
        }
        HealthJudgement::Unreadable => {
            return (
                check(
                    CheckKey::Health,
                    HEALTH,
                    CheckState::Unknown,
                    "Its health figures could not be read.",
                ),
                None,
            )
        }
        HealthJudgement::Healthy => (false, false),
        HealthJudgement::Unhealthy {
            low_success,
            spammy,
        } => (low_success, spammy),
    };
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
