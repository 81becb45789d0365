//! Message detail records: `GET /detail_records?filter[record_type]=messaging&filter[cli]=…`
//! (`page[size]` at most 50, newest first).

use axum::extract::RawQuery;
use serde_json::{json, Value};

use super::{ok, ApiResult, Sim};
use crate::errors::ApiError;
use crate::query::{phone_param, Params};
use crate::render;

/// `GET /detail_records`.
pub(crate) async fn list(sim: Sim, RawQuery(raw): RawQuery) -> ApiResult {
    let q = Params::parse(raw.as_deref());
    let page = q.page(50)?;
    let record_type = q.get("filter[record_type]").ok_or_else(|| {
        ApiError::bad_parameter("filter[record_type]", "filter[record_type] is required.")
    })?;
    let sort = q.enum_value("sort", &["-created_at", "created_at"])?;
    let cli = q.get("filter[cli]").map(phone_param);
    let cld = q.get("filter[cld]").map(phone_param);
    let direction = q.get("filter[direction]");
    let status = q.get("filter[status]");
    let state = sim.0.read();
    let records = &state.account.message_records;
    let mut matching: Vec<usize> = if record_type != "messaging" {
        Vec::new()
    } else if let Some(cli) = &cli {
        state.records_from(cli).to_vec()
    } else {
        let mut all: Vec<usize> = (0..records.len()).collect();
        all.sort_by(|&a, &b| records[b].created_at.cmp(&records[a].created_at));
        all
    };
    matching.retain(|&i| {
        let r = &records[i];
        cld.as_deref().is_none_or(|c| r.cld == c)
            && direction.is_none_or(|d| r.direction == d)
            && status.is_none_or(|s| r.status == s)
    });
    if sort == Some("created_at") {
        matching.reverse();
    }
    let data: Vec<Value> = matching
        .iter()
        .skip(page.offset())
        .take(page.size())
        .map(|&i| render::message_record(&records[i]))
        .collect();
    ok(json!({"data": data, "meta": page.meta(matching.len())}))
}
