//! Scanning the account: the diagnosis rules over every number of the snapshot (bulk data only, no
//! request per number), the problems grouped by cause with counts, largest first, each group
//! listing its numbers and whether its fix is safe to apply to the whole group (through the Assign
//! screen's preview and journal, never straight to the API).

use std::collections::HashMap;

use serde::Serialize;

use super::{diagnose, Facts, FindingCode, Fix, InventoryView, Lookup, Severity, Symptom};
use crate::rules::rows::SnapshotIndex;
use crate::services::snapshot::{AccountSnapshot, Gap};

/// One number of a group.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct ScanNumber {
    pub id: String,
    pub phone_number: String,
}

/// The numbers that share one cause.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct ScanGroup {
    pub code: FindingCode,
    pub severity: Severity,
    /// The cause in one sentence (the findings' title).
    pub title: String,
    /// How many numbers.
    pub count: u32,
    pub numbers: Vec<ScanNumber>,
    /// The fix of the first number of the group (the others differ only by the number).
    pub fix: Fix,
    /// Whether "fix all in this group" may be offered.
    pub fix_is_safe: bool,
}

/// The account's problems, by cause.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct ScanReport {
    /// How many numbers were scanned.
    pub scanned: u32,
    /// How many had no problem, warning or unchecked part.
    pub without_problems: u32,
    /// Problems, then checks that could not run, then warnings, then advice; within each, the
    /// largest group first.
    pub groups: Vec<ScanGroup>,
}

/// Scans every number of `snapshot`.
pub fn scan(snapshot: &AccountSnapshot) -> ScanReport {
    let index = SnapshotIndex::new(snapshot);
    let gap = |g: &Option<Gap>| match g {
        Some(Gap::Failed(why)) => Some(why.clone()),
        _ => None,
    };
    let inventory_failed = gap(&snapshot.gaps.inventory);
    let campaigns_failed = gap(&snapshot.gaps.campaigns);
    let verifications_failed = gap(&snapshot.gaps.verifications);

    let mut groups: Vec<ScanGroup> = Vec::new();
    let mut by_key: HashMap<(FindingCode, String), usize> = HashMap::new();
    let mut without_problems = 0u32;
    for number in &snapshot.numbers {
        let ctx = index.context(number);
        let mut facts = Facts::new(number.phone_number.as_str());
        facts.phone_number = Some(number.phone_number.as_str());
        facts.messaging = Lookup::Found(number);
        facts.inventory = match (index.inventory(number), &inventory_failed) {
            (Some(p), _) => Lookup::Found(InventoryView {
                id: p.id.as_str(),
                phone_number: p.phone_number.as_str(),
                status: &p.status,
                updated_at: None,
            }),
            (None, Some(why)) => Lookup::Failed(why.clone()),
            (None, None) => Lookup::Absent,
        };
        let has_profile_id = number
            .messaging_profile_id
            .as_ref()
            .is_some_and(|p| !p.as_str().is_empty());
        facts.profile = match (ctx.profile, has_profile_id) {
            (Some(p), _) => Lookup::Found(p),
            (None, true) => Lookup::Absent,
            (None, false) => Lookup::NotAsked,
        };
        facts.campaign = match (ctx.campaign, &campaigns_failed) {
            (Some(c), _) => Lookup::Found(c),
            (None, Some(why)) => Lookup::Failed(why.clone()),
            (None, None) => Lookup::Absent,
        };
        facts.verification = match (ctx.verification, &verifications_failed) {
            (Some(v), _) => Lookup::Found(v),
            (None, Some(why)) => Lookup::Failed(why.clone()),
            (None, None) => Lookup::Absent,
        };
        let d = diagnose(&facts, Symptom::Check);
        let mut clean = true;
        for f in d.findings {
            if f.severity == Severity::History {
                continue;
            }
            if f.severity != Severity::Advice {
                clean = false;
            }
            let key = (f.code, f.title);
            let at = match by_key.get(&key) {
                Some(&at) => at,
                None => {
                    let fix_is_safe =
                        matches!(&f.fix, Fix::Action { action, .. } if action.is_safe_in_bulk());
                    groups.push(ScanGroup {
                        code: f.code,
                        severity: f.severity,
                        title: key.1.clone(),
                        count: 0,
                        numbers: Vec::new(),
                        fix: f.fix,
                        fix_is_safe,
                    });
                    by_key.insert(key, groups.len() - 1);
                    groups.len() - 1
                }
            };
            let g = &mut groups[at];
            // A number counts once per group (two findings of one code and title are one cause).
            if g.numbers.last().is_some_and(|n| n.id == number.id.as_str()) {
                continue;
            }
            g.count += 1;
            g.numbers.push(ScanNumber {
                id: number.id.to_string(),
                phone_number: number.phone_number.to_string(),
            });
        }
        if clean {
            without_problems += 1;
        }
    }
    groups.sort_by(|a, b| {
        a.severity
            .cmp(&b.severity)
            .then(b.count.cmp(&a.count))
            .then(a.title.cmp(&b.title))
    });
    ScanReport {
        scanned: u32::try_from(snapshot.numbers.len()).unwrap_or(u32::MAX),
        without_problems,
        groups,
    }
}
