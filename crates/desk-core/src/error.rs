//! Number Desk's one error type and its explanation in plain words. Every sentence a person reads
//! about a failure is written here (with the Telnyx code table in [`crate::telnyx_codes`]); the app
//! shell only sorts errors into the kinds its window branches on.
//!
//! No explanation ever contains the API key: the client never puts it in an error, and nothing here
//! is given one.

use telnyx_client::{Error as ClientError, NetworkKind};

use crate::ports::secrets::SecretError;
use crate::rules::settings::SettingsError;
use crate::services::accounts::AccountId;
use crate::telnyx_codes;

/// Why something Number Desk was asked to do did not happen.
#[derive(Debug, Clone, thiserror::Error)]
pub enum Error {
    /// No account is open yet.
    #[error("no account is open")]
    NotConnected,
    /// Telnyx refused, could not be reached, or answered something unreadable.
    #[error(transparent)]
    Telnyx(#[from] ClientError),
    /// The operating system's keychain could not be used.
    #[error(transparent)]
    Keychain(#[from] SecretError),
    /// A connected account's key is no longer in the keychain.
    #[error("the key of account {id} is not in the keychain")]
    KeyMissing { id: AccountId, name: String },
    /// No connected account has this id.
    #[error("no account has the id {0}")]
    UnknownAccount(AccountId),
    /// An input was not acceptable and nothing was sent; the sentence says why.
    #[error("{0}")]
    Invalid(String),
    /// The number asked about is not on the open account (any more).
    #[error("the number is not on the account")]
    NumberNotOnAccount,
    /// The settings could not be written (why, from the store).
    #[error("the settings could not be saved ({0})")]
    SettingsNotSaved(String),
    /// The demo account's simulator could not start.
    #[error("the demo account could not start ({0})")]
    DemoNotStarted(String),
    /// Something Number Desk did not expect (never with a secret).
    #[error("{0}")]
    Internal(String),
}

/// The kinds of failure the window treats differently (a title, a retry button, a reconnect form).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    /// The welcome screen should be shown.
    NotConnected,
    /// Telnyx refused the API key.
    InvalidKey,
    /// Telnyx asked for a pause ([`Error::retry_after_seconds`] says how long when it did).
    RateLimited,
    /// Telnyx understood the request and said no ([`Error::rejection`] has its code and words).
    TelnyxRejected,
    /// Telnyx could not be reached (offline, wrong address, firewall, timeout).
    Network,
    /// The keychain could not be used.
    Keychain,
    /// A connected account must be connected again.
    KeyMissing,
    /// An input was not acceptable; nothing was sent.
    Invalid,
    /// Anything else.
    Internal,
}

/// What Telnyx said when it refused a request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rejection {
    pub status: u16,
    /// Telnyx's error code, e.g. `"10015"`.
    pub code: Option<String>,
    /// Telnyx's detail (or its title when there is no detail).
    pub detail: Option<String>,
}

impl Error {
    /// Which kind of failure this is, for the window.
    pub fn kind(&self) -> ErrorKind {
        match self {
            Error::NotConnected => ErrorKind::NotConnected,
            Error::Telnyx(err) if err.is_unauthorized() => ErrorKind::InvalidKey,
            Error::Telnyx(ClientError::Api { status: 429, .. }) => ErrorKind::RateLimited,
            Error::Telnyx(ClientError::Api { .. }) => ErrorKind::TelnyxRejected,
            Error::Telnyx(ClientError::Network { .. }) => ErrorKind::Network,
            Error::Telnyx(ClientError::InsecureBaseUrl(_) | ClientError::InvalidInput(_)) => {
                ErrorKind::Invalid
            }
            Error::Telnyx(_) => ErrorKind::Internal,
            Error::Keychain(_) => ErrorKind::Keychain,
            Error::KeyMissing { .. } => ErrorKind::KeyMissing,
            Error::UnknownAccount(_) | Error::Invalid(_) | Error::NumberNotOnAccount => {
                ErrorKind::Invalid
            }
            Error::SettingsNotSaved(_) | Error::DemoNotStarted(_) | Error::Internal(_) => {
                ErrorKind::Internal
            }
        }
    }

    /// The failure in plain words, for a person: what happened and what to do.
    pub fn explain(&self) -> String {
        match self {
            Error::NotConnected => {
                "No Telnyx account is open. Choose the demo account or connect your own.".into()
            }
            Error::Telnyx(err) => explain_telnyx(err),
            Error::Keychain(SecretError::Unavailable(why)) => format!(
                "Number Desk cannot use this computer's keychain ({why}). API keys are only ever kept there, so a Telnyx account cannot be connected until the keychain works; the demo account still works."
            ),
            Error::Keychain(SecretError::Failed(why)) => {
                format!("The keychain refused the request ({why}). Nothing was changed.")
            }
            Error::KeyMissing { name, .. } => format!(
                "The API key of “{name}” is no longer in this computer's keychain. Connect the account again to keep using it."
            ),
            Error::UnknownAccount(id) => format!(
                "There is no account with the id {id} on this computer; it may have been signed out. Choose another account."
            ),
            Error::Invalid(sentence) => sentence.clone(),
            Error::NumberNotOnAccount => {
                "This number is no longer on the account. Refresh the list.".into()
            }
            Error::SettingsNotSaved(why) => format!(
                "Number Desk could not save its settings ({why}). Check that its data folder can be written to, then try again."
            ),
            Error::DemoNotStarted(why) => format!("The demo account could not start ({why})."),
            Error::Internal(what) => format!("Something went wrong inside Number Desk: {what}."),
        }
    }

    /// How long Telnyx asked to wait, in whole seconds, when it said.
    pub fn retry_after_seconds(&self) -> Option<u32> {
        match self {
            Error::Telnyx(err) => err
                .retry_after()
                .map(|d| u32::try_from(d.as_secs()).unwrap_or(u32::MAX)),
            _ => None,
        }
    }

    /// Telnyx's status, code and words, when Telnyx answered with an error.
    pub fn rejection(&self) -> Option<Rejection> {
        match self {
            Error::Telnyx(ClientError::Api { status, errors, .. }) => {
                let first = errors.first();
                Some(Rejection {
                    status: *status,
                    code: first.map(|e| e.code.clone()),
                    detail: first.and_then(|e| e.detail.clone().or_else(|| Some(e.title.clone()))),
                })
            }
            _ => None,
        }
    }
}

impl From<SettingsError> for Error {
    fn from(err: SettingsError) -> Self {
        Error::Invalid(err.0)
    }
}

/// A client error in plain words: Telnyx's own code and words when it refused, then what the code
/// means ([`telnyx_codes`]).
pub fn explain_telnyx(err: &ClientError) -> String {
    if err.is_unauthorized() {
        return "Telnyx did not accept this key. Copy it again from Telnyx portal → Account → API Keys.".into();
    }
    match err {
        ClientError::Network {
            kind: NetworkKind::Connect,
            ..
        } => "Number Desk got no answer from Telnyx. Check the internet connection (and, for a custom API address, that it is right), then try again.".into(),
        ClientError::Network {
            kind: NetworkKind::Tls,
            ..
        } => "Number Desk could not open a secure connection to Telnyx (the certificate or encryption was refused). Check the API address, and any proxy or firewall between this computer and Telnyx.".into(),
        ClientError::Network { .. } => {
            "Telnyx did not answer in time, or the connection dropped. Try again in a moment.".into()
        }
        ClientError::Api { status: 429, .. } => {
            "Telnyx is limiting how fast requests can be made; it will take more in a moment.".into()
        }
        ClientError::Api { status, errors, .. } => {
            let first = errors.first().filter(|e| !e.code.trim().is_empty());
            let Some(item) = first else {
                return format!("Telnyx refused the request (HTTP status {status}).");
            };
            let words = item
                .detail
                .as_deref()
                .filter(|d| !d.trim().is_empty())
                .unwrap_or(&item.title)
                .trim()
                .trim_end_matches('.');
            let head = if words.is_empty() {
                format!("Telnyx refused the request (error {}).", item.code)
            } else {
                format!("Telnyx refused the request (error {}: {words}).", item.code)
            };
            match telnyx_codes::lookup(item.code.trim()) {
                Some(known) => format!("{head} {}", known.sentence()),
                None => head,
            }
        }
        ClientError::Decode { endpoint, .. } => format!(
            "Telnyx answered {endpoint} with something Number Desk does not understand. Try again; if it keeps happening, Telnyx may have changed its answer."
        ),
        ClientError::CorruptBody { endpoint, .. } if endpoint.starts_with("GET ") => format!(
            "Telnyx's answer to {endpoint} arrived cut off or unreadable, even after trying again. Try again in a moment."
        ),
        ClientError::CorruptBody { .. } => "Telnyx's answer to the change arrived cut off, so Number Desk cannot tell whether Telnyx made it. Check the number again before changing it once more.".to_string(),
        ClientError::InsecureBaseUrl(url) => format!(
            "The API address {url} must start with https:// (only addresses on this computer may use http://)."
        ),
        ClientError::InvalidInput(sentence) => sentence.clone(),
        ClientError::Runaway { endpoint, pages } => format!(
            "Telnyx kept sending more of {endpoint} after {pages} pages, so Number Desk stopped there. Try again later."
        ),
        other => format!("Something went wrong inside Number Desk: {other}."),
    }
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use telnyx_client::ApiErrorItem;

    use super::*;

    fn refused(status: u16, code: &str, title: &str, detail: Option<&str>) -> Error {
        Error::Telnyx(ClientError::Api {
            status,
            errors: vec![ApiErrorItem {
                code: code.into(),
                title: title.into(),
                detail: detail.map(Into::into),
                source: None,
                meta: None,
            }],
            endpoint: "PATCH /phone_numbers/{id}/messaging".into(),
            retry_after: None,
        })
    }

    #[test]
    fn a_known_code_gives_telnyxs_words_then_what_it_means() {
        let err = refused(
            422,
            "10015",
            "Bad Request",
            Some("The messaging profile cannot be used with this number."),
        );
        assert_eq!(err.kind(), ErrorKind::TelnyxRejected);
        assert_eq!(
            err.explain(),
            "Telnyx refused the request (error 10015: The messaging profile cannot be used with this number). Telnyx found the request invalid. When a number's profile is changed, this usually means the profile does not exist on this account or cannot take this number."
        );
        assert_eq!(
            err.rejection(),
            Some(Rejection {
                status: 422,
                code: Some("10015".into()),
                detail: Some("The messaging profile cannot be used with this number.".into()),
            })
        );
    }

    #[test]
    fn an_unknown_code_or_no_code_still_names_what_telnyx_said() {
        assert_eq!(
            refused(400, "99999", "Odd", None).explain(),
            "Telnyx refused the request (error 99999: Odd)."
        );
        assert_eq!(
            refused(400, "99999", "", Some("  ")).explain(),
            "Telnyx refused the request (error 99999)."
        );
        let bare = Error::Telnyx(ClientError::Api {
            status: 403,
            errors: Vec::new(),
            endpoint: "GET /x".into(),
            retry_after: None,
        });
        assert_eq!(
            bare.explain(),
            "Telnyx refused the request (HTTP status 403)."
        );
        assert_eq!(bare.kind(), ErrorKind::TelnyxRejected);
    }

    #[test]
    fn a_refused_key_and_a_rate_limit_have_their_own_kinds_and_words() {
        let key = refused(401, "10009", "Authentication failed", None);
        assert_eq!(key.kind(), ErrorKind::InvalidKey);
        assert!(key
            .explain()
            .starts_with("Telnyx did not accept this key. Copy it again"));
        let busy = Error::Telnyx(ClientError::Api {
            status: 429,
            errors: Vec::new(),
            endpoint: "GET /x".into(),
            retry_after: Some(Duration::from_secs(7)),
        });
        assert_eq!(busy.kind(), ErrorKind::RateLimited);
        assert_eq!(busy.retry_after_seconds(), Some(7));
        assert!(busy.explain().contains("limiting how fast"));
    }

    #[test]
    fn network_failures_say_what_to_check() {
        let net = |kind| {
            Error::Telnyx(ClientError::Network {
                kind,
                message: "tcp connect error".into(),
            })
        };
        assert_eq!(net(NetworkKind::Connect).kind(), ErrorKind::Network);
        assert!(net(NetworkKind::Connect)
            .explain()
            .contains("Check the internet connection"));
        assert!(net(NetworkKind::Timeout)
            .explain()
            .contains("did not answer in time"));
        assert!(net(NetworkKind::Tls)
            .explain()
            .contains("secure connection"));
    }

    #[test]
    fn own_errors_are_sorted_and_worded() {
        let missing = Error::KeyMissing {
            id: AccountId::new("a1"),
            name: "Main".into(),
        };
        assert_eq!(missing.kind(), ErrorKind::KeyMissing);
        assert!(missing.explain().contains("“Main”"));
        let keychain = Error::from(SecretError::Unavailable("no bus".into()));
        assert_eq!(keychain.kind(), ErrorKind::Keychain);
        assert!(keychain.explain().contains("keychain (no bus)"));
        assert_eq!(
            Error::from(SettingsError("Pages must be between 1 and 16.".into())).explain(),
            "Pages must be between 1 and 16."
        );
        assert_eq!(
            Error::Telnyx(ClientError::InsecureBaseUrl("http://x".into())).kind(),
            ErrorKind::Invalid
        );
        assert_eq!(Error::NumberNotOnAccount.kind(), ErrorKind::Invalid);
        assert_eq!(Error::NotConnected.kind(), ErrorKind::NotConnected);
        assert_eq!(
            Error::SettingsNotSaved("disk full".into()).kind(),
            ErrorKind::Internal
        );
        assert!(Error::Internal("x".into())
            .explain()
            .starts_with("Something went wrong inside Number Desk"));
    }

    #[test]
    fn every_explanation_is_a_finished_sentence() {
        let errors = [
            Error::NotConnected,
            refused(422, "10015", "Bad Request", Some("No.")),
            refused(400, "123", "T", None),
            Error::Keychain(SecretError::Failed("denied".into())),
            Error::UnknownAccount(AccountId::new("x")),
            Error::NumberNotOnAccount,
            Error::SettingsNotSaved("disk full".into()),
            Error::DemoNotStarted("port in use".into()),
            Error::Telnyx(ClientError::Decode {
                endpoint: "GET /x".into(),
                path: "data[0]".into(),
                message: "bad".into(),
            }),
            Error::Telnyx(ClientError::Runaway {
                endpoint: "GET /x".into(),
                pages: 9,
            }),
        ];
        for err in errors {
            let text = err.explain();
            assert!(text.ends_with('.') && !text.ends_with(".."), "{text}");
            assert!(text.starts_with(|c: char| c.is_uppercase()), "{text}");
        }
    }
}
