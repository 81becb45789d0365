//! A test delivery to a messaging profile's webhook URL: one POST of a sample inbound-message
//! webhook in Telnyx's documented shape (`message.received`, API v2 webhooks), marked as a test,
//! and what happened in words: the status and time, or the DNS, connection, TLS or timeout failure.
//!
//! Only `https://` URLs are sent to, plus `http://` on this computer (loopback) for tests. The
//! request carries no account secret: no API key, no profile secret, no Telnyx signature (which
//! only Telnyx can make; a server that checks signatures answers this test 401 or 403, which still
//! proves it is reachable).

use std::net::IpAddr;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use serde_json::json;

use crate::rules::diagnosis::{WebhookOutcome, WebhookTestResult};

/// How long a test delivery may take. Telnyx expects an answer within a few seconds.
pub const WEBHOOK_TIMEOUT: Duration = Duration::from_secs(10);

/// The header that marks the request as Number Desk's test.
pub const TEST_HEADER: &str = "X-Number-Desk-Test";

/// One test delivery to `url`, with [`WEBHOOK_TIMEOUT`].
pub async fn test_webhook(url: &str) -> WebhookTestResult {
    test_webhook_with_timeout(url, WEBHOOK_TIMEOUT).await
}

/// Whether Number Desk sends a test to `url`: `https://`, or `http://` to a loopback host. `Err`
/// says why not.
pub fn sendable(url: &str) -> Result<url::Url, String> {
    let parsed = url::Url::parse(url.trim())
        .map_err(|_| format!("“{}” is not a web address.", url.trim()))?;
    let loopback = match parsed.host() {
        Some(url::Host::Domain(d)) => d.eq_ignore_ascii_case("localhost"),
        Some(url::Host::Ipv4(ip)) => IpAddr::V4(ip).is_loopback(),
        Some(url::Host::Ipv6(ip)) => IpAddr::V6(ip).is_loopback(),
        None => false,
    };
    match parsed.scheme() {
        "https" => Ok(parsed),
        "http" if loopback => Ok(parsed),
        _ => Err(format!(
            "Number Desk sends test deliveries only to https:// addresses, and {} is not one.",
            url.trim()
        )),
    }
}

/// The sample webhook: `message.received` with an inbound SMS to a fictitious number, its text and
/// tags saying it is a test.
pub fn sample_payload(now: &str, event_id: &str) -> serde_json::Value {
    json!({
        "data": {
            "event_type": "message.received",
            "id": event_id,
            "occurred_at": now,
            "record_type": "event",
            "payload": {
                "id": event_id,
                "record_type": "message",
                "direction": "inbound",
                "type": "SMS",
                "from": {"phone_number": "+15555550100", "carrier": "Number Desk test", "line_type": "Wireless"},
                "to": [{"phone_number": "+15555550199", "status": "webhook_delivered", "carrier": "Telnyx", "line_type": "Wireless"}],
                "text": "This is a test from Number Desk: if you can read this, your webhook receives incoming texts.",
                "media": [],
                "encoding": "GSM-7",
                "parts": 1,
                "tags": ["number-desk-test"],
                "errors": [],
                "received_at": now,
                "cost": null,
                "webhook_url": null,
                "webhook_failover_url": null
            }
        },
        "meta": {"attempt": 1, "test": true}
    })
}

/// [`test_webhook`] with its own time limit.
pub async fn test_webhook_with_timeout(url: &str, timeout: Duration) -> WebhookTestResult {
    let shown = url.trim().to_owned();
    let parsed = match sendable(url) {
        Ok(u) => u,
        Err(why) => {
            return WebhookTestResult {
                url: shown,
                outcome: WebhookOutcome::NotSent,
                status: None,
                elapsed_ms: None,
                sentence: format!("Not sent: {why}"),
            }
        }
    };
    let client = match reqwest::Client::builder()
        .timeout(timeout)
        .connect_timeout(timeout)
        .redirect(reqwest::redirect::Policy::none())
        .user_agent(concat!(
            "NumberDesk/",
            env!("CARGO_PKG_VERSION"),
            " webhook-test"
        ))
        .build()
    {
        Ok(c) => c,
        Err(e) => {
            return WebhookTestResult {
                url: shown,
                outcome: WebhookOutcome::Network,
                status: None,
                elapsed_ms: None,
                sentence: format!("Number Desk could not prepare the test ({e})."),
            }
        }
    };
    let now = utc_stamp(SystemTime::now());
    let event_id = uuid::Uuid::new_v4().to_string();
    let started = Instant::now();
    let sent = client
        .post(parsed)
        .header(TEST_HEADER, "true")
        .json(&sample_payload(&now, &event_id))
        .send()
        .await;
    let elapsed = started.elapsed();
    let ms = u32::try_from(elapsed.as_millis()).unwrap_or(u32::MAX);
    let (outcome, status, sentence) = match sent {
        Ok(resp) => {
            let status = resp.status();
            let code = status.as_u16();
            if status.is_success() {
                (
                    WebhookOutcome::Delivered,
                    Some(code),
                    format!("Delivered: the server answered {code} in {ms} ms."),
                )
            } else {
                let hint = match code {
                    401 | 403 => " It may be checking Telnyx's signature, which a test cannot carry: then the server is reachable and real deliveries may well work.",
                    404 => " The address's path is not one the server knows: check the URL.",
                    300..=399 => " It redirects elsewhere; Telnyx does not follow redirects: use the final address.",
                    500..=599 => " The server failed while handling it: check its logs.",
                    _ => "",
                };
                (
                    WebhookOutcome::HttpError,
                    Some(code),
                    format!(
                        "The server answered {code} ({}) in {ms} ms, not a 2xx success.{hint}",
                        status.canonical_reason().unwrap_or("no reason given")
                    ),
                )
            }
        }
        Err(e) => {
            let (outcome, words) = classify(&e);
            let sentence = match outcome {
                WebhookOutcome::Timeout => format!(
                    "No answer within {} seconds: the server is too slow or not answering.",
                    timeout.as_secs_f32()
                ),
                _ => words.to_owned(),
            };
            (outcome, None, sentence)
        }
    };
    WebhookTestResult {
        url: shown,
        outcome,
        status,
        elapsed_ms: Some(ms),
        sentence,
    }
}

/// A failed request, in words (the source chain is read; reqwest has no public error kinds for DNS
/// or TLS).
fn classify(e: &reqwest::Error) -> (WebhookOutcome, &'static str) {
    let mut chain = String::new();
    let mut src = std::error::Error::source(e);
    while let Some(s) = src {
        chain.push_str(&s.to_string().to_ascii_lowercase());
        chain.push('\n');
        src = s.source();
    }
    if e.is_timeout() || chain.contains("timed out") {
        (WebhookOutcome::Timeout, "")
    } else if chain.contains("dns")
        || chain.contains("resolve")
        || chain.contains("name or service not known")
        || chain.contains("no such host")
        || chain.contains("failed to lookup")
    {
        (
            WebhookOutcome::Dns,
            "The address's host name does not exist (DNS lookup failed): check the URL for a typo.",
        )
    } else if chain.contains("certificate")
        || chain.contains("tls")
        || chain.contains("handshake")
        || chain.contains("rustls")
        || chain.contains("received fatal alert")
    {
        (WebhookOutcome::Tls, "The secure connection failed: the server's certificate is not valid for this address (expired, self-signed or for another name), or it does not speak https.")
    } else if chain.contains("refused") {
        (WebhookOutcome::ConnectionRefused, "Nothing is listening at that address (connection refused): the server is down or the port is wrong.")
    } else if e.is_connect() {
        (
            WebhookOutcome::Network,
            "The server could not be reached (the connection failed).",
        )
    } else {
        (
            WebhookOutcome::Network,
            "The connection broke before the server answered.",
        )
    }
}

/// `2026-01-02T03:04:05.678Z` for a moment.
pub(crate) fn utc_stamp(at: SystemTime) -> String {
    let d = at.duration_since(UNIX_EPOCH).unwrap_or_default();
    let secs = d.as_secs();
    let days = i64::try_from(secs / 86_400).unwrap_or(0);
    let rem = secs % 86_400;
    // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}.{:03}Z",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60,
        d.subsec_millis()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_https_or_loopback_http_is_sent_to() {
        for ok in [
            "https://hooks.example.com/x",
            "http://127.0.0.1:9/x",
            "http://localhost:8080/",
            "http://[::1]:80/",
        ] {
            assert!(sendable(ok).is_ok(), "{ok}");
        }
        for no in [
            "http://hooks.example.com/x",
            "ftp://127.0.0.1/",
            "not a url",
            "",
            "http://10.0.0.1/",
        ] {
            assert!(sendable(no).is_err(), "{no}");
        }
    }

    #[test]
    fn timestamps_are_utc_iso_8601() {
        assert_eq!(utc_stamp(UNIX_EPOCH), "1970-01-01T00:00:00.000Z");
        let t = UNIX_EPOCH + Duration::from_millis(1_767_323_045_678);
        assert_eq!(utc_stamp(t), "2026-01-02T03:04:05.678Z");
        let leap = UNIX_EPOCH + Duration::from_secs(951_782_400); // 2000-02-29
        assert_eq!(utc_stamp(leap), "2000-02-29T00:00:00.000Z");
    }

    #[test]
    fn the_sample_is_a_message_received_event_marked_as_a_test() {
        let p = sample_payload("2026-01-02T03:04:05.678Z", "e1");
        assert_eq!(p["data"]["event_type"], "message.received");
        assert_eq!(p["data"]["payload"]["direction"], "inbound");
        assert_eq!(p["meta"]["test"], true);
        assert!(p["data"]["payload"]["text"]
            .as_str()
            .is_some_and(|t| t.contains("test")));
    }

    #[tokio::test]
    async fn a_url_that_is_not_sendable_is_not_sent() {
        let r = test_webhook("http://hooks.example.com/telnyx").await;
        assert_eq!(r.outcome, WebhookOutcome::NotSent);
        assert!(r.sentence.contains("https://"));
        assert_eq!(r.elapsed_ms, None);
    }
}
