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

use serde::Serialize;
use telnyx_client::{
    AssignmentStatus, Features, MessagingNumber, MessagingProfile, NumberHealth, NumberType,
    PhoneNumberCampaign, PhoneNumberStatus, VerificationRequest, VerificationStatus,
};

use crate::countries::country_name;
use crate::snapshot::Gap;

/// A number is unhealthy when fewer than this share of its messages are delivered (FACTS.md §3:
/// "Unhealthy" = deliverability < 25 %).
pub const MIN_SUCCESS_RATIO: f64 = 0.25;
/// A number is unhealthy when more than this share of its messages are flagged as spam (FACTS.md §3:
/// spam ratio > 75 %).
pub const MAX_SPAM_RATIO: f64 = 0.75;

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

    /// True only for [`Verdict::Ready`].
    pub fn is_ready(self) -> bool {
        self == Verdict::Ready
    }
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

/// What kind of sender a number is, for the enablement rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub enum NumberKind {
    LongCode,
    TollFree,
    ShortCode,
    /// In the guide's table; the numbers list never returns one, but the rules cover it.
    AlphanumericSenderId,
    /// A `type` this app does not know, or none.
    Unknown,
}

impl NumberKind {
    /// The kind of a messaging-settings `type` (every spelling the client accepts).
    pub fn of(number_type: Option<&NumberType>) -> NumberKind {
        match number_type {
            Some(NumberType::LongCode) => NumberKind::LongCode,
            Some(NumberType::TollFree) => NumberKind::TollFree,
            Some(NumberType::ShortCode) => NumberKind::ShortCode,
            Some(NumberType::Other(s)) => match s.to_ascii_lowercase().as_str() {
                "alphanumeric_sender_id" | "alphanumeric-sender-id" | "alphanumeric" => {
                    NumberKind::AlphanumericSenderId
                }
                _ => NumberKind::Unknown,
            },
            None => NumberKind::Unknown,
        }
    }

    /// The stable key, identical to the serialized form.
    pub fn key(self) -> &'static str {
        match self {
            NumberKind::LongCode => "longCode",
            NumberKind::TollFree => "tollFree",
            NumberKind::ShortCode => "shortCode",
            NumberKind::AlphanumericSenderId => "alphanumericSenderId",
            NumberKind::Unknown => "unknown",
        }
    }

    /// Plain words for the type column.
    pub fn label(self) -> &'static str {
        match self {
            NumberKind::LongCode => "Local (long code)",
            NumberKind::TollFree => "Toll-free",
            NumberKind::ShortCode => "Short code",
            NumberKind::AlphanumericSenderId => "Alphanumeric sender ID",
            NumberKind::Unknown => "Unknown type",
        }
    }
}

/// Where an enablement rule applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Region {
    /// Country `US` only.
    Us,
    /// Country `US` or `CA`.
    UsOrCa,
    /// A known country other than `US`.
    NotUs,
    /// A known country other than `US` and `CA`.
    NotUsOrCa,
    /// Any country, or none.
    Any,
}

impl Region {
    fn contains(self, country: Option<&str>) -> bool {
        let is = |c: &str| country.is_some_and(|x| x.eq_ignore_ascii_case(c));
        let known = country.is_some_and(|c| !c.trim().is_empty());
        match self {
            Region::Us => is("US"),
            Region::UsOrCa => is("US") || is("CA"),
            Region::NotUs => known && !is("US"),
            Region::NotUsOrCa => known && !is("US") && !is("CA"),
            Region::Any => true,
        }
    }
}

/// The compliance step a rule requires before the number may text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ComplianceStep {
    /// 10DLC: a brand and a campaign, with the number assigned to the campaign (FACTS.md §6).
    TenDlcCampaign,
    /// Toll-free verification (FACTS.md §7).
    TollFreeVerification,
    /// Short-code setup: provisioning by Telnyx and the carriers.
    ShortCodeProvisioning,
    /// No registration visible through the API; the country's own rules apply.
    CountryRules,
    /// Alphanumeric sender ID registration.
    AlphaSenderRegistration,
}

/// One row of the guide's "messaging enablement by number type" table (FACTS.md §9), as data.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EnablementRule {
    pub kind: NumberKind,
    pub region: Region,
    /// The guide's "Ready" column.
    pub ready_when: &'static str,
    /// The guide's "Extra step" column.
    pub extra_step: &'static str,
    pub step: ComplianceStep,
}

/// The guide's table (FACTS.md §9), first match wins. The last row is ours: the guide names
/// toll-free only for US/CA, so a toll-free number elsewhere gets the country-rules advice.
pub const ENABLEMENT_RULES: [EnablementRule; 6] = [
    EnablementRule {
        kind: NumberKind::LongCode,
        region: Region::Us,
        ready_when: "after 10DLC registration",
        extra_step: "register brand + campaign",
        step: ComplianceStep::TenDlcCampaign,
    },
    EnablementRule {
        kind: NumberKind::TollFree,
        region: Region::UsOrCa,
        ready_when: "after verification",
        extra_step: "toll-free verification",
        step: ComplianceStep::TollFreeVerification,
    },
    EnablementRule {
        kind: NumberKind::ShortCode,
        region: Region::Any,
        ready_when: "after provisioning",
        extra_step: "short-code setup",
        step: ComplianceStep::ShortCodeProvisioning,
    },
    EnablementRule {
        kind: NumberKind::LongCode,
        region: Region::NotUs,
        ready_when: "typically immediate",
        extra_step: "country rules",
        step: ComplianceStep::CountryRules,
    },
    EnablementRule {
        kind: NumberKind::AlphanumericSenderId,
        region: Region::Any,
        ready_when: "after registration",
        extra_step: "alpha sender setup",
        step: ComplianceStep::AlphaSenderRegistration,
    },
    EnablementRule {
        kind: NumberKind::TollFree,
        region: Region::NotUsOrCa,
        ready_when: "depends on the country",
        extra_step: "country rules",
        step: ComplianceStep::CountryRules,
    },
];

/// The enablement rule for a number of this kind in this country, if the table has one.
pub fn enablement_rule(kind: NumberKind, country: Option<&str>) -> Option<&'static EnablementRule> {
    ENABLEMENT_RULES
        .iter()
        .find(|r| r.kind == kind && r.region.contains(country))
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
        (None, Some(gap)) => missing_list(
            CheckKey::Provisioning,
            PROVISIONING,
            gap,
            "the phone-number statuses",
            false,
        ),
        (status, _) => provisioning(kind, status),
    };
    let (c2, f2) = messaging_enabled(kind, &number.features);
    // Formatted once: three links and the ready sentence name the profile.
    let name = ctx.profile.map(display_name);
    let name = name.as_deref();
    let (c3, f3) = profile(number, name);
    let (c4, f4) = profile_enabled(ctx.profile, name);
    let (c5, f5) = compliance(kind, country, ctx);
    let (c6, f6) = health(number.health.as_ref());

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

const PROVISIONING: &str = "Active on the account";

fn provisioning(kind: NumberKind, status: Option<&PhoneNumberStatus>) -> (Check, Option<Finding>) {
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

const MESSAGING: &str = "Messaging enabled (SMS/MMS)";

fn messaging_enabled(kind: NumberKind, features: &Features) -> (Check, Option<Finding>) {
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

const PROFILE: &str = "Messaging profile";

/// `found` is the display name of the profile, when it is on the account.
fn profile(number: &MessagingNumber, found: Option<&str>) -> (Check, Option<Finding>) {
    let id = number
        .messaging_profile_id
        .as_ref()
        .map(|p| p.as_str())
        .filter(|p| !p.is_empty());
    match (id, found) {
        (_, Some(p)) => (
            check(
                CheckKey::Profile,
                PROFILE,
                CheckState::Passed,
                format!("Assigned to {p}."),
            ),
            None,
        ),
        (None, None) => (
            check(
                CheckKey::Profile,
                PROFILE,
                CheckState::Failed,
                "Not assigned to any messaging profile.",
            ),
            finding(
                Verdict::NoProfile,
                "The number is not assigned to a messaging profile, so it cannot send and its incoming texts go nowhere.",
                "Assign it to a messaging profile (drag it onto one on the Assign board, or use “Move to…”).",
            ),
        ),
        (Some(id), None) => (
            check(
                CheckKey::Profile,
                PROFILE,
                CheckState::Failed,
                format!("Assigned to profile {id}, which is not on this account."),
            ),
            finding(
                Verdict::NoProfile,
                format!("The number names messaging profile {id}, which does not exist on this account."),
                "Assign it to one of your messaging profiles.",
            ),
        ),
    }
}

const PROFILE_ENABLED: &str = "Profile enabled";

/// `name` is the profile's display name (`Some` whenever `profile` is).
fn profile_enabled(
    profile: Option<&MessagingProfile>,
    name: Option<&str>,
) -> (Check, Option<Finding>) {
    let (Some(p), Some(name)) = (profile, name) else {
        return (
            check(
                CheckKey::ProfileEnabled,
                PROFILE_ENABLED,
                CheckState::NotApplicable,
                "There is no profile to check.",
            ),
            None,
        );
    };
    match p.enabled {
        Some(true) => (
            check(
                CheckKey::ProfileEnabled,
                PROFILE_ENABLED,
                CheckState::Passed,
                format!("{} is enabled.", capitalize(name)),
            ),
            None,
        ),
        Some(false) => (
            check(
                CheckKey::ProfileEnabled,
                PROFILE_ENABLED,
                CheckState::Failed,
                format!("{} is disabled.", capitalize(name)),
            ),
            finding(
                Verdict::ProfileDisabled,
                format!(
                    "Its messaging profile {name} is disabled, so nothing can be sent through it."
                ),
                format!(
                    "Enable the profile {name} again, or move the number to an enabled profile."
                ),
            ),
        ),
        None => (
            check(
                CheckKey::ProfileEnabled,
                PROFILE_ENABLED,
                CheckState::Unknown,
                format!("{} does not say whether it is enabled.", capitalize(name)),
            ),
            None,
        ),
    }
}

fn capitalize(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn compliance(
    kind: NumberKind,
    country: Option<&str>,
    ctx: &NumberContext<'_>,
) -> (Check, Option<Finding>) {
    match enablement_rule(kind, country).map(|r| r.step) {
        Some(ComplianceStep::TenDlcCampaign) => match ctx.campaigns_gap {
            Some(gap) => missing_list(
                CheckKey::Compliance,
                TEN_DLC,
                gap,
                "the 10DLC campaign assignments",
                true,
            ),
            None => ten_dlc(ctx.campaign),
        },
        Some(ComplianceStep::TollFreeVerification) => match ctx.verifications_gap {
            Some(gap) => missing_list(
                CheckKey::Compliance,
                TOLL_FREE,
                gap,
                "the toll-free verification requests",
                true,
            ),
            None => toll_free(ctx.verification),
        },
        Some(ComplianceStep::ShortCodeProvisioning) => match (ctx.status, ctx.inventory_gap) {
            (None, Some(gap)) => missing_list(
                CheckKey::Compliance,
                SHORT_CODE,
                gap,
                "the phone-number statuses",
                false,
            ),
            (status, _) => short_code(status),
        },
        Some(ComplianceStep::CountryRules) => country_rules(kind, country),
        Some(ComplianceStep::AlphaSenderRegistration) => (
            check(
                CheckKey::Compliance,
                "Alphanumeric sender registration",
                CheckState::Warning,
                "Alphanumeric sender IDs need registration in many countries; the API does not report it.",
            ),
            finding(
                Verdict::CheckCountryRules,
                "An alphanumeric sender ID needs registration in many countries, which the API does not report.",
                "Check the alphanumeric sender requirements of each country you send to.",
            ),
        ),
        None => unknown_rule(kind, country),
    }
}

/// A check whose list is missing from the snapshot (`what`, e.g. "the 10DLC campaign
/// assignments"). Still loading: "Checking…", which gives way to any failure already known.
/// Failed: the check is unknown; when the step passes only on a positive answer (`blocks`, as 10DLC
/// and toll-free verification do) the number is "Couldn't check" rather than ready.
fn missing_list(
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
            finding(
                Verdict::Checking,
                format!("Number Desk is still loading {what}."),
                "Wait a moment: the rest of the account is on its way.",
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

const TEN_DLC: &str = "10DLC campaign";

fn ten_dlc(campaign: Option<&PhoneNumberCampaign>) -> (Check, Option<Finding>) {
    use AssignmentStatus as A;
    let register = "Register a 10DLC brand and campaign in the Telnyx portal (Messaging › 10DLC), then assign this number to the campaign.";
    let Some(c) = campaign else {
        return (
            check(
                CheckKey::Compliance,
                TEN_DLC,
                CheckState::Failed,
                "Not on any 10DLC campaign.",
            ),
            finding(
                Verdict::Needs10dlcCampaign,
                "The number is a US long code without a 10DLC campaign, so carriers filter or block its texts.",
                register,
            ),
        );
    };
    let name = c
        .tcr_campaign_id
        .as_deref()
        .filter(|s| !s.is_empty())
        .unwrap_or(c.campaign_id.as_str());
    let failure = c
        .failure_reasons
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|s| format!(" {}", sentence(s)))
        .unwrap_or_default();
    let status = c.assignment_status.as_ref();
    let code = status.map(|s| s.as_str()).unwrap_or("no status");
    let (reason, fix) = match status {
        Some(A::Assigned) => {
            return (
                check(
                    CheckKey::Compliance,
                    TEN_DLC,
                    CheckState::Passed,
                    format!("On campaign {name} (ASSIGNED)."),
                ),
                None,
            )
        }
        Some(A::PendingAssignment) => (
            format!("Its 10DLC campaign assignment is pending ({code})."),
            format!("Wait for the assignment to campaign {name} to finish; nothing else is needed unless it fails."),
        ),
        Some(A::FailedAssignment) => (
            format!("Its 10DLC campaign assignment failed ({code}).{failure}"),
            format!("Fix what the failure names, then assign the number to campaign {name} again, or to another approved campaign."),
        ),
        Some(A::PendingUnassignment) => (
            format!("It is being removed from its 10DLC campaign ({code})."),
            "If it should keep texting, assign it to an approved 10DLC campaign again.".to_owned(),
        ),
        Some(A::FailedUnassignment) => (
            format!("Removing it from its 10DLC campaign failed ({code}), so its campaign state is unclear.{failure}"),
            format!("Check the number's assignment to campaign {name} in the Telnyx portal and assign it to the campaign it should use."),
        ),
        Some(A::Other(_)) | None => (
            format!("Its 10DLC campaign assignment has a status this app does not know ({code})."),
            "Check the number's 10DLC assignment in the Telnyx portal (Messaging › 10DLC).".to_owned(),
        ),
    };
    (
        check(
            CheckKey::Compliance,
            TEN_DLC,
            CheckState::Failed,
            format!("Campaign {name}: {code}.{failure}"),
        ),
        finding(Verdict::Needs10dlcCampaign, reason, fix),
    )
}

const TOLL_FREE: &str = "Toll-free verification";

fn toll_free(verification: Option<&VerificationRequest>) -> (Check, Option<Finding>) {
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

const SHORT_CODE: &str = "Short-code setup";

/// A short code's own provisioning state is what `status` says; its failures are already reported
/// by the provisioning and messaging checks (with the short-code verdict), so this line only
/// summarises them.
fn short_code(status: Option<&PhoneNumberStatus>) -> (Check, Option<Finding>) {
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

const COUNTRY_RULES: &str = "Country rules";

fn country_rules(kind: NumberKind, country: Option<&str>) -> (Check, Option<Finding>) {
    let code = country.unwrap_or("?");
    let place = country_name(code).map_or_else(|| code.to_owned(), with_article);
    let what = match kind {
        NumberKind::TollFree => "toll-free number",
        _ => "long code",
    };
    (
        check(
            CheckKey::Compliance,
            COUNTRY_RULES,
            CheckState::Warning,
            format!("A {what} in {place} ({code}) usually texts at once, but each country sets its own rules; the API does not report them."),
        ),
        finding(
            Verdict::CheckCountryRules,
            format!("It is a {what} in {place} ({code}), where texting rules are set by the country and not reported by the API."),
            format!("Check Telnyx's messaging requirements for {place} before relying on it."),
        ),
    )
}

fn unknown_rule(kind: NumberKind, country: Option<&str>) -> (Check, Option<Finding>) {
    let (detail, reason) = match (kind, country) {
        (NumberKind::Unknown, _) => (
            "Its number type is not one this app knows, so the registration it needs is not known.".to_owned(),
            "Its number type is not one this app knows, so the registration it needs cannot be checked.".to_owned(),
        ),
        _ => (
            "Its country is not known, so the registration it needs is not known.".to_owned(),
            "Its country is not known, so the registration it needs cannot be checked.".to_owned(),
        ),
    };
    (
        check(CheckKey::Compliance, "Regulatory compliance", CheckState::Unknown, detail),
        finding(
            Verdict::CheckCountryRules,
            reason,
            "Check the number's type and country in the Telnyx portal and the messaging requirements that apply to it.",
        ),
    )
}

const HEALTH: &str = "Health";

fn health(h: Option<&NumberHealth>) -> (Check, Option<Finding>) {
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

/// "the United Kingdom", "France": country names as they read inside a sentence.
fn with_article(name: &str) -> String {
    let the = name.starts_with("United ")
        || matches!(name, "Netherlands" | "Philippines" | "Dominican Republic");
    if the {
        format!("the {name}")
    } else {
        name.to_owned()
    }
}

/// `1840` → `"1,840"`.
fn thousands(n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    if n < 0 {
        out.push('-');
    }
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// `0.184` → `"18%"`.
fn percent(ratio: f64) -> String {
    // Rounded to an integer first: `{:.0}` on a float takes the slow exact-formatting path, and
    // this runs for every number of the account. Callers pass ratios already checked to be 0–1.
    format!("{}%", (ratio * 100.0).round() as i64)
}

/// Ends a free-text API reason with a full stop.
fn sentence(s: &str) -> String {
    if s.ends_with(['.', '!', '?']) {
        s.to_owned()
    } else {
        format!("{s}.")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use telnyx_client::{
        CampaignId, FeatureSet, MessagingProfileId, PhoneNumberId, TfPhoneNumber,
        VerificationRequestId, E164,
    };

    const SMS: Option<FeatureSet> = Some(FeatureSet {
        domestic_two_way: true,
        international_inbound: true,
        international_outbound: true,
    });

    fn number(phone: &str, ty: &str, country: &str, profile: Option<&str>) -> MessagingNumber {
        MessagingNumber {
            id: PhoneNumberId::new("1"),
            record_type: Some("messaging_settings".into()),
            phone_number: E164::parse(phone).expect("valid E.164 in test"),
            messaging_profile_id: profile.map(MessagingProfileId::new),
            messaging_product: Some("A2P".into()),
            eligible_messaging_products: vec!["A2P".into()],
            traffic_type: Some("A2P".into()),
            number_type: Some(NumberType::parse(ty)),
            country_code: Some(country.into()),
            features: Features {
                sms: SMS,
                mms: None,
            },
            health: Some(NumberHealth {
                message_count: 100,
                inbound_outbound_ratio: 0.4,
                success_ratio: 0.95,
                spam_ratio: 0.01,
            }),
            organization_id: None,
            tags: vec![],
            created_at: None,
            updated_at: None,
        }
    }

    fn profile(id: &str, name: &str, enabled: Option<bool>) -> MessagingProfile {
        serde_json::from_value(serde_json::json!({"id": id, "name": name, "enabled": enabled}))
            .expect("profile json")
    }

    fn campaign(status: &str, failure: Option<&str>) -> PhoneNumberCampaign {
        PhoneNumberCampaign {
            phone_number: "+12125550100".into(),
            campaign_id: CampaignId::new("c-1"),
            assignment_status: Some(AssignmentStatus::parse(status)),
            failure_reasons: failure.map(str::to_owned),
            brand_id: None,
            telnyx_campaign_id: None,
            tcr_brand_id: None,
            tcr_campaign_id: Some("CNDSUP1".into()),
            created_at: "2025-01-01".into(),
            updated_at: "2025-01-01".into(),
        }
    }

    fn verification(status: &str, reason: Option<&str>) -> VerificationRequest {
        VerificationRequest {
            id: VerificationRequestId::new("v-1"),
            phone_numbers: vec![TfPhoneNumber {
                phone_number: "+18005550100".into(),
            }],
            verification_status: VerificationStatus::parse(status),
            reason: reason.map(str::to_owned),
            business_name: None,
            corporate_website: None,
            use_case: None,
            use_case_summary: None,
            message_volume: None,
            created_at: None,
            updated_at: None,
        }
    }

    /// One row of the verdict table: a number, its context, and what the app must say.
    struct Case {
        name: &'static str,
        number: MessagingNumber,
        profile: Option<MessagingProfile>,
        status: Option<PhoneNumberStatus>,
        campaign: Option<PhoneNumberCampaign>,
        verification: Option<VerificationRequest>,
        gaps: crate::snapshot::Gaps,
        verdict: Verdict,
        /// A fragment the reason must contain (the status code, the failing link…).
        reason_has: &'static str,
    }

    fn case(name: &'static str, number: MessagingNumber) -> Case {
        let enabled = profile("p-1", "Support Line", Some(true));
        let has_profile = number
            .messaging_profile_id
            .as_ref()
            .is_some_and(|p| !p.as_str().is_empty());
        Case {
            name,
            number,
            profile: has_profile.then_some(enabled),
            status: Some(PhoneNumberStatus::Active),
            campaign: None,
            verification: None,
            gaps: crate::snapshot::Gaps::default(),
            verdict: Verdict::Ready,
            reason_has: "",
        }
    }

    impl Case {
        fn gaps(mut self, inventory: Option<Gap>, campaigns: Option<Gap>, tf: Option<Gap>) -> Self {
            self.gaps = crate::snapshot::Gaps {
                inventory,
                campaigns,
                verifications: tf,
            };
            self
        }
        fn profile(mut self, p: Option<MessagingProfile>) -> Self {
            self.profile = p;
            self
        }
        fn status(mut self, s: Option<&str>) -> Self {
            self.status = s.map(PhoneNumberStatus::parse);
            self
        }
        fn campaign(mut self, c: &str) -> Self {
            self.campaign = Some(campaign(c, None));
            self
        }
        fn failed_campaign(mut self, c: &str, why: &str) -> Self {
            self.campaign = Some(campaign(c, Some(why)));
            self
        }
        fn verification(mut self, v: &str, why: Option<&str>) -> Self {
            self.verification = Some(verification(v, why));
            self
        }
        fn features(mut self, sms: bool, mms: bool) -> Self {
            self.number.features = Features {
                sms: if sms { SMS } else { None },
                mms: if mms { SMS } else { None },
            };
            self
        }
        fn health(mut self, success: f64, spam: f64, count: i64) -> Self {
            self.number.health = Some(NumberHealth {
                message_count: count,
                inbound_outbound_ratio: 0.2,
                success_ratio: success,
                spam_ratio: spam,
            });
            self
        }
        fn no_health(mut self) -> Self {
            self.number.health = None;
            self
        }
        fn expect(mut self, verdict: Verdict, reason_has: &'static str) -> Self {
            self.verdict = verdict;
            self.reason_has = reason_has;
            self
        }
        fn assess(&self) -> Readiness {
            let ctx = NumberContext {
                profile: self.profile.as_ref(),
                status: self.status.as_ref(),
                campaign: self.campaign.as_ref(),
                verification: self.verification.as_ref(),
                inventory_gap: self.gaps.inventory.as_ref(),
                campaigns_gap: self.gaps.campaigns.as_ref(),
                verifications_gap: self.gaps.verifications.as_ref(),
            };
            assess(&self.number, &ctx)
        }
    }

    const P: Option<&str> = Some("p-1");

    fn us() -> MessagingNumber {
        number("+12125550100", "longcode", "US", P)
    }
    fn tf(country: &str) -> MessagingNumber {
        number("+18005550100", "tollfree", country, P)
    }
    fn sc() -> MessagingNumber {
        number("+55501", "shortcode", "US", P)
    }
    fn intl(phone: &str, country: &str) -> MessagingNumber {
        number(phone, "longcode", country, P)
    }

    fn table() -> Vec<Case> {
        use Verdict as V;
        let disabled = Some(profile("p-1", "Old Alerts", Some(false)));
        vec![
            // Ready, one per type that can be ready.
            case("US long code on an assigned campaign", us())
                .campaign("ASSIGNED")
                .expect(V::Ready, "10DLC campaign assignment is complete"),
            case("US toll-free verified", tf("US"))
                .verification("Verified", None)
                .expect(V::Ready, "toll-free verified"),
            case("CA toll-free verified", tf("CA"))
                .verification("Verified", None)
                .expect(V::Ready, "toll-free verified"),
            case("short code active", sc()).expect(V::Ready, "provisioned"),
            case("short code without inventory record", sc())
                .status(None)
                .expect(V::Ready, "provisioned"),
            case(
                "type spelled long-code",
                number("+12125550100", "long-code", "US", P),
            )
            .campaign("ASSIGNED")
            .expect(V::Ready, "10DLC"),
            case(
                "type spelled toll_free",
                number("+18005550100", "toll_free", "US", P),
            )
            .verification("Verified", None)
            .expect(V::Ready, "verified"),
            case("no inventory record does not block", us())
                .status(None)
                .campaign("ASSIGNED")
                .expect(V::Ready, ""),
            case("unknown inventory status does not block", us())
                .status(Some("frozen"))
                .campaign("ASSIGNED")
                .expect(V::Ready, ""),
            case("port-out pending is only a warning", us())
                .status(Some("port-out-pending"))
                .campaign("ASSIGNED")
                .expect(V::Ready, ""),
            case("no health figures", us())
                .campaign("ASSIGNED")
                .no_health()
                .expect(V::Ready, ""),
            case("zero messages with bad ratios", us())
                .campaign("ASSIGNED")
                .health(0.0, 1.0, 0)
                .expect(V::Ready, ""),
            case("health exactly at the thresholds", us())
                .campaign("ASSIGNED")
                .health(0.25, 0.75, 10)
                .expect(V::Ready, ""),
            case("ratio out of range", us())
                .campaign("ASSIGNED")
                .health(-0.5, 0.1, 10)
                .expect(V::Ready, ""),
            case("NaN health", us())
                .campaign("ASSIGNED")
                .health(f64::NAN, 0.1, 10)
                .expect(V::Ready, ""),
            case("profile enabled flag missing", us())
                .campaign("ASSIGNED")
                .profile(Some(profile("p-1", "Support Line", None)))
                .expect(V::Ready, ""),
            case("MMS only", us())
                .campaign("ASSIGNED")
                .features(false, true)
                .expect(V::Ready, ""),
            // Provisioning: every status that is not active.
            case("purchase pending", us())
                .status(Some("purchase-pending"))
                .expect(V::Provisioning, "(purchase-pending)"),
            case("provision pending", us())
                .status(Some("provision-pending"))
                .expect(V::Provisioning, "(provision-pending)"),
            case("port pending", us())
                .status(Some("port-pending"))
                .expect(V::Provisioning, "ported in (port-pending)"),
            case("requirements pending", us())
                .status(Some("requirement-info-pending"))
                .expect(V::Provisioning, "(requirement-info-pending)"),
            case("requirements under review", us())
                .status(Some("requirement-info-under-review"))
                .expect(V::Provisioning, "(requirement-info-under-review)"),
            case("requirements refused", us())
                .status(Some("requirement-info-exception"))
                .expect(V::Provisioning, "(requirement-info-exception)"),
            case("purchase failed", us())
                .status(Some("purchase-failed"))
                .expect(V::Provisioning, "(purchase-failed)"),
            case("port failed", us())
                .status(Some("port-failed"))
                .expect(V::Provisioning, "(port-failed)"),
            case("emergency only", us())
                .status(Some("emergency-only"))
                .expect(V::Provisioning, "(emergency-only)"),
            case("deleted", us())
                .status(Some("deleted"))
                .expect(V::Provisioning, "no longer on this account (deleted)"),
            case("ported out", us())
                .status(Some("ported-out"))
                .expect(V::Provisioning, "(ported-out)"),
            // Not messaging-capable.
            case("no SMS and no MMS", us())
                .campaign("ASSIGNED")
                .features(false, false)
                .expect(V::NotMessagingCapable, "neither SMS nor MMS"),
            // No profile.
            case("unassigned", number("+12125550104", "longcode", "US", None))
                .campaign("ASSIGNED")
                .expect(V::NoProfile, "not assigned to a messaging profile"),
            case("profile missing from the account", us())
                .campaign("ASSIGNED")
                .profile(None)
                .expect(V::NoProfile, "p-1"),
            case(
                "empty profile id",
                number("+12125550104", "longcode", "US", Some("")),
            )
            .campaign("ASSIGNED")
            .expect(V::NoProfile, "not assigned"),
            // Profile disabled.
            case("disabled profile", us())
                .campaign("ASSIGNED")
                .profile(disabled.clone())
                .expect(V::ProfileDisabled, "“Old Alerts” is disabled"),
            // 10DLC.
            case("US long code without campaign", us())
                .expect(V::Needs10dlcCampaign, "without a 10DLC campaign"),
            case("campaign pending", us())
                .campaign("PENDING_ASSIGNMENT")
                .expect(V::Needs10dlcCampaign, "pending (PENDING_ASSIGNMENT)"),
            case("campaign failed", us())
                .failed_campaign("FAILED_ASSIGNMENT", "Campaign was rejected by the carriers")
                .expect(
                    V::Needs10dlcCampaign,
                    "failed (FAILED_ASSIGNMENT). Campaign was rejected by the carriers.",
                ),
            case("campaign being removed", us())
                .campaign("PENDING_UNASSIGNMENT")
                .expect(V::Needs10dlcCampaign, "(PENDING_UNASSIGNMENT)"),
            case("campaign removal failed", us())
                .campaign("FAILED_UNASSIGNMENT")
                .expect(V::Needs10dlcCampaign, "(FAILED_UNASSIGNMENT)"),
            case("unknown campaign status", us())
                .campaign("SUSPENDED_SOMEHOW")
                .expect(V::Needs10dlcCampaign, "does not know (SUSPENDED_SOMEHOW)"),
            // Toll-free.
            case("toll-free never submitted", tf("US"))
                .expect(V::NeedsTollFreeVerification, "never been submitted"),
            case("toll-free in progress", tf("US"))
                .verification("In Progress", None)
                .expect(V::NeedsTollFreeVerification, "under review (In Progress)"),
            case("toll-free waiting for Telnyx", tf("US"))
                .verification("Waiting For Telnyx", None)
                .expect(V::NeedsTollFreeVerification, "(Waiting For Telnyx)"),
            case("toll-free waiting for vendor", tf("CA"))
                .verification("Waiting For Vendor", None)
                .expect(V::NeedsTollFreeVerification, "(Waiting For Vendor)"),
            case("toll-free waiting for customer", tf("CA"))
                .verification(
                    "Waiting For Customer",
                    Some("Please provide a privacy policy URL."),
                )
                .expect(
                    V::NeedsTollFreeVerification,
                    "waiting for you (Waiting For Customer). Please provide a privacy policy URL.",
                ),
            case("toll-free rejected", tf("US"))
                .verification("Rejected", Some("Opt-in workflow screenshots are missing."))
                .expect(
                    V::NeedsTollFreeVerification,
                    "rejected (Rejected). Opt-in workflow",
                ),
            case("toll-free unknown status", tf("US"))
                .verification("Escalated", None)
                .expect(V::NeedsTollFreeVerification, "does not know (Escalated)"),
            // Short codes.
            case("short code purchase pending", sc())
                .status(Some("purchase-pending"))
                .expect(
                    V::ShortCodeNotProvisioned,
                    "short code is still being set up after purchase (purchase-pending)",
                ),
            case("short code without features", sc())
                .features(false, false)
                .expect(V::ShortCodeNotProvisioned, "no SMS or MMS"),
            // Unhealthy.
            case("low success", us())
                .campaign("ASSIGNED")
                .health(0.18, 0.01, 1840)
                .expect(
                    V::Unhealthy,
                    "Only 18% of its messages are delivered (below 25%)",
                ),
            case("spammy", us())
                .campaign("ASSIGNED")
                .health(0.41, 0.82, 5210)
                .expect(
                    V::Unhealthy,
                    "82% of its messages are flagged as spam (above 75%)",
                ),
            case("both", us())
                .campaign("ASSIGNED")
                .health(0.1, 0.9, 10)
                .expect(V::Unhealthy, "below 25%) and 90%"),
            // Country rules.
            case("GB long code", intl("+447700900000", "GB"))
                .expect(V::CheckCountryRules, "long code in the United Kingdom (GB)"),
            case("CA long code", intl("+14165550100", "CA"))
                .expect(V::CheckCountryRules, "Canada (CA)"),
            case("unlisted country", intl("+3725550000", "ZZ"))
                .expect(V::CheckCountryRules, "in ZZ (ZZ)"),
            case("toll-free outside US/CA", tf("GB")).expect(
                V::CheckCountryRules,
                "toll-free number in the United Kingdom",
            ),
            case(
                "unknown number type",
                number("+12125550100", "mobile-code", "US", P),
            )
            .expect(
                V::CheckCountryRules,
                "number type is not one this app knows",
            ),
            case("no country", number("+12125550100", "longcode", "", P))
                .expect(V::CheckCountryRules, "country is not known"),
            case(
                "alphanumeric sender",
                number("+12125550100", "alphanumeric_sender_id", "GB", P),
            )
            .expect(V::CheckCountryRules, "alphanumeric sender ID"),
            // Precedence: each verdict beats every one after it.
            case(
                "provisioning beats everything",
                number("+12125550105", "longcode", "US", None),
            )
            .status(Some("purchase-pending"))
            .features(false, false)
            .health(0.0, 1.0, 9)
            .expect(V::Provisioning, "(purchase-pending)"),
            case(
                "not capable beats no profile",
                number("+12125550106", "longcode", "US", None),
            )
            .features(false, false)
            .expect(V::NotMessagingCapable, ""),
            case(
                "no profile beats 10DLC and health",
                number("+12125550104", "longcode", "US", None),
            )
            .health(0.1, 0.9, 10)
            .expect(V::NoProfile, ""),
            case("disabled beats 10DLC", us())
                .profile(disabled.clone())
                .campaign("PENDING_ASSIGNMENT")
                .expect(V::ProfileDisabled, ""),
            case("disabled beats toll-free", tf("US"))
                .profile(disabled.clone())
                .verification("Rejected", None)
                .expect(V::ProfileDisabled, ""),
            case("10DLC beats health", us())
                .campaign("PENDING_ASSIGNMENT")
                .health(0.1, 0.1, 10)
                .expect(V::Needs10dlcCampaign, ""),
            case("toll-free beats health", tf("US"))
                .verification("In Progress", None)
                .health(0.1, 0.1, 10)
                .expect(V::NeedsTollFreeVerification, ""),
            case(
                "short code setup beats no profile",
                number("+55504", "shortcode", "US", None),
            )
            .status(Some("purchase-pending"))
            .expect(V::ShortCodeNotProvisioned, ""),
            case("unhealthy beats country rules", intl("+447700900000", "GB"))
                .health(0.1, 0.1, 10)
                .expect(V::Unhealthy, ""),
            case(
                "no profile beats country rules",
                intl("+447700900006", "GB"),
            )
            .profile(None)
            .expect(V::NoProfile, ""),
            // Lists missing from the snapshot: still loading, or refused by Telnyx.
            case("10DLC assignments still loading", us())
                .gaps(None, Some(Gap::Loading), None)
                .expect(V::Checking, "10DLC"),
            case("10DLC assignments refused", us())
                .gaps(None, Some(Gap::Failed(REFUSED.into())), None)
                .expect(V::Unchecked, "error 10010"),
            case("toll-free verifications refused", tf("US"))
                .gaps(None, None, Some(Gap::Failed(REFUSED.into())))
                .expect(V::Unchecked, "toll-free verification requests"),
            case("a known failure beats a list still loading", us())
                .profile(None)
                .status(None)
                .gaps(Some(Gap::Loading), Some(Gap::Loading), Some(Gap::Loading))
                .expect(V::NoProfile, ""),
            case("unchecked compliance beats unhealthy", us())
                .health(0.1, 0.1, 10)
                .gaps(None, Some(Gap::Failed(REFUSED.into())), None)
                .expect(V::Unchecked, ""),
            case("statuses still loading", intl("+447700900010", "GB"))
                .status(None)
                .gaps(Some(Gap::Loading), None, None)
                .expect(V::Checking, "phone-number statuses"),
            case("statuses refused do not block", intl("+447700900011", "GB"))
                .status(None)
                .gaps(Some(Gap::Failed(REFUSED.into())), None, None)
                .expect(V::CheckCountryRules, ""),
            case("a list the number does not need is ignored", tf("US"))
                .verification("Verified", None)
                .gaps(None, Some(Gap::Failed(REFUSED.into())), None)
                .expect(V::Ready, ""),
        ]
    }

    const REFUSED: &str = "Telnyx refused it (error 10010: Not authorized for 10DLC)";

    #[test]
    fn verdict_table() {
        for c in table() {
            let r = c.assess();
            assert_eq!(r.verdict, c.verdict, "{}: {r:#?}", c.name);
            assert!(
                r.reason.contains(c.reason_has),
                "{}: reason {:?} lacks {:?}",
                c.name,
                r.reason,
                c.reason_has
            );
            assert_eq!(r.label, c.verdict.label(), "{}", c.name);
            assert!(r.reason.ends_with('.'), "{}: {:?}", c.name, r.reason);
            assert!(!r.fix.is_empty(), "{}", c.name);
            let keys: Vec<CheckKey> = r.checks.iter().map(|k| k.key).collect();
            assert_eq!(
                keys,
                [
                    CheckKey::Provisioning,
                    CheckKey::MessagingEnabled,
                    CheckKey::Profile,
                    CheckKey::ProfileEnabled,
                    CheckKey::Compliance,
                    CheckKey::Health
                ],
                "{}",
                c.name
            );
            let failed = r.checks.iter().any(|k| k.state == CheckState::Failed);
            if r.verdict.is_ready() {
                assert!(
                    !failed,
                    "{}: ready with a failed check {:#?}",
                    c.name, r.checks
                );
                assert!(
                    r.checks
                        .iter()
                        .all(|k| k.state != CheckState::Warning || k.key == CheckKey::Provisioning),
                    "{}",
                    c.name
                );
            } else if matches!(r.verdict, Verdict::Checking | Verdict::Unchecked) {
                assert!(
                    r.checks.iter().any(|k| k.state == CheckState::Unknown),
                    "{}: {:?} without an unknown check",
                    c.name,
                    r.verdict
                );
            } else if r.verdict != Verdict::CheckCountryRules {
                assert!(failed, "{}: {:?} without a failed check", c.name, r.verdict);
            }
        }
    }

    #[test]
    fn the_table_covers_every_verdict() {
        let seen: std::collections::HashSet<Verdict> = table().iter().map(|c| c.verdict).collect();
        for v in Verdict::ALL {
            assert!(seen.contains(&v), "no case for {v:?}");
        }
    }

    #[test]
    fn checklist_states() {
        let r = case("", number("+12125550104", "longcode", "US", None))
            .status(None)
            .no_health()
            .assess();
        let state = |k: CheckKey| r.checks.iter().find(|c| c.key == k).map(|c| c.state);
        assert_eq!(state(CheckKey::Provisioning), Some(CheckState::Unknown));
        assert_eq!(state(CheckKey::MessagingEnabled), Some(CheckState::Passed));
        assert_eq!(state(CheckKey::Profile), Some(CheckState::Failed));
        assert_eq!(
            state(CheckKey::ProfileEnabled),
            Some(CheckState::NotApplicable)
        );
        assert_eq!(state(CheckKey::Compliance), Some(CheckState::Failed));
        assert_eq!(state(CheckKey::Health), Some(CheckState::Unknown));

        let r = case("", intl("+447700900000", "GB")).assess();
        let compliance = r
            .checks
            .iter()
            .find(|c| c.key == CheckKey::Compliance)
            .map(|c| (c.state, c.label));
        assert_eq!(compliance, Some((CheckState::Warning, "Country rules")));
    }

    #[test]
    fn enablement_table_follows_the_guide() {
        use ComplianceStep as S;
        let step = |k, c| enablement_rule(k, c).map(|r| r.step);
        assert_eq!(
            step(NumberKind::LongCode, Some("US")),
            Some(S::TenDlcCampaign)
        );
        assert_eq!(
            step(NumberKind::LongCode, Some("us")),
            Some(S::TenDlcCampaign)
        );
        assert_eq!(
            step(NumberKind::LongCode, Some("CA")),
            Some(S::CountryRules)
        );
        assert_eq!(
            step(NumberKind::LongCode, Some("GB")),
            Some(S::CountryRules)
        );
        assert_eq!(step(NumberKind::LongCode, None), None);
        assert_eq!(
            step(NumberKind::TollFree, Some("US")),
            Some(S::TollFreeVerification)
        );
        assert_eq!(
            step(NumberKind::TollFree, Some("CA")),
            Some(S::TollFreeVerification)
        );
        assert_eq!(
            step(NumberKind::TollFree, Some("GB")),
            Some(S::CountryRules)
        );
        assert_eq!(
            step(NumberKind::ShortCode, Some("US")),
            Some(S::ShortCodeProvisioning)
        );
        assert_eq!(
            step(NumberKind::ShortCode, None),
            Some(S::ShortCodeProvisioning)
        );
        assert_eq!(
            step(NumberKind::AlphanumericSenderId, Some("GB")),
            Some(S::AlphaSenderRegistration)
        );
        assert_eq!(step(NumberKind::Unknown, Some("US")), None);
    }

    #[test]
    fn keys_match_serialization() {
        for v in Verdict::ALL {
            assert_eq!(
                serde_json::to_value(v).ok(),
                Some(serde_json::json!(v.key()))
            );
        }
        for k in [
            NumberKind::LongCode,
            NumberKind::TollFree,
            NumberKind::ShortCode,
            NumberKind::AlphanumericSenderId,
            NumberKind::Unknown,
        ] {
            assert_eq!(
                serde_json::to_value(k).ok(),
                Some(serde_json::json!(k.key()))
            );
        }
        let r = case("", us()).campaign("ASSIGNED").assess();
        let json = serde_json::to_value(&r).expect("serializes");
        assert_eq!(json["verdict"], "ready");
        assert_eq!(json["checks"][3]["key"], "profileEnabled");
        assert_eq!(json["checks"][0]["state"], "passed");
        let r = case("", number("+12125550104", "longcode", "US", None)).assess();
        assert_eq!(
            serde_json::to_value(&r).expect("serializes")["checks"][3]["state"],
            "notApplicable"
        );
    }

    #[test]
    fn numbers_in_words() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1840), "1,840");
        assert_eq!(thousands(1_234_567), "1,234,567");
        assert_eq!(thousands(-1200), "-1,200");
        assert_eq!(percent(0.184), "18%");
        assert_eq!(with_article("United States"), "the United States");
        assert_eq!(with_article("France"), "France");
    }

    #[test]
    fn verdict_order_is_precedence() {
        let mut sorted = Verdict::ALL;
        sorted.sort();
        assert_eq!(sorted, Verdict::ALL);
    }

    /// Every combination family, sampled: known and unknown values of every enum, missing data,
    /// and health figures that are NaN, infinite, negative or zero. `assess` must never panic and
    /// its answer must stay coherent.
    #[test]
    fn any_input_gives_a_coherent_answer() {
        let statuses = [
            None,
            Some("active"),
            Some("purchase-pending"),
            Some("port-failed"),
            Some("deleted"),
            Some("port-out-pending"),
            Some("emergency-only"),
            Some("requirement-info-exception"),
            Some("something-new"),
            Some(""),
        ];
        let types = [
            "longcode",
            "tollfree",
            "shortcode",
            "long_code",
            "alphanumeric",
            "fax",
            "",
        ];
        let countries = ["US", "CA", "GB", "us", "", "ZZ", "  "];
        let campaigns = [
            None,
            Some("ASSIGNED"),
            Some("PENDING_ASSIGNMENT"),
            Some("FAILED_ASSIGNMENT"),
            Some("PENDING_UNASSIGNMENT"),
            Some("FAILED_UNASSIGNMENT"),
            Some("WHATEVER"),
            Some(""),
        ];
        let verifications = [
            None,
            Some("Verified"),
            Some("Rejected"),
            Some("In Progress"),
            Some("Waiting For Customer"),
            Some("verified"),
            Some(""),
        ];
        let ratios = [0.0, 0.25, 0.5, 0.9, 1.0, -1.0, f64::NAN, f64::INFINITY];
        let counts = [0, 1, 10_000, -5];
        let profiles = [
            None,
            Some(profile("p-1", "Support Line", Some(true))),
            Some(profile("p-1", "Old Alerts", Some(false))),
            Some(profile("p-1", "", None)),
        ];
        // xorshift: a fixed, dependency-free sample of the combinations.
        let mut seed = 0x9E37_79B9_7F4A_7C15_u64;
        let mut pick = |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n as u64) as usize
        };
        for _ in 0..20_000 {
            let ty = types[pick(types.len())];
            let country = countries[pick(countries.len())];
            let profile_id = [None, Some("p-1"), Some("")][pick(3)];
            let mut n = number("+12125550100", ty, country, profile_id);
            if ty.is_empty() {
                n.number_type = None;
            }
            n.features = Features {
                sms: if pick(2) == 0 { SMS } else { None },
                mms: if pick(3) == 0 { SMS } else { None },
            };
            n.health = (pick(5) > 0).then(|| NumberHealth {
                message_count: counts[pick(counts.len())],
                inbound_outbound_ratio: ratios[pick(ratios.len())],
                success_ratio: ratios[pick(ratios.len())],
                spam_ratio: ratios[pick(ratios.len())],
            });
            let status = statuses[pick(statuses.len())].map(PhoneNumberStatus::parse);
            let campaign =
                campaigns[pick(campaigns.len())].map(|c| super::tests::campaign(c, Some("x")));
            let verification = verifications[pick(verifications.len())]
                .map(|v| super::tests::verification(v, None));
            let profile = profiles[pick(profiles.len())].clone();
            let ctx = NumberContext {
                profile: profile.as_ref(),
                status: status.as_ref(),
                campaign: campaign.as_ref(),
                verification: verification.as_ref(),
                ..NumberContext::default()
            };
            let r = assess(&n, &ctx);
            assert_eq!(r.label, r.verdict.label(), "{n:?} {ctx:?} → {r:#?}");
            assert_eq!(r.checks.len(), 6, "{n:?} {ctx:?} → {r:#?}");
            assert!(
                r.reason.ends_with('.') && !r.fix.is_empty(),
                "{n:?} {ctx:?} → {r:#?}"
            );
            let failed = r.checks.iter().any(|c| c.state == CheckState::Failed);
            let coherent = match r.verdict {
                Verdict::Ready => !failed,
                Verdict::CheckCountryRules => true,
                _ => failed,
            };
            assert!(coherent, "{n:?} {ctx:?} → {r:#?}");
        }
    }
}
