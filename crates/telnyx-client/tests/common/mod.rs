//! Shared helpers of the integration tests: a wiremock server, a fast-retrying client, matchers
//! for raw query strings, and sample records.
#![allow(dead_code)]

use std::time::Duration;

use serde_json::{json, Value};
use telnyx_client::{ApiKey, Client};
use wiremock::{Match, MockServer, Request};

pub const KEY: &str = "KEYtest0000SECRET";

pub async fn server() -> MockServer {
    MockServer::start().await
}

/// The base URL of a mock server, with the `/v2` prefix the real API has.
pub fn base(server: &MockServer) -> String {
    format!("{}/v2", server.uri())
}

/// A client with short backoff so retry tests stay fast.
pub fn client(server: &MockServer) -> Client {
    Client::builder(&base(server), ApiKey::new(KEY))
        .retry_backoff(Duration::from_millis(10), Duration::from_millis(50))
        .build()
        .expect("client builds")
}

/// Matches when the decoded query pairs are exactly `want` (order-insensitive, no extras).
pub struct QueryExact(pub Vec<(String, String)>);

pub fn query_exact(pairs: &[(&str, &str)]) -> QueryExact {
    QueryExact(
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect(),
    )
}

impl Match for QueryExact {
    fn matches(&self, request: &Request) -> bool {
        let mut got: Vec<(String, String)> = request
            .url
            .query_pairs()
            .map(|(k, v)| (k.into_owned(), v.into_owned()))
            .collect();
        let mut want = self.0.clone();
        got.sort();
        want.sort();
        got == want
    }
}

/// Matches when the raw (still encoded) query string contains `needle`.
pub struct RawQueryContains(pub &'static str);

impl Match for RawQueryContains {
    fn matches(&self, request: &Request) -> bool {
        request.url.query().is_some_and(|q| q.contains(self.0))
    }
}

/// Matches when the JSON body has no such top-level key.
pub struct BodyLacks(pub &'static str);

impl Match for BodyLacks {
    fn matches(&self, request: &Request) -> bool {
        serde_json::from_slice::<Value>(&request.body)
            .ok()
            .and_then(|v| v.as_object().map(|o| !o.contains_key(self.0)))
            .unwrap_or(false)
    }
}

pub fn number_json(id: u64, e164: &str) -> Value {
    json!({
        "record_type": "messaging_settings",
        "id": id.to_string(),
        "phone_number": e164,
        "messaging_profile_id": "3fa85f64-5717-4562-b3fc-2c963f66afa6",
        "created_at": "2019-01-23T18:10:02.574Z",
        "updated_at": "2019-01-23T18:10:02.574Z",
        "country_code": "US",
        "type": "tollfree",
        "health": {"message_count": 122, "inbound_outbound_ratio": 0.43, "success_ratio": 0.94, "spam_ratio": 0.06},
        "eligible_messaging_products": ["A2P"],
        "traffic_type": "A2P",
        "messaging_product": "A2P",
        "features": {"sms": {"domestic_two_way": true, "international_inbound": true, "international_outbound": true}, "mms": null}
    })
}

pub fn profile_json(id: &str, name: &str) -> Value {
    json!({
        "record_type": "messaging_profile",
        "id": id,
        "name": name,
        "enabled": true,
        "webhook_url": "https://www.example.com/hooks",
        "webhook_failover_url": null,
        "webhook_api_version": "2",
        "whitelisted_destinations": ["US"],
        "number_pool_settings": null,
        "v1_secret": "rP1VamejkU2v0qIUxntqLW2c",
        "created_at": "2019-01-23T18:10:02.574Z",
        "updated_at": "2019-01-23T18:10:02.574Z"
    })
}

pub fn meta(page_number: u32, page_size: u32, total_pages: u32, total_results: u32) -> Value {
    json!({"page_number": page_number, "page_size": page_size, "total_pages": total_pages, "total_results": total_results})
}

pub fn telnyx_error(code: &str, title: &str, detail: &str) -> Value {
    json!({"errors": [{"code": code, "title": title, "detail": detail, "source": {"pointer": "/messaging_profile_id"}, "meta": {"url": format!("https://developers.telnyx.com/docs/overview/errors/{code}")}}]})
}
