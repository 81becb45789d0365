//! The diagnosis against the simulator over loopback HTTP: every row of DEMO.md's "What the
//! Troubleshoot wizard finds", a fix followed by a re-check, "could not check" when Telnyx refuses,
//! the checklist's time at 80 ms latency, the example program, and the account scan on the demo.

use std::time::{Duration, Instant};

use desk_core::rules::diagnosis::{FindingCode, Fix, FixAction, Outcome, Severity, Symptom};
use desk_core::services::diagnosis::{
    gather, AskState, Asked, DiagnoseRequest, DiagnosisService, Question,
};
use desk_core::services::snapshot::{load_snapshot, ListSizes};
use telnyx_client::{
    ApiKey, Client, ListMessagingNumbers, NumberRef, PhoneNumberId, ProfileChange,
    UpdateMessagingNumber,
};
use telnyx_sim::{Faults, RefusedList, SimConfig, Simulator};

async fn start(config: SimConfig) -> (Simulator, Client) {
    let sim = Simulator::start(config).await.expect("simulator starts");
    let client = Client::builder(&sim.base_url(), ApiKey::new(sim.api_key()))
        .build()
        .expect("client builds");
    (sim, client)
}

/// DEMO.md's table: (number, symptom, first finding).
fn demo_md_rows() -> Vec<(String, Symptom, String)> {
    let text = include_str!("../../telnyx-sim/DEMO.md");
    let start = text
        .find("## What the Troubleshoot wizard finds")
        .expect("DEMO.md has the wizard's table");
    let section = &text[start..];
    let end = section[3..].find("\n## ").map_or(section.len(), |e| e + 3);
    section[..end]
        .lines()
        .filter(|l| l.starts_with("| `"))
        .map(|l| {
            let cells: Vec<&str> = l.split('|').map(|c| c.trim().trim_matches('`')).collect();
            let symptom = Symptom::parse(cells[2]).unwrap_or_else(|| panic!("symptom in {l}"));
            (cells[1].to_owned(), symptom, cells[3].to_owned())
        })
        .collect()
}

#[tokio::test]
async fn every_broken_demo_number_reaches_the_diagnosis_demo_md_states() {
    let (sim, client) = start(SimConfig::demo()).await;
    let rows = demo_md_rows();
    assert!(rows.len() >= 20, "{} rows", rows.len());
    for (number, symptom, want) in rows {
        let d = DiagnosisService::diagnose(&client, &number, symptom).await;
        let first = d
            .findings
            .first()
            .unwrap_or_else(|| panic!("{number}: no finding"));
        assert_eq!(
            first.code.key(),
            want,
            "{number} ({symptom:?}): {:#?}",
            d.findings
        );
        assert!(first.answers_symptom, "{number}");
        assert!(
            !d.findings
                .iter()
                .any(|f| f.severity == Severity::CouldNotCheck),
            "{number}: {:#?}",
            d.findings
        );
        if first.severity == Severity::Problem {
            assert_eq!(d.summary, first.title, "{number}");
        } else {
            assert!(
                d.summary.starts_with("No problem found"),
                "{number}: {}",
                d.summary
            );
        }
    }
    sim.shutdown().await;
}

#[tokio::test]
async fn the_demos_special_cases_carry_their_evidence() {
    let (sim, client) = start(SimConfig::demo()).await;
    // 40305 through a profile the number is not on, with Support Line suggested.
    let d = DiagnosisService::diagnose(&client, "+1 212 555 0104", Symptom::NotAssociated).await;
    let other = d
        .with_code(FindingCode::SentThroughOtherProfile)
        .next()
        .expect("40305 through Support Line");
    assert!(other.title.contains("Support Line"), "{}", other.title);
    match &d.findings[0].fix {
        Fix::Action {
            action:
                FixAction::AssignProfile {
                    suggested_profile_id,
                    ..
                },
            ..
        } => assert_eq!(
            suggested_profile_id.as_deref(),
            Some("23f24c71-ac2b-475f-90a7-40297dc1b7a1")
        ),
        other => panic!("{other:?}"),
    }
    // 40309: add GB to Support Line.
    let d = DiagnosisService::diagnose(&client, "+19145550100", Symptom::Filtered).await;
    assert!(
        matches!(&d.findings[0].fix, Fix::Action { action: FixAction::AddDestinationCountry { country, .. }, .. } if country == "GB")
    );
    // 10DLC failed: both of Telnyx's reasons.
    let d = DiagnosisService::diagnose(&client, "+12125550102", Symptom::Filtered).await;
    let f = &d.findings[0];
    assert!(f
        .explanation
        .contains("Campaign was rejected by the carriers"));
    assert!(f
        .explanation
        .contains("Sample messages do not match the campaign description"));
    // Only in the inventory: the messaging settings were asked for by id too, and are absent.
    let d = DiagnosisService::diagnose(&client, "(914) 555-0102", Symptom::NotInList).await;
    assert_eq!(d.findings[0].code, FindingCode::NotInMessagingList);
    assert!(d.findings[0]
        .explanation
        .contains("no SMS or MMS capability"));
    // A symptom that the number does not have: said as such.
    let d = DiagnosisService::diagnose(&client, "+12125550100", Symptom::Filtered).await;
    assert!(d.summary.starts_with("No problem found"), "{}", d.summary);
    sim.shutdown().await;
}

/// A one-click fix applied through the API makes the re-check pass, and the errors from before it
/// become history (the time rule, end to end).
#[tokio::test]
async fn assigning_the_unassigned_number_makes_the_recheck_pass_and_old_errors_history() {
    let (sim, client) = start(SimConfig::demo()).await;
    let before = DiagnosisService::diagnose(&client, "+12125550104", Symptom::NotAssociated).await;
    assert!(before.has(FindingCode::NoProfile));
    assert!(before.has(FindingCode::RecentErrors));
    let Fix::Action {
        action:
            FixAction::AssignProfile {
                phone_number_id,
                suggested_profile_id: Some(profile),
                ..
            },
        ..
    } = before.findings[0].fix.clone()
    else {
        panic!("{:?}", before.findings[0].fix)
    };
    let update = UpdateMessagingNumber {
        messaging_profile_id: ProfileChange::Assign(profile.as_str().into()),
        ..Default::default()
    };
    client
        .update_messaging_number(&NumberRef::Id(PhoneNumberId::new(phone_number_id)), &update)
        .await
        .expect("assigned");
    let after = DiagnosisService::diagnose(&client, "+12125550104", Symptom::NotAssociated).await;
    assert!(!after.has(FindingCode::NoProfile), "{:#?}", after.findings);
    assert!(
        !after.has(FindingCode::RecentErrors),
        "{:#?}",
        after.findings
    );
    assert!(after.has(FindingCode::PastErrors));
    assert!(after
        .checks
        .iter()
        .any(|c| c.label == "Messaging profile" && c.outcome == Outcome::Passed));
    assert!(
        after.summary.starts_with("No problem found"),
        "{}",
        after.summary
    );
    sim.shutdown().await;
}

#[tokio::test]
async fn a_refused_endpoint_is_could_not_check() {
    let mut config = SimConfig::demo();
    config.faults.refuse_lists = vec![
        RefusedList {
            path: "/detail_records".into(),
            code: "10010".into(),
            status: 403,
            title: None,
            detail: None,
            page: None,
        },
        RefusedList {
            path: "/messaging_profiles/23f24c71-ac2b-475f-90a7-40297dc1b7a1".into(),
            code: "10007".into(),
            status: 500,
            title: None,
            detail: None,
            page: None,
        },
    ];
    let (sim, client) = start(config).await;
    // +12125550103 is on Support Line: its profile and its records are refused.
    let d = DiagnosisService::diagnose(&client, "+12125550103", Symptom::Check).await;
    let unchecked: Vec<_> = d.with_code(FindingCode::CouldNotCheck).collect();
    assert_eq!(unchecked.len(), 2, "{:#?}", d.findings);
    for name in ["Messaging profile", "Profile enabled", "Recent messages"] {
        let c = d.checks.iter().find(|c| c.label == name).expect(name);
        assert_eq!(c.outcome, Outcome::CouldNotCheck, "{name}");
    }
    assert!(
        !d.has(FindingCode::ProfileNotOnAccount),
        "no guess: {:#?}",
        d.findings
    );
    // What could be checked still is.
    assert_eq!(d.findings[0].code, FindingCode::TenDlcMissing);

    // Live, each question is told as asked and as answered; the refused ones as failed, with why.
    let heard = std::sync::Mutex::new(Vec::<Asked>::new());
    let live = DiagnosisService::diagnose_live(
        &client,
        &DiagnoseRequest::new("+12125550103", Symptom::Check),
        &|a| heard.lock().expect("lock").push(a),
    )
    .await;
    assert_eq!(live.findings, d.findings, "the same diagnosis, told live");
    let heard = heard.into_inner().expect("lock");
    let last = |q: Question| {
        heard
            .iter()
            .filter(|a| a.question == q)
            .map(|a| a.state)
            .collect::<Vec<_>>()
    };
    for q in [
        Question::MessagingSettings,
        Question::NumberRecord,
        Question::TenDlcAssignment,
        Question::TollFreeVerification,
    ] {
        assert_eq!(last(q), [AskState::Asking, AskState::Answered], "{q:?}");
    }
    for q in [Question::Profile, Question::MessagesSent] {
        assert_eq!(last(q), [AskState::Asking, AskState::Failed], "{q:?}");
    }
    let why = heard
        .iter()
        .find(|a| a.question == Question::Profile && a.state == AskState::Failed)
        .and_then(|a| a.why.clone())
        .expect("a failed question says why");
    assert!(!why.is_empty());
    // Round 2 (the profile) is asked only after round 1 is answered.
    let at = |q: Question, s: AskState| {
        heard
            .iter()
            .position(|a| a.question == q && a.state == s)
            .expect("heard")
    };
    assert!(
        at(Question::Profile, AskState::Asking)
            > at(Question::MessagingSettings, AskState::Answered)
    );
    sim.shutdown().await;
}

/// The checklist's requests run concurrently: two rounds, so within about two round trips of the
/// slowest request.
#[tokio::test]
async fn the_checklist_takes_about_two_round_trips_at_80_ms() {
    let (sim, client) = start(SimConfig::demo()).await;
    sim.set_faults(Faults {
        latency_ms: 80,
        ..Faults::default()
    });
    // The slowest single request of the checklist, alone.
    let mut slowest = Duration::ZERO;
    for _ in 0..3 {
        let t = Instant::now();
        let filter = ListMessagingNumbers {
            phone_numbers: vec!["+12125550102".parse().expect("e164")],
            ..Default::default()
        };
        client
            .list_messaging_numbers(&filter, 1, 20)
            .await
            .expect("listed");
        slowest = slowest.max(t.elapsed());
    }
    let mut best = Duration::MAX;
    for _ in 0..3 {
        let g = gather(
            &client,
            &DiagnoseRequest::new("+12125550102", Symptom::Filtered),
        )
        .await;
        assert!(g.campaign_detail.found().is_some() && g.profile.found().is_some());
        best = best.min(g.api_elapsed);
    }
    println!(
        "checklist: {} ms; slowest single request: {} ms ({:.2} round trips)",
        best.as_millis(),
        slowest.as_millis(),
        best.as_secs_f64() / slowest.as_secs_f64()
    );
    assert!(
        best.as_secs_f64() <= 2.5 * slowest.as_secs_f64(),
        "{best:?} vs {slowest:?}"
    );
    sim.shutdown().await;
}

#[test]
fn the_example_program_prints_the_diagnosis_as_json() {
    let exe = std::env::current_exe().expect("test binary");
    let dir = exe.parent().and_then(|d| d.parent()).expect("target dir");
    let example = dir
        .join("examples")
        .join(format!("diagnose{}", std::env::consts::EXE_SUFFIX));
    assert!(
        example.exists(),
        "cargo test builds the examples: {example:?}"
    );
    let scenario = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../telnyx-sim/scenarios/example.json"
    );
    let out = std::process::Command::new(&example)
        .args([
            "--scenario",
            scenario,
            "--symptom",
            "notInList",
            "+1 999 555 0100",
        ])
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(v["symptom"], "notInList");
    assert_eq!(v["phoneNumber"], "+19995550100");
    assert_eq!(v["findings"][0]["code"], "notOnAccount");
    assert!(String::from_utf8_lossy(&out.stderr).contains("checks took"));
    let bad = std::process::Command::new(&example)
        .args(["--scenario", scenario, "--symptom", "nope", "+19995550100"])
        .output()
        .expect("runs");
    assert!(!bad.status.success());
}

#[tokio::test]
async fn the_scan_of_the_demo_finds_every_documented_problem_and_nothing_on_healthy_numbers() {
    let (sim, client) = start(SimConfig::demo()).await;
    let snapshot = load_snapshot(&client, ListSizes::default(), |_| {}, None)
        .await
        .expect("snapshot");
    let report = DiagnosisService::scan(&snapshot);
    assert_eq!(report.scanned as usize, snapshot.numbers.len());
    let groups_of = |number: &str| -> Vec<FindingCode> {
        report
            .groups
            .iter()
            .filter(|g| g.numbers.iter().any(|n| n.phone_number == number))
            .filter(|g| g.severity != Severity::Advice)
            .map(|g| g.code)
            .collect()
    };
    // Every documented problem the bulk data can show (records and inventory-only numbers are not
    // bulk data; the webhook test is not run by a scan).
    for (number, _, want) in demo_md_rows() {
        let bulk = !matches!(
            want.as_str(),
            "recentErrors"
                | "pastErrors"
                | "destinationNotAllowed"
                | "notInMessagingList"
                | "notOnAccount"
                | "webhookDeliveryFailed"
        );
        if bulk {
            let found = groups_of(&number);
            assert!(
                found.iter().any(|c| c.key() == want),
                "{number}: wanted {want}, found {found:?}"
            );
        }
    }
    assert!(groups_of("+12125550113").contains(&FindingCode::WebhookNotHttps));
    for healthy in [
        "+12125550100",
        "+18005550100",
        "+18005550104",
        "+19145550101",
    ] {
        assert_eq!(groups_of(healthy), Vec::<FindingCode>::new(), "{healthy}");
    }
    // Largest group first; "fix all" only where safe.
    let problems: Vec<_> = report
        .groups
        .iter()
        .filter(|g| g.severity == Severity::Problem)
        .collect();
    assert!(problems.windows(2).all(|w| w[0].count >= w[1].count));
    let no_profile = report
        .groups
        .iter()
        .find(|g| g.code == FindingCode::NoProfile)
        .expect("unassigned numbers");
    assert!(no_profile.fix_is_safe && no_profile.count > 50);
    assert!(report
        .groups
        .iter()
        .filter(|g| g.code == FindingCode::TenDlcMissing)
        .all(|g| !g.fix_is_safe));
    sim.shutdown().await;
}
