//! The webhook test delivery against loopback HTTP servers that answer 200, 500, slowly, and not
//! at all; the request is Telnyx's `message.received` shape, marked as a test, without secrets.

use std::time::Duration;

use desk_core::rules::diagnosis::WebhookOutcome;
use desk_core::services::webhook_test::{test_webhook, test_webhook_with_timeout, TEST_HEADER};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;
use tokio::sync::oneshot;

/// A one-request HTTP server on loopback: reads the request, waits `delay`, answers `status`.
/// Returns its URL and the request it received.
async fn server(status: u16, delay: Duration) -> (String, oneshot::Receiver<String>) {
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let url = format!(
        "http://{}/telnyx/inbound",
        listener.local_addr().expect("addr")
    );
    let (tx, rx) = oneshot::channel();
    tokio::spawn(async move {
        let Ok((mut socket, _)) = listener.accept().await else {
            return;
        };
        let mut buf = Vec::new();
        let mut chunk = [0u8; 4096];
        // Headers, then the body by Content-Length.
        loop {
            let Ok(n) = socket.read(&mut chunk).await else {
                return;
            };
            if n == 0 {
                break;
            }
            buf.extend_from_slice(&chunk[..n]);
            let text = String::from_utf8_lossy(&buf).to_string();
            if let Some(end) = text.find("\r\n\r\n") {
                let length = text[..end]
                    .lines()
                    .find_map(|l| {
                        let (k, v) = l.split_once(':')?;
                        k.eq_ignore_ascii_case("content-length")
                            .then(|| v.trim().parse::<usize>().ok())?
                    })
                    .unwrap_or(0);
                if buf.len() >= end + 4 + length {
                    break;
                }
            }
        }
        let _ = tx.send(String::from_utf8_lossy(&buf).to_string());
        tokio::time::sleep(delay).await;
        let reason = if status == 200 {
            "OK"
        } else {
            "Internal Server Error"
        };
        let answer =
            format!("HTTP/1.1 {status} {reason}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        let _ = socket.write_all(answer.as_bytes()).await;
        let _ = socket.shutdown().await;
    });
    (url, rx)
}

#[tokio::test]
async fn a_server_answering_200_receives_a_sample_message_received_marked_as_a_test() {
    let (url, request) = server(200, Duration::ZERO).await;
    let r = test_webhook(&url).await;
    assert_eq!(r.outcome, WebhookOutcome::Delivered, "{r:?}");
    assert_eq!(r.status, Some(200));
    assert!(r.elapsed_ms.is_some_and(|ms| ms < 5_000));
    assert!(r.sentence.starts_with("Delivered"), "{}", r.sentence);
    let request = request.await.expect("request received");
    assert!(
        request.starts_with("POST /telnyx/inbound HTTP/1.1"),
        "{request}"
    );
    let lower = request.to_ascii_lowercase();
    assert!(lower.contains(&format!("{}: true", TEST_HEADER.to_ascii_lowercase())));
    assert!(lower.contains("content-type: application/json"));
    // No account secret: no key, no profile secret, no (forged) signature.
    for secret in [
        "authorization",
        "bearer",
        "x-profile-secret",
        "telnyx-signature",
        "KEY",
    ] {
        assert!(!request.contains(secret), "{secret} in {request}");
    }
    let body = &request[request.find("\r\n\r\n").expect("body") + 4..];
    let v: serde_json::Value = serde_json::from_str(body).expect("JSON body");
    assert_eq!(v["data"]["event_type"], "message.received");
    assert_eq!(v["data"]["record_type"], "event");
    assert_eq!(v["data"]["payload"]["record_type"], "message");
    assert_eq!(v["data"]["payload"]["direction"], "inbound");
    assert!(v["data"]["payload"]["to"][0]["phone_number"].is_string());
    assert_eq!(v["meta"]["test"], true);
}

#[tokio::test]
async fn a_server_answering_500_is_an_http_error_in_words() {
    let (url, _request) = server(500, Duration::ZERO).await;
    let r = test_webhook(&url).await;
    assert_eq!(r.outcome, WebhookOutcome::HttpError);
    assert_eq!(r.status, Some(500));
    assert!(r.sentence.contains("answered 500"), "{}", r.sentence);
    assert!(r.sentence.contains("logs"), "{}", r.sentence);
}

#[tokio::test]
async fn a_slow_server_times_out() {
    let (url, _request) = server(200, Duration::from_secs(5)).await;
    let r = test_webhook_with_timeout(&url, Duration::from_millis(300)).await;
    assert_eq!(r.outcome, WebhookOutcome::Timeout, "{r:?}");
    assert!(
        r.elapsed_ms.is_some_and(|ms| (250..3_000).contains(&ms)),
        "{r:?}"
    );
    assert!(r.sentence.contains("No answer within"), "{}", r.sentence);
}

#[tokio::test]
async fn a_closed_port_is_connection_refused() {
    // Bind, learn the port, close it: nothing listens there any more.
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let port = listener.local_addr().expect("addr").port();
    drop(listener);
    let r = test_webhook(&format!("http://127.0.0.1:{port}/x")).await;
    assert_eq!(r.outcome, WebhookOutcome::ConnectionRefused, "{r:?}");
    assert!(r.sentence.contains("connection refused"), "{}", r.sentence);
}

#[tokio::test]
async fn plain_http_off_this_computer_is_never_sent() {
    let r = test_webhook("http://hooks.example.com/telnyx").await;
    assert_eq!(r.outcome, WebhookOutcome::NotSent);
    assert_eq!(r.status, None);
}
