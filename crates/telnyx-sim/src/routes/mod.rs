//! The HTTP surface: `/v2` routes behind auth, rate limit and fault layers, and the `/_sim` admin routes.

pub mod admin;
pub mod bulk;
pub mod detail_records;
pub mod envelope;
pub mod numbers;
pub mod phone_numbers;
pub mod profiles;
pub mod ten_dlc;
pub mod tollfree;

use std::sync::atomic::Ordering;
use std::sync::Arc;

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use serde_json::Value;

use self::numbers::{LEGACY, V2};
use crate::errors::ApiError;
use crate::faults::roll;
use crate::server::Shared;

/// Shared state as handlers extract it.
pub(crate) type Sim = State<Arc<Shared>>;
/// Handler result.
pub(crate) type ApiResult = Result<Response, ApiError>;

/// Builds the whole router.
pub(crate) fn router(shared: Arc<Shared>) -> Router {
    let v2 = Router::new()
        .route("/phone_numbers/messaging", get(numbers::list::<V2>))
        .route(
            "/phone_numbers/{id}/messaging",
            get(numbers::retrieve::<V2>).patch(numbers::update::<V2>),
        )
        .route("/phone_numbers", get(phone_numbers::list))
        .route("/phone_numbers/{id}", get(phone_numbers::retrieve))
        .route(
            "/messaging_profiles",
            get(profiles::list).post(profiles::create),
        )
        .route(
            "/messaging_profiles/{id}",
            get(profiles::retrieve)
                .patch(profiles::update)
                .delete(profiles::delete),
        )
        .route(
            "/messaging_profiles/{id}/phone_numbers",
            get(profiles::numbers),
        )
        .route(
            "/messaging_numbers_bulk_updates",
            axum::routing::post(bulk::create),
        )
        .route(
            "/messaging_numbers_bulk_updates/{order_id}",
            get(bulk::retrieve),
        )
        .route(
            "/messaging_numbers/bulk_updates",
            axum::routing::post(bulk::create),
        )
        .route(
            "/messaging_numbers/bulk_updates/{order_id}",
            get(bulk::retrieve),
        )
        .route("/messaging_phone_numbers", get(numbers::list::<LEGACY>))
        .route(
            "/messaging_phone_numbers/{id}",
            get(numbers::retrieve::<LEGACY>).patch(numbers::update::<LEGACY>),
        )
        .route(
            "/10dlc/phone_number_campaigns",
            get(ten_dlc::list_assignments),
        )
        .route(
            "/10dlc/phone_number_campaigns/{phone_number}",
            get(ten_dlc::retrieve_assignment),
        )
        .route(
            "/10dlc/campaign/{campaign_id}",
            get(ten_dlc::retrieve_campaign),
        )
        .route(
            "/messaging_tollfree/verification/requests",
            get(tollfree::list),
        )
        .route("/detail_records", get(detail_records::list))
        .fallback(unknown_route)
        .method_not_allowed_fallback(method_not_allowed)
        .layer(axum::extract::DefaultBodyLimit::max(
            envelope::MAX_BODY_BYTES,
        ))
        .layer(middleware::from_fn(envelope::telnyx_envelope))
        .layer(middleware::from_fn_with_state(shared.clone(), v2_layer));
    Router::new()
        .nest("/v2", v2)
        .nest("/_sim", admin::router(shared.clone()))
        .with_state(shared)
}

async fn unknown_route() -> ApiError {
    ApiError::not_found("resource")
}

async fn method_not_allowed() -> ApiError {
    ApiError::new(
        StatusCode::METHOD_NOT_ALLOWED,
        "10015",
        "Bad Request",
        "This method is not allowed on this path.",
    )
}

/// Marks a response whose request was carried out but whose answer is never sent: the connection
/// is closed instead (the `p_drop_after_write` fault).
#[derive(Debug, Clone, Copy)]
pub(crate) struct DropAnswer;

/// Latency, rate limit, random faults and auth for every `/v2` request; `x-ratelimit-*` on every answer.
async fn v2_layer(State(shared): State<Arc<Shared>>, req: Request, next: Next) -> Response {
    shared.served.fetch_add(1, Ordering::Relaxed);
    let faults = shared.faults().clone();
    let delay = faults.delay();
    if !delay.is_zero() {
        tokio::time::sleep(delay).await;
    }
    let verdict = shared.rate().hit(faults.rate_limit_per_sec);
    let mut resp = if verdict.exceeded || roll(faults.p_429) {
        ApiError::too_many_requests(verdict.reset_secs).into_response()
    } else if roll(faults.p_5xx) {
        ApiError::unexpected().into_response()
    } else if !authorized(&shared, &req) {
        ApiError::unauthorized().into_response()
    } else if let Some(refused) = faults.refuse_lists.iter().find(|r| {
        req.method() == axum::http::Method::GET
            && r.matches_request(req.uri().path(), req.uri().query())
    }) {
        refused.to_api_error().into_response()
    } else {
        let write = req.method() != axum::http::Method::GET;
        let mut resp = next.run(req).await;
        if write && roll(faults.p_drop_after_write) {
            // Carried out; the connection layer closes the connection instead of answering.
            resp.extensions_mut().insert(DropAnswer);
            resp
        } else if resp.status().is_success() && roll(faults.p_malformed) {
            malformed()
        } else {
            resp
        }
    };
    let h = resp.headers_mut();
    h.insert("x-ratelimit-limit", HeaderValue::from(verdict.limit));
    h.insert(
        "x-ratelimit-remaining",
        HeaderValue::from(verdict.remaining),
    );
    h.insert("x-ratelimit-reset", HeaderValue::from(verdict.reset_secs));
    resp
}

fn authorized(shared: &Shared, req: &Request) -> bool {
    let Some(value) = req
        .headers()
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
    else {
        return false;
    };
    let Some((scheme, token)) = value.trim().split_once(' ') else {
        return false;
    };
    scheme.eq_ignore_ascii_case("bearer") && shared.api_keys.iter().any(|k| k == token.trim())
}

/// A 200 whose JSON body stops in the middle.
fn malformed() -> Response {
    let mut resp = Response::new(Body::from(
        r#"{"data":[{"record_type":"messaging_settings","id":"12"#,
    ));
    resp.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    resp
}

/// A JSON:API page (`{data, meta}`) serialized straight from borrowed records.
pub(crate) fn data_page<T: serde::Serialize>(data: Vec<T>, meta: Value) -> ApiResult {
    #[derive(serde::Serialize)]
    struct DataPage<T> {
        data: Vec<T>,
        meta: Value,
    }
    serialized(&DataPage { data, meta })
}

/// A 200 JSON response serialized straight from borrowed records (no `Value` tree: the hot path of
/// large pages).
pub(crate) fn serialized(body: &impl serde::Serialize) -> ApiResult {
    let body = serde_json::to_vec(body).map_err(|_| ApiError::unexpected())?;
    Ok((
        [(axum::http::header::CONTENT_TYPE, "application/json")],
        body,
    )
        .into_response())
}

/// A 200 JSON response.
pub(crate) fn ok(value: Value) -> ApiResult {
    Ok((StatusCode::OK, axum::Json(value)).into_response())
}

/// Parses a JSON object body, answering the API's error shape when it is not one.
pub(crate) fn json_object(body: &[u8]) -> Result<serde_json::Map<String, Value>, ApiError> {
    if body.iter().all(u8::is_ascii_whitespace) {
        return Err(ApiError::invalid_field(
            "/",
            "A JSON request body is required.",
        ));
    }
    match serde_json::from_slice::<Value>(body) {
        Ok(Value::Object(map)) => Ok(map),
        Ok(_) => Err(ApiError::invalid_field(
            "/",
            "The request body must be a JSON object.",
        )),
        Err(e) => Err(ApiError::new(
            StatusCode::BAD_REQUEST,
            "10015",
            "Bad Request",
            format!("Invalid JSON: {e}"),
        )
        .pointer("/")),
    }
}

/// Reads an optional string field: absent or `null` → `Ok(None)`; wrong type → 422 pointing at it.
pub(crate) fn opt_string(
    body: &serde_json::Map<String, Value>,
    field: &str,
) -> Result<Option<String>, ApiError> {
    match body.get(field) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.clone())),
        Some(_) => Err(ApiError::invalid_field(
            &format!("/{field}"),
            format!("{field} must be a string."),
        )),
    }
}

/// True when `s` looks like a UUID.
pub(crate) fn is_uuid(s: &str) -> bool {
    uuid::Uuid::parse_str(s).is_ok()
}
