//! Benchmark: moving 5,000 numbers onto one profile on the simulator at 80 ms per request, in the
//! same run: the bulk runner (orders of 1,000, polling, confirmation re-read included) vs one
//! `PATCH` per number in sequence (the guide's own loop) vs eight `PATCH`es at a time. Each method
//! starts from a fresh simulator with the same account; each run is checked (every number on the
//! target afterwards). Also times checking a 50,000-row CSV import.
//!
//! Run: `cargo run --release -p desk-core --example bench_bulk -- [numbers] [latency_ms]
//! [--sequential-sample N]`. Defaults 5000 80, the sequential loop run in full (5,000 × 80 ms is
//! over 400 s); with `--sequential-sample N` it runs N numbers and extrapolates, and says so.

use std::sync::Arc;
use std::time::{Duration, Instant};

use desk_core::ports::journal::{JobKind, MemoryJournal};
use desk_core::rules::csv::check_import;
use desk_core::rules::plan::{Plan, Target};
use desk_core::services::bulk::{BulkOptions, BulkService, CancelToken};
use desk_core::services::snapshot::{load_snapshot, ListSizes};
use futures::stream::{self, StreamExt};
use telnyx_client::{
    ApiKey, Client, MessagingProfileId, NumberRef, PhoneNumberId, ProfileChange,
    UpdateMessagingNumber,
};
use telnyx_sim::{Account, Faults, SimConfig, Simulator};

type Res<T> = Result<T, Box<dyn std::error::Error>>;

struct Setup {
    sim: Simulator,
    client: Client,
    plan: Plan,
    target: String,
}

/// A fresh simulator with the same account, and the plan moving `n` numbers onto "Support Line".
async fn setup(n: usize, latency_ms: u64) -> Res<Setup> {
    let sim = Simulator::start(SimConfig::with_account(Account::generated(n * 2, 42))).await?;
    let client = Client::builder(&sim.base_url(), ApiKey::new(sim.api_key())).build()?;
    let target = sim
        .account()
        .profiles
        .iter()
        .find(|p| p.name == "Support Line")
        .map(|p| p.id.clone())
        .ok_or("no Support Line profile")?;
    let snapshot = load_snapshot(&client, ListSizes::default(), |_| {}, None).await?;
    let all: Vec<String> = snapshot
        .numbers
        .iter()
        .filter(|n| n.phone_number.as_str().starts_with('+'))
        .map(|n| n.phone_number.as_str().to_owned())
        .collect();
    let full = BulkService::preview(&snapshot, &all, &Target::Profile { id: target.clone() });
    if full.will_move.len() < n {
        return Err(format!("only {} movable numbers", full.will_move.len()).into());
    }
    let plan = Plan::of_moves(
        full.target.clone(),
        full.target_name.clone(),
        full.will_move.into_iter().take(n).collect(),
    );
    sim.set_faults(Faults {
        latency_ms,
        ..Faults::default()
    });
    Ok(Setup {
        sim,
        client,
        plan,
        target,
    })
}

/// How many of the plan's numbers are on the target now.
fn on_target(s: &Setup, moves: usize) -> usize {
    let account = s.sim.account();
    s.plan.will_move[..moves]
        .iter()
        .filter(|m| {
            account.numbers.iter().any(|n| {
                n.phone_number == m.phone_number
                    && n.messaging_profile_id.as_deref() == Some(&s.target)
            })
        })
        .count()
}

async fn patches(s: &Setup, count: usize, concurrency: usize) -> Res<()> {
    let update = UpdateMessagingNumber {
        messaging_profile_id: ProfileChange::Assign(MessagingProfileId::new(s.target.clone())),
        ..UpdateMessagingNumber::default()
    };
    let results: Vec<_> = stream::iter(s.plan.will_move[..count].iter())
        .map(|m| {
            let (client, update) = (&s.client, &update);
            async move {
                client
                    .update_messaging_number(
                        &NumberRef::Id(PhoneNumberId::new(m.id.clone())),
                        update,
                    )
                    .await
            }
        })
        .buffer_unordered(concurrency)
        .collect()
        .await;
    for r in results {
        r?;
    }
    Ok(())
}

struct Measured {
    took: Duration,
    requests: u64,
    numbers: usize,
}

#[tokio::main]
async fn main() -> Res<()> {
    let mut positional = Vec::new();
    let mut sample: Option<usize> = None;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        if a == "--sequential-sample" {
            sample = Some(
                args.next()
                    .ok_or("--sequential-sample needs a count")?
                    .parse()?,
            );
        } else {
            positional.push(a);
        }
    }
    let n: usize = positional
        .first()
        .map(|a| a.parse())
        .transpose()?
        .unwrap_or(5000);
    let latency_ms: u64 = positional
        .get(1)
        .map(|a| a.parse())
        .transpose()?
        .unwrap_or(80);
    println!("Moving {n} numbers onto one profile, simulator at {latency_ms} ms per request");

    // 1. The bulk runner.
    let s = setup(n, latency_ms).await?;
    let svc = BulkService::new(
        s.client.clone(),
        Arc::new(MemoryJournal::new()),
        "bench",
        "Benchmark",
        BulkOptions::default(),
    );
    let before = s.sim.requests_served();
    let started = Instant::now();
    let job = svc
        .run(&s.plan, JobKind::Move, &|_| {}, &CancelToken::new())
        .await?;
    let runner = Measured {
        took: started.elapsed(),
        requests: s.sim.requests_served() - before,
        numbers: n,
    };
    let c = job.summary().counts;
    assert_eq!(
        (c.moved as usize, c.confirmed as usize),
        (n, n),
        "runner moved and confirmed all"
    );
    assert_eq!(on_target(&s, n), n);
    let w = s.sim.writes();
    println!(
        "  bulk runner:        {:>7.2} s  {:>6} requests  ({} orders, {} PATCHes, every number confirmed by a re-read)",
        runner.took.as_secs_f64(),
        runner.requests,
        w.bulk_orders,
        w.patches
    );
    s.sim.shutdown().await;

    // 2. Eight PATCHes at a time.
    let s = setup(n, latency_ms).await?;
    let before = s.sim.requests_served();
    let started = Instant::now();
    patches(&s, n, 8).await?;
    let concurrent = Measured {
        took: started.elapsed(),
        requests: s.sim.requests_served() - before,
        numbers: n,
    };
    assert_eq!(on_target(&s, n), n);
    println!(
        "  8 PATCHes at once:  {:>7.2} s  {:>6} requests",
        concurrent.took.as_secs_f64(),
        concurrent.requests
    );
    s.sim.shutdown().await;

    // 3. One PATCH after another.
    let count = sample.unwrap_or(n).min(n);
    let s = setup(n, latency_ms).await?;
    let before = s.sim.requests_served();
    let started = Instant::now();
    patches(&s, count, 1).await?;
    let ran = Measured {
        took: started.elapsed(),
        requests: s.sim.requests_served() - before,
        numbers: count,
    };
    assert_eq!(on_target(&s, count), count);
    let scale = n as f64 / ran.numbers as f64;
    let sequential_s = ran.took.as_secs_f64() * scale;
    let sequential_requests = (ran.requests as f64 * scale).round() as u64;
    if count < n {
        println!(
            "  sequential PATCHes: {:>7.2} s  {:>6} requests  (EXTRAPOLATED from {count} numbers in {:.2} s, {} requests)",
            sequential_s, sequential_requests, ran.took.as_secs_f64(), ran.requests
        );
    } else {
        println!(
            "  sequential PATCHes: {:>7.2} s  {:>6} requests",
            sequential_s, sequential_requests
        );
    }
    s.sim.shutdown().await;

    let vs_seq = sequential_s / runner.took.as_secs_f64();
    let vs_conc = concurrent.took.as_secs_f64() / runner.took.as_secs_f64();
    println!(
        "  runner vs sequential: {vs_seq:.1}x faster (target >= 50x: {}), {:.0}x fewer requests",
        if vs_seq >= 50.0 { "met" } else { "NOT met" },
        sequential_requests as f64 / runner.requests as f64
    );
    println!(
        "  runner vs 8 at once:  {vs_conc:.1}x faster (target >= 5x: {}), {:.0}x fewer requests",
        if vs_conc >= 5.0 { "met" } else { "NOT met" },
        concurrent.requests as f64 / runner.requests as f64
    );
    let _ = (runner.numbers, concurrent.numbers);

    // A 50,000-row CSV import checked against a 50,000-number account.
    let sim = Simulator::start(SimConfig::with_account(Account::generated(50_000, 42))).await?;
    let account = sim.account();
    let numbers: Vec<telnyx_client::MessagingNumber> = account
        .numbers
        .iter()
        .map(|n| {
            serde_json::from_value(serde_json::json!({"id": n.id, "phone_number": n.phone_number}))
        })
        .collect::<Result<_, _>>()?;
    let profiles: Vec<telnyx_client::MessagingProfile> = account
        .profiles
        .iter()
        .map(|p| serde_json::from_value(serde_json::json!({"id": p.id, "name": p.name})))
        .collect::<Result<_, _>>()?;
    let mut text = String::from("phone_number,messaging_profile\r\n");
    for (i, n) in account.numbers.iter().enumerate() {
        text.push_str(&format!(
            "{},{}\r\n",
            n.phone_number,
            account.profiles[i % account.profiles.len()].name
        ));
    }
    let started = Instant::now();
    let check = check_import(text.as_bytes(), &numbers, &profiles);
    println!(
        "  CSV import check: {} rows in {:.0} ms ({} valid, {} problems; target < 1000 ms)",
        account.numbers.len(),
        started.elapsed().as_secs_f64() * 1000.0,
        check.rows.len(),
        check.problems.len()
    );
    sim.shutdown().await;
    Ok(())
}
