//! The account a simulator serves: profiles, numbers, 10DLC campaigns, toll-free verifications and
//! message detail records, written from the Telnyx spec (not from the client's types).
//!
//! The same structs are the scenario-file format (see `SCENARIOS.md`), so every struct denies unknown
//! fields and every optional field has a documented default.

pub mod demo;
pub mod generated;
pub mod numbering;

use serde::{Deserialize, Serialize};

use crate::errors::SimError;

/// Timestamp used for records whose scenario gives none (fixed, so accounts are deterministic).
pub const DEFAULT_TIMESTAMP: &str = "2025-09-01T12:00:00.000Z";
/// `organization_id` reported on every record of an account that names none.
pub const DEFAULT_ORGANIZATION_ID: &str = "9f1c2d3e-4b5a-4c6d-8e7f-0a1b2c3d4e5f";

/// A whole simulated Telnyx account.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Account {
    /// `organization_id` shown on profiles and number settings.
    #[serde(default = "default_organization_id")]
    pub organization_id: String,
    /// Messaging profiles.
    #[serde(default)]
    pub profiles: Vec<Profile>,
    /// Phone numbers (DIDs and short codes) with their messaging settings.
    #[serde(default)]
    pub numbers: Vec<Number>,
    /// 10DLC campaigns (`GET /10dlc/campaign/{campaignId}`).
    #[serde(default)]
    pub campaigns: Vec<Campaign>,
    /// Number ↔ campaign assignments (`/10dlc/phone_number_campaigns`).
    #[serde(default)]
    pub campaign_assignments: Vec<CampaignAssignment>,
    /// Toll-free verification requests.
    #[serde(default)]
    pub verifications: Vec<Verification>,
    /// Message detail records (`/detail_records?filter[record_type]=messaging`).
    #[serde(default)]
    pub message_records: Vec<MessageRecord>,
    /// Numbers only in the inventory: listed by `GET /phone_numbers` and found by
    /// `GET /phone_numbers/{id}`, but without messaging settings (absent from
    /// `GET /phone_numbers/messaging`, 404 on `/phone_numbers/{id}/messaging`), as the guide says a
    /// number can be (FACTS.md §9, troubleshooting 1). Their messaging fields are not served.
    #[serde(default)]
    pub inventory_only: Vec<Number>,
}

fn default_organization_id() -> String {
    DEFAULT_ORGANIZATION_ID.to_string()
}
fn default_true() -> bool {
    true
}
fn default_timestamp() -> String {
    DEFAULT_TIMESTAMP.to_string()
}
fn default_webhook_api_version() -> String {
    "2".to_string()
}
fn default_whitelist() -> Vec<String> {
    vec!["US".to_string(), "CA".to_string()]
}
fn default_redaction_level() -> i64 {
    2
}
fn default_spend_limit() -> String {
    "100.00".to_string()
}
fn default_product() -> String {
    "A2P".to_string()
}
fn default_eligible() -> Vec<String> {
    vec!["A2P".to_string()]
}
fn default_status() -> String {
    "active".to_string()
}

/// A messaging profile (`MessagingProfile` in the spec).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Profile {
    /// UUID.
    pub id: String,
    pub name: String,
    #[serde(default = "default_true")]
    pub enabled: bool,
    /// `null` or `""` means "no webhook".
    #[serde(default)]
    pub webhook_url: Option<String>,
    #[serde(default)]
    pub webhook_failover_url: Option<String>,
    #[serde(default = "default_webhook_api_version")]
    pub webhook_api_version: String,
    #[serde(default = "default_whitelist")]
    pub whitelisted_destinations: Vec<String>,
    #[serde(default)]
    pub number_pool_settings: Option<NumberPoolSettings>,
    #[serde(default)]
    pub url_shortener_settings: Option<UrlShortenerSettings>,
    #[serde(default)]
    pub alpha_sender: Option<String>,
    #[serde(default = "default_spend_limit")]
    pub daily_spend_limit: String,
    #[serde(default)]
    pub daily_spend_limit_enabled: bool,
    #[serde(default)]
    pub mms_fall_back_to_sms: bool,
    #[serde(default)]
    pub mms_transcoding: bool,
    #[serde(default)]
    pub mobile_only: bool,
    #[serde(default)]
    pub smart_encoding: bool,
    #[serde(default)]
    pub redaction_enabled: bool,
    #[serde(default = "default_redaction_level")]
    pub redaction_level: i64,
    #[serde(default)]
    pub v1_secret: String,
    #[serde(default = "default_timestamp")]
    pub created_at: String,
    #[serde(default = "default_timestamp")]
    pub updated_at: String,
}

impl Profile {
    /// A profile with the API's defaults for everything but id and name.
    pub fn new(id: impl Into<String>, name: impl Into<String>) -> Self {
        Profile {
            id: id.into(),
            name: name.into(),
            enabled: true,
            webhook_url: Some(String::new()),
            webhook_failover_url: Some(String::new()),
            webhook_api_version: default_webhook_api_version(),
            whitelisted_destinations: default_whitelist(),
            number_pool_settings: None,
            url_shortener_settings: None,
            alpha_sender: None,
            daily_spend_limit: default_spend_limit(),
            daily_spend_limit_enabled: false,
            mms_fall_back_to_sms: false,
            mms_transcoding: false,
            mobile_only: false,
            smart_encoding: false,
            redaction_enabled: false,
            redaction_level: 2,
            v1_secret: String::new(),
            created_at: default_timestamp(),
            updated_at: default_timestamp(),
        }
    }
}

/// `NumberPoolSettings`.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct NumberPoolSettings {
    pub long_code_weight: f64,
    pub toll_free_weight: f64,
    pub skip_unhealthy: bool,
    #[serde(default)]
    pub sticky_sender: bool,
    #[serde(default)]
    pub geomatch: bool,
}

/// `UrlShortenerSettings`.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct UrlShortenerSettings {
    pub domain: String,
    #[serde(default)]
    pub prefix: String,
    #[serde(default)]
    pub replace_blacklist_only: bool,
    #[serde(default)]
    pub send_webhooks: bool,
}

/// Kind of messaging number, as `type` in the messaging settings (spec spellings accepted on input).
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq, Hash)]
pub enum NumberKind {
    #[serde(rename = "longcode", alias = "long-code", alias = "long_code")]
    LongCode,
    #[serde(rename = "tollfree", alias = "toll-free", alias = "toll_free")]
    TollFree,
    #[serde(rename = "shortcode", alias = "short-code", alias = "short_code")]
    ShortCode,
}

impl NumberKind {
    /// All kinds, in index order.
    pub const ALL: [NumberKind; 3] = [
        NumberKind::LongCode,
        NumberKind::TollFree,
        NumberKind::ShortCode,
    ];

    /// The current API's spelling (`longcode`, `tollfree`, `shortcode`).
    pub fn api_name(self) -> &'static str {
        match self {
            NumberKind::LongCode => "longcode",
            NumberKind::TollFree => "tollfree",
            NumberKind::ShortCode => "shortcode",
        }
    }

    /// The legacy `/messaging_phone_numbers` spelling (`long-code`, `toll-free`, `short-code`).
    pub fn legacy_name(self) -> &'static str {
        match self {
            NumberKind::LongCode => "long-code",
            NumberKind::TollFree => "toll-free",
            NumberKind::ShortCode => "short-code",
        }
    }

    /// Position in [`NumberKind::ALL`].
    pub fn index(self) -> usize {
        match self {
            NumberKind::LongCode => 0,
            NumberKind::TollFree => 1,
            NumberKind::ShortCode => 2,
        }
    }

    /// Parses any spelling the spec lists.
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "longcode" | "long-code" | "long_code" => Some(NumberKind::LongCode),
            "tollfree" | "toll-free" | "toll_free" => Some(NumberKind::TollFree),
            "shortcode" | "short-code" | "short_code" => Some(NumberKind::ShortCode),
            _ => None,
        }
    }
}

/// `MessagingFeatureSet`.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct FeatureSet {
    pub domestic_two_way: bool,
    pub international_inbound: bool,
    pub international_outbound: bool,
}

impl FeatureSet {
    /// Every feature on.
    pub const FULL: FeatureSet = FeatureSet {
        domestic_two_way: true,
        international_inbound: true,
        international_outbound: true,
    };
    /// Domestic only.
    pub const DOMESTIC: FeatureSet = FeatureSet {
        domestic_two_way: true,
        international_inbound: false,
        international_outbound: false,
    };
}

/// `features` of the messaging settings; a `null` set means that feature is unavailable.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Features {
    #[serde(default)]
    pub sms: Option<FeatureSet>,
    #[serde(default)]
    pub mms: Option<FeatureSet>,
}

impl Default for Features {
    fn default() -> Self {
        Features {
            sms: Some(FeatureSet::FULL),
            mms: None,
        }
    }
}

/// `NumberHealthMetrics`.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Health {
    pub message_count: u64,
    pub inbound_outbound_ratio: f64,
    pub success_ratio: f64,
    pub spam_ratio: f64,
}

impl Default for Health {
    fn default() -> Self {
        Health {
            message_count: 0,
            inbound_outbound_ratio: 0.0,
            success_ratio: 1.0,
            spam_ratio: 0.0,
        }
    }
}

/// A number on the account: its inventory record (`PhoneNumberDetailed`) and its messaging settings
/// (`PhoneNumberWithMessagingSettings`) in one place, so an assignment is visible everywhere at once.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Number {
    /// `+E.164` (or the bare digits of a short code).
    pub phone_number: String,
    /// Numeric string id; derived from the phone number when empty.
    #[serde(default)]
    pub id: String,
    #[serde(rename = "type")]
    pub kind: NumberKind,
    /// ISO alpha-2.
    pub country_code: String,
    #[serde(default)]
    pub messaging_profile_id: Option<String>,
    #[serde(default = "default_product")]
    pub messaging_product: String,
    #[serde(default = "default_eligible")]
    pub eligible_messaging_products: Vec<String>,
    #[serde(default = "default_product")]
    pub traffic_type: String,
    #[serde(default)]
    pub features: Features,
    #[serde(default)]
    pub health: Health,
    #[serde(default)]
    pub tags: Vec<String>,
    /// `PhoneNumberDetailed.status` (`active`, `purchase-pending`, …).
    #[serde(default = "default_status")]
    pub status: String,
    /// `PhoneNumberDetailed.phone_number_type`; derived from `type` and country when absent.
    #[serde(default)]
    pub phone_number_type: Option<String>,
    #[serde(default)]
    pub connection_id: Option<String>,
    #[serde(default)]
    pub connection_name: Option<String>,
    #[serde(default)]
    pub customer_reference: Option<String>,
    #[serde(default = "default_timestamp")]
    pub created_at: String,
    #[serde(default = "default_timestamp")]
    pub updated_at: String,
    #[serde(default = "default_timestamp")]
    pub purchased_at: String,
}

impl Number {
    /// A messaging-capable, active number with default settings.
    pub fn new(
        phone_number: impl Into<String>,
        kind: NumberKind,
        country_code: impl Into<String>,
    ) -> Self {
        Number {
            phone_number: phone_number.into(),
            id: String::new(),
            kind,
            country_code: country_code.into(),
            messaging_profile_id: None,
            messaging_product: default_product(),
            eligible_messaging_products: default_eligible(),
            traffic_type: default_product(),
            features: Features::default(),
            health: Health::default(),
            tags: Vec::new(),
            status: default_status(),
            phone_number_type: None,
            connection_id: None,
            connection_name: None,
            customer_reference: None,
            created_at: default_timestamp(),
            updated_at: default_timestamp(),
            purchased_at: default_timestamp(),
        }
    }

    /// `phone_number_type` as `/v2/phone_numbers` reports it.
    pub fn inventory_type(&self) -> &str {
        if let Some(t) = &self.phone_number_type {
            return t;
        }
        match self.kind {
            NumberKind::TollFree => "toll_free",
            NumberKind::ShortCode => "shortcode",
            NumberKind::LongCode => "local",
        }
    }
}

/// A 10DLC campaign (`TelnyxCampaign_CSP`).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Campaign {
    /// Telnyx campaign id (UUID), the `{campaignId}` of `GET /10dlc/campaign/{campaignId}`.
    pub campaign_id: String,
    pub tcr_campaign_id: String,
    pub brand_id: String,
    pub tcr_brand_id: String,
    #[serde(default)]
    pub brand_display_name: String,
    #[serde(default = "default_usecase")]
    pub usecase: String,
    #[serde(default)]
    pub description: String,
    /// `campaignStatus` enum (e.g. `MNO_PROVISIONED`, `TCR_PENDING`, `MNO_REJECTED`).
    pub campaign_status: String,
    /// `status` ("ACTIVE", "EXPIRED", …).
    #[serde(default = "default_campaign_status")]
    pub status: String,
    /// `submissionStatus` (`CREATED|FAILED|PENDING`).
    #[serde(default = "default_submission")]
    pub submission_status: String,
    #[serde(default)]
    pub failure_reasons: Option<String>,
    #[serde(default = "default_timestamp")]
    pub create_date: String,
}

fn default_usecase() -> String {
    "CUSTOMER_CARE".to_string()
}
fn default_campaign_status() -> String {
    "ACTIVE".to_string()
}
fn default_submission() -> String {
    "CREATED".to_string()
}

/// A number ↔ campaign assignment (`PhoneNumberCampaign`).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct CampaignAssignment {
    pub phone_number: String,
    /// Telnyx campaign id of a campaign in `campaigns`.
    pub campaign_id: String,
    /// `FAILED_ASSIGNMENT|PENDING_ASSIGNMENT|ASSIGNED|PENDING_UNASSIGNMENT|FAILED_UNASSIGNMENT`.
    pub assignment_status: String,
    #[serde(default)]
    pub failure_reasons: Option<String>,
    #[serde(default = "default_timestamp")]
    pub created_at: String,
    #[serde(default = "default_timestamp")]
    pub updated_at: String,
}

/// A toll-free verification request (`VerificationRequestStatus`).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Verification {
    /// UUID.
    pub id: String,
    pub phone_numbers: Vec<String>,
    /// `Verified|Rejected|Waiting For Vendor|Waiting For Customer|Waiting For Telnyx|In Progress`.
    pub verification_status: String,
    #[serde(default)]
    pub reason: Option<String>,
    pub business_name: String,
    #[serde(default = "default_use_case")]
    pub use_case: String,
    #[serde(default = "default_volume")]
    pub message_volume: String,
    #[serde(default = "default_timestamp")]
    pub created_at: String,
    #[serde(default = "default_timestamp")]
    pub updated_at: String,
}

fn default_use_case() -> String {
    "Appointments".to_string()
}
fn default_volume() -> String {
    "10,000".to_string()
}

/// A message detail record (`MessageDetailRecord`).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct MessageRecord {
    pub uuid: String,
    /// Sender.
    pub cli: String,
    /// Recipient.
    pub cld: String,
    /// `inbound|outbound`.
    #[serde(default = "default_direction")]
    pub direction: String,
    /// `gw_timeout|delivered|dlr_unconfirmed|dlr_timeout|received|gw_reject|failed`.
    pub status: String,
    /// Error code strings, e.g. `["40010"]`.
    #[serde(default)]
    pub errors: Vec<String>,
    #[serde(default = "default_message_type")]
    pub message_type: String,
    #[serde(default = "default_parts")]
    pub parts: u32,
    #[serde(default)]
    pub carrier: String,
    #[serde(default)]
    pub profile_id: Option<String>,
    #[serde(default)]
    pub profile_name: Option<String>,
    /// The recipient's country (ISO alpha-2), when known.
    #[serde(default)]
    pub country_code: Option<String>,
    #[serde(default = "default_timestamp")]
    pub created_at: String,
}

fn default_direction() -> String {
    "outbound".to_string()
}
fn default_message_type() -> String {
    "SMS".to_string()
}
fn default_parts() -> u32 {
    1
}

impl Account {
    /// The demo account (deterministic; see `DEMO.md`).
    pub fn demo() -> Self {
        demo::build()
    }

    /// A deterministic account of `numbers` numbers for benchmarks and scale tests.
    pub fn generated(numbers: usize, seed: u64) -> Self {
        generated::build(numbers, seed)
    }

    /// Loads a scenario file (JSON, see `SCENARIOS.md`). Unknown fields are an error naming the field,
    /// line and column.
    pub fn from_scenario_json(text: &str) -> Result<Self, SimError> {
        crate::scenario::parse(text)
    }

    /// Fills derived fields (ids) and checks cross references; called on every account a simulator loads.
    pub(crate) fn normalized(mut self) -> Result<Self, SimError> {
        let mut seen = std::collections::HashSet::new();
        for n in self
            .numbers
            .iter_mut()
            .chain(self.inventory_only.iter_mut())
        {
            if n.id.is_empty() {
                n.id = numbering::id_for(&n.phone_number);
            }
            if !seen.insert(n.phone_number.clone()) {
                return Err(SimError::Scenario(format!(
                    "duplicate phone number {}",
                    n.phone_number
                )));
            }
        }
        let profile_ids: std::collections::HashSet<&str> =
            self.profiles.iter().map(|p| p.id.as_str()).collect();
        if profile_ids.len() != self.profiles.len() {
            return Err(SimError::Scenario(
                "duplicate messaging profile id".to_string(),
            ));
        }
        for n in &mut self.numbers {
            if let Some(p) = &n.messaging_profile_id {
                if p.is_empty() {
                    n.messaging_profile_id = None;
                } else if !profile_ids.contains(p.as_str()) {
                    return Err(SimError::Scenario(format!(
                        "number {} names messaging_profile_id {p}, which is not in profiles",
                        n.phone_number
                    )));
                }
            }
        }
        self.check_enumerations()?;
        let campaign_ids: std::collections::HashSet<&str> = self
            .campaigns
            .iter()
            .map(|c| c.campaign_id.as_str())
            .collect();
        for a in &self.campaign_assignments {
            if !campaign_ids.contains(a.campaign_id.as_str()) {
                return Err(SimError::Scenario(format!(
                    "campaign assignment of {} names campaign_id {}, which is not in campaigns",
                    a.phone_number, a.campaign_id
                )));
            }
        }
        Ok(self)
    }

    /// Rejects enumerated values the spec does not list, so a scenario cannot make the simulator answer
    /// something the official schema would reject.
    fn check_enumerations(&self) -> Result<(), SimError> {
        fn check(what: &str, owner: &str, value: &str, allowed: &[&str]) -> Result<(), SimError> {
            if allowed.contains(&value) {
                Ok(())
            } else {
                Err(SimError::Scenario(format!(
                    "{owner}: {what} '{value}' is not one of: {}",
                    allowed.join(", ")
                )))
            }
        }
        for n in &self.numbers {
            check("status", &n.phone_number, &n.status, &NUMBER_STATUSES)?;
            if let Some(t) = &n.phone_number_type {
                check("phone_number_type", &n.phone_number, t, &PHONE_NUMBER_TYPES)?;
            }
            let country_ok =
                n.country_code.len() == 2 && n.country_code.chars().all(|c| c.is_ascii_uppercase());
            if !country_ok {
                return Err(SimError::Scenario(format!(
                    "{}: country_code '{}' must be an ISO alpha-2 code such as US",
                    n.phone_number, n.country_code
                )));
            }
        }
        for p in &self.profiles {
            check(
                "webhook_api_version",
                &p.name,
                &p.webhook_api_version,
                &["1", "2", "2010-04-01"],
            )?;
            for d in &p.whitelisted_destinations {
                let ok = d == "*" || (d.len() == 2 && d.chars().all(|c| c.is_ascii_uppercase()));
                if !ok {
                    return Err(SimError::Scenario(format!(
                        "{}: whitelisted_destinations entry '{d}' must be an ISO alpha-2 code",
                        p.name
                    )));
                }
            }
        }
        for c in &self.campaigns {
            check(
                "campaign_status",
                &c.campaign_id,
                &c.campaign_status,
                &CAMPAIGN_STATUSES,
            )?;
            check(
                "submission_status",
                &c.campaign_id,
                &c.submission_status,
                &["CREATED", "FAILED", "PENDING"],
            )?;
        }
        for a in &self.campaign_assignments {
            check(
                "assignment_status",
                &a.phone_number,
                &a.assignment_status,
                &ASSIGNMENT_STATUSES,
            )?;
        }
        for v in &self.verifications {
            check(
                "verification_status",
                &v.id,
                &v.verification_status,
                &VERIFICATION_STATUSES,
            )?;
            check("message_volume", &v.id, &v.message_volume, &MESSAGE_VOLUMES)?;
        }
        for r in &self.message_records {
            check("status", &r.uuid, &r.status, &MDR_STATUSES)?;
            check("direction", &r.uuid, &r.direction, &["inbound", "outbound"])?;
            check(
                "message_type",
                &r.uuid,
                &r.message_type,
                &["SMS", "MMS", "RCS"],
            )?;
        }
        Ok(())
    }
}

/// `PhoneNumberDetailed.status`.
pub const NUMBER_STATUSES: [&str; 13] = [
    "purchase-pending",
    "purchase-failed",
    "port-pending",
    "port-failed",
    "active",
    "deleted",
    "emergency-only",
    "ported-out",
    "port-out-pending",
    "requirement-info-pending",
    "requirement-info-under-review",
    "requirement-info-exception",
    "provision-pending",
];
/// `PhoneNumberDetailed.phone_number_type`.
pub const PHONE_NUMBER_TYPES: [&str; 9] = [
    "local",
    "toll_free",
    "mobile",
    "national",
    "shared_cost",
    "landline",
    "tollfree",
    "shortcode",
    "longcode",
];
/// `TelnyxCampaign_CSP.campaignStatus`.
pub const CAMPAIGN_STATUSES: [&str; 12] = [
    "TCR_PENDING",
    "TCR_SUSPENDED",
    "TCR_EXPIRED",
    "TCR_ACCEPTED",
    "TCR_FAILED",
    "TELNYX_ACCEPTED",
    "TELNYX_FAILED",
    "MNO_PENDING",
    "MNO_ACCEPTED",
    "MNO_REJECTED",
    "MNO_PROVISIONED",
    "MNO_PROVISIONING_FAILED",
];
/// `PhoneNumberCampaign.assignmentStatus`.
pub const ASSIGNMENT_STATUSES: [&str; 5] = [
    "FAILED_ASSIGNMENT",
    "PENDING_ASSIGNMENT",
    "ASSIGNED",
    "PENDING_UNASSIGNMENT",
    "FAILED_UNASSIGNMENT",
];
/// `TFVerificationStatus`.
pub const VERIFICATION_STATUSES: [&str; 6] = [
    "Verified",
    "Rejected",
    "Waiting For Vendor",
    "Waiting For Customer",
    "Waiting For Telnyx",
    "In Progress",
];
/// `Volume`.
pub const MESSAGE_VOLUMES: [&str; 11] = [
    "10",
    "100",
    "1,000",
    "10,000",
    "100,000",
    "250,000",
    "500,000",
    "750,000",
    "1,000,000",
    "5,000,000",
    "10,000,000+",
];
/// `MessageDetailRecord.status`.
pub const MDR_STATUSES: [&str; 7] = [
    "gw_timeout",
    "delivered",
    "dlr_unconfirmed",
    "dlr_timeout",
    "received",
    "gw_reject",
    "failed",
];
