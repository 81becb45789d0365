//! Fault injection: latency, a request-rate limit, random 5xx / 429 / dropped connections / malformed
//! bodies, one forced error on the next PATCH of a number, and the next bulk orders failed.

use std::time::{Duration, Instant};

use axum::http::StatusCode;
use serde::{Deserialize, Serialize};

use crate::errors::ApiError;

/// Rate limit advertised in `x-ratelimit-limit` when no limit is enforced (Telnyx publishes none).
pub const NOMINAL_RATE_LIMIT: u32 = 1000;

/// Faults applied to `/v2` requests. `Faults::default()` injects nothing.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Faults {
    /// Fixed delay before every `/v2` response, in milliseconds.
    pub latency_ms: u64,
    /// Extra uniformly random delay in `0..=jitter_ms`.
    pub jitter_ms: u64,
    /// Requests per second accepted before answering 429 `10011`; `None` = unlimited.
    pub rate_limit_per_sec: Option<u32>,
    /// Probability (0–1) of a 500 `10007`.
    pub p_5xx: f64,
    /// Probability of a 429 `10011` regardless of the rate.
    pub p_429: f64,
    /// Probability that the connection is closed without any response.
    pub p_drop: f64,
    /// Probability of a 200 whose JSON body is cut short.
    pub p_malformed: f64,
    /// Probability that a write (POST, PATCH, PUT, DELETE) is carried out and the connection is
    /// then closed before its answer: the case where only a read afterwards can tell what happened.
    pub p_drop_after_write: f64,
    /// Probability that the request hangs for `timeout_hang_ms` and the connection is then closed.
    pub p_timeout: f64,
    /// How long a "timeout" fault hangs.
    pub timeout_hang_ms: u64,
    /// The next PATCH of a number's messaging settings fails with this error (then it is cleared).
    pub fail_next_patch: Option<ForcedError>,
    /// Numbers that fail in every bulk update until cleared.
    pub fail_bulk_numbers: Vec<String>,
    /// The next this many bulk orders (`POST /messaging_numbers_bulk_updates`) are answered 500
    /// `10007` before anything is done, one fewer each time: an order whose answer says nothing
    /// about what happened, again and again.
    pub fail_next_bulk_orders: u32,
    /// Listings answered with an error on every GET until cleared (e.g. a 403 on
    /// `/10dlc/phone_number_campaigns` for an account without 10DLC access).
    pub refuse_lists: Vec<RefusedList>,
}

impl Default for Faults {
    fn default() -> Self {
        Faults {
            latency_ms: 0,
            jitter_ms: 0,
            rate_limit_per_sec: None,
            p_5xx: 0.0,
            p_429: 0.0,
            p_drop: 0.0,
            p_malformed: 0.0,
            p_drop_after_write: 0.0,
            p_timeout: 0.0,
            timeout_hang_ms: 30_000,
            fail_next_patch: None,
            fail_bulk_numbers: Vec::new(),
            fail_next_bulk_orders: 0,
            refuse_lists: Vec::new(),
        }
    }
}

/// An error forced on the next PATCH of a number.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ForcedError {
    /// Telnyx error code, e.g. `"10015"`.
    pub code: String,
    /// HTTP status, default 422.
    #[serde(default = "default_forced_status")]
    pub status: u16,
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default)]
    pub detail: Option<String>,
    /// JSON pointer for `source.pointer`, default `/messaging_profile_id`.
    #[serde(default)]
    pub pointer: Option<String>,
    /// Only a PATCH of this number (E.164 or id) triggers it; any number when absent.
    #[serde(default)]
    pub phone_number: Option<String>,
}

fn default_forced_status() -> u16 {
    422
}

/// A listing that answers every GET with an error.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RefusedList {
    /// The path under `/v2`, e.g. `/10dlc/phone_number_campaigns` (exact match, query ignored).
    pub path: String,
    /// Telnyx error code, default `"10010"` (authorization failed).
    #[serde(default = "default_refused_code")]
    pub code: String,
    /// HTTP status, default 403.
    #[serde(default = "default_refused_status")]
    pub status: u16,
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default)]
    pub detail: Option<String>,
    /// Only this page (`page[number]`, 1 when absent from the query) is refused; every page when
    /// absent. A test's way to lose one page of a listing.
    #[serde(default)]
    pub page: Option<u32>,
}

fn default_refused_code() -> String {
    "10010".to_owned()
}

fn default_refused_status() -> u16 {
    403
}

impl RefusedList {
    /// Whether a GET of `path` (with or without the `/v2` prefix) is refused.
    pub fn matches(&self, path: &str) -> bool {
        let path = path.strip_prefix("/v2").unwrap_or(path);
        path.trim_end_matches('/') == self.path.trim_end_matches('/')
    }

    /// Whether a GET of `path?query` is refused (its path, and its page when one is named).
    pub fn matches_request(&self, path: &str, query: Option<&str>) -> bool {
        self.matches(path)
            && self.page.is_none_or(|page| {
                let asked = crate::query::Params::parse(query)
                    .get("page[number]")
                    .and_then(|n| n.parse::<u32>().ok())
                    .unwrap_or(1);
                asked == page
            })
    }

    /// The API error the listing answers with.
    pub fn to_api_error(&self) -> ApiError {
        let status = StatusCode::from_u16(self.status).unwrap_or(StatusCode::FORBIDDEN);
        let title = self
            .title
            .clone()
            .unwrap_or_else(|| default_title(&self.code).to_string());
        let detail = self.detail.clone().unwrap_or_else(|| title.clone());
        ApiError::new(status, &self.code, &title, detail)
    }
}

impl ForcedError {
    /// The API error this forced error answers with.
    pub fn to_api_error(&self) -> ApiError {
        let status = StatusCode::from_u16(self.status).unwrap_or(StatusCode::UNPROCESSABLE_ENTITY);
        let title = self
            .title
            .clone()
            .unwrap_or_else(|| default_title(&self.code).to_string());
        let detail = self.detail.clone().unwrap_or_else(|| title.clone());
        ApiError::new(status, &self.code, &title, detail)
            .pointer(self.pointer.as_deref().unwrap_or("/messaging_profile_id"))
    }
}

/// Titles of the error codes a test is likely to force.
fn default_title(code: &str) -> &'static str {
    match code {
        "10005" => "Resource not found",
        "10006" => "Invalid ID",
        "10007" => "Unexpected error",
        "10010" => "Authorization failed",
        "10015" => "Bad Request",
        "40323" => "Messaging activation failed",
        "40324" => "Messaging product type change failed",
        _ => "Error",
    }
}

/// What the fault layer decided for one request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Decision {
    Pass,
    Drop,
    Hang(Duration),
}

impl Faults {
    /// Decides connection-level faults (checked before any HTTP response exists).
    pub fn connection_decision(&self) -> Decision {
        if roll(self.p_drop) {
            Decision::Drop
        } else if roll(self.p_timeout) {
            Decision::Hang(Duration::from_millis(self.timeout_hang_ms))
        } else {
            Decision::Pass
        }
    }

    /// The delay to apply to this request.
    pub fn delay(&self) -> Duration {
        let jitter = if self.jitter_ms > 0 {
            rand::random_range(0..=self.jitter_ms)
        } else {
            0
        };
        Duration::from_millis(self.latency_ms + jitter)
    }

    /// Checks the faults out of range (probabilities outside 0–1).
    pub fn validate(&self) -> Result<(), String> {
        for (name, p) in [
            ("p_5xx", self.p_5xx),
            ("p_429", self.p_429),
            ("p_drop", self.p_drop),
            ("p_malformed", self.p_malformed),
            ("p_timeout", self.p_timeout),
            ("p_drop_after_write", self.p_drop_after_write),
        ] {
            if !(0.0..=1.0).contains(&p) {
                return Err(format!("{name} must be between 0 and 1, got {p}"));
            }
        }
        if self.rate_limit_per_sec == Some(0) {
            return Err("rate_limit_per_sec must be at least 1 (or null for no limit)".to_string());
        }
        Ok(())
    }
}

/// True with probability `p`.
pub fn roll(p: f64) -> bool {
    p > 0.0 && rand::random::<f64>() < p
}

/// A fixed one-second window counter for the request-rate limit and the `x-ratelimit-*` headers.
#[derive(Debug)]
pub struct RateWindow {
    started: Instant,
    count: u32,
}

/// What the rate window says about one request.
#[derive(Debug, Clone, Copy)]
pub struct RateVerdict {
    pub limit: u32,
    pub remaining: u32,
    /// Seconds until the window resets.
    pub reset_secs: u32,
    pub exceeded: bool,
}

impl Default for RateWindow {
    fn default() -> Self {
        RateWindow {
            started: Instant::now(),
            count: 0,
        }
    }
}

impl RateWindow {
    /// Counts one request against `limit`; with no limit the nominal figure is only advertised.
    pub fn hit(&mut self, limit: Option<u32>) -> RateVerdict {
        let now = Instant::now();
        if now.duration_since(self.started) >= Duration::from_secs(1) {
            self.started = now;
            self.count = 0;
        }
        let nominal = limit.unwrap_or(NOMINAL_RATE_LIMIT);
        let exceeded = limit.is_some_and(|l| self.count >= l);
        if !exceeded {
            self.count = self.count.saturating_add(1);
        }
        RateVerdict {
            limit: nominal,
            remaining: nominal.saturating_sub(self.count),
            reset_secs: 1,
            exceeded,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn window_enforces_the_limit_and_counts_down() {
        let mut w = RateWindow::default();
        let a = w.hit(Some(2));
        assert_eq!((a.limit, a.remaining, a.exceeded), (2, 1, false));
        let b = w.hit(Some(2));
        assert_eq!((b.remaining, b.exceeded), (0, false));
        assert!(w.hit(Some(2)).exceeded);
    }

    #[test]
    fn unlimited_window_never_exceeds() {
        let mut w = RateWindow::default();
        for _ in 0..5000 {
            assert!(!w.hit(None).exceeded);
        }
    }

    #[test]
    fn probabilities_are_validated() {
        let f = Faults {
            p_5xx: 1.5,
            ..Faults::default()
        };
        assert!(f.validate().unwrap_err().contains("p_5xx"));
        assert!(Faults::default().validate().is_ok());
        assert!(!roll(0.0));
        assert!(roll(1.0));
    }

    #[test]
    fn forced_error_defaults() {
        let f: ForcedError = serde_json::from_str(r#"{"code":"10015"}"#).unwrap();
        let e = f.to_api_error();
        assert_eq!(e.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(e.title, "Bad Request");
    }
}
