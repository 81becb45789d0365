//! Loopback-only admin endpoints under `/_sim` (no auth): state summary, reset, faults (including a
//! forced error on the next PATCH), and stopping the listener to simulate "Telnyx unreachable".
//! Only loopback peers, addressing a loopback host, with no foreign `Origin`, and changes only as
//! JSON (see [`refusal`]): a web page cannot reach them, not even the demo account's simulator.

use std::net::SocketAddr;
use std::sync::atomic::Ordering;
use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::{ConnectInfo, Request, State};
use axum::http::StatusCode;
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;
use serde_json::{json, Value};

use crate::faults::Faults;
use crate::server::Shared;
use crate::state::State as SimState;

type Admin = State<Arc<Shared>>;

/// The `/_sim` router.
pub(crate) fn router(shared: Arc<Shared>) -> Router<Arc<Shared>> {
    Router::new()
        .route("/state", get(state_summary))
        .route("/reset", post(reset))
        .route("/writes", get(writes))
        .route("/listener/stop", post(stop_listener))
        .route(
            "/faults",
            get(get_faults)
                .post(set_faults)
                .put(replace_faults)
                .delete(clear_faults),
        )
        .fallback(|| async { admin_error(StatusCode::NOT_FOUND, "unknown admin endpoint") })
        .layer(middleware::from_fn_with_state(shared, loopback_only))
}

/// Whether `host` (a `Host` header or an origin's host, with or without a port) names this
/// machine's loopback: `localhost`, `127.x.y.z` or `[::1]`.
fn is_loopback_host(host: &str) -> bool {
    let name = if let Some(rest) = host.strip_prefix('[') {
        // [::1] or [::1]:port
        match rest.split_once(']') {
            Some((inside, after)) if after.is_empty() || after.starts_with(':') => inside,
            _ => return false,
        }
    } else {
        match host.rsplit_once(':') {
            Some((name, port)) if port.chars().all(|c| c.is_ascii_digit()) => name,
            Some(_) => return false,
            None => host,
        }
    };
    name.eq_ignore_ascii_case("localhost")
        || name
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback())
}

/// Whether an `Origin` header names a loopback page (`http://127.0.0.1:5173`, `http://localhost`).
fn is_loopback_origin(origin: &str) -> bool {
    origin
        .strip_prefix("http://")
        .or_else(|| origin.strip_prefix("https://"))
        .is_some_and(|host| !host.contains('/') && is_loopback_host(host))
}

/// Why a request that reached the admin API from a loopback peer is still refused, if it is.
///
/// A loopback peer is not enough: a page in the user's browser is a loopback peer too when it
/// finds the port. So the admin API also requires a loopback `Host` (a page served from another
/// name, including through DNS rebinding, sends its own), refuses any `Origin` that is not a
/// loopback page, and takes changes only as `application/json`, which a cross-origin page cannot
/// send without a CORS preflight that the simulator never grants.
fn refusal(req: &Request) -> Option<(StatusCode, &'static str)> {
    let headers = req.headers();
    let text = |name: axum::http::header::HeaderName| {
        headers.get(name).map(|v| v.to_str().unwrap_or("\u{fffd}"))
    };
    if !text(axum::http::header::HOST).is_some_and(is_loopback_host) {
        return Some((
            StatusCode::FORBIDDEN,
            "the /_sim admin endpoints answer requests addressed to a loopback host only",
        ));
    }
    if text(axum::http::header::ORIGIN).is_some_and(|o| !is_loopback_origin(o)) {
        return Some((
            StatusCode::FORBIDDEN,
            "the /_sim admin endpoints refuse requests from web pages of other origins",
        ));
    }
    let changes = !matches!(
        *req.method(),
        axum::http::Method::GET | axum::http::Method::HEAD | axum::http::Method::OPTIONS
    );
    let json = text(axum::http::header::CONTENT_TYPE).is_some_and(|ct| {
        ct.split(';')
            .next()
            .is_some_and(|mime| mime.trim().eq_ignore_ascii_case("application/json"))
    });
    if changes && !json {
        return Some((
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "the /_sim admin endpoints take changes as Content-Type: application/json only",
        ));
    }
    None
}

fn admin_error(status: StatusCode, message: &str) -> Response {
    (status, axum::Json(json!({"error": message}))).into_response()
}

/// Refuses admin calls from anything but a loopback peer.
async fn loopback_only(req: Request, next: Next) -> Response {
    let peer = req
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|c| c.0);
    match peer {
        Some(addr) if addr.ip().is_loopback() => match refusal(&req) {
            None => next.run(req).await,
            Some((status, why)) => admin_error(status, why),
        },
        _ => admin_error(
            StatusCode::FORBIDDEN,
            "the /_sim admin endpoints answer loopback clients only",
        ),
    }
}

/// `GET /_sim/state`.
async fn state_summary(State(shared): Admin) -> Response {
    let faults = shared.faults().clone();
    let state = shared.read();
    axum::Json(summary(&state, &shared, &faults)).into_response()
}

fn summary(state: &SimState, shared: &Shared, faults: &Faults) -> Value {
    let a = &state.account;
    let assigned = a
        .numbers
        .iter()
        .filter(|n| n.messaging_profile_id.is_some())
        .count();
    let profiles: Vec<Value> = a
        .profiles
        .iter()
        .map(|p| {
            json!({
                "id": p.id,
                "name": p.name,
                "enabled": p.enabled,
                "numbers": state.profile_numbers(&p.id).map_or(0, |s| s.len()),
            })
        })
        .collect();
    json!({
        "numbers": a.numbers.len(),
        "assigned": assigned,
        "unassigned": a.numbers.len() - assigned,
        "profiles": profiles,
        "campaign_assignments": a.campaign_assignments.len(),
        "verifications": a.verifications.len(),
        "message_records": a.message_records.len(),
        "bulk_orders": state.orders.len(),
        "bulk_pending_numbers": state.pending_bulk_items(),
        "requests_served": shared.served.load(Ordering::Relaxed),
        "writes": {
            "bulk_orders": state.writes.bulk_orders,
            "patches": state.writes.patches,
            "redundant": state.writes.redundant,
        },
        "listener": if shared.stopped() { "stopped" } else { "running" },
        "faults": faults,
    })
}

/// `GET /_sim/writes`: the profile writes received so far, per number ([`crate::state::WriteCounts`]).
async fn writes(State(shared): Admin) -> Response {
    axum::Json(shared.read().writes.clone()).into_response()
}

/// `POST /_sim/reset`: the account, bulk orders and faults go back to how the simulator started.
async fn reset(State(shared): Admin) -> Response {
    shared.replace_state(SimState::new(shared.initial_account.clone()));
    *shared.faults() = shared.initial_faults.clone();
    axum::Json(json!({"reset": true})).into_response()
}

/// `POST /_sim/listener/stop`: answers 200, then stops accepting and closes idle keep-alive connections.
/// With a body `{"restart_after_ms": N}` the listener comes back on the same port after N ms.
async fn stop_listener(State(shared): Admin, body: Bytes) -> Response {
    let restart = if body.iter().all(u8::is_ascii_whitespace) {
        None
    } else {
        match serde_json::from_slice::<Value>(&body) {
            Ok(v) => match v.get("restart_after_ms") {
                None | Some(Value::Null) => None,
                Some(ms) => match ms.as_u64() {
                    Some(ms) => Some(ms),
                    None => {
                        return admin_error(
                            StatusCode::BAD_REQUEST,
                            "restart_after_ms must be a whole number",
                        )
                    }
                },
            },
            Err(e) => return admin_error(StatusCode::BAD_REQUEST, &format!("invalid JSON: {e}")),
        }
    };
    shared.stop.send_replace(true);
    if let Some(ms) = restart {
        crate::server::restart_listener_after(shared.clone(), std::time::Duration::from_millis(ms));
    }
    let mut resp =
        axum::Json(json!({"listener": "stopped", "restart_after_ms": restart})).into_response();
    resp.headers_mut().insert(
        axum::http::header::CONNECTION,
        axum::http::HeaderValue::from_static("close"),
    );
    resp
}

/// `GET /_sim/faults`.
async fn get_faults(State(shared): Admin) -> Response {
    axum::Json(shared.faults().clone()).into_response()
}

/// `POST /_sim/faults`: merges the given fields into the active faults (absent fields keep their value).
async fn set_faults(State(shared): Admin, body: Bytes) -> Response {
    let patch: serde_json::Map<String, Value> = match serde_json::from_slice(&body) {
        Ok(Value::Object(m)) => m,
        Ok(_) => return admin_error(StatusCode::BAD_REQUEST, "body must be a JSON object"),
        Err(e) => return admin_error(StatusCode::BAD_REQUEST, &format!("invalid JSON: {e}")),
    };
    let current = shared.faults().clone();
    let mut merged = match serde_json::to_value(&current) {
        Ok(Value::Object(m)) => m,
        _ => {
            return admin_error(
                StatusCode::INTERNAL_SERVER_ERROR,
                "could not encode the current faults",
            )
        }
    };
    merged.extend(patch);
    install(&shared, Value::Object(merged))
}

/// `PUT /_sim/faults`: replaces the active faults (absent fields take their defaults).
async fn replace_faults(State(shared): Admin, body: Bytes) -> Response {
    match serde_json::from_slice::<Value>(&body) {
        Ok(v) => install(&shared, v),
        Err(e) => admin_error(StatusCode::BAD_REQUEST, &format!("invalid JSON: {e}")),
    }
}

/// `DELETE /_sim/faults`: no faults.
async fn clear_faults(State(shared): Admin) -> Response {
    *shared.faults() = Faults::default();
    axum::Json(Faults::default()).into_response()
}

fn install(shared: &Shared, value: Value) -> Response {
    let faults: Faults = match serde_json::from_value(value) {
        Ok(f) => f,
        Err(e) => {
            return admin_error(
                StatusCode::UNPROCESSABLE_ENTITY,
                &format!("invalid faults: {e}"),
            )
        }
    };
    if let Err(e) = faults.validate() {
        return admin_error(StatusCode::UNPROCESSABLE_ENTITY, &e);
    }
    *shared.faults() = faults.clone();
    axum::Json(faults).into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loopback_hosts() {
        for host in [
            "127.0.0.1",
            "127.0.0.1:8080",
            "127.1.2.3:1",
            "localhost",
            "LOCALHOST:80",
            "[::1]",
            "[::1]:9000",
        ] {
            assert!(is_loopback_host(host), "{host}");
        }
        for host in [
            "",
            "evil.example",
            "evil.example:8080",
            "localhost.evil.example",
            "127.0.0.1.nip.io",
            "10.0.0.1:80",
            "[::1]x",
            "[::2]:80",
            "0.0.0.0",
            "127.0.0.1:80:80",
            "127.0.0.1:http",
        ] {
            assert!(!is_loopback_host(host), "{host}");
        }
    }

    #[test]
    fn loopback_origins() {
        assert!(is_loopback_origin("http://127.0.0.1:5173"));
        assert!(is_loopback_origin("http://localhost"));
        assert!(is_loopback_origin("https://[::1]:8443"));
        for origin in [
            "null",
            "https://evil.example",
            "http://127.0.0.1.evil.example",
            "tauri://localhost",
            "http://localhost/path",
            "file://",
        ] {
            assert!(!is_loopback_origin(origin), "{origin}");
        }
    }
}
