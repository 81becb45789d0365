//! A stateful local simulator of the Telnyx API v2 messaging-number endpoints, written from the
//! official spec: the Number Desk demo account, the backend of every test, and a standalone binary.
//!
//! ```no_run
//! # async fn demo() -> Result<(), telnyx_sim::SimError> {
//! let sim = telnyx_sim::Simulator::start(telnyx_sim::SimConfig::demo()).await?;
//! println!("{} with key {}", sim.base_url(), sim.api_key()); // http://127.0.0.1:PORT/v2
//! sim.shutdown().await;
//! # Ok(()) }
//! ```
//!
//! Admin endpoints (no auth, never faulted), under [`Simulator::admin_url`]; only loopback peers
//! addressing a loopback `Host`, with no foreign `Origin`, and changes (POST, PUT, DELETE) only with
//! `Content-Type: application/json`, so that no web page can drive them:
//! - `GET /_sim/state`: counts, per-profile number counts, pending bulk items, listener state, faults.
//! - `POST /_sim/reset`: the starting account, no bulk orders, the starting faults.
//! - `GET /_sim/faults`; `POST /_sim/faults` merges fields into the active [`Faults`] (`latency_ms`,
//!   `jitter_ms`, `rate_limit_per_sec`, `p_5xx`, `p_429`, `p_drop`, `p_timeout`, `timeout_hang_ms`,
//!   `p_malformed`, `p_drop_after_write`, `fail_bulk_numbers`, `fail_next_bulk_orders`, `refuse_lists: [{path, code?, status?, title?, detail?, page?}]`,
//!   `fail_next_patch: {code, status?, title?, detail?, pointer?,
//!   phone_number?}`); `PUT` replaces them; `DELETE` clears them.
//! - `POST /_sim/listener/stop` (optional body `{"restart_after_ms": N}`): answers 200, stops accepting
//!   connections and closes idle keep-alive ones; with `restart_after_ms` it listens again on the same port.
#![forbid(unsafe_code)]

pub mod account;
pub mod errors;
pub mod faults;
pub mod query;
pub mod render;
pub mod routes;
pub mod scenario;
pub mod server;
pub mod state;

pub use account::{
    Account, Campaign, CampaignAssignment, FeatureSet, Features, Health, MessageRecord, Number,
    NumberKind, NumberPoolSettings, Profile, UrlShortenerSettings, Verification,
};
pub use errors::{ApiError, SimError};
pub use faults::{Faults, ForcedError, RefusedList};
pub use server::{SimConfig, Simulator, DEFAULT_BULK_MAX_NUMBERS};
pub use state::WriteCounts;

/// The demo account's accepted API key.
pub const DEMO_API_KEY: &str = "KEYdemo0000NUMBERDESK0000simulator";

/// The current UTC time as the API formats timestamps (`2026-01-02T03:04:05.678Z`).
pub fn now_stamp() -> String {
    let now = time::OffsetDateTime::now_utc();
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{:03}Z",
        now.year(),
        u8::from(now.month()),
        now.day(),
        now.hour(),
        now.minute(),
        now.second(),
        now.millisecond()
    )
}
