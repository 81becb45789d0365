//! A load that loses pages of numbers keeps the others: the list names what is missing, and the
//! missing pages can be fetched again by themselves. Against the simulator over loopback HTTP.

use std::time::Duration;

use desk_core::services::numbers::NumbersService;
use telnyx_client::{ApiKey, Client};
use telnyx_sim::{Account, Faults, RefusedList, SimConfig, Simulator};

fn refuse_page(page: u32) -> RefusedList {
    RefusedList {
        path: "/phone_numbers/messaging".into(),
        code: "10007".into(),
        status: 500,
        title: None,
        detail: None,
        page: Some(page),
    }
}

async fn start(numbers: usize, refused: Vec<RefusedList>) -> (Simulator, Client) {
    let mut config = SimConfig::with_account(Account::generated(numbers, 11));
    config.faults.refuse_lists = refused;
    let sim = Simulator::start(config).await.expect("simulator starts");
    let client = Client::builder(&sim.base_url(), ApiKey::new(sim.api_key()))
        .max_retries(2)
        .retry_backoff(Duration::from_millis(2), Duration::from_millis(10))
        .build()
        .expect("client builds");
    (sim, client)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn lost_pages_leave_the_rest_and_can_be_loaded_by_themselves() {
    // 2,000 numbers are 8 pages of 250; pages 3 and 8 fail on every try.
    let (sim, client) = start(2_000, vec![refuse_page(3), refuse_page(8)]).await;
    let service = NumbersService::new();
    let list = service
        .load("acct", &client, |_| {}, None)
        .await
        .expect("the load keeps what arrived");
    assert_eq!(list.rows.len(), 1_500);
    let missing = list.missing.clone().expect("the missing pages are named");
    assert_eq!(missing.pages, [3, 8]);
    assert_eq!(missing.total_pages, 8);
    assert_eq!(missing.about_numbers, 500);
    assert_eq!(missing.positions, "numbers 501–750 and 1,751–2,000");
    assert!(
        missing.why.contains("10007") || missing.why.to_lowercase().contains("telnyx"),
        "{}",
        missing.why
    );

    // Still failing: nothing changes, nothing is duplicated.
    let again = service.load_missing("acct", &client).await.expect("ok");
    assert_eq!(again.rows.len(), 1_500);
    assert_eq!(
        again.missing.as_ref().map(|m| m.pages.clone()),
        Some(vec![3, 8])
    );

    // Telnyx recovers: the two pages arrive, and only they are asked for.
    sim.set_faults(Faults::default());
    let before = sim.requests_served();
    let whole = service.load_missing("acct", &client).await.expect("ok");
    assert_eq!(
        sim.requests_served() - before,
        2,
        "only the missing pages are fetched"
    );
    assert_eq!(whole.missing, None);
    assert_eq!(whole.rows.len(), 2_000);
    let mut ids: Vec<String> = whole.rows.rows().map(|r| r.id.clone()).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), 2_000, "no number twice");
    sim.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn without_its_first_page_the_list_cannot_be_shown() {
    let (_sim, client) = start(1_000, vec![refuse_page(1)]).await;
    let err = NumbersService::new()
        .load("acct", &client, |_| {}, None)
        .await
        .expect_err("the first page tells the count");
    assert_eq!(err.status(), Some(500));
}
