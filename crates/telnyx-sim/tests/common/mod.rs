//! Helpers shared by the integration tests: an in-process simulator and a loopback HTTP client.
#![allow(dead_code)]

use reqwest::{header::HeaderMap, Method};
use serde_json::Value;
use telnyx_sim::{SimConfig, Simulator};

pub struct Ctx {
    pub sim: Simulator,
    pub http: reqwest::Client,
}

pub struct Reply {
    pub status: u16,
    pub headers: HeaderMap,
    pub body: Value,
}

impl Reply {
    /// The first error of an error envelope.
    pub fn error(&self) -> &Value {
        &self.body["errors"][0]
    }
}

impl Ctx {
    pub async fn demo() -> Ctx {
        Ctx::with(SimConfig::demo()).await
    }

    pub async fn with(config: SimConfig) -> Ctx {
        let sim = Simulator::start(config).await.expect("simulator starts");
        Ctx {
            sim,
            http: reqwest::Client::new(),
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.sim.base_url(), path)
    }

    pub async fn call(&self, method: Method, path: &str, body: Option<Value>) -> Reply {
        let mut req = self
            .http
            .request(method, self.url(path))
            .bearer_auth(self.sim.api_key());
        if let Some(b) = body {
            req = req.json(&b);
        }
        let resp = req.send().await.expect("request succeeds");
        let status = resp.status().as_u16();
        let headers = resp.headers().clone();
        let text = resp.text().await.expect("body");
        let body = serde_json::from_str(&text)
            .unwrap_or_else(|e| panic!("{path}: body is not JSON ({e}): {text}"));
        Reply {
            status,
            headers,
            body,
        }
    }

    pub async fn get(&self, path: &str) -> Reply {
        self.call(Method::GET, path, None).await
    }

    pub async fn patch(&self, path: &str, body: Value) -> Reply {
        self.call(Method::PATCH, path, Some(body)).await
    }

    pub async fn post(&self, path: &str, body: Value) -> Reply {
        self.call(Method::POST, path, Some(body)).await
    }

    pub async fn admin(&self, method: Method, path: &str, body: Option<Value>) -> Value {
        let mut req = self
            .http
            .request(method, format!("{}{}", self.sim.admin_url(), path));
        // The admin API takes changes as JSON only (a web page cannot send that cross-origin).
        req = match body {
            Some(b) => req.json(&b),
            None => req.header("content-type", "application/json"),
        };
        let resp = req.send().await.expect("admin request");
        assert!(
            resp.status().is_success(),
            "admin {path}: {}",
            resp.status()
        );
        resp.json().await.expect("admin JSON")
    }

    /// Id of the demo profile with this name.
    pub async fn profile_id(&self, name: &str) -> String {
        let r = self
            .get(&format!(
                "/messaging_profiles?filter[name][eq]={}",
                urlencode(name)
            ))
            .await;
        r.body["data"][0]["id"]
            .as_str()
            .unwrap_or_else(|| panic!("profile {name}: {}", r.body))
            .to_string()
    }
}

pub fn urlencode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}
