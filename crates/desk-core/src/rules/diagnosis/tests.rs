//! Table tests: one case per rule and outcome, "could not check" for each endpoint failing, and
//! the time rule for old errors.

use serde_json::{json, Value};
use telnyx_client::{
    Campaign, MessageDetailRecord, MessagingNumber, MessagingProfile, PhoneNumber,
    PhoneNumberCampaign, VerificationRequest, E164,
};

use super::*;
use crate::services::diagnosis::Gathered;

fn de<T: serde::de::DeserializeOwned>(v: Value) -> T {
    serde_json::from_value(v).expect("fixture decodes")
}

fn merge(mut base: Value, over: Value) -> Value {
    if let (Some(b), Some(o)) = (base.as_object_mut(), over.as_object()) {
        for (k, v) in o {
            b.insert(k.clone(), v.clone());
        }
    }
    base
}

fn number(over: Value) -> MessagingNumber {
    de(merge(
        json!({
            "id": "1000000012125550100", "phone_number": "+12125550100", "type": "longcode",
            "country_code": "US", "messaging_profile_id": "p1", "messaging_product": "A2P",
            "eligible_messaging_products": ["A2P"],
            "features": {"sms": {"domestic_two_way": true, "international_inbound": true, "international_outbound": true}, "mms": null},
            "health": {"message_count": 400, "inbound_outbound_ratio": 0.5, "success_ratio": 0.95, "spam_ratio": 0.01},
            "updated_at": "2025-08-10T12:00:00.000Z"
        }),
        over,
    ))
}

fn inventory(status: &str) -> PhoneNumber {
    de(json!({
        "id": "1000000012125550100", "phone_number": "+12125550100", "status": status,
        "updated_at": "2025-08-10T12:00:00.000Z"
    }))
}

fn profile(over: Value) -> MessagingProfile {
    de(merge(
        json!({
            "id": "p1", "name": "Support", "enabled": true,
            "webhook_url": "https://hooks.example.com/in", "webhook_failover_url": "https://backup.example.com/in",
            "whitelisted_destinations": ["US", "CA"], "updated_at": "2025-07-01T00:00:00Z"
        }),
        over,
    ))
}

fn campaign(status: &str, reasons: Option<&str>) -> PhoneNumberCampaign {
    de(json!({
        "phoneNumber": "+12125550100", "campaignId": "c1", "tcrCampaignId": "CABC123",
        "assignmentStatus": status, "failureReasons": reasons,
        "createdAt": "2025-01-01T00:00:00Z", "updatedAt": "2025-01-01T00:00:00Z"
    }))
}

fn verification(status: &str, reason: Option<&str>) -> VerificationRequest {
    de(json!({
        "id": "v1", "phoneNumbers": [{"phoneNumber": "+18005550100"}],
        "verificationStatus": status, "reason": reason
    }))
}

fn record(code: &str, at: &str, over: Value) -> MessageDetailRecord {
    de(merge(
        json!({
            "record_type": "message_detail_record", "uuid": format!("u-{code}-{at}"),
            "cli": "+12125550100", "cld": "+13035550100", "direction": "outbound",
            "status": "failed", "errors": [code], "profile_id": "p1", "profile_name": "Support",
            "country_code": "US", "created_at": at
        }),
        over,
    ))
}

/// A healthy US long code on a healthy profile, everything fetched.
fn healthy() -> Gathered {
    Gathered {
        input: "+1 (212) 555-0100".into(),
        phone_number: Some(E164::parse("+12125550100").expect("e164")),
        messaging: Lookup::Found(number(json!({}))),
        inventory: Lookup::Found(inventory("active")),
        profile: Lookup::Found(profile(json!({}))),
        campaign: Lookup::Found(campaign("ASSIGNED", None)),
        campaign_detail: Lookup::Found(de::<Campaign>(
            json!({"campaignId": "c1", "campaignStatus": "MNO_PROVISIONED"}),
        )),
        verification: Lookup::Absent,
        records: Lookup::Found(Vec::new()),
        webhook_test: None,
        target_profile: Lookup::NotAsked,
        error_code: None,
        elapsed: std::time::Duration::ZERO,
        api_elapsed: std::time::Duration::ZERO,
    }
}

fn toll_free() -> Gathered {
    let mut g = healthy();
    g.phone_number = Some(E164::parse("+18005550100").expect("e164"));
    g.messaging = Lookup::Found(number(
        json!({"phone_number": "+18005550100", "type": "tollfree"}),
    ));
    g.campaign = Lookup::Absent;
    g.campaign_detail = Lookup::NotAsked;
    g.verification = Lookup::Found(verification("Verified", None));
    g
}

fn run(g: &Gathered, symptom: Symptom) -> Diagnosis {
    diagnose(&g.facts(), symptom)
}

fn codes(d: &Diagnosis) -> Vec<FindingCode> {
    d.findings.iter().map(|f| f.code).collect()
}

fn problems(d: &Diagnosis) -> Vec<FindingCode> {
    d.findings
        .iter()
        .filter(|f| {
            matches!(
                f.severity,
                Severity::Problem | Severity::Warning | Severity::CouldNotCheck
            )
        })
        .map(|f| f.code)
        .collect()
}

fn outcome(d: &Diagnosis, name: CheckName) -> Option<Outcome> {
    d.checks.iter().find(|c| c.name == name).map(|c| c.outcome)
}

fn the(d: &Diagnosis, code: FindingCode) -> &Finding {
    d.with_code(code)
        .next()
        .unwrap_or_else(|| panic!("no {code:?} in {:#?}", d.findings))
}

#[test]
fn a_healthy_number_has_no_problem_and_every_check_passes() {
    let d = run(&healthy(), Symptom::Check);
    assert!(problems(&d).is_empty(), "{:#?}", d.findings);
    assert_eq!(
        d.summary,
        "No problem found: the number can send and receive texts."
    );
    assert_eq!(d.phone_number.as_deref(), Some("+12125550100"));
    for c in &d.checks {
        assert!(matches!(c.outcome, Outcome::Passed), "{c:?}");
    }
    let tf = run(&toll_free(), Symptom::Filtered);
    assert!(problems(&tf).is_empty(), "{:#?}", tf.findings);
}

/// (case, how the healthy facts change, symptom, finding expected, its severity, check and outcome)
type Case = (
    &'static str,
    fn(&mut Gathered),
    Symptom,
    FindingCode,
    Severity,
    CheckName,
    Outcome,
);

const CASES: &[Case] = &[
    (
        "typo",
        |g| {
            g.input = "212-55".into();
            g.phone_number = None;
            g.messaging = Lookup::NotAsked;
            g.inventory = Lookup::NotAsked;
        },
        Symptom::NotInList,
        FindingCode::InvalidNumber,
        Severity::Problem,
        CheckName::OnAccount,
        Outcome::Failed,
    ),
    (
        "not on the account",
        |g| {
            g.messaging = Lookup::Absent;
            g.inventory = Lookup::Absent;
            g.profile = Lookup::NotAsked;
        },
        Symptom::NotInList,
        FindingCode::NotOnAccount,
        Severity::Problem,
        CheckName::OnAccount,
        Outcome::Failed,
    ),
    (
        "only in the inventory",
        |g| {
            g.messaging = Lookup::Absent;
            g.profile = Lookup::NotAsked;
        },
        Symptom::NotInList,
        FindingCode::NotInMessagingList,
        Severity::Problem,
        CheckName::OnAccount,
        Outcome::Failed,
    ),
    (
        "still provisioning",
        |g| g.inventory = Lookup::Found(inventory("purchase-pending")),
        Symptom::NotAssociated,
        FindingCode::Provisioning,
        Severity::Problem,
        CheckName::Provisioning,
        Outcome::Waiting,
    ),
    (
        "being ported out",
        |g| g.inventory = Lookup::Found(inventory("port-out-pending")),
        Symptom::Filtered,
        FindingCode::PortOutPending,
        Severity::Warning,
        CheckName::Provisioning,
        Outcome::Warning,
    ),
    (
        "no SMS or MMS",
        |g| g.messaging = Lookup::Found(number(json!({"features": {"sms": null, "mms": null}}))),
        Symptom::NotInList,
        FindingCode::NotMessagingCapable,
        Severity::Problem,
        CheckName::MessagingEnabled,
        Outcome::Failed,
    ),
    (
        "no profile (40305)",
        |g| {
            g.messaging = Lookup::Found(number(json!({"messaging_profile_id": null})));
            g.profile = Lookup::NotAsked;
        },
        Symptom::NotAssociated,
        FindingCode::NoProfile,
        Severity::Problem,
        CheckName::Profile,
        Outcome::Failed,
    ),
    (
        "a profile that does not exist",
        |g| g.profile = Lookup::Absent,
        Symptom::NotAssociated,
        FindingCode::ProfileNotOnAccount,
        Severity::Problem,
        CheckName::Profile,
        Outcome::Failed,
    ),
    (
        "profile disabled",
        |g| g.profile = Lookup::Found(profile(json!({"enabled": false}))),
        Symptom::InboundMissing,
        FindingCode::ProfileDisabled,
        Severity::Problem,
        CheckName::ProfileEnabled,
        Outcome::Failed,
    ),
    (
        "no webhook URL",
        |g| g.profile = Lookup::Found(profile(json!({"webhook_url": ""}))),
        Symptom::InboundMissing,
        FindingCode::NoWebhookUrl,
        Severity::Problem,
        CheckName::Webhook,
        Outcome::Failed,
    ),
    (
        "webhook not https",
        |g| {
            g.profile = Lookup::Found(profile(
                json!({"webhook_url": "http://hooks.example.com/in"}),
            ))
        },
        Symptom::InboundMissing,
        FindingCode::WebhookNotHttps,
        Severity::Warning,
        CheckName::Webhook,
        Outcome::Warning,
    ),
    (
        "no failover URL",
        |g| g.profile = Lookup::Found(profile(json!({"webhook_failover_url": null}))),
        Symptom::InboundMissing,
        FindingCode::NoFailoverUrl,
        Severity::Advice,
        CheckName::Webhook,
        Outcome::Passed,
    ),
    (
        "10DLC pending",
        |g| g.campaign = Lookup::Found(campaign("PENDING_ASSIGNMENT", None)),
        Symptom::Filtered,
        FindingCode::TenDlcPending,
        Severity::Problem,
        CheckName::Compliance,
        Outcome::Waiting,
    ),
    (
        "10DLC failed",
        |g| {
            g.campaign = Lookup::Found(campaign(
                "FAILED_ASSIGNMENT",
                Some("Campaign was rejected by the carriers."),
            ))
        },
        Symptom::Filtered,
        FindingCode::TenDlcFailed,
        Severity::Problem,
        CheckName::Compliance,
        Outcome::Failed,
    ),
    (
        "10DLC none",
        |g| {
            g.campaign = Lookup::Absent;
            g.campaign_detail = Lookup::NotAsked;
        },
        Symptom::Filtered,
        FindingCode::TenDlcMissing,
        Severity::Problem,
        CheckName::Compliance,
        Outcome::Failed,
    ),
    (
        "10DLC being removed",
        |g| g.campaign = Lookup::Found(campaign("PENDING_UNASSIGNMENT", None)),
        Symptom::Filtered,
        FindingCode::TenDlcOther,
        Severity::Problem,
        CheckName::Compliance,
        Outcome::Failed,
    ),
    (
        "unhealthy",
        |g| {
            g.messaging = Lookup::Found(number(
                json!({"health": {"message_count": 900, "inbound_outbound_ratio": 0.1, "success_ratio": 0.2, "spam_ratio": 0.1}}),
            ))
        },
        Symptom::Filtered,
        FindingCode::Unhealthy,
        Severity::Problem,
        CheckName::Health,
        Outcome::Failed,
    ),
    (
        "country rules (a type the enablement table does not know)",
        |g| g.messaging = Lookup::Found(number(json!({"type": "mystery-code"}))),
        Symptom::Filtered,
        FindingCode::CheckCountryRules,
        Severity::Advice,
        CheckName::Compliance,
        Outcome::Unknown,
    ),
    (
        "recent delivery errors",
        |g| g.records = Lookup::Found(vec![record("40002", "2025-08-30T10:00:00Z", json!({}))]),
        Symptom::Filtered,
        FindingCode::RecentErrors,
        Severity::Problem,
        CheckName::RecentMessages,
        Outcome::Failed,
    ),
    (
        "errors before the last change are history",
        |g| g.records = Lookup::Found(vec![record("40010", "2025-08-01T10:00:00Z", json!({}))]),
        Symptom::Filtered,
        FindingCode::PastErrors,
        Severity::History,
        CheckName::RecentMessages,
        Outcome::Passed,
    ),
    (
        "40305 sent through another profile",
        |g| {
            g.records = Lookup::Found(vec![record(
                "40305",
                "2025-08-30T10:00:00Z",
                json!({"profile_id": "p2", "profile_name": "Marketing"}),
            )]);
        },
        Symptom::NotAssociated,
        FindingCode::SentThroughOtherProfile,
        Severity::Problem,
        CheckName::RecentMessages,
        Outcome::Failed,
    ),
    (
        "destination not allowed",
        |g| {
            g.records = Lookup::Found(vec![record(
                "40309",
                "2025-08-30T10:00:00Z",
                json!({"cld": "+447700900999", "country_code": "GB"}),
            )])
        },
        Symptom::Filtered,
        FindingCode::DestinationNotAllowed,
        Severity::Problem,
        CheckName::RecentMessages,
        Outcome::Failed,
    ),
    (
        "40309 without a country",
        |g| {
            g.records = Lookup::Found(vec![record(
                "40309",
                "2025-08-30T10:00:00Z",
                json!({"country_code": null}),
            )])
        },
        Symptom::Filtered,
        FindingCode::DestinationNotAllowed,
        Severity::Problem,
        CheckName::RecentMessages,
        Outcome::Failed,
    ),
    (
        "webhook test failed",
        |g| {
            g.webhook_test = Some(WebhookTestResult {
                url: "https://hooks.example.com/in".into(),
                outcome: WebhookOutcome::ConnectionRefused,
                status: None,
                elapsed_ms: Some(3),
                sentence: "Nothing is listening at that address (connection refused).".into(),
            })
        },
        Symptom::InboundMissing,
        FindingCode::WebhookDeliveryFailed,
        Severity::Problem,
        CheckName::WebhookDelivery,
        Outcome::Failed,
    ),
    (
        "assign: profile does not exist",
        |g| g.target_profile = Lookup::Absent,
        Symptom::CannotAssign,
        FindingCode::TargetProfileNotFound,
        Severity::Problem,
        CheckName::Assignable,
        Outcome::Failed,
    ),
    (
        "assign: profile disabled",
        |g| {
            g.target_profile = Lookup::Found(profile(
                json!({"id": "p2", "name": "Old", "enabled": false}),
            ))
        },
        Symptom::CannotAssign,
        FindingCode::TargetProfileDisabled,
        Severity::Problem,
        CheckName::Assignable,
        Outcome::Failed,
    ),
    (
        "assign: another product conflicts",
        |g| {
            g.messaging = Lookup::Found(number(
                json!({"messaging_product": "P2P", "eligible_messaging_products": ["A2P"]}),
            ))
        },
        Symptom::CannotAssign,
        FindingCode::ProductConflict,
        Severity::Problem,
        CheckName::Assignable,
        Outcome::Failed,
    ),
    (
        "assign: Telnyx's error explained",
        |g| g.error_code = Some(" 10015 ".into()),
        Symptom::CannotAssign,
        FindingCode::TelnyxErrorExplained,
        Severity::Advice,
        CheckName::Assignable,
        Outcome::Passed,
    ),
];

#[test]
fn each_rule_reaches_its_finding() {
    for (name, change, symptom, code, severity, check, state) in CASES {
        let mut g = healthy();
        change(&mut g);
        let d = run(&g, *symptom);
        let f = d
            .with_code(*code)
            .next()
            .unwrap_or_else(|| panic!("{name}: no {code:?} in {:#?}", d.findings));
        assert_eq!(f.severity, *severity, "{name}");
        assert!(
            f.answers_symptom,
            "{name}: {code:?} should answer {symptom:?}"
        );
        assert_eq!(outcome(&d, *check), Some(*state), "{name}: {:#?}", d.checks);
        assert!(
            !f.title.is_empty() && f.title.ends_with('.'),
            "{name}: {}",
            f.title
        );
        assert!(!f.explanation.is_empty(), "{name}");
        if *severity == Severity::Problem {
            assert!(
                !f.evidence.is_empty(),
                "{name}: a problem shows its evidence"
            );
            assert_eq!(d.summary, f.title, "{name}: the diagnosis names the cause");
        }
        // Serializable data, with its stable code.
        let v = serde_json::to_value(&d).expect("serializes");
        assert!(
            v["findings"]
                .as_array()
                .is_some_and(|a| a.iter().any(|x| x["code"] == code.key())),
            "{name}"
        );
    }
}

#[test]
fn fixes_are_actions_where_the_api_allows_them() {
    let fix = |change: fn(&mut Gathered), code| {
        let mut g = healthy();
        change(&mut g);
        the(&run(&g, Symptom::Check), code).fix.clone()
    };
    match fix(
        |g| {
            g.messaging = Lookup::Found(number(json!({"messaging_profile_id": null})));
            g.profile = Lookup::NotAsked;
            g.records = Lookup::Found(vec![record(
                "40305",
                "2025-08-30T10:00:00Z",
                json!({"profile_id": "p9"}),
            )]);
        },
        FindingCode::NoProfile,
    ) {
        Fix::Action {
            action:
                FixAction::AssignProfile {
                    phone_number_id,
                    suggested_profile_id,
                    ..
                },
            consequence,
        } => {
            assert_eq!(phone_number_id, "1000000012125550100");
            assert_eq!(suggested_profile_id.as_deref(), Some("p9"));
            assert!(consequence.contains("webhook"));
        }
        other => panic!("{other:?}"),
    }
    assert!(
        matches!(fix(|g| g.profile = Lookup::Found(profile(json!({"enabled": false}))), FindingCode::ProfileDisabled),
        Fix::Action { action: FixAction::EnableProfile { ref profile_id, .. }, .. } if profile_id == "p1")
    );
    assert!(matches!(
        fix(
            |g| g.profile = Lookup::Found(profile(json!({"webhook_url": null}))),
            FindingCode::NoWebhookUrl
        ),
        Fix::Action {
            action: FixAction::SetWebhookUrl {
                current_url: None,
                ..
            },
            ..
        }
    ));
    assert!(
        matches!(fix(|g| g.records = Lookup::Found(vec![record("40309", "2025-08-30T10:00:00Z", json!({"country_code": "gb"}))]), FindingCode::DestinationNotAllowed),
        Fix::Action { action: FixAction::AddDestinationCountry { ref country, .. }, .. } if country == "GB")
    );
    assert!(matches!(
        fix(
            |g| g.campaign = Lookup::Found(campaign("PENDING_ASSIGNMENT", None)),
            FindingCode::TenDlcPending
        ),
        Fix::Wait { .. }
    ));
    assert!(
        matches!(fix(|g| { g.campaign = Lookup::Absent; }, FindingCode::TenDlcMissing),
        Fix::Steps { portal_page: Some(ref p), .. } if p == "Messaging › 10DLC")
    );
    assert!(matches!(
        fix(
            |g| g.inventory = Lookup::Found(inventory("purchase-pending")),
            FindingCode::Provisioning
        ),
        Fix::Wait { .. }
    ));
}

#[test]
fn a_failed_10dlc_assignment_shows_telnyxs_reasons() {
    let mut g = healthy();
    g.campaign = Lookup::Found(campaign(
        "FAILED_ASSIGNMENT",
        Some("Campaign was rejected by the carriers."),
    ));
    g.campaign_detail = Lookup::Found(de(
        json!({"campaignId": "c1", "campaignStatus": "MNO_REJECTED", "failureReasons": "Sample messages do not match."}),
    ));
    let d = run(&g, Symptom::Filtered);
    let f = the(&d, FindingCode::TenDlcFailed);
    assert!(
        f.explanation
            .contains("Campaign was rejected by the carriers"),
        "{}",
        f.explanation
    );
    assert!(
        f.explanation.contains("Sample messages do not match"),
        "{}",
        f.explanation
    );
    assert!(f.evidence.iter().any(|e| e.value == "MNO_REJECTED"));
}

#[test]
fn each_toll_free_status_says_who_must_act() {
    use Outcome::{Failed, Waiting};
    let cases: &[(Option<&str>, &str, &str, Outcome)] = &[
        (None, "never submitted", "You must act", Failed),
        (Some("Rejected"), "rejected", "You must act", Failed),
        (
            Some("Waiting For Customer"),
            "waiting for your answer",
            "You must act",
            Failed,
        ),
        (
            Some("Waiting For Telnyx"),
            "waiting for Telnyx",
            "Telnyx must act",
            Waiting,
        ),
        (
            Some("Waiting For Vendor"),
            "vendor",
            "The vendor must act",
            Waiting,
        ),
        (
            Some("In Progress"),
            "under review",
            "reviewers must act",
            Waiting,
        ),
    ];
    for (status, title, who, line) in cases {
        let mut g = toll_free();
        g.verification = match status {
            Some(s) => Lookup::Found(verification(s, Some("Please add a privacy policy."))),
            None => Lookup::Absent,
        };
        let d = run(&g, Symptom::Filtered);
        let f = the(&d, FindingCode::TollFreeNotVerified);
        assert!(f.title.contains(title), "{status:?}: {}", f.title);
        assert!(f.explanation.contains(who), "{status:?}: {}", f.explanation);
        assert_eq!(
            outcome(&d, CheckName::Compliance),
            Some(*line),
            "{status:?}"
        );
    }
}

/// (endpoint, how it fails, its path in the evidence, the check it leaves unchecked, the findings
/// that would be guesses)
type FailCase = (
    &'static str,
    fn(&mut Gathered, &str),
    &'static str,
    Option<CheckName>,
    &'static [FindingCode],
);

/// Each endpoint failing: its own "could not check", its checks marked so, and no guess.
#[test]
fn each_endpoint_failing_is_could_not_check_never_a_guess() {
    let why = "Telnyx did not answer in time.";
    let cases: &[FailCase] = &[
        (
            "messaging settings",
            |g, w| g.messaging = Lookup::Failed(w.into()),
            "GET /phone_numbers/messaging",
            Some(CheckName::OnAccount),
            &[FindingCode::NotOnAccount, FindingCode::NotInMessagingList],
        ),
        (
            "inventory",
            |g, w| g.inventory = Lookup::Failed(w.into()),
            "GET /phone_numbers",
            Some(CheckName::Provisioning),
            &[FindingCode::Provisioning],
        ),
        (
            "profile",
            |g, w| g.profile = Lookup::Failed(w.into()),
            "GET /messaging_profiles/{id}",
            Some(CheckName::Profile),
            &[
                FindingCode::ProfileNotOnAccount,
                FindingCode::NoProfile,
                FindingCode::NoWebhookUrl,
            ],
        ),
        (
            "10DLC assignment",
            |g, w| g.campaign = Lookup::Failed(w.into()),
            "GET /10dlc/phone_number_campaigns/{phoneNumber}",
            Some(CheckName::Compliance),
            &[FindingCode::TenDlcMissing],
        ),
        (
            "10DLC campaign",
            |g, w| g.campaign_detail = Lookup::Failed(w.into()),
            "GET /10dlc/campaign/{campaignId}",
            None,
            &[],
        ),
        (
            "detail records",
            |g, w| g.records = Lookup::Failed(w.into()),
            "GET /detail_records",
            Some(CheckName::RecentMessages),
            &[FindingCode::RecentErrors],
        ),
        (
            "assignment target",
            |g, w| g.target_profile = Lookup::Failed(w.into()),
            "GET /messaging_profiles/{id}",
            None,
            &[FindingCode::TargetProfileNotFound],
        ),
    ];
    for (name, fail, endpoint, check, no_guess) in cases {
        let mut g = healthy();
        fail(&mut g, why);
        let d = run(&g, Symptom::Check);
        let f = d
            .findings
            .iter()
            .find(|f| {
                f.code == FindingCode::CouldNotCheck
                    && f.evidence.iter().any(|e| e.field == *endpoint)
            })
            .unwrap_or_else(|| panic!("{name}: {:#?}", d.findings));
        assert_eq!(f.severity, Severity::CouldNotCheck, "{name}");
        assert!(f.explanation.contains(why), "{name}");
        if let Some(check) = check {
            assert_eq!(
                outcome(&d, *check),
                Some(Outcome::CouldNotCheck),
                "{name}: {:#?}",
                d.checks
            );
        }
        for guess in *no_guess {
            assert!(!d.has(*guess), "{name}: guessed {guess:?}");
        }
        assert!(
            d.summary.contains("could not be checked"),
            "{name}: {}",
            d.summary
        );
    }
    // Toll-free verification failing, on a toll-free number.
    let mut g = toll_free();
    g.verification = Lookup::Failed(why.into());
    let d = run(&g, Symptom::Filtered);
    assert!(d
        .findings
        .iter()
        .any(|f| f.code == FindingCode::CouldNotCheck
            && f.evidence
                .iter()
                .any(|e| e.field == "GET /messaging_tollfree/verification/requests")));
    assert_eq!(
        outcome(&d, CheckName::Compliance),
        Some(Outcome::CouldNotCheck)
    );
    assert!(!d.has(FindingCode::TollFreeNotVerified));
}

#[test]
fn the_time_rule_splits_old_errors_from_current_ones() {
    let mut g = healthy();
    // updated_at is 2025-08-10T12:00:00.000Z.
    g.records = Lookup::Found(vec![
        record("40002", "2025-08-10T12:00:01Z", json!({"uuid": "new"})),
        record("40010", "2025-08-10T11:59:59.999Z", json!({"uuid": "old"})),
        record("40010", "2025-08-02T00:00:00Z", json!({"uuid": "older"})),
    ]);
    let d = run(&g, Symptom::Filtered);
    let current: Vec<&Finding> = d.with_code(FindingCode::RecentErrors).collect();
    assert_eq!(current.len(), 1, "{:#?}", d.findings);
    assert!(current[0].title.contains("40002"));
    let past = the(&d, FindingCode::PastErrors);
    assert!(
        past.title.starts_with("2 older failed texts"),
        "{}",
        past.title
    );
    assert!(past.explanation.contains("2025-08-10") && past.explanation.contains("40010"));
    // An unreadable time is never history.
    let mut g = healthy();
    g.records = Lookup::Found(vec![record("40010", "last tuesday", json!({}))]);
    let d = run(&g, Symptom::Filtered);
    assert!(d.has(FindingCode::RecentErrors) && !d.has(FindingCode::PastErrors));
}

#[test]
fn errors_from_before_the_profile_was_fixed_are_history_too() {
    // The number last changed on 2025-08-10; its profile was turned back on later, on 2025-08-20.
    let mut g = healthy();
    g.profile = Lookup::Found(profile(json!({"updated_at": "2025-08-20T09:00:00Z"})));
    g.records = Lookup::Found(vec![
        record(
            "40312",
            "2025-08-15T00:00:00Z",
            json!({"uuid": "before-the-fix"}),
        ),
        record(
            "40002",
            "2025-08-21T00:00:00Z",
            json!({"uuid": "after-the-fix"}),
        ),
    ]);
    let d = run(&g, Symptom::Filtered);
    let current: Vec<&Finding> = d.with_code(FindingCode::RecentErrors).collect();
    assert_eq!(current.len(), 1, "{:#?}", d.findings);
    assert!(current[0].title.contains("40002"));
    assert!(the(&d, FindingCode::PastErrors)
        .explanation
        .contains("40312"));
    // A profile that changed before the number does not move the line back.
    let mut g = healthy();
    g.records = Lookup::Found(vec![record("40312", "2025-08-05T00:00:00Z", json!({}))]);
    assert!(run(&g, Symptom::Filtered).has(FindingCode::PastErrors));
}

#[test]
fn a_destination_allowed_by_the_profile_or_by_star_is_fine() {
    let mut g = healthy();
    g.records = Lookup::Found(vec![record(
        "",
        "2025-08-30T10:00:00Z",
        json!({"status": "delivered", "errors": [], "country_code": "CA"}),
    )]);
    assert!(!run(&g, Symptom::Filtered).has(FindingCode::DestinationNotAllowed));
    g.profile = Lookup::Found(profile(json!({"whitelisted_destinations": ["*"]})));
    g.records = Lookup::Found(vec![record(
        "",
        "2025-08-30T10:00:00Z",
        json!({"status": "delivered", "errors": [], "country_code": "FR"}),
    )]);
    assert!(!run(&g, Symptom::Filtered).has(FindingCode::DestinationNotAllowed));
}

#[test]
fn a_non_us_long_code_needs_no_registration_by_readiness() {
    let mut g = healthy();
    g.messaging = Lookup::Found(number(
        json!({"phone_number": "+447700900000", "country_code": "GB"}),
    ));
    g.campaign = Lookup::NotAsked;
    let d = run(&g, Symptom::Filtered);
    assert!(problems(&d).is_empty(), "{:#?}", d.findings);
    assert!(!d.has(FindingCode::CheckCountryRules));
    assert_eq!(outcome(&d, CheckName::Compliance), Some(Outcome::Passed));
}

#[test]
fn the_symptom_decides_which_problem_the_summary_names() {
    let mut g = healthy();
    g.campaign = Lookup::Absent;
    g.profile = Lookup::Found(profile(json!({"webhook_url": ""})));
    let inbound = run(&g, Symptom::InboundMissing);
    assert_eq!(inbound.findings[0].code, FindingCode::NoWebhookUrl);
    assert!(inbound.summary.contains("no webhook URL"));
    let filtered = run(&g, Symptom::Filtered);
    assert_eq!(filtered.findings[0].code, FindingCode::TenDlcMissing);
    assert!(!the(&filtered, FindingCode::NoWebhookUrl).answers_symptom);
    // Nothing answering the symptom, another problem found: said as such.
    let mut g = healthy();
    g.campaign = Lookup::Absent;
    let d = run(&g, Symptom::InboundMissing);
    assert!(
        d.summary.starts_with("Nothing found explains this symptom"),
        "{}",
        d.summary
    );
}

#[test]
fn the_not_on_account_finding_says_what_the_api_can_tell() {
    let mut g = healthy();
    g.messaging = Lookup::Absent;
    g.inventory = Lookup::Absent;
    let d = run(&g, Symptom::NotInList);
    let f = the(&d, FindingCode::NotOnAccount);
    assert!(f.explanation.contains("cannot tell"), "{}", f.explanation);
    let mut g = healthy();
    g.messaging = Lookup::Absent;
    g.inventory = Lookup::Found(inventory("port-pending"));
    let f = run(&g, Symptom::NotInList).findings.remove(0);
    assert_eq!(f.code, FindingCode::NotInMessagingList);
    assert!(
        f.evidence.iter().any(|e| e.value == "port-pending")
            && f.explanation.contains("not active yet"),
        "{}",
        f.explanation
    );
}

#[test]
fn symptoms_and_codes_have_stable_keys() {
    for s in Symptom::ALL {
        assert_eq!(Symptom::parse(s.key()), Some(s));
        assert_eq!(serde_json::to_value(s).expect("serializes"), s.key());
    }
    assert_eq!(FindingCode::TenDlcPending.key(), "tenDlcPending");
    assert_eq!(Symptom::parse("nonsense"), None);
}

#[test]
fn scan_groups_problems_by_cause_largest_first() {
    use crate::services::snapshot::{AccountSnapshot, Gaps};
    let n = |i: u32, over: Value| {
        number(merge(
            json!({"id": format!("{i}"), "phone_number": format!("+1212555{:04}", 100 + i)}),
            over,
        ))
    };
    let campaign_for = |i: u32| -> PhoneNumberCampaign {
        de(
            json!({"phoneNumber": format!("+1212555{:04}", 100 + i), "campaignId": "c1", "assignmentStatus": "ASSIGNED", "createdAt": "x", "updatedAt": "x"}),
        )
    };
    let mut snapshot = AccountSnapshot::empty();
    snapshot.profiles = vec![
        profile(json!({})),
        profile(json!({"id": "p2", "name": "Old", "enabled": false})),
    ];
    snapshot.numbers = vec![
        n(0, json!({})),
        n(1, json!({"messaging_profile_id": null})),
        n(2, json!({"messaging_profile_id": null})),
        n(3, json!({"messaging_profile_id": "p2"})),
        n(4, json!({})),
    ];
    snapshot.campaigns = vec![
        campaign_for(0),
        campaign_for(1),
        campaign_for(2),
        campaign_for(3),
    ];
    snapshot.gaps = Gaps::default();
    let report = scan::scan(&snapshot);
    assert_eq!(report.scanned, 5);
    assert_eq!(report.without_problems, 1);
    let g0 = &report.groups[0];
    assert_eq!((g0.code, g0.count), (FindingCode::NoProfile, 2));
    assert!(g0.fix_is_safe);
    assert_eq!(
        g0.numbers.iter().map(|n| n.id.as_str()).collect::<Vec<_>>(),
        ["1", "2"]
    );
    let dis = report
        .groups
        .iter()
        .find(|g| g.code == FindingCode::ProfileDisabled)
        .expect("disabled group");
    assert_eq!(dis.count, 1);
    let missing = report
        .groups
        .iter()
        .find(|g| g.code == FindingCode::TenDlcMissing)
        .expect("10DLC group");
    assert_eq!(missing.numbers[0].id, "4");
    assert!(!missing.fix_is_safe);
    // Largest first within a severity.
    for w in report.groups.windows(2) {
        assert!(
            w[0].severity < w[1].severity
                || (w[0].severity == w[1].severity && w[0].count >= w[1].count)
        );
    }
    assert!(codes(&run(&healthy(), Symptom::Check))
        .iter()
        .all(|c| *c != FindingCode::NoProfile));
}
