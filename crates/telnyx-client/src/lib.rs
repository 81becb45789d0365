//! Typed async client for the Telnyx API v2 endpoints Number Desk uses: numbers with messaging
//! settings, messaging profiles, bulk updates, phone numbers, 10DLC, toll-free verification and
//! message detail records. Tauri-free; the app's only way to talk to Telnyx.
//!
//! The authority is the official Telnyx OpenAPI spec and the fact sheet vendored in `spec/telnyx/`
//! (`FACTS.md`, cited as "FACTS.md §N" throughout); the product decisions it follows are in this
//! crate's README.
#![forbid(unsafe_code)]
#![warn(missing_docs)]

mod base_url;
mod client;
mod endpoints;
pub mod error;
mod key;
pub mod models;
mod pacer;
pub mod paging;
mod query;
pub mod retry;

pub use base_url::TELNYX_BASE_URL;
pub use client::{
    Client, ClientBuilder, DEFAULT_CONNECT_TIMEOUT, DEFAULT_PAGE_CONCURRENCY,
    DEFAULT_REQUEST_TIMEOUT,
};
pub use endpoints::MAX_DETAIL_RECORDS_PAGE_SIZE;
pub use endpoints::PHONE_NUMBER_CAMPAIGNS_PAGE_SIZE;
pub use error::{ApiErrorItem, Error, ErrorSource, NetworkKind, Result};
pub use key::ApiKey;
pub use models::*;
pub use paging::{Page, PaginationMeta, Partial, Progress, MAX_PAGES, MAX_PAGE_SIZE};
pub use retry::{Decision, RetryPolicy};
