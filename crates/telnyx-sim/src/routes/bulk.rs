//! Bulk assign / unassign: `POST /messaging_numbers_bulk_updates`, `GET …/{order_id}` (and the
//! `/messaging_numbers/bulk_updates` alias). Orders are asynchronous: numbers start `pending` and settle
//! to `success` or `failed` over the configured settle time.

use std::time::Instant;

use axum::body::Bytes;
use axum::extract::Path;
use serde_json::{json, Value};

use super::{is_uuid, json_object, ok, ApiResult, Sim};
use crate::errors::ApiError;
use crate::render;
use crate::state::{due_times, BulkItem, BulkOrder, BulkOutcome};

/// `POST /messaging_numbers_bulk_updates`.
pub(crate) async fn create(sim: Sim, body: Bytes) -> ApiResult {
    {
        let mut faults = sim.0.faults();
        if faults.fail_next_bulk_orders > 0 {
            faults.fail_next_bulk_orders -= 1;
            return Err(ApiError::unexpected());
        }
    }
    let body = json_object(&body)?;
    let profile = match body.get("messaging_profile_id") {
        Some(Value::String(s)) => s.clone(),
        None | Some(Value::Null) => {
            return Err(ApiError::invalid_field(
                "/messaging_profile_id",
                "messaging_profile_id is required.",
            ))
        }
        Some(_) => {
            return Err(ApiError::invalid_field(
                "/messaging_profile_id",
                "messaging_profile_id must be a string.",
            ))
        }
    };
    let numbers: Vec<String> = match body.get("numbers") {
        Some(Value::Array(items)) if !items.is_empty() => items
            .iter()
            .map(|v| v.as_str().map(|s| s.trim().to_string()))
            .collect::<Option<Vec<_>>>()
            .ok_or_else(|| {
                ApiError::invalid_field("/numbers", "numbers must be an array of +E.164 strings.")
            })?,
        Some(Value::Array(_)) => {
            return Err(ApiError::invalid_field(
                "/numbers",
                "numbers must not be empty.",
            ))
        }
        None | Some(Value::Null) => {
            return Err(ApiError::invalid_field("/numbers", "numbers is required."))
        }
        Some(_) => {
            return Err(ApiError::invalid_field(
                "/numbers",
                "numbers must be an array of +E.164 strings.",
            ))
        }
    };
    // The simulator's choices where Telnyx documents nothing: an order lists at most
    // `bulk_max_numbers` numbers, and each number once.
    let max = sim.0.bulk_max_numbers;
    if numbers.len() > max {
        return Err(ApiError::invalid_field(
            "/numbers",
            format!(
                "An order may list at most {max} numbers; this one lists {}. Send them in smaller orders.",
                numbers.len()
            ),
        ));
    }
    let mut seen = std::collections::HashSet::with_capacity(numbers.len());
    if let Some(i) = numbers.iter().position(|n| !seen.insert(n.as_str())) {
        return Err(ApiError::invalid_field(
            &format!("/numbers/{i}"),
            format!("{} is listed more than once in this order.", numbers[i]),
        ));
    }
    if let Some(assign_only) = body.get("assign_only") {
        if !assign_only.is_boolean() && !assign_only.is_null() {
            return Err(ApiError::invalid_field(
                "/assign_only",
                "assign_only must be a boolean.",
            ));
        }
    }
    let fail_list = sim.0.faults().fail_bulk_numbers.clone();
    let mut state = sim.0.write();
    let profile_id = if profile.is_empty() {
        None
    } else {
        if !is_uuid(&profile) || state.profile(&profile).is_none() {
            return Err(ApiError::invalid_field(
                "/messaging_profile_id",
                format!("The messaging profile {profile} was not found on this account."),
            ));
        }
        Some(profile)
    };
    state.writes.bulk_orders += 1;
    for phone in &numbers {
        *state.writes.numbers.entry(phone.clone()).or_default() += 1;
    }
    let due = due_times(Instant::now(), sim.0.bulk_settle, numbers.len());
    let items = numbers
        .into_iter()
        .zip(due)
        .map(|(phone, due)| {
            // Only exact +E.164 numbers on this account that can message are updated; the rest fail.
            let target = state
                .by_phone(&phone)
                .filter(|&i| state.account.numbers[i].features.sms.is_some())
                .filter(|_| !fail_list.contains(&phone));
            BulkItem {
                phone_number: phone,
                due,
                target,
                outcome: BulkOutcome::Pending,
            }
        })
        .collect();
    let order = BulkOrder {
        order_id: uuid::Uuid::new_v4().to_string(),
        profile_id,
        items,
    };
    let out = render::bulk_order(&order);
    state.add_order(order);
    ok(json!({ "data": out }))
}

/// `GET /messaging_numbers_bulk_updates/{order_id}`.
pub(crate) async fn retrieve(sim: Sim, Path(order_id): Path<String>) -> ApiResult {
    let state = sim.0.read();
    let order = state
        .orders
        .get(&order_id)
        .ok_or_else(|| ApiError::not_found("bulk update order"))?;
    ok(json!({"data": render::bulk_order(order)}))
}
