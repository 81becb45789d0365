//! Numbers with messaging settings: `GET /phone_numbers/messaging`, `GET|PATCH /phone_numbers/{id}/messaging`,
//! the same handlers for the guide's legacy forms (`GET /messaging_phone_numbers`,
//! `GET|PATCH /messaging_phone_numbers/{id}`: `record_type` `messaging_phone_number`, `id` = E.164,
//! `null` or `""` unassigns), and the listing the profile routes share.
//!
//! Each handler takes `LEGACY` ([`V2`] or [`LEGACY`]) for the form it answers.

use std::collections::BTreeSet;

use axum::body::Bytes;
use axum::extract::{Path, RawQuery};
use axum::http::StatusCode;
use serde_json::{json, Value};

use super::{data_page, is_uuid, json_object, ok, opt_string, ApiResult, Sim};
use crate::account::NumberKind;
use crate::errors::ApiError;
use crate::query::{Page, Params};
use crate::render;
use crate::server::Shared;
use crate::state::State;

/// The `/phone_numbers/{id}/messaging` form of a handler.
pub(crate) const V2: bool = false;
/// The guide's legacy `/messaging_phone_numbers/{id}` form of a handler.
pub(crate) const LEGACY: bool = true;

/// Which profile a listing is restricted to.
#[derive(Debug, Clone)]
pub(crate) enum ProfileFilter {
    Id(String),
    Unassigned,
}

/// Filters of a number listing.
#[derive(Debug, Default, Clone)]
pub(crate) struct NumberFilter {
    pub profile: Option<ProfileFilter>,
    pub phones: Option<Vec<String>>,
    pub contains: Option<String>,
    pub kind: Option<NumberKind>,
    pub desc: bool,
}

/// Selects one page of numbers (positions in the account) and the total count, using the indexes.
pub(crate) fn select(state: &State, f: &NumberFilter, page: &Page) -> (Vec<usize>, usize) {
    let numbers = &state.account.numbers;
    let empty = BTreeSet::new();
    let contains = f.contains.as_deref();
    let kind = f.kind;
    let profile_ok = |i: usize| match &f.profile {
        None => true,
        Some(ProfileFilter::Id(p)) => {
            numbers[i].messaging_profile_id.as_deref() == Some(p.as_str())
        }
        Some(ProfileFilter::Unassigned) => numbers[i].messaging_profile_id.is_none(),
    };
    let rest_ok = |i: usize| {
        kind.is_none_or(|k| numbers[i].kind == k)
            && contains.is_none_or(|c| numbers[i].phone_number.contains(c))
    };
    if let Some(phones) = &f.phones {
        let set: BTreeSet<usize> = phones.iter().filter_map(|p| state.find_number(p)).collect();
        let all: Vec<usize> = set
            .into_iter()
            .filter(|&i| profile_ok(i) && rest_ok(i))
            .collect();
        return page_of_vec(all, f.desc, page);
    }
    let by_profile: Option<&BTreeSet<usize>> = match &f.profile {
        None => None,
        Some(ProfileFilter::Id(p)) => Some(state.profile_numbers(p).unwrap_or(&empty)),
        Some(ProfileFilter::Unassigned) => Some(state.unassigned_numbers()),
    };
    match (by_profile, kind, contains) {
        (Some(set), None, None) => (page_of(set.iter().copied(), f.desc, page), set.len()),
        (Some(set), _, _) => page_filtered(set.iter().copied(), rest_ok, f.desc, page),
        (None, Some(k), None) => {
            let v = state.kind_numbers(k);
            (page_of(v.iter().copied(), f.desc, page), v.len())
        }
        (None, None, None) => (page_of(0..numbers.len(), f.desc, page), numbers.len()),
        (None, Some(k), Some(_)) => {
            page_filtered(state.kind_numbers(k).iter().copied(), rest_ok, f.desc, page)
        }
        (None, None, Some(_)) => page_filtered(0..numbers.len(), rest_ok, f.desc, page),
    }
}

fn page_of(it: impl DoubleEndedIterator<Item = usize>, desc: bool, page: &Page) -> Vec<usize> {
    if desc {
        it.rev().skip(page.offset()).take(page.size()).collect()
    } else {
        it.skip(page.offset()).take(page.size()).collect()
    }
}

fn page_of_vec(all: Vec<usize>, desc: bool, page: &Page) -> (Vec<usize>, usize) {
    let total = all.len();
    (page_of(all.into_iter(), desc, page), total)
}

/// One pass over the candidates: counts every match, keeps only the requested page.
fn page_filtered(
    it: impl DoubleEndedIterator<Item = usize>,
    keep: impl Fn(usize) -> bool,
    desc: bool,
    page: &Page,
) -> (Vec<usize>, usize) {
    let (start, end) = (page.offset(), page.offset().saturating_add(page.size()));
    let mut total = 0;
    let mut out = Vec::with_capacity(page.size().min(250));
    let mut visit = |i: usize| {
        if keep(i) {
            if (start..end).contains(&total) {
                out.push(i);
            }
            total += 1;
        }
    };
    if desc {
        it.rev().for_each(&mut visit);
    } else {
        it.for_each(&mut visit);
    }
    (out, total)
}

/// Renders a page of number settings with its meta, serialized straight from the account.
pub(crate) fn listing(state: &State, f: &NumberFilter, page: &Page, legacy: bool) -> ApiResult {
    let (items, total) = select(state, f, page);
    let org = &state.account.organization_id;
    let data = items
        .iter()
        .map(|&i| render::settings(&state.account.numbers[i], org, legacy))
        .collect();
    data_page(data, page.meta(total))
}

/// `GET /phone_numbers/messaging`; legacy: `GET /messaging_phone_numbers`.
pub(crate) async fn list<const LEGACY: bool>(sim: Sim, RawQuery(raw): RawQuery) -> ApiResult {
    let q = Params::parse(raw.as_deref());
    let page = q.page(250)?;
    let f = number_filter(&q, LEGACY)?;
    let state = sim.0.read();
    listing(&state, &f, &page, LEGACY)
}

/// The filters of a listing. The legacy form knows only `filter[messaging_profile_id]` (any
/// string; `null` = unassigned) and `filter[phone_number]` (comma list), and ignores the rest.
fn number_filter(q: &Params, legacy: bool) -> Result<NumberFilter, ApiError> {
    let mut f = NumberFilter::default();
    if let Some(p) = q.get("filter[messaging_profile_id]") {
        if legacy && p == "null" {
            f.profile = Some(ProfileFilter::Unassigned);
        } else if legacy || is_uuid(p) {
            f.profile = Some(ProfileFilter::Id(p.to_string()));
        } else {
            return Err(ApiError::bad_parameter(
                "filter[messaging_profile_id]",
                format!("'{p}' is not a valid messaging profile ID (UUID)."),
            ));
        }
    }
    if q.get("filter[phone_number]").is_some() {
        f.phones = Some(q.list("filter[phone_number]"));
    }
    if legacy {
        return Ok(f);
    }
    f.contains = q
        .get("filter[phone_number][contains]")
        .map(|s| s.trim().to_string());
    f.kind = q
        .enum_value("filter[type]", &["tollfree", "longcode", "shortcode"])?
        .and_then(NumberKind::parse);
    f.desc = q.enum_value("sort[phone_number]", &["asc", "desc"])? == Some("desc");
    Ok(f)
}

/// `GET /phone_numbers/{id}/messaging` (`id` = numeric id or E.164, `+` or `%2B`); legacy:
/// `GET /messaging_phone_numbers/{id}`.
pub(crate) async fn retrieve<const LEGACY: bool>(sim: Sim, Path(id): Path<String>) -> ApiResult {
    let state = sim.0.read();
    let idx = state
        .find_number(&id)
        .ok_or_else(|| ApiError::not_found("phone number"))?;
    ok(
        json!({"data": render::number_settings(&state.account.numbers[idx], &state.account.organization_id, LEGACY)}),
    )
}

/// `PATCH /phone_numbers/{id}/messaging`; legacy: `PATCH /messaging_phone_numbers/{id}`.
pub(crate) async fn update<const LEGACY: bool>(
    sim: Sim,
    Path(id): Path<String>,
    body: Bytes,
) -> ApiResult {
    patch_number(&sim.0, &id, &body, LEGACY)
}

/// The PATCH semantics: `messaging_profile_id` `""` unassigns, `null`/absent keeps (legacy: `null` also
/// unassigns), a UUID must name a profile of this account; `messaging_product` must be eligible; `tags` replace.
fn patch_number(shared: &Shared, key: &str, body: &[u8], legacy: bool) -> ApiResult {
    let mut state = shared.write();
    let idx = state
        .find_number(key)
        .ok_or_else(|| ApiError::not_found("phone number"))?;
    {
        let mut faults = shared.faults();
        let n = &state.account.numbers[idx];
        let hit = faults.fail_next_patch.as_ref().is_some_and(|f| {
            f.phone_number
                .as_deref()
                .is_none_or(|p| p == n.phone_number || p == n.id)
        });
        if hit {
            if let Some(forced) = faults.fail_next_patch.take() {
                return Err(forced.to_api_error());
            }
        }
    }
    let body = json_object(body)?;
    let new_profile: Option<Option<String>> = match body.get("messaging_profile_id") {
        None => None,
        Some(Value::Null) => legacy.then_some(None),
        Some(Value::String(s)) if s.is_empty() => Some(None),
        Some(Value::String(s)) => {
            if !is_uuid(s) {
                return Err(ApiError::new(
                    StatusCode::UNPROCESSABLE_ENTITY,
                    "10006",
                    "Invalid ID",
                    format!("'{s}' is not a valid messaging profile ID."),
                )
                .pointer("/messaging_profile_id"));
            }
            if state.profile(s).is_none() {
                return Err(ApiError::invalid_field(
                    "/messaging_profile_id",
                    format!("The messaging profile {s} was not found on this account."),
                ));
            }
            Some(Some(s.clone()))
        }
        Some(_) => {
            return Err(ApiError::invalid_field(
                "/messaging_profile_id",
                "messaging_profile_id must be a string.",
            ))
        }
    };
    let product = opt_string(&body, "messaging_product")?;
    if let Some(p) = &product {
        if !state.account.numbers[idx]
            .eligible_messaging_products
            .contains(p)
        {
            return Err(ApiError::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                "40324",
                "Messaging product type change failed",
                format!("{p} is not an eligible messaging product for this number."),
            )
            .pointer("/messaging_product"));
        }
    }
    let tags: Option<Vec<String>> = match body.get("tags") {
        None | Some(Value::Null) => None,
        Some(Value::Array(items)) => Some(
            items
                .iter()
                .map(|t| t.as_str().map(str::to_string))
                .collect::<Option<Vec<_>>>()
                .ok_or_else(|| {
                    ApiError::invalid_field("/tags", "tags must be an array of strings.")
                })?,
        ),
        Some(_) => {
            return Err(ApiError::invalid_field(
                "/tags",
                "tags must be an array of strings.",
            ))
        }
    };
    let stamp = crate::now_stamp();
    if let Some(profile) = new_profile {
        state.writes.patches += 1;
        let phone = state.account.numbers[idx].phone_number.clone();
        *state.writes.numbers.entry(phone).or_default() += 1;
        state.apply_write(idx, profile, &stamp);
    }
    if let Some(tags) = tags {
        state.set_tags(idx, tags);
    }
    let n = &mut state.account.numbers[idx];
    if let Some(p) = product {
        n.messaging_product = p.clone();
        n.traffic_type = p;
    }
    n.updated_at = stamp;
    ok(
        json!({"data": render::number_settings(&state.account.numbers[idx], &state.account.organization_id, legacy)}),
    )
}
