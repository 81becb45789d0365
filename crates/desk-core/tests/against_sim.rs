//! End to end against the in-process simulator: load the demo account's snapshot over HTTP, build
//! the rows, and check the verdicts of the numbers the demo account documents (telnyx-sim's
//! `DEMO.md` and `account/demo.rs`), the totals, and the time a 10,000-number account takes.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::Instant;

use desk_core::rules::readiness::{ReadinessGroup, Verdict};
use desk_core::rules::rows::{build_rows, ListRow, NumberRow, SnapshotIndex};
use desk_core::services::numbers::{ChangeOutcome, NumbersList, NumbersService};
use desk_core::services::sizes::RememberedSizes;
use desk_core::services::snapshot::{
    load_snapshot, AccountSnapshot, Gap, Gaps, ListSizes, LoadProgress,
};
use telnyx_client::{ApiKey, Client, ListMessagingNumbers, ListPhoneNumbers};
use telnyx_sim::{Account, SimConfig, Simulator};

async fn start(config: SimConfig) -> (Simulator, Client) {
    let sim = Simulator::start(config).await.expect("simulator starts");
    let client = Client::builder(&sim.base_url(), ApiKey::new(sim.api_key()))
        .build()
        .expect("client builds");
    (sim, client)
}

async fn load(client: &Client) -> (AccountSnapshot, Vec<LoadProgress>) {
    let progress = Mutex::new(Vec::new());
    let snapshot = load_snapshot(
        client,
        ListSizes::default(),
        |p| progress.lock().expect("progress lock").push(p),
        None,
    )
    .await
    .expect("snapshot loads");
    (snapshot, progress.into_inner().expect("progress lock"))
}

/// The demo account's showcase numbers and the verdict each demonstrates (`account/demo.rs`).
const SHOWCASE: &[(&str, Verdict, &str)] = &[
    ("+12125550100", Verdict::Ready, ""),
    (
        "+12125550101",
        Verdict::TenDlcPending,
        "campaign CNDMKT2 is in progress",
    ),
    ("+12125550102", Verdict::Needs10dlcCampaign, "failed"),
    (
        "+12125550103",
        Verdict::Needs10dlcCampaign,
        "without a 10DLC campaign",
    ),
    ("+12125550104", Verdict::NoProfile, "not assigned"),
    (
        "+12125550105",
        Verdict::Provisioning,
        "still being set up after purchase",
    ),
    (
        "+12125550106",
        Verdict::NotMessagingCapable,
        "neither SMS nor MMS",
    ),
    ("+12125550107", Verdict::Unhealthy, "18%"),
    ("+12125550108", Verdict::Unhealthy, "82%"),
    ("+12125550109", Verdict::ProfileDisabled, "Old Alerts"),
    // The webhook: none, one Telnyx cannot reach, one over http://.
    (
        "+12125550110",
        Verdict::NoWebhook,
        "Incoming texts go nowhere: the profile “Appointment Reminders” has no webhook address",
    ),
    ("+12125550111", Verdict::WebhookUnreachable, "127.0.0.1"),
    // An opted-out recipient: the number itself can text.
    ("+12125550112", Verdict::Ready, ""),
    (
        "+12125550113",
        Verdict::WebhookNotEncrypted,
        "without encryption",
    ),
    ("+18005550100", Verdict::Ready, ""),
    ("+18005550101", Verdict::TollFreeInReview, "under review"),
    (
        "+18005550102",
        Verdict::NeedsTollFreeVerification,
        "rejected",
    ),
    (
        "+18005550103",
        Verdict::NeedsTollFreeVerification,
        "never been submitted",
    ),
    ("+18005550104", Verdict::Ready, ""),
    (
        "+18005550105",
        Verdict::NeedsTollFreeVerification,
        "waiting for your answer",
    ),
    ("55501", Verdict::Ready, ""),
    ("55503", Verdict::NoProfile, ""),
    (
        "55504",
        Verdict::ShortCodePending,
        "still being set up after purchase",
    ),
    // Non-US long codes are ready, the country's rules only advice.
    ("+447700900000", Verdict::Ready, "no registration"),
    ("+447700900006", Verdict::NoProfile, ""),
    ("+14165550100", Verdict::Ready, "no registration"),
];

/// Verdicts the demo account does not produce: a list still loading or refused, statuses it never
/// serves (a failed purchase or port, a short code whose setup failed), and the types and countries
/// it always knows.
const NOT_IN_DEMO: &[Verdict] = &[
    Verdict::Checking,
    Verdict::Unchecked,
    Verdict::NotActive,
    Verdict::ShortCodeNotProvisioned,
    Verdict::CheckCountryRules,
];

fn digits(s: &str) -> &str {
    s.strip_prefix('+').unwrap_or(s)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn demo_account_verdicts() {
    let (_sim, client) = start(SimConfig::demo()).await;
    let (snapshot, progress) = load(&client).await;
    let rows = build_rows(&snapshot);

    // Totals: every number the API counts is a row, and every list was loaded in full.
    let meta = client
        .list_messaging_numbers(&ListMessagingNumbers::default(), 1, 1)
        .await
        .expect("one page")
        .meta;
    assert_eq!(rows.len(), meta.total_results as usize);
    let inventory = client
        .list_phone_numbers(&ListPhoneNumbers::default(), 1, 1)
        .await
        .expect("one page")
        .meta;
    assert_eq!(
        snapshot.phone_numbers.len(),
        inventory.total_results as usize
    );
    assert_eq!(snapshot.profiles.len(), 6);
    assert!(!snapshot.campaigns.is_empty());
    assert!(!snapshot.verifications.is_empty());

    // Progress ends complete and never goes backwards.
    let last = progress.last().copied().expect("progress reported");
    assert_eq!(last.pages_done, last.total_pages);
    assert!(progress
        .windows(2)
        .all(|w| w[0].pages_done <= w[1].pages_done));

    // Every verdict occurs as a problem, except those the demo account cannot produce.
    assert_eq!(snapshot.gaps, Gaps::default());
    let seen: std::collections::BTreeSet<Verdict> = rows
        .iter()
        .flat_map(|r| r.readiness.problem_verdicts())
        .collect();
    for v in Verdict::ALL {
        assert_eq!(
            seen.contains(&v),
            !NOT_IN_DEMO.contains(&v),
            "{v:?} among the demo numbers"
        );
    }
    // The figures the report gives: numbers per group, and per problem.
    let mut groups: std::collections::BTreeMap<ReadinessGroup, usize> = Default::default();
    let mut problems: std::collections::BTreeMap<Verdict, usize> = Default::default();
    for r in &rows {
        *groups.entry(r.readiness.group).or_default() += 1;
        for v in r.readiness.problem_verdicts() {
            *problems.entry(v).or_default() += 1;
        }
    }
    eprintln!("demo groups: {groups:?}");
    eprintln!("demo problems: {problems:?}");
    // A number with two problems lists both (the demo's +1 206 555 0107: no profile, and its 10DLC
    // assignment still in progress); the one needing action decides its group.
    let two = rows
        .iter()
        .find(|r| r.list.phone_number == "+12065550107")
        .expect("+12065550107 is in the demo account");
    assert_eq!(
        two.readiness.problem_verdicts(),
        [Verdict::NoProfile, Verdict::TenDlcPending]
    );
    assert_eq!(two.readiness.group, ReadinessGroup::ActionNeeded);

    // The showcase numbers get the verdict the demo account built them for.
    let by_number: HashMap<&str, &NumberRow> = rows
        .iter()
        .map(|r| (digits(&r.list.phone_number), r))
        .collect();
    for (number, verdict, reason_has) in SHOWCASE {
        let row = by_number
            .get(digits(number))
            .unwrap_or_else(|| panic!("{number} is not in the demo account"));
        assert_eq!(
            row.readiness.verdict, *verdict,
            "{number}: {:#?}",
            row.readiness
        );
        assert!(
            row.readiness.reason.contains(reason_has),
            "{number}: {:?} lacks {reason_has:?}",
            row.readiness.reason
        );
    }
    // The list's rows (threads, columns) are the detail rows cut down, number for number, and the
    // columns give them back.
    let list = desk_core::services::numbers::list_of(&snapshot, true);
    let want: Vec<ListRow> = rows.iter().cloned().map(ListRow::from).collect();
    let index = SnapshotIndex::new(&snapshot);
    let direct: Vec<ListRow> = snapshot.numbers.iter().map(|n| index.list_row(n)).collect();
    assert_eq!(direct, want);
    let from_columns: Vec<ListRow> = list.rows.rows().collect();
    assert_eq!(from_columns.len(), want.len());
    for (got, want) in from_columns.iter().zip(&want) {
        let rounded = |h: Option<desk_core::rules::rows::HealthView>| {
            h.map(|h| (h.success_ratio * 1e4).round() / 1e4)
        };
        assert_eq!(rounded(got.health), rounded(want.health), "{}", want.id);
        assert_eq!(
            ListRow {
                health: None,
                ..got.clone()
            },
            ListRow {
                health: None,
                ..want.clone()
            }
        );
    }

    let ready = &by_number["12125550100"];
    assert_eq!(ready.list.display, "(212) 555-0100");
    // Each number in its own country's national format (libphonenumber's metadata).
    for (number, display, country) in [
        ("447700900000", "07700 900000", "GB"),
        ("493023125000", "030 23125000", "DE"),
        ("33199000000", "01 99 00 00 00", "FR"),
        ("61491570006", "0491 570 006", "AU"),
        ("14165550100", "(416) 555-0100", "CA"),
        ("55501", "55501", "US"),
    ] {
        let row = &by_number[number].list;
        assert_eq!(row.display, display, "{number}");
        assert_eq!(row.country_code.as_deref(), Some(country), "{number}");
    }
    // The country of every demo number is the one the API gives it: libphonenumber agrees.
    for n in &snapshot.numbers {
        let row = &by_number[n.phone_number.digits()].list;
        assert_eq!(row.country_code, n.country_code, "{}", n.phone_number);
    }
    assert_eq!(ready.list.profile_name.as_deref(), Some("Support Line"));
    assert_eq!(ready.campaign_status.as_deref(), Some("ASSIGNED"));
    assert_eq!(ready.status.as_deref(), Some("active"));
}

/// What the app runs for the Numbers screen of a 10,000-number account, step by step: the load
/// (`load_snapshot`), the list (`list_of`: rows with readiness on every core, as columns) and its
/// JSON for the window. The window then rebuilds, sorts, filters and counts the rows itself
/// (`ui/src/features/numbers/model.ts`); `bash .ci/dev bench` times that part in the real window.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn ten_thousand_numbers_timing() {
    let account = Account::generated(10_000, 7);
    let (_sim, client) = start(SimConfig::with_account(account)).await;
    let started = Instant::now();
    let (snapshot, _) = load(&client).await;
    let loaded = started.elapsed();
    assert_eq!(snapshot.numbers.len(), 10_000);

    let started = Instant::now();
    let list = desk_core::services::numbers::list_of(&snapshot, true);
    let listed = started.elapsed();
    let started = Instant::now();
    let json = serde_json::to_vec(&list).expect("list serializes");
    let serialized = started.elapsed();
    assert_eq!(list.rows.len(), 10_000);
    assert_eq!(list.rows.rows().count(), 10_000);
    // A timing print, not an assertion (machines differ); run with --nocapture to see it.
    println!(
        "10,000 numbers: load_snapshot {loaded:?} (over loopback HTTP), list_of {listed:?}, the list as JSON {} KiB in {serialized:?}",
        json.len() / 1024
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_first_look_at_the_first_page_comes_before_the_rest() {
    let mut config = SimConfig::demo();
    // Slow enough that the first look surely precedes the other pages.
    config.faults.latency_ms = 40;
    let (_sim, client) = start(config).await;
    let looks = Mutex::new(Vec::new());
    let progress_at_look = Mutex::new(None);
    let progress = Mutex::new(Vec::new());
    let snapshot = load_snapshot(
        &client,
        ListSizes::default(),
        |p| progress.lock().expect("lock").push(p),
        Some(&|first: &AccountSnapshot| {
            *progress_at_look.lock().expect("lock") =
                progress.lock().expect("lock").last().copied();
            looks.lock().expect("lock").push(first.clone());
        }),
    )
    .await
    .expect("snapshot loads");
    let looks = looks.into_inner().expect("lock");
    assert_eq!(looks.len(), 1, "one first look");
    let first = &looks[0];
    assert_eq!(first.numbers.len(), 250, "the first page only");
    assert_eq!(first.numbers[..], snapshot.numbers[..250]);
    assert_eq!(first.profiles.len(), snapshot.profiles.len());
    // It says how many numbers are coming in all, as Telnyx announced them.
    assert_eq!(
        first.gaps,
        Gaps {
            numbers_announced: Some(snapshot.numbers.len() as u32),
            ..Gaps::loading()
        }
    );
    assert_eq!(
        snapshot.gaps.numbers_announced, None,
        "the whole load announces nothing"
    );
    let at = progress_at_look
        .into_inner()
        .expect("lock")
        .expect("progress before the look");
    assert!(
        at.pages_done < at.total_pages,
        "the look came early: {at:?}"
    );

    // Its rows say "Checking…" where a list is still needed, never a wrong "Needs 10DLC".
    let rows = build_rows(first);
    let ready_row = rows
        .iter()
        .find(|r| r.list.phone_number == "+12125550100")
        .expect("the first showcase number is on page 1");
    assert_eq!(ready_row.readiness.verdict, Verdict::Checking);
    let no_profile = rows
        .iter()
        .find(|r| r.list.phone_number == "+12125550104")
        .expect("on page 1");
    assert_eq!(no_profile.readiness.verdict, Verdict::NoProfile);
    assert!(rows
        .iter()
        .all(|r| r.readiness.verdict != Verdict::Needs10dlcCampaign));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_next_run_remembers_the_sizes_and_asks_for_every_page_at_once() {
    let mut config = SimConfig::demo();
    config.faults.latency_ms = 400;
    let (sim, client) = start(config).await;
    let dir = std::env::temp_dir().join(format!("desk-core-remembered-{}", std::process::id()));
    let path = dir.join("list-sizes.json");
    let _ = std::fs::remove_dir_all(&dir);

    // One run of the app: a new service over the same file; returns the requests the simulator
    // received within the first round trip, the list and the first looks.
    let run = || async {
        let service = NumbersService::remembering(RememberedSizes::at(&path));
        let looks = Mutex::new(Vec::new());
        let look = |look: NumbersList| looks.lock().expect("lock").push(look);
        let before = sim.requests_served();
        let (list, first_round) =
            tokio::join!(service.load("demo", &client, |_| {}, Some(&look)), async {
                tokio::time::sleep(std::time::Duration::from_millis(200)).await;
                sim.requests_served() - before
            });
        let list = list.expect("loads");
        (first_round, list, looks.into_inner().expect("lock"))
    };
    let (cold, first_list, first_looks) = run().await;
    let (warm, second_list, second_looks) = run().await;

    // Pages of each long list asked for at once (at most the client's page concurrency).
    let pages = |n: usize| (n.div_ceil(250) as u64).min(client.page_concurrency() as u64);
    let account = sim.account();
    let long_lists = pages(account.numbers.len())
        + pages(account.numbers.len())
        + pages(account.campaign_assignments.len());
    // Cold: the first page of each list (and the profiles), nothing more, until they answer.
    assert!(
        cold <= 6,
        "{cold} requests in the first round trip of a cold load"
    );
    // Warm: every page of the numbers, the inventory and the 10DLC assignments at once, with the
    // others.
    assert!(
        warm >= long_lists,
        "{warm} requests in the first round trip of a load that knows its sizes"
    );
    // The same list either way, each with one first look of the first page.
    assert_eq!(second_list.rows, first_list.rows);
    for looks in [&first_looks, &second_looks] {
        assert_eq!(looks.len(), 1);
        assert_eq!(looks[0].rows.len(), 250);
        assert!(!looks[0].complete);
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn one_account_of_one_page_gets_no_first_look() {
    let account = Account::generated(100, 3);
    let (_sim, client) = start(SimConfig::with_account(account)).await;
    let looks = Mutex::new(0);
    load_snapshot(
        &client,
        ListSizes::default(),
        |_| {},
        Some(&|_: &AccountSnapshot| *looks.lock().expect("lock") += 1),
    )
    .await
    .expect("snapshot loads");
    assert_eq!(looks.into_inner().expect("lock"), 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_refused_compliance_list_degrades_to_couldnt_check() {
    let mut config = SimConfig::demo();
    config.faults.refuse_lists = vec![telnyx_sim::RefusedList {
        path: "/10dlc/phone_number_campaigns".into(),
        code: "10010".into(),
        status: 403,
        title: None,
        detail: Some("This account has no 10DLC access.".into()),
        page: None,
    }];
    let (_sim, client) = start(config).await;
    let (snapshot, progress) = load(&client).await;
    let last = progress.last().copied().expect("progress");
    assert_eq!(
        last.pages_done, last.total_pages,
        "progress still completes"
    );
    assert!(snapshot.campaigns.is_empty());
    // Telnyx's code and words, then what the code means.
    let Some(Gap::Failed(reason)) = &snapshot.gaps.campaigns else {
        panic!("the campaigns are a gap: {:?}", snapshot.gaps.campaigns);
    };
    assert!(
        reason.starts_with(
            "Telnyx refused the request (error 10010: This account has no 10DLC access). The API key is not allowed to do this"
        ),
        "{reason}"
    );
    assert_eq!(snapshot.gaps.inventory, None);
    let rows = build_rows(&snapshot);
    let by_number: HashMap<&str, &NumberRow> = rows
        .iter()
        .map(|r| (r.list.phone_number.as_str(), r))
        .collect();
    // A US long code that was ready cannot be called ready (or broken) without its 10DLC list…
    let us = by_number["+12125550100"];
    assert_eq!(us.readiness.verdict, Verdict::Unchecked);
    assert!(us.readiness.reason.contains("10DLC campaign assignments"));
    assert!(us.readiness.reason.contains("no 10DLC access"));
    // …while failures found elsewhere, and numbers that need no 10DLC, are judged as before.
    assert_eq!(
        by_number["+12125550104"].readiness.verdict,
        Verdict::NoProfile
    );
    assert_eq!(by_number["+18005550100"].readiness.verdict, Verdict::Ready);
    assert_eq!(by_number["+447700900000"].readiness.verdict, Verdict::Ready);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_refused_numbers_list_still_fails_the_load() {
    let mut config = SimConfig::demo();
    config.faults.refuse_lists = vec![telnyx_sim::RefusedList {
        path: "/phone_numbers/messaging".into(),
        code: "10010".into(),
        status: 403,
        title: None,
        detail: None,
        page: None,
    }];
    let (_sim, client) = start(config).await;
    let err = load_snapshot(&client, ListSizes::default(), |_| {}, None)
        .await
        .expect_err("no numbers, nothing to show");
    assert!(
        matches!(err, telnyx_client::Error::Api { status: 403, .. }),
        "{err:?}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_created_profile_can_take_numbers_at_once() {
    use desk_core::rules::profiles::{creation_request, NewProfile};
    use desk_core::services::numbers::{NumbersService, ProfileTarget};
    let (sim, client) = start(SimConfig::demo()).await;
    let service = NumbersService::new();
    let list = service
        .load("demo", &client, |_| {}, None)
        .await
        .expect("loads");
    let body = creation_request(&NewProfile {
        name: "Front Desk".into(),
        webhook_url: "https://example.com/texts".into(),
        destinations: "us, ca".into(),
    })
    .expect("valid form");
    let created = service
        .create_profile("demo", &client, &body)
        .await
        .expect("created");
    assert_eq!(created.name, "Front Desk");
    assert!(created.enabled);
    // Telnyx has it, as sent.
    let at_telnyx = client
        .get_messaging_profile(&telnyx_client::MessagingProfileId::new(created.id.clone()))
        .await
        .expect("retrievable");
    assert_eq!(at_telnyx.whitelisted_destinations, ["US", "CA"]);
    assert_eq!(
        at_telnyx.webhook_url.as_deref(),
        Some("https://example.com/texts")
    );
    // A number can go on it before any refresh, and its row names it.
    let number = list
        .rows
        .rows()
        .find(|r| r.profile_id.is_none())
        .expect("an unassigned number");
    let row = service
        .set_profile(
            "demo",
            &client,
            &number.id,
            ProfileTarget::Assign(telnyx_client::MessagingProfileId::new(created.id.clone())),
        )
        .await
        .expect("assigned");
    assert_eq!(row.outcome, ChangeOutcome::Made);
    let row = row.row.expect("a row");
    assert_eq!(row.profile_name.as_deref(), Some("Front Desk"));
    sim.shutdown().await;
}
