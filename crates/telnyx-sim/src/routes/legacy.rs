//! The guide's legacy forms: `GET /messaging_phone_numbers`, `GET|PATCH /messaging_phone_numbers/{id}`
//! (`record_type` `messaging_phone_number`, `id` = E.164; `null` or `""` unassigns).

use axum::body::Bytes;
use axum::extract::{Path, RawQuery};
use serde_json::json;

use super::numbers::{listing, patch_number, NumberFilter, ProfileFilter};
use super::{ok, ApiResult, Sim};
use crate::errors::ApiError;
use crate::query::Params;
use crate::render;

/// `GET /messaging_phone_numbers` with `filter[messaging_profile_id]` (`null` = unassigned) and
/// `filter[phone_number]` (comma list).
pub(crate) async fn list(sim: Sim, RawQuery(raw): RawQuery) -> ApiResult {
    let q = Params::parse(raw.as_deref());
    let page = q.page(250)?;
    let mut f = NumberFilter::default();
    if let Some(p) = q.get("filter[messaging_profile_id]") {
        f.profile = Some(if p == "null" {
            ProfileFilter::Unassigned
        } else {
            ProfileFilter::Id(p.to_string())
        });
    }
    if q.get("filter[phone_number]").is_some() {
        f.phones = Some(q.list("filter[phone_number]"));
    }
    let state = sim.0.read();
    listing(&state, &f, &page, true)
}

/// `GET /messaging_phone_numbers/{id}`.
pub(crate) async fn retrieve(sim: Sim, Path(id): Path<String>) -> ApiResult {
    let state = sim.0.read();
    let idx = state
        .find_number(&id)
        .ok_or_else(|| ApiError::not_found("phone number"))?;
    ok(
        json!({"data": render::number_settings(&state.account.numbers[idx], &state.account.organization_id, true)}),
    )
}

/// `PATCH /messaging_phone_numbers/{id}`.
pub(crate) async fn update(sim: Sim, Path(id): Path<String>, body: Bytes) -> ApiResult {
    patch_number(&sim.0, &id, &body, true)
}
