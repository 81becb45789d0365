//! The planner's table: every group and every warning, from small snapshots built in place.

use std::time::SystemTime;

use serde_json::json;

use super::*;
use crate::services::snapshot::Gaps;

const SUPPORT: &str = "11111111-1111-4111-8111-111111111111";
const SALES: &str = "22222222-2222-4222-8222-222222222222";
const OFF: &str = "33333333-3333-4333-8333-333333333333";
const BARE: &str = "44444444-4444-4444-8444-444444444444";
const PLAIN: &str = "55555555-5555-4555-8555-555555555555";

fn number(
    id: &str,
    phone: &str,
    ty: &str,
    country: &str,
    profile: Option<&str>,
) -> serde_json::Value {
    json!({
        "id": id, "phone_number": phone, "type": ty, "country_code": country,
        "messaging_profile_id": profile,
        "eligible_messaging_products": ["A2P"],
        "features": {"sms": {"domestic_two_way": true, "international_inbound": true, "international_outbound": true}, "mms": null},
    })
}

fn snapshot(numbers: Vec<serde_json::Value>) -> AccountSnapshot {
    let profiles = json!([
        {"id": SUPPORT, "name": "Support Line", "enabled": true, "webhook_url": "https://example.com/hook"},
        {"id": SALES, "name": "Sales", "enabled": true, "webhook_url": "https://example.com/sales"},
        {"id": OFF, "name": "Old Alerts", "enabled": false, "webhook_url": "https://example.com/old"},
        {"id": BARE, "name": "No Hook", "enabled": true, "webhook_url": null},
        {"id": PLAIN, "name": "Plain", "enabled": true, "webhook_url": "http://example.com/in"},
    ]);
    let numbers: Vec<MessagingNumber> = numbers
        .into_iter()
        .map(|n| serde_json::from_value(n).expect("number"))
        .collect();
    let phone_numbers = numbers
        .iter()
        .map(|n| {
            serde_json::from_value(
                json!({"id": n.id, "phone_number": n.phone_number, "status": "active"}),
            )
            .expect("inventory")
        })
        .collect();
    AccountSnapshot {
        numbers,
        profiles: serde_json::from_value(profiles).expect("profiles"),
        phone_numbers,
        campaigns: serde_json::from_value(json!([
            {"phoneNumber": "+12125550100", "campaignId": "c1", "assignmentStatus": "ASSIGNED", "createdAt": "x", "updatedAt": "x"},
        ]))
        .expect("campaigns"),
        verifications: serde_json::from_value(json!([
            {"id": "v1", "phoneNumbers": [{"phoneNumber": "+18005550100"}], "verificationStatus": "Verified"},
        ]))
        .expect("verifications"),
        gaps: Gaps::default(),
        loaded_at: SystemTime::UNIX_EPOCH,
    }
}

fn base() -> AccountSnapshot {
    let mut landline = number("7", "+12125550106", "long-code", "US", None);
    landline["features"] = json!({"sms": null, "mms": null});
    let mut no_product = number("8", "+12125550199", "long-code", "US", None);
    no_product["eligible_messaging_products"] = json!([]);
    snapshot(vec![
        number("1", "+12125550100", "long-code", "US", Some(SALES)), // 10DLC ASSIGNED
        number("2", "+12125550101", "long-code", "US", None),        // no campaign
        number("3", "+18005550100", "toll-free", "US", Some(SALES)), // verified
        number("4", "+447700900000", "long-code", "GB", Some(SUPPORT)),
        number("5", "+447700900001", "long-code", "GB", None),
        landline,
        no_product,
    ])
}

fn support() -> Target {
    Target::Profile { id: SUPPORT.into() }
}

fn sel(keys: &[&str]) -> Vec<String> {
    keys.iter().map(|s| (*s).to_owned()).collect()
}

fn kinds(p: &Plan) -> Vec<WarningKind> {
    p.warnings.iter().map(|w| w.kind).collect()
}

#[test]
fn every_group_with_counts() {
    let p = plan(
        &base(),
        &sel(&["1", "4", "6", "7", "8", "+15550000000"]),
        &support(),
    );
    let ids = |v: &[PlannedMove]| v.iter().map(|m| m.id.clone()).collect::<Vec<_>>();
    assert_eq!(ids(&p.will_move), ["1"]);
    assert_eq!(ids(&p.already_there), ["4"]);
    let reasons: Vec<_> = p
        .cannot
        .iter()
        .map(|c| (c.phone_number.as_str(), c.reason))
        .collect();
    assert_eq!(
        reasons,
        [
            ("6", CannotReason::NotOnAccount),
            ("+12125550106", CannotReason::NotMessagingCapable),
            ("+12125550199", CannotReason::ProductNotEligible),
            ("+15550000000", CannotReason::NotOnAccount),
        ]
    );
    assert_eq!(
        p.counts,
        PlanCounts {
            will_move: 1,
            already_there: 1,
            cannot: 4
        }
    );
    assert!(p.cannot.iter().all(|c| !c.why.is_empty()));
    let m = &p.will_move[0];
    assert_eq!(
        (m.from.as_deref(), m.from_name.as_deref()),
        (Some(SALES), Some("Sales"))
    );
    assert_eq!(
        (m.to.as_deref(), m.to_name.as_deref()),
        (Some(SUPPORT), Some("Support Line"))
    );
    assert_eq!(p.target_name.as_deref(), Some("Support Line"));
}

#[test]
fn numbers_by_any_written_form_and_duplicates_once() {
    let p = plan(
        &base(),
        &sel(&["+12125550101", "12125550101", "2", " +1 212 555 0101 "]),
        &support(),
    );
    assert_eq!(p.counts.will_move, 1);
    assert_eq!(p.will_move[0].id, "2");
}

#[test]
fn unknown_target_refuses_every_move() {
    let p = plan(
        &base(),
        &sel(&["2", "5"]),
        &Target::Profile { id: "nope".into() },
    );
    assert_eq!(p.counts.cannot, 2);
    assert!(p
        .cannot
        .iter()
        .all(|c| c.reason == CannotReason::TargetNotFound));
}

#[test]
fn unassigning_warns_that_webhooks_and_sending_stop() {
    let p = plan(&base(), &sel(&["4", "5"]), &Target::Unassigned);
    assert_eq!(
        p.counts,
        PlanCounts {
            will_move: 1,
            already_there: 1,
            cannot: 0
        }
    );
    assert_eq!(kinds(&p), [WarningKind::UnassignStopsMessaging]);
    assert!(
        p.warnings[0].text.contains("“Support Line”'s webhook"),
        "{}",
        p.warnings[0].text
    );
    // Even a number without SMS may be unassigned (nothing to lose), but product eligibility is moot.
    let p = plan(&base(), &sel(&["8"]), &Target::Unassigned);
    assert_eq!(p.counts.already_there, 1);
}

#[test]
fn target_profile_warnings() {
    let cases = [
        (OFF, vec![WarningKind::TargetDisabled]),
        (BARE, vec![WarningKind::TargetNoWebhook]),
        (PLAIN, vec![WarningKind::TargetWebhookNotHttps]),
        (SUPPORT, vec![]),
    ];
    for (target, want) in cases {
        let p = plan(
            &base(),
            &sel(&["5"]),
            &Target::Profile { id: target.into() },
        );
        assert_eq!(kinds(&p), want, "target {target}");
        assert!(p.warnings.iter().all(|w| !w.text.is_empty()));
    }
}

#[test]
fn no_warning_when_nothing_moves() {
    let p = plan(&base(), &sel(&["4"]), &support());
    assert!(p.warnings.is_empty());
    let p = plan(&base(), &sel(&["5"]), &Target::Unassigned);
    assert!(p.warnings.is_empty());
}

#[test]
fn compliance_tied_to_current_use_and_still_blocked() {
    let p = plan(&base(), &sel(&["1", "2", "3"]), &support());
    assert_eq!(
        kinds(&p),
        [
            WarningKind::TenDlcCampaignTied,
            WarningKind::TollFreeVerificationTied,
            WarningKind::StillBlocked
        ]
    );
    let count = |k| p.warnings.iter().find(|w| w.kind == k).map(|w| w.count);
    assert_eq!(count(WarningKind::TenDlcCampaignTied), Some(1));
    assert_eq!(count(WarningKind::TollFreeVerificationTied), Some(1));
    // +12125550101 has no 10DLC campaign: moving it does not make it able to text.
    assert_eq!(count(WarningKind::StillBlocked), Some(1));
    let blocked = p
        .warnings
        .iter()
        .find(|w| w.kind == WarningKind::StillBlocked)
        .map(|w| w.text.clone());
    assert!(blocked.is_some_and(|t| t.contains("needs 10dlc campaign (1)")));
}

#[test]
fn plan_serializes_for_the_window() {
    let p = plan(&base(), &sel(&["1"]), &support());
    let v = serde_json::to_value(&p).expect("serializes");
    assert_eq!(v["target"], json!({"kind": "profile", "id": SUPPORT}));
    assert_eq!(v["counts"]["willMove"], 1);
    let back: Plan = serde_json::from_value(v).expect("round trip");
    assert_eq!(back, p);
}
