//! Retries, rate limits and failures against a mock server: a 429 storm is waited out, a 400 is
//! surfaced intact and not retried, writes are retried only when idempotent, the client slows
//! down when the budget runs low, and network failures are told apart.

mod common;

use std::time::{Duration, Instant};

use common::*;
use serde_json::json;
use telnyx_client::*;
use wiremock::matchers::{method, path};
use wiremock::{Mock, ResponseTemplate};

fn ok_number() -> ResponseTemplate {
    ResponseTemplate::new(200).set_body_json(json!({"data": number_json(1, "+18005550001")}))
}

fn by_id() -> NumberRef {
    NumberRef::Id(PhoneNumberId::new("1"))
}

#[tokio::test]
async fn a_429_storm_with_retry_after_is_waited_out() {
    let s = server().await;
    Mock::given(method("GET"))
        .and(path("/v2/phone_numbers/1/messaging"))
        .respond_with(
            ResponseTemplate::new(429)
                .insert_header("retry-after", "1")
                .set_body_json(
                    json!({"errors": [{"code": "10011", "title": "Too many requests",
                    "detail": "You have exceeded the maximum number of allowed requests."}]}),
                ),
        )
        .up_to_n_times(3)
        .with_priority(1)
        .expect(3)
        .mount(&s)
        .await;
    Mock::given(method("GET"))
        .and(path("/v2/phone_numbers/1/messaging"))
        .respond_with(ok_number())
        .expect(1)
        .mount(&s)
        .await;
    let started = Instant::now();
    let n = client(&s)
        .get_messaging_number(&by_id())
        .await
        .expect("eventually ok");
    assert_eq!(n.id.as_str(), "1");
    let waited = started.elapsed();
    assert!(
        waited >= Duration::from_secs(3),
        "honoured Retry-After: {waited:?}"
    );
    assert!(waited < Duration::from_secs(6), "{waited:?}");
}

#[tokio::test]
async fn a_429_past_the_retry_budget_surfaces_rate_limited() {
    let s = server().await;
    Mock::given(method("GET"))
        .respond_with(
            ResponseTemplate::new(429)
                .insert_header("x-ratelimit-reset", "0")
                .set_body_json(
                    json!({"errors": [{"code": "10011", "title": "Too many requests"}]}),
                ),
        )
        .expect(3)
        .mount(&s)
        .await;
    let c = Client::builder(&base(&s), ApiKey::new(KEY))
        .max_retries(2)
        .retry_backoff(Duration::from_millis(1), Duration::from_millis(5))
        .build()
        .expect("client");
    let err = c
        .get_messaging_number(&by_id())
        .await
        .expect_err("gives up");
    assert!(err.is_rate_limited());
    assert!(err.is_retryable());
    assert_eq!(err.retry_after(), Some(Duration::ZERO));
}

#[tokio::test]
async fn a_400_with_a_telnyx_error_is_not_retried_and_keeps_the_details() {
    let s = server().await;
    Mock::given(method("PATCH"))
        .and(path("/v2/phone_numbers/1/messaging"))
        .respond_with(ResponseTemplate::new(400).set_body_json(telnyx_error(
            "10015",
            "Bad Request",
            "The messaging_profile_id is not a valid UUID.",
        )))
        .expect(1)
        .mount(&s)
        .await;
    let update = UpdateMessagingNumber {
        messaging_profile_id: ProfileChange::Assign(MessagingProfileId::new("nope")),
        ..Default::default()
    };
    let err = client(&s)
        .update_messaging_number(&by_id(), &update)
        .await
        .expect_err("400");
    assert!(!err.is_retryable());
    assert_eq!(err.status(), Some(400));
    assert_eq!(err.first_code(), Some("10015"));
    match &err {
        Error::Api {
            errors,
            endpoint,
            retry_after,
            ..
        } => {
            assert_eq!(endpoint, "PATCH /phone_numbers/{id}/messaging");
            assert_eq!(errors[0].title, "Bad Request");
            assert_eq!(
                errors[0].detail.as_deref(),
                Some("The messaging_profile_id is not a valid UUID.")
            );
            assert_eq!(
                errors[0].source.as_ref().and_then(|s| s.pointer.as_deref()),
                Some("/messaging_profile_id")
            );
            assert!(errors[0].meta.is_some());
            assert!(retry_after.is_none());
        }
        other => panic!("{other:?}"),
    }
    let text = err.to_string();
    assert!(
        text.contains("10015") && text.contains("Bad Request") && text.contains("not a valid UUID")
    );
}

#[tokio::test]
async fn unauthorized_is_recognised() {
    let s = server().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(401).set_body_json(json!({"errors": [{"code": "10009",
            "title": "Authentication failed", "detail": "Could not understand the provided credentials."}]})))
        .expect(1)
        .mount(&s)
        .await;
    let err = client(&s)
        .get_messaging_number(&by_id())
        .await
        .expect_err("401");
    assert!(err.is_unauthorized());
    assert!(!err.is_retryable());
    assert!(!err.to_string().contains(KEY));
}

#[tokio::test]
async fn a_non_json_error_body_still_gives_the_status() {
    let s = server().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(404).set_body_string("<html>nope</html>"))
        .mount(&s)
        .await;
    let err = client(&s)
        .get_messaging_number(&by_id())
        .await
        .expect_err("404");
    assert_eq!(err.status(), Some(404));
    assert!(err.is_not_found());
    assert!(err.api_errors().is_empty());
}

#[tokio::test]
async fn reads_and_idempotent_writes_are_retried_on_5xx() {
    let s = server().await;
    for m in ["GET", "PATCH"] {
        Mock::given(method(m))
            .and(path("/v2/phone_numbers/1/messaging"))
            .respond_with(ResponseTemplate::new(503))
            .up_to_n_times(2)
            .with_priority(1)
            .expect(2)
            .mount(&s)
            .await;
        Mock::given(method(m))
            .and(path("/v2/phone_numbers/1/messaging"))
            .respond_with(ok_number())
            .expect(1)
            .mount(&s)
            .await;
    }
    let c = client(&s);
    c.get_messaging_number(&by_id()).await.expect("GET retried");
    let update = UpdateMessagingNumber {
        messaging_profile_id: ProfileChange::Unassign,
        ..Default::default()
    };
    c.update_messaging_number(&by_id(), &update)
        .await
        .expect("PATCH retried");
}

#[tokio::test]
async fn creating_is_not_retried_on_5xx() {
    let s = server().await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(500))
        .expect(2) // one profile create + one bulk create, each sent once
        .mount(&s)
        .await;
    let c = client(&s);
    let err = c
        .create_messaging_profile(&CreateMessagingProfile {
            name: "n".into(),
            whitelisted_destinations: vec!["US".into()],
            ..Default::default()
        })
        .await
        .expect_err("500");
    assert_eq!(err.status(), Some(500));
    assert!(
        err.is_retryable(),
        "the caller may retry; the client did not"
    );
    let err = c
        .create_bulk_update(&CreateBulkUpdate {
            messaging_profile_id: BulkTarget::Unassign,
            numbers: vec![E164::parse("+18880000000").expect("valid")],
            assign_only: None,
        })
        .await
        .expect_err("500");
    assert_eq!(err.status(), Some(500));
}

#[tokio::test]
async fn a_truncated_success_body_is_retried_for_reads() {
    let s = server().await;
    Mock::given(method("GET"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_raw(r#"{"data": {"id": "1", "phone"#, "application/json"),
        )
        .up_to_n_times(1)
        .with_priority(1)
        .expect(1)
        .mount(&s)
        .await;
    Mock::given(method("GET"))
        .respond_with(ok_number())
        .expect(1)
        .mount(&s)
        .await;
    client(&s)
        .get_messaging_number(&by_id())
        .await
        .expect("second try ok");
}

#[tokio::test]
async fn the_client_slows_down_when_the_budget_runs_low() {
    let s = server().await;
    // Every answer says: 1 request left in this window, which resets in 1 s.
    Mock::given(method("GET"))
        .respond_with(
            ok_number()
                .insert_header("x-ratelimit-limit", "100")
                .insert_header("x-ratelimit-remaining", "1")
                .insert_header("x-ratelimit-reset", "1"),
        )
        .expect(3)
        .mount(&s)
        .await;
    let c = client(&s);
    let started = Instant::now();
    for _ in 0..3 {
        c.get_messaging_number(&by_id()).await.expect("ok");
    }
    // Spacing = 1 s / (1 + 1) = 500 ms between requests: two gaps.
    let took = started.elapsed();
    assert!(took >= Duration::from_millis(950), "paced: {took:?}");
    assert!(took < Duration::from_secs(3), "{took:?}");
}

#[tokio::test]
async fn the_client_runs_at_full_speed_with_a_healthy_budget() {
    let s = server().await;
    Mock::given(method("GET"))
        .respond_with(
            ok_number()
                .insert_header("x-ratelimit-limit", "100")
                .insert_header("x-ratelimit-remaining", "90")
                .insert_header("x-ratelimit-reset", "1"),
        )
        .mount(&s)
        .await;
    let c = client(&s);
    let started = Instant::now();
    for _ in 0..5 {
        c.get_messaging_number(&by_id()).await.expect("ok");
    }
    assert!(started.elapsed() < Duration::from_millis(400));
}

#[tokio::test]
async fn connection_refused_is_a_connect_error() {
    let port = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
        l.local_addr().expect("addr").port()
    };
    let c = Client::builder(&format!("http://127.0.0.1:{port}/v2"), ApiKey::new(KEY))
        .max_retries(1)
        .retry_backoff(Duration::from_millis(1), Duration::from_millis(2))
        .build()
        .expect("client");
    let err = c.get_messaging_number(&by_id()).await.expect_err("refused");
    assert!(err.is_connect(), "{err:?}");
    assert!(err.is_retryable());
    assert!(!format!("{err:?}").contains(KEY));
}

#[tokio::test]
async fn a_slow_server_is_a_timeout() {
    let s = server().await;
    Mock::given(method("GET"))
        .respond_with(ok_number().set_delay(Duration::from_secs(3)))
        .expect(2)
        .mount(&s)
        .await;
    let c = Client::builder(&base(&s), ApiKey::new(KEY))
        .request_timeout(Duration::from_millis(200))
        .max_retries(1)
        .retry_backoff(Duration::from_millis(1), Duration::from_millis(2))
        .build()
        .expect("client");
    let err = c.get_messaging_number(&by_id()).await.expect_err("timeout");
    assert!(
        matches!(
            err,
            Error::Network {
                kind: NetworkKind::Timeout,
                ..
            }
        ),
        "{err:?}"
    );
}

#[tokio::test]
async fn https_to_a_plain_http_server_is_a_tls_error_and_not_retried() {
    let s = server().await;
    let https = base(&s).replacen("http://", "https://", 1);
    let c = Client::builder(&https, ApiKey::new(KEY))
        .retry_backoff(Duration::from_millis(1), Duration::from_millis(2))
        .build()
        .expect("client");
    let err = c.get_messaging_number(&by_id()).await.expect_err("tls");
    assert!(
        matches!(
            err,
            Error::Network {
                kind: NetworkKind::Tls,
                ..
            }
        ),
        "{err:?}"
    );
    assert!(!err.is_retryable());
    assert_eq!(s.received_requests().await.map(|r| r.len()), Some(0));
}
