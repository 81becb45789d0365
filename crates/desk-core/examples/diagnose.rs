//! Diagnoses one number of a simulated account and prints the diagnosis as JSON: the engine of the
//! Troubleshoot screen, without the window.
//!
//! ```sh
//! cargo run -p desk-core --example diagnose -- --scenario crates/telnyx-sim/scenarios/example.json \
//!     --symptom filtered +12125550100
//! cargo run -p desk-core --example diagnose -- --scenario demo --symptom check +12125550104
//! ```
//!
//! Options: `--scenario FILE` (a scenario file, see `crates/telnyx-sim/SCENARIOS.md`, or `demo`
//! for the demo account), `--symptom` (`notInList`, `notAssociated`, `inboundMissing`,
//! `filtered`, `cannotAssign`, `check`), `--profile ID` and `--error CODE` (for `cannotAssign`),
//! `--latency MS` (simulated latency per request). How long the checks took goes to stderr.

use desk_core::rules::diagnosis::{self, Symptom};
use desk_core::services::diagnosis::{gather, DiagnoseRequest};
use telnyx_client::{ApiKey, Client};
use telnyx_sim::{Account, Faults, SimConfig, Simulator};

const USAGE: &str = "usage: diagnose --scenario FILE|demo --symptom SYMPTOM [--profile ID] [--error CODE] [--latency MS] NUMBER";

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut scenario = None;
    let mut symptom = Symptom::Check;
    let mut profile = None;
    let mut error = None;
    let mut latency_ms = 0u64;
    let mut number = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = || args.next().ok_or(USAGE);
        match arg.as_str() {
            "--scenario" => scenario = Some(value()?),
            "--symptom" => {
                let s = value()?;
                symptom = Symptom::parse(&s).ok_or_else(|| {
                    let keys: Vec<&str> = Symptom::ALL.iter().map(|s| s.key()).collect();
                    format!("unknown symptom {s}; one of {}", keys.join(", "))
                })?;
            }
            "--profile" => profile = Some(value()?),
            "--error" => error = Some(value()?),
            "--latency" => latency_ms = value()?.parse()?,
            "--help" | "-h" => {
                println!("{USAGE}");
                return Ok(());
            }
            _ if number.is_none() => number = Some(arg),
            _ => return Err(USAGE.into()),
        }
    }
    let (Some(scenario), Some(number)) = (scenario, number) else {
        return Err(USAGE.into());
    };
    let account = if scenario == "demo" {
        Account::demo()
    } else {
        Account::from_scenario_json(&std::fs::read_to_string(&scenario)?)?
    };
    let sim = Simulator::start(SimConfig::with_account(account)).await?;
    sim.set_faults(Faults {
        latency_ms,
        ..Faults::default()
    });
    let client = Client::builder(&sim.base_url(), ApiKey::new(sim.api_key())).build()?;
    let request = DiagnoseRequest {
        number,
        symptom,
        target_profile_id: profile,
        error_code: error,
    };
    let gathered = gather(&client, &request).await;
    let result = diagnosis::diagnose(&gathered.facts(), symptom);
    println!("{}", serde_json::to_string_pretty(&result)?);
    eprintln!(
        "checks took {} ms ({} ms of Telnyx requests) at {latency_ms} ms latency",
        gathered.elapsed.as_millis(),
        gathered.api_elapsed.as_millis()
    );
    sim.shutdown().await;
    Ok(())
}
