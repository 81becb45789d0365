//! The admin API (`/_sim/...`) cannot be driven by a web page: a cross-origin `text/plain` POST, a
//! foreign `Origin` and a foreign `Host` (DNS rebinding) are refused over real loopback HTTP, and
//! the faults they tried to set are not set.

mod common;

use common::Ctx;
use reqwest::Method;

/// A raw admin request with the given headers (reqwest sends `Host` from the URL unless told).
async fn raw(
    ctx: &Ctx,
    method: Method,
    path: &str,
    headers: &[(&str, &str)],
    body: &str,
) -> (u16, String) {
    let mut req = ctx
        .http
        .request(method, format!("{}{}", ctx.sim.admin_url(), path))
        .body(body.to_string());
    for (name, value) in headers {
        req = req.header(*name, *value);
    }
    let resp = req.send().await.expect("admin request");
    (
        resp.status().as_u16(),
        resp.text().await.unwrap_or_default(),
    )
}

async fn p_5xx(ctx: &Ctx) -> f64 {
    ctx.admin(Method::GET, "/faults", None).await["p_5xx"]
        .as_f64()
        .unwrap()
}

#[tokio::test]
async fn a_web_page_cannot_change_the_simulator() {
    let ctx = Ctx::demo().await;
    let fault = r#"{"p_5xx": 1}"#;

    // What a form or `fetch(..., {mode: "no-cors"})` can send without a preflight.
    for ct in [
        "text/plain",
        "text/plain;charset=UTF-8",
        "application/x-www-form-urlencoded",
    ] {
        let (status, body) = raw(
            &ctx,
            Method::POST,
            "/faults",
            &[("content-type", ct)],
            fault,
        )
        .await;
        assert_eq!(status, 415, "{ct}: {body}");
        assert!(body.contains("application/json"), "{body}");
    }
    let (status, _) = raw(&ctx, Method::POST, "/faults", &[], fault).await;
    assert_eq!(status, 415, "no content type");
    let (status, _) = raw(
        &ctx,
        Method::POST,
        "/reset",
        &[("content-type", "text/plain")],
        "",
    )
    .await;
    assert_eq!(status, 415);
    let (status, _) = raw(
        &ctx,
        Method::POST,
        "/listener/stop",
        &[("content-type", "text/plain")],
        "",
    )
    .await;
    assert_eq!(status, 415);

    // JSON from a page of another origin (if a browser ever let one through).
    let json = ("content-type", "application/json");
    for origin in [
        "https://evil.example",
        "null",
        "http://127.0.0.1.evil.example",
    ] {
        let (status, body) = raw(
            &ctx,
            Method::POST,
            "/faults",
            &[json, ("origin", origin)],
            fault,
        )
        .await;
        assert_eq!(status, 403, "{origin}: {body}");
    }

    // DNS rebinding: the page's own name in Host, even on a loopback connection.
    for host in [
        "evil.example",
        "evil.example:8080",
        "localhost.evil.example",
    ] {
        let (status, body) = raw(
            &ctx,
            Method::POST,
            "/faults",
            &[json, ("host", host)],
            fault,
        )
        .await;
        assert_eq!(status, 403, "{host}: {body}");
        let (status, _) = raw(&ctx, Method::GET, "/state", &[("host", host)], "").await;
        assert_eq!(status, 403, "reading state with Host {host}");
    }

    assert_eq!(
        p_5xx(&ctx).await,
        0.0,
        "a refused request changed the faults"
    );
    let served = ctx.sim.requests_served();
    assert_eq!(
        ctx.call(Method::GET, "/messaging_profiles", None)
            .await
            .status,
        200
    );
    assert!(ctx.sim.requests_served() > served);

    // Tools on this machine (curl, the tests, a page of the app's own dev server) still can.
    let (status, body) = raw(
        &ctx,
        Method::POST,
        "/faults",
        &[json, ("origin", "http://localhost:5173")],
        r#"{"p_5xx": 0.5}"#,
    )
    .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(p_5xx(&ctx).await, 0.5);
    let (status, _) = raw(
        &ctx,
        Method::PUT,
        "/faults",
        &[("content-type", "application/json; charset=utf-8")],
        "{}",
    )
    .await;
    assert_eq!(status, 200);
    assert_eq!(p_5xx(&ctx).await, 0.0);
    ctx.admin(Method::POST, "/reset", None).await;
}
