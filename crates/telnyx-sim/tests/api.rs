//! Behaviour of the `/v2` endpoints over real loopback HTTP: auth, errors, pagination, every filter,
//! PATCH semantics, ids, bulk orders, cross-endpoint visibility and the legacy aliases.

mod common;

use std::time::Duration;

use common::{urlencode, Ctx};
use reqwest::Method;
use serde_json::{json, Value};
use telnyx_sim::SimConfig;

fn phones(body: &Value) -> Vec<String> {
    body["data"]
        .as_array()
        .expect("data array")
        .iter()
        .map(|n| n["phone_number"].as_str().unwrap().to_string())
        .collect()
}

#[tokio::test]
async fn missing_or_unknown_key_gets_401_10009_with_rate_headers() {
    let ctx = Ctx::demo().await;
    let none = ctx
        .http
        .get(ctx.url("/phone_numbers/messaging"))
        .send()
        .await
        .unwrap();
    assert_eq!(none.status().as_u16(), 401);
    assert!(none.headers().contains_key("x-ratelimit-limit"));
    let body: Value = none.json().await.unwrap();
    assert_eq!(body["errors"][0]["code"], "10009");
    assert_eq!(body["errors"][0]["title"], "Authentication failed");
    let wrong = ctx
        .http
        .get(ctx.url("/messaging_profiles"))
        .bearer_auth("KEYnotreal")
        .send()
        .await
        .unwrap();
    assert_eq!(wrong.status().as_u16(), 401);
    let basic = ctx
        .http
        .get(ctx.url("/messaging_profiles"))
        .basic_auth("x", Some(telnyx_sim::DEMO_API_KEY))
        .send()
        .await
        .unwrap();
    assert_eq!(basic.status().as_u16(), 401);
}

#[tokio::test]
async fn unknown_resources_get_404_10005() {
    let ctx = Ctx::demo().await;
    for path in [
        "/phone_numbers/+19995550100/messaging",
        "/phone_numbers/123/messaging",
        "/messaging_profiles/4d9e4d6c-5bfc-4b0b-9c61-5a9f1f0a0a0a",
        "/messaging_profiles/4d9e4d6c-5bfc-4b0b-9c61-5a9f1f0a0a0a/phone_numbers",
        "/messaging_numbers_bulk_updates/4d9e4d6c-5bfc-4b0b-9c61-5a9f1f0a0a0a",
        "/phone_numbers/999",
        "/10dlc/phone_number_campaigns/+447700900000",
        "/10dlc/campaign/nope",
        "/no_such_endpoint",
    ] {
        let r = ctx.get(path).await;
        assert_eq!(r.status, 404, "{path}");
        assert_eq!(r.error()["code"], "10005", "{path}");
        assert!(r.headers.contains_key("x-ratelimit-remaining"), "{path}");
    }
}

#[tokio::test]
async fn pagination_meta_and_walking_every_page() {
    let ctx = Ctx::demo().await;
    let total = ctx.sim.account().numbers.len();
    let first = ctx.get("/phone_numbers/messaging").await;
    assert_eq!(
        first.body["data"].as_array().unwrap().len(),
        20,
        "default page size 20"
    );
    assert_eq!(
        first.body["meta"],
        json!({"page_number": 1, "page_size": 20, "total_results": total, "total_pages": total.div_ceil(20)})
    );
    let mut seen = Vec::new();
    let mut page = 1;
    loop {
        let r = ctx
            .get(&format!(
                "/phone_numbers/messaging?page[number]={page}&page[size]=250"
            ))
            .await;
        seen.extend(phones(&r.body));
        if page >= r.body["meta"]["total_pages"].as_u64().unwrap() {
            break;
        }
        page += 1;
    }
    assert_eq!(page, total.div_ceil(250) as u64);
    let mut unique = seen.clone();
    unique.sort();
    unique.dedup();
    assert_eq!((seen.len(), unique.len()), (total, total));
    let beyond = ctx
        .get("/phone_numbers/messaging?page[number]=999&page[size]=250")
        .await;
    assert_eq!(beyond.status, 200);
    assert!(beyond.body["data"].as_array().unwrap().is_empty());
    for bad in [
        "page[size]=251",
        "page[size]=0",
        "page[number]=0",
        "page[number]=abc",
    ] {
        let r = ctx.get(&format!("/phone_numbers/messaging?{bad}")).await;
        assert_eq!(r.status, 400, "{bad}");
        let param = bad.split('=').next().unwrap();
        assert_eq!(r.error()["source"]["parameter"], param, "{bad}");
    }
    let r = ctx
        .get("/detail_records?filter[record_type]=messaging&page[size]=51")
        .await;
    assert_eq!(r.status, 400, "detail records cap page size at 50");
}

#[tokio::test]
async fn messaging_list_filters() {
    let ctx = Ctx::demo().await;
    let support = ctx.profile_id("Support Line").await;
    let r = ctx
        .get(&format!(
            "/phone_numbers/messaging?filter[messaging_profile_id]={support}&page[size]=250"
        ))
        .await;
    let n = r.body["meta"]["total_results"].as_u64().unwrap();
    assert!(n > 100);
    assert!(r.body["data"]
        .as_array()
        .unwrap()
        .iter()
        .all(|x| x["messaging_profile_id"] == support.as_str()));

    let r = ctx.get("/phone_numbers/messaging?filter[phone_number]=%2B12125550100,%2B18005550101,%2B19990000000").await;
    assert_eq!(phones(&r.body), vec!["+12125550100", "+18005550101"]);
    // A literal `+` in a query string decodes as a space; the simulator still finds the number.
    let r = ctx
        .get("/phone_numbers/messaging?filter[phone_number]=+12125550100")
        .await;
    assert_eq!(phones(&r.body), vec!["+12125550100"]);

    let r = ctx
        .get("/phone_numbers/messaging?filter[phone_number][contains]=2125550&page[size]=250")
        .await;
    let got = phones(&r.body);
    assert!(!got.is_empty() && got.iter().all(|p| p.contains("2125550")));

    for (t, min) in [("tollfree", 200), ("longcode", 1000), ("shortcode", 6)] {
        let r = ctx
            .get(&format!(
                "/phone_numbers/messaging?filter[type]={t}&page[size]=250"
            ))
            .await;
        assert!(
            r.body["meta"]["total_results"].as_u64().unwrap() >= min,
            "{t}"
        );
        assert!(
            r.body["data"]
                .as_array()
                .unwrap()
                .iter()
                .all(|x| x["type"] == t),
            "{t}"
        );
    }
    let r = ctx
        .get("/phone_numbers/messaging?filter[type]=toll-free")
        .await;
    assert_eq!(r.status, 400);
    assert_eq!(r.error()["source"]["parameter"], "filter[type]");

    let asc = phones(
        &ctx.get("/phone_numbers/messaging?sort[phone_number]=asc&page[size]=250")
            .await
            .body,
    );
    let desc = phones(
        &ctx.get("/phone_numbers/messaging?sort[phone_number]=desc&page[size]=250")
            .await
            .body,
    );
    let mut sorted = asc.clone();
    sorted.sort();
    assert_eq!(asc, sorted);
    let mut rev = desc.clone();
    rev.sort();
    rev.reverse();
    assert_eq!(desc, rev);
    assert_ne!(asc[0], desc[0]);

    // Combined filters: profile + type + contains.
    let r = ctx
        .get(&format!("/phone_numbers/messaging?filter[messaging_profile_id]={support}&filter[type]=tollfree&filter[phone_number][contains]=800"))
        .await;
    assert!(r.body["data"]
        .as_array()
        .unwrap()
        .iter()
        .all(|x| x["type"] == "tollfree"
            && x["messaging_profile_id"] == support.as_str()
            && x["phone_number"].as_str().unwrap().contains("800")));
    assert!(r.body["meta"]["total_results"].as_u64().unwrap() > 0);
}

#[tokio::test]
async fn patch_semantics_empty_unassigns_null_and_absent_keep() {
    let ctx = Ctx::demo().await;
    let support = ctx.profile_id("Support Line").await;
    let marketing = ctx.profile_id("Marketing – Spring").await;
    let path = "/phone_numbers/%2B12125550100/messaging";
    assert_eq!(
        ctx.get(path).await.body["data"]["messaging_profile_id"],
        support.as_str()
    );

    let r = ctx.patch(path, json!({"messaging_profile_id": null})).await;
    assert_eq!(
        (r.status, r.body["data"]["messaging_profile_id"].clone()),
        (200, json!(support))
    );
    let r = ctx.patch(path, json!({"tags": ["vip"]})).await;
    assert_eq!(r.body["data"]["messaging_profile_id"], support.as_str());
    assert_eq!(r.body["data"]["tags"], json!(["vip"]));
    let r = ctx
        .patch(path, json!({"messaging_profile_id": marketing}))
        .await;
    assert_eq!(r.body["data"]["messaging_profile_id"], marketing.as_str());
    let r = ctx.patch(path, json!({"messaging_profile_id": ""})).await;
    assert_eq!(r.status, 200);
    assert!(r.body["data"]["messaging_profile_id"].is_null());
    assert!(ctx.get(path).await.body["data"]["messaging_profile_id"].is_null());

    let r = ctx
        .patch(
            path,
            json!({"messaging_profile_id": "4d9e4d6c-5bfc-4b0b-9c61-5a9f1f0a0a0a"}),
        )
        .await;
    assert_eq!(r.status, 422);
    assert_eq!(r.error()["code"], "10015");
    assert_eq!(r.error()["source"]["pointer"], "/messaging_profile_id");
    let r = ctx
        .patch(path, json!({"messaging_profile_id": "not-a-uuid"}))
        .await;
    assert_eq!((r.status, r.error()["code"].clone()), (422, json!("10006")));
    let r = ctx.patch(path, json!({"messaging_profile_id": 7})).await;
    assert_eq!(r.error()["source"]["pointer"], "/messaging_profile_id");
    let r = ctx.patch(path, json!({"messaging_product": "P2P"})).await;
    assert_eq!(
        (r.status, r.error()["source"]["pointer"].clone()),
        (422, json!("/messaging_product"))
    );
    let r = ctx.call(Method::PATCH, path, None).await;
    assert_eq!(r.status, 422);
    assert!(
        ctx.get(path).await.body["data"]["messaging_profile_id"].is_null(),
        "failed PATCHes change nothing"
    );
}

#[tokio::test]
async fn ids_may_be_numeric_or_e164_with_plus_or_percent_2b() {
    let ctx = Ctx::demo().await;
    let by_plus = ctx.get("/phone_numbers/+12125550100/messaging").await;
    let by_pct = ctx.get("/phone_numbers/%2B12125550100/messaging").await;
    let id = by_plus.body["data"]["id"].as_str().unwrap().to_string();
    assert!(id.chars().all(|c| c.is_ascii_digit()));
    let by_id = ctx.get(&format!("/phone_numbers/{id}/messaging")).await;
    assert_eq!(by_plus.body, by_pct.body);
    assert_eq!(by_plus.body, by_id.body);
    assert_eq!(by_id.body["data"]["phone_number"], "+12125550100");
    let marketing = ctx.profile_id("Marketing – Spring").await;
    let r = ctx
        .patch(
            &format!("/phone_numbers/{id}/messaging"),
            json!({"messaging_profile_id": marketing}),
        )
        .await;
    assert_eq!(r.body["data"]["phone_number"], "+12125550100");
    let inv_plus = ctx.get("/phone_numbers/+12125550100").await;
    let inv_id = ctx.get(&format!("/phone_numbers/{id}")).await;
    assert_eq!(inv_plus.body, inv_id.body);
    assert_eq!(
        inv_id.body["data"]["messaging_profile_id"],
        marketing.as_str()
    );
}

#[tokio::test]
async fn an_assignment_is_visible_in_all_three_places_at_once() {
    let ctx = Ctx::demo().await;
    let reminders = ctx.profile_id("Appointment Reminders").await;
    let number = "+12125550104"; // unassigned in the demo account
    let inv = ctx.get(&format!("/phone_numbers/{number}")).await;
    assert!(inv.body["data"]["messaging_profile_id"].is_null());
    assert!(inv.body["data"]["messaging_profile_name"].is_null());
    ctx.patch(
        &format!("/phone_numbers/{}/messaging", urlencode(number)),
        json!({"messaging_profile_id": reminders}),
    )
    .await;
    assert_eq!(
        ctx.get(&format!("/phone_numbers/{number}/messaging"))
            .await
            .body["data"]["messaging_profile_id"],
        reminders.as_str()
    );
    let members = ctx
        .get(&format!(
            "/messaging_profiles/{reminders}/phone_numbers?page[size]=250"
        ))
        .await;
    assert!(phones(&members.body).contains(&number.to_string()));
    let inv = ctx.get(&format!("/phone_numbers/{number}")).await;
    assert_eq!(inv.body["data"]["messaging_profile_id"], reminders.as_str());
    assert_eq!(
        inv.body["data"]["messaging_profile_name"],
        "Appointment Reminders"
    );
    let list = ctx
        .get("/phone_numbers?filter[phone_number]=2125550104")
        .await;
    assert_eq!(
        list.body["data"][0]["messaging_profile_name"],
        "Appointment Reminders"
    );
    // Profile list counts move too.
    let before = members.body["meta"]["total_results"].as_u64().unwrap();
    ctx.patch(
        &format!("/phone_numbers/{number}/messaging"),
        json!({"messaging_profile_id": ""}),
    )
    .await;
    let after = ctx
        .get(&format!("/messaging_profiles/{reminders}/phone_numbers"))
        .await;
    assert_eq!(
        after.body["meta"]["total_results"].as_u64().unwrap(),
        before - 1
    );
}

#[tokio::test]
async fn bulk_orders_start_pending_then_settle_to_success_or_failed() {
    let mut config = SimConfig::demo();
    config.bulk_settle = Duration::from_millis(400);
    let ctx = Ctx::with(config).await;
    let marketing = ctx.profile_id("Marketing – Spring").await;
    let numbers = [
        "+12125550103",
        "+18005550100",
        "+19995550199",
        "+12125550106",
    ];
    let r = ctx
        .post(
            "/messaging_numbers_bulk_updates",
            json!({"messaging_profile_id": marketing, "numbers": numbers}),
        )
        .await;
    assert_eq!(r.status, 200);
    let d = &r.body["data"];
    assert_eq!(d["record_type"], "messaging_numbers_bulk_update");
    assert_eq!(d["pending"], json!(numbers));
    assert_eq!(
        (d["success"].clone(), d["failed"].clone()),
        (json!([]), json!([]))
    );
    let order = d["order_id"].as_str().unwrap().to_string();
    // Nothing moved yet.
    assert_ne!(
        ctx.get("/phone_numbers/+12125550103/messaging").await.body["data"]["messaging_profile_id"],
        marketing.as_str()
    );
    tokio::time::sleep(Duration::from_millis(150)).await;
    let mid = ctx
        .get(&format!("/messaging_numbers_bulk_updates/{order}"))
        .await;
    let pending_mid = mid.body["data"]["pending"].as_array().unwrap().len();
    assert!(pending_mid < 4 && pending_mid > 0, "part-way: {}", mid.body);
    tokio::time::sleep(Duration::from_millis(400)).await;
    let done = ctx
        .get(&format!("/messaging_numbers_bulk_updates/{order}"))
        .await;
    let d = &done.body["data"];
    assert_eq!(d["pending"], json!([]));
    assert_eq!(d["success"], json!(["+12125550103", "+18005550100"]));
    assert_eq!(
        d["failed"],
        json!(["+19995550199", "+12125550106"]),
        "not on account / not messaging-capable fail"
    );
    for n in ["+12125550103", "+18005550100"] {
        assert_eq!(
            ctx.get(&format!("/phone_numbers/{n}/messaging")).await.body["data"]
                ["messaging_profile_id"],
            marketing.as_str()
        );
    }
    // Unassign through the legacy alias path.
    let r = ctx
        .post(
            "/messaging_numbers/bulk_updates",
            json!({"messaging_profile_id": "", "numbers": ["+12125550103"]}),
        )
        .await;
    let order = r.body["data"]["order_id"].as_str().unwrap().to_string();
    tokio::time::sleep(Duration::from_millis(500)).await;
    let done = ctx
        .get(&format!("/messaging_numbers/bulk_updates/{order}"))
        .await;
    assert_eq!(done.body["data"]["success"], json!(["+12125550103"]));
    assert!(
        ctx.get("/phone_numbers/+12125550103/messaging").await.body["data"]["messaging_profile_id"]
            .is_null()
    );
    // Validation.
    let r = ctx
        .post(
            "/messaging_numbers_bulk_updates",
            json!({"numbers": ["+12125550103"]}),
        )
        .await;
    assert_eq!(
        (r.status, r.error()["source"]["pointer"].clone()),
        (422, json!("/messaging_profile_id"))
    );
    let r = ctx.post("/messaging_numbers_bulk_updates", json!({"messaging_profile_id": "4d9e4d6c-5bfc-4b0b-9c61-5a9f1f0a0a0a", "numbers": ["+12125550103"]})).await;
    assert_eq!(r.status, 422);
    let r = ctx
        .post(
            "/messaging_numbers_bulk_updates",
            json!({"messaging_profile_id": marketing}),
        )
        .await;
    assert_eq!(r.error()["source"]["pointer"], "/numbers");
}

#[tokio::test]
async fn legacy_messaging_phone_numbers_aliases() {
    let ctx = Ctx::demo().await;
    let support = ctx.profile_id("Support Line").await;
    let r = ctx.get("/messaging_phone_numbers?page[size]=25").await;
    assert_eq!(r.body["data"].as_array().unwrap().len(), 25);
    let first = &r.body["data"][0];
    assert_eq!(first["record_type"], "messaging_phone_number");
    assert_eq!(first["id"], first["phone_number"]);
    assert!(["long-code", "toll-free", "short-code"].contains(&first["type"].as_str().unwrap()));
    let r = ctx
        .get("/messaging_phone_numbers?filter[messaging_profile_id]=null&page[size]=250")
        .await;
    assert!(r.body["meta"]["total_results"].as_u64().unwrap() > 50);
    assert!(r.body["data"]
        .as_array()
        .unwrap()
        .iter()
        .all(|x| x["messaging_profile_id"].is_null()));
    // Where the two forms' listings differ: the v2 one refuses a profile filter that is not a
    // UUID and an unknown type or sort; the legacy one knows neither and ignores them.
    for (path, status) in [
        (
            "/phone_numbers/messaging?filter[messaging_profile_id]=null",
            400,
        ),
        ("/phone_numbers/messaging?filter[type]=long-code", 400),
        ("/phone_numbers/messaging?sort[phone_number]=sideways", 400),
        (
            "/messaging_phone_numbers?filter[type]=long-code&sort[phone_number]=sideways",
            200,
        ),
    ] {
        assert_eq!(ctx.get(path).await.status, status, "{path}");
    }
    let r = ctx.get("/messaging_phone_numbers/+12125550100").await;
    assert_eq!(
        (
            r.body["data"]["id"].clone(),
            r.body["data"]["messaging_profile_id"].clone()
        ),
        (json!("+12125550100"), json!(support))
    );
    // The guide's unassign: `null` unassigns on the legacy path.
    let r = ctx
        .patch(
            "/messaging_phone_numbers/+12125550100",
            json!({"messaging_profile_id": null}),
        )
        .await;
    assert_eq!(r.status, 200);
    assert!(r.body["data"]["messaging_profile_id"].is_null());
    assert!(
        ctx.get("/phone_numbers/+12125550100/messaging").await.body["data"]["messaging_profile_id"]
            .is_null()
    );
    let r = ctx
        .patch(
            "/messaging_phone_numbers/%2B12125550100",
            json!({"messaging_profile_id": support}),
        )
        .await;
    assert_eq!(r.body["data"]["messaging_profile_id"], support.as_str());
    let r = ctx
        .patch(
            "/messaging_phone_numbers/+12125550100",
            json!({"messaging_profile_id": ""}),
        )
        .await;
    assert!(r.body["data"]["messaging_profile_id"].is_null());
}

#[tokio::test]
async fn profiles_list_filters_and_crud() {
    let ctx = Ctx::demo().await;
    let all = ctx.get("/messaging_profiles").await;
    assert_eq!(all.body["meta"]["total_results"], 6);
    let r = ctx
        .get(&format!(
            "/messaging_profiles?filter[name]={}",
            urlencode("Support Line")
        ))
        .await;
    assert_eq!(r.body["data"].as_array().unwrap().len(), 1);
    let r = ctx
        .get("/messaging_profiles?filter[name][eq]=Support")
        .await;
    assert_eq!(r.body["data"].as_array().unwrap().len(), 0, "eq is exact");
    let r = ctx
        .get("/messaging_profiles?filter[name][contains]=desk")
        .await;
    assert_eq!(r.body["data"][0]["name"], "After-Hours Desk");
    let r = ctx
        .get("/messaging_profiles?page[size]=4&page[number]=2")
        .await;
    assert_eq!(r.body["data"].as_array().unwrap().len(), 2);
    assert_eq!(r.body["meta"]["total_pages"], 2);

    let r = ctx
        .post("/messaging_profiles", json!({"name": "Night Shift"}))
        .await;
    assert_eq!(
        (r.status, r.error()["source"]["pointer"].clone()),
        (422, json!("/whitelisted_destinations"))
    );
    let r = ctx.post("/messaging_profiles", json!({"name": "Night Shift", "whitelisted_destinations": ["US"], "webhook_url": "https://example.com/h"})).await;
    assert_eq!(r.status, 200);
    let id = r.body["data"]["id"].as_str().unwrap().to_string();
    assert_eq!(r.body["data"]["enabled"], true);
    assert_eq!(r.body["data"]["webhook_api_version"], "2");
    let r = ctx
        .patch(
            &format!("/messaging_profiles/{id}"),
            json!({"enabled": false, "name": "Night Shift 2"}),
        )
        .await;
    assert_eq!(
        (
            r.body["data"]["enabled"].clone(),
            r.body["data"]["name"].clone()
        ),
        (json!(false), json!("Night Shift 2"))
    );
    let r = ctx
        .patch(
            &format!("/messaging_profiles/{id}"),
            json!({"webhook_api_version": "3"}),
        )
        .await;
    assert_eq!(
        (r.status, r.error()["source"]["pointer"].clone()),
        (422, json!("/webhook_api_version"))
    );
    assert_eq!(
        ctx.get(&format!("/messaging_profiles/{id}")).await.body["data"]["name"],
        "Night Shift 2"
    );
    ctx.patch(
        "/phone_numbers/+12125550104/messaging",
        json!({"messaging_profile_id": id}),
    )
    .await;
    let r = ctx
        .call(Method::DELETE, &format!("/messaging_profiles/{id}"), None)
        .await;
    assert_eq!((r.status, r.body["data"]["id"].clone()), (200, json!(id)));
    assert_eq!(
        ctx.get(&format!("/messaging_profiles/{id}")).await.status,
        404
    );
    assert!(
        ctx.get("/phone_numbers/+12125550104/messaging").await.body["data"]["messaging_profile_id"]
            .is_null()
    );
}

#[tokio::test]
async fn phone_numbers_inventory_filters() {
    let ctx = Ctx::demo().await;
    let r = ctx
        .get("/phone_numbers?filter[status]=purchase-pending&page[size]=250")
        .await;
    assert!(r.body["meta"]["total_results"].as_u64().unwrap() >= 2);
    assert!(r.body["data"]
        .as_array()
        .unwrap()
        .iter()
        .all(|x| x["status"] == "purchase-pending"));
    assert!(phones(&r.body).contains(&"+12125550105".to_string()));
    let r = ctx.get("/phone_numbers?filter[tag]=vip").await;
    assert!(phones(&r.body).contains(&"+12125550112".to_string()));
    assert!(r.body["data"]
        .as_array()
        .unwrap()
        .iter()
        .all(|x| x["tags"].as_array().unwrap().contains(&json!("vip"))));
    let r = ctx
        .get("/phone_numbers?filter[country_iso_alpha2]=GB&page[size]=250")
        .await;
    assert_eq!(r.body["meta"]["total_results"], 80);
    let r = ctx
        .get("/phone_numbers?filter[country_iso_alpha2]=DE,AU&page[size]=250")
        .await;
    assert_eq!(r.body["meta"]["total_results"], 110);
    let r = ctx
        .get("/phone_numbers?filter[number_type][eq]=toll_free&page[size]=250")
        .await;
    assert!(r.body["data"]
        .as_array()
        .unwrap()
        .iter()
        .all(|x| x["phone_number_type"] == "toll_free"));
    assert!(r.body["meta"]["total_results"].as_u64().unwrap() >= 200);
    let r = ctx
        .get("/phone_numbers?filter[phone_number]=2125550100")
        .await;
    assert_eq!(phones(&r.body), vec!["+12125550100"]);
    let r = ctx
        .get("/phone_numbers?filter[number_type][eq]=tollfree")
        .await;
    assert_eq!(r.status, 400);
    let r = ctx.get("/phone_numbers?filter[status]=bogus").await;
    assert_eq!(r.error()["source"]["parameter"], "filter[status]");
}

#[tokio::test]
async fn ten_dlc_tollfree_and_detail_records() {
    let ctx = Ctx::demo().await;
    let r = ctx
        .get("/10dlc/phone_number_campaigns?recordsPerPage=5&page=2")
        .await;
    assert_eq!(r.body["records"].as_array().unwrap().len(), 5);
    assert_eq!(r.body["page"], 2);
    assert!(r.body["totalRecords"].as_u64().unwrap() > 500);
    assert!(r.body.get("data").is_none());
    let one = ctx.get("/10dlc/phone_number_campaigns/+12125550101").await;
    assert_eq!(one.body["assignmentStatus"], "PENDING_ASSIGNMENT");
    let failed = ctx
        .get("/10dlc/phone_number_campaigns/%2B12125550102")
        .await;
    assert_eq!(failed.body["assignmentStatus"], "FAILED_ASSIGNMENT");
    assert!(failed.body["failureReasons"].as_str().is_some());
    assert_eq!(
        ctx.get("/10dlc/phone_number_campaigns/+12125550103")
            .await
            .status,
        404
    );
    let campaign = ctx
        .get(&format!(
            "/10dlc/campaign/{}",
            one.body["campaignId"].as_str().unwrap()
        ))
        .await;
    assert_eq!(campaign.body["campaignStatus"], "TCR_PENDING");
    let tcr = one.body["tcrCampaignId"].as_str().unwrap();
    let r = ctx.get(&format!("/10dlc/phone_number_campaigns?filter[tcr_campaign_id]={tcr}&sort=phoneNumber&recordsPerPage=500")).await;
    let recs = r.body["records"].as_array().unwrap();
    assert!(recs.iter().all(|x| x["tcrCampaignId"] == tcr));
    let nums: Vec<&str> = recs
        .iter()
        .map(|x| x["phoneNumber"].as_str().unwrap())
        .collect();
    let mut sorted = nums.clone();
    sorted.sort();
    assert_eq!(nums, sorted);

    let r = ctx
        .get("/messaging_tollfree/verification/requests?page=1")
        .await;
    assert_eq!(
        (r.status, r.error()["source"]["parameter"].clone()),
        (400, json!("page_size"))
    );
    let r = ctx.get("/messaging_tollfree/verification/requests?page=1&page_size=10&phone_number=%2B18005550102").await;
    assert_eq!(r.body["total_records"], 1);
    assert_eq!(r.body["records"][0]["verificationStatus"], "Rejected");
    let r = ctx
        .get("/messaging_tollfree/verification/requests?page=1&page_size=500&status=Verified")
        .await;
    assert!(r.body["records"]
        .as_array()
        .unwrap()
        .iter()
        .all(|x| x["verificationStatus"] == "Verified"));
    assert_eq!(
        r.body["records"].as_array().unwrap().len(),
        100,
        "page_size is clamped"
    );
    let r = ctx.get("/messaging_tollfree/verification/requests?page=1&page_size=10&phone_number=%2B18005550103").await;
    assert_eq!(r.body["total_records"], 0, "never submitted");

    let r = ctx
        .get("/detail_records?filter[record_type]=messaging&filter[cli]=%2B12125550103")
        .await;
    let data = r.body["data"].as_array().unwrap();
    assert_eq!(data.len(), 2);
    assert!(data
        .iter()
        .all(|x| x["errors"] == json!(["40010"]) && x["cli"] == "+12125550103"));
    assert!(
        data[0]["created_at"].as_str() >= data[1]["created_at"].as_str(),
        "newest first"
    );
    let r = ctx.get("/detail_records?filter[cli]=%2B12125550103").await;
    assert_eq!(
        (r.status, r.error()["source"]["parameter"].clone()),
        (400, json!("filter[record_type]"))
    );
    let r = ctx
        .get("/detail_records?filter[record_type]=messaging&filter[cli]=%2B12125550104")
        .await;
    assert_eq!(r.body["data"][0]["errors"], json!(["40305"]));
}
