//! Link 5, the guide's regulatory compliance: the step [`super::ENABLEMENT_RULES`] names for the
//! number's type and country, each judged in its own file.

use super::country_rules::{country_rules, unknown_rule};
use super::missing_list::missing_list;
use super::short_code::{short_code, SHORT_CODE};
use super::ten_dlc::{ten_dlc, TEN_DLC};
use super::toll_free::{toll_free, TOLL_FREE};
use super::{
    check, enablement_rule, finding, Check, CheckKey, CheckState, ComplianceStep, Finding,
    NumberContext, NumberKind, Verdict,
};

pub(super) fn compliance(
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
