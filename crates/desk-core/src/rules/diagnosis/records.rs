//! The number's recent messages (`GET /detail_records`, messaging): recent delivery errors
//! explained, 40305 sends through a profile other than the number's, destinations the profile does
//! not allow — and the time rule: errors older than the last change of configuration of the number
//! or of its profile (`updated_at`, the later of the two) are history, not the present cause.

use std::cmp::Ordering;
use std::collections::BTreeMap;

use telnyx_client::{Direction, MessageDetailRecord, MessagingNumber};

use super::findings::FindingCode as C;
use super::time::{compare, day};
use super::{
    evidence, finding, steps, CheckName, Evidence, Facts, Fix, FixAction, Lookup, Outcome, Report,
    Severity,
};
use crate::telnyx_codes;

const RECENT: &str = "Recent messages";

/// The moment of the last change of configuration the number's texts depend on, when known: its
/// own (`updated_at`), or its profile's when that is later (a profile turned back on, a webhook
/// set: errors from before it are history too).
fn last_change<'a>(facts: &Facts<'a>, number: Option<&'a MessagingNumber>) -> Option<&'a str> {
    let known = |s: &&str| !s.trim().is_empty();
    let own = number
        .and_then(|n| n.updated_at.as_deref())
        .or_else(|| facts.inventory.found().and_then(|i| i.updated_at))
        .filter(known);
    let profile = facts
        .profile
        .found()
        .copied()
        .and_then(|p| p.updated_at.as_deref())
        .filter(known);
    match (own, profile) {
        (Some(own), Some(profile)) if compare(profile, own) == Some(Ordering::Greater) => {
            Some(profile)
        }
        (own, profile) => own.or(profile),
    }
}

/// Whether a record is from before `change` (unknown times are never history).
fn is_history(record: &MessageDetailRecord, change: Option<&str>) -> bool {
    match (record.created_at.as_deref(), change) {
        (Some(at), Some(change)) => compare(at, change) == Some(Ordering::Less),
        _ => false,
    }
}

/// The codes of an error record (its status when it carries none).
fn codes(record: &MessageDetailRecord) -> Vec<String> {
    let codes: Vec<String> = record
        .errors
        .iter()
        .map(|c| c.trim().to_owned())
        .filter(|c| !c.is_empty())
        .collect();
    if codes.is_empty() {
        vec![format!(
            "status {}",
            record.status.as_ref().map_or("unknown", |s| s.as_str())
        )]
    } else {
        codes
    }
}

pub(super) fn records(facts: &Facts<'_>, number: Option<&MessagingNumber>, report: &mut Report) {
    let records = match &facts.records {
        Lookup::Found(r) => *r,
        Lookup::Absent => &[][..],
        Lookup::Failed(_) => {
            report.check(
                CheckName::RecentMessages,
                RECENT,
                Outcome::CouldNotCheck,
                "The recent messages could not be read.",
            );
            return;
        }
        Lookup::NotAsked => return,
    };
    let change = last_change(facts, number);
    let errors: Vec<&MessageDetailRecord> = records.iter().filter(|r| r.is_error()).collect();
    let (past, current): (Vec<&MessageDetailRecord>, Vec<&MessageDetailRecord>) =
        errors.iter().partition(|r| is_history(r, change));
    let detail = match (current.len(), past.len()) {
        (0, 0) => format!("{} recent messages, none failed.", records.len()),
        (c, 0) => format!("{c} of {} recent messages failed.", records.len()),
        (c, p) => format!("{c} recent failures since its last change, {p} older ones (history)."),
    };
    report.check(
        CheckName::RecentMessages,
        RECENT,
        if current.is_empty() {
            Outcome::Passed
        } else {
            Outcome::Failed
        },
        detail,
    );

    // The causes recent errors point to, then the errors themselves.
    sent_through_other_profile(facts, number, &current, report);
    destinations(facts, records, change, report);

    // Current errors, one finding per code, most frequent first.
    let mut by_code: BTreeMap<String, Vec<&MessageDetailRecord>> = BTreeMap::new();
    for r in &current {
        for code in codes(r) {
            by_code.entry(code).or_default().push(r);
        }
    }
    let mut groups: Vec<(String, Vec<&MessageDetailRecord>)> = by_code.into_iter().collect();
    groups.sort_by(|a, b| b.1.len().cmp(&a.1.len()).then(a.0.cmp(&b.0)));
    let since = change
        .map(|c| format!(" since its last change ({})", day(c)))
        .unwrap_or_default();
    for (code, rs) in &groups {
        let newest = rs
            .first()
            .and_then(|r| r.created_at.as_deref())
            .unwrap_or("unknown");
        let mut ev = vec![
            evidence("GET /detail_records: errors", code.clone()),
            evidence("messages", rs.len().to_string()),
            evidence("newest", newest),
        ];
        if let Some(to) = rs.first().and_then(|r| r.cld.as_deref()) {
            ev.push(evidence("to (newest)", to));
        }
        let (title, explanation, fix) = match telnyx_codes::lookup(code) {
            Some(known) => (
                format!(
                    "{} recent {} failed with Telnyx error {} ({}).",
                    rs.len(),
                    if rs.len() == 1 { "text" } else { "texts" },
                    known.code,
                    known.title
                ),
                format!(
                    "{} Likely cause: {} Seen {} time{}{since}.",
                    known.meaning,
                    known.cause,
                    rs.len(),
                    if rs.len() == 1 { "" } else { "s" }
                ),
                steps(None, &[known.action]),
            ),
            None => (
                format!("{} recent texts failed ({code}).", rs.len()),
                format!("Telnyx reported {code}, which Number Desk has no explanation for. Seen {} time(s){since}.", rs.len()),
                steps(Some("Reporting › Message Detail Records"), &["Look the messages up in the Telnyx portal's message records for details."]),
            ),
        };
        report.find(finding(
            C::RecentErrors,
            Severity::Problem,
            title,
            explanation,
            ev,
            fix,
        ));
    }

    if !past.is_empty() {
        let mut codes_seen: Vec<String> = past.iter().flat_map(|r| codes(r)).collect();
        codes_seen.sort();
        codes_seen.dedup();
        let change = change.unwrap_or("its last change");
        report.find(finding(
            C::PastErrors,
            Severity::History,
            format!(
                "{} older failed {} predate the number's last change: history, not the present cause.",
                past.len(),
                if past.len() == 1 { "text" } else { "texts" }
            ),
            format!(
                "The number's settings were last changed on {} ({change}); these failures happened before that, so they say how it was, not how it is. Errors: {}.",
                day(change),
                codes_seen.join(", ")
            ),
            vec![
                evidence("updated_at", change),
                evidence("older errors", codes_seen.join(", ")),
            ],
            Fix::Nothing,
        ));
    }
}

/// 40305 on a message sent through a profile that is not the number's.
fn sent_through_other_profile(
    facts: &Facts<'_>,
    number: Option<&MessagingNumber>,
    current: &[&MessageDetailRecord],
    report: &mut Report,
) {
    let own = number
        .and_then(|n| n.messaging_profile_id.as_ref())
        .map(|p| p.as_str())
        .filter(|p| !p.is_empty());
    let other = current.iter().find(|r| {
        r.errors.iter().any(|c| c.trim() == "40305")
            && r.profile_id
                .as_deref()
                .is_some_and(|p| !p.is_empty() && Some(p) != own)
    });
    let Some(r) = other else { return };
    let through = r.profile_id.as_deref().unwrap_or_default();
    let name = r
        .profile_name
        .as_deref()
        .map(|n| format!("“{n}”"))
        .unwrap_or_else(|| format!("profile {through}"));
    let own_words = match (own, facts.profile.found()) {
        (None, _) => "the number is on no profile".to_owned(),
        (Some(_), Some(p)) => format!("the number is on “{}”", p.name),
        (Some(id), None) => format!("the number is on profile {id}"),
    };
    let fix = match number {
        Some(n) => Fix::Action {
            action: FixAction::AssignProfile {
                phone_number_id: n.id.to_string(),
                phone_number: n.phone_number.to_string(),
                suggested_profile_id: Some(through.to_owned()),
            },
            consequence: format!(
                "The number moves to {name}: it sends through it and its incoming texts go to that profile's webhook."
            ),
        },
        None => steps(None, &["Send through the profile the number is on, or assign the number to the profile you send through."]),
    };
    report.find(finding(
        C::SentThroughOtherProfile,
        Severity::Problem,
        format!("Texts were sent through {name}, but this number is not on that profile."),
        format!(
            "Telnyx refuses a send whose “from” number is not on the sending profile (error 40305): the messages named {name}, while {own_words}. Either assign the number to {name}, or send through the profile it is on (or through {name}'s number pool, without a “from” number)."
        ),
        vec![
            evidence("GET /detail_records: profile_id", through),
            evidence("GET /phone_numbers/{id}/messaging: messaging_profile_id", super::opt(own)),
            evidence("errors", "40305"),
        ],
        fix,
    ));
}

/// Recipients in countries the profile does not allow (`whitelisted_destinations`).
fn destinations(
    facts: &Facts<'_>,
    records: &[MessageDetailRecord],
    change: Option<&str>,
    report: &mut Report,
) {
    let profile = facts.profile.found();
    let allowed = |country: &str| {
        profile.is_none_or(|p| {
            p.whitelisted_destinations
                .iter()
                .any(|d| d.trim() == "*" || d.trim().eq_ignore_ascii_case(country))
        })
    };
    let mut refused: BTreeMap<String, Vec<&MessageDetailRecord>> = BTreeMap::new();
    let mut unknown_country: Vec<&MessageDetailRecord> = Vec::new();
    for r in records {
        let outbound = r
            .direction
            .as_ref()
            .is_none_or(|d| *d == Direction::Outbound);
        let is_40309 = r.errors.iter().any(|c| c.trim() == "40309");
        let country = r
            .country_code
            .as_deref()
            .map(str::trim)
            .filter(|c| !c.is_empty());
        match country {
            Some(c) if outbound && !allowed(c) => {
                refused.entry(c.to_ascii_uppercase()).or_default().push(r)
            }
            None if is_40309 && !is_history(r, change) => unknown_country.push(r),
            _ => {}
        }
    }
    for (country, rs) in refused {
        let ev: Vec<Evidence> = vec![
            evidence("GET /detail_records: country_code", country.clone()),
            evidence("messages", rs.len().to_string()),
            evidence(
                "GET /messaging_profiles/{id}: whitelisted_destinations",
                format!("{:?}", profile.map(|p| &p.whitelisted_destinations)),
            ),
        ];
        let name = crate::rules::countries::country_name(&country).unwrap_or(&country);
        let Some(p) = profile else { continue };
        report.find(finding(
            C::DestinationNotAllowed,
            Severity::Problem,
            format!("Its profile “{}” does not allow texts to {name}.", p.name),
            format!(
                "A messaging profile sends only to the countries in its allowed destinations; texts to {name} ({country}) are refused (error 40309)."
            ),
            ev,
            Fix::Action {
                action: FixAction::AddDestinationCountry {
                    profile_id: p.id.to_string(),
                    profile_name: p.name.clone(),
                    country: country.clone(),
                },
                consequence: format!(
                    "Every number on “{}” will be able to text {name}, at that country's rates.",
                    p.name
                ),
            },
        ));
    }
    if let Some(r) = unknown_country.first() {
        report.find(finding(
            C::DestinationNotAllowed,
            Severity::Problem,
            "Texts were refused because their destination country is not allowed by the profile.",
            "Telnyx answered error 40309 (invalid destination region): the recipient's country is not in the profile's allowed destinations. The message records do not say which country it was.",
            vec![
                evidence("GET /detail_records: errors", "40309"),
                evidence("to", r.cld.as_deref().unwrap_or("unknown")),
            ],
            steps(
                Some("Messaging › Messaging Profiles"),
                &["Add the recipient's country to the profile's allowed destinations (Messaging › Messaging Profiles › Outbound)."],
            ),
        ));
    }
}
