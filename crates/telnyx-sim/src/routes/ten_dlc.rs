//! 10DLC: `GET /10dlc/phone_number_campaigns` (`{records,page,totalRecords}`), `GET
//! /10dlc/phone_number_campaigns/{phoneNumber}` and `GET /10dlc/campaign/{campaignId}` (camelCase, no `data`).

use axum::extract::{Path, RawQuery};

use super::{ok, serialized, ApiResult, Sim};
use crate::errors::ApiError;
use crate::query::{phone_param, Params};
use crate::render;

/// `GET /10dlc/phone_number_campaigns`.
pub(crate) async fn list_assignments(sim: Sim, RawQuery(raw): RawQuery) -> ApiResult {
    let q = Params::parse(raw.as_deref());
    let page = q.int("page", 1, None)?;
    let per_page = q.int("recordsPerPage", 20, Some(500))?;
    let sort = q
        .enum_value(
            "sort",
            &[
                "assignmentStatus",
                "-assignmentStatus",
                "createdAt",
                "-createdAt",
                "phoneNumber",
                "-phoneNumber",
            ],
        )?
        .unwrap_or("-createdAt");
    let f_campaign = q.get("filter[telnyx_campaign_id]");
    let f_brand = q.get("filter[telnyx_brand_id]");
    let f_tcr_campaign = q.get("filter[tcr_campaign_id]");
    let f_tcr_brand = q.get("filter[tcr_brand_id]");
    let state = sim.0.read();
    let campaigns = &state.account.campaigns;
    let mut rows: Vec<_> = state
        .account
        .campaign_assignments
        .iter()
        .map(|a| (a, campaigns.iter().find(|c| c.campaign_id == a.campaign_id)))
        .filter(|(a, c)| {
            f_campaign.is_none_or(|f| a.campaign_id == f)
                && f_brand.is_none_or(|f| c.is_some_and(|c| c.brand_id == f))
                && f_tcr_campaign.is_none_or(|f| c.is_some_and(|c| c.tcr_campaign_id == f))
                && f_tcr_brand.is_none_or(|f| c.is_some_and(|c| c.tcr_brand_id == f))
        })
        .collect();
    let (desc, key) = match sort.strip_prefix('-') {
        Some(k) => (true, k),
        None => (false, sort),
    };
    rows.sort_by(|(a, _), (b, _)| {
        let primary = match key {
            "assignmentStatus" => a.assignment_status.cmp(&b.assignment_status),
            "phoneNumber" => a.phone_number.cmp(&b.phone_number),
            _ => a.created_at.cmp(&b.created_at),
        };
        let primary = if desc { primary.reverse() } else { primary };
        primary.then_with(|| a.phone_number.cmp(&b.phone_number))
    });
    let skip = usize::try_from((page - 1).saturating_mul(per_page)).unwrap_or(usize::MAX);
    #[derive(serde::Serialize)]
    #[serde(rename_all = "camelCase")]
    struct Listing<'a> {
        records: Vec<render::CampaignAssignmentRecord<'a>>,
        page: u64,
        total_records: usize,
    }
    let records = rows
        .iter()
        .skip(skip)
        .take(usize::try_from(per_page).unwrap_or(usize::MAX))
        .map(|(a, c)| render::campaign_assignment(a, *c))
        .collect();
    serialized(&Listing {
        records,
        page,
        total_records: rows.len(),
    })
}

/// `GET /10dlc/phone_number_campaigns/{phoneNumber}`; 404 `10005` when the number has no campaign.
pub(crate) async fn retrieve_assignment(sim: Sim, Path(phone): Path<String>) -> ApiResult {
    let state = sim.0.read();
    let phone = phone_param(&phone);
    let idx = state
        .campaign_assignment(&phone)
        .or_else(|| state.campaign_assignment(&format!("+{}", phone.trim_start_matches('+'))))
        .ok_or_else(|| ApiError::not_found("phone number campaign"))?;
    let a = &state.account.campaign_assignments[idx];
    let c = state
        .account
        .campaigns
        .iter()
        .find(|c| c.campaign_id == a.campaign_id);
    serialized(&render::campaign_assignment(a, c))
}

/// `GET /10dlc/campaign/{campaignId}` (Telnyx campaign id, or the TCR id).
pub(crate) async fn retrieve_campaign(sim: Sim, Path(id): Path<String>) -> ApiResult {
    let state = sim.0.read();
    let c = state
        .account
        .campaigns
        .iter()
        .find(|c| c.campaign_id == id || c.tcr_campaign_id == id)
        .ok_or_else(|| ApiError::not_found("campaign"))?;
    ok(render::campaign(c))
}
