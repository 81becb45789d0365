//! Messaging profiles (`MessagingProfile`, FACTS.md §3) and their create / update / list requests.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::ids::MessagingProfileId;
use super::open_enum::open_enum;

open_enum! {
    /// `webhook_api_version`: `"1"`, `"2"` or `"2010-04-01"`.
    pub enum WebhookApiVersion {
        /// API v1 webhooks.
        V1 => ["1"],
        /// API v2 webhooks (the default on create).
        V2 => ["2"],
        /// The legacy 2010-04-01 format.
        V2010_04_01 => ["2010-04-01"],
    }
}

/// `NumberPoolSettings`; `toll_free_weight`, `long_code_weight` and `skip_unhealthy` are required.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NumberPoolSettings {
    /// Relative weight of long codes.
    pub long_code_weight: f64,
    /// Relative weight of toll-free numbers.
    pub toll_free_weight: f64,
    /// Exclude unhealthy numbers (deliverability < 25 % or spam ratio > 75 %).
    pub skip_unhealthy: bool,
    /// Keep the same sender per recipient (default false).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sticky_sender: Option<bool>,
    /// Prefer a sender with the destination's area code (default false).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub geomatch: Option<bool>,
}

/// `UrlShortenerSettings`; `domain` is required.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UrlShortenerSettings {
    /// The custom domain.
    pub domain: String,
    /// Optional path prefix.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prefix: Option<String>,
    /// Replace only blacklisted shorteners' URLs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub replace_blacklist_only: Option<bool>,
    /// Send webhooks for clicks.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub send_webhooks: Option<bool>,
}

/// A string that is a credential (`v1_secret`): redacted in `Debug`, never serialized back out.
#[derive(Clone, PartialEq, Eq, Deserialize)]
#[serde(transparent)]
pub struct ProfileSecret(String);

impl ProfileSecret {
    /// The secret itself.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for ProfileSecret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("<redacted>")
    }
}

/// `MessagingProfile` (FACTS.md §3). The spec marks no field as required; `id` is required here.
/// Nullable fields (`webhook_url`, `number_pool_settings`, …) are `Option`s, as are fields the
/// spec's own example omits.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MessagingProfile {
    /// The profile's UUID.
    pub id: MessagingProfileId,
    /// `messaging_profile`.
    #[serde(default)]
    pub record_type: Option<String>,
    /// A user-friendly name.
    #[serde(default)]
    pub name: String,
    /// Whether the profile is enabled.
    #[serde(default)]
    pub enabled: Option<bool>,
    /// Primary webhook URL (nullable).
    #[serde(default)]
    pub webhook_url: Option<String>,
    /// Failover webhook URL (nullable).
    #[serde(default)]
    pub webhook_failover_url: Option<String>,
    /// Webhook format.
    #[serde(default)]
    pub webhook_api_version: Option<WebhookApiVersion>,
    /// ISO alpha-2 codes; `["*"]` allows all destinations.
    #[serde(default)]
    pub whitelisted_destinations: Vec<String>,
    /// Number pool (nullable; `None` = disabled).
    #[serde(default)]
    pub number_pool_settings: Option<NumberPoolSettings>,
    /// URL shortener (nullable; `None` = disabled).
    #[serde(default)]
    pub url_shortener_settings: Option<UrlShortenerSettings>,
    /// Alphanumeric sender id (nullable).
    #[serde(default)]
    pub alpha_sender: Option<String>,
    /// Secret for v1 endpoints. Kept for completeness but never serialized (it is a credential).
    #[serde(default, skip_serializing)]
    pub v1_secret: Option<ProfileSecret>,
    /// Daily spend limit in USD, as a decimal string.
    #[serde(default)]
    pub daily_spend_limit: Option<String>,
    /// Whether the daily spend limit is enforced.
    #[serde(default)]
    pub daily_spend_limit_enabled: Option<bool>,
    /// SMS fallback for MMS.
    #[serde(default)]
    pub mms_fall_back_to_sms: Option<bool>,
    /// MMS media resizing.
    #[serde(default)]
    pub mms_transcoding: Option<bool>,
    /// Send only to mobile numbers.
    #[serde(default)]
    pub mobile_only: Option<bool>,
    /// Automatic GSM-7/UCS-2 encoding choice.
    #[serde(default)]
    pub smart_encoding: Option<bool>,
    /// Content redaction.
    #[serde(default)]
    pub redaction_enabled: Option<bool>,
    /// Redaction level (default 2).
    #[serde(default)]
    pub redaction_level: Option<i64>,
    /// Deprecated health-check URL (nullable).
    #[serde(default)]
    pub health_webhook_url: Option<String>,
    /// AI assistant id (nullable).
    #[serde(default)]
    pub ai_assistant_id: Option<String>,
    /// Resource group id (nullable).
    #[serde(default)]
    pub resource_group_id: Option<String>,
    /// The owning organization.
    #[serde(default)]
    pub organization_id: Option<String>,
    /// ISO 8601 creation time.
    #[serde(default)]
    pub created_at: Option<String>,
    /// ISO 8601 update time.
    #[serde(default)]
    pub updated_at: Option<String>,
}

/// Body of `POST /messaging_profiles` (`CreateMessagingProfileRequest`).
/// `name` and `whitelisted_destinations` are required by the spec; `None` fields are omitted.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct CreateMessagingProfile {
    /// Profile name.
    pub name: String,
    /// ISO alpha-2 codes, or `["*"]`.
    pub whitelisted_destinations: Vec<String>,
    /// Enabled (API default true).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub enabled: Option<bool>,
    /// Webhook URL.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub webhook_url: Option<String>,
    /// Failover webhook URL.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub webhook_failover_url: Option<String>,
    /// Webhook format (API default `"2"`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub webhook_api_version: Option<WebhookApiVersion>,
    /// Number pool.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub number_pool_settings: Option<NumberPoolSettings>,
    /// URL shortener.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url_shortener_settings: Option<UrlShortenerSettings>,
    /// Alphanumeric sender id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub alpha_sender: Option<String>,
    /// Daily spend limit (decimal string).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub daily_spend_limit: Option<String>,
    /// Enforce the spend limit.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub daily_spend_limit_enabled: Option<bool>,
    /// SMS fallback for MMS.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mms_fall_back_to_sms: Option<bool>,
    /// MMS transcoding.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mms_transcoding: Option<bool>,
    /// Mobile-only.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mobile_only: Option<bool>,
    /// Smart encoding.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub smart_encoding: Option<bool>,
    /// Deprecated health webhook URL.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub health_webhook_url: Option<String>,
    /// AI assistant id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ai_assistant_id: Option<String>,
    /// Resource group id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub resource_group_id: Option<String>,
}

/// Body of `PATCH /messaging_profiles/{id}` (`UpdateMessagingProfileRequest`; all optional).
///
/// For nullable fields the outer `Option` says whether the field is sent and the inner one whether
/// it is `null`: `None` = unchanged, `Some(None)` = clear (e.g. disable the number pool),
/// `Some(Some(v))` = set.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct UpdateMessagingProfile {
    /// New name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Enable or disable.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub enabled: Option<bool>,
    /// Webhook URL (nullable).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub webhook_url: Option<Option<String>>,
    /// Failover webhook URL (nullable).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub webhook_failover_url: Option<Option<String>>,
    /// Webhook format.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub webhook_api_version: Option<WebhookApiVersion>,
    /// Destinations (required by the API if the profile has none yet).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub whitelisted_destinations: Option<Vec<String>>,
    /// Number pool (nullable: `Some(None)` disables it).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub number_pool_settings: Option<Option<NumberPoolSettings>>,
    /// URL shortener (nullable: `Some(None)` disables it).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url_shortener_settings: Option<Option<UrlShortenerSettings>>,
    /// Alphanumeric sender id (nullable).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub alpha_sender: Option<Option<String>>,
    /// Daily spend limit.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub daily_spend_limit: Option<String>,
    /// Enforce the spend limit.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub daily_spend_limit_enabled: Option<bool>,
    /// SMS fallback for MMS.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mms_fall_back_to_sms: Option<bool>,
    /// MMS transcoding.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mms_transcoding: Option<bool>,
    /// Mobile-only.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mobile_only: Option<bool>,
    /// Smart encoding.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub smart_encoding: Option<bool>,
    /// AI assistant id (nullable).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ai_assistant_id: Option<Option<String>>,
}

/// Filters of `GET /messaging_profiles` (FACTS.md §3).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ListMessagingProfiles {
    /// `filter[name]`.
    pub name: Option<String>,
    /// `filter[name][eq]`: exact match.
    pub name_eq: Option<String>,
    /// `filter[name][contains]`: substring.
    pub name_contains: Option<String>,
}
