//! The guide's "messaging enablement by number type" table (FACTS.md §9) as data: what kind of
//! sender a number is, where each rule applies, and the compliance step it requires.

use serde::Serialize;
use telnyx_client::NumberType;

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

#[cfg(test)]
mod tests {
    use super::*;

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
}
