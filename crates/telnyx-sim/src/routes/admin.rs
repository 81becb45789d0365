//! Loopback-only admin endpoints under `/_sim` (no auth): state summary, reset, faults (including a
//! forced error on the next PATCH), and stopping the listener to simulate "Telnyx unreachable".

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
        Some(addr) if addr.ip().is_loopback() => next.run(req).await,
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
        "listener": if shared.stopped() { "stopped" } else { "running" },
        "faults": faults,
    })
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
