//! Benchmark: list 10,000 numbers from the simulator with 80 ms of injected latency per request,
//! with this client's concurrent paging at several concurrencies and forced sequential, against
//! the floor of round trips × latency.
//!
//! Run: `cargo run --release -p telnyx-client --example bench_paging`
//! Optional arguments: `[numbers] [latency_ms] [runs]` (defaults 10000 80 3).

use std::time::{Duration, Instant};

use telnyx_client::{ApiKey, Client, ListMessagingNumbers, MessagingNumber, MAX_PAGE_SIZE};

#[derive(serde::Deserialize)]
struct Page {
    data: Vec<MessagingNumber>,
}
use telnyx_sim::{Account, Faults, SimConfig, Simulator};

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let numbers: usize = args
        .next()
        .map(|a| a.parse())
        .transpose()?
        .unwrap_or(10_000);
    let latency_ms: u64 = args.next().map(|a| a.parse()).transpose()?.unwrap_or(80);
    let runs: usize = args.next().map(|a| a.parse()).transpose()?.unwrap_or(3);

    let sim = Simulator::start(SimConfig::with_account(Account::generated(numbers, 42))).await?;
    sim.set_faults(Faults {
        latency_ms,
        ..Faults::default()
    });
    let client = Client::builder(&sim.base_url(), ApiKey::new(sim.api_key())).build()?;
    let default_c = client.page_concurrency();
    let pages = numbers.div_ceil(MAX_PAGE_SIZE as usize) as u32;
    let latency = Duration::from_millis(latency_ms);
    let floor = |c: u32| latency * (1 + (pages - 1).div_ceil(c));

    // Warm the connection pool so every setting starts alike.
    client
        .with_page_concurrency(16)
        .list_all_messaging_numbers(&ListMessagingNumbers::default(), |_| {})
        .await?;

    let mut settings: Vec<usize> = vec![1, default_c, 4, 8, 16, pages as usize];
    settings.sort_unstable();
    settings.dedup();

    println!(
        "bench_paging: {numbers} numbers, {pages} pages of {MAX_PAGE_SIZE}, {latency_ms} ms latency \
         per request, best of {runs} runs; default page concurrency = {default_c}"
    );
    println!(
        "{:>11} {:>10} {:>10} {:>13} {:>14}",
        "concurrency", "time", "floor", "time / floor", "seq / this"
    );
    let mut sequential = Duration::ZERO;
    for c in settings {
        let client = client.with_page_concurrency(c);
        let mut best = Duration::MAX;
        for _ in 0..runs {
            let started = Instant::now();
            let got = client
                .list_all_messaging_numbers(&ListMessagingNumbers::default(), |_| {})
                .await?;
            let took = started.elapsed();
            assert_eq!(got.len(), numbers, "every number listed");
            best = best.min(took);
        }
        if c == 1 {
            sequential = best;
        }
        let fl = floor(c as u32);
        let label = match c {
            1 => "1 (seq)".to_string(),
            c if c == default_c => format!("{c} (default)"),
            c => c.to_string(),
        };
        println!(
            "{:>11} {:>8.0}ms {:>8.0}ms {:>13.2} {:>13.2}x",
            label,
            best.as_secs_f64() * 1e3,
            fl.as_secs_f64() * 1e3,
            best.as_secs_f64() / fl.as_secs_f64(),
            sequential.as_secs_f64() / best.as_secs_f64(),
        );
    }
    println!(
        "floor(c) = (1 + ceil({}/c)) round trips x {latency_ms} ms: the first page, then the rest c at a time",
        pages - 1
    );
    // How much of a listing is this client's own CPU: decode the same 10,000 records from JSON.
    let all = client
        .list_all_messaging_numbers(&ListMessagingNumbers::default(), |_| {})
        .await?;
    let pages_json: Vec<Vec<u8>> = all
        .chunks(MAX_PAGE_SIZE as usize)
        .map(|chunk| serde_json::to_vec(&serde_json::json!({"data": chunk, "meta": {}})))
        .collect::<Result<_, _>>()?;
    let started = Instant::now();
    let mut decoded = 0;
    for page in &pages_json {
        let v: Page = serde_json::from_slice(page)?;
        decoded += v.data.len();
    }
    println!(
        "client JSON decoding of all {decoded} records: {:.0} ms on one thread (the rest of each \
         page's time is the simulator's work and the wire)",
        started.elapsed().as_secs_f64() * 1e3
    );
    sim.shutdown().await;
    Ok(())
}
