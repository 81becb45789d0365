//! Phone-number inventory records (`PhoneNumberDetailed` subset, FACTS.md §5) and list filters.

use serde::{Deserialize, Serialize};

use super::e164::E164;
use super::ids::{MessagingProfileId, PhoneNumberId};
use super::open_enum::open_enum;

open_enum! {
    /// `status` of a phone number (all 13 values of `PhoneNumberDetailed.status`).
    pub enum PhoneNumberStatus {
        /// `purchase-pending`
        PurchasePending => ["purchase-pending"],
        /// `purchase-failed`
        PurchaseFailed => ["purchase-failed"],
        /// `port-pending`
        PortPending => ["port-pending"],
        /// `port-failed`
        PortFailed => ["port-failed"],
        /// `active`
        Active => ["active"],
        /// `deleted`
        Deleted => ["deleted"],
        /// `emergency-only`
        EmergencyOnly => ["emergency-only"],
        /// `ported-out`
        PortedOut => ["ported-out"],
        /// `port-out-pending`
        PortOutPending => ["port-out-pending"],
        /// `requirement-info-pending`
        RequirementInfoPending => ["requirement-info-pending"],
        /// `requirement-info-under-review`
        RequirementInfoUnderReview => ["requirement-info-under-review"],
        /// `requirement-info-exception`
        RequirementInfoException => ["requirement-info-exception"],
        /// `provision-pending`
        ProvisionPending => ["provision-pending"],
    }
}

impl PhoneNumberStatus {
    /// True for the states in which a number is still being set up (purchase, port, provisioning,
    /// requirement review).
    pub fn is_provisioning(&self) -> bool {
        matches!(
            self,
            Self::PurchasePending
                | Self::PortPending
                | Self::ProvisionPending
                | Self::RequirementInfoPending
                | Self::RequirementInfoUnderReview
        )
    }
}

open_enum! {
    /// `phone_number_type`, including the legacy `tollfree`/`shortcode`/`longcode` values the
    /// spec says older numbers may return.
    pub enum PhoneNumberType {
        /// `local`
        Local => ["local"],
        /// `toll_free` (legacy `tollfree`)
        TollFree => ["toll_free", "tollfree"],
        /// `mobile`
        Mobile => ["mobile"],
        /// `national`
        National => ["national"],
        /// `shared_cost`
        SharedCost => ["shared_cost"],
        /// `landline`
        Landline => ["landline"],
        /// legacy `shortcode`
        ShortCode => ["shortcode"],
        /// legacy `longcode`
        LongCode => ["longcode"],
    }
}

open_enum! {
    /// `source_type`: how the number came to the account.
    pub enum SourceType {
        /// Purchased through a number order.
        NumberOrder => ["number_order"],
        /// Ported in.
        PortRequest => ["port_request"],
    }
}

/// The identity and `status` of a `PhoneNumberDetailed` (FACTS.md §5) and nothing else: what a
/// listing of the whole inventory for provisioning checks keeps (a tenth of [`PhoneNumber`]'s
/// memory, and half its reading time). Unknown fields are ignored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PhoneNumberStatusRecord {
    /// Numeric id.
    pub id: PhoneNumberId,
    /// The number.
    pub phone_number: E164,
    /// Current status.
    pub status: PhoneNumberStatus,
}

impl From<PhoneNumber> for PhoneNumberStatusRecord {
    fn from(p: PhoneNumber) -> Self {
        PhoneNumberStatusRecord {
            id: p.id,
            phone_number: p.phone_number,
            status: p.status,
        }
    }
}

/// The messaging-relevant subset of `PhoneNumberDetailed` (FACTS.md §5): status (provisioning),
/// messaging profile name, connection. Unknown fields are ignored. It has no `features` field
/// (FACTS.md §10.4): capability comes from [`crate::MessagingNumber::features`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PhoneNumber {
    /// Numeric id.
    pub id: PhoneNumberId,
    /// `phone_number`.
    #[serde(default)]
    pub record_type: Option<String>,
    /// The number.
    pub phone_number: E164,
    /// Current status.
    pub status: PhoneNumberStatus,
    /// Number type.
    #[serde(default)]
    pub phone_number_type: Option<PhoneNumberType>,
    /// Messaging profile (nullable).
    #[serde(default)]
    pub messaging_profile_id: Option<MessagingProfileId>,
    /// Messaging profile name (nullable).
    #[serde(default)]
    pub messaging_profile_name: Option<String>,
    /// Voice connection id (nullable).
    #[serde(default)]
    pub connection_id: Option<String>,
    /// Voice connection name (nullable).
    #[serde(default)]
    pub connection_name: Option<String>,
    /// Country.
    #[serde(default)]
    pub country_iso_alpha2: Option<String>,
    /// Tags.
    #[serde(default)]
    pub tags: Vec<String>,
    /// Customer reference (nullable).
    #[serde(default)]
    pub customer_reference: Option<String>,
    /// Billing group (nullable).
    #[serde(default)]
    pub billing_group_id: Option<String>,
    /// Purchase or port source (nullable).
    #[serde(default)]
    pub source_type: Option<SourceType>,
    /// Deletion lock.
    #[serde(default)]
    pub deletion_lock_enabled: Option<bool>,
    /// Purchase time.
    #[serde(default)]
    pub purchased_at: Option<String>,
    /// First activation time (nullable).
    #[serde(default)]
    pub activated_at: Option<String>,
    /// Creation time.
    #[serde(default)]
    pub created_at: Option<String>,
    /// Update time.
    #[serde(default)]
    pub updated_at: Option<String>,
}

/// Filters and sort of `GET /phone_numbers` (FACTS.md §5). Values are sent verbatim.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ListPhoneNumbers {
    /// `filter[phone_number]`. The spec: "Requires at least three digits. Non-numerical characters
    /// will result in no values being returned", so pass digits (see [`E164::digits`]).
    pub phone_number: Option<String>,
    /// `filter[tag]`.
    pub tag: Option<String>,
    /// `filter[status]`.
    pub status: Option<PhoneNumberStatus>,
    /// `filter[country_iso_alpha2]` (one or more; several are sent comma-separated, as the
    /// Python SDK does, FACTS.md §0).
    pub country_iso_alpha2: Vec<String>,
    /// `filter[connection_id]`.
    pub connection_id: Option<String>,
    /// `filter[voice.connection_name][contains]`.
    pub connection_name_contains: Option<String>,
    /// `filter[number_type][eq]` (`local|national|toll_free|mobile|shared_cost`).
    pub number_type_eq: Option<String>,
    /// `filter[source]` (`ported|purchased`).
    pub source: Option<String>,
    /// `filter[customer_reference]`.
    pub customer_reference: Option<String>,
    /// `filter[billing_group_id]` (`"null"` = none).
    pub billing_group_id: Option<String>,
    /// `filter[without_tags]` (`"true"|"false"`).
    pub without_tags: Option<bool>,
    /// `sort` (`purchased_at|phone_number|connection_name|usage_payment_method`).
    pub sort: Option<String>,
    /// `handle_messaging_profile_error`: omit profile fields instead of a 503 when they fail to load.
    pub handle_messaging_profile_error: Option<bool>,
}
