//! Every response of every endpoint validates against the official OpenAPI subset
//! (`spec/telnyx/telnyx-messaging-numbers-subset.yml`, vendored in the repository; see its `SOURCE.md`),
//! read at test time, with `$ref`s resolved against its `components`.

mod common;

use std::path::PathBuf;
use std::time::Duration;

use common::Ctx;
use reqwest::Method;
use serde_json::{json, Value};
use telnyx_sim::{Faults, SimConfig};

fn spec() -> Value {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../spec/telnyx/telnyx-messaging-numbers-subset.yml");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "the vendored OpenAPI subset was not found at {} ({e}); see spec/telnyx/SOURCE.md",
            path.display()
        )
    });
    serde_norway::from_str(&text).expect("OpenAPI YAML parses")
}

/// The JSON schema of one documented response, with the spec's components attached so `$ref`s resolve.
fn response_schema(spec: &Value, path: &str, method: &str, status: u16) -> Value {
    let op = &spec["paths"][path][method];
    assert!(op.is_object(), "{method} {path} is not in the spec");
    let responses = &op["responses"];
    let code = status.to_string();
    let class = format!("{}XX", status / 100);
    let mut resp = [code.as_str(), class.as_str(), "default"]
        .iter()
        .map(|k| &responses[*k])
        .find(|r| r.is_object())
        .unwrap_or_else(|| panic!("{method} {path} documents no {status} response"))
        .clone();
    if let Some(r) = resp.get("$ref").and_then(Value::as_str) {
        let name = r.rsplit('/').next().unwrap();
        resp = spec["components"]["responses"][name].clone();
    }
    let mut schema = resp["content"]["application/json"]["schema"].clone();
    assert!(
        schema.is_object(),
        "{method} {path} {status}: no JSON schema"
    );
    schema["components"] = spec["components"].clone();
    apply_discriminators(&mut schema["components"]);
    schema
}

/// OpenAPI `discriminator` semantics, which plain JSON Schema lacks: a `oneOf` of `$ref`s with a
/// discriminator picks the branch whose discriminator property matches. Each branch is narrowed to the
/// value its schema declares (`default` or single `enum`), so a record matches exactly one branch, as it
/// does for an OpenAPI client. Without this, `DetailRecord` (messaging, conference, …, all requiring only
/// `record_type`) would reject every record as matching several branches.
fn apply_discriminators(components: &mut Value) {
    let schemas = components["schemas"].clone();
    let Some(map) = components["schemas"].as_object_mut() else {
        return;
    };
    for schema in map.values_mut() {
        let Some(prop) = schema["discriminator"]["propertyName"]
            .as_str()
            .map(str::to_string)
        else {
            continue;
        };
        let Some(branches) = schema["oneOf"].as_array_mut() else {
            continue;
        };
        for branch in branches.iter_mut() {
            let Some(name) = branch["$ref"]
                .as_str()
                .and_then(|r| r.rsplit('/').next())
                .map(str::to_string)
            else {
                continue;
            };
            let declared = &schemas[&name]["properties"][&prop];
            let value = declared.get("default").cloned().or_else(|| {
                declared["enum"]
                    .as_array()
                    .filter(|e| e.len() == 1)
                    .map(|e| e[0].clone())
            });
            if let Some(value) = value {
                let reference = branch["$ref"].clone();
                *branch = json!({"allOf": [{"$ref": reference}, {"properties": {prop.clone(): {"const": value}}}]});
            }
        }
    }
}

struct Checker {
    spec: Value,
    checked: usize,
}

impl Checker {
    fn validate(&mut self, spec_path: &str, method: &str, status: u16, body: &Value) {
        let schema = response_schema(&self.spec, spec_path, method, status);
        let validator = jsonschema::validator_for(&schema).expect("schema compiles");
        let errors: Vec<String> = validator
            .iter_errors(body)
            .map(|e| format!("{} at {}", e, e.instance_path()))
            .take(5)
            .collect();
        assert!(
            errors.is_empty(),
            "{method} {spec_path} ({status}) does not match the spec:\n{}\nbody: {}",
            errors.join("\n"),
            truncate(body)
        );
        self.checked += 1;
    }
}

fn truncate(v: &Value) -> String {
    let s = v.to_string();
    s.chars().take(1500).collect()
}

/// (request path under /v2, spec path, method, body)
type Case = (
    &'static str,
    String,
    &'static str,
    &'static str,
    Option<Value>,
);

#[tokio::test]
async fn every_endpoint_matches_the_official_schema() {
    let mut config = SimConfig::demo();
    config.bulk_settle = Duration::from_millis(100);
    let ctx = Ctx::with(config).await;
    let support = ctx.profile_id("Support Line").await;
    let marketing = ctx.profile_id("Marketing – Spring").await;
    let missing = "4d9e4d6c-5bfc-4b0b-9c61-5a9f1f0a0a0a";
    let campaign = ctx
        .get("/10dlc/phone_number_campaigns/+12125550101")
        .await
        .body["campaignId"]
        .as_str()
        .unwrap()
        .to_string();
    let mut checker = Checker {
        spec: spec(),
        checked: 0,
    };

    let cases: Vec<Case> = vec![
        ("list", "/phone_numbers/messaging?page[size]=250".into(), "/phone_numbers/messaging", "get", None),
        ("list p7", "/phone_numbers/messaging?page[size]=250&page[number]=7".into(), "/phone_numbers/messaging", "get", None),
        ("list filtered", format!("/phone_numbers/messaging?filter[messaging_profile_id]={support}&filter[type]=shortcode"), "/phone_numbers/messaging", "get", None),
        ("list bad", "/phone_numbers/messaging?page[size]=900".into(), "/phone_numbers/messaging", "get", None),
        ("get", "/phone_numbers/%2B12125550106/messaging".into(), "/phone_numbers/{id}/messaging", "get", None),
        ("get 404", "/phone_numbers/+19995550100/messaging".into(), "/phone_numbers/{id}/messaging", "get", None),
        ("patch", "/phone_numbers/+12125550104/messaging".into(), "/phone_numbers/{id}/messaging", "patch", Some(json!({"messaging_profile_id": marketing, "tags": ["x"]}))),
        ("patch unassign", "/phone_numbers/+12125550104/messaging".into(), "/phone_numbers/{id}/messaging", "patch", Some(json!({"messaging_profile_id": ""}))),
        ("patch 422", "/phone_numbers/+12125550104/messaging".into(), "/phone_numbers/{id}/messaging", "patch", Some(json!({"messaging_profile_id": missing}))),
        ("profiles", "/messaging_profiles".into(), "/messaging_profiles", "get", None),
        ("profiles filtered", "/messaging_profiles?filter[name][contains]=line".into(), "/messaging_profiles", "get", None),
        ("profile create", "/messaging_profiles".into(), "/messaging_profiles", "post", Some(json!({"name": "Schema Check", "whitelisted_destinations": ["US"]}))),
        ("profile create 422", "/messaging_profiles".into(), "/messaging_profiles", "post", Some(json!({"name": "No Destinations"}))),
        ("profile", format!("/messaging_profiles/{marketing}"), "/messaging_profiles/{id}", "get", None),
        ("profile 404", format!("/messaging_profiles/{missing}"), "/messaging_profiles/{id}", "get", None),
        ("profile patch", format!("/messaging_profiles/{support}"), "/messaging_profiles/{id}", "patch", Some(json!({"webhook_failover_url": null, "alpha_sender": "Support"}))),
        ("profile numbers", format!("/messaging_profiles/{support}/phone_numbers?page[size]=250"), "/messaging_profiles/{id}/phone_numbers", "get", None),
        ("bulk", "/messaging_numbers_bulk_updates".into(), "/messaging_numbers_bulk_updates", "post", Some(json!({"messaging_profile_id": support, "numbers": ["+12125550104", "+19990000000"]}))),
        ("bulk 422", "/messaging_numbers_bulk_updates".into(), "/messaging_numbers_bulk_updates", "post", Some(json!({"numbers": []}))),
        ("bulk alias", "/messaging_numbers/bulk_updates".into(), "/messaging_numbers_bulk_updates", "post", Some(json!({"messaging_profile_id": "", "numbers": ["+12125550100"]}))),
        ("inventory", "/phone_numbers?page[size]=250".into(), "/phone_numbers", "get", None),
        ("inventory filtered", "/phone_numbers?filter[status]=purchase-pending&filter[country_iso_alpha2]=US".into(), "/phone_numbers", "get", None),
        ("inventory bad", "/phone_numbers?filter[status]=nope".into(), "/phone_numbers", "get", None),
        ("inventory one", "/phone_numbers/+12125550105".into(), "/phone_numbers/{id}", "get", None),
        ("inventory short code", "/phone_numbers/55501".into(), "/phone_numbers/{id}", "get", None),
        ("inventory 404", "/phone_numbers/1".into(), "/phone_numbers/{id}", "get", None),
        ("10dlc list", "/10dlc/phone_number_campaigns?recordsPerPage=100".into(), "/10dlc/phone_number_campaigns", "get", None),
        ("10dlc list failed", "/10dlc/phone_number_campaigns?sort=assignmentStatus&recordsPerPage=50".into(), "/10dlc/phone_number_campaigns", "get", None),
        ("10dlc one", "/10dlc/phone_number_campaigns/+12125550102".into(), "/10dlc/phone_number_campaigns/{phoneNumber}", "get", None),
        ("10dlc 404", "/10dlc/phone_number_campaigns/+12125550103".into(), "/10dlc/phone_number_campaigns/{phoneNumber}", "get", None),
        ("campaign", format!("/10dlc/campaign/{campaign}"), "/10dlc/campaign/{campaignId}", "get", None),
        ("campaign by tcr", "/10dlc/campaign/CNDREM3".into(), "/10dlc/campaign/{campaignId}", "get", None),
        ("tfv", "/messaging_tollfree/verification/requests?page=1&page_size=100".into(), "/messaging_tollfree/verification/requests", "get", None),
        ("tfv rejected", "/messaging_tollfree/verification/requests?page=1&page_size=5&status=Rejected".into(), "/messaging_tollfree/verification/requests", "get", None),
        ("tfv 400", "/messaging_tollfree/verification/requests".into(), "/messaging_tollfree/verification/requests", "get", None),
        ("mdr", "/detail_records?filter[record_type]=messaging&page[size]=50".into(), "/detail_records", "get", None),
        ("mdr cli", "/detail_records?filter[record_type]=messaging&filter[cli]=%2B12125550112".into(), "/detail_records", "get", None),
        ("mdr 400", "/detail_records".into(), "/detail_records", "get", None),
        ("legacy list", "/messaging_phone_numbers?page[size]=250".into(), "/phone_numbers/messaging", "get", None),
        ("legacy get", "/messaging_phone_numbers/+18005550100".into(), "/phone_numbers/{id}/messaging", "get", None),
        ("legacy patch", "/messaging_phone_numbers/+18005550100".into(), "/phone_numbers/{id}/messaging", "patch", Some(json!({"messaging_profile_id": null}))),
    ];
    let mut order_id = None;
    for (label, path, spec_path, method, body) in cases {
        let m: Method = method.to_uppercase().parse().unwrap();
        let r = ctx.call(m, &path, body).await;
        if label == "bulk" {
            order_id = r.body["data"]["order_id"].as_str().map(str::to_string);
        }
        checker.validate(spec_path, method, r.status, &r.body);
    }
    tokio::time::sleep(Duration::from_millis(200)).await;
    let order = order_id.expect("bulk order id");
    let r = ctx
        .get(&format!("/messaging_numbers_bulk_updates/{order}"))
        .await;
    assert_eq!(r.body["data"]["failed"], json!(["+19990000000"]));
    checker.validate(
        "/messaging_numbers_bulk_updates/{order_id}",
        "get",
        r.status,
        &r.body,
    );
    let r = ctx
        .get(&format!("/messaging_numbers_bulk_updates/{missing}"))
        .await;
    checker.validate(
        "/messaging_numbers_bulk_updates/{order_id}",
        "get",
        r.status,
        &r.body,
    );
    let created = ctx
        .get("/messaging_profiles?filter[name][eq]=Schema%20Check")
        .await
        .body["data"][0]["id"]
        .as_str()
        .unwrap()
        .to_string();
    let r = ctx
        .call(
            Method::DELETE,
            &format!("/messaging_profiles/{created}"),
            None,
        )
        .await;
    checker.validate("/messaging_profiles/{id}", "delete", r.status, &r.body);

    // Auth, rate-limit and server errors use the same envelopes.
    let unauth = ctx
        .http
        .get(ctx.url("/phone_numbers"))
        .send()
        .await
        .unwrap();
    assert_eq!(unauth.status().as_u16(), 401);
    checker.validate("/phone_numbers", "get", 401, &unauth.json().await.unwrap());
    ctx.sim.set_faults(Faults {
        p_429: 1.0,
        ..Faults::default()
    });
    let r = ctx.get("/phone_numbers/messaging").await;
    checker.validate("/phone_numbers/messaging", "get", r.status, &r.body);
    ctx.sim.set_faults(Faults {
        p_5xx: 1.0,
        ..Faults::default()
    });
    let r = ctx.get("/phone_numbers").await;
    checker.validate("/phone_numbers", "get", r.status, &r.body);
    ctx.sim.set_faults(Faults::default());
    assert_eq!(checker.checked, 47);
}

#[tokio::test]
async fn every_demo_number_and_profile_matches_the_schema() {
    // The page tests above sample; this walks the whole demo account through both number endpoints.
    let ctx = Ctx::demo().await;
    let mut checker = Checker {
        spec: spec(),
        checked: 0,
    };
    for (path, spec_path) in [
        ("/phone_numbers/messaging", "/phone_numbers/messaging"),
        ("/phone_numbers", "/phone_numbers"),
        ("/messaging_phone_numbers", "/phone_numbers/messaging"),
    ] {
        let mut page = 1;
        loop {
            let r = ctx
                .get(&format!("{path}?page[size]=250&page[number]={page}"))
                .await;
            checker.validate(spec_path, "get", r.status, &r.body);
            if page >= r.body["meta"]["total_pages"].as_u64().unwrap() {
                break;
            }
            page += 1;
        }
    }
    let mut page = 1;
    loop {
        let r = ctx
            .get(&format!(
                "/messaging_tollfree/verification/requests?page={page}&page_size=100"
            ))
            .await;
        checker.validate(
            "/messaging_tollfree/verification/requests",
            "get",
            r.status,
            &r.body,
        );
        if r.body["records"].as_array().unwrap().len() < 100 {
            break;
        }
        page += 1;
    }
    let r = ctx
        .get("/10dlc/phone_number_campaigns?recordsPerPage=500&page=2")
        .await;
    checker.validate("/10dlc/phone_number_campaigns", "get", r.status, &r.body);
    let mut page = 1;
    loop {
        let r = ctx
            .get(&format!(
                "/detail_records?filter[record_type]=messaging&page[size]=50&page[number]={page}"
            ))
            .await;
        checker.validate("/detail_records", "get", r.status, &r.body);
        if page >= r.body["meta"]["total_pages"].as_u64().unwrap() {
            break;
        }
        page += 1;
    }
    assert!(checker.checked > 20);
}

#[tokio::test]
async fn a_generated_100k_account_serves_schema_valid_pages() {
    let account = telnyx_sim::Account::generated(100_000, 11);
    let profile = account.profiles[1].id.clone();
    let ctx = Ctx::with(SimConfig::with_account(account)).await;
    let mut checker = Checker {
        spec: spec(),
        checked: 0,
    };
    let r = ctx
        .get("/phone_numbers/messaging?page[size]=250&page[number]=400")
        .await;
    assert_eq!(
        r.body["meta"],
        json!({"page_number": 400, "page_size": 250, "total_pages": 400, "total_results": 100_000})
    );
    assert_eq!(r.body["data"].as_array().unwrap().len(), 250);
    checker.validate("/phone_numbers/messaging", "get", r.status, &r.body);
    let r = ctx.get(&format!("/phone_numbers/messaging?page[size]=250&filter[messaging_profile_id]={profile}&sort[phone_number]=desc")).await;
    assert!(r.body["meta"]["total_results"].as_u64().unwrap() > 15_000);
    checker.validate("/phone_numbers/messaging", "get", r.status, &r.body);
    for (path, spec_path) in [
        (
            "/phone_numbers?page[size]=250&page[number]=17",
            "/phone_numbers",
        ),
        (
            "/10dlc/phone_number_campaigns?recordsPerPage=250",
            "/10dlc/phone_number_campaigns",
        ),
        (
            "/messaging_tollfree/verification/requests?page=3&page_size=100",
            "/messaging_tollfree/verification/requests",
        ),
        (
            "/detail_records?filter[record_type]=messaging&page[size]=50",
            "/detail_records",
        ),
    ] {
        let r = ctx.get(path).await;
        assert_eq!(r.status, 200, "{path}");
        checker.validate(spec_path, "get", r.status, &r.body);
    }
}
