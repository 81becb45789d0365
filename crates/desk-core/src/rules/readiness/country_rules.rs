//! Compliance where the API reports no registration (non-US long codes, toll-free outside US/CA):
//! advice to check the country's rules; and the line for a type or country the table lacks.

use super::wording::with_article;
use super::{check, finding, Check, CheckKey, CheckState, Finding, NumberKind, Verdict};
use crate::rules::countries::country_name;

pub(super) const COUNTRY_RULES: &str = "Country rules";

pub(super) fn country_rules(kind: NumberKind, country: Option<&str>) -> (Check, Option<Finding>) {
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
