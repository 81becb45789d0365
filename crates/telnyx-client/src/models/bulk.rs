//! Bulk messaging-settings updates (`POST /messaging_numbers_bulk_updates`, FACTS.md §4).

use serde::{Deserialize, Serialize, Serializer};

use super::e164::E164;
use super::ids::{BulkOrderId, MessagingProfileId};

/// Where a bulk update moves its numbers: the required `messaging_profile_id` field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BulkTarget {
    /// Assign every number to this profile.
    Assign(MessagingProfileId),
    /// Send `""`: unassign each number from its profile.
    Unassign,
}

impl Serialize for BulkTarget {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            BulkTarget::Assign(id) => serializer.serialize_str(id.as_str()),
            BulkTarget::Unassign => serializer.serialize_str(""),
        }
    }
}

/// Body of `POST /messaging_numbers_bulk_updates` (`BulkMessagingSettingsUpdatePhoneNumbersRequest`).
/// No batch-size limit is documented (FACTS.md §4, UNCONFIRMED).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CreateBulkUpdate {
    /// Target profile, or unassign.
    pub messaging_profile_id: BulkTarget,
    /// The numbers to update.
    pub numbers: Vec<E164>,
    /// Only assign, without changing other settings (API default false); omitted when `None`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub assign_only: Option<bool>,
}

/// `BulkMessagingSettingsUpdatePhoneNumbers`: the order and where each number stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BulkUpdateOrder {
    /// `messaging_numbers_bulk_update`.
    #[serde(default)]
    pub record_type: Option<String>,
    /// The order id to poll with.
    pub order_id: BulkOrderId,
    /// Numbers updated.
    #[serde(default)]
    pub success: Vec<E164>,
    /// Numbers not yet updated.
    #[serde(default)]
    pub pending: Vec<E164>,
    /// Numbers that failed.
    #[serde(default)]
    pub failed: Vec<E164>,
}

impl BulkUpdateOrder {
    /// True when no number is pending any more (DESIGN.md: poll until nothing is pending).
    pub fn is_settled(&self) -> bool {
        self.pending.is_empty()
    }
}
