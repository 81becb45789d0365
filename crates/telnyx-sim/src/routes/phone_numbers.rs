//! The number inventory: `GET /phone_numbers` and `GET /phone_numbers/{id}` (`PhoneNumberDetailed`, with
//! the live `messaging_profile_id` and `messaging_profile_name`).

use axum::extract::{Path, RawQuery};
use serde_json::json;

use super::{data_page, ok, ApiResult, Sim};
use crate::errors::ApiError;
use crate::query::Params;
use crate::render;

const STATUSES: [&str; 9] = [
    "purchase-pending",
    "purchase-failed",
    "port-pending",
    "active",
    "deleted",
    "port-failed",
    "emergency-only",
    "ported-out",
    "port-out-pending",
];

/// `GET /phone_numbers` with `filter[phone_number]`, `filter[status]`, `filter[tag]`,
/// `filter[country_iso_alpha2]`, `filter[number_type][eq]`, `filter[connection_id]`, `filter[without_tags]`,
/// `sort`, and page parameters.
pub(crate) async fn list(sim: Sim, RawQuery(raw): RawQuery) -> ApiResult {
    let q = Params::parse(raw.as_deref());
    let page = q.page(250)?;
    let status = q.enum_value("filter[status]", &STATUSES)?;
    let number_type = q.enum_value(
        "filter[number_type][eq]",
        &["local", "national", "toll_free", "mobile", "shared_cost"],
    )?;
    let sort = q.enum_value(
        "sort",
        &[
            "purchased_at",
            "phone_number",
            "connection_name",
            "usage_payment_method",
        ],
    )?;
    let without_tags = q.get("filter[without_tags]") == Some("true");
    let countries = q.list("filter[country_iso_alpha2]");
    let connection = q.get("filter[connection_id]");
    let tag = q.get("filter[tag]");
    // "Requires at least three digits"; digits are matched as a substring of the number.
    let digits: Option<String> = match q.get("filter[phone_number]") {
        None => None,
        Some(raw) => {
            let d: String = raw.trim().trim_start_matches('+').to_string();
            if d.len() < 3 || !d.chars().all(|c| c.is_ascii_digit()) {
                Some(String::from("\u{0}"))
            } else {
                Some(d)
            }
        }
    };
    let state = sim.0.read();
    let numbers = &state.account.numbers;
    let candidates: Box<dyn Iterator<Item = &crate::account::Number>> = match tag {
        Some(t) => Box::new(state.tag_numbers(t).iter().map(|&i| &numbers[i])),
        None => Box::new(numbers.iter()),
    };
    // Numbers only in the inventory come after the others (and carry their own tags).
    let inventory_only = state
        .account
        .inventory_only
        .iter()
        .filter(|n| tag.is_none_or(|t| n.tags.iter().any(|x| x == t)));
    let mut matching: Vec<&crate::account::Number> = candidates
        .chain(inventory_only)
        .filter(|n| {
            status.is_none_or(|s| n.status == s)
                && number_type.is_none_or(|t| n.inventory_type() == t)
                && (countries.is_empty()
                    || countries
                        .iter()
                        .any(|c| c.eq_ignore_ascii_case(&n.country_code)))
                && connection.is_none_or(|c| n.connection_id.as_deref() == Some(c))
                && (!without_tags || n.tags.is_empty())
                && digits.as_deref().is_none_or(|d| n.phone_number.contains(d))
        })
        .collect();
    match sort {
        Some("purchased_at") => matching.sort_by(|a, b| a.purchased_at.cmp(&b.purchased_at)),
        Some("connection_name") => {
            matching.sort_by(|a, b| a.connection_name.cmp(&b.connection_name))
        }
        Some("phone_number") => matching.sort_by(|a, b| a.phone_number.cmp(&b.phone_number)),
        _ => {}
    }
    let data: Vec<render::PhoneNumberRecord<'_>> = matching
        .iter()
        .skip(page.offset())
        .take(page.size())
        .map(|n| render::phone_number(&state, n))
        .collect();
    data_page(data, page.meta(matching.len()))
}

/// `GET /phone_numbers/{id}` (numeric id, or E.164 with `+` or `%2B`).
pub(crate) async fn retrieve(sim: Sim, Path(id): Path<String>) -> ApiResult {
    let state = sim.0.read();
    let number = match state.find_number(&id) {
        Some(idx) => &state.account.numbers[idx],
        None => state
            .inventory_only(&id)
            .ok_or_else(|| ApiError::not_found("phone number"))?,
    };
    ok(json!({"data": render::phone_number(&state, number)}))
}
