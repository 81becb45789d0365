//! Messaging profiles: list, create, retrieve, update, delete, and a profile's numbers.

use axum::body::Bytes;
use axum::extract::{Path, RawQuery};
use serde_json::{json, Map, Value};

use super::numbers::{listing, NumberFilter, ProfileFilter};
use super::{json_object, ok, ApiResult, Sim};
use crate::account::{NumberPoolSettings, Profile, UrlShortenerSettings};
use crate::errors::ApiError;
use crate::query::Params;
use crate::render;

/// `GET /messaging_profiles` with `filter[name]`, `filter[name][eq]`, `filter[name][contains]`.
pub(crate) async fn list(sim: Sim, RawQuery(raw): RawQuery) -> ApiResult {
    let q = Params::parse(raw.as_deref());
    let page = q.page(250)?;
    let eq = q.get("filter[name][eq]").or_else(|| q.get("filter[name]"));
    let contains = q.get("filter[name][contains]").map(str::to_lowercase);
    let state = sim.0.read();
    let org = &state.account.organization_id;
    let matching: Vec<&Profile> = state
        .account
        .profiles
        .iter()
        .filter(|p| eq.is_none_or(|e| p.name == e))
        .filter(|p| {
            contains
                .as_deref()
                .is_none_or(|c| p.name.to_lowercase().contains(c))
        })
        .collect();
    let data: Vec<Value> = matching
        .iter()
        .skip(page.offset())
        .take(page.size())
        .map(|p| render::profile(p, org))
        .collect();
    ok(json!({"data": data, "meta": page.meta(matching.len())}))
}

/// `GET /messaging_profiles/{id}`.
pub(crate) async fn retrieve(sim: Sim, Path(id): Path<String>) -> ApiResult {
    let state = sim.0.read();
    let p = state
        .profile(&id)
        .ok_or_else(|| ApiError::not_found("messaging profile"))?;
    ok(json!({"data": render::profile(p, &state.account.organization_id)}))
}

/// `POST /messaging_profiles` (`name` and `whitelisted_destinations` required; answers 200).
pub(crate) async fn create(sim: Sim, body: Bytes) -> ApiResult {
    let body = json_object(&body)?;
    for required in ["name", "whitelisted_destinations"] {
        if body.get(required).is_none_or(Value::is_null) {
            return Err(ApiError::invalid_field(
                &format!("/{required}"),
                format!("{required} is required."),
            ));
        }
    }
    let stamp = crate::now_stamp();
    let mut profile = Profile::new(uuid::Uuid::new_v4().to_string(), "");
    profile.v1_secret = uuid::Uuid::new_v4().simple().to_string()[..24].to_string();
    profile.created_at = stamp.clone();
    profile.updated_at = stamp;
    apply(&mut profile, &body)?;
    let mut state = sim.0.write();
    let out = render::profile(&profile, &state.account.organization_id);
    state.add_profile(profile);
    ok(json!({ "data": out }))
}

/// `PATCH /messaging_profiles/{id}`.
pub(crate) async fn update(sim: Sim, Path(id): Path<String>, body: Bytes) -> ApiResult {
    let body = json_object(&body)?;
    let mut state = sim.0.write();
    let org = state.account.organization_id.clone();
    let profile = state
        .account
        .profiles
        .iter_mut()
        .find(|p| p.id == id)
        .ok_or_else(|| ApiError::not_found("messaging profile"))?;
    let mut updated = profile.clone();
    apply(&mut updated, &body)?;
    updated.updated_at = crate::now_stamp();
    *profile = updated;
    ok(json!({"data": render::profile(profile, &org)}))
}

/// `DELETE /messaging_profiles/{id}`: answers the deleted profile; its numbers become unassigned.
pub(crate) async fn delete(sim: Sim, Path(id): Path<String>) -> ApiResult {
    let mut state = sim.0.write();
    let p = state
        .delete_profile(&id, &crate::now_stamp())
        .ok_or_else(|| ApiError::not_found("messaging profile"))?;
    ok(json!({"data": render::profile(&p, &state.account.organization_id)}))
}

/// `GET /messaging_profiles/{id}/phone_numbers` (page parameters only).
pub(crate) async fn numbers(
    sim: Sim,
    Path(id): Path<String>,
    RawQuery(raw): RawQuery,
) -> ApiResult {
    let q = Params::parse(raw.as_deref());
    let page = q.page(250)?;
    let state = sim.0.read();
    if state.profile(&id).is_none() {
        return Err(ApiError::not_found("messaging profile"));
    }
    let f = NumberFilter {
        profile: Some(ProfileFilter::Id(id)),
        ..NumberFilter::default()
    };
    listing(&state, &f, &page, false)
}

/// Applies the writable fields of a create/update body, validating each against the spec.
fn apply(p: &mut Profile, body: &Map<String, Value>) -> Result<(), ApiError> {
    for (key, value) in body {
        let bad = |what: &str| {
            ApiError::invalid_field(&format!("/{key}"), format!("{key} must be {what}."))
        };
        match key.as_str() {
            "name" => {
                let name = value
                    .as_str()
                    .filter(|s| !s.trim().is_empty())
                    .ok_or_else(|| bad("a non-empty string"))?;
                p.name = name.to_string();
            }
            "enabled" => p.enabled = value.as_bool().ok_or_else(|| bad("a boolean"))?,
            "webhook_url" | "webhook_failover_url" => {
                let v = match value {
                    Value::Null => None,
                    Value::String(s)
                        if s.is_empty()
                            || s.starts_with("http://")
                            || s.starts_with("https://") =>
                    {
                        Some(s.clone())
                    }
                    _ => return Err(bad("an http(s) URL, \"\" or null")),
                };
                if key == "webhook_url" {
                    p.webhook_url = v;
                } else {
                    p.webhook_failover_url = v;
                }
            }
            "webhook_api_version" => {
                let v = value
                    .as_str()
                    .filter(|s| ["1", "2", "2010-04-01"].contains(s));
                p.webhook_api_version = v
                    .ok_or_else(|| bad("one of \"1\", \"2\", \"2010-04-01\""))?
                    .to_string();
            }
            "whitelisted_destinations" => {
                let items = value
                    .as_array()
                    .ok_or_else(|| bad("an array of ISO alpha-2 codes"))?;
                let mut out = Vec::new();
                for item in items {
                    let s = item.as_str().unwrap_or("");
                    let valid =
                        s == "*" || (s.len() == 2 && s.chars().all(|c| c.is_ascii_uppercase()));
                    if !valid {
                        return Err(bad("an array of ISO alpha-2 codes (or [\"*\"])"));
                    }
                    out.push(s.to_string());
                }
                p.whitelisted_destinations = out;
            }
            "number_pool_settings" => {
                p.number_pool_settings = if value.is_null() {
                    None
                } else {
                    Some(
                        serde_json::from_value::<NumberPoolSettings>(value.clone()).map_err(
                            |e| ApiError::invalid_field("/number_pool_settings", e.to_string()),
                        )?,
                    )
                }
            }
            "url_shortener_settings" => {
                p.url_shortener_settings = if value.is_null() {
                    None
                } else {
                    Some(
                        serde_json::from_value::<UrlShortenerSettings>(value.clone()).map_err(
                            |e| ApiError::invalid_field("/url_shortener_settings", e.to_string()),
                        )?,
                    )
                }
            }
            "alpha_sender" => {
                p.alpha_sender = match value {
                    Value::Null => None,
                    Value::String(s)
                        if (1..=11).contains(&s.len())
                            && s.chars().all(|c| c.is_ascii_alphanumeric() || c == ' ') =>
                    {
                        Some(s.clone())
                    }
                    _ => return Err(bad("1–11 letters, digits or spaces")),
                }
            }
            "daily_spend_limit" => {
                let s = value.as_str().ok_or_else(|| bad("a decimal string"))?;
                let valid = s.split_once('.').map_or(
                    !s.is_empty() && s.chars().all(|c| c.is_ascii_digit()),
                    |(a, b)| {
                        !a.is_empty()
                            && !b.is_empty()
                            && a.chars().chain(b.chars()).all(|c| c.is_ascii_digit())
                    },
                );
                if !valid {
                    return Err(bad("a decimal string such as \"100.00\""));
                }
                p.daily_spend_limit = s.to_string();
            }
            "daily_spend_limit_enabled" => {
                p.daily_spend_limit_enabled = value.as_bool().ok_or_else(|| bad("a boolean"))?
            }
            "mms_fall_back_to_sms" => {
                p.mms_fall_back_to_sms = value.as_bool().ok_or_else(|| bad("a boolean"))?
            }
            "mms_transcoding" => {
                p.mms_transcoding = value.as_bool().ok_or_else(|| bad("a boolean"))?
            }
            "mobile_only" => p.mobile_only = value.as_bool().ok_or_else(|| bad("a boolean"))?,
            "smart_encoding" => {
                p.smart_encoding = value.as_bool().ok_or_else(|| bad("a boolean"))?
            }
            "redaction_enabled" => {
                p.redaction_enabled = value.as_bool().ok_or_else(|| bad("a boolean"))?
            }
            "redaction_level" => {
                p.redaction_level = value.as_i64().ok_or_else(|| bad("an integer"))?
            }
            // Accepted and ignored: read-only or not modelled.
            _ => {}
        }
    }
    if p.whitelisted_destinations.is_empty() {
        return Err(ApiError::invalid_field(
            "/whitelisted_destinations",
            "whitelisted_destinations must name at least one destination.",
        ));
    }
    Ok(())
}
