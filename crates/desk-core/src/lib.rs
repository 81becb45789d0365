//! Number Desk's product layer over the Telnyx client: what the screens show, computed from data
//! fetched in bulk. The rule modules are pure functions; the loaders gather their inputs.
#![forbid(unsafe_code)]

pub mod accounts;
pub mod columns;
pub mod countries;
pub mod error;
pub mod numbers;
pub mod profiles;
pub mod readiness;
pub mod rows;
pub mod secrets;
pub mod session;
pub mod settings;
pub mod settings_store;
pub mod sizes;
pub mod snapshot;
pub mod telnyx_codes;

pub use error::{Error, ErrorKind};
