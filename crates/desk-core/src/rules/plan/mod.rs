//! The bulk planner: what moving a selection of numbers onto a profile (or off every profile) would
//! do, computed from the snapshot before any request. Each selected number lands in one group —
//! will move, already there (skipped), or cannot (with why) — and the warnings say in words what the
//! move changes and what will still stand in the way afterwards. Pure: data in, data out.

use std::collections::{BTreeMap, HashMap, HashSet};

use serde::{Deserialize, Serialize};
use telnyx_client::{AssignmentStatus, MessagingNumber, MessagingProfile, VerificationStatus};

use crate::rules::readiness::{assess, NumberKind, Verdict};
use crate::rules::rows::SnapshotIndex;
use crate::services::snapshot::AccountSnapshot;

/// Where the numbers go.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum Target {
    /// Onto this messaging profile (its id).
    Profile { id: String },
    /// Off every profile.
    Unassigned,
}

impl Target {
    /// The profile id, or `None` for unassigned.
    pub fn profile_id(&self) -> Option<&str> {
        match self {
            Target::Profile { id } => Some(id),
            Target::Unassigned => None,
        }
    }

    /// The target a number currently on `profile` is on.
    pub fn of(profile: Option<&str>) -> Target {
        match profile {
            Some(id) if !id.is_empty() => Target::Profile { id: id.to_owned() },
            _ => Target::Unassigned,
        }
    }
}

/// One number's change: from where to where.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct PlannedMove {
    /// The phone-number id.
    pub id: String,
    /// E.164.
    pub phone_number: String,
    /// The profile it is on now (`None`: none).
    pub from: Option<String>,
    /// Its name, when the profile is on the account.
    pub from_name: Option<String>,
    /// The profile it goes to (`None`: unassigned).
    pub to: Option<String>,
    /// Its name.
    pub to_name: Option<String>,
}

/// Why a selected number cannot be moved.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub enum CannotReason {
    /// Telnyx lists neither SMS nor MMS for it.
    NotMessagingCapable,
    /// The selection names a number the account (as last loaded) does not have.
    NotOnAccount,
    /// Telnyx lists no messaging product the number may use.
    ProductNotEligible,
    /// The target profile is not on the account.
    TargetNotFound,
}

/// A selected number that will not be sent, with why in words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Refused {
    /// The id, when the number is on the account.
    pub id: Option<String>,
    /// The number as selected (E.164 when known).
    pub phone_number: String,
    /// Which rule refused it.
    pub reason: CannotReason,
    /// Why, in words.
    pub why: String,
}

/// What a warning is about (the UI may give each its own icon; the words are in `text`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub enum WarningKind {
    /// Unassigning: no more inbound webhooks, no sending through the old profile.
    UnassignStopsMessaging,
    /// The target profile is disabled.
    TargetDisabled,
    /// The target profile has no webhook URL.
    TargetNoWebhook,
    /// The target profile's webhook URL is not https.
    TargetWebhookNotHttps,
    /// US long codes with a 10DLC campaign: the campaign stays with the numbers.
    TenDlcCampaignTied,
    /// Toll-free numbers with a verification: it describes the numbers' current use.
    TollFreeVerificationTied,
    /// After the move, numbers that still cannot text (10DLC, verification, provisioning…).
    StillBlocked,
}

/// A warning in words, with how many numbers it concerns (0 when it is about the target).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Warning {
    pub kind: WarningKind,
    pub count: u32,
    pub text: String,
}

/// How many numbers are in each group.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct PlanCounts {
    pub will_move: u32,
    pub already_there: u32,
    pub cannot: u32,
}

/// The preview of a bulk move: nothing is sent before it is confirmed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Plan {
    pub target: Target,
    /// The target profile's name (`None` for unassigned or an unknown profile).
    pub target_name: Option<String>,
    pub will_move: Vec<PlannedMove>,
    pub already_there: Vec<PlannedMove>,
    pub cannot: Vec<Refused>,
    pub warnings: Vec<Warning>,
    pub counts: PlanCounts,
}

impl Plan {
    /// A plan of explicit moves (undo, import, retry, recovery): each number goes to its own `to`.
    /// Every move is in `will_move`; no warnings.
    pub fn of_moves(target: Target, target_name: Option<String>, moves: Vec<PlannedMove>) -> Plan {
        let counts = PlanCounts {
            will_move: count(moves.len()),
            ..PlanCounts::default()
        };
        Plan {
            target,
            target_name,
            will_move: moves,
            already_there: Vec::new(),
            cannot: Vec::new(),
            warnings: Vec::new(),
            counts,
        }
    }
}

fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

fn digits(s: &str) -> String {
    s.chars().filter(char::is_ascii_digit).collect()
}

fn numbers_word(n: usize) -> String {
    if n == 1 {
        "1 number".into()
    } else {
        format!("{n} numbers")
    }
}

fn profile_name(profiles: &HashMap<&str, &MessagingProfile>, id: Option<&str>) -> Option<String> {
    id.and_then(|id| profiles.get(id)).map(|p| p.name.clone())
}

/// Plans moving `selection` (phone-number ids or numbers in +E.164, in any order, duplicates
/// ignored) onto `target`, from `snapshot`.
pub fn plan(snapshot: &AccountSnapshot, selection: &[String], target: &Target) -> Plan {
    let profiles: HashMap<&str, &MessagingProfile> = snapshot
        .profiles
        .iter()
        .map(|p| (p.id.as_str(), p))
        .collect();
    let by_id: HashMap<&str, &MessagingNumber> = snapshot
        .numbers
        .iter()
        .map(|n| (n.id.as_str(), n))
        .collect();
    let by_digits: HashMap<String, &MessagingNumber> = snapshot
        .numbers
        .iter()
        .map(|n| (digits(n.phone_number.as_str()), n))
        .collect();
    let index = SnapshotIndex::new(snapshot);
    let target_profile = target.profile_id().and_then(|id| profiles.get(id).copied());
    let target_name = target_profile.map(|p| p.name.clone());

    let mut will_move = Vec::new();
    let mut already_there = Vec::new();
    let mut cannot = Vec::new();
    let mut seen = HashSet::new();
    let mut tied_campaigns = 0usize;
    let mut tied_verifications = 0usize;
    let mut blocked: BTreeMap<Verdict, usize> = BTreeMap::new();

    for key in selection {
        let key = key.trim();
        let found = by_id
            .get(key)
            .copied()
            .or_else(|| by_digits.get(&digits(key)).copied())
            .filter(|_| !key.is_empty());
        let Some(number) = found else {
            if seen.insert(format!("?{key}")) {
                cannot.push(Refused {
                    id: None,
                    phone_number: key.to_owned(),
                    reason: CannotReason::NotOnAccount,
                    why: format!(
                        "{key} is not on this account (as last loaded): it may have been released or belong to another account. Refresh the list."
                    ),
                });
            }
            continue;
        };
        if !seen.insert(number.id.as_str().to_owned()) {
            continue;
        }
        let from = number
            .messaging_profile_id
            .as_ref()
            .map(|p| p.as_str().to_owned());
        let planned = PlannedMove {
            id: number.id.as_str().to_owned(),
            phone_number: number.phone_number.as_str().to_owned(),
            from_name: profile_name(&profiles, from.as_deref()),
            from: from.clone(),
            to: target.profile_id().map(str::to_owned),
            to_name: target_name.clone(),
        };
        let refuse = |reason, why: String| Refused {
            id: Some(planned.id.clone()),
            phone_number: planned.phone_number.clone(),
            reason,
            why,
        };
        if from.as_deref() == target.profile_id() {
            already_there.push(planned);
            continue;
        }
        if target.profile_id().is_some() && target_profile.is_none() {
            cannot.push(refuse(
                CannotReason::TargetNotFound,
                "The profile chosen is no longer on this account. Refresh the list and choose again.".into(),
            ));
            continue;
        }
        if number.features.sms.is_none() && number.features.mms.is_none() {
            cannot.push(refuse(
                CannotReason::NotMessagingCapable,
                format!(
                    "{} cannot send or receive texts (Telnyx lists neither SMS nor MMS for it), so a messaging profile would do nothing for it.",
                    planned.phone_number
                ),
            ));
            continue;
        }
        if number.eligible_messaging_products.is_empty() && target.profile_id().is_some() {
            cannot.push(refuse(
                CannotReason::ProductNotEligible,
                format!(
                    "Telnyx lists no messaging product that {} may use, so it cannot be put on a messaging profile. Ask Telnyx support to enable messaging on it.",
                    planned.phone_number
                ),
            ));
            continue;
        }
        // What the number's compliance looks like, and what will still stand in its way after.
        let ctx = index.context(number);
        let kind = NumberKind::of(number.number_type.as_ref());
        let country = number.country_code.as_deref().unwrap_or("").trim();
        if target.profile_id().is_some() {
            if kind == NumberKind::LongCode
                && country.eq_ignore_ascii_case("US")
                && ctx
                    .campaign
                    .is_some_and(|c| c.assignment_status == Some(AssignmentStatus::Assigned))
            {
                tied_campaigns += 1;
            }
            if kind == NumberKind::TollFree
                && ctx
                    .verification
                    .is_some_and(|v| v.verification_status == VerificationStatus::Verified)
            {
                tied_verifications += 1;
            }
            let mut after = number.clone();
            after.messaging_profile_id = target_profile.map(|p| p.id.clone());
            let mut after_ctx = ctx;
            after_ctx.profile = target_profile;
            let verdict = assess(&after, &after_ctx).verdict;
            if matches!(
                verdict,
                Verdict::Provisioning
                    | Verdict::Needs10dlcCampaign
                    | Verdict::NeedsTollFreeVerification
                    | Verdict::ShortCodeNotProvisioned
            ) {
                *blocked.entry(verdict).or_default() += 1;
            }
        }
        will_move.push(planned);
    }

    let mut warnings = Vec::new();
    let moving = will_move.len();
    if moving > 0 {
        match target_profile {
            None if target.profile_id().is_none() => {
                let froms: HashSet<&str> = will_move
                    .iter()
                    .filter_map(|m| m.from_name.as_deref())
                    .collect();
                let names = if froms.len() == 1 {
                    format!("“{}”", froms.iter().next().copied().unwrap_or_default())
                } else {
                    "their profiles".to_owned()
                };
                warnings.push(Warning {
                    kind: WarningKind::UnassignStopsMessaging,
                    count: count(moving),
                    text: format!(
                        "Unassigning {} stops it: texts sent to them will no longer reach {names}'s webhook, and nothing can be sent from them through {names} until they are put on a profile again.",
                        numbers_word(moving)
                    ),
                });
            }
            None => {}
            Some(p) => {
                if p.enabled == Some(false) {
                    warnings.push(Warning {
                        kind: WarningKind::TargetDisabled,
                        count: 0,
                        text: format!(
                            "“{}” is disabled: numbers on it can neither send nor receive texts until it is enabled again.",
                            p.name
                        ),
                    });
                }
                match p.webhook_url.as_deref().map(str::trim).filter(|u| !u.is_empty()) {
                    None => warnings.push(Warning {
                        kind: WarningKind::TargetNoWebhook,
                        count: 0,
                        text: format!(
                            "“{}” has no webhook address: texts sent to these numbers will arrive at Telnyx, but your systems will not be told about them.",
                            p.name
                        ),
                    }),
                    Some(url) if !url.to_ascii_lowercase().starts_with("https://") => {
                        warnings.push(Warning {
                            kind: WarningKind::TargetWebhookNotHttps,
                            count: 0,
                            text: format!(
                                "“{}” sends incoming texts to an address that is not https ({url}): their contents travel unencrypted.",
                                p.name
                            ),
                        })
                    }
                    Some(_) => {}
                }
            }
        }
        if tied_campaigns > 0 {
            warnings.push(Warning {
                kind: WarningKind::TenDlcCampaignTied,
                count: count(tied_campaigns),
                text: format!(
                    "{} US long code{} assigned to a 10DLC campaign. The campaign stays with each number, not with the profile: what the new profile sends must still fit the campaign's registered use, or carriers may block it.",
                    tied_campaigns,
                    if tied_campaigns == 1 { " is" } else { "s are" }
                ),
            });
        }
        if tied_verifications > 0 {
            warnings.push(Warning {
                kind: WarningKind::TollFreeVerificationTied,
                count: count(tied_verifications),
                text: format!(
                    "{} toll-free number{} verified for {} current use. If the new profile sends different kinds of messages, the verification must be updated first, or carriers may block them.",
                    tied_verifications,
                    if tied_verifications == 1 { " is" } else { "s are" },
                    if tied_verifications == 1 { "its" } else { "their" }
                ),
            });
        }
        let still: usize = blocked.values().sum();
        if still > 0 {
            let parts: Vec<String> = blocked
                .iter()
                .map(|(v, n)| format!("{} ({n})", v.label().to_lowercase()))
                .collect();
            warnings.push(Warning {
                kind: WarningKind::StillBlocked,
                count: count(still),
                text: format!(
                    "After the move, {} still cannot text: {}. Moving them does not change that.",
                    numbers_word(still),
                    parts.join(", ")
                ),
            });
        }
    }

    let counts = PlanCounts {
        will_move: count(will_move.len()),
        already_there: count(already_there.len()),
        cannot: count(cannot.len()),
    };
    Plan {
        target: target.clone(),
        target_name,
        will_move,
        already_there,
        cannot,
        warnings,
        counts,
    }
}

#[cfg(test)]
mod tests;
