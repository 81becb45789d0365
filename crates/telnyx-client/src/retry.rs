//! The retry decision: a pure function of (method, idempotency, outcome, headers, attempt), plus
//! the parsing of Telnyx's rate-limit headers it relies on.
//!
//! Facts used (FACTS.md §0 "Rate limiting"): 429 carries code `10011` and `x-ratelimit-limit`,
//! `x-ratelimit-remaining`, `x-ratelimit-reset`. Whether `x-ratelimit-reset` is "seconds until
//! reset" or a Unix timestamp is contradictory (FACTS.md §10.11): values above 1e9 are read as a
//! timestamp, smaller ones as seconds. `Retry-After` on 429 is UNCONFIRMED but honoured when
//! present, as the SDKs do (with `retry-after-ms` and `x-should-retry`).

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use reqwest::header::HeaderMap;
use reqwest::Method;

use crate::error::NetworkKind;

/// Bounds and timings of retries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RetryPolicy {
    /// Retries after the first attempt (so `max_retries + 1` attempts at most).
    pub max_retries: u32,
    /// First backoff step; doubles each attempt.
    pub base_delay: Duration,
    /// Cap of the exponential backoff.
    pub max_backoff: Duration,
    /// The longest server-requested wait we accept; a longer `Retry-After` gives up at once
    /// (the error carries `retry_after` so the app can tell the user).
    pub max_wait: Duration,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        RetryPolicy {
            max_retries: 5,
            base_delay: Duration::from_millis(250),
            max_backoff: Duration::from_secs(8),
            max_wait: Duration::from_secs(60),
        }
    }
}

/// What happened on one attempt.
#[derive(Debug, Clone, Copy)]
pub enum Outcome<'a> {
    /// The server answered with a non-success status.
    Status {
        /// HTTP status.
        status: u16,
        /// Response headers.
        headers: &'a HeaderMap,
    },
    /// The request failed on the network.
    Network(NetworkKind),
    /// A success status whose body was cut short or was not JSON at all.
    CorruptBody,
}

/// The decision.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    /// Wait this long, then try again.
    RetryAfter(Duration),
    /// Surface the error.
    GiveUp,
}

/// Statuses worth repeating for a request that may be repeated: 408, 429, 500, 502, 503, 504.
pub fn is_retryable_status(status: u16) -> bool {
    matches!(status, 408 | 429 | 500 | 502 | 503 | 504)
}

/// True for methods that are safe (no effect) — GET, HEAD, OPTIONS.
pub fn is_safe(method: &Method) -> bool {
    matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS)
}

/// Decides whether to retry.
///
/// * `attempt` is the number of attempts made so far (1 after the first failure).
/// * `idempotent_write` marks writes whose repetition has the same effect as one execution, such
///   as setting a number's profile (PATCH with absolute values). Creating a resource is not.
/// * `now` reads `x-ratelimit-reset` timestamps; `jitter` in `[0, 1)` spreads the waits.
///
/// Rules: 429 is retried for every method (the request was refused, not applied), waiting
/// `retry-after-ms` / `Retry-After` / `x-ratelimit-reset` or else the backoff; 408/5xx, timeouts,
/// resets only for safe methods and idempotent writes; corrupt bodies only for safe methods (a write
/// that was answered unreadably may have been applied: see [`crate::Error::CorruptBody`]); connection failures
/// (nothing was sent) for every method; TLS failures and other 4xx never. `x-should-retry: false`
/// vetoes a retry and `x-should-retry: true` forces one, as the official SDKs do.
pub fn decide(
    policy: &RetryPolicy,
    method: &Method,
    idempotent_write: bool,
    outcome: Outcome<'_>,
    attempt: u32,
    now: SystemTime,
    jitter: f64,
) -> Decision {
    if attempt > policy.max_retries {
        return Decision::GiveUp;
    }
    let repeatable = is_safe(method) || idempotent_write;
    let backoff = backoff(policy, attempt, jitter);
    match outcome {
        Outcome::Status { status, headers } => {
            let should = match header_str(headers, "x-should-retry") {
                Some("true") => Some(true),
                Some("false") => Some(false),
                _ => None,
            };
            let retry = match should {
                Some(forced) => forced,
                None if status == 429 => true,
                None => repeatable && is_retryable_status(status),
            };
            if !retry {
                return Decision::GiveUp;
            }
            match server_delay(headers, now) {
                Some(d) if d > policy.max_wait => Decision::GiveUp,
                // A small jitter so concurrent page fetchers do not return in lockstep.
                Some(d) => Decision::RetryAfter(d + spread(d, jitter)),
                None => Decision::RetryAfter(backoff),
            }
        }
        Outcome::Network(NetworkKind::Connect) => Decision::RetryAfter(backoff),
        Outcome::Network(NetworkKind::Tls) => Decision::GiveUp,
        // The write reached Telnyx and may have been applied: its caller must read what Telnyx
        // holds rather than send it again, even when sending it again would be harmless.
        Outcome::CorruptBody if !is_safe(method) => Decision::GiveUp,
        Outcome::Network(NetworkKind::Timeout | NetworkKind::Other) | Outcome::CorruptBody => {
            if repeatable {
                Decision::RetryAfter(backoff)
            } else {
                Decision::GiveUp
            }
        }
    }
}

/// Exponential backoff with "equal jitter": half fixed, half random.
pub fn backoff(policy: &RetryPolicy, attempt: u32, jitter: f64) -> Duration {
    let exp = attempt.saturating_sub(1).min(20);
    let step = policy
        .base_delay
        .saturating_mul(1u32 << exp)
        .min(policy.max_backoff);
    let jitter = jitter.clamp(0.0, 1.0);
    step / 2 + step.mul_f64(0.5 * jitter)
}

fn spread(d: Duration, jitter: f64) -> Duration {
    (d / 10)
        .min(Duration::from_millis(250))
        .mul_f64(jitter.clamp(0.0, 1.0))
}

fn header_str<'h>(headers: &'h HeaderMap, name: &str) -> Option<&'h str> {
    headers
        .get(name)
        .and_then(|v| v.to_str().ok())
        .map(str::trim)
}

fn header_f64(headers: &HeaderMap, name: &str) -> Option<f64> {
    header_str(headers, name)
        .and_then(|s| s.parse::<f64>().ok())
        .filter(|v| v.is_finite() && *v >= 0.0)
}

/// How long the server asked us to wait: `retry-after-ms`, else `Retry-After` (seconds; the
/// HTTP-date form is not used by Telnyx's documents and is ignored), else `x-ratelimit-reset`.
pub fn server_delay(headers: &HeaderMap, now: SystemTime) -> Option<Duration> {
    if let Some(ms) = header_f64(headers, "retry-after-ms") {
        return Some(Duration::from_secs_f64(ms / 1000.0));
    }
    if let Some(s) = header_f64(headers, "retry-after") {
        return Some(Duration::from_secs_f64(s));
    }
    reset_after(headers, now)
}

/// `x-ratelimit-reset` as a duration from `now` (seconds, or a Unix timestamp when > 1e9).
pub fn reset_after(headers: &HeaderMap, now: SystemTime) -> Option<Duration> {
    let v = header_f64(headers, "x-ratelimit-reset")?;
    if v > 1e9 {
        let now_s = now.duration_since(UNIX_EPOCH).ok()?.as_secs_f64();
        Some(Duration::from_secs_f64((v - now_s).max(0.0)))
    } else {
        Some(Duration::from_secs_f64(v))
    }
}

/// The `x-ratelimit-*` headers of one response.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RateLimitStatus {
    /// `x-ratelimit-limit`.
    pub limit: Option<u64>,
    /// `x-ratelimit-remaining`.
    pub remaining: u64,
    /// Time until the window resets.
    pub reset: Option<Duration>,
}

impl RateLimitStatus {
    /// Reads the headers; `None` when `x-ratelimit-remaining` is absent.
    pub fn from_headers(headers: &HeaderMap, now: SystemTime) -> Option<Self> {
        let remaining = header_f64(headers, "x-ratelimit-remaining")? as u64;
        Some(RateLimitStatus {
            limit: header_f64(headers, "x-ratelimit-limit").map(|v| v as u64),
            remaining,
            reset: reset_after(headers, now),
        })
    }
}

/// Self-pacing: the spacing to keep between requests given the remaining budget, or `None`
/// when the budget is comfortable.
///
/// The budget is "low" when `remaining` is at or below `low_watermark` or 10 % of the limit.
/// Then the remaining requests are spread evenly over the time left in the window
/// (`reset / (remaining + 1)`), which empties the budget exactly as the window resets instead of
/// running into 429s. An unknown reset is taken as one second; the result is capped at `max`.
pub fn pacing(status: &RateLimitStatus, low_watermark: u64, max: Duration) -> Option<Duration> {
    let tenth = status.limit.map(|l| l / 10).unwrap_or(0);
    if status.remaining > low_watermark.max(tenth) {
        return None;
    }
    let window = status.reset.unwrap_or(Duration::from_secs(1));
    let spacing = window / u32::try_from(status.remaining + 1).unwrap_or(u32::MAX);
    Some(spacing.min(max))
}

#[cfg(test)]
mod tests {
    use super::*;
    use reqwest::header::{HeaderName, HeaderValue};

    fn headers(pairs: &[(&str, &str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (k, v) in pairs {
            h.insert(
                HeaderName::from_bytes(k.as_bytes()).expect("name"),
                HeaderValue::from_str(v).expect("value"),
            );
        }
        h
    }

    fn now() -> SystemTime {
        UNIX_EPOCH + Duration::from_secs(1_700_000_000)
    }

    fn policy() -> RetryPolicy {
        RetryPolicy {
            max_retries: 3,
            base_delay: Duration::from_millis(100),
            max_backoff: Duration::from_secs(2),
            max_wait: Duration::from_secs(30),
        }
    }

    const NO_JITTER: f64 = 0.0;

    #[test]
    fn decision_table() {
        let none = headers(&[]);
        let ra1 = headers(&[("retry-after", "1")]);
        let ra_ms = headers(&[("retry-after-ms", "1500"), ("retry-after", "9")]);
        let reset_secs = headers(&[("x-ratelimit-reset", "3")]);
        let reset_ts = headers(&[("x-ratelimit-reset", "1700000005")]);
        let huge = headers(&[("retry-after", "3600")]);
        let veto = headers(&[("x-should-retry", "false")]);
        let force = headers(&[("x-should-retry", "true")]);
        let ms = Duration::from_millis;
        use Decision::*;
        use NetworkKind::*;
        let st = |status, headers| Outcome::Status { status, headers };
        let cases: Vec<(&str, Method, bool, Outcome<'_>, u32, Decision)> = vec![
            (
                "429 Retry-After",
                Method::GET,
                false,
                st(429, &ra1),
                1,
                RetryAfter(ms(1000)),
            ),
            (
                "429 on POST is safe to repeat",
                Method::POST,
                false,
                st(429, &ra1),
                1,
                RetryAfter(ms(1000)),
            ),
            (
                "retry-after-ms wins",
                Method::GET,
                false,
                st(429, &ra_ms),
                1,
                RetryAfter(ms(1500)),
            ),
            (
                "x-ratelimit-reset seconds",
                Method::GET,
                false,
                st(429, &reset_secs),
                1,
                RetryAfter(ms(3000)),
            ),
            (
                "x-ratelimit-reset timestamp",
                Method::GET,
                false,
                st(429, &reset_ts),
                1,
                RetryAfter(ms(5000)),
            ),
            (
                "429 no headers: backoff",
                Method::GET,
                false,
                st(429, &none),
                1,
                RetryAfter(ms(50)),
            ),
            (
                "429 backoff doubles",
                Method::GET,
                false,
                st(429, &none),
                3,
                RetryAfter(ms(200)),
            ),
            (
                "429 wait too long",
                Method::GET,
                false,
                st(429, &huge),
                1,
                GiveUp,
            ),
            (
                "attempts exhausted",
                Method::GET,
                false,
                st(429, &ra1),
                4,
                GiveUp,
            ),
            (
                "503 GET",
                Method::GET,
                false,
                st(503, &none),
                1,
                RetryAfter(ms(50)),
            ),
            (
                "500 PATCH idempotent",
                Method::PATCH,
                true,
                st(500, &none),
                2,
                RetryAfter(ms(100)),
            ),
            (
                "500 POST create",
                Method::POST,
                false,
                st(500, &none),
                1,
                GiveUp,
            ),
            (
                "502 GET",
                Method::GET,
                false,
                st(502, &none),
                1,
                RetryAfter(ms(50)),
            ),
            ("501 GET", Method::GET, false, st(501, &none), 1, GiveUp),
            (
                "408 GET",
                Method::GET,
                false,
                st(408, &none),
                1,
                RetryAfter(ms(50)),
            ),
            ("400 never", Method::GET, false, st(400, &none), 1, GiveUp),
            ("401 never", Method::GET, false, st(401, &none), 1, GiveUp),
            ("404 never", Method::GET, false, st(404, &none), 1, GiveUp),
            ("422 never", Method::PATCH, true, st(422, &none), 1, GiveUp),
            (
                "x-should-retry false vetoes 503",
                Method::GET,
                false,
                st(503, &veto),
                1,
                GiveUp,
            ),
            (
                "x-should-retry true forces 409",
                Method::GET,
                false,
                st(409, &force),
                1,
                RetryAfter(ms(50)),
            ),
            (
                "timeout GET",
                Method::GET,
                false,
                Outcome::Network(Timeout),
                1,
                RetryAfter(ms(50)),
            ),
            (
                "timeout POST",
                Method::POST,
                false,
                Outcome::Network(Timeout),
                1,
                GiveUp,
            ),
            (
                "timeout PATCH idempotent",
                Method::PATCH,
                true,
                Outcome::Network(Timeout),
                1,
                RetryAfter(ms(50)),
            ),
            (
                "connect POST (nothing sent)",
                Method::POST,
                false,
                Outcome::Network(Connect),
                1,
                RetryAfter(ms(50)),
            ),
            (
                "reset POST",
                Method::POST,
                false,
                Outcome::Network(Other),
                1,
                GiveUp,
            ),
            (
                "tls never",
                Method::GET,
                false,
                Outcome::Network(Tls),
                1,
                GiveUp,
            ),
            (
                "corrupt body GET",
                Method::GET,
                false,
                Outcome::CorruptBody,
                1,
                RetryAfter(ms(50)),
            ),
            (
                "corrupt body POST",
                Method::POST,
                false,
                Outcome::CorruptBody,
                1,
                GiveUp,
            ),
            (
                "corrupt body of an idempotent PATCH: not re-sent",
                Method::PATCH,
                true,
                Outcome::CorruptBody,
                1,
                GiveUp,
            ),
            (
                "backoff capped",
                Method::GET,
                false,
                st(503, &none),
                3,
                RetryAfter(ms(200)),
            ),
        ];
        for (name, method, idem, outcome, attempt, want) in cases {
            let got = decide(&policy(), &method, idem, outcome, attempt, now(), NO_JITTER);
            assert_eq!(got, want, "{name}");
        }
    }

    #[test]
    fn backoff_is_bounded_and_jittered() {
        let p = policy();
        for attempt in 1..30 {
            for j in [0.0, 0.5, 0.999] {
                let d = backoff(&p, attempt, j);
                assert!(d <= p.max_backoff, "attempt {attempt}: {d:?}");
                assert!(d >= p.base_delay / 2);
            }
        }
        assert!(backoff(&p, 1, 0.9) > backoff(&p, 1, 0.1));
        assert_eq!(backoff(&p, 10, 1.0), p.max_backoff);
    }

    #[test]
    fn server_delay_jitter_is_small() {
        let h = headers(&[("retry-after", "1")]);
        let d = decide(
            &policy(),
            &Method::GET,
            false,
            Outcome::Status {
                status: 429,
                headers: &h,
            },
            1,
            now(),
            0.999,
        );
        match d {
            Decision::RetryAfter(d) => {
                assert!(d >= Duration::from_secs(1) && d <= Duration::from_millis(1100))
            }
            Decision::GiveUp => panic!("must retry"),
        }
    }

    #[test]
    fn rate_limit_headers_and_pacing() {
        let h = headers(&[
            ("x-ratelimit-limit", "100"),
            ("x-ratelimit-remaining", "4"),
            ("x-ratelimit-reset", "2"),
        ]);
        let s = RateLimitStatus::from_headers(&h, now()).expect("present");
        assert_eq!(s.limit, Some(100));
        assert_eq!(s.remaining, 4);
        assert_eq!(s.reset, Some(Duration::from_secs(2)));
        let max = Duration::from_secs(10);
        // 4 left of 100 (below 10 %): spread over the 2 s left → 400 ms apart.
        assert_eq!(pacing(&s, 2, max), Some(Duration::from_millis(400)));
        let plenty = RateLimitStatus {
            limit: Some(100),
            remaining: 50,
            reset: Some(Duration::from_secs(1)),
        };
        assert_eq!(pacing(&plenty, 8, max), None);
        let empty = RateLimitStatus {
            limit: None,
            remaining: 0,
            reset: None,
        };
        assert_eq!(pacing(&empty, 8, max), Some(Duration::from_secs(1)));
        let long = RateLimitStatus {
            limit: None,
            remaining: 0,
            reset: Some(Duration::from_secs(600)),
        };
        assert_eq!(pacing(&long, 8, max), Some(max));
        assert!(RateLimitStatus::from_headers(&headers(&[]), now()).is_none());
    }

    #[test]
    fn reset_timestamp_in_the_past_is_zero() {
        let h = headers(&[("x-ratelimit-reset", "1600000000")]);
        assert_eq!(reset_after(&h, now()), Some(Duration::ZERO));
    }
}
