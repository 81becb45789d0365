//! Measures how long the simulator takes to answer a 250-number page of `GET /v2/phone_numbers/messaging`
//! on a generated 100,000-number account, over real loopback HTTP (keep-alive).
//!
//! Run: `cargo run --release -p telnyx-sim --example page_latency [numbers]`

use std::time::{Duration, Instant};

use telnyx_sim::{Account, SimConfig, Simulator};

/// Builds the query string of the i-th request of a scenario.
type QueryFor = Box<dyn Fn(usize) -> String>;

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let count: usize = std::env::args()
        .nth(1)
        .map(|s| s.parse())
        .transpose()?
        .unwrap_or(100_000);
    let built = Instant::now();
    let account = Account::generated(count, 42);
    let profile = account.profiles[0].id.clone();
    println!("generated {count} numbers in {:?}", built.elapsed());
    let sim = Simulator::start(SimConfig::with_account(account)).await?;
    let http = reqwest::Client::new();
    let key = sim.api_key();
    let pages = count.div_ceil(250);
    let scenarios: Vec<(&str, QueryFor)> = vec![
        (
            "unfiltered",
            Box::new(move |i| format!("page[size]=250&page[number]={}", 1 + (i * 37) % pages)),
        ),
        (
            "sort desc",
            Box::new(|i| {
                format!(
                    "page[size]=250&sort[phone_number]=desc&page[number]={}",
                    1 + (i * 13) % 50
                )
            }),
        ),
        (
            "by profile",
            Box::new(move |i| {
                format!(
                    "page[size]=250&filter[messaging_profile_id]={profile}&page[number]={}",
                    1 + i % 50
                )
            }),
        ),
        (
            "by type",
            Box::new(|i| {
                format!(
                    "page[size]=250&filter[type]=tollfree&page[number]={}",
                    1 + i % 40
                )
            }),
        ),
        (
            "contains",
            Box::new(|i| {
                format!(
                    "page[size]=250&filter[phone_number][contains]=555&page[number]={}",
                    1 + i % 40
                )
            }),
        ),
    ];
    for (name, query) in scenarios {
        let mut times: Vec<Duration> = Vec::new();
        for i in 0..220 {
            let url = format!("{}/phone_numbers/messaging?{}", sim.base_url(), query(i));
            let started = Instant::now();
            let resp = http.get(&url).bearer_auth(&key).send().await?;
            let body = resp.bytes().await?;
            let took = started.elapsed();
            assert!(
                body.len() > 1000,
                "{name}: unexpected body {}",
                String::from_utf8_lossy(&body)
            );
            if i >= 20 {
                times.push(took); // the first 20 warm the connection and caches
            }
        }
        times.sort();
        let mean = times.iter().sum::<Duration>() / times.len() as u32;
        let p = |q: f64| times[((times.len() as f64 - 1.0) * q) as usize];
        println!(
            "{name:>11}: 250-number page over HTTP  median {:.2} ms  p95 {:.2} ms  max {:.2} ms  mean {:.2} ms",
            ms(p(0.5)),
            ms(p(0.95)),
            ms(p(1.0)),
            ms(mean)
        );
    }
    sim.shutdown().await;
    Ok(())
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}
