//! Benchmark: the Numbers screen's whole backend load (five lists, rows, JSON for the window)
//! against its baseline in the same run, listing only the numbers with the same client — the
//! floor no screen that shows every number can beat.
//!
//! Run: `cargo run --release -p desk-core --example bench_snapshot`
//! Optional arguments: `[numbers] [latency_ms] [runs]` (defaults 10000 80 3).

use std::time::{Duration, Instant};

use desk_core::services::numbers::list_of;
use desk_core::services::snapshot::{load_snapshot, ListSizes};
use telnyx_client::{
    ApiKey, Client, ListMessagingNumbers, ListMessagingProfiles, ListPhoneNumberCampaigns,
    ListPhoneNumbers, ListVerificationRequests,
};
use telnyx_sim::{Account, Faults, SimConfig, Simulator};

async fn best<F, Fut, T>(runs: usize, mut f: F) -> Result<(Duration, T), Box<dyn std::error::Error>>
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = Result<T, telnyx_client::Error>>,
{
    let mut best: Option<(Duration, T)> = None;
    for _ in 0..runs {
        let started = Instant::now();
        let out = f().await?;
        let took = started.elapsed();
        if best.as_ref().is_none_or(|(b, _)| took < *b) {
            best = Some((took, out));
        }
    }
    best.ok_or_else(|| "no runs".into())
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let numbers: usize = args
        .next()
        .map(|a| a.parse())
        .transpose()?
        .unwrap_or(10_000);
    let latency_ms: u64 = args.next().map(|a| a.parse()).transpose()?.unwrap_or(80);
    let runs: usize = args
        .next()
        .map(|a| a.parse())
        .transpose()?
        .unwrap_or(3)
        .max(1);

    let sim = Simulator::start(SimConfig::with_account(Account::generated(numbers, 42))).await?;
    sim.set_faults(Faults {
        latency_ms,
        ..Faults::default()
    });
    let client = Client::builder(&sim.base_url(), ApiKey::new(sim.api_key())).build()?;
    let (numbers_filter, inventory_filter, campaigns_filter, verifications_filter, profiles_filter) = (
        ListMessagingNumbers::default(),
        ListPhoneNumbers::default(),
        ListPhoneNumberCampaigns::default(),
        ListVerificationRequests::default(),
        ListMessagingProfiles::default(),
    );
    // Warm the connection pool.
    load_snapshot(&client, ListSizes::default(), |_| {}, None).await?;

    println!(
        "bench_snapshot: {numbers} numbers, {latency_ms} ms latency per request, best of {runs} runs, page concurrency {}",
        client.page_concurrency()
    );
    // Once per run of the app, on a thread of its own at start (src-tauri/src/lib.rs).
    let started = Instant::now();
    desk_core::rules::numbers::load_metadata();
    println!(
        "  libphonenumber's metadata and country names, once per run {:>6} ms",
        started.elapsed().as_millis()
    );
    let (numbers_only, listed) = best(runs, || {
        client.list_all_messaging_numbers(&numbers_filter, |_| {})
    })
    .await?;
    println!(
        "  baseline: the numbers alone ({} records)     {:>6} ms",
        listed.len(),
        numbers_only.as_millis()
    );
    let (t, l) = best(runs, || {
        client.list_all_phone_numbers(&inventory_filter, |_| {})
    })
    .await?;
    println!(
        "  the inventory alone ({} records)            {:>6} ms",
        l.len(),
        t.as_millis()
    );
    let (t, l) = best(runs, || {
        client.list_all_phone_number_campaigns(&campaigns_filter, |_| {})
    })
    .await?;
    println!(
        "  the 10DLC assignments alone ({} records)    {:>6} ms",
        l.len(),
        t.as_millis()
    );
    let (t, l) = best(runs, || {
        client.list_all_verification_requests(&verifications_filter, |_| {})
    })
    .await?;
    println!(
        "  the toll-free verifications alone ({} requests) {:>6} ms",
        l.len(),
        t.as_millis()
    );
    let (t, l) = best(runs, || {
        client.list_all_messaging_profiles(&profiles_filter)
    })
    .await?;
    println!(
        "  the profiles alone ({} profiles)                {:>6} ms",
        l.len(),
        t.as_millis()
    );

    let (snapshot_time, snapshot) = best(runs, || {
        load_snapshot(&client, ListSizes::default(), |_| {}, None)
    })
    .await?;
    // A reload (refresh) expects the sizes of the snapshot it replaces: a round trip less.
    let (reload_time, _) = best(runs, || {
        load_snapshot(&client, snapshot.sizes(), |_| {}, None)
    })
    .await?;
    // Which list decides a refresh: the five side by side as load_snapshot runs them, the long
    // lists expecting their sizes, each timed to its own end (the run whose last list ends first).
    let sizes = snapshot.sizes();
    let mut lists: Option<[Duration; 5]> = None;
    for _ in 0..runs {
        let started = Instant::now();
        let ended = |r: Result<usize, telnyx_client::Error>| r.map(|_| started.elapsed());
        let (n, p, i, c, v) = tokio::join!(
            async {
                let listed = client
                    .list_all_messaging_numbers_expecting(
                        &numbers_filter,
                        sizes.numbers,
                        |_| {},
                        |_| {},
                    )
                    .await;
                ended(listed.map(|l| l.len()))
            },
            async {
                ended(
                    client
                        .list_all_messaging_profiles(&profiles_filter)
                        .await
                        .map(|l| l.len()),
                )
            },
            async {
                let listed = client
                    .list_all_phone_number_statuses_expecting(
                        &inventory_filter,
                        sizes.phone_numbers,
                        |_| {},
                    )
                    .await;
                ended(listed.map(|l| l.len()))
            },
            async {
                let listed = client
                    .list_all_phone_number_campaigns_expecting(
                        &campaigns_filter,
                        sizes.campaigns,
                        |_| {},
                    )
                    .await;
                ended(listed.map(|l| l.len()))
            },
            async {
                let listed = client
                    .list_all_verification_requests(&verifications_filter, |_| {})
                    .await;
                ended(listed.map(|l| l.len()))
            },
        );
        let run = [n?, p?, i?, c?, v?];
        if lists.is_none_or(|best| run.iter().max() < best.iter().max()) {
            lists = Some(run);
        }
    }
    let lists = lists.ok_or("no runs")?;
    // The first rows read every number through libphonenumber; later ones (a refresh) find them in
    // `describe`'s memo, after the regular expressions were released as the app releases them.
    let started = Instant::now();
    let mut list = list_of(&snapshot, true);
    let first_rows_time = started.elapsed();
    desk_core::rules::numbers::release_regex_caches();
    let mut rows_time = Duration::MAX;
    for _ in 0..runs {
        let started = Instant::now();
        list = list_of(&snapshot, true);
        rows_time = rows_time.min(started.elapsed());
    }
    // The part of the rows that is libphonenumber (national format and country of each number),
    // timed alone over the same numbers.
    let mut format_time = Duration::MAX;
    for _ in 0..runs {
        let started = Instant::now();
        for n in &snapshot.numbers {
            std::hint::black_box(desk_core::rules::numbers::describe_uncached(
                n.phone_number.as_str(),
                n.country_code.as_deref(),
                desk_core::rules::readiness::NumberKind::of(n.number_type.as_ref()),
            ));
        }
        format_time = format_time.min(started.elapsed());
    }
    let started = Instant::now();
    let json = serde_json::to_string(&list)?;
    let json_time = started.elapsed();
    let total = snapshot_time + first_rows_time + json_time;
    let reload_total = reload_time + rows_time + json_time;
    println!(
        "  all five lists concurrently (load_snapshot)  {:>6} ms",
        snapshot_time.as_millis()
    );
    println!(
        "  the same, sizes expected (a refresh)         {:>6} ms",
        reload_time.as_millis()
    );
    println!(
        "    side by side, each list ends at: numbers {} ms, profiles {} ms, inventory {} ms, 10DLC {} ms, toll-free {} ms",
        lists[0].as_millis(),
        lists[1].as_millis(),
        lists[2].as_millis(),
        lists[3].as_millis(),
        lists[4].as_millis()
    );
    println!(
        "  rows with readiness (list_of), first load    {:>6} ms",
        first_rows_time.as_millis()
    );
    println!(
        "  the same on a refresh (numbers already read) {:>6} ms",
        rows_time.as_millis()
    );
    println!(
        "    libphonenumber alone (format, country; one thread; the rows use all cores) {:>6} ms",
        format_time.as_millis()
    );
    println!(
        "  the rows as JSON for the window ({} KiB)   {:>6} ms",
        json.len() / 1024,
        json_time.as_millis()
    );
    println!(
        "  backend total {} ms = {:.2}x the baseline",
        total.as_millis(),
        total.as_secs_f64() / numbers_only.as_secs_f64()
    );
    println!(
        "  refresh total {} ms = {:.2}x the baseline",
        reload_total.as_millis(),
        reload_total.as_secs_f64() / numbers_only.as_secs_f64()
    );
    sim.shutdown().await;
    Ok(())
}
