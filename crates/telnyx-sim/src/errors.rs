//! Errors of the simulator library (`SimError`) and the Telnyx error envelope it answers with (`ApiError`).

use axum::http::{HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde_json::{json, Value};

/// Errors returned by the library API.
#[derive(Debug, thiserror::Error)]
pub enum SimError {
    /// The configured bind address is not a loopback address.
    #[error(
        "refusing to bind {0}: the simulator only listens on loopback addresses (127.0.0.1, ::1)"
    )]
    NonLoopbackBind(std::net::SocketAddr),
    /// Binding or accepting failed.
    #[error("could not listen on {addr}: {source}")]
    Bind {
        addr: std::net::SocketAddr,
        source: std::io::Error,
    },
    /// A scenario file is not valid JSON or does not match the scenario schema.
    #[error("invalid scenario: {0}")]
    Scenario(String),
    /// Reading a file failed.
    #[error("could not read {path}: {source}")]
    Io {
        path: String,
        source: std::io::Error,
    },
    /// The fault settings are out of range (e.g. a probability above 1).
    #[error("invalid faults: {0}")]
    InvalidFaults(String),
    /// No API key was configured.
    #[error("at least one API key is required")]
    NoApiKey,
}

/// Result alias of this crate.
pub type Result<T, E = SimError> = std::result::Result<T, E>;

/// Where an error points: a JSON pointer into the body, or a query parameter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    None,
    Pointer(String),
    Parameter(String),
}

/// One Telnyx API error answered as `{"errors":[{code,title,detail,source,meta}]}`.
#[derive(Debug, Clone)]
pub struct ApiError {
    pub status: StatusCode,
    pub code: String,
    pub title: String,
    pub detail: String,
    pub source: Source,
    /// Seconds for a `Retry-After` header.
    pub retry_after: Option<u32>,
}

impl ApiError {
    /// A new error.
    pub fn new(status: StatusCode, code: &str, title: &str, detail: impl Into<String>) -> Self {
        ApiError {
            status,
            code: code.to_string(),
            title: title.to_string(),
            detail: detail.into(),
            source: Source::None,
            retry_after: None,
        }
    }

    /// Points the error at a body field (JSON pointer such as `/messaging_profile_id`).
    pub fn pointer(mut self, pointer: &str) -> Self {
        self.source = Source::Pointer(pointer.to_string());
        self
    }

    /// Points the error at a query parameter.
    pub fn parameter(mut self, parameter: &str) -> Self {
        self.source = Source::Parameter(parameter.to_string());
        self
    }

    /// 401 `10009`.
    pub fn unauthorized() -> Self {
        ApiError::new(
            StatusCode::UNAUTHORIZED,
            "10009",
            "Authentication failed",
            "Could not understand the provided credentials.",
        )
    }

    /// 404 `10005`.
    pub fn not_found(what: &str) -> Self {
        ApiError::new(
            StatusCode::NOT_FOUND,
            "10005",
            "Resource not found",
            format!("The requested {what} could not be found."),
        )
    }

    /// 400 `10015` pointing at a query parameter.
    pub fn bad_parameter(parameter: &str, detail: impl Into<String>) -> Self {
        ApiError::new(StatusCode::BAD_REQUEST, "10015", "Bad Request", detail).parameter(parameter)
    }

    /// 422 `10015` pointing at a body field.
    pub fn invalid_field(pointer: &str, detail: impl Into<String>) -> Self {
        ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "10015",
            "Bad Request",
            detail,
        )
        .pointer(pointer)
    }

    /// 429 `10011`.
    pub fn too_many_requests(retry_after_secs: u32) -> Self {
        let mut e = ApiError::new(
            StatusCode::TOO_MANY_REQUESTS,
            "10011",
            "Too many requests",
            "You have exceeded the maximum number of allowed requests.",
        );
        e.retry_after = Some(retry_after_secs);
        e
    }

    /// 500 `10007`.
    pub fn unexpected() -> Self {
        ApiError::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "10007",
            "Unexpected error",
            "An unexpected error occured.",
        )
    }

    /// The error envelope.
    pub fn body(&self) -> Value {
        let mut err = json!({
            "code": self.code,
            "title": self.title,
            "detail": self.detail,
            "meta": {"url": format!("https://developers.telnyx.com/docs/overview/errors/{}", self.code)},
        });
        match &self.source {
            Source::None => {}
            Source::Pointer(p) => err["source"] = json!({ "pointer": p }),
            Source::Parameter(p) => err["source"] = json!({ "parameter": p }),
        }
        json!({ "errors": [err] })
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = self.body();
        let mut resp = (self.status, axum::Json(body)).into_response();
        if let Some(secs) = self.retry_after {
            resp.headers_mut()
                .insert("retry-after", HeaderValue::from(secs));
        }
        resp
    }
}
