//! The client's error type: HTTP status plus Telnyx's `errors[]`, decode failures with their JSON
//! path, and network failures by kind.

use std::fmt;
use std::time::Duration;

use serde::{Deserialize, Serialize};

/// `Result` with this crate's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// `source` of a Telnyx error item: which body field or query parameter was at fault.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ErrorSource {
    /// JSON pointer (RFC 6901) to the offending body field, e.g. `/messaging_profile_id`.
    #[serde(default)]
    pub pointer: Option<String>,
    /// The offending query parameter.
    #[serde(default)]
    pub parameter: Option<String>,
}

/// One item of Telnyx's error envelope `{"errors": [...]}` (FACTS.md §0), kept intact.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ApiErrorItem {
    /// A string of digits such as `"10011"`. (Accepted as a JSON number too.)
    #[serde(deserialize_with = "code_as_string", default)]
    pub code: String,
    /// Short title.
    #[serde(default)]
    pub title: String,
    /// Longer explanation.
    #[serde(default)]
    pub detail: Option<String>,
    /// Where the problem is.
    #[serde(default)]
    pub source: Option<ErrorSource>,
    /// Extra data, e.g. `{"url": "https://developers.telnyx.com/docs/overview/errors/10015"}`.
    #[serde(default)]
    pub meta: Option<serde_json::Value>,
}

fn code_as_string<'de, D: serde::Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Code {
        S(String),
        N(serde_json::Number),
    }
    Ok(match Option::<Code>::deserialize(d)? {
        Some(Code::S(s)) => s,
        Some(Code::N(n)) => n.to_string(),
        None => String::new(),
    })
}

/// The error envelope body.
#[derive(Debug, Deserialize)]
pub(crate) struct ErrorEnvelope {
    #[serde(default)]
    pub errors: Vec<ApiErrorItem>,
}

/// What kind of network failure happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum NetworkKind {
    /// Could not connect (refused, DNS, unreachable). Nothing reached the server.
    Connect,
    /// Connect or request timeout.
    Timeout,
    /// TLS handshake or certificate failure.
    Tls,
    /// Anything else (connection reset, body cut short, …).
    Other,
}

/// Errors of the Telnyx client.
#[derive(Debug, Clone, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// Telnyx answered with a non-success status.
    #[error("{}", api_message(*status, errors, endpoint))]
    Api {
        /// HTTP status.
        status: u16,
        /// Telnyx's `errors[]`, intact (empty when the body was not an error envelope).
        errors: Vec<ApiErrorItem>,
        /// The endpoint, e.g. `GET /phone_numbers/{id}/messaging`.
        endpoint: String,
        /// How long the server asked us to wait (`Retry-After` / `x-ratelimit-reset`), if it did.
        retry_after: Option<Duration>,
    },
    /// A success response whose body did not match the expected shape.
    #[error("unexpected response from {endpoint} at {path}: {message}")]
    Decode {
        /// The endpoint.
        endpoint: String,
        /// JSON path of the failure, e.g. `data[3].phone_number`.
        path: String,
        /// What was wrong.
        message: String,
    },
    /// A success response whose body was cut short or is not JSON at all: the request reached
    /// Telnyx, but what it answered cannot be read. Reads are retried; for a write this means its
    /// outcome is unknown (it may or may not have been applied), and it is never re-sent blindly.
    #[error("unreadable response from {endpoint}: {message}")]
    CorruptBody {
        /// The endpoint.
        endpoint: String,
        /// What the JSON parser said.
        message: String,
    },
    /// The request did not complete.
    #[error("network error ({kind:?}): {message}")]
    Network {
        /// Connect / timeout / TLS / other.
        kind: NetworkKind,
        /// Details, without the API key.
        message: String,
    },
    /// A base URL that is not loopback must use `https://`.
    #[error(
        "refusing insecure base URL {0:?}: use https:// (plain http is allowed only for loopback)"
    )]
    InsecureBaseUrl(String),
    /// An argument was invalid before any request was made.
    #[error("invalid input: {0}")]
    InvalidInput(String),
    /// A listing did not end within the page bound (a server that never ends).
    #[error("listing {endpoint} did not end after {pages} pages")]
    Runaway {
        /// The endpoint.
        endpoint: String,
        /// Pages fetched or announced.
        pages: u32,
    },
}

fn api_message(status: u16, errors: &[ApiErrorItem], endpoint: &str) -> String {
    let mut s = format!("Telnyx returned HTTP {status} for {endpoint}");
    for e in errors {
        s.push_str(&format!(": [{}] {}", e.code, e.title));
        if let Some(d) = &e.detail {
            s.push_str(&format!(" — {d}"));
        }
    }
    s
}

impl Error {
    /// True when repeating the same request later may succeed (429, 408, 5xx, timeouts,
    /// connection failures). The retry loop itself uses [`crate::retry::decide`], which also
    /// weighs the method.
    pub fn is_retryable(&self) -> bool {
        match self {
            Error::Api { status, .. } => crate::retry::is_retryable_status(*status),
            Error::Network { kind, .. } => !matches!(kind, NetworkKind::Tls),
            _ => false,
        }
    }

    /// True when a write that failed this way may have been carried out all the same: the request
    /// may have reached Telnyx and only its answer was lost or unreadable (a timeout, a connection
    /// closed after sending, a cut-off or unexpected 2xx body, a 5xx or 408). False when Telnyx
    /// answered that it did not act (4xx other than 408) or nothing was sent (could not connect,
    /// TLS failure, invalid input). The caller of such a write reads the resource to learn which.
    pub fn outcome_unknown(&self) -> bool {
        match self {
            Error::Api { status, .. } => *status >= 500 || *status == 408,
            Error::Network { kind, .. } => {
                matches!(kind, NetworkKind::Timeout | NetworkKind::Other)
            }
            Error::Decode { .. } | Error::CorruptBody { .. } => true,
            Error::InsecureBaseUrl(_) | Error::InvalidInput(_) | Error::Runaway { .. } => false,
        }
    }

    /// The HTTP status, for API errors.
    pub fn status(&self) -> Option<u16> {
        match self {
            Error::Api { status, .. } => Some(*status),
            _ => None,
        }
    }

    /// The first Telnyx error code, e.g. `"10009"`.
    pub fn first_code(&self) -> Option<&str> {
        match self {
            Error::Api { errors, .. } => errors.first().map(|e| e.code.as_str()),
            _ => None,
        }
    }

    /// The Telnyx error items (empty for non-API errors).
    pub fn api_errors(&self) -> &[ApiErrorItem] {
        match self {
            Error::Api { errors, .. } => errors,
            _ => &[],
        }
    }

    /// 401, or Telnyx code 10009 "Authentication failed".
    pub fn is_unauthorized(&self) -> bool {
        self.status() == Some(401) || self.first_code() == Some("10009")
    }

    /// 429, or Telnyx code 10011 "Too many requests".
    pub fn is_rate_limited(&self) -> bool {
        self.status() == Some(429) || self.first_code() == Some("10011")
    }

    /// 404, or Telnyx code 10005 "Resource not found".
    pub fn is_not_found(&self) -> bool {
        self.status() == Some(404) || self.first_code() == Some("10005")
    }

    /// The server could not be reached at all.
    pub fn is_connect(&self) -> bool {
        matches!(
            self,
            Error::Network {
                kind: NetworkKind::Connect,
                ..
            }
        )
    }

    /// How long the server asked us to wait, for API errors that said so.
    pub fn retry_after(&self) -> Option<Duration> {
        match self {
            Error::Api { retry_after, .. } => *retry_after,
            _ => None,
        }
    }

    pub(crate) fn from_reqwest(e: &reqwest::Error) -> Self {
        Error::Network {
            kind: classify(e),
            message: describe(e),
        }
    }
}

/// Classifies a reqwest error. TLS failures surface as connect errors in reqwest, so the source
/// chain is inspected for rustls/certificate errors (there is no public TLS error type to match).
fn classify(e: &reqwest::Error) -> NetworkKind {
    // Only the sources: the top-level message contains the URL, which must not steer this.
    let mut chain = String::new();
    let mut src = std::error::Error::source(e);
    while let Some(s) = src {
        chain.push_str(&s.to_string().to_ascii_lowercase());
        chain.push('\n');
        src = s.source();
    }
    if e.is_timeout() || chain.contains("timed out") {
        NetworkKind::Timeout
    } else if chain.contains("certificate")
        || chain.contains("tls")
        || chain.contains("handshake")
        || chain.contains("rustls")
        || chain.contains("corrupt message")
        || chain.contains("received fatal alert")
    {
        NetworkKind::Tls
    } else if e.is_connect() {
        NetworkKind::Connect
    } else {
        NetworkKind::Other
    }
}

/// The error and its sources on one line. reqwest messages contain the URL (never the key, which
/// travels only in a header).
fn describe(e: &reqwest::Error) -> String {
    struct Chain<'a>(&'a dyn std::error::Error);
    impl fmt::Display for Chain<'_> {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            write!(f, "{}", self.0)?;
            let mut src = self.0.source();
            while let Some(s) = src {
                write!(f, ": {s}")?;
                src = s.source();
            }
            Ok(())
        }
    }
    Chain(e).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn api(status: u16, code: &str) -> Error {
        Error::Api {
            status,
            errors: vec![ApiErrorItem {
                code: code.into(),
                title: "t".into(),
                detail: Some("d".into()),
                source: None,
                meta: None,
            }],
            endpoint: "GET /x".into(),
            retry_after: None,
        }
    }

    #[test]
    fn helpers() {
        assert!(api(401, "10009").is_unauthorized());
        assert!(!api(400, "10015").is_unauthorized());
        assert_eq!(api(400, "10015").first_code(), Some("10015"));
        assert_eq!(api(400, "10015").status(), Some(400));
        assert!(api(429, "10011").is_retryable());
        assert!(api(503, "10007").is_retryable());
        assert!(!api(400, "10015").is_retryable());
        assert!(!api(404, "10005").is_retryable());
        let net = |kind| Error::Network {
            kind,
            message: String::new(),
        };
        assert!(net(NetworkKind::Connect).is_connect());
        assert!(net(NetworkKind::Timeout).is_retryable());
        assert!(!net(NetworkKind::Tls).is_retryable());
        assert!(!Error::InvalidInput("x".into()).is_retryable());
    }

    #[test]
    fn display_names_code_title_detail() {
        let s = api(400, "10015").to_string();
        assert!(s.contains("400") && s.contains("10015") && s.contains("t") && s.contains("d"));
    }

    #[test]
    fn error_items_decode_leniently() {
        let env: ErrorEnvelope = serde_json::from_str(
            r#"{"errors":[{"code":10011,"title":"Too many requests","source":{"pointer":"/a"},"meta":{"url":"u"},"extra":1}]}"#,
        )
        .expect("decodes");
        assert_eq!(env.errors[0].code, "10011");
        assert_eq!(
            env.errors[0]
                .source
                .as_ref()
                .and_then(|s| s.pointer.as_deref()),
            Some("/a")
        );
    }
}
