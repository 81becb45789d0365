//! Errors raised before a handler runs — a body over the size limit (413), a path that is not
//! UTF-8 or does not decode (400), a URL or headers over the limits (414, 431; see
//! [`crate::server`]) — answered in Telnyx's `{"errors": [...]}` envelope, as every other error,
//! instead of axum's or hyper's plain text.

use axum::body::Body;
use axum::extract::Request;
use axum::http::header::CONTENT_TYPE;
use axum::http::StatusCode;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::errors::ApiError;

/// The most a request body may hold (the simulator's choice; Telnyx documents none).
pub const MAX_BODY_BYTES: usize = 2 * 1024 * 1024;
/// The longest request target (path and query) the simulator reads.
pub const MAX_URL_BYTES: usize = 8 * 1024;
/// The most header bytes (names and values) the simulator reads.
pub const MAX_HEADER_BYTES: usize = 16 * 1024;

/// The envelope for an error status produced outside the handlers; `detail` is what the layer
/// that refused the request said, when it said something useful.
pub(crate) fn error_for(status: StatusCode, detail: &str) -> ApiError {
    let detail = detail.trim();
    match status {
        StatusCode::PAYLOAD_TOO_LARGE => ApiError::new(
            status,
            "10015",
            "Bad Request",
            format!(
                "The request body is larger than {} MiB.",
                MAX_BODY_BYTES / (1024 * 1024)
            ),
        ),
        StatusCode::URI_TOO_LONG => ApiError::new(
            status,
            "10015",
            "Bad Request",
            format!("The request URL is longer than {MAX_URL_BYTES} bytes."),
        ),
        StatusCode::REQUEST_HEADER_FIELDS_TOO_LARGE => ApiError::new(
            status,
            "10015",
            "Bad Request",
            format!("The request headers are larger than {MAX_HEADER_BYTES} bytes."),
        ),
        s if s.is_server_error() => ApiError::unexpected(),
        _ => ApiError::new(
            status,
            "10015",
            "Bad Request",
            if detail.is_empty() {
                "The request could not be read.".to_string()
            } else {
                // e.g. axum's "Invalid URL: Cannot parse `…` to a `String`".
                detail.chars().take(300).collect()
            },
        ),
    }
}

/// Rewrites any error answer that is not JSON into the envelope, keeping its status and headers.
pub(crate) async fn telnyx_envelope(req: Request, next: Next) -> Response {
    let resp = next.run(req).await;
    let status = resp.status();
    let is_json = resp
        .headers()
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|ct| ct.starts_with("application/json"));
    if is_json || !(status.is_client_error() || status.is_server_error()) {
        return resp;
    }
    let (mut parts, body) = resp.into_parts();
    let text = axum::body::to_bytes(body, 4096)
        .await
        .map(|b| String::from_utf8_lossy(&b).into_owned())
        .unwrap_or_default();
    let (fresh, body) = error_for(status, &text).into_response().into_parts();
    parts.headers.remove(axum::http::header::CONTENT_LENGTH);
    parts.headers.extend(fresh.headers);
    Response::from_parts(parts, body)
}

/// The simulator's own limits on the request line and headers, checked before routing so that
/// the answer is the envelope (hyper's own, far larger limit answers with an empty body).
pub(crate) fn refuse_oversized<B>(req: &axum::http::Request<B>) -> Option<Response<Body>> {
    let url = req.uri().path_and_query().map_or(0, |pq| pq.as_str().len());
    if url > MAX_URL_BYTES {
        return Some(error_for(StatusCode::URI_TOO_LONG, "").into_response());
    }
    let headers: usize = req
        .headers()
        .iter()
        .map(|(name, value)| name.as_str().len() + value.len())
        .sum();
    if headers > MAX_HEADER_BYTES {
        return Some(error_for(StatusCode::REQUEST_HEADER_FIELDS_TOO_LARGE, "").into_response());
    }
    None
}
