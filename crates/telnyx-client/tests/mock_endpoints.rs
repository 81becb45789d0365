//! Every endpoint against a mock server: method, path, query, headers and body are asserted, and
//! the answer is decoded into the typed models.

mod common;

use common::*;
use serde_json::json;
use telnyx_client::*;
use wiremock::matchers::{body_json, header, method, path};
use wiremock::{Mock, ResponseTemplate};

const PROFILE: &str = "3fa85f64-5717-4562-b3fc-2c963f66afa6";

fn e164(s: &str) -> E164 {
    E164::parse(s).expect("valid number")
}

#[tokio::test]
async fn list_messaging_numbers_sends_every_filter_and_page() {
    let s = server().await;
    Mock::given(method("GET"))
        .and(path("/v2/phone_numbers/messaging"))
        .and(header("authorization", format!("Bearer {KEY}").as_str()))
        .and(header("accept", "application/json"))
        .and(query_exact(&[
            ("page[number]", "3"),
            ("page[size]", "250"),
            ("filter[messaging_profile_id]", PROFILE),
            ("filter[phone_number]", "+18005550001,+18005550002"),
            ("filter[phone_number][contains]", "555"),
            ("filter[type]", "tollfree"),
            ("sort[phone_number]", "desc"),
        ]))
        // On the wire: literal brackets, `+` and `,` percent-encoded.
        .and(RawQueryContains("page[number]=3"))
        .and(RawQueryContains(
            "filter[phone_number]=%2B18005550001%2C%2B18005550002",
        ))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "data": [number_json(1, "+18005550001"), number_json(2, "+18005550002")],
            "meta": meta(3, 250, 3, 502)
        })))
        .expect(1)
        .mount(&s)
        .await;
    let filter = ListMessagingNumbers {
        messaging_profile_id: Some(MessagingProfileId::new(PROFILE)),
        phone_numbers: vec![e164("+18005550001"), e164("+18005550002")],
        phone_number_contains: Some("555".into()),
        number_type: Some(NumberType::TollFree),
        sort_phone_number: Some(SortOrder::Desc),
    };
    let page = client(&s)
        .list_messaging_numbers(&filter, 3, 250)
        .await
        .expect("page");
    assert_eq!(page.data.len(), 2);
    assert_eq!(page.meta.total_results, 502);
    let n = &page.data[0];
    assert_eq!(n.id.as_str(), "1");
    assert_eq!(n.phone_number.as_str(), "+18005550001");
    assert_eq!(n.number_type, Some(NumberType::TollFree));
    assert!(n.features.sms.is_some() && n.features.mms.is_none());
    assert_eq!(n.health.map(|h| h.message_count), Some(122));
}

#[tokio::test]
async fn list_without_filters_sends_only_the_page() {
    let s = server().await;
    Mock::given(method("GET"))
        .and(path("/v2/phone_numbers/messaging"))
        .and(query_exact(&[("page[number]", "1"), ("page[size]", "20")]))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(json!({"data": [], "meta": meta(1, 20, 0, 0)})),
        )
        .expect(1)
        .mount(&s)
        .await;
    let page = client(&s)
        .list_messaging_numbers(&ListMessagingNumbers::default(), 1, 20)
        .await
        .expect("page");
    assert!(page.data.is_empty());
}

#[tokio::test]
async fn page_bounds_are_checked_before_sending() {
    let s = server().await;
    let c = client(&s);
    let f = ListMessagingNumbers::default();
    assert!(matches!(
        c.list_messaging_numbers(&f, 0, 20).await,
        Err(Error::InvalidInput(_))
    ));
    assert!(matches!(
        c.list_messaging_numbers(&f, 1, 251).await,
        Err(Error::InvalidInput(_))
    ));
    assert!(s.received_requests().await.unwrap_or_default().is_empty());
}

#[tokio::test]
async fn get_messaging_number_by_id_and_by_encoded_e164() {
    let s = server().await;
    Mock::given(method("GET"))
        .and(path("/v2/phone_numbers/1293384261075731499/messaging"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(json!({"data": number_json(1293384261075731499, "+18005550001")})),
        )
        .expect(1)
        .mount(&s)
        .await;
    Mock::given(method("GET"))
        .and(path("/v2/phone_numbers/%2B18005550001/messaging"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(json!({"data": number_json(7, "+18005550001")})),
        )
        .expect(1)
        .mount(&s)
        .await;
    let c = client(&s);
    let by_id = c
        .get_messaging_number(&NumberRef::Id(PhoneNumberId::new("1293384261075731499")))
        .await
        .expect("by id");
    assert_eq!(by_id.id.as_str(), "1293384261075731499");
    let by_number = c
        .get_messaging_number(&NumberRef::E164(e164("+18005550001")))
        .await
        .expect("by number");
    assert_eq!(by_number.id.as_str(), "7");
}

#[tokio::test]
async fn update_assign_sends_the_profile_id() {
    let s = server().await;
    Mock::given(method("PATCH"))
        .and(path("/v2/phone_numbers/%2B18005550001/messaging"))
        .and(header("content-type", "application/json"))
        .and(header("authorization", format!("Bearer {KEY}").as_str()))
        .and(body_json(json!({"messaging_profile_id": PROFILE})))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(json!({"data": number_json(7, "+18005550001")})),
        )
        .expect(1)
        .mount(&s)
        .await;
    let update = UpdateMessagingNumber {
        messaging_profile_id: ProfileChange::Assign(MessagingProfileId::new(PROFILE)),
        ..Default::default()
    };
    let n = client(&s)
        .update_messaging_number(&NumberRef::E164(e164("+18005550001")), &update)
        .await
        .expect("assigned");
    assert_eq!(
        n.messaging_profile_id.as_ref().map(|p| p.as_str()),
        Some(PROFILE)
    );
}

#[tokio::test]
async fn update_unassign_sends_empty_string_not_null() {
    let s = server().await;
    let mut unassigned = number_json(9, "+18005550009");
    unassigned["messaging_profile_id"] = serde_json::Value::Null;
    Mock::given(method("PATCH"))
        .and(path("/v2/phone_numbers/9/messaging"))
        .and(body_json(json!({"messaging_profile_id": ""})))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"data": unassigned})))
        .expect(1)
        .mount(&s)
        .await;
    let update = UpdateMessagingNumber {
        messaging_profile_id: ProfileChange::Unassign,
        ..Default::default()
    };
    let n = client(&s)
        .update_messaging_number(&NumberRef::Id(PhoneNumberId::new("9")), &update)
        .await
        .expect("unassigned");
    assert!(n.messaging_profile_id.is_none());
}

#[tokio::test]
async fn update_keep_omits_the_profile_field() {
    let s = server().await;
    Mock::given(method("PATCH"))
        .and(path("/v2/phone_numbers/9/messaging"))
        .and(body_json(
            json!({"messaging_product": "P2P", "tags": ["a"]}),
        ))
        .and(BodyLacks("messaging_profile_id"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(json!({"data": number_json(9, "+18005550009")})),
        )
        .expect(1)
        .mount(&s)
        .await;
    let update = UpdateMessagingNumber {
        messaging_profile_id: ProfileChange::Keep,
        messaging_product: Some("P2P".into()),
        tags: Some(vec!["a".into()]),
    };
    client(&s)
        .update_messaging_number(&NumberRef::Id(PhoneNumberId::new("9")), &update)
        .await
        .expect("updated");
}

#[tokio::test]
async fn messaging_profiles_list_get_create_update() {
    let s = server().await;
    Mock::given(method("GET"))
        .and(path("/v2/messaging_profiles"))
        .and(query_exact(&[
            ("page[number]", "1"),
            ("page[size]", "250"),
            ("filter[name][contains]", "Sales & Support"),
        ]))
        .and(RawQueryContains(
            "filter[name][contains]=Sales%20%26%20Support",
        ))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "data": [profile_json(PROFILE, "Sales & Support")], "meta": meta(1, 250, 1, 1)
        })))
        .expect(1)
        .mount(&s)
        .await;
    Mock::given(method("GET"))
        .and(path(format!("/v2/messaging_profiles/{PROFILE}").as_str()))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(json!({"data": profile_json(PROFILE, "Main")})),
        )
        .expect(1)
        .mount(&s)
        .await;
    Mock::given(method("POST"))
        .and(path("/v2/messaging_profiles"))
        .and(header("content-type", "application/json"))
        .and(body_json(json!({"name": "New", "whitelisted_destinations": ["US", "CA"], "webhook_url": "https://hooks.example.com/t"})))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"data": profile_json("11111111-2222-3333-4444-555555555555", "New")})))
        .expect(1)
        .mount(&s)
        .await;
    Mock::given(method("PATCH"))
        .and(path(format!("/v2/messaging_profiles/{PROFILE}").as_str()))
        .and(body_json(json!({"enabled": true, "webhook_url": "https://h.example.com", "number_pool_settings": null})))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"data": profile_json(PROFILE, "Main")})))
        .expect(1)
        .mount(&s)
        .await;
    let c = client(&s);
    let filter = ListMessagingProfiles {
        name_contains: Some("Sales & Support".into()),
        ..Default::default()
    };
    let all = c.list_all_messaging_profiles(&filter).await.expect("list");
    assert_eq!(all.len(), 1);
    assert_eq!(all[0].name, "Sales & Support");
    let id = MessagingProfileId::new(PROFILE);
    let p = c.get_messaging_profile(&id).await.expect("get");
    assert_eq!(p.webhook_api_version, Some(WebhookApiVersion::V2));
    assert!(p.webhook_failover_url.is_none() && p.number_pool_settings.is_none());
    // The v1 secret is decoded but never printed or serialized.
    assert!(p.v1_secret.is_some());
    assert!(!format!("{p:?}").contains("rP1Vamej"));
    assert!(!serde_json::to_string(&p).expect("ser").contains("rP1Vamej"));
    let created = c
        .create_messaging_profile(&CreateMessagingProfile {
            name: "New".into(),
            whitelisted_destinations: vec!["US".into(), "CA".into()],
            webhook_url: Some("https://hooks.example.com/t".into()),
            ..Default::default()
        })
        .await
        .expect("create");
    assert_eq!(created.name, "New");
    c.update_messaging_profile(
        &id,
        &UpdateMessagingProfile {
            enabled: Some(true),
            webhook_url: Some(Some("https://h.example.com".into())),
            number_pool_settings: Some(None),
            ..Default::default()
        },
    )
    .await
    .expect("update");
    // Required fields are checked before sending.
    let err = c
        .create_messaging_profile(&CreateMessagingProfile {
            name: "x".into(),
            ..Default::default()
        })
        .await
        .expect_err("missing destinations");
    assert!(matches!(err, Error::InvalidInput(_)));
}

#[tokio::test]
async fn profile_numbers_are_paged() {
    let s = server().await;
    Mock::given(method("GET"))
        .and(path(
            format!("/v2/messaging_profiles/{PROFILE}/phone_numbers").as_str(),
        ))
        .and(query_exact(&[("page[number]", "2"), ("page[size]", "10")]))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "data": [number_json(5, "+15550000005")], "meta": meta(2, 10, 2, 11)
        })))
        .expect(1)
        .mount(&s)
        .await;
    let page = client(&s)
        .list_profile_numbers(&MessagingProfileId::new(PROFILE), 2, 10)
        .await
        .expect("page");
    assert_eq!(page.meta.page_number, 2);
    assert_eq!(page.data[0].phone_number.as_str(), "+15550000005");
}

#[tokio::test]
async fn bulk_update_create_and_status() {
    let s = server().await;
    let order = json!({"data": {"record_type": "messaging_numbers_bulk_update", "order_id": "00000000-0000-0000-0000-000000000000",
        "success": ["+18880000000"], "pending": ["+18880000001"], "failed": []}});
    Mock::given(method("POST"))
        .and(path("/v2/messaging_numbers_bulk_updates"))
        .and(body_json(
            json!({"messaging_profile_id": "", "numbers": ["+18880000000", "+18880000001"]}),
        ))
        .respond_with(ResponseTemplate::new(200).set_body_json(order.clone()))
        .expect(1)
        .mount(&s)
        .await;
    Mock::given(method("POST"))
        .and(path("/v2/messaging_numbers_bulk_updates"))
        .and(body_json(json!({"messaging_profile_id": PROFILE, "numbers": ["+18880000000"], "assign_only": true})))
        .respond_with(ResponseTemplate::new(200).set_body_json(order.clone()))
        .expect(1)
        .mount(&s)
        .await;
    Mock::given(method("GET"))
        .and(path(
            "/v2/messaging_numbers_bulk_updates/00000000-0000-0000-0000-000000000000",
        ))
        .respond_with(ResponseTemplate::new(200).set_body_json(order))
        .expect(1)
        .mount(&s)
        .await;
    let c = client(&s);
    let o = c
        .create_bulk_update(&CreateBulkUpdate {
            messaging_profile_id: BulkTarget::Unassign,
            numbers: vec![e164("+18880000000"), e164("+18880000001")],
            assign_only: None,
        })
        .await
        .expect("unassign order");
    assert!(!o.is_settled());
    c.create_bulk_update(&CreateBulkUpdate {
        messaging_profile_id: BulkTarget::Assign(MessagingProfileId::new(PROFILE)),
        numbers: vec![e164("+18880000000")],
        assign_only: Some(true),
    })
    .await
    .expect("assign order");
    let status = c.get_bulk_update(&o.order_id).await.expect("status");
    assert_eq!(status.pending.len(), 1);
    assert_eq!(status.success[0].as_str(), "+18880000000");
}

fn phone_number_json(id: &str, number: &str, status: &str) -> serde_json::Value {
    json!({"id": id, "record_type": "phone_number", "phone_number": number, "status": status,
        "messaging_profile_id": PROFILE, "messaging_profile_name": "Main", "connection_id": "1293384261075731499",
        "connection_name": "conn", "country_iso_alpha2": "US", "tags": [], "external_pin": null,
        "created_at": "2019-10-23T18:10:00.000Z", "phone_number_type": "local", "purchased_at": "2019-10-23T18:10:00.000Z",
        "deletion_lock_enabled": false})
}

#[tokio::test]
async fn phone_numbers_list_get_and_find() {
    let s = server().await;
    Mock::given(method("GET"))
        .and(path("/v2/phone_numbers"))
        .and(query_exact(&[
            ("page[number]", "1"),
            ("page[size]", "20"),
            ("filter[phone_number]", "15551234567"),
        ]))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "data": [phone_number_json("1", "+15551234567", "purchase-pending"), phone_number_json("2", "+115551234567", "active")],
            "meta": {"page_number": 1, "page_size": 20, "total_pages": 1, "total_results": 2}
        })))
        .expect(1)
        .mount(&s)
        .await;
    Mock::given(method("GET"))
        .and(path("/v2/phone_numbers"))
        .and(query_exact(&[
            ("page[number]", "1"),
            ("page[size]", "100"),
            ("filter[status]", "active"),
            ("filter[country_iso_alpha2]", "US,CA"),
            ("filter[number_type][eq]", "toll_free"),
            ("filter[voice.connection_name][contains]", "abc"),
            ("sort", "phone_number"),
            ("handle_messaging_profile_error", "true"),
        ]))
        // This endpoint's meta has no required fields: missing ones are filled in.
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"data": []})))
        .expect(1)
        .mount(&s)
        .await;
    Mock::given(method("GET"))
        .and(path("/v2/phone_numbers/1293384261075731499"))
        .respond_with(ResponseTemplate::new(200).set_body_json(
            json!({"data": phone_number_json("1293384261075731499", "+19705555098", "active")}),
        ))
        .expect(1)
        .mount(&s)
        .await;
    let c = client(&s);
    let found = c
        .find_phone_number(&e164("+15551234567"))
        .await
        .expect("find")
        .expect("present");
    assert_eq!(found.id.as_str(), "1");
    assert_eq!(found.status, PhoneNumberStatus::PurchasePending);
    assert!(found.status.is_provisioning());
    assert_eq!(found.messaging_profile_name.as_deref(), Some("Main"));
    let page = c
        .list_phone_numbers(
            &ListPhoneNumbers {
                status: Some(PhoneNumberStatus::Active),
                country_iso_alpha2: vec!["US".into(), "CA".into()],
                number_type_eq: Some("toll_free".into()),
                connection_name_contains: Some("abc".into()),
                sort: Some("phone_number".into()),
                handle_messaging_profile_error: Some(true),
                ..Default::default()
            },
            1,
            100,
        )
        .await
        .expect("list");
    assert_eq!(page.meta.total_pages, 0);
    let one = c
        .get_phone_number(&PhoneNumberId::new("1293384261075731499"))
        .await
        .expect("get");
    assert_eq!(one.connection_name.as_deref(), Some("conn"));
    assert_eq!(one.phone_number_type, Some(PhoneNumberType::Local));
}

#[tokio::test]
async fn ten_dlc_assignments_and_campaign() {
    let s = server().await;
    let assignment = json!({"phoneNumber": "+15551234567", "campaignId": "4b300178-131c-d902-d54e-72d90ba1620j",
        "telnyxCampaignId": "3008dd9f-66d7-40e0-bf23-bf2d8d1a96ba", "tcrCampaignId": "CCAMPA1", "brandId": "7ba705b7",
        "tcrBrandId": "BBRAND1", "assignmentStatus": "ASSIGNED", "createdAt": "2021-03-08T17:57:48.801186", "updatedAt": "2021-03-08T17:57:48.801186"});
    Mock::given(method("GET"))
        .and(path("/v2/10dlc/phone_number_campaigns"))
        .and(query_exact(&[
            ("page", "2"),
            ("recordsPerPage", "50"),
            (
                "filter[telnyx_campaign_id]",
                "3008dd9f-66d7-40e0-bf23-bf2d8d1a96ba",
            ),
            ("sort", "-createdAt"),
        ]))
        .respond_with(
            ResponseTemplate::new(200).set_body_json(
                json!({"records": [assignment.clone()], "page": 2, "totalRecords": 51}),
            ),
        )
        .expect(1)
        .mount(&s)
        .await;
    Mock::given(method("GET"))
        .and(path("/v2/10dlc/phone_number_campaigns/%2B15551234567"))
        .respond_with(ResponseTemplate::new(200).set_body_json(assignment))
        .expect(1)
        .mount(&s)
        .await;
    Mock::given(method("GET"))
        .and(path("/v2/10dlc/campaign/4b300178-131c-d902-d54e-72d90ba1620j"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "campaignId": "4b300178-131c-d902-d54e-72d90ba1620j", "brandId": "b", "cspId": "c", "description": "d",
            "mock": false, "subUsecases": [], "termsAndConditions": true, "usecase": "2FA",
            "campaignStatus": "MNO_PROVISIONED", "submissionStatus": "CREATED", "isTMobileRegistered": true,
            "status": "ACTIVE", "webhookURL": "https://example.com/webhook"
        })))
        .expect(1)
        .mount(&s)
        .await;
    let c = client(&s);
    let page = c
        .list_phone_number_campaigns(
            &ListPhoneNumberCampaigns {
                telnyx_campaign_id: Some("3008dd9f-66d7-40e0-bf23-bf2d8d1a96ba".into()),
                sort: Some("-createdAt".into()),
                ..Default::default()
            },
            2,
            50,
        )
        .await
        .expect("list");
    assert_eq!((page.page, page.total_records), (2, 51));
    assert_eq!(
        page.records[0].assignment_status,
        Some(AssignmentStatus::Assigned)
    );
    let one = c
        .get_phone_number_campaign(&e164("+15551234567"))
        .await
        .expect("one");
    let campaign = c.get_campaign(&one.campaign_id).await.expect("campaign");
    assert_eq!(
        campaign.campaign_status,
        Some(CampaignStatus::MnoProvisioned)
    );
    assert_eq!(campaign.is_t_mobile_registered, Some(true));
    assert_eq!(
        campaign.webhook_url.as_deref(),
        Some("https://example.com/webhook")
    );
}

#[tokio::test]
async fn ten_dlc_list_all_follows_total_records() {
    let s = server().await;
    ten_dlc_pages(&s, 600, 250, 3).await;
    let all = client(&s)
        .list_all_phone_number_campaigns(&ListPhoneNumberCampaigns::default(), |_| {})
        .await
        .expect("all");
    assert_eq!(all.len(), 600);
    assert_eq!(all[599].phone_number, "+15550000599");
}

/// Mounts pages `1..=pages` of a 10DLC listing of `total` records, `size` a page, each answered
/// once, as a server that pages by `size` whatever `recordsPerPage` asks.
async fn ten_dlc_pages(s: &wiremock::MockServer, total: u32, size: u32, pages: u32) {
    let rec = |n: u32| json!({"phoneNumber": format!("+1555000{n:04}"), "campaignId": "c", "createdAt": "t", "updatedAt": "t"});
    for page in 1..=pages {
        let records: Vec<_> = ((page - 1) * size..(page * size).min(total))
            .map(rec)
            .collect();
        Mock::given(method("GET"))
            .and(path("/v2/10dlc/phone_number_campaigns"))
            .and(query_exact(&[
                ("page", &page.to_string()),
                ("recordsPerPage", "250"),
            ]))
            .respond_with(
                ResponseTemplate::new(200).set_body_json(
                    json!({"records": records, "page": page, "totalRecords": total}),
                ),
            )
            .expect(1)
            .mount(s)
            .await;
    }
}

#[tokio::test]
async fn ten_dlc_list_all_expecting_asks_for_the_expected_pages() {
    // As expected, and fewer than expected (the page past the end is not served: its error is
    // ignored).
    for expected in [600, 800] {
        let s = server().await;
        ten_dlc_pages(&s, 600, 250, 3).await;
        let all = client(&s)
            .list_all_phone_number_campaigns_expecting(
                &ListPhoneNumberCampaigns::default(),
                expected,
                |_| {},
            )
            .await
            .expect("all");
        assert_eq!(all.len(), 600, "expecting {expected}");
        assert_eq!(all[599].phone_number, "+15550000599");
    }
    // A server that clamps recordsPerPage to 100: the first page's count still decides, and the
    // pages past the guess follow.
    let s = server().await;
    ten_dlc_pages(&s, 600, 100, 6).await;
    let all = client(&s)
        .list_all_phone_number_campaigns_expecting(
            &ListPhoneNumberCampaigns::default(),
            600,
            |_| {},
        )
        .await
        .expect("all");
    let numbers: Vec<_> = all.iter().map(|a| a.phone_number.clone()).collect();
    let want: Vec<_> = (0..600).map(|n| format!("+1555000{n:04}")).collect();
    assert_eq!(numbers, want);
}

#[tokio::test]
async fn toll_free_verification_by_number() {
    let s = server().await;
    Mock::given(method("GET"))
        .and(path("/v2/messaging_tollfree/verification/requests"))
        .and(query_exact(&[("page", "1"), ("page_size", "100"), ("phone_number", "+18773554398")]))
        .and(RawQueryContains("phone_number=%2B18773554398"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "records": [{"id": "eaba9f52-164e-58e0-b002-4f668e18b7ed", "phoneNumbers": [{"phoneNumber": "+18773554398"}],
                "verificationStatus": "Waiting For Customer", "businessName": "Telnyx LLC", "reason": null,
                "messageVolume": "100,000", "useCase": "2FA"}],
            "total_records": 1
        })))
        .expect(1)
        .mount(&s)
        .await;
    let reqs = client(&s)
        .verification_requests_for_number(&e164("+18773554398"))
        .await
        .expect("list");
    assert_eq!(reqs.len(), 1);
    assert_eq!(
        reqs[0].verification_status,
        VerificationStatus::WaitingForCustomer
    );
    assert!(reqs[0].reason.is_none());
}

#[tokio::test]
async fn recent_message_errors_uses_detail_records() {
    let s = server().await;
    Mock::given(method("GET"))
        .and(path("/v2/detail_records"))
        .and(query_exact(&[
            ("filter[record_type]", "messaging"),
            ("filter[cli]", "+15551234567"),
            ("sort", "-created_at"),
            ("page[number]", "1"),
            ("page[size]", "50"),
        ]))
        .and(RawQueryContains("filter[cli]=%2B15551234567"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "data": [
                {"record_type": "message_detail_record", "uuid": "a", "cli": "+15551234567", "cld": "+15557654321",
                 "direction": "outbound", "status": "delivered", "errors": [], "message_type": "SMS"},
                {"record_type": "message_detail_record", "uuid": "b", "cli": "+15551234567", "cld": "+15557654321",
                 "direction": "outbound", "status": "failed", "errors": ["40010"], "message_type": "SMS"},
                {"record_type": "message_detail_record", "uuid": "c", "status": "gw_reject", "errors": []}
            ],
            "meta": {"page_number": 1, "page_size": 50, "total_pages": 1, "total_results": 3}
        })))
        .expect(1)
        .mount(&s)
        .await;
    let errors = client(&s)
        .recent_message_errors(&e164("+15551234567"), 10)
        .await
        .expect("errors");
    let ids: Vec<_> = errors.iter().filter_map(|r| r.uuid.as_deref()).collect();
    assert_eq!(ids, ["b", "c"]);
    assert_eq!(errors[0].errors, ["40010"]);
}

#[tokio::test]
async fn unknown_enum_values_and_extra_fields_do_not_fail_a_page() {
    let s = server().await;
    let mut odd = number_json(2, "+18005550002");
    odd["type"] = json!("satellite-code");
    odd["record_type"] = json!("brand_new_record");
    odd["a_field_from_the_future"] = json!({"nested": [1, 2, 3]});
    odd["health"] = serde_json::Value::Null;
    Mock::given(method("GET"))
        .and(path("/v2/phone_numbers/messaging"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "data": [number_json(1, "+18005550001"), odd, {"id": "3", "phone_number": "+18005550003", "type": "long-code"}],
            "meta": {"page_number": 1, "page_size": 250, "total_pages": 1, "total_results": 3, "extra": true},
            "links": {}
        })))
        .mount(&s)
        .await;
    let page = client(&s)
        .list_messaging_numbers(&ListMessagingNumbers::default(), 1, 250)
        .await
        .expect("decodes");
    assert_eq!(
        page.data[1].number_type,
        Some(NumberType::Other("satellite-code".into()))
    );
    assert!(page.data[1].health.is_none());
    assert_eq!(page.data[2].number_type, Some(NumberType::LongCode));
    assert!(page.data[2].messaging_profile_id.is_none());
    assert!(page.data[2].tags.is_empty());
}

#[tokio::test]
async fn decode_errors_name_endpoint_and_json_path() {
    let s = server().await;
    Mock::given(method("GET"))
        .and(path("/v2/phone_numbers/messaging"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "data": [number_json(1, "+18005550001"), number_json(2, "not-a-number")],
            "meta": meta(1, 250, 1, 2)
        })))
        .expect(1) // a shape mismatch is not retried
        .mount(&s)
        .await;
    let err = client(&s)
        .list_messaging_numbers(&ListMessagingNumbers::default(), 1, 250)
        .await
        .expect_err("bad number");
    match err {
        Error::Decode {
            endpoint,
            path,
            message,
        } => {
            assert_eq!(endpoint, "GET /phone_numbers/messaging");
            assert_eq!(path, "data[1].phone_number");
            assert!(message.contains("+"), "{message}");
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn models_serialize_ids_as_plain_strings() {
    let n: MessagingNumber =
        serde_json::from_value(number_json(42, "+18005550042")).expect("decode");
    let v = serde_json::to_value(&n).expect("encode");
    assert_eq!(v["id"], "42");
    assert_eq!(v["phone_number"], "+18005550042");
    assert_eq!(v["messaging_profile_id"], PROFILE);
    assert_eq!(v["type"], "toll-free");
}

#[test]
fn http_base_url_to_a_remote_host_is_refused() {
    let err = Client::builder("http://example.com", ApiKey::new("k"))
        .build()
        .expect_err("refused");
    assert!(matches!(err, Error::InsecureBaseUrl(ref u) if u == "http://example.com"));
    assert!(
        Client::builder("https://api.telnyx.com/v2", ApiKey::new("k"))
            .build()
            .is_ok()
    );
}
