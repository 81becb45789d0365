//! Requests over the simulator's limits are answered as Telnyx answers errors — the
//! `{"errors": [...]}` envelope — never with plain text or an empty body: an oversized body (413),
//! an overlong URL (414), oversized headers (431), a path that is not UTF-8 (400); and a bulk order
//! over the per-order limit or listing a number twice is refused before anything changes (422).

mod common;

use common::Ctx;
use reqwest::Method;
use serde_json::{json, Value};
use telnyx_sim::SimConfig;

async fn send(ctx: &Ctx, req: reqwest::RequestBuilder) -> (u16, Value) {
    let resp = req
        .bearer_auth(ctx.sim.api_key())
        .send()
        .await
        .expect("request");
    let status = resp.status().as_u16();
    let ct = resp
        .headers()
        .get("content-type")
        .map(|v| v.to_str().unwrap().to_string())
        .unwrap_or_default();
    let text = resp.text().await.unwrap();
    assert!(
        ct.starts_with("application/json"),
        "{status}: content-type {ct:?}, body {text:?}"
    );
    (
        status,
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("{status}: not JSON ({e}): {text}")),
    )
}

fn assert_envelope(body: &Value, code: &str) {
    let err = &body["errors"][0];
    assert_eq!(err["code"], code, "{body}");
    assert!(
        err["title"].is_string() && err["detail"].is_string(),
        "{body}"
    );
}

#[tokio::test]
async fn oversized_and_undecodable_requests_get_the_envelope() {
    let ctx = Ctx::demo().await;
    let id = "00000000-0000-0000-0000-000000000000";

    let big = format!(
        r#"{{"messaging_profile_id": "{}"}}"#,
        "x".repeat(3 * 1024 * 1024)
    );
    let (status, body) = send(
        &ctx,
        ctx.http
            .patch(ctx.url(&format!("/phone_numbers/{id}/messaging")))
            .header("content-type", "application/json")
            .body(big),
    )
    .await;
    assert_eq!(status, 413);
    assert_envelope(&body, "10015");

    let long = format!(
        "/phone_numbers/messaging?filter[phone_number][contains]={}",
        "1".repeat(20_000)
    );
    let (status, body) = send(&ctx, ctx.http.get(ctx.url(&long))).await;
    assert_eq!(status, 414);
    assert_envelope(&body, "10015");

    let (status, body) = send(
        &ctx,
        ctx.http
            .get(ctx.url("/messaging_profiles"))
            .header("x-padding", "p".repeat(20_000)),
    )
    .await;
    assert_eq!(status, 431);
    assert_envelope(&body, "10015");

    // %FF is not UTF-8: the id cannot be read.
    let (status, body) = send(
        &ctx,
        ctx.http.get(ctx.url("/phone_numbers/%FF%FE/messaging")),
    )
    .await;
    assert_eq!(status, 400, "{body}");
    assert_envelope(&body, "10015");

    // The limits apply before anything changed, and the simulator still answers.
    assert_eq!(
        ctx.call(Method::GET, "/messaging_profiles", None)
            .await
            .status,
        200
    );
}

#[tokio::test]
async fn a_bulk_order_is_limited_in_size_and_lists_each_number_once() {
    let mut config = SimConfig::demo();
    config.bulk_max_numbers = 3;
    let ctx = Ctx::with(config).await;
    let numbers: Vec<String> = ctx
        .call(Method::GET, "/phone_numbers/messaging?page[size]=5", None)
        .await
        .body["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["phone_number"].as_str().unwrap().to_string())
        .collect();
    let profile = ctx
        .call(Method::GET, "/messaging_profiles", None)
        .await
        .body["data"][0]["id"]
        .as_str()
        .unwrap()
        .to_string();
    let state = |mut v: Value| {
        v.as_object_mut().unwrap().remove("requests_served");
        v
    };
    let before = state(ctx.admin(Method::GET, "/state", None).await);

    let too_many = ctx
        .call(
            Method::POST,
            "/messaging_numbers_bulk_updates",
            Some(json!({"messaging_profile_id": profile, "numbers": &numbers[..4]})),
        )
        .await;
    assert_eq!(too_many.status, 422, "{}", too_many.body);
    assert_eq!(too_many.error()["code"], "10015");
    assert_eq!(too_many.error()["source"]["pointer"], "/numbers");
    assert!(too_many.error()["detail"]
        .as_str()
        .unwrap()
        .contains("at most 3"));

    let twice = ctx
        .call(
            Method::POST,
            "/messaging_numbers_bulk_updates",
            Some(json!({"messaging_profile_id": profile, "numbers": [&numbers[0], &numbers[1], &numbers[0]]})),
        )
        .await;
    assert_eq!(twice.status, 422, "{}", twice.body);
    assert_eq!(twice.error()["source"]["pointer"], "/numbers/2");

    assert_eq!(
        state(ctx.admin(Method::GET, "/state", None).await),
        before,
        "a refused order changed nothing"
    );

    let fine = ctx
        .call(
            Method::POST,
            "/messaging_numbers_bulk_updates",
            Some(json!({"messaging_profile_id": profile, "numbers": &numbers[..3]})),
        )
        .await;
    assert_eq!(fine.status, 200, "{}", fine.body);
}
