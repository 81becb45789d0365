//! Guide case 5: why the number cannot be assigned to a profile, by a dry check (nothing is
//! changed to find out): the target profile exists and is enabled, the number is on the account and
//! active (judged by presence and readiness), and its messaging product is one it is eligible for.
//! A Telnyx error code the admin saw is explained from the code table.

use telnyx_client::MessagingNumber;

use super::findings::FindingCode as C;
use super::{
    evidence, finding, steps, CheckName, Facts, Fix, FixAction, Lookup, Outcome, Report, Severity,
};
use crate::telnyx_codes;

const ASSIGNABLE: &str = "Can be assigned to a profile";

pub(super) fn assign(facts: &Facts<'_>, number: Option<&MessagingNumber>, report: &mut Report) {
    let mut blocked = false;
    match &facts.target_profile {
        Lookup::Absent => {
            blocked = true;
            report.find(finding(
                C::TargetProfileNotFound,
                Severity::Problem,
                "The profile you are assigning it to does not exist on this account.",
                "Telnyx refuses an assignment to a profile id it does not know on this account (it answers “resource not found”, error 10005, or “bad request”, error 10015). The profile may have been deleted, or belong to another account.",
                vec![evidence("GET /messaging_profiles/{id}", "404 (not found)")],
                steps(Some("Messaging › Messaging Profiles"), &["Choose one of this account's profiles (refresh the list first)."]),
            ));
        }
        Lookup::Found(p) if p.enabled == Some(false) => {
            blocked = true;
            report.find(finding(
                C::TargetProfileDisabled,
                Severity::Problem,
                format!("The profile you are assigning it to, “{}”, is turned off.", p.name),
                "The assignment itself may go through, but a disabled profile sends nothing (error 40312): the number would not work on it.",
                vec![evidence("GET /messaging_profiles/{id}: enabled", "false")],
                Fix::Action {
                    action: FixAction::EnableProfile { profile_id: p.id.to_string(), profile_name: p.name.clone() },
                    consequence: format!("Every number on “{}” can send and receive texts again.", p.name),
                },
            ));
        }
        _ => {}
    }
    if let Some(n) = number {
        let product = n
            .messaging_product
            .as_deref()
            .map(str::trim)
            .filter(|p| !p.is_empty());
        let eligible = &n.eligible_messaging_products;
        let conflict = match product {
            Some(p) => !eligible.is_empty() && !eligible.iter().any(|e| e == p),
            None => false,
        };
        if conflict {
            blocked = true;
            report.find(finding(
                C::ProductConflict,
                Severity::Problem,
                "The number's messaging product is not one it is allowed to use.",
                format!(
                    "It is set to the {} product, but Telnyx lists only {} as eligible for it. Changing its settings then fails with “messaging product type change failed” (error 40324).",
                    product.unwrap_or_default(),
                    eligible.join(", ")
                ),
                vec![
                    evidence("messaging_product", product.unwrap_or_default()),
                    evidence("eligible_messaging_products", format!("{eligible:?}")),
                ],
                steps(Some("Numbers › My Numbers"), &["Set the number's messaging product to one it is eligible for (in the portal, or ask Telnyx support), then assign it."]),
            ));
        }
    }
    if let Some(code) = facts.error_code.map(str::trim).filter(|c| !c.is_empty()) {
        let known = telnyx_codes::lookup(code);
        report.find(finding(
            C::TelnyxErrorExplained,
            Severity::Advice,
            match known {
                Some(k) => format!(
                    "Telnyx's error {} ({}) means: {}",
                    k.code, k.title, k.meaning
                ),
                None => format!("Telnyx's error {code} is not one Number Desk can explain."),
            },
            known.map_or_else(
                || "Look the code up on Telnyx's error reference.".to_owned(),
                |k| format!("Likely cause: {}", k.cause),
            ),
            vec![evidence("error code", code)],
            known.map_or(Fix::Nothing, |k| steps(None, &[k.action])),
        ));
    }
    let problems = report
        .findings
        .iter()
        .filter(|f| {
            f.severity == Severity::Problem
                && f.code.symptoms().contains(&super::Symptom::CannotAssign)
        })
        .count();
    let (outcome, detail) = if blocked || problems > 0 {
        (
            Outcome::Failed,
            "Something stands in the way (see the findings).",
        )
    } else if number.is_none() {
        (
            Outcome::Unknown,
            "Not known: the number's messaging settings were not found.",
        )
    } else {
        (
            Outcome::Passed,
            "Nothing found that would stop an assignment.",
        )
    };
    report.check(CheckName::Assignable, ASSIGNABLE, outcome, detail);
}
