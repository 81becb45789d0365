//! The client against the simulator (`telnyx-sim`) over real loopback HTTP: the demo account
//! end to end, writes that stick, bulk orders that settle, and injected faults and rate limits.

use std::collections::HashSet;
use std::sync::Mutex;
use std::time::Duration;

use telnyx_client::*;
use telnyx_sim::{Account, Faults, SimConfig, Simulator};

async fn start(config: SimConfig) -> (Simulator, Client) {
    let sim = Simulator::start(config).await.expect("simulator starts");
    let client = Client::builder(&sim.base_url(), ApiKey::new(sim.api_key()))
        .max_retries(8)
        .retry_backoff(Duration::from_millis(5), Duration::from_millis(100))
        .build()
        .expect("client builds");
    (sim, client)
}

fn e164(s: &str) -> E164 {
    E164::parse(s).expect("the simulator serves E.164 numbers")
}

#[tokio::test]
async fn lists_every_number_of_the_demo_account_in_order_with_progress() {
    let (sim, client) = start(SimConfig::demo()).await;
    let account = sim.account();
    let progress = Mutex::new(Vec::new());
    let numbers = client
        .list_all_messaging_numbers(&ListMessagingNumbers::default(), |p| {
            progress.lock().expect("lock").push(p)
        })
        .await
        .expect("list all");
    assert_eq!(numbers.len(), account.numbers.len());
    let ids: HashSet<_> = numbers.iter().map(|n| n.id.clone()).collect();
    assert_eq!(ids.len(), numbers.len(), "no page fetched twice");
    // Same order as one sequential walk.
    let sequential = client
        .with_page_concurrency(1)
        .list_all_messaging_numbers(&ListMessagingNumbers::default(), |_| {})
        .await
        .expect("sequential");
    assert_eq!(numbers, sequential);
    let progress = progress.into_inner().expect("lock");
    let last = progress.last().copied().expect("progress reported");
    assert_eq!(last.pages_done, last.total_pages);
    assert_eq!(
        last.total_pages as usize,
        account.numbers.len().div_ceil(250)
    );
    assert_eq!(progress.len(), last.total_pages as usize);
    sim.shutdown().await;
}

#[tokio::test]
async fn the_first_page_is_seen_as_it_arrives_then_the_rest_follow() {
    let (sim, client) = start(SimConfig::demo()).await;
    let filter = ListMessagingNumbers::default();
    let first = client
        .list_messaging_numbers(&filter, 1, 250)
        .await
        .expect("first page");
    let first_ids: Vec<_> = first.data.iter().map(|n| n.id.clone()).collect();
    let total_pages = first.meta.total_pages;
    assert!(total_pages > 1, "the demo account has several pages");
    let progress = Mutex::new(Vec::new());
    let seen = Mutex::new(Vec::new());
    let rest = client
        .list_all_messaging_numbers_expecting(
            &filter,
            0,
            |page| {
                let ids = page.data.iter().map(|n| n.id.clone());
                seen.lock().expect("lock").push(ids.collect::<Vec<_>>());
            },
            |p| progress.lock().expect("lock").push(p),
        )
        .await
        .expect("rest");
    let all = client
        .list_all_messaging_numbers(&filter, |_| {})
        .await
        .expect("all");
    assert_eq!(rest, all, "the first page, then the others, in order");
    assert_eq!(
        seen.into_inner().expect("lock"),
        std::slice::from_ref(&first_ids)
    );
    let kept: Vec<_> = rest.iter().take(250).map(|n| n.id.clone()).collect();
    assert_eq!(kept, first_ids);
    let progress = progress.into_inner().expect("lock");
    assert_eq!(progress.first().map(|p| p.pages_done), Some(1));
    assert_eq!(progress.last().map(|p| p.pages_done), Some(total_pages));
    sim.shutdown().await;
}

#[tokio::test]
async fn a_listing_that_expects_its_size_asks_for_every_page_at_once() {
    let (sim, client) = start(SimConfig::demo()).await;
    let filter = ListMessagingNumbers::default();
    let all = client
        .list_all_messaging_numbers(&filter, |_| {})
        .await
        .expect("all");
    let pages = all.len().div_ceil(250);
    assert!(pages > 2, "the demo account has several pages");
    let slow = |ms| Faults {
        latency_ms: ms,
        ..Faults::default()
    };
    // With 300 ms a request and every page in flight at once, a listing that knows its size takes
    // one round trip; one that waits for the first page to learn it takes two.
    sim.set_faults(slow(300));
    let wide = client.with_page_concurrency(pages * 2);
    for expected in [all.len(), all.len() / 3, all.len() * 2, 0] {
        let served = sim.requests_served();
        let started = std::time::Instant::now();
        let got = wide
            .list_all_messaging_numbers_expecting(&filter, expected, |_| {}, |_| {})
            .await
            .expect("listed");
        let took = started.elapsed();
        assert_eq!(got, all, "expecting {expected}: every number, in order");
        let requests = sim.requests_served() - served;
        let asked = pages.max(expected.div_ceil(250)) as u64;
        assert_eq!(requests, asked, "expecting {expected}");
        let round_trips = if expected == all.len() || expected > all.len() {
            1
        } else {
            2
        };
        assert!(
            took.as_millis() >= 300 * round_trips && took.as_millis() < 300 * round_trips + 240,
            "expecting {expected}: {took:?}"
        );
    }
    sim.set_faults(Faults::default());
    let inventory = client
        .list_all_phone_numbers(&ListPhoneNumbers::default(), |_| {})
        .await
        .expect("inventory");
    let statuses = client
        .list_all_phone_number_statuses_expecting(
            &ListPhoneNumbers::default(),
            inventory.len(),
            |_| {},
        )
        .await
        .expect("inventory statuses, expected");
    let want: Vec<PhoneNumberStatusRecord> = inventory.into_iter().map(Into::into).collect();
    assert_eq!(statuses, want);
    sim.shutdown().await;
}

#[tokio::test]
async fn a_10dlc_listing_that_expects_its_size_asks_for_every_page_at_once() {
    let (sim, client) = start(SimConfig::with_account(Account::generated(2_000, 5))).await;
    let filter = ListPhoneNumberCampaigns::default();
    let all = client
        .list_all_phone_number_campaigns(&filter, |_| {})
        .await
        .expect("all");
    let pages = all.len().div_ceil(250);
    assert!(pages > 2, "{} assignments", all.len());
    sim.set_faults(Faults {
        latency_ms: 300,
        ..Faults::default()
    });
    // As for the numbers: one round trip when the size is known (or overestimated), two when the
    // listing waits for the first page to learn it.
    let wide = client.with_page_concurrency(pages * 2);
    for expected in [all.len(), all.len() * 2, 0] {
        let served = sim.requests_served();
        let started = std::time::Instant::now();
        let got = wide
            .list_all_phone_number_campaigns_expecting(&filter, expected, |_| {})
            .await
            .expect("listed");
        let took = started.elapsed();
        assert_eq!(got, all, "expecting {expected}: every assignment, in order");
        let asked = pages.max(expected.div_ceil(250)) as u64;
        assert_eq!(
            sim.requests_served() - served,
            asked,
            "expecting {expected}"
        );
        let round_trips = if expected == 0 { 2 } else { 1 };
        assert!(
            took.as_millis() >= 300 * round_trips && took.as_millis() < 300 * round_trips + 240,
            "expecting {expected}: {took:?}"
        );
    }
    sim.shutdown().await;
}

#[tokio::test]
async fn filters_by_profile_and_type() {
    let (sim, client) = start(SimConfig::demo()).await;
    let account = sim.account();
    let profile = &account.profiles[0];
    let filter = ListMessagingNumbers {
        messaging_profile_id: Some(MessagingProfileId::new(profile.id.clone())),
        ..Default::default()
    };
    let on_profile = client
        .list_all_messaging_numbers(&filter, |_| {})
        .await
        .expect("by profile");
    let want = account
        .numbers
        .iter()
        .filter(|n| n.messaging_profile_id.as_deref() == Some(profile.id.as_str()))
        .count();
    assert_eq!(on_profile.len(), want);
    let via_profile = client
        .list_all_profile_numbers(&MessagingProfileId::new(profile.id.clone()), |_| {})
        .await
        .expect("profile numbers");
    assert_eq!(via_profile.len(), want);
    let toll_free = client
        .list_all_messaging_numbers(
            &ListMessagingNumbers {
                number_type: Some(NumberType::TollFree),
                ..Default::default()
            },
            |_| {},
        )
        .await
        .expect("by type");
    assert!(!toll_free.is_empty());
    assert!(toll_free
        .iter()
        .all(|n| n.number_type == Some(NumberType::TollFree)));
    sim.shutdown().await;
}

#[tokio::test]
async fn assign_unassign_and_reassign_a_number_by_e164_and_by_id() {
    let (sim, client) = start(SimConfig::demo()).await;
    let account = sim.account();
    let n = account
        .numbers
        .iter()
        .find(|n| n.messaging_profile_id.is_some())
        .expect("an assigned number");
    let original = MessagingProfileId::new(n.messaging_profile_id.clone().unwrap_or_default());
    let by_number = NumberRef::E164(e164(&n.phone_number));
    let by_id = NumberRef::Id(PhoneNumberId::new(n.id.clone()));

    let unassigned = client
        .update_messaging_number(
            &by_number,
            &UpdateMessagingNumber {
                messaging_profile_id: ProfileChange::Unassign,
                ..Default::default()
            },
        )
        .await
        .expect("unassign");
    assert!(unassigned.messaging_profile_id.is_none());
    assert!(client
        .get_messaging_number(&by_id)
        .await
        .expect("get")
        .messaging_profile_id
        .is_none());

    // Keep: a PATCH without messaging_profile_id leaves it alone.
    let kept = client
        .update_messaging_number(
            &by_id,
            &UpdateMessagingNumber {
                tags: Some(vec!["kept".into()]),
                ..Default::default()
            },
        )
        .await
        .expect("keep");
    assert!(kept.messaging_profile_id.is_none());
    assert_eq!(kept.tags, ["kept"]);

    let back = client
        .update_messaging_number(
            &by_id,
            &UpdateMessagingNumber {
                messaging_profile_id: ProfileChange::Assign(original.clone()),
                ..Default::default()
            },
        )
        .await
        .expect("assign");
    assert_eq!(back.messaging_profile_id, Some(original));
    sim.shutdown().await;
}

#[tokio::test]
async fn profiles_create_update_and_read_back() {
    let (sim, client) = start(SimConfig::demo()).await;
    let before = client
        .list_all_messaging_profiles(&ListMessagingProfiles::default())
        .await
        .expect("list");
    assert_eq!(before.len(), sim.account().profiles.len());
    let created = client
        .create_messaging_profile(&CreateMessagingProfile {
            name: "Client test profile".into(),
            whitelisted_destinations: vec!["US".into()],
            webhook_url: Some("https://hooks.example.com/in".into()),
            ..Default::default()
        })
        .await
        .expect("create");
    assert_eq!(created.name, "Client test profile");
    let updated = client
        .update_messaging_profile(
            &created.id,
            &UpdateMessagingProfile {
                enabled: Some(false),
                webhook_url: Some(Some("https://hooks.example.com/v2".into())),
                ..Default::default()
            },
        )
        .await
        .expect("update");
    assert_eq!(updated.enabled, Some(false));
    let read = client
        .get_messaging_profile(&created.id)
        .await
        .expect("get");
    assert_eq!(
        read.webhook_url.as_deref(),
        Some("https://hooks.example.com/v2")
    );
    let found = client
        .list_all_messaging_profiles(&ListMessagingProfiles {
            name_eq: Some("Client test profile".into()),
            ..Default::default()
        })
        .await
        .expect("filter");
    assert_eq!(found.len(), 1);
    sim.shutdown().await;
}

#[tokio::test]
async fn a_bulk_order_settles() {
    let mut config = SimConfig::demo();
    config.bulk_settle = Duration::from_millis(300);
    let (sim, client) = start(config).await;
    let account = sim.account();
    let target = MessagingProfileId::new(account.profiles[0].id.clone());
    let numbers: Vec<E164> = account
        .numbers
        .iter()
        .take(5)
        .map(|n| e164(&n.phone_number))
        .collect();
    let order = client
        .create_bulk_update(&CreateBulkUpdate {
            messaging_profile_id: BulkTarget::Assign(target.clone()),
            numbers: numbers.clone(),
            assign_only: None,
        })
        .await
        .expect("order");
    let mut status = order.clone();
    for _ in 0..50 {
        if status.is_settled() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
        status = client
            .get_bulk_update(&order.order_id)
            .await
            .expect("status");
    }
    assert!(status.is_settled(), "{status:?}");
    assert_eq!(status.success.len() + status.failed.len(), numbers.len());
    for n in status.success {
        let got = client
            .get_messaging_number(&NumberRef::E164(n))
            .await
            .expect("get");
        assert_eq!(got.messaging_profile_id.as_ref(), Some(&target));
    }
    sim.shutdown().await;
}

#[tokio::test]
async fn phone_number_ten_dlc_toll_free_and_message_errors() {
    let (sim, client) = start(SimConfig::demo()).await;
    let account = sim.account();

    let n = &account.numbers[0];
    let found = client
        .find_phone_number(&e164(&n.phone_number))
        .await
        .expect("find")
        .expect("on the account");
    assert_eq!(found.phone_number.as_str(), n.phone_number);
    let by_id = client.get_phone_number(&found.id).await.expect("get");
    assert_eq!(by_id.status, found.status);

    let assignments = client
        .list_all_phone_number_campaigns(&ListPhoneNumberCampaigns::default(), |_| {})
        .await
        .expect("10DLC list");
    assert_eq!(assignments.len(), account.campaign_assignments.len());
    if let Some(a) = account.campaign_assignments.first() {
        let one = client
            .get_phone_number_campaign(&e164(&a.phone_number))
            .await
            .expect("10DLC one");
        assert_eq!(one.campaign_id.as_str(), a.campaign_id);
        if let Some(c) = account
            .campaigns
            .iter()
            .find(|c| c.campaign_id == a.campaign_id)
        {
            let campaign = client
                .get_campaign(&one.campaign_id)
                .await
                .expect("campaign");
            assert_eq!(
                campaign.campaign_status.as_ref().map(|s| s.as_str()),
                Some(c.campaign_status.as_str())
            );
        }
    }
    // A US long code without a campaign: the API's answer is UNCONFIRMED (FACTS.md §6); the
    // simulator says 404.
    let assigned: HashSet<&str> = account
        .campaign_assignments
        .iter()
        .map(|a| a.phone_number.as_str())
        .collect();
    if let Some(free) = account
        .numbers
        .iter()
        .find(|n| !assigned.contains(n.phone_number.as_str()))
    {
        match client
            .get_phone_number_campaign(&e164(&free.phone_number))
            .await
        {
            Err(e) => assert!(e.is_not_found() || e.status() == Some(422), "{e:?}"),
            Ok(a) => panic!("unexpected assignment {a:?}"),
        }
    }

    let v = account
        .verifications
        .first()
        .expect("demo has toll-free verifications");
    let reqs = client
        .verification_requests_for_number(&e164(&v.phone_numbers[0]))
        .await
        .expect("TFV");
    assert!(reqs.iter().any(|r| r.id.as_str() == v.id));

    if let Some(m) = account
        .message_records
        .iter()
        .find(|m| !m.errors.is_empty())
    {
        let errors = client
            .recent_message_errors(&e164(&m.cli), 50)
            .await
            .expect("MDR");
        assert!(
            errors
                .iter()
                .any(|r| r.uuid.as_deref() == Some(m.uuid.as_str())),
            "{errors:?}"
        );
        assert!(errors.iter().all(MessageDetailRecord::is_error));
    }
    sim.shutdown().await;
}

#[tokio::test]
async fn a_wrong_key_is_unauthorized() {
    let sim = Simulator::start(SimConfig::demo()).await.expect("start");
    let client = Client::builder(&sim.base_url(), ApiKey::new("KEYwrong"))
        .build()
        .expect("client");
    let err = client
        .list_messaging_profiles(&ListMessagingProfiles::default(), 1, 20)
        .await
        .expect_err("401");
    assert!(err.is_unauthorized(), "{err:?}");
    assert!(!err.is_retryable());
    sim.shutdown().await;
}

#[tokio::test]
async fn a_stopped_simulator_is_a_connect_error() {
    let sim = Simulator::start(SimConfig::demo()).await.expect("start");
    let base = sim.base_url();
    sim.shutdown().await;
    let client = Client::builder(&base, ApiKey::new("k"))
        .max_retries(1)
        .retry_backoff(Duration::from_millis(1), Duration::from_millis(2))
        .connect_timeout(Duration::from_millis(500))
        .build()
        .expect("client");
    let err = client
        .list_messaging_profiles(&ListMessagingProfiles::default(), 1, 20)
        .await
        .expect_err("down");
    assert!(err.is_connect(), "{err:?}");
}

#[tokio::test]
async fn listing_survives_random_faults() {
    let (sim, client) = start(SimConfig::with_account(Account::generated(3000, 7))).await;
    sim.set_faults(Faults {
        latency_ms: 2,
        p_5xx: 0.1,
        p_429: 0.05,
        p_drop: 0.05,
        p_malformed: 0.05,
        ..Faults::default()
    });
    let numbers = client
        .with_page_concurrency(8)
        .list_all_messaging_numbers(&ListMessagingNumbers::default(), |_| {})
        .await
        .expect("retries carry the listing through the faults");
    assert_eq!(numbers.len(), 3000);
    let ids: HashSet<_> = numbers.iter().map(|n| n.id.clone()).collect();
    assert_eq!(ids.len(), 3000);
    sim.shutdown().await;
}

#[tokio::test]
async fn hung_requests_time_out_and_are_retried() {
    let sim = Simulator::start(SimConfig::with_account(Account::generated(1000, 3)))
        .await
        .expect("start");
    sim.set_faults(Faults {
        p_timeout: 0.2,
        timeout_hang_ms: 5_000,
        ..Faults::default()
    });
    let client = Client::builder(&sim.base_url(), ApiKey::new(sim.api_key()))
        .request_timeout(Duration::from_millis(300))
        .max_retries(10)
        .retry_backoff(Duration::from_millis(5), Duration::from_millis(50))
        .build()
        .expect("client");
    let numbers = client
        .list_all_messaging_numbers(&ListMessagingNumbers::default(), |_| {})
        .await
        .expect("timeouts retried");
    assert_eq!(numbers.len(), 1000);
    sim.shutdown().await;
}

#[tokio::test]
async fn a_rate_limited_listing_paces_itself_instead_of_hammering() {
    let (sim, client) = start(SimConfig::with_account(Account::generated(5000, 11))).await;
    sim.set_faults(Faults {
        rate_limit_per_sec: Some(10),
        ..Faults::default()
    });
    let before = sim.requests_served();
    let numbers = client
        .with_page_concurrency(8)
        .list_all_messaging_numbers(&ListMessagingNumbers::default(), |_| {})
        .await
        .expect("completes under a 10 req/s limit");
    assert_eq!(numbers.len(), 5000);
    let served = sim.requests_served() - before;
    eprintln!("rate-limited listing: {served} requests served for 20 pages");
    // 20 pages. Pacing on x-ratelimit-remaining spreads them over the windows (no 429 at all in
    // practice); a few 429s at most are tolerated for a slow machine.
    assert!(served <= 24, "{served} requests for 20 pages");
    sim.shutdown().await;
}

#[tokio::test]
async fn every_inventory_number_and_verification_request_is_listed_across_clamped_pages() {
    let (sim, client) = start(SimConfig::demo()).await;
    let inventory_total = client
        .list_phone_numbers(&ListPhoneNumbers::default(), 1, 1)
        .await
        .expect("one page")
        .meta
        .total_results;
    let progress = Mutex::new(Vec::new());
    let inventory = client
        .list_all_phone_numbers(&ListPhoneNumbers::default(), |p| {
            progress.lock().expect("lock").push(p.pages_done)
        })
        .await
        .expect("inventory");
    assert_eq!(inventory.len() as u32, inventory_total);
    let ids: HashSet<_> = inventory.iter().map(|n| n.id.to_string()).collect();
    assert_eq!(ids.len(), inventory.len(), "no number listed twice");
    assert_eq!(
        progress.into_inner().expect("lock").last().copied(),
        Some(inventory_total.div_ceil(250))
    );

    // The simulator clamps `page_size` to 100, below the 250 asked: the real size must be used.
    let first = client
        .list_verification_requests(&ListVerificationRequests::default(), 1, 250)
        .await
        .expect("one page");
    assert!(
        first.total_records > first.records.len() as u32,
        "the demo needs more than one page"
    );
    let all = client
        .list_all_verification_requests(&ListVerificationRequests::default(), |_| {})
        .await
        .expect("verifications");
    assert_eq!(all.len() as u32, first.total_records);
    sim.shutdown().await;
}

/// A write answered with a cut-off body is its own error and is never re-sent (the simulator
/// applied it: its outcome is unknown to the client, not "failed"); a read answered so is retried.
#[tokio::test]
async fn a_cut_off_answer_is_unreadable_not_wrong_and_writes_are_not_resent() {
    let (sim, client) = start(SimConfig::demo()).await;
    let n = sim
        .account()
        .numbers
        .iter()
        .find(|n| n.messaging_profile_id.is_some())
        .expect("an assigned number")
        .clone();
    let by_id = NumberRef::Id(PhoneNumberId::new(n.id.clone()));
    sim.set_faults(Faults {
        p_malformed: 1.0,
        ..Faults::default()
    });

    let before = sim.requests_served();
    let err = client
        .update_messaging_number(
            &by_id,
            &UpdateMessagingNumber {
                messaging_profile_id: ProfileChange::Unassign,
                ..Default::default()
            },
        )
        .await
        .expect_err("every answer is cut off");
    assert!(matches!(err, Error::CorruptBody { .. }), "{err:?}");
    assert_eq!(sim.requests_served() - before, 1, "the PATCH was sent once");

    let before = sim.requests_served();
    let err = client
        .get_messaging_number(&by_id)
        .await
        .expect_err("every answer is cut off");
    assert!(matches!(err, Error::CorruptBody { .. }), "{err:?}");
    assert_eq!(
        sim.requests_served() - before,
        9,
        "a read is tried 1 + 8 times"
    );

    // What Telnyx holds: the change was made although its answer could not be read.
    sim.set_faults(Faults::default());
    let now = client.get_messaging_number(&by_id).await.expect("get");
    assert!(now.messaging_profile_id.is_none());
    sim.shutdown().await;
}
