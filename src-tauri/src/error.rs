//! The one error type that crosses the IPC boundary. Its variants are exactly what the UI branches
//! on; every variant carries a plain sentence (`message`) that can be shown as it is.

use serde::Serialize;
use telnyx_client::Error as ClientError;

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

impl IpcError {
    pub fn not_connected() -> Self {
        IpcError::NotConnected {
            message: "No Telnyx account is open. Choose the demo account or connect your own."
                .into(),
        }
    }

    pub fn keychain(err: &desk_core::secrets::SecretError) -> Self {
        use desk_core::secrets::SecretError;
        IpcError::Keychain {
            message: match err {
                SecretError::Unavailable(why) => format!(
                    "Number Desk cannot use this computer's keychain ({why}). API keys are only ever kept there, so a Telnyx account cannot be connected until the keychain works; the demo account still works."
                ),
                SecretError::Failed(why) => format!("The keychain refused the request ({why}). Nothing was changed."),
            },
        }
    }

    pub fn internal(what: impl std::fmt::Display) -> Self {
        IpcError::Internal {
            message: format!("Something went wrong inside Number Desk: {what}."),
        }
    }
}

impl From<ClientError> for IpcError {
    fn from(err: ClientError) -> Self {
        client_error_to_ipc(&err)
    }
}

fn client_error_to_ipc(err: &ClientError) -> IpcError {
    if err.is_unauthorized() {
        return IpcError::InvalidKey {
            message: "Telnyx did not accept the API key. Check that it is a current v2 key from the Telnyx portal (Account → API Keys)."
                .into(),
        };
    }
    match err {
        ClientError::Network { .. } => IpcError::Network {
            message: if err.is_connect() {
                "Number Desk got no answer from Telnyx. Check the internet connection (and, for a custom API address, that it is right), then try again.".into()
            } else {
                "Telnyx did not answer in time, or the connection dropped. Try again in a moment.".into()
            },
        },
        ClientError::Api { status: 429, retry_after, .. } => IpcError::RateLimited {
            message: "Telnyx is limiting how fast requests can be made. Number Desk will try again shortly.".into(),
            retry_after_seconds: retry_after.map(|d| u32::try_from(d.as_secs()).unwrap_or(u32::MAX)),
        },
        ClientError::Api { status, errors, .. } => {
            let first = errors.first();
            let code = first.map(|e| e.code.clone());
            let detail = first.and_then(|e| e.detail.clone().or_else(|| Some(e.title.clone())));
            let message = match (&code, &detail) {
                (Some(code), Some(detail)) => format!("Telnyx refused the request (error {code}): {detail}"),
                _ => format!("Telnyx refused the request (HTTP status {status})."),
            };
            IpcError::TelnyxRejected { message, status: *status, code, detail }
        }
        ClientError::InsecureBaseUrl(url) => IpcError::Validation {
            message: format!("The API address {url} must start with https:// (only addresses on this computer may use http://)."),
        },
        ClientError::InvalidInput(what) => IpcError::Validation { message: what.clone() },
        other => IpcError::internal(other),
    }
}

impl From<desk_core::settings::SettingsError> for IpcError {
    fn from(err: desk_core::settings::SettingsError) -> Self {
        IpcError::Validation { message: err.0 }
    }
}
