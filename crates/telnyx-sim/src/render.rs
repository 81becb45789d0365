//! JSON renderings of account records exactly as the spec names and spells their fields.

use serde::Serialize;
use serde_json::{json, Value};

use crate::account::{
    Campaign, CampaignAssignment, Features, Health, MessageRecord, Number, Profile, Verification,
};
use crate::state::{BulkOrder, BulkOutcome, State};

/// `PhoneNumberWithMessagingSettings` (`record_type` `messaging_settings`), or the legacy
/// `/messaging_phone_numbers` record (`record_type` `messaging_phone_number`, `id` = E.164, dashed `type`).
/// Borrowed and serialized directly: this is the hot path of 250-number pages.
#[derive(Debug, Serialize)]
pub struct NumberSettings<'a> {
    record_type: &'static str,
    id: &'a str,
    phone_number: &'a str,
    messaging_profile_id: Option<&'a str>,
    messaging_product: &'a str,
    eligible_messaging_products: &'a [String],
    traffic_type: &'a str,
    #[serde(rename = "type")]
    kind: &'static str,
    country_code: &'a str,
    features: &'a Features,
    health: &'a Health,
    organization_id: &'a str,
    tags: &'a [String],
    created_at: &'a str,
    updated_at: &'a str,
}

/// Borrows a number as its messaging-settings record.
pub fn settings<'a>(n: &'a Number, organization_id: &'a str, legacy: bool) -> NumberSettings<'a> {
    let (record_type, id, kind) = if legacy {
        (
            "messaging_phone_number",
            n.phone_number.as_str(),
            n.kind.legacy_name(),
        )
    } else {
        ("messaging_settings", n.id.as_str(), n.kind.api_name())
    };
    NumberSettings {
        record_type,
        id,
        phone_number: &n.phone_number,
        messaging_profile_id: n.messaging_profile_id.as_deref(),
        messaging_product: &n.messaging_product,
        eligible_messaging_products: &n.eligible_messaging_products,
        traffic_type: &n.traffic_type,
        kind,
        country_code: &n.country_code,
        features: &n.features,
        health: &n.health,
        organization_id,
        tags: &n.tags,
        created_at: &n.created_at,
        updated_at: &n.updated_at,
    }
}

/// The messaging-settings record as a JSON value.
pub fn number_settings(n: &Number, organization_id: &str, legacy: bool) -> Value {
    serde_json::to_value(settings(n, organization_id, legacy)).unwrap_or(Value::Null)
}

/// `MessagingProfile`.
pub fn profile(p: &Profile, organization_id: &str) -> Value {
    json!({
        "record_type": "messaging_profile",
        "id": p.id,
        "name": p.name,
        "enabled": p.enabled,
        "webhook_url": p.webhook_url,
        "webhook_failover_url": p.webhook_failover_url,
        "webhook_api_version": p.webhook_api_version,
        "whitelisted_destinations": p.whitelisted_destinations,
        "number_pool_settings": p.number_pool_settings,
        "url_shortener_settings": p.url_shortener_settings,
        "alpha_sender": p.alpha_sender,
        "daily_spend_limit": p.daily_spend_limit,
        "daily_spend_limit_enabled": p.daily_spend_limit_enabled,
        "mms_fall_back_to_sms": p.mms_fall_back_to_sms,
        "mms_transcoding": p.mms_transcoding,
        "mobile_only": p.mobile_only,
        "smart_encoding": p.smart_encoding,
        "redaction_enabled": p.redaction_enabled,
        "redaction_level": p.redaction_level,
        "health_webhook_url": null,
        "ai_assistant_id": null,
        "resource_group_id": null,
        "v1_secret": p.v1_secret,
        "organization_id": organization_id,
        "created_at": p.created_at,
        "updated_at": p.updated_at,
    })
}

/// `PhoneNumberDetailed` (`record_type` `phone_number`). Borrowed and serialized directly: a
/// 250-number page of these is the largest list the app reads.
#[derive(Debug, Serialize)]
pub struct PhoneNumberRecord<'a> {
    record_type: &'static str,
    id: &'a str,
    phone_number: &'a str,
    status: &'a str,
    tags: &'a [String],
    external_pin: Option<&'a str>,
    connection_id: Option<&'a str>,
    connection_name: Option<&'a str>,
    customer_reference: Option<&'a str>,
    messaging_profile_id: Option<&'a str>,
    messaging_profile_name: Option<&'a str>,
    billing_group_id: Option<&'a str>,
    emergency_enabled: bool,
    emergency_address_id: Option<&'a str>,
    emergency_status: &'static str,
    call_forwarding_enabled: bool,
    cnam_listing_enabled: bool,
    caller_id_name_enabled: bool,
    call_recording_enabled: bool,
    t38_fax_gateway_enabled: bool,
    hd_voice_enabled: bool,
    inbound_call_screening: &'static str,
    deletion_lock_enabled: bool,
    phone_number_type: &'a str,
    country_iso_alpha2: &'a str,
    source_type: &'static str,
    purchased_at: &'a str,
    activated_at: Option<&'a str>,
    created_at: &'a str,
    updated_at: &'a str,
}

/// `PhoneNumberDetailed` (`GET /phone_numbers[/{id}]`), with the live profile id and name.
pub fn phone_number<'a>(state: &'a State, n: &'a Number) -> PhoneNumberRecord<'a> {
    let profile_name = n
        .messaging_profile_id
        .as_deref()
        .and_then(|id| state.profile_name(id));
    let activated = (n.status == "active").then_some(n.purchased_at.as_str());
    let source_type = if n.tags.iter().any(|t| t == "ported") {
        "port_request"
    } else {
        "number_order"
    };
    PhoneNumberRecord {
        record_type: "phone_number",
        id: &n.id,
        phone_number: &n.phone_number,
        status: &n.status,
        tags: &n.tags,
        external_pin: None,
        connection_id: n.connection_id.as_deref(),
        connection_name: n.connection_name.as_deref(),
        customer_reference: n.customer_reference.as_deref(),
        messaging_profile_id: n.messaging_profile_id.as_deref(),
        messaging_profile_name: profile_name,
        billing_group_id: None,
        emergency_enabled: false,
        emergency_address_id: None,
        emergency_status: "disabled",
        call_forwarding_enabled: true,
        cnam_listing_enabled: false,
        caller_id_name_enabled: false,
        call_recording_enabled: false,
        t38_fax_gateway_enabled: false,
        hd_voice_enabled: false,
        inbound_call_screening: "disabled",
        deletion_lock_enabled: false,
        phone_number_type: n.inventory_type(),
        country_iso_alpha2: &n.country_code,
        source_type,
        purchased_at: &n.purchased_at,
        activated_at: activated,
        created_at: &n.created_at,
        updated_at: &n.updated_at,
    }
}

/// `PhoneNumberCampaign` (camelCase, no `data` wrapper); the campaign's ids when it is known.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CampaignAssignmentRecord<'a> {
    phone_number: &'a str,
    campaign_id: &'a str,
    assignment_status: &'a str,
    created_at: &'a str,
    updated_at: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    telnyx_campaign_id: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    tcr_campaign_id: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    brand_id: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    tcr_brand_id: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    failure_reasons: Option<&'a str>,
}

/// `PhoneNumberCampaign` (camelCase, no `data` wrapper).
pub fn campaign_assignment<'a>(
    a: &'a CampaignAssignment,
    c: Option<&'a Campaign>,
) -> CampaignAssignmentRecord<'a> {
    CampaignAssignmentRecord {
        phone_number: &a.phone_number,
        campaign_id: &a.campaign_id,
        assignment_status: &a.assignment_status,
        created_at: &a.created_at,
        updated_at: &a.updated_at,
        telnyx_campaign_id: c.map(|c| c.campaign_id.as_str()),
        tcr_campaign_id: c.map(|c| c.tcr_campaign_id.as_str()),
        brand_id: c.map(|c| c.brand_id.as_str()),
        tcr_brand_id: c.map(|c| c.tcr_brand_id.as_str()),
        failure_reasons: a.failure_reasons.as_deref(),
    }
}

/// `TelnyxCampaign_CSP`.
pub fn campaign(c: &Campaign) -> Value {
    let mut v = json!({
        "campaignId": c.campaign_id,
        "tcrCampaignId": c.tcr_campaign_id,
        "brandId": c.brand_id,
        "tcrBrandId": c.tcr_brand_id,
        "brandDisplayName": c.brand_display_name,
        "cspId": "TELNYX",
        "usecase": c.usecase,
        "subUsecases": [],
        "description": c.description,
        "mock": false,
        "termsAndConditions": true,
        "campaignStatus": c.campaign_status,
        "status": c.status,
        "submissionStatus": c.submission_status,
        "isTMobileRegistered": c.campaign_status == "MNO_PROVISIONED",
        "isTMobileSuspended": false,
        "isTMobileNumberPoolingEnabled": false,
        "numberPool": false,
        "ageGated": false,
        "directLending": false,
        "embeddedLink": false,
        "embeddedPhone": false,
        "subscriberOptin": true,
        "subscriberOptout": true,
        "subscriberHelp": true,
        "autoRenewal": true,
        "sample1": "Hi, this is the demo team: your appointment is confirmed. Reply STOP to opt out.",
        "messageFlow": "Customers opt in on the website sign-up form.",
        "createDate": c.create_date,
    });
    if let Some(r) = &c.failure_reasons {
        v["failureReasons"] = json!(r);
    }
    v
}

/// `VerificationRequestStatus` (every field the schema requires).
pub fn verification(v: &Verification) -> Value {
    let mut out = json!({
        "id": v.id,
        "phoneNumbers": v.phone_numbers.iter().map(|p| json!({"phoneNumber": p})).collect::<Vec<_>>(),
        "verificationStatus": v.verification_status,
        "businessName": v.business_name,
        "corporateWebsite": "https://www.example.com",
        "businessAddr1": "600 Congress Ave",
        "businessCity": "Austin",
        "businessState": "TX",
        "businessZip": "78701",
        "businessContactFirstName": "Alex",
        "businessContactLastName": "Rivera",
        "businessContactEmail": "messaging-admin@example.com",
        "businessContactPhone": "+15125550100",
        "messageVolume": v.message_volume,
        "useCase": v.use_case,
        "useCaseSummary": "Customers text us about orders and appointments.",
        "productionMessageContent": "Your order #1234 has shipped. Reply STOP to opt out.",
        "optInWorkflow": "Customers opt in by checking a box on the web order form.",
        "optInWorkflowImageURLs": [{"url": "https://www.example.com/opt-in.png"}],
        "additionalInformation": "Demo account record.",
        "isvReseller": "No",
        "createdAt": v.created_at,
        "updatedAt": v.updated_at,
    });
    if let Some(r) = &v.reason {
        out["reason"] = json!(r);
    }
    out
}

/// `MessageDetailRecord`.
pub fn message_record(r: &MessageRecord) -> Value {
    let mut v = json!({
        "record_type": "message_detail_record",
        "uuid": r.uuid,
        "cli": r.cli,
        "cld": r.cld,
        "direction": r.direction,
        "status": r.status,
        "errors": r.errors,
        "message_type": r.message_type,
        "parts": r.parts,
        "carrier": r.carrier,
        "cost": "0.0040",
        "rate": "0.0040",
        "currency": "USD",
        "created_at": r.created_at,
        "sent_at": r.created_at,
        "completed_at": r.created_at,
    });
    if let Some(p) = &r.profile_id {
        v["profile_id"] = json!(p);
    }
    if let Some(p) = &r.profile_name {
        v["profile_name"] = json!(p);
    }
    if let Some(c) = &r.country_code {
        v["country_code"] = json!(c);
    }
    v
}

/// `BulkMessagingSettingsUpdatePhoneNumbers`.
pub fn bulk_order(o: &BulkOrder) -> Value {
    let pick = |want: BulkOutcome| -> Vec<&str> {
        o.items
            .iter()
            .filter(|i| i.outcome == want)
            .map(|i| i.phone_number.as_str())
            .collect()
    };
    json!({
        "record_type": "messaging_numbers_bulk_update",
        "order_id": o.order_id,
        "success": pick(BulkOutcome::Success),
        "pending": pick(BulkOutcome::Pending),
        "failed": pick(BulkOutcome::Failed),
    })
}
