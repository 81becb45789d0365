//! Toll-free verification: `GET /messaging_tollfree/verification/requests` (`page` and `page_size`
//! required, not bracketed; envelope `{records,total_records}`).

use axum::extract::RawQuery;
use serde_json::{json, Value};

use super::{ok, ApiResult, Sim};
use crate::errors::ApiError;
use crate::query::{phone_param, Params};
use crate::render;

/// Largest page the endpoint returns; larger `page_size` values are clamped, as the spec says.
const MAX_PAGE_SIZE: u64 = 100;
const STATUSES: [&str; 6] = [
    "Verified",
    "Rejected",
    "Waiting For Vendor",
    "Waiting For Customer",
    "Waiting For Telnyx",
    "In Progress",
];

/// `GET /messaging_tollfree/verification/requests`.
pub(crate) async fn list(sim: Sim, RawQuery(raw): RawQuery) -> ApiResult {
    let q = Params::parse(raw.as_deref());
    for required in ["page", "page_size"] {
        if q.get(required).is_none() {
            return Err(ApiError::bad_parameter(
                required,
                format!("{required} is required."),
            ));
        }
    }
    let page = q.int("page", 1, None)?;
    let page_size = q.int("page_size", 20, None)?.min(MAX_PAGE_SIZE);
    let status = q.enum_value("status", &STATUSES)?;
    let phone = q.get("phone_number").map(phone_param);
    let business = q.get("business_name").map(str::to_lowercase);
    let state = sim.0.read();
    let matching: Vec<_> = state
        .account
        .verifications
        .iter()
        .filter(|v| status.is_none_or(|s| v.verification_status == s))
        .filter(|v| {
            phone.as_deref().is_none_or(|p| {
                let digits = p.trim_start_matches('+');
                v.phone_numbers
                    .iter()
                    .any(|n| n.trim_start_matches('+') == digits)
            })
        })
        .filter(|v| {
            business
                .as_deref()
                .is_none_or(|b| v.business_name.to_lowercase().contains(b))
        })
        .collect();
    let skip = usize::try_from((page - 1).saturating_mul(page_size)).unwrap_or(usize::MAX);
    let records: Vec<Value> = matching
        .iter()
        .skip(skip)
        .take(usize::try_from(page_size).unwrap_or(usize::MAX))
        .map(|v| render::verification(v))
        .collect();
    ok(json!({"records": records, "total_records": matching.len()}))
}
