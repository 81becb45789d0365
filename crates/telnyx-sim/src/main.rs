//! The `telnyx-sim` binary: serves the demo account (or a scenario file or a generated account) on a
//! loopback address until ctrl-c, with faults settable by flags, environment variables or `/_sim/faults`.
#![forbid(unsafe_code)]

use std::net::{IpAddr, SocketAddr};
use std::path::PathBuf;
use std::time::Duration;

use clap::Parser;
use telnyx_sim::{Account, Faults, SimConfig, Simulator, DEMO_API_KEY};

/// A stateful local simulator of the Telnyx API v2 messaging-number endpoints.
///
/// Serves the Number Desk demo account by default. Admin endpoints (no auth, loopback only):
/// GET /_sim/state, POST /_sim/reset, GET|POST|PUT|DELETE /_sim/faults, POST /_sim/listener/stop.
#[derive(Debug, Parser)]
#[command(name = "telnyx-sim", version)]
struct Cli {
    /// Port to listen on (0 = any free port).
    #[arg(long, short, env = "TELNYX_SIM_PORT", default_value_t = 0)]
    port: u16,
    /// Loopback address to bind (127.0.0.1 or ::1); anything else is refused.
    #[arg(long, env = "TELNYX_SIM_BIND", default_value = "127.0.0.1")]
    bind: IpAddr,
    /// Load this scenario file (JSON, see SCENARIOS.md) instead of the demo account.
    #[arg(long, env = "TELNYX_SIM_SCENARIO", conflicts_with = "size")]
    scenario: Option<PathBuf>,
    /// Serve a generated account of this many numbers instead of the demo account.
    #[arg(long, env = "TELNYX_SIM_SIZE")]
    size: Option<usize>,
    /// Seed for --size.
    #[arg(long, env = "TELNYX_SIM_SEED", default_value_t = 1)]
    seed: u64,
    /// Accepted API key; repeat for several (default: the demo key).
    #[arg(long = "api-key", env = "TELNYX_SIM_API_KEYS", value_delimiter = ',')]
    api_keys: Vec<String>,
    /// Fixed latency added to every /v2 response, in milliseconds.
    #[arg(long, env = "TELNYX_SIM_LATENCY_MS", default_value_t = 0)]
    latency_ms: u64,
    /// Random extra latency 0..=jitter, in milliseconds.
    #[arg(long, env = "TELNYX_SIM_JITTER_MS", default_value_t = 0)]
    jitter_ms: u64,
    /// Requests per second before answering 429 (code 10011, Retry-After); unlimited when absent.
    #[arg(long, env = "TELNYX_SIM_RATE_LIMIT")]
    rate_limit: Option<u32>,
    /// Probability (0–1) of a 500 response.
    #[arg(long, env = "TELNYX_SIM_P_5XX", default_value_t = 0.0)]
    p_5xx: f64,
    /// Probability (0–1) of a 429 response.
    #[arg(long, env = "TELNYX_SIM_P_429", default_value_t = 0.0)]
    p_429: f64,
    /// Probability (0–1) that the connection is dropped without a response.
    #[arg(long, env = "TELNYX_SIM_P_DROP", default_value_t = 0.0)]
    p_drop: f64,
    /// Probability (0–1) that the request hangs, then the connection is dropped (a timeout).
    #[arg(long, env = "TELNYX_SIM_P_TIMEOUT", default_value_t = 0.0)]
    p_timeout: f64,
    /// Probability (0–1) of a 200 with a truncated JSON body.
    #[arg(long, env = "TELNYX_SIM_P_MALFORMED", default_value_t = 0.0)]
    p_malformed: f64,
    /// Probability (0–1) that a write is carried out and the connection then closed unanswered.
    #[arg(long, env = "TELNYX_SIM_P_DROP_AFTER_WRITE", default_value_t = 0.0)]
    p_drop_after_write: f64,
    /// Milliseconds until every number of a bulk update has left `pending`.
    #[arg(long, env = "TELNYX_SIM_BULK_SETTLE_MS", default_value_t = 1500)]
    bulk_settle_ms: u64,
    /// The most numbers one bulk order may list (Telnyx documents no limit; this is the
    /// simulator's). A larger order is refused with 422, as is a number listed twice.
    #[arg(long, env = "TELNYX_SIM_BULK_MAX_NUMBERS", default_value_t = telnyx_sim::DEFAULT_BULK_MAX_NUMBERS)]
    bulk_max_numbers: usize,
}

#[tokio::main]
async fn main() -> std::process::ExitCode {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env().unwrap_or_else(|_| "warn".into()),
        )
        .init();
    let cli = Cli::parse();
    match run(cli).await {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("telnyx-sim: {e}");
            std::process::ExitCode::FAILURE
        }
    }
}

async fn run(cli: Cli) -> Result<(), telnyx_sim::SimError> {
    let account = match (&cli.scenario, cli.size) {
        (Some(path), _) => telnyx_sim::scenario::load(path)?,
        (None, Some(n)) => Account::generated(n, cli.seed),
        (None, None) => Account::demo(),
    };
    let mut config = SimConfig::with_account(account);
    if !cli.api_keys.is_empty() {
        config.api_keys = cli.api_keys;
    }
    config.bind = SocketAddr::new(cli.bind, cli.port);
    config.bulk_settle = Duration::from_millis(cli.bulk_settle_ms);
    config.bulk_max_numbers = cli.bulk_max_numbers;
    config.faults = Faults {
        latency_ms: cli.latency_ms,
        jitter_ms: cli.jitter_ms,
        rate_limit_per_sec: cli.rate_limit,
        p_5xx: cli.p_5xx,
        p_429: cli.p_429,
        p_drop: cli.p_drop,
        p_timeout: cli.p_timeout,
        p_malformed: cli.p_malformed,
        p_drop_after_write: cli.p_drop_after_write,
        ..Faults::default()
    };
    let sim = Simulator::start(config).await?;
    println!("Telnyx simulator listening");
    println!("  base URL:  {}", sim.base_url());
    println!("  API key:   {}", sim.api_key());
    println!("  admin:     {}/state", sim.admin_url());
    if sim.api_key() == DEMO_API_KEY {
        println!("  (demo key; try: curl -H 'Authorization: Bearer {DEMO_API_KEY}' {}/messaging_profiles)", sim.base_url());
    }
    println!("Press ctrl-c to stop.");
    if let Err(e) = tokio::signal::ctrl_c().await {
        eprintln!("telnyx-sim: cannot listen for ctrl-c ({e}); stopping");
    }
    sim.shutdown().await;
    println!("Stopped.");
    Ok(())
}
