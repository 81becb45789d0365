//! Every endpoint fed the example responses of the official OpenAPI spec, read from
//! `spec/telnyx/telnyx-messaging-numbers-subset.yml` (vendored; see its `SOURCE.md`) at test time.
//!
//! A response example is the schema's own `example` where it has one; otherwise it is assembled
//! from the property examples, with type placeholders for required properties that have none.

mod common;

use std::path::PathBuf;
use std::sync::OnceLock;

use common::*;
use serde_json::{json, Map, Value};
use telnyx_client::*;
use wiremock::matchers::{method, path};
use wiremock::{Mock, ResponseTemplate};

fn spec() -> &'static Value {
    static SPEC: OnceLock<Value> = OnceLock::new();
    SPEC.get_or_init(|| {
        let file = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("../../spec/telnyx/telnyx-messaging-numbers-subset.yml");
        let text = std::fs::read_to_string(&file).unwrap_or_else(|e| {
            panic!(
                "the vendored Telnyx OpenAPI subset is missing at {} ({e}); see spec/telnyx/SOURCE.md",
                file.display()
            )
        });
        serde_norway::from_str(&text).expect("the OpenAPI file is valid YAML")
    })
}

fn resolve(schema: &Value) -> &Value {
    match schema.get("$ref").and_then(Value::as_str) {
        Some(r) => {
            let pointer = r.trim_start_matches('#');
            let target = spec()
                .pointer(pointer)
                .unwrap_or_else(|| panic!("dangling $ref {r}"));
            resolve(target)
        }
        None => schema,
    }
}

fn first_type(schema: &Value) -> Option<&str> {
    match schema.get("type") {
        Some(Value::String(s)) => Some(s),
        Some(Value::Array(types)) => types
            .iter()
            .filter_map(Value::as_str)
            .find(|t| *t != "null"),
        _ => None,
    }
}

fn schema(name: &str) -> &'static Value {
    spec()
        .pointer(&format!("/components/schemas/{name}"))
        .unwrap_or_else(|| panic!("schema {name} is not in the spec"))
}

/// The example of `schema`, or `None` when it has none and `required` is false.
fn example(schema: &Value, required: bool, depth: usize) -> Option<Value> {
    assert!(depth < 40, "schema nesting too deep");
    let schema = resolve(schema);
    if let Some(e) = schema.get("example") {
        return Some(e.clone());
    }
    if let Some(parts) = schema.get("allOf").and_then(Value::as_array) {
        let mut merged: Option<Value> = None;
        for p in parts {
            match (example(p, required, depth + 1), merged.as_mut()) {
                (Some(Value::Object(o)), Some(Value::Object(m))) => m.extend(o),
                (Some(v), None) => merged = Some(v),
                _ => {}
            }
        }
        return merged;
    }
    for key in ["oneOf", "anyOf"] {
        if let Some(variants) = schema.get(key).and_then(Value::as_array) {
            return variants
                .iter()
                .filter(|v| resolve(v).get("type") != Some(&json!("null")))
                .find_map(|v| example(v, required, depth + 1));
        }
    }
    let ty = first_type(schema).or_else(|| schema.get("properties").map(|_| "object"));
    match ty {
        Some("object") => {
            let req: Vec<&str> = schema
                .get("required")
                .and_then(Value::as_array)
                .map(|r| r.iter().filter_map(Value::as_str).collect())
                .unwrap_or_default();
            let mut out = Map::new();
            if let Some(props) = schema.get("properties").and_then(Value::as_object) {
                for (name, prop) in props {
                    if let Some(v) = example(prop, req.contains(&name.as_str()), depth + 1) {
                        out.insert(name.clone(), v);
                    }
                }
            }
            (required || !out.is_empty()).then_some(Value::Object(out))
        }
        Some("array") => {
            let item = schema
                .get("items")
                .and_then(|i| example(i, required, depth + 1));
            match item {
                Some(v) => Some(Value::Array(vec![v])),
                None => required.then(|| json!([])),
            }
        }
        Some(t) if required => Some(match t {
            "string" => schema
                .get("enum")
                .and_then(|e| e.get(0))
                .cloned()
                .unwrap_or_else(|| json!("string")),
            "integer" => json!(0),
            "number" => json!(0.0),
            "boolean" => json!(false),
            _ => Value::Null,
        }),
        _ => None,
    }
}

/// The example 200 body of an operation.
fn response_example(api_path: &str, op: &str) -> Value {
    let responses = &spec()["paths"][api_path][op]["responses"];
    let ok = responses
        .get("200")
        .or_else(|| responses.get("202"))
        .unwrap_or_else(|| panic!("{op} {api_path} has no 200 response in the spec"));
    let schema = &resolve(ok)["content"]["application/json"]["schema"];
    let body = example(schema, true, 0).expect("an example");
    assert!(
        body.as_object().is_some_and(|o| !o.is_empty()),
        "{api_path}: empty example"
    );
    body
}

async fn serve(op: &str, mock_path: &str, body: Value) -> wiremock::MockServer {
    let s = server().await;
    Mock::given(method(op))
        .and(path(mock_path))
        .respond_with(ResponseTemplate::new(200).set_body_json(body))
        .expect(1)
        .mount(&s)
        .await;
    s
}

const PROFILE: &str = "3fa85f64-5717-4562-b3fc-2c963f66afa6";

#[tokio::test]
async fn list_messaging_numbers_decodes_the_spec_example() {
    let body = response_example("/phone_numbers/messaging", "get");
    let s = serve("GET", "/v2/phone_numbers/messaging", body).await;
    let page = client(&s)
        .list_messaging_numbers(&ListMessagingNumbers::default(), 1, 20)
        .await
        .expect("the spec's example decodes");
    let n = &page.data[0];
    assert_eq!(n.id.as_str(), "1293384261075731499");
    assert_eq!(n.phone_number.as_str(), "+18005550001");
    assert_eq!(n.number_type, Some(NumberType::TollFree));
    assert_eq!(
        n.messaging_profile_id.as_ref().map(|p| p.as_str()),
        Some(PROFILE)
    );
    assert!(n.features.mms.is_none());
    assert_eq!(n.features.sms.map(|f| f.domestic_two_way), Some(true));
    assert_eq!(n.health.map(|h| h.success_ratio), Some(0.94));
    assert_eq!(
        page.meta,
        PaginationMeta {
            page_number: 2,
            page_size: 25,
            total_pages: 3,
            total_results: 55
        }
    );
}

#[tokio::test]
async fn get_and_update_messaging_number_decode_the_spec_example() {
    for op in ["get", "patch"] {
        let body = response_example("/phone_numbers/{id}/messaging", op);
        let s = serve(
            &op.to_uppercase(),
            "/v2/phone_numbers/1293384261075731499/messaging",
            body,
        )
        .await;
        let c = client(&s);
        let r = NumberRef::Id(PhoneNumberId::new("1293384261075731499"));
        let n = if op == "get" {
            c.get_messaging_number(&r).await
        } else {
            c.update_messaging_number(&r, &UpdateMessagingNumber::default())
                .await
        }
        .expect("decodes");
        assert_eq!(n.phone_number.as_str(), "+18005550001");
    }
}

#[test]
fn the_spec_update_request_example_is_what_we_send() {
    let want = schema("UpdatePhoneNumberMessagingSettingsRequest")["example"].clone();
    let ours = UpdateMessagingNumber {
        messaging_profile_id: ProfileChange::Assign(MessagingProfileId::new(
            "dd50eba1-a0c0-4563-9925-b25e842a7cb6",
        )),
        messaging_product: Some("P2P".into()),
        tags: None,
    };
    assert_eq!(serde_json::to_value(&ours).expect("encode"), want);
    let bulk_want = schema("BulkMessagingSettingsUpdatePhoneNumbersRequest")["example"].clone();
    let bulk = CreateBulkUpdate {
        messaging_profile_id: BulkTarget::Assign(MessagingProfileId::new(
            "00000000-0000-0000-0000-000000000000",
        )),
        numbers: ["+18880000000", "+18880000001", "+18880000002"]
            .iter()
            .map(|n| E164::parse(n).expect("valid"))
            .collect(),
        assign_only: None,
    };
    assert_eq!(serde_json::to_value(&bulk).expect("encode"), bulk_want);
}

#[tokio::test]
async fn messaging_profile_endpoints_decode_the_spec_examples() {
    let id = MessagingProfileId::new(PROFILE);
    let profile_path = format!("/v2/messaging_profiles/{PROFILE}");

    let s = serve(
        "GET",
        "/v2/messaging_profiles",
        response_example("/messaging_profiles", "get"),
    )
    .await;
    let page = client(&s)
        .list_messaging_profiles(&ListMessagingProfiles::default(), 1, 20)
        .await
        .expect("list decodes");
    let p = &page.data[0];
    assert_eq!(p.name, "Profile for Messages");
    assert_eq!(p.whitelisted_destinations, ["US"]);
    assert_eq!(
        p.number_pool_settings.as_ref().map(|n| n.toll_free_weight),
        Some(10.0)
    );
    assert_eq!(
        p.url_shortener_settings.as_ref().map(|u| u.domain.as_str()),
        Some("example.ex")
    );
    assert!(p.health_webhook_url.is_none());

    let s = serve(
        "POST",
        "/v2/messaging_profiles",
        response_example("/messaging_profiles", "post"),
    )
    .await;
    client(&s)
        .create_messaging_profile(&CreateMessagingProfile {
            name: "n".into(),
            whitelisted_destinations: vec!["US".into()],
            ..Default::default()
        })
        .await
        .expect("create decodes");

    let s = serve(
        "GET",
        &profile_path,
        response_example("/messaging_profiles/{id}", "get"),
    )
    .await;
    assert_eq!(
        client(&s)
            .get_messaging_profile(&id)
            .await
            .expect("get decodes")
            .id,
        id
    );

    let s = serve(
        "PATCH",
        &profile_path,
        response_example("/messaging_profiles/{id}", "patch"),
    )
    .await;
    client(&s)
        .update_messaging_profile(&id, &UpdateMessagingProfile::default())
        .await
        .expect("update decodes");

    let s = serve(
        "GET",
        &format!("{profile_path}/phone_numbers"),
        response_example("/messaging_profiles/{id}/phone_numbers", "get"),
    )
    .await;
    let numbers = client(&s)
        .list_profile_numbers(&id, 1, 20)
        .await
        .expect("numbers decode");
    assert_eq!(numbers.data[0].phone_number.as_str(), "+18005550001");
}

#[tokio::test]
async fn bulk_update_endpoints_decode_the_spec_examples() {
    let s = serve(
        "POST",
        "/v2/messaging_numbers_bulk_updates",
        response_example("/messaging_numbers_bulk_updates", "post"),
    )
    .await;
    let order = client(&s)
        .create_bulk_update(&CreateBulkUpdate {
            messaging_profile_id: BulkTarget::Unassign,
            numbers: vec![E164::parse("+18880000000").expect("valid")],
            assign_only: None,
        })
        .await
        .expect("create decodes");
    assert_eq!(order.success.len(), 3);
    assert!(order.is_settled());
    let s = serve(
        "GET",
        "/v2/messaging_numbers_bulk_updates/00000000-0000-0000-0000-000000000000",
        response_example("/messaging_numbers_bulk_updates/{order_id}", "get"),
    )
    .await;
    let again = client(&s)
        .get_bulk_update(&order.order_id)
        .await
        .expect("status decodes");
    assert_eq!(again, order);
}

#[tokio::test]
async fn phone_number_endpoints_decode_the_spec_examples() {
    let s = serve(
        "GET",
        "/v2/phone_numbers",
        response_example("/phone_numbers", "get"),
    )
    .await;
    let page = client(&s)
        .list_phone_numbers(&ListPhoneNumbers::default(), 1, 20)
        .await
        .expect("list decodes");
    let p = &page.data[0];
    assert_eq!(p.phone_number.as_str(), "+19705555098");
    assert_eq!(p.status, PhoneNumberStatus::Active);
    assert_eq!(
        p.messaging_profile_name.as_deref(),
        Some("regional-customers")
    );
    assert_eq!(p.connection_name.as_deref(), Some("connection-name"));
    assert_eq!(p.source_type, Some(SourceType::NumberOrder));

    let s = serve(
        "GET",
        "/v2/phone_numbers/1293384261075731499",
        response_example("/phone_numbers/{id}", "get"),
    )
    .await;
    let one = client(&s)
        .get_phone_number(&PhoneNumberId::new("1293384261075731499"))
        .await
        .expect("get decodes");
    assert_eq!(one.id.as_str(), "1293384261075731499");
}

#[tokio::test]
async fn ten_dlc_endpoints_decode_the_spec_examples() {
    let s = serve(
        "GET",
        "/v2/10dlc/phone_number_campaigns",
        response_example("/10dlc/phone_number_campaigns", "get"),
    )
    .await;
    let page = client(&s)
        .list_phone_number_campaigns(&ListPhoneNumberCampaigns::default(), 1, 20)
        .await
        .expect("list decodes");
    assert_eq!(page.records[0].phone_number, "+18005550199");
    assert_eq!(
        page.records[0].assignment_status,
        Some(AssignmentStatus::Assigned)
    );

    let s = serve(
        "GET",
        "/v2/10dlc/phone_number_campaigns/%2B18005550199",
        response_example("/10dlc/phone_number_campaigns/{phoneNumber}", "get"),
    )
    .await;
    let one = client(&s)
        .get_phone_number_campaign(&E164::parse("+18005550199").expect("valid"))
        .await
        .expect("one decodes");
    assert_eq!(one.tcr_campaign_id.as_deref(), Some("CCAMPA1"));

    let s = serve(
        "GET",
        "/v2/10dlc/campaign/c1",
        response_example("/10dlc/campaign/{campaignId}", "get"),
    )
    .await;
    let c = client(&s)
        .get_campaign(&CampaignId::new("c1"))
        .await
        .expect("campaign decodes");
    assert_eq!(c.campaign_status, Some(CampaignStatus::TcrAccepted));
    assert_eq!(c.tcr_campaign_id.as_deref(), Some("CCAMP1"));
}

#[tokio::test]
async fn toll_free_verification_decodes_the_spec_example() {
    let s = serve(
        "GET",
        "/v2/messaging_tollfree/verification/requests",
        response_example("/messaging_tollfree/verification/requests", "get"),
    )
    .await;
    let page = client(&s)
        .list_verification_requests(&ListVerificationRequests::default(), 1, 10)
        .await
        .expect("decodes");
    let r = &page.records[0];
    assert_eq!(
        r.verification_status,
        VerificationStatus::WaitingForCustomer
    );
    assert_eq!(r.phone_numbers[0].phone_number, "+18773554398");
    assert_eq!(r.message_volume.as_deref(), Some("100,000"));
}

#[tokio::test]
async fn detail_records_decode_the_spec_example() {
    let s = serve(
        "GET",
        "/v2/detail_records",
        response_example("/detail_records", "get"),
    )
    .await;
    let page = client(&s)
        .list_message_detail_records(&ListMessageDetailRecords::default(), 1, 20)
        .await
        .expect("decodes");
    let r = &page.data[0];
    assert_eq!(r.record_type, "message_detail_record");
    assert_eq!(r.status, Some(MdrStatus::Delivered));
    assert_eq!(r.direction, Some(Direction::Outbound));
    assert_eq!(r.errors, ["40001"]);
    assert_eq!(page.meta.total_results, 55);
}

#[tokio::test]
async fn the_spec_401_example_surfaces_code_title_detail() {
    let example = spec()
        .pointer("/components/responses/numbers_UnauthorizedResponse/content/application~1json/examples/Authentication Failed/value")
        .expect("the spec has a 401 example")
        .clone();
    let s = server().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(401).set_body_json(example))
        .mount(&s)
        .await;
    let err = client(&s)
        .get_phone_number(&PhoneNumberId::new("1"))
        .await
        .expect_err("401");
    assert!(err.is_unauthorized());
    let item = &err.api_errors()[0];
    assert_eq!(item.code, "10009");
    assert_eq!(item.title, "Authentication failed");
    assert_eq!(
        item.detail.as_deref(),
        Some("Could not understand the provided credentials.")
    );
    assert_eq!(
        item.meta
            .as_ref()
            .and_then(|m| m.get("url"))
            .and_then(Value::as_str),
        Some("https://developers.telnyx.com/docs/overview/errors/10009")
    );
}

#[tokio::test]
async fn the_spec_example_with_unknown_enums_and_extra_fields_still_decodes() {
    let mut body = response_example("/phone_numbers/messaging", "get");
    let rec = &mut body["data"][0];
    rec["type"] = json!("quantum-code");
    rec["record_type"] = json!("messaging_settings_v3");
    rec["brand_new_field"] = json!({"x": [1, 2]});
    body["meta"]["cursor"] = json!("abc");
    let s = serve("GET", "/v2/phone_numbers/messaging", body).await;
    let page = client(&s)
        .list_messaging_numbers(&ListMessagingNumbers::default(), 1, 20)
        .await
        .expect("decodes");
    assert_eq!(
        page.data[0].number_type,
        Some(NumberType::Other("quantum-code".into()))
    );

    let mut body = response_example("/phone_numbers", "get");
    body["data"][0]["status"] = json!("teleporting");
    body["data"][0]["phone_number_type"] = json!("interplanetary");
    let s = serve("GET", "/v2/phone_numbers", body).await;
    let page = client(&s)
        .list_phone_numbers(&ListPhoneNumbers::default(), 1, 20)
        .await
        .expect("decodes");
    assert_eq!(
        page.data[0].status,
        PhoneNumberStatus::Other("teleporting".into())
    );
    assert!(!page.data[0].status.is_known());
}

#[test]
fn every_spelling_of_number_type_in_the_spec_is_known() {
    let spellings = schema("PhoneNumberWithMessagingSettings")["properties"]["type"]["enum"]
        .as_array()
        .expect("enum");
    assert_eq!(spellings.len(), 6);
    for s in spellings {
        let t = NumberType::parse(s.as_str().expect("string"));
        assert!(t.is_known(), "{s}");
    }
    let statuses = schema("PhoneNumberDetailed")["properties"]["status"]["enum"]
        .as_array()
        .expect("enum")
        .clone();
    for s in statuses {
        assert!(
            PhoneNumberStatus::parse(s.as_str().expect("string")).is_known(),
            "{s}"
        );
    }
}
