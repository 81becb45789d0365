//! The one error type that crosses the IPC boundary. Its variants are exactly what the UI branches
//! on; every variant carries the sentence `desk_core::Error::explain` gives (`message`), shown as
//! it is. Nothing here words an error.

use desk_core::{Error, ErrorKind};
use serde::Serialize;

/// An error a command returns to the UI, tagged by `kind`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type, thiserror::Error)]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum IpcError {
    /// No account is open yet (the welcome screen should be shown).
    #[error("{message}")]
    NotConnected { message: String },
    /// Telnyx refused the API key.
    #[error("{message}")]
    InvalidKey { message: String },
    /// Telnyx asked us to slow down; `retryAfterSeconds` says for how long when Telnyx said so.
    #[error("{message}")]
    #[serde(rename_all = "camelCase")]
    RateLimited {
        message: String,
        retry_after_seconds: Option<u32>,
    },
    /// Telnyx understood the request and said no; the code and detail are Telnyx's own words.
    #[error("{message}")]
    TelnyxRejected {
        message: String,
        status: u16,
        code: Option<String>,
        detail: Option<String>,
    },
    /// Telnyx could not be reached at all (offline, wrong address, firewall, timeout).
    #[error("{message}")]
    Network { message: String },
    /// The operating system's keychain could not be used.
    #[error("{message}")]
    Keychain { message: String },
    /// A connected account's key is no longer in the keychain: offer to connect it again.
    #[error("{message}")]
    #[serde(rename_all = "camelCase")]
    KeyMissing {
        message: String,
        account_id: String,
        account_name: String,
    },
    /// An input was not acceptable; nothing was sent.
    #[error("{message}")]
    Validation { message: String },
    /// Something Number Desk did not expect; the message says what, never with secrets.
    #[error("{message}")]
    Internal { message: String },
}

impl From<Error> for IpcError {
    fn from(err: Error) -> Self {
        let message = err.explain();
        match err.kind() {
            ErrorKind::NotConnected => IpcError::NotConnected { message },
            ErrorKind::InvalidKey => IpcError::InvalidKey { message },
            ErrorKind::RateLimited => IpcError::RateLimited {
                message,
                retry_after_seconds: err.retry_after_seconds(),
            },
            ErrorKind::TelnyxRejected => match err.rejection() {
                Some(r) => IpcError::TelnyxRejected {
                    message,
                    status: r.status,
                    code: r.code,
                    detail: r.detail,
                },
                None => IpcError::Internal { message },
            },
            ErrorKind::Network => IpcError::Network { message },
            ErrorKind::Keychain => IpcError::Keychain { message },
            ErrorKind::KeyMissing => match err {
                Error::KeyMissing { id, name } => IpcError::KeyMissing {
                    message,
                    account_id: id.to_string(),
                    account_name: name,
                },
                _ => IpcError::Internal { message },
            },
            ErrorKind::Invalid => IpcError::Validation { message },
            ErrorKind::Internal => IpcError::Internal { message },
        }
    }
}

impl From<telnyx_client::Error> for IpcError {
    fn from(err: telnyx_client::Error) -> Self {
        Error::from(err).into()
    }
}

impl IpcError {
    /// Something of the host (a file, a dialog) failed; `message` is already in plain words.
    pub fn internal(message: impl Into<String>) -> Self {
        IpcError::Internal {
            message: message.into(),
        }
    }

    /// An input was not acceptable; `message` is already in plain words.
    pub fn validation(message: impl Into<String>) -> Self {
        IpcError::Validation {
            message: message.into(),
        }
    }
}
