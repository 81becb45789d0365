//! Fault injection and admin endpoints over loopback HTTP: 429 with rate headers and Retry-After, the
//! request-rate limit, 5xx, dropped connections, malformed bodies, latency, a forced PATCH error,
//! stopping the listener, reset, the loopback-only bind, and the write counters of `/_sim/writes`.

mod common;

use std::time::{Duration, Instant};

use common::Ctx;
use reqwest::Method;
use serde_json::{json, Value};
use telnyx_sim::{Faults, SimConfig, SimError, Simulator};

#[tokio::test]
async fn forced_429_has_code_rate_headers_and_retry_after() {
    let ctx = Ctx::demo().await;
    ctx.admin(Method::POST, "/faults", Some(json!({"p_429": 1.0})))
        .await;
    let r = ctx.get("/phone_numbers/messaging").await;
    assert_eq!(r.status, 429);
    assert_eq!(r.error()["code"], "10011");
    assert_eq!(r.error()["title"], "Too many requests");
    for h in [
        "x-ratelimit-limit",
        "x-ratelimit-remaining",
        "x-ratelimit-reset",
        "retry-after",
    ] {
        assert!(r.headers.contains_key(h), "{h} missing");
    }
    assert_eq!(r.headers["retry-after"], "1");
    ctx.admin(Method::DELETE, "/faults", None).await;
    assert_eq!(ctx.get("/phone_numbers/messaging").await.status, 200);
}

#[tokio::test]
async fn rate_limit_answers_429_after_the_budget_and_recovers() {
    let mut config = SimConfig::demo();
    config.faults.rate_limit_per_sec = Some(5);
    let ctx = Ctx::with(config).await;
    let mut statuses = Vec::new();
    let mut remaining = Vec::new();
    for _ in 0..8 {
        let r = ctx.get("/messaging_profiles").await;
        statuses.push(r.status);
        remaining.push(
            r.headers["x-ratelimit-remaining"]
                .to_str()
                .unwrap()
                .parse::<u32>()
                .unwrap(),
        );
        assert_eq!(r.headers["x-ratelimit-limit"], "5");
    }
    let ok = statuses.iter().filter(|&&s| s == 200).count();
    assert!(
        (5..=6).contains(&ok),
        "5 per second (a window may roll over): {statuses:?}"
    );
    assert!(statuses.contains(&429), "{statuses:?}");
    assert_eq!(remaining[..4], [4, 3, 2, 1]);
    tokio::time::sleep(Duration::from_millis(1100)).await;
    assert_eq!(
        ctx.get("/messaging_profiles").await.status,
        200,
        "a new window"
    );
}

#[tokio::test]
async fn forced_5xx_drop_and_malformed() {
    let ctx = Ctx::demo().await;
    ctx.sim.set_faults(Faults {
        p_5xx: 1.0,
        ..Faults::default()
    });
    let r = ctx.get("/messaging_profiles").await;
    assert_eq!((r.status, r.error()["code"].clone()), (500, json!("10007")));

    ctx.sim.set_faults(Faults {
        p_drop: 1.0,
        ..Faults::default()
    });
    let err = ctx
        .http
        .get(ctx.url("/messaging_profiles"))
        .bearer_auth(ctx.sim.api_key())
        .send()
        .await;
    assert!(
        err.is_err(),
        "dropped connection must fail the request: {err:?}"
    );

    ctx.sim.set_faults(Faults {
        p_malformed: 1.0,
        ..Faults::default()
    });
    let resp = ctx
        .http
        .get(ctx.url("/messaging_profiles"))
        .bearer_auth(ctx.sim.api_key())
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status().as_u16(), 200);
    let text = resp.text().await.unwrap();
    assert!(
        serde_json::from_str::<Value>(&text).is_err(),
        "body must be malformed: {text}"
    );

    ctx.sim.set_faults(Faults {
        p_timeout: 1.0,
        timeout_hang_ms: 200,
        ..Faults::default()
    });
    let started = Instant::now();
    let err = ctx
        .http
        .get(ctx.url("/messaging_profiles"))
        .bearer_auth(ctx.sim.api_key())
        .send()
        .await;
    assert!(err.is_err() && started.elapsed() >= Duration::from_millis(200));

    // Admin endpoints are never faulted.
    let state = ctx.admin(Method::GET, "/state", None).await;
    assert_eq!(state["faults"]["p_timeout"], 1.0);
}

#[tokio::test]
async fn a_write_can_be_carried_out_and_left_unanswered() {
    let ctx = Ctx::demo().await;
    let numbers = ctx.get("/phone_numbers/messaging?page[size]=250").await;
    let number = numbers.body["data"]
        .as_array()
        .unwrap()
        .iter()
        .find(|n| n["messaging_profile_id"].is_null())
        .expect("an unassigned number")["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let profile = ctx.profile_id("Support Line").await;
    ctx.admin(
        Method::POST,
        "/faults",
        Some(json!({"p_drop_after_write": 1.0})),
    )
    .await;
    // Reads are answered as usual.
    assert_eq!(
        ctx.get(&format!("/phone_numbers/{number}/messaging"))
            .await
            .status,
        200
    );
    let sent = ctx
        .http
        .patch(ctx.url(&format!("/phone_numbers/{number}/messaging")))
        .bearer_auth(ctx.sim.api_key())
        .json(&json!({"messaging_profile_id": profile}))
        .send()
        .await;
    assert!(sent.is_err(), "the write's answer must be lost: {sent:?}");
    ctx.admin(Method::DELETE, "/faults", None).await;
    let after = ctx.get(&format!("/phone_numbers/{number}/messaging")).await;
    assert_eq!(after.body["data"]["messaging_profile_id"], json!(profile));
}

#[tokio::test]
async fn latency_and_jitter_delay_responses() {
    let ctx = Ctx::demo().await;
    ctx.admin(
        Method::POST,
        "/faults",
        Some(json!({"latency_ms": 150, "jitter_ms": 50})),
    )
    .await;
    let started = Instant::now();
    assert_eq!(ctx.get("/messaging_profiles").await.status, 200);
    let took = started.elapsed();
    assert!(
        took >= Duration::from_millis(150) && took < Duration::from_millis(1000),
        "{took:?}"
    );
    let faults = ctx.admin(Method::GET, "/faults", None).await;
    assert_eq!(
        (faults["latency_ms"].clone(), faults["jitter_ms"].clone()),
        (json!(150), json!(50))
    );
}

#[tokio::test]
async fn fail_next_patch_forces_one_error() {
    let ctx = Ctx::demo().await;
    let marketing = ctx.profile_id("Marketing – Spring").await;
    ctx.admin(
        Method::POST,
        "/faults",
        Some(json!({"fail_next_patch": {"code": "10015", "status": 422, "detail": "Number is locked by another product."}})),
    )
    .await;
    let r = ctx
        .patch(
            "/phone_numbers/+12125550100/messaging",
            json!({"messaging_profile_id": marketing}),
        )
        .await;
    assert_eq!(r.status, 422);
    assert_eq!(r.error()["code"], "10015");
    assert_eq!(r.error()["detail"], "Number is locked by another product.");
    assert_eq!(r.error()["source"]["pointer"], "/messaging_profile_id");
    let r = ctx
        .patch(
            "/phone_numbers/+12125550100/messaging",
            json!({"messaging_profile_id": marketing}),
        )
        .await;
    assert_eq!(r.status, 200, "only the next PATCH fails");
    // Targeted at one number: other numbers pass, that one fails.
    ctx.admin(Method::POST, "/faults", Some(json!({"fail_next_patch": {"code": "40323", "status": 400, "phone_number": "+12125550103"}}))).await;
    assert_eq!(
        ctx.patch("/phone_numbers/+12125550100/messaging", json!({}))
            .await
            .status,
        200
    );
    let r = ctx
        .patch("/phone_numbers/+12125550103/messaging", json!({}))
        .await;
    assert_eq!(
        (r.status, r.error()["title"].clone()),
        (400, json!("Messaging activation failed"))
    );
    // Bad admin input is refused.
    let resp = ctx
        .http
        .post(format!("{}/faults", ctx.sim.admin_url()))
        .json(&json!({"p_5xx": 2}))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status().as_u16(), 422);
    let resp = ctx
        .http
        .post(format!("{}/faults", ctx.sim.admin_url()))
        .json(&json!({"p_bogus": 1}))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status().as_u16(), 422);
}

/// `GET /_sim/writes` counts accepted bulk orders, PATCHes that set a profile, per number, and
/// the redundant ones (a number set to the profile it is already on); refused writes and dropped
/// requests are not writes.
#[tokio::test]
async fn writes_are_counted_per_number_with_redundant_ones() {
    let mut config = SimConfig::demo();
    config.bulk_settle = Duration::from_millis(50);
    let ctx = Ctx::with(config).await;
    let marketing = ctx.profile_id("Marketing – Spring").await;
    let others: Vec<String> = ctx
        .sim
        .account()
        .numbers
        .iter()
        .filter(|n| {
            n.phone_number.starts_with("+1")
                && n.messaging_profile_id.as_deref() != Some(&marketing)
        })
        .take(2)
        .map(|n| n.phone_number.clone())
        .collect();
    let (a, b) = (&others[0], &others[1]);
    let r = ctx
        .post(
            "/messaging_numbers_bulk_updates",
            json!({"messaging_profile_id": marketing, "numbers": [a, b]}),
        )
        .await;
    assert_eq!(r.status, 200);
    tokio::time::sleep(Duration::from_millis(120)).await;
    // The same profile again: applied, but redundant.
    let r = ctx
        .patch(
            &format!("/phone_numbers/{a}/messaging"),
            json!({"messaging_profile_id": marketing}),
        )
        .await;
    assert_eq!(r.status, 200);
    // Refused: not a write.
    let r = ctx
        .patch(
            &format!("/phone_numbers/{b}/messaging"),
            json!({"messaging_profile_id": "00000000-0000-4000-8000-000000000000"}),
        )
        .await;
    assert_eq!(r.status, 422);
    // Tags only: not a profile write.
    ctx.patch(
        &format!("/phone_numbers/{b}/messaging"),
        json!({"tags": ["x"]}),
    )
    .await;
    let w = ctx.admin(Method::GET, "/writes", None).await;
    assert_eq!(
        w,
        json!({"bulk_orders": 1, "patches": 1, "redundant": 1, "numbers": {a.as_str(): 2, b.as_str(): 1}})
    );
    assert_eq!(ctx.sim.writes().redundant, 1);
    let state = ctx.admin(Method::GET, "/state", None).await;
    assert_eq!(
        state["writes"],
        json!({"bulk_orders": 1, "patches": 1, "redundant": 1})
    );
}

#[tokio::test]
async fn fail_bulk_numbers_fail_in_bulk_orders() {
    let mut config = SimConfig::demo();
    config.bulk_settle = Duration::from_millis(50);
    let ctx = Ctx::with(config).await;
    let marketing = ctx.profile_id("Marketing – Spring").await;
    ctx.admin(
        Method::POST,
        "/faults",
        Some(json!({"fail_bulk_numbers": ["+12125550103"]})),
    )
    .await;
    let r = ctx
        .post(
            "/messaging_numbers_bulk_updates",
            json!({"messaging_profile_id": marketing, "numbers": ["+12125550103", "+12125550100"]}),
        )
        .await;
    let order = r.body["data"]["order_id"].as_str().unwrap().to_string();
    tokio::time::sleep(Duration::from_millis(120)).await;
    let r = ctx
        .get(&format!("/messaging_numbers_bulk_updates/{order}"))
        .await;
    assert_eq!(r.body["data"]["failed"], json!(["+12125550103"]));
    assert_eq!(r.body["data"]["success"], json!(["+12125550100"]));
}

#[tokio::test]
async fn fail_next_bulk_orders_answers_500_and_changes_nothing_that_many_times() {
    let ctx = Ctx::demo().await;
    let marketing = ctx.profile_id("Marketing – Spring").await;
    ctx.admin(
        Method::POST,
        "/faults",
        Some(json!({"fail_next_bulk_orders": 2})),
    )
    .await;
    let order = json!({"messaging_profile_id": marketing, "numbers": ["+12125550100"]});
    for left in [1, 0] {
        let r = ctx
            .post("/messaging_numbers_bulk_updates", order.clone())
            .await;
        assert_eq!(r.status, 500);
        assert_eq!(r.body["errors"][0]["code"], "10007");
        let faults = ctx.admin(Method::GET, "/faults", None).await;
        assert_eq!(faults["fail_next_bulk_orders"], left);
    }
    assert_eq!(ctx.sim.writes().bulk_orders, 0, "nothing was done");
    let r = ctx.post("/messaging_numbers_bulk_updates", order).await;
    assert_eq!(r.status, 200, "{:?}", r.body);
    assert_eq!(ctx.sim.writes().bulk_orders, 1);
}

#[tokio::test]
async fn listener_stop_answers_then_refuses_new_and_kept_alive_connections() {
    let ctx = Ctx::demo().await;
    // Warm a keep-alive connection.
    assert_eq!(ctx.get("/messaging_profiles").await.status, 200);
    let resp = ctx
        .http
        .post(format!("{}/listener/stop", ctx.sim.admin_url()))
        .header("content-type", "application/json")
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status().as_u16(), 200);
    tokio::time::sleep(Duration::from_millis(100)).await;
    let err = ctx
        .http
        .get(ctx.url("/messaging_profiles"))
        .bearer_auth(ctx.sim.api_key())
        .send()
        .await;
    assert!(err.is_err(), "the pooled client must fail: {err:?}");
    let fresh = reqwest::Client::new()
        .get(ctx.url("/messaging_profiles"))
        .send()
        .await;
    assert!(
        fresh.as_ref().is_err_and(|e| e.is_connect()),
        "a new connection must be refused: {fresh:?}"
    );
}

#[tokio::test]
async fn listener_can_come_back_after_an_outage() {
    let ctx = Ctx::demo().await;
    let resp = ctx
        .http
        .post(format!("{}/listener/stop", ctx.sim.admin_url()))
        .json(&json!({"restart_after_ms": 300}))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status().as_u16(), 200);
    tokio::time::sleep(Duration::from_millis(50)).await;
    let down = reqwest::Client::new()
        .get(ctx.url("/messaging_profiles"))
        .send()
        .await;
    assert!(down.is_err(), "unreachable during the outage");
    tokio::time::sleep(Duration::from_millis(600)).await;
    let up = reqwest::Client::new()
        .get(ctx.url("/messaging_profiles"))
        .bearer_auth(ctx.sim.api_key())
        .send()
        .await
        .unwrap();
    assert_eq!(
        up.status().as_u16(),
        200,
        "reachable again on the same port"
    );
    assert_eq!(
        ctx.admin(Method::GET, "/state", None).await["listener"],
        "running"
    );
}

#[tokio::test]
async fn reset_restores_the_starting_account_and_faults() {
    let ctx = Ctx::demo().await;
    let marketing = ctx.profile_id("Marketing – Spring").await;
    ctx.patch(
        "/phone_numbers/+12125550104/messaging",
        json!({"messaging_profile_id": marketing}),
    )
    .await;
    ctx.admin(Method::POST, "/faults", Some(json!({"latency_ms": 5})))
        .await;
    let state = ctx.admin(Method::GET, "/state", None).await;
    assert_eq!(state["listener"], "running");
    let unassigned_before = state["unassigned"].as_u64().unwrap();
    ctx.admin(Method::POST, "/reset", None).await;
    let state = ctx.admin(Method::GET, "/state", None).await;
    assert_eq!(state["unassigned"].as_u64().unwrap(), unassigned_before + 1);
    assert_eq!(state["faults"]["latency_ms"], 0);
    assert!(
        ctx.get("/phone_numbers/+12125550104/messaging").await.body["data"]["messaging_profile_id"]
            .is_null()
    );
}

#[tokio::test]
async fn non_loopback_bind_is_refused() {
    let mut config = SimConfig::demo();
    config.bind = "0.0.0.0:0".parse().unwrap();
    let err = Simulator::start(config).await.unwrap_err();
    assert!(matches!(err, SimError::NonLoopbackBind(_)));
    assert!(err.to_string().contains("loopback"), "{err}");
    let mut config = SimConfig::demo();
    config.bind = "[::1]:0".parse().unwrap();
    // ::1 may be unavailable in some containers; when it binds, it must serve.
    if let Ok(sim) = Simulator::start(config).await {
        assert!(sim.base_url().starts_with("http://[::1]:"));
        sim.shutdown().await;
    }
}

#[tokio::test]
async fn scenario_files_load_and_unknown_fields_name_field_and_line() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios/example.json");
    let text = std::fs::read_to_string(&path).expect("scenarios/example.json");
    let account = telnyx_sim::Account::from_scenario_json(&text).expect("example scenario parses");
    let ctx = Ctx::with(SimConfig::with_account(account.clone())).await;
    let r = ctx.get("/phone_numbers/messaging").await;
    assert_eq!(
        r.body["meta"]["total_results"].as_u64().unwrap() as usize,
        account.numbers.len()
    );
    let bad = text.replacen("\"name\"", "\"nmae\"", 1);
    let line = bad.lines().position(|l| l.contains("\"nmae\"")).unwrap() + 1;
    let err = telnyx_sim::Account::from_scenario_json(&bad)
        .unwrap_err()
        .to_string();
    assert!(err.contains("unknown field `nmae`"), "{err}");
    assert!(err.contains(&format!("line {line}")), "{err}");
}

#[tokio::test]
async fn a_refused_list_answers_every_get_with_the_error_until_cleared() {
    let ctx = Ctx::demo().await;
    ctx.admin(
        Method::POST,
        "/faults",
        Some(json!({"refuse_lists": [{"path": "/10dlc/phone_number_campaigns", "detail": "This account has no 10DLC access."}]})),
    )
    .await;
    let r = ctx
        .get("/10dlc/phone_number_campaigns?page=1&recordsPerPage=20")
        .await;
    assert_eq!(r.status, 403);
    assert_eq!(r.error()["code"], "10010");
    assert_eq!(r.error()["title"], "Authorization failed");
    assert_eq!(r.error()["detail"], "This account has no 10DLC access.");
    // Other listings, and other paths under the same prefix, are untouched.
    assert_eq!(ctx.get("/phone_numbers/messaging").await.status, 200);
    assert_eq!(
        ctx.get("/10dlc/phone_number_campaigns/%2B12125550100")
            .await
            .status,
        200
    );
    ctx.admin(Method::DELETE, "/faults", None).await;
    assert_eq!(
        ctx.get("/10dlc/phone_number_campaigns?page=1&recordsPerPage=20")
            .await
            .status,
        200
    );
}
