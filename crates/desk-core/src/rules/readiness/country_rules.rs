//! Compliance where the API reports no registration: non-US long codes and toll-free numbers
//! outside US/CA pass, with the country's rules as advice (the guide's table says non-US long codes
//! are "typically immediate" and documents no registration for them, FACTS.md §9); and the line
//! for a type or country the table lacks, which the admin must check.

use super::wording::with_article;
use super::{check, finding, Check, CheckKey, CheckState, Finding, NumberKind, Verdict};
use crate::rules::countries::country_name;

pub(super) const COUNTRY_RULES: &str = "Country rules";

fn place(country: Option<&str>) -> (String, &str) {
    let code = country.unwrap_or("?");
    (
        country_name(code).map_or_else(|| code.to_owned(), with_article),
        code,
    )
}

fn what(kind: NumberKind) -> &'static str {
    match kind {
        NumberKind::TollFree => "toll-free number",
        _ => "long code",
    }
}

pub(super) fn country_rules(kind: NumberKind, country: Option<&str>) -> (Check, Option<Finding>) {
    let (place, code) = place(country);
    let what = what(kind);
    (
        check(
            CheckKey::Compliance,
            COUNTRY_RULES,
            CheckState::Passed,
            format!("No registration through Telnyx: a {what} in {place} ({code}) can text at once. What may be sent follows the country's own rules."),
        ),
        None,
    )
}

/// The advice a ready number of a country-rules type carries in its fix (a leading space).
pub(super) fn advice(kind: NumberKind, country: Option<&str>) -> String {
    let (place, _) = place(country);
    format!(
        " What a {} may send is set by {place}'s own rules; Telnyx's messaging requirements for {place} list them.",
        what(kind)
    )
}

pub(super) fn unknown_rule(kind: NumberKind, country: Option<&str>) -> (Check, Option<Finding>) {
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
