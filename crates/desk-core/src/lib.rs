//! Number Desk's product, without a window: what the screens show and do, over the Telnyx client.
//! Two layers (see ARCHITECTURE.md at the repository root):
//! - [`rules`]: pure functions of data already fetched (readiness, the rows and columns of the
//!   Numbers screen, countries, profile and settings checks): no I/O, no clock, no async;
//! - [`services`]: the parts that do I/O through the client or a port (loading an account's
//!   snapshot, the Numbers service, connecting and opening accounts, the embedded demo account,
//!   remembered list sizes);
//!
//! beside them the [`ports`] the host implements (the keychain, the settings file), the one
//! [`Error`] with its plain-words explanation, and the table of Telnyx's error codes.
#![forbid(unsafe_code)]

pub mod error;
pub mod ports;
pub mod rules;
pub mod services;
pub mod telnyx_codes;

pub use error::{Error, ErrorKind};
