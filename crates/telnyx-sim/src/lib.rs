//! A stateful local simulator of the Telnyx API v2 messaging-number endpoints, written from the
//! official spec: the Number Desk demo account, the backend of every test, and a standalone binary.
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
pub use faults::{Faults, ForcedError};
pub use server::{SimConfig, Simulator};

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
