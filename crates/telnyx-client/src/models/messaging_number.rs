//! A phone number with its messaging settings (`PhoneNumberWithMessagingSettings`, FACTS.md §1.5)
//! and the request types for listing and updating it.

use serde::{Deserialize, Serialize, Serializer};

use super::e164::E164;
use super::ids::{MessagingProfileId, PhoneNumberId};
use super::open_enum::open_enum;

open_enum! {
    /// A number's type. The spec lists `long-code`, `toll-free`, `short-code`, `longcode`,
    /// `tollfree`, `shortcode`; the guide writes `long_code`, `toll_free`, `short_code`
    /// (FACTS.md §10.3). All are accepted; the first spelling is used when serializing.
    pub enum NumberType {
        /// A long code (10DLC in the US).
        LongCode => ["long-code", "longcode", "long_code"],
        /// A toll-free number.
        TollFree => ["toll-free", "tollfree", "toll_free"],
        /// A short code.
        ShortCode => ["short-code", "shortcode", "short_code"],
    }
}

impl NumberType {
    /// The value `filter[type]` of `GET /phone_numbers/messaging` takes (`longcode`, `tollfree`,
    /// `shortcode`, FACTS.md §1.1); unknown values are sent verbatim.
    pub fn filter_value(&self) -> &str {
        match self {
            NumberType::LongCode => "longcode",
            NumberType::TollFree => "tollfree",
            NumberType::ShortCode => "shortcode",
            NumberType::Other(s) => s,
        }
    }
}

/// `MessagingFeatureSet`: what SMS or MMS can do on this number. All three fields are required.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct FeatureSet {
    /// Send to and receive from numbers in the same country.
    pub domestic_two_way: bool,
    /// Receive from numbers in other countries.
    pub international_inbound: bool,
    /// Send to numbers in other countries.
    pub international_outbound: bool,
}

/// `features`: a `null` feature set means the feature is unavailable on this number.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Features {
    /// SMS capabilities, or `None` when SMS is unavailable.
    #[serde(default)]
    pub sms: Option<FeatureSet>,
    /// MMS capabilities, or `None` when MMS is unavailable.
    #[serde(default)]
    pub mms: Option<FeatureSet>,
}

/// `NumberHealthMetrics`: all four fields are required by the spec.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct NumberHealth {
    /// Messages analysed.
    pub message_count: i64,
    /// Received / sent.
    pub inbound_outbound_ratio: f64,
    /// Delivered / attempted.
    pub success_ratio: f64,
    /// Blocked as spam / attempted.
    pub spam_ratio: f64,
}

/// `PhoneNumberWithMessagingSettings` (FACTS.md §1.5).
///
/// The spec marks no field of this schema as required; `id` and `phone_number` are required here
/// because a record without them cannot be acted on. Every other field is optional or defaults to
/// empty, and `messaging_profile_id` (nullable in the spec) is `None` for an unassigned number.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MessagingNumber {
    /// The phone number's numeric id.
    pub id: PhoneNumberId,
    /// `messaging_phone_number` or `messaging_settings`.
    #[serde(default)]
    pub record_type: Option<String>,
    /// The number in +E.164 form.
    pub phone_number: E164,
    /// The assigned messaging profile; `None` when unassigned.
    #[serde(default)]
    pub messaging_profile_id: Option<MessagingProfileId>,
    /// The messaging product, e.g. `A2P`, `P2P`.
    #[serde(default)]
    pub messaging_product: Option<String>,
    /// Products the number may be registered to use.
    #[serde(default)]
    pub eligible_messaging_products: Vec<String>,
    /// The configured traffic type, e.g. `A2P`.
    #[serde(default)]
    pub traffic_type: Option<String>,
    /// The wire field `type`.
    #[serde(rename = "type", default)]
    pub number_type: Option<NumberType>,
    /// ISO 3166-1 alpha-2 country code.
    #[serde(default)]
    pub country_code: Option<String>,
    /// SMS / MMS capabilities.
    #[serde(default)]
    pub features: Features,
    /// Health metrics, when the API has them.
    #[serde(default)]
    pub health: Option<NumberHealth>,
    /// The owning organization.
    #[serde(default)]
    pub organization_id: Option<String>,
    /// Tags on the number.
    #[serde(default)]
    pub tags: Vec<String>,
    /// ISO 8601 creation time.
    #[serde(default)]
    pub created_at: Option<String>,
    /// ISO 8601 update time.
    #[serde(default)]
    pub updated_at: Option<String>,
}

/// Sort direction for `sort[phone_number]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SortOrder {
    /// `asc`
    Asc,
    /// `desc`
    Desc,
}

impl SortOrder {
    /// The wire value.
    pub fn as_str(self) -> &'static str {
        match self {
            SortOrder::Asc => "asc",
            SortOrder::Desc => "desc",
        }
    }
}

/// Filters and sort of `GET /phone_numbers/messaging` (every one the spec lists, FACTS.md §1.1).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ListMessagingNumbers {
    /// `filter[messaging_profile_id]` (uuid).
    pub messaging_profile_id: Option<MessagingProfileId>,
    /// `filter[phone_number]`: exact match; several numbers are sent as a comma-separated list.
    pub phone_numbers: Vec<E164>,
    /// `filter[phone_number][contains]`: substring.
    pub phone_number_contains: Option<String>,
    /// `filter[type]` (`tollfree` | `longcode` | `shortcode`).
    pub number_type: Option<NumberType>,
    /// `sort[phone_number]`.
    pub sort_phone_number: Option<SortOrder>,
}

/// What a PATCH does to a number's messaging profile (FACTS.md §1.3, DESIGN.md decisions).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum ProfileChange {
    /// Omit the field: the current profile is kept.
    #[default]
    Keep,
    /// Send `""`: the number is unassigned from its profile.
    Unassign,
    /// Send the profile's UUID: the number is assigned to it.
    Assign(MessagingProfileId),
}

impl ProfileChange {
    /// True for `Keep` (the field is omitted from the body).
    pub fn is_keep(&self) -> bool {
        matches!(self, ProfileChange::Keep)
    }
}

impl Serialize for ProfileChange {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            // Never reached through UpdateMessagingNumber (skipped), but `null` also means keep.
            ProfileChange::Keep => serializer.serialize_none(),
            ProfileChange::Unassign => serializer.serialize_str(""),
            ProfileChange::Assign(id) => serializer.serialize_str(id.as_str()),
        }
    }
}

/// Body of `PATCH /phone_numbers/{id}/messaging` (`UpdatePhoneNumberMessagingSettingsRequest`).
/// `None` / `Keep` fields are omitted, which keeps their current values.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct UpdateMessagingNumber {
    /// Keep, unassign (`""`) or assign.
    #[serde(skip_serializing_if = "ProfileChange::is_keep")]
    pub messaging_profile_id: ProfileChange,
    /// A product id such as `P2P`; `None` keeps the current product.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub messaging_product: Option<String>,
    /// Replaces the tags; `None` leaves them alone.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tags: Option<Vec<String>>,
}

/// Which number a per-number endpoint addresses.
///
/// The spec's example id is numeric; whether the E.164 number is accepted in
/// `/phone_numbers/{id}/messaging` is UNCONFIRMED (FACTS.md §1.4). DESIGN.md decides that both are
/// used, with `+` URL-encoded as `%2B`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum NumberRef {
    /// The numeric phone-number id.
    Id(PhoneNumberId),
    /// The number itself.
    E164(E164),
}

impl NumberRef {
    /// The unencoded path value.
    pub fn as_str(&self) -> &str {
        match self {
            NumberRef::Id(id) => id.as_str(),
            NumberRef::E164(e) => e.as_str(),
        }
    }
}

impl From<PhoneNumberId> for NumberRef {
    fn from(id: PhoneNumberId) -> Self {
        NumberRef::Id(id)
    }
}

impl From<E164> for NumberRef {
    fn from(e: E164) -> Self {
        NumberRef::E164(e)
    }
}
