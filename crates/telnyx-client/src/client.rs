//! The `Client` and its builder: one place that sends a request, decodes the answer, paces
//! itself and retries.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant, SystemTime};

use rand::Rng;
use reqwest::header::{HeaderMap, HeaderValue, ACCEPT, AUTHORIZATION, CONTENT_TYPE};
use reqwest::Method;
use serde::de::DeserializeOwned;
use serde::Serialize;

use crate::base_url;
use crate::error::{Error, ErrorEnvelope, NetworkKind, Result};
use crate::key::ApiKey;
use crate::pacer::RequestPacer;
use crate::query::Query;
use crate::retry::{self, Decision, Outcome, RateLimitStatus, RetryPolicy};

/// Default number of pages fetched at once by the `list_all_*` helpers.
///
/// 8, not 4: with 40 pages and the first page fetched alone, 4 caps the speed-up over a
/// sequential walk near 40 / 11 ≈ 3.6×, below the 5× target; 8 gives 40 / 6 ≈ 6.7× (see
/// `examples/bench_paging.rs`). Telnyx publishes no request-rate figure; eight listing requests
/// in flight is a short burst (about half a second for 10,000 numbers), and the client paces
/// itself on `x-ratelimit-remaining` and pauses every request after a 429, so a lower real limit
/// costs speed, not failures.
pub const DEFAULT_PAGE_CONCURRENCY: usize = 8;
/// Default connect timeout.
pub const DEFAULT_CONNECT_TIMEOUT: Duration = Duration::from_secs(10);
/// Default timeout of one request (connect to last body byte).
pub const DEFAULT_REQUEST_TIMEOUT: Duration = Duration::from_secs(30);

/// A Telnyx API client. Cloning is cheap (an `Arc`); clones share the connection pool and the
/// rate-limit pacing.
#[derive(Clone)]
pub struct Client {
    inner: Arc<Inner>,
}

struct Inner {
    http: reqwest::Client,
    base: String,
    auth: HeaderValue,
    policy: RetryPolicy,
    page_concurrency: usize,
    pacer: Arc<RequestPacer>,
    request_ids: Arc<AtomicU64>,
}

impl std::fmt::Debug for Client {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Client")
            .field("base_url", &self.inner.base)
            .field("api_key", &"<redacted>")
            .field("page_concurrency", &self.inner.page_concurrency)
            .field("policy", &self.inner.policy)
            .finish()
    }
}

/// Builds a [`Client`].
#[derive(Debug, Clone)]
pub struct ClientBuilder {
    base_url: String,
    key: ApiKey,
    page_concurrency: usize,
    policy: RetryPolicy,
    request_timeout: Duration,
    connect_timeout: Duration,
    low_watermark: Option<u64>,
}

impl ClientBuilder {
    /// Pages fetched at once by the `list_all_*` helpers (default 8; at least 1).
    pub fn page_concurrency(mut self, n: usize) -> Self {
        self.page_concurrency = n.max(1);
        self
    }

    /// Retries after the first attempt (default 5).
    pub fn max_retries(mut self, n: u32) -> Self {
        self.policy.max_retries = n;
        self
    }

    /// Timeout of one request, connect to last body byte (default 30 s).
    pub fn request_timeout(mut self, d: Duration) -> Self {
        self.request_timeout = d;
        self
    }

    /// Connect timeout (default 10 s).
    pub fn connect_timeout(mut self, d: Duration) -> Self {
        self.connect_timeout = d;
        self
    }

    /// First backoff step and backoff cap (defaults 250 ms and 8 s).
    pub fn retry_backoff(mut self, base: Duration, max: Duration) -> Self {
        self.policy.base_delay = base;
        self.policy.max_backoff = max.max(base);
        self
    }

    /// Longest server-requested wait (`Retry-After`) the client sits out (default 60 s).
    pub fn max_retry_wait(mut self, d: Duration) -> Self {
        self.policy.max_wait = d;
        self
    }

    /// Self-pacing starts when `x-ratelimit-remaining` drops to this (default: twice the page
    /// concurrency, or 10 % of `x-ratelimit-limit` if larger).
    pub fn rate_limit_low_watermark(mut self, n: u64) -> Self {
        self.low_watermark = Some(n);
        self
    }

    /// Validates the base URL and key and builds the client.
    ///
    /// Errors: [`Error::InsecureBaseUrl`] for `http://` to a non-loopback host,
    /// [`Error::InvalidInput`] for an unparsable URL or an empty key.
    pub fn build(self) -> Result<Client> {
        let base = base_url::validate(&self.base_url)?;
        if self.key.is_empty() {
            return Err(Error::InvalidInput("the API key is empty".into()));
        }
        let mut auth = HeaderValue::from_str(&format!("Bearer {}", self.key.expose()))
            .map_err(|_| Error::InvalidInput("the API key contains invalid characters".into()))?;
        auth.set_sensitive(true);
        let mut headers = HeaderMap::new();
        headers.insert(ACCEPT, HeaderValue::from_static("application/json"));
        let http = reqwest::Client::builder()
            .default_headers(headers)
            .user_agent(concat!(
                "number-desk-telnyx-client/",
                env!("CARGO_PKG_VERSION")
            ))
            .connect_timeout(self.connect_timeout)
            .timeout(self.request_timeout)
            // Never follow redirects: the key must not travel to another host.
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .map_err(|e| Error::InvalidInput(format!("cannot build the HTTP client: {e}")))?;
        let low = self
            .low_watermark
            .unwrap_or(2 * self.page_concurrency as u64);
        Ok(Client {
            inner: Arc::new(Inner {
                http,
                base,
                auth,
                pacer: Arc::new(RequestPacer::new(low, self.policy.max_wait)),
                policy: self.policy,
                page_concurrency: self.page_concurrency,
                request_ids: Arc::new(AtomicU64::new(1)),
            }),
        })
    }
}

/// One API call, described once and sent (possibly several times) by [`Client::send`].
pub(crate) struct Call {
    pub method: Method,
    /// The endpoint template for errors and logs, e.g. `/phone_numbers/{id}/messaging`.
    pub endpoint: &'static str,
    /// The concrete, already encoded path.
    pub path: String,
    pub query: Query,
    pub body: Option<Vec<u8>>,
    /// A write that has the same effect when repeated (see [`retry::decide`]).
    pub idempotent: bool,
}

impl Call {
    pub(crate) fn get(endpoint: &'static str, path: String, query: Query) -> Self {
        Call {
            method: Method::GET,
            endpoint,
            path,
            query,
            body: None,
            idempotent: false,
        }
    }

    pub(crate) fn with_body(
        method: Method,
        endpoint: &'static str,
        path: String,
        body: &impl Serialize,
        idempotent: bool,
    ) -> Result<Self> {
        let body = serde_json::to_vec(body)
            .map_err(|e| Error::InvalidInput(format!("cannot encode request body: {e}")))?;
        Ok(Call {
            method,
            endpoint,
            path,
            query: Query::new(),
            body: Some(body),
            idempotent,
        })
    }

    fn label(&self) -> String {
        format!("{} {}", self.method, self.endpoint)
    }
}

impl Client {
    /// Starts building a client for `base_url` (e.g. [`crate::TELNYX_BASE_URL`] or the
    /// simulator's `http://127.0.0.1:PORT/v2`).
    pub fn builder(base_url: &str, key: ApiKey) -> ClientBuilder {
        ClientBuilder {
            base_url: base_url.to_owned(),
            key,
            page_concurrency: DEFAULT_PAGE_CONCURRENCY,
            policy: RetryPolicy::default(),
            request_timeout: DEFAULT_REQUEST_TIMEOUT,
            connect_timeout: DEFAULT_CONNECT_TIMEOUT,
            low_watermark: None,
        }
    }

    /// The base URL, without a trailing slash.
    pub fn base_url(&self) -> &str {
        &self.inner.base
    }

    /// Pages fetched at once by the `list_all_*` helpers.
    pub fn page_concurrency(&self) -> usize {
        self.inner.page_concurrency
    }

    /// The same client (same connections, key and pacing) with another page concurrency.
    pub fn with_page_concurrency(&self, n: usize) -> Client {
        let i = &self.inner;
        Client {
            inner: Arc::new(Inner {
                http: i.http.clone(),
                base: i.base.clone(),
                auth: i.auth.clone(),
                policy: i.policy.clone(),
                page_concurrency: n.max(1),
                pacer: i.pacer.clone(),
                request_ids: i.request_ids.clone(),
            }),
        }
    }

    /// The retry policy in force.
    pub fn retry_policy(&self) -> &RetryPolicy {
        &self.inner.policy
    }

    /// Sends a call, retrying as [`retry::decide`] says, and decodes the success body as `T`.
    pub(crate) async fn send<T: DeserializeOwned>(&self, call: &Call) -> Result<T> {
        let inner = &self.inner;
        let url = format!(
            "{}{}{}",
            inner.base,
            call.path,
            call.query.to_query_string()
        );
        let req_id = inner.request_ids.fetch_add(1, Ordering::Relaxed);
        let label = call.label();
        let mut attempt: u32 = 0;
        loop {
            attempt += 1;
            inner.pacer.acquire().await;
            let mut req = inner
                .http
                .request(call.method.clone(), &url)
                .header(AUTHORIZATION, inner.auth.clone());
            if let Some(body) = &call.body {
                req = req
                    .header(CONTENT_TYPE, "application/json")
                    .body(body.clone());
            }
            let started = Instant::now();
            let (err, decision) = match req.send().await {
                Ok(resp) => {
                    let status = resp.status();
                    let headers = resp.headers().clone();
                    let now = SystemTime::now();
                    inner
                        .pacer
                        .observe(RateLimitStatus::from_headers(&headers, now));
                    let bytes = resp.bytes().await;
                    tracing::debug!(
                        req_id,
                        endpoint = %label,
                        path = %call.path,
                        attempt,
                        status = status.as_u16(),
                        elapsed_ms = started.elapsed().as_millis() as u64,
                        "telnyx response"
                    );
                    match bytes {
                        Err(e) => {
                            let err = Error::from_reqwest(&e);
                            let kind = network_kind(&err);
                            (err, self.decide(call, Outcome::Network(kind), attempt))
                        }
                        Ok(bytes) if status.is_success() => match decode::<T>(&bytes, &label) {
                            Ok(v) => return Ok(v),
                            Err((err, corrupt)) => {
                                if !corrupt {
                                    return Err(err);
                                }
                                (err, self.decide(call, Outcome::CorruptBody, attempt))
                            }
                        },
                        Ok(bytes) => {
                            let errors = serde_json::from_slice::<ErrorEnvelope>(&bytes)
                                .map(|e| e.errors)
                                .unwrap_or_default();
                            let err = Error::Api {
                                status: status.as_u16(),
                                errors,
                                endpoint: label.clone(),
                                retry_after: retry::server_delay(&headers, now),
                            };
                            let outcome = Outcome::Status {
                                status: status.as_u16(),
                                headers: &headers,
                            };
                            let decision = self.decide(call, outcome, attempt);
                            if status.as_u16() == 429 {
                                if let Decision::RetryAfter(d) = decision {
                                    // Everyone waits, not just this request.
                                    inner.pacer.pause_for(d);
                                }
                            }
                            (err, decision)
                        }
                    }
                }
                Err(e) => {
                    let err = Error::from_reqwest(&e);
                    let kind = network_kind(&err);
                    tracing::debug!(req_id, endpoint = %label, attempt, ?kind, "telnyx request failed");
                    (err, self.decide(call, Outcome::Network(kind), attempt))
                }
            };
            match decision {
                Decision::GiveUp => {
                    tracing::debug!(req_id, endpoint = %label, attempt, error = %err, "giving up");
                    return Err(err);
                }
                Decision::RetryAfter(d) => {
                    tracing::warn!(
                        req_id,
                        endpoint = %label,
                        attempt,
                        wait_ms = d.as_millis() as u64,
                        error = %err,
                        "retrying telnyx request"
                    );
                    tokio::time::sleep(d).await;
                }
            }
        }
    }

    fn decide(&self, call: &Call, outcome: Outcome<'_>, attempt: u32) -> Decision {
        let jitter: f64 = rand::rng().random();
        retry::decide(
            &self.inner.policy,
            &call.method,
            call.idempotent,
            outcome,
            attempt,
            SystemTime::now(),
            jitter,
        )
    }
}

/// Runs a page fetch as its own task so the pages of a listing are decoded on all worker threads
/// rather than one after another inside the caller's task.
pub(crate) async fn spawn_page<T: Send + 'static>(
    fut: impl std::future::Future<Output = Result<T>> + Send + 'static,
) -> Result<T> {
    /// Aborts the task when the listing stops waiting for it (an earlier page failed), so no
    /// orphaned request or retry keeps running.
    struct AbortOnDrop<T>(tokio::task::JoinHandle<T>);
    impl<T> Drop for AbortOnDrop<T> {
        fn drop(&mut self) {
            self.0.abort();
        }
    }
    let mut task = AbortOnDrop(tokio::spawn(fut));
    match (&mut task.0).await {
        Ok(r) => r,
        Err(e) if e.is_panic() => std::panic::resume_unwind(e.into_panic()),
        Err(e) => Err(Error::Network {
            kind: NetworkKind::Other,
            message: format!("page task cancelled: {e}"),
        }),
    }
}

fn network_kind(err: &Error) -> NetworkKind {
    match err {
        Error::Network { kind, .. } => *kind,
        _ => NetworkKind::Other,
    }
}

/// Decodes `bytes`, naming the JSON path of a failure. A body that is not JSON at all or was cut
/// short is [`Error::CorruptBody`] with the flag true (worth a retry for reads); a whole JSON body
/// of the wrong shape is [`Error::Decode`] with the flag false.
pub(crate) fn decode<T: DeserializeOwned>(
    bytes: &[u8],
    endpoint: &str,
) -> std::result::Result<T, (Error, bool)> {
    // Fast path: plain serde_json. Path tracking costs time on every element, so it is only
    // paid again, to name the failing path, when the fast path fails.
    if let Ok(v) = serde_json::from_slice::<T>(bytes) {
        return Ok(v);
    }
    // A body cut short can still fail first on its shape (a `data` that opens as a list where an
    // object was expected), so whether it is JSON at all is asked first, on its own.
    if let Err(e) = serde_json::from_slice::<serde::de::IgnoredAny>(bytes) {
        if matches!(
            e.classify(),
            serde_json::error::Category::Syntax | serde_json::error::Category::Eof
        ) {
            return Err((
                Error::CorruptBody {
                    endpoint: endpoint.to_owned(),
                    message: e.to_string(),
                },
                true,
            ));
        }
    }
    let mut de = serde_json::Deserializer::from_slice(bytes);
    let result: std::result::Result<T, _> = serde_path_to_error::deserialize(&mut de);
    let to_err = |path: String, e: serde_json::Error| {
        let corrupt = matches!(
            e.classify(),
            serde_json::error::Category::Syntax | serde_json::error::Category::Eof
        );
        (
            Error::Decode {
                endpoint: endpoint.to_owned(),
                path,
                message: e.to_string(),
            },
            corrupt,
        )
    };
    match result {
        Ok(v) => de.end().map(|()| v).map_err(|e| to_err(".".into(), e)),
        Err(e) => {
            let path = e.path().to_string();
            Err(to_err(path, e.into_inner()))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code)]
    struct Env {
        data: Vec<Item>,
    }
    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code)]
    struct Item {
        n: u32,
    }

    #[test]
    fn decode_names_the_path() {
        let (err, corrupt) =
            decode::<Env>(br#"{"data":[{"n":1},{"n":"x"}]}"#, "GET /x").expect_err("bad");
        assert!(!corrupt);
        match err {
            Error::Decode { endpoint, path, .. } => {
                assert_eq!(endpoint, "GET /x");
                assert_eq!(path, "data[1].n");
            }
            other => panic!("{other:?}"),
        }
        let (err, corrupt) = decode::<Env>(br#"{"data":[{"n":1}"#, "GET /x").expect_err("cut");
        assert!(corrupt);
        assert!(matches!(err, Error::CorruptBody { .. }), "{err:?}");
        let (err, corrupt) = decode::<Env>(b"<html>", "GET /x").expect_err("html");
        assert!(corrupt);
        assert!(matches!(err, Error::CorruptBody { .. }), "{err:?}");
        // Cut short where the shape is already wrong (a list where one object is expected, as
        // the simulator's malformed answer to a PATCH): still a cut-off body, not a shape error.
        #[derive(Debug, serde::Deserialize)]
        struct One {
            #[allow(dead_code)]
            data: Inner,
        }
        #[derive(Debug, serde::Deserialize)]
        struct Inner {}
        let (err, corrupt) = decode::<One>(
            br#"{"data":[{"record_type":"messaging_settings","id":"12"#,
            "PATCH /x",
        )
        .expect_err("cut");
        assert!(corrupt);
        assert!(matches!(err, Error::CorruptBody { .. }), "{err:?}");
    }

    #[test]
    fn build_refuses_insecure_and_empty() {
        let err = Client::builder("http://example.com", ApiKey::new("k"))
            .build()
            .expect_err("insecure");
        assert!(matches!(err, Error::InsecureBaseUrl(_)));
        let err = Client::builder("http://127.0.0.1:1/v2", ApiKey::new(""))
            .build()
            .expect_err("empty");
        assert!(matches!(err, Error::InvalidInput(_)));
        let c = Client::builder("http://127.0.0.1:1/v2/", ApiKey::new("SECRETKEY"))
            .build()
            .expect("ok");
        assert_eq!(c.base_url(), "http://127.0.0.1:1/v2");
        assert!(!format!("{c:?}").contains("SECRETKEY"));
    }
}
