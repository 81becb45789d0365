//! Readiness: whether one number can text right now and, if not, every link of the chain that
//! fails (provisioning → messaging features → profile → profile enabled → webhook → compliance →
//! health), in plain words with the fix. Pure: every input is already fetched (see `snapshot` and
//! `rows`).
//!
//! # Act, wait, or fine
//! Every verdict belongs to one [`ReadinessGroup`]: **Action needed** (something the admin must
//! do), **Waiting** (submitted and in progress at Telnyx or the carriers: the problem says who is
//! acting and, only where the fact sheet documents it, how long it usually takes), or **Ready**
//! (it can text; a verdict here is advice, such as an unencrypted webhook). A number's group is the
//! most pressing group among its problems: any problem needing action makes it Action needed.
//!
//! # Every problem, and precedence
//! [`Readiness::problems`] lists every failing link. They are ordered, and the verdict is the
//! first of them, in the order in which an admin can fix them (a fix further down cannot help
//! while an earlier link is broken):
//!
//! 1. Provisioning — the number is not (yet) active on the account (`status` other than `active`,
//!    FACTS.md §5): [`Verdict::Provisioning`] while Telnyx or a port is still at work (waiting),
//!    [`Verdict::NotActive`] when it failed or needs documents from the admin. For a short code:
//!    [`Verdict::ShortCodePending`] / [`Verdict::ShortCodeNotProvisioned`] instead, because
//!    provisioning *is* a short code's extra step (guide table, FACTS.md §9).
//! 2. [`Verdict::NotMessagingCapable`] — `features.sms` and `features.mms` are both null
//!    (FACTS.md §1.5). For a short code: [`Verdict::ShortCodeNotProvisioned`] (messaging is all a
//!    short code does, so no SMS means its setup is not finished).
//! 3. [`Verdict::NoProfile`] — no `messaging_profile_id`, or one naming a profile that is not on the
//!    account.
//! 4. [`Verdict::ProfileDisabled`] — the profile's `enabled` is false (FACTS.md §3).
//! 5. Compliance, from [`ENABLEMENT_RULES`]: US long code without an `ASSIGNED` campaign
//!    (FACTS.md §6) — [`Verdict::TenDlcPending`] while `PENDING_ASSIGNMENT`, else
//!    [`Verdict::Needs10dlcCampaign`]; US/CA toll-free not `Verified` (FACTS.md §7) —
//!    [`Verdict::TollFreeInReview`] while `In Progress`, `Waiting For Telnyx` or `Waiting For
//!    Vendor`, else [`Verdict::NeedsTollFreeVerification`]. A short code's step, provisioning, is
//!    judged by links 1 and 2, so its compliance line only summarises them. Non-US long codes and
//!    toll-free numbers outside US/CA pass: the guide's table says non-US long codes are
//!    "typically immediate" and documents no registration for them (FACTS.md §9); the country's
//!    rules are advice on the checklist line. Only an alphanumeric sender ID (registration the API
//!    does not report) or an unknown type or country is [`Verdict::CheckCountryRules`].
//! 6. [`Verdict::Unhealthy`] — health below the thresholds Telnyx itself uses to skip unhealthy
//!    numbers in a number pool: success ratio < 25 % or spam ratio > 75 % (FACTS.md §3,
//!    `number_pool_settings`; [`MIN_SUCCESS_RATIO`], [`MAX_SPAM_RATIO`]). Strict comparisons, as
//!    documented; not judged on zero messages or on ratios outside 0–1.
//! 7. The webhook (`webhook`): [`Verdict::NoWebhook`], [`Verdict::WebhookUnreachable`] — incoming
//!    texts go nowhere (FACTS.md §9, troubleshooting 3). After sending problems in precedence,
//!    because they only stop incoming texts; on the checklist the line sits after the profile.
//! 8. Last, whatever their link: [`Verdict::Checking`] (a list still loading gives way to any
//!    failure already known), [`Verdict::CheckCountryRules`], and the advice
//!    [`Verdict::WebhookNotEncrypted`]. Then [`Verdict::Ready`] when nothing fails.
//!
//! Missing or unknown data (no inventory record, an `Other(..)` status, no health figures) makes a
//! check `unknown`, and `port-out-pending` a `warning`; neither blocks the verdict on its own: the
//! app does not call a number broken on data it cannot read. An unknown 10DLC or toll-free status
//! is the exception: those steps pass only on a positive answer (`ASSIGNED`, `Verified`), so an
//! unknown value fails them.
//!
//! # Words
//! No Telnyx enum value reaches a sentence as it is: `wording` says each in words (the raw values
//! stay in the number's Details JSON), and the checklist lines name the glossary term they are
//! about ([`crate::rules::glossary`]).
//!
//! # Where things are
//! This file holds the verdicts, groups, the checklist types and [`assess`], which runs the links
//! in order. Each link is a file (`provisioning`, `messaging`, `profile`, `profile_enabled`,
//! `webhook`, `compliance`, `health`); compliance dispatches on [`ENABLEMENT_RULES`]
//! (`enablement`) to `ten_dlc`, `toll_free`, `short_code` or `country_rules`, and `missing_list`
//! answers for a list the snapshot lacks. `wording` puts values into sentences.

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
pub mod webhook;
mod wording;

use serde::Serialize;
use telnyx_client::{
    MessagingNumber, MessagingProfile, PhoneNumberCampaign, PhoneNumberStatus, VerificationRequest,
};

use crate::services::snapshot::Gap;

pub use crate::rules::glossary::Term;
pub use enablement::{
    enablement_rule, ComplianceStep, EnablementRule, NumberKind, Region, ENABLEMENT_RULES,
};
pub use health::{
    judge_health, HealthJudgement, HealthThresholds, HEALTH_THRESHOLDS, MAX_SPAM_RATIO,
    MIN_SUCCESS_RATIO,
};
pub use webhook::{judge_webhook, judge_webhook_url, WebhookJudgement};
pub(crate) use wording::thousands;
pub use wording::{assignment_status_words, number_status_words, verification_status_words};

/// Act, wait, or fine: what a verdict asks of the admin (module docs).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub enum ReadinessGroup {
    /// Something the admin must do before the number can text (or receive texts).
    ActionNeeded,
    /// Submitted and in progress at Telnyx or the carriers; nothing to do but wait.
    Waiting,
    /// It can text; any verdict here is advice.
    Ready,
}

impl ReadinessGroup {
    /// The groups, most pressing first.
    pub const ALL: [ReadinessGroup; 3] = [
        ReadinessGroup::ActionNeeded,
        ReadinessGroup::Waiting,
        ReadinessGroup::Ready,
    ];

    /// The stable key, identical to the serialized form (`"actionNeeded"`).
    pub fn key(self) -> &'static str {
        match self {
            ReadinessGroup::ActionNeeded => "actionNeeded",
            ReadinessGroup::Waiting => "waiting",
            ReadinessGroup::Ready => "ready",
        }
    }

    /// Plain words for the filter and the detail panel.
    pub fn label(self) -> &'static str {
        match self {
            ReadinessGroup::ActionNeeded => "Action needed",
            ReadinessGroup::Waiting => "Waiting",
            ReadinessGroup::Ready => "Ready",
        }
    }

    /// One line on what the group means.
    pub fn explanation(self) -> &'static str {
        match self {
            ReadinessGroup::ActionNeeded => "Something you must do before these numbers can text.",
            ReadinessGroup::Waiting => {
                "Submitted and in progress at Telnyx or the carriers: nothing to do but wait."
            }
            ReadinessGroup::Ready => "They can send and receive texts.",
        }
    }

    /// True for the groups of numbers that cannot text yet (Action needed and Waiting).
    pub fn cannot_text(self) -> bool {
        self != ReadinessGroup::Ready
    }
}

/// A group as the window names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct GroupLabel {
    pub key: ReadinessGroup,
    pub label: &'static str,
    pub explanation: &'static str,
    /// True for Action needed and Waiting: the groups of "everything that can't text".
    pub cannot_text: bool,
}

/// Every group, most pressing first (exported to the window as `READINESS_GROUPS`).
pub fn group_catalogue() -> [GroupLabel; 3] {
    ReadinessGroup::ALL.map(|g| GroupLabel {
        key: g,
        label: g.label(),
        explanation: g.explanation(),
        cannot_text: g.cannot_text(),
    })
}

/// The one-word answer to "can this number text?", and the name of each problem. Declared in
/// precedence order (see the module docs); the one exception is the short-code pair, which takes
/// the place of the provisioning and messaging verdicts when a short code fails those links.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub enum Verdict {
    /// Still being set up after purchase, being ported in, or its documents under review.
    Provisioning,
    /// Purchase or port failed, documents needed or refused, emergency only, or gone.
    NotActive,
    NotMessagingCapable,
    NoProfile,
    ProfileDisabled,
    /// No 10DLC campaign, or an assignment that failed or is being removed.
    Needs10dlcCampaign,
    /// The 10DLC assignment is in progress (`PENDING_ASSIGNMENT`).
    TenDlcPending,
    /// Never submitted, rejected, waiting for the admin's answer, or an unknown status.
    NeedsTollFreeVerification,
    /// Under review at Telnyx or its vendor.
    TollFreeInReview,
    /// A short code's setup failed or is not finished (no SMS features).
    ShortCodeNotProvisioned,
    /// A short code still being set up after purchase.
    ShortCodePending,
    /// A compliance list the number needs could not be loaded, so its compliance is not known.
    Unchecked,
    Unhealthy,
    /// The profile has no webhook address: incoming texts go nowhere.
    NoWebhook,
    /// The profile's webhook address cannot be reached by Telnyx (a local address, not a URL).
    WebhookUnreachable,
    /// A list the number needs is still loading (a first look while the pages arrive).
    Checking,
    /// An alphanumeric sender ID, or an unknown type or country: registration to check by hand.
    CheckCountryRules,
    /// Advice: incoming texts reach the webhook over `http://`, unencrypted.
    WebhookNotEncrypted,
    Ready,
}

impl Verdict {
    /// Every verdict, in precedence order.
    pub const ALL: [Verdict; 19] = [
        Verdict::Provisioning,
        Verdict::NotActive,
        Verdict::NotMessagingCapable,
        Verdict::NoProfile,
        Verdict::ProfileDisabled,
        Verdict::Needs10dlcCampaign,
        Verdict::TenDlcPending,
        Verdict::NeedsTollFreeVerification,
        Verdict::TollFreeInReview,
        Verdict::ShortCodeNotProvisioned,
        Verdict::ShortCodePending,
        Verdict::Unchecked,
        Verdict::Unhealthy,
        Verdict::NoWebhook,
        Verdict::WebhookUnreachable,
        Verdict::Checking,
        Verdict::CheckCountryRules,
        Verdict::WebhookNotEncrypted,
        Verdict::Ready,
    ];

    /// The stable key, identical to the serialized form (`"needs10dlcCampaign"`).
    pub fn key(self) -> &'static str {
        match self {
            Verdict::Provisioning => "provisioning",
            Verdict::NotActive => "notActive",
            Verdict::NotMessagingCapable => "notMessagingCapable",
            Verdict::NoProfile => "noProfile",
            Verdict::ProfileDisabled => "profileDisabled",
            Verdict::Needs10dlcCampaign => "needs10dlcCampaign",
            Verdict::TenDlcPending => "tenDlcPending",
            Verdict::NeedsTollFreeVerification => "needsTollFreeVerification",
            Verdict::TollFreeInReview => "tollFreeInReview",
            Verdict::ShortCodeNotProvisioned => "shortCodeNotProvisioned",
            Verdict::ShortCodePending => "shortCodePending",
            Verdict::Unchecked => "unchecked",
            Verdict::Unhealthy => "unhealthy",
            Verdict::NoWebhook => "noWebhook",
            Verdict::WebhookUnreachable => "webhookUnreachable",
            Verdict::Checking => "checking",
            Verdict::CheckCountryRules => "checkCountryRules",
            Verdict::WebhookNotEncrypted => "webhookNotEncrypted",
            Verdict::Ready => "ready",
        }
    }

    /// Plain words for the badge.
    pub fn label(self) -> &'static str {
        match self {
            Verdict::Provisioning => "Being set up",
            Verdict::NotActive => "Not active",
            Verdict::NotMessagingCapable => "Not messaging-capable",
            Verdict::NoProfile => "No profile",
            Verdict::ProfileDisabled => "Profile disabled",
            Verdict::Needs10dlcCampaign => "Needs 10DLC campaign",
            Verdict::TenDlcPending => "10DLC in progress",
            Verdict::NeedsTollFreeVerification => "Needs toll-free verification",
            Verdict::TollFreeInReview => "Toll-free in review",
            Verdict::ShortCodeNotProvisioned => "Short code not provisioned",
            Verdict::ShortCodePending => "Short code being set up",
            Verdict::Unchecked => "Couldn't check",
            Verdict::Unhealthy => "Unhealthy",
            Verdict::NoWebhook => "No webhook",
            Verdict::WebhookUnreachable => "Webhook unreachable",
            Verdict::Checking => "Checking…",
            Verdict::CheckCountryRules => "Check country rules",
            Verdict::WebhookNotEncrypted => "Webhook not encrypted",
            Verdict::Ready => "Ready",
        }
    }

    /// Act, wait, or fine.
    pub fn group(self) -> ReadinessGroup {
        match self {
            Verdict::Provisioning
            | Verdict::TenDlcPending
            | Verdict::TollFreeInReview
            | Verdict::ShortCodePending
            | Verdict::Checking => ReadinessGroup::Waiting,
            Verdict::WebhookNotEncrypted | Verdict::Ready => ReadinessGroup::Ready,
            Verdict::NotActive
            | Verdict::NotMessagingCapable
            | Verdict::NoProfile
            | Verdict::ProfileDisabled
            | Verdict::Needs10dlcCampaign
            | Verdict::NeedsTollFreeVerification
            | Verdict::ShortCodeNotProvisioned
            | Verdict::Unchecked
            | Verdict::Unhealthy
            | Verdict::NoWebhook
            | Verdict::WebhookUnreachable
            | Verdict::CheckCountryRules => ReadinessGroup::ActionNeeded,
        }
    }

    /// How the badge looks.
    pub fn tone(self) -> Tone {
        match self {
            Verdict::Ready => Tone::Ok,
            Verdict::Provisioning
            | Verdict::TenDlcPending
            | Verdict::TollFreeInReview
            | Verdict::ShortCodePending
            | Verdict::Checking
            | Verdict::WebhookNotEncrypted => Tone::Info,
            Verdict::Needs10dlcCampaign
            | Verdict::NeedsTollFreeVerification
            | Verdict::ShortCodeNotProvisioned
            | Verdict::Unchecked
            | Verdict::NoWebhook
            | Verdict::CheckCountryRules => Tone::Warn,
            Verdict::NotActive
            | Verdict::NotMessagingCapable
            | Verdict::NoProfile
            | Verdict::ProfileDisabled
            | Verdict::Unhealthy
            | Verdict::WebhookUnreachable => Tone::Bad,
        }
    }

    /// True only for [`Verdict::Ready`].
    pub fn is_ready(self) -> bool {
        self == Verdict::Ready
    }
}

/// How a verdict's badge looks: ready, a state to know about (in progress, still checking,
/// advice), a step to take, or something broken.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub enum Tone {
    Ok,
    Info,
    Warn,
    Bad,
}

/// A verdict as the window names, colours and groups it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct VerdictLabel {
    pub key: Verdict,
    pub label: &'static str,
    pub tone: Tone,
    pub group: ReadinessGroup,
}

/// Every verdict in precedence order with its words, tone and group. The app exports it into the
/// window's bindings (`VERDICTS` in `ui/src/bindings.ts`), so the badges, the readiness filter and
/// the readiness sort use these rather than a copy.
pub fn verdict_catalogue() -> [VerdictLabel; 19] {
    Verdict::ALL.map(|v| VerdictLabel {
        key: v,
        label: v.label(),
        tone: v.tone(),
        group: v.group(),
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
    /// The profile has a webhook address Telnyx can deliver incoming texts to.
    Webhook,
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
    /// Submitted and in progress at Telnyx or the carriers.
    Waiting,
    /// Not blocking, but worth a look (e.g. an unencrypted webhook, a port-out in progress).
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
    /// What was found, e.g. "Assigned to campaign CNDSUP1."
    pub detail: Text,
    /// The glossary term the line is about, if any (the window explains it on hover or focus).
    pub term: Option<Term>,
}

impl Check {
    fn term(mut self, term: Term) -> Self {
        self.term = Some(term);
        self
    }
}

/// One failing link: its verdict and group, in words, with the fix.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Problem {
    pub verdict: Verdict,
    pub group: ReadinessGroup,
    /// The verdict's words, e.g. "10DLC in progress".
    pub label: &'static str,
    /// One sentence naming what fails, e.g. "Its 10DLC campaign assignment is in progress."
    pub reason: Text,
    /// What to do, in words (for a Waiting problem: that there is nothing to do, and when to act).
    pub fix: Text,
    /// Waiting only: who is acting, e.g. "Telnyx and the mobile carriers".
    pub waiting_on: Option<&'static str>,
    /// Waiting only, and only where Telnyx documents it: how long it usually takes.
    pub usual_time: Option<&'static str>,
}

/// A number's verdict with the failing link named and the fix, every problem, plus the whole
/// checklist.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Readiness {
    /// The first problem's verdict, or `ready`.
    pub verdict: Verdict,
    /// The most pressing group among the problems (Ready when there are none).
    pub group: ReadinessGroup,
    /// Plain words, e.g. "Needs 10DLC campaign".
    pub label: &'static str,
    /// The first problem's reason (or why it is ready).
    pub reason: Text,
    /// The first problem's fix (or "Nothing to do…").
    pub fix: Text,
    /// Every problem, in precedence order (module docs); empty when it is ready.
    pub problems: Vec<Problem>,
    /// The checklist, in chain order (provisioning, messaging, profile, profile enabled, webhook,
    /// compliance, health).
    pub checks: Vec<Check>,
}

impl Readiness {
    /// The verdicts of the problems, each once, in order: what the list filters and counts by.
    /// `[ready]` when there are none.
    pub fn problem_verdicts(&self) -> Vec<Verdict> {
        problem_verdicts(self.problems.iter().map(|p| p.verdict))
    }
}

fn problem_verdicts(verdicts: impl Iterator<Item = Verdict>) -> Vec<Verdict> {
    let mut out: Vec<Verdict> = Vec::with_capacity(2);
    for v in verdicts {
        if !out.contains(&v) {
            out.push(v);
        }
    }
    if out.is_empty() {
        out.push(Verdict::Ready);
    }
    out
}

/// The group of a number with these problems: the most pressing one, Ready without problems.
pub fn group_of(problems: impl IntoIterator<Item = Verdict>) -> ReadinessGroup {
    problems
        .into_iter()
        .map(Verdict::group)
        .min()
        .unwrap_or(ReadinessGroup::Ready)
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

/// A failing link: the verdict it leads to, the reason and the fix, and for a Waiting verdict who
/// is acting and how long it usually takes.
struct Finding {
    verdict: Verdict,
    reason: Text,
    fix: Text,
    waiting_on: Option<&'static str>,
    usual_time: Option<&'static str>,
}

fn finding(verdict: Verdict, reason: impl Into<Text>, fix: impl Into<Text>) -> Option<Finding> {
    Some(Finding {
        verdict,
        reason: reason.into(),
        fix: fix.into(),
        waiting_on: None,
        usual_time: None,
    })
}

/// A Waiting finding: `on` is who is acting; `usual_time` only where FACTS.md documents it.
fn waiting(
    verdict: Verdict,
    reason: impl Into<Text>,
    fix: impl Into<Text>,
    on: &'static str,
    usual_time: Option<&'static str>,
) -> Option<Finding> {
    debug_assert_eq!(verdict.group(), ReadinessGroup::Waiting);
    Some(Finding {
        verdict,
        reason: reason.into(),
        fix: fix.into(),
        waiting_on: Some(on),
        usual_time,
    })
}

fn check(key: CheckKey, label: &'static str, state: CheckState, detail: impl Into<Text>) -> Check {
    Check {
        key,
        label,
        state,
        detail: detail.into(),
        term: None,
    }
}

/// The fix of the advice [`Verdict::WebhookNotEncrypted`].
const ADVICE_NOT_ENCRYPTED: &str =
    "Nothing stops it texting. To keep incoming texts private, change the profile's webhook to an https:// address.";

/// Where a finding sorts among the problems: its link, except the verdicts that give way to every
/// other (module docs, item 8).
fn precedence(link: usize, verdict: Verdict) -> usize {
    match verdict {
        Verdict::Checking => usize::MAX - 2,
        Verdict::CheckCountryRules => usize::MAX - 1,
        Verdict::WebhookNotEncrypted => usize::MAX,
        _ => link,
    }
}

/// The readiness of one number: every failing link (module docs), the verdict, reason and fix of
/// the first, its group, and the whole checklist. Never panics, whatever the enum values.
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
    // Formatted once: several links and the ready sentence name the profile.
    let name = ctx.profile.map(display_name);
    let name = name.as_deref();
    let (c3, f3) = profile::profile(number, name);
    let (c4, f4) = profile_enabled::profile_enabled(ctx.profile, name);
    let (c5, f5) = compliance::compliance(kind, country, ctx);
    let (c6, f6) = health::health(number.health.as_ref());
    let (c7, f7) = webhook::webhook(ctx.profile, name);

    let mut findings: Vec<(usize, Finding)> = [f1, f2, f3, f4, f5, f6, f7]
        .into_iter()
        .enumerate()
        .filter_map(|(link, f)| f.map(|f| (precedence(link, f.verdict), f)))
        .collect();
    // Stable: links in chain order, then the verdicts that give way to the others.
    findings.sort_by_key(|(p, _)| *p);
    let problems: Vec<Problem> = findings
        .into_iter()
        .map(|(_, f)| Problem {
            verdict: f.verdict,
            group: f.verdict.group(),
            label: f.verdict.label(),
            reason: f.reason,
            fix: f.fix,
            waiting_on: f.waiting_on,
            usual_time: f.usual_time,
        })
        .collect();
    let group = group_of(problems.iter().map(|p| p.verdict));
    let (verdict, reason, fix) = match problems.first() {
        Some(p) => (p.verdict, p.reason.clone(), p.fix.clone()),
        None => (
            Verdict::Ready,
            ready_reason(kind, country, name).into(),
            ready_fix(kind, country).into(),
        ),
    };
    Readiness {
        verdict,
        group,
        label: verdict.label(),
        reason,
        fix,
        problems,
        checks: vec![c1, c2, c3, c4, c7, c5, c6],
    }
}

fn display_name(p: &MessagingProfile) -> String {
    if p.name.trim().is_empty() {
        format!("profile {}", p.id)
    } else {
        format!("“{}”", p.name)
    }
}

fn ready_reason(kind: NumberKind, country: Option<&str>, profile: Option<&str>) -> String {
    let profile = profile.unwrap_or("its messaging profile");
    let compliance = match enablement_rule(kind, country).map(|r| r.step) {
        Some(ComplianceStep::TenDlcCampaign) => ", and its 10DLC campaign assignment is complete",
        Some(ComplianceStep::TollFreeVerification) => ", and it is toll-free verified",
        Some(ComplianceStep::ShortCodeProvisioning) => ", and it is provisioned",
        Some(ComplianceStep::CountryRules) => ", and it needs no registration through Telnyx",
        Some(ComplianceStep::AlphaSenderRegistration) | None => "",
    };
    format!(
        "Messaging is on, it is assigned to {profile}, which is enabled and sends incoming texts to a webhook{compliance}."
    )
}

fn ready_fix(kind: NumberKind, country: Option<&str>) -> String {
    let advice = match enablement_rule(kind, country).map(|r| r.step) {
        Some(ComplianceStep::CountryRules) => country_rules::advice(kind, country),
        _ => String::new(),
    };
    format!("Nothing to do: it can send and receive texts.{advice}")
}
