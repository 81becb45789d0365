//! Benchmark: scanning the whole account (the diagnosis rules over every number, grouped by cause)
//! against the Numbers screen's own load, in the same run. Both start from the same snapshot load
//! (the five lists); the screen then builds its rows with readiness and their JSON, the scan its
//! groups and their JSON. Target: the scan within 1.2x the screen.
//!
//! Run: `cargo run --release -p desk-core --example bench_scan`
//! Optional arguments: `[numbers] [latency_ms] [runs]` (defaults 10000 80 3).

use std::time::{Duration, Instant};

use desk_core::services::diagnosis::DiagnosisService;
use desk_core::services::numbers::list_of;
use desk_core::services::snapshot::{load_snapshot, ListSizes};
use telnyx_client::{ApiKey, Client};
use telnyx_sim::{Account, Faults, SimConfig, Simulator};

fn best_of<T>(runs: usize, mut f: impl FnMut() -> T) -> (Duration, T) {
    let mut best: Option<(Duration, T)> = None;
    for _ in 0..runs {
        let started = Instant::now();
        let out = f();
        let took = started.elapsed();
        if best.as_ref().is_none_or(|(b, _)| took < *b) {
            best = Some((took, out));
        }
    }
    best.expect("at least one run")
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
    // Warm the connection pool.
    let snapshot = load_snapshot(&client, ListSizes::default(), |_| {}, None).await?;

    let mut load = Duration::MAX;
    for _ in 0..runs {
        let started = Instant::now();
        load_snapshot(&client, ListSizes::default(), |_| {}, None).await?;
        load = load.min(started.elapsed());
    }
    let (rows, list) = best_of(runs, || list_of(&snapshot, true));
    let (rows_json, _) = best_of(runs, || serde_json::to_string(&list).map(|s| s.len()));
    let (scan, report) = best_of(runs, || DiagnosisService::scan(&snapshot));
    let (scan_json, json_len) = best_of(runs, || serde_json::to_string(&report).map(|s| s.len()));
    let json_len = json_len?;

    let screen = load + rows + rows_json;
    let scanned = load + scan + scan_json;
    println!(
        "bench_scan: {numbers} numbers, {latency_ms} ms latency per request, best of {runs} runs"
    );
    println!(
        "  snapshot load (five lists)          {:>6} ms",
        load.as_millis()
    );
    println!(
        "  Numbers screen: rows + JSON         {:>6} ms  -> screen load {} ms",
        (rows + rows_json).as_millis(),
        screen.as_millis()
    );
    println!(
        "  scan: rules + groups + JSON         {:>6} ms  -> account scan {} ms ({} groups, {} KiB, {} of {} numbers without problems)",
        (scan + scan_json).as_millis(),
        scanned.as_millis(),
        report.groups.len(),
        json_len / 1024,
        report.without_problems,
        report.scanned
    );
    println!(
        "  scan / screen = {:.2}x (target <= 1.2x); the scan alone is {:.2}x the rows alone",
        scanned.as_secs_f64() / screen.as_secs_f64(),
        (scan + scan_json).as_secs_f64() / (rows + rows_json).as_secs_f64()
    );
    sim.shutdown().await;
    Ok(())
}
