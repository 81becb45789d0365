//! Readiness: whether one number can text right now and, if not, which link of the chain fails
//! (provisioning → messaging features → profile → profile enabled → compliance → health), in plain
//! words with the fix. Pure: every input is already fetched (see `snapshot` and `rows`).
//!
//! # Precedence
//! Several links can fail at once; the verdict names the first failing link in this order, which is
//! the order in which an admin can fix them (a fix further down cannot help while an earlier link is
//! broken):
//!
//! 1. [`Verdict::Provisioning`] — the number is not (yet) active on the account (`status` other than
//!    `active`, FACTS.md §5). For a short code this is [`Verdict::ShortCodeNotProvisioned`] instead,
//!    because provisioning *is* a short code's extra step (guide table, FACTS.md §9).
//! 2. [`Verdict::NotMessagingCapable`] — `features.sms` and `features.mms` are both null
//!    (FACTS.md §1.5). For a short code: [`Verdict::ShortCodeNotProvisioned`] (messaging is all a
//!    short code does, so no SMS means its setup is not finished).
//! 3. [`Verdict::NoProfile`] — no `messaging_profile_id`, or one naming a profile that is not on the
//!    account.
//! 4. [`Verdict::ProfileDisabled`] — the profile's `enabled` is false (FACTS.md §3).
//! 5. Compliance, from [`ENABLEMENT_RULES`]: [`Verdict::Needs10dlcCampaign`] (US long code without an
//!    `ASSIGNED` campaign, FACTS.md §6), [`Verdict::NeedsTollFreeVerification`] (US/CA toll-free not
//!    `Verified`, FACTS.md §7). A short code's step, provisioning, is judged by links 1 and 2, so its
//!    compliance line only summarises them.
//! 6. [`Verdict::Unhealthy`] — health below the thresholds Telnyx itself uses to skip unhealthy
//!    numbers in a number pool: success ratio < 25 % or spam ratio > 75 % (FACTS.md §3,
//!    `number_pool_settings`; [`MIN_SUCCESS_RATIO`], [`MAX_SPAM_RATIO`]). Strict comparisons, as
//!    documented; not judged on zero messages or on ratios outside 0–1.
//! 7. [`Verdict::CheckCountryRules`] — everything checkable passed, but the type has no registration
//!    Telnyx reports through the API (non-US long code including Canada, toll-free outside US/CA,
//!    alphanumeric sender ID, unknown type or country): the admin must check the country's rules.
//! 8. [`Verdict::Ready`].
//!
//! Missing or unknown data (no inventory record, an `Other(..)` status, no health figures) makes a
//! check `unknown`, and `port-out-pending` a `warning`; neither blocks the verdict on its own: the app does not call a number broken on
//! data it cannot read. An unknown 10DLC or toll-free status is the exception: those steps pass only
//! on a positive answer (`ASSIGNED`, `Verified`), so an unknown value fails them with the value shown.

//!
//! # Where things are
//! This file holds the verdicts, the checklist types and [`assess`], which runs the links in order.
//! Each link is a file (`provisioning`, `messaging`, `profile`, `profile_enabled`, `compliance`,
//! `health`); compliance dispatches on [`ENABLEMENT_RULES`] (`enablement`) to `ten_dlc`,
//! `toll_free`, `short_code` or `country_rules`, and `missing_list` answers for a list the snapshot
//! lacks. `wording` puts values into sentences.

mod compliance;
mod country_rules;
mod enablement;
mod health;
mod messaging;
mod missing_list;
mod profile;
mod profile_enabled;
mod provisioning;
mod short_code;
mod ten_dlc;
#[cfg(test)]
mod tests;
mod toll_free;
mod wording;

use serde::Serialize;
use telnyx_client::{
    MessagingNumber, MessagingProfile, PhoneNumberCampaign, PhoneNumberStatus, VerificationRequest,
};

use crate::services::snapshot::Gap;

pub use enablement::{
    enablement_rule, ComplianceStep, EnablementRule, NumberKind, Region, ENABLEMENT_RULES,
};
pub use health::{
    judge_health, HealthJudgement, HealthThresholds, HEALTH_THRESHOLDS, MAX_SPAM_RATIO,
    MIN_SUCCESS_RATIO,
};

/// The one-word answer to "can this number text?". Declared in precedence order (see the module
/// docs); the one exception is [`Verdict::ShortCodeNotProvisioned`], which takes the place of
/// `Provisioning` / `NotMessagingCapable` when a short code fails those links.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub enum Verdict {
    Provisioning,
    NotMessagingCapable,
    NoProfile,
    ProfileDisabled,
    Needs10dlcCampaign,
    NeedsTollFreeVerification,
    ShortCodeNotProvisioned,
    /// A compliance list the number needs could not be loaded, so its compliance is not known.
    Unchecked,
    Unhealthy,
    /// A list the number needs is still loading (a first look while the pages arrive).
    Checking,
    CheckCountryRules,
    Ready,
}

impl Verdict {
    /// Every verdict, in precedence order.
    pub const ALL: [Verdict; 12] = [
        Verdict::Provisioning,
        Verdict::NotMessagingCapable,
        Verdict::NoProfile,
        Verdict::ProfileDisabled,
        Verdict::Needs10dlcCampaign,
        Verdict::NeedsTollFreeVerification,
        Verdict::ShortCodeNotProvisioned,
        Verdict::Unchecked,
        Verdict::Unhealthy,
        Verdict::Checking,
        Verdict::CheckCountryRules,
        Verdict::Ready,
    ];

    /// The stable key, identical to the serialized form (`"needs10dlcCampaign"`).
    pub fn key(self) -> &'static str {
        match self {
            Verdict::Provisioning => "provisioning",
            Verdict::NotMessagingCapable => "notMessagingCapable",
            Verdict::NoProfile => "noProfile",
            Verdict::ProfileDisabled => "profileDisabled",
            Verdict::Needs10dlcCampaign => "needs10dlcCampaign",
            Verdict::NeedsTollFreeVerification => "needsTollFreeVerification",
            Verdict::ShortCodeNotProvisioned => "shortCodeNotProvisioned",
            Verdict::Unchecked => "unchecked",
            Verdict::Unhealthy => "unhealthy",
            Verdict::Checking => "checking",
            Verdict::CheckCountryRules => "checkCountryRules",
            Verdict::Ready => "ready",
        }
    }

    /// Plain words for the badge.
    pub fn label(self) -> &'static str {
        match self {
            Verdict::Provisioning => "Provisioning",
            Verdict::NotMessagingCapable => "Not messaging-capable",
            Verdict::NoProfile => "No profile",
            Verdict::ProfileDisabled => "Profile disabled",
            Verdict::Needs10dlcCampaign => "Needs 10DLC campaign",
            Verdict::NeedsTollFreeVerification => "Needs toll-free verification",
            Verdict::ShortCodeNotProvisioned => "Short code not provisioned",
            Verdict::Unchecked => "Couldn't check",
            Verdict::Unhealthy => "Unhealthy",
            Verdict::Checking => "Checking…",
            Verdict::CheckCountryRules => "Check country rules",
            Verdict::Ready => "Ready",
        }
    }

    /// How the badge looks.
    pub fn tone(self) -> Tone {
        match self {
            Verdict::Ready => Tone::Ok,
            Verdict::Provisioning | Verdict::Checking | Verdict::CheckCountryRules => Tone::Info,
            Verdict::Needs10dlcCampaign
            | Verdict::NeedsTollFreeVerification
            | Verdict::ShortCodeNotProvisioned
            | Verdict::Unchecked => Tone::Warn,
            Verdict::NotMessagingCapable
            | Verdict::NoProfile
            | Verdict::ProfileDisabled
            | Verdict::Unhealthy => Tone::Bad,
        }
    }

    /// True only for [`Verdict::Ready`].
    pub fn is_ready(self) -> bool {
        self == Verdict::Ready
    }
}

/// How a verdict's badge looks: ready, a state to know about (provisioning, still checking,
/// country rules), a step to take, or something broken.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub enum Tone {
    Ok,
    Info,
    Warn,
    Bad,
}

/// A verdict as the window names and colours it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct VerdictLabel {
    pub key: Verdict,
    pub label: &'static str,
    pub tone: Tone,
}

/// Every verdict in precedence order with its words and tone. The app exports it into the
/// window's bindings (`VERDICTS` in `ui/src/bindings.ts`), so the badges, the readiness filter and
/// the readiness sort use these rather than a copy.
pub fn verdict_catalogue() -> [VerdictLabel; 12] {
    Verdict::ALL.map(|v| VerdictLabel {
        key: v,
        label: v.label(),
        tone: v.tone(),
    })
}

/// One line of a number's checklist.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub enum CheckKey {
    /// The number is active on the account (`GET /phone_numbers` `status`).
    Provisioning,
    /// Guide need 2, "messaging enabled": SMS or MMS features are on.
    MessagingEnabled,
    /// Guide need 1: assigned to a messaging profile that exists.
    Profile,
    /// The profile is enabled.
    ProfileEnabled,
    /// Guide need 3, regulatory compliance: 10DLC, toll-free verification, short-code setup or
    /// country rules, by number type.
    Compliance,
    /// Health metrics within Telnyx's thresholds.
    Health,
}

/// The outcome of one check.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub enum CheckState {
    Passed,
    Failed,
    /// Not blocking, but worth a look (e.g. country rules, a port-out in progress).
    Warning,
    /// The data needed is missing or not understood.
    Unknown,
    /// The check does not apply (e.g. "profile enabled" for a number without a profile).
    NotApplicable,
}

/// A sentence: fixed text borrowed, or text with the number's details formatted in. Most
/// sentences are fixed, so a 10,000-number list allocates few of them.
pub type Text = std::borrow::Cow<'static, str>;

/// One line of the checklist, in plain words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Check {
    pub key: CheckKey,
    /// What is checked, e.g. "10DLC campaign".
    pub label: &'static str,
    pub state: CheckState,
    /// What was found, e.g. "Assigned to campaign CNDSUP1 (ASSIGNED)."
    pub detail: Text,
}

/// A number's verdict with the failing link named and the fix, plus the whole checklist.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Readiness {
    pub verdict: Verdict,
    /// Plain words, e.g. "Needs 10DLC campaign".
    pub label: &'static str,
    /// One sentence naming the failing link, with the API's status, e.g. "Its 10DLC campaign
    /// assignment is pending (PENDING_ASSIGNMENT)."
    pub reason: Text,
    /// What to do, in words.
    pub fix: Text,
    /// The checklist, in chain order (provisioning, messaging, profile, profile enabled,
    /// compliance, health).
    pub checks: Vec<Check>,
}

/// Everything about one number that lives outside its messaging-settings record, already looked up
/// from the bulk lists (see `rows::SnapshotIndex`).
#[derive(Debug, Clone, Copy, Default)]
pub struct NumberContext<'a> {
    /// The profile named by `messaging_profile_id`, when it exists on the account.
    pub profile: Option<&'a MessagingProfile>,
    /// `status` from `GET /phone_numbers`, when the inventory lists the number.
    pub status: Option<&'a PhoneNumberStatus>,
    /// The number's 10DLC campaign assignment, if any.
    pub campaign: Option<&'a PhoneNumberCampaign>,
    /// The toll-free verification request covering the number, if any.
    pub verification: Option<&'a VerificationRequest>,
    /// Set when the inventory (statuses) is missing from the snapshot, with why.
    pub inventory_gap: Option<&'a Gap>,
    /// Set when the 10DLC assignments are missing, with why.
    pub campaigns_gap: Option<&'a Gap>,
    /// Set when the toll-free verification requests are missing, with why.
    pub verifications_gap: Option<&'a Gap>,
}

/// A failing link: the verdict it leads to, the reason and the fix.
struct Finding {
    verdict: Verdict,
    reason: Text,
    fix: Text,
}

fn finding(verdict: Verdict, reason: impl Into<Text>, fix: impl Into<Text>) -> Option<Finding> {
    Some(Finding {
        verdict,
        reason: reason.into(),
        fix: fix.into(),
    })
}

fn check(key: CheckKey, label: &'static str, state: CheckState, detail: impl Into<Text>) -> Check {
    Check {
        key,
        label,
        state,
        detail: detail.into(),
    }
}

/// The readiness of one number: the verdict of the first failing link (module docs), its reason and
/// fix, and the whole checklist. Never panics, whatever the enum values.
pub fn assess(number: &MessagingNumber, ctx: &NumberContext<'_>) -> Readiness {
    let kind = NumberKind::of(number.number_type.as_ref());
    let country = number
        .country_code
        .as_deref()
        .map(str::trim)
        .filter(|c| !c.is_empty());

    let (c1, f1) = match (ctx.status, ctx.inventory_gap) {
        (None, Some(gap)) => missing_list::missing_list(
            CheckKey::Provisioning,
            provisioning::PROVISIONING,
            gap,
            "the phone-number statuses",
            false,
        ),
        (status, _) => provisioning::provisioning(kind, status),
    };
    let (c2, f2) = messaging::messaging_enabled(kind, &number.features);
    // Formatted once: three links and the ready sentence name the profile.
    let name = ctx.profile.map(display_name);
    let name = name.as_deref();
    let (c3, f3) = profile::profile(number, name);
    let (c4, f4) = profile_enabled::profile_enabled(ctx.profile, name);
    let (c5, f5) = compliance::compliance(kind, country, ctx);
    let (c6, f6) = health::health(number.health.as_ref());

    // The first failing link wins; country rules are advice and come after health.
    let first = [f1, f2, f3, f4, f5, f6]
        .into_iter()
        .enumerate()
        .filter_map(|(link, f)| f.map(|f| (link, f)))
        // A list still loading gives way to any failure already known.
        .min_by_key(|(link, f)| match f.verdict {
            Verdict::CheckCountryRules => usize::MAX,
            Verdict::Checking => usize::MAX - 1,
            _ => *link,
        })
        .map(|(_, f)| f);
    let Finding {
        verdict,
        reason,
        fix,
    } = first.unwrap_or_else(|| Finding {
        verdict: Verdict::Ready,
        reason: ready_reason(kind, name).into(),
        fix: "Nothing to do: it can send and receive texts.".into(),
    });
    Readiness {
        verdict,
        label: verdict.label(),
        reason,
        fix,
        checks: vec![c1, c2, c3, c4, c5, c6],
    }
}

fn display_name(p: &MessagingProfile) -> String {
    if p.name.trim().is_empty() {
        format!("profile {}", p.id)
    } else {
        format!("“{}”", p.name)
    }
}

fn ready_reason(kind: NumberKind, profile: Option<&str>) -> String {
    let profile = profile.unwrap_or("its messaging profile");
    let compliance = match kind {
        NumberKind::LongCode => ", and its 10DLC campaign assignment is complete",
        NumberKind::TollFree => ", and it is toll-free verified",
        NumberKind::ShortCode => ", and it is provisioned",
        NumberKind::AlphanumericSenderId | NumberKind::Unknown => "",
    };
    format!("Messaging is on, it is assigned to {profile}, which is enabled{compliance}.")
}
