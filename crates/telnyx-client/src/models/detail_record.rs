//! Message detail records (`MessageDetailRecord`, FACTS.md §8) from `GET /detail_records`.

use serde::{Deserialize, Serialize};

use super::open_enum::open_enum;

open_enum! {
    /// Final `status` of a message detail record.
    pub enum MdrStatus {
        /// `gw_timeout`
        GwTimeout => ["gw_timeout"],
        /// `delivered`
        Delivered => ["delivered"],
        /// `dlr_unconfirmed`
        DlrUnconfirmed => ["dlr_unconfirmed"],
        /// `dlr_timeout`
        DlrTimeout => ["dlr_timeout"],
        /// `received`
        Received => ["received"],
        /// `gw_reject`
        GwReject => ["gw_reject"],
        /// `failed`
        Failed => ["failed"],
    }
}

impl MdrStatus {
    /// True for statuses that mean the message did not get through.
    pub fn is_failure(&self) -> bool {
        matches!(
            self,
            Self::GwTimeout | Self::DlrTimeout | Self::GwReject | Self::Failed
        )
    }
}

open_enum! {
    /// Message direction.
    pub enum Direction {
        /// `inbound`
        Inbound => ["inbound"],
        /// `outbound`
        Outbound => ["outbound"],
    }
}

open_enum! {
    /// `message_type`.
    pub enum MessageType {
        /// `SMS`
        Sms => ["SMS"],
        /// `MMS`
        Mms => ["MMS"],
        /// `RCS`
        Rcs => ["RCS"],
    }
}

/// `MessageDetailRecord`. Only `record_type` is required by the spec. There is no `id`; the
/// message id is `uuid`. `cli` may be an alphanumeric sender id, so it is a plain string.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MessageDetailRecord {
    /// `message_detail_record`.
    pub record_type: String,
    /// Message id.
    #[serde(default)]
    pub uuid: Option<String>,
    /// Sender (number or alphanumeric id).
    #[serde(default)]
    pub cli: Option<String>,
    /// Recipient.
    #[serde(default)]
    pub cld: Option<String>,
    /// Direction.
    #[serde(default)]
    pub direction: Option<Direction>,
    /// Final status.
    #[serde(default)]
    pub status: Option<MdrStatus>,
    /// Telnyx error codes, e.g. `["40001"]`.
    #[serde(default)]
    pub errors: Vec<String>,
    /// SMS / MMS / RCS.
    #[serde(default)]
    pub message_type: Option<MessageType>,
    /// Parts.
    #[serde(default)]
    pub parts: Option<i64>,
    /// Carrier.
    #[serde(default)]
    pub carrier: Option<String>,
    /// Messaging profile id.
    #[serde(default)]
    pub profile_id: Option<String>,
    /// Messaging profile name.
    #[serde(default)]
    pub profile_name: Option<String>,
    /// Recipient country.
    #[serde(default)]
    pub country_code: Option<String>,
    /// Cost (decimal string).
    #[serde(default)]
    pub cost: Option<String>,
    /// Rate (decimal string).
    #[serde(default)]
    pub rate: Option<String>,
    /// Currency.
    #[serde(default)]
    pub currency: Option<String>,
    /// Comma-separated tags.
    #[serde(default)]
    pub tags: Option<String>,
    /// Creation time.
    #[serde(default)]
    pub created_at: Option<String>,
    /// Sent time.
    #[serde(default)]
    pub sent_at: Option<String>,
    /// Completion time.
    #[serde(default)]
    pub completed_at: Option<String>,
    /// Update time.
    #[serde(default)]
    pub updated_at: Option<String>,
}

impl MessageDetailRecord {
    /// True when the record carries error codes or a failure status.
    pub fn is_error(&self) -> bool {
        !self.errors.is_empty() || self.status.as_ref().is_some_and(MdrStatus::is_failure)
    }
}

/// Filters of `GET /detail_records` for messaging records. `filter[record_type]=messaging` is
/// always sent (it is required).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ListMessageDetailRecords {
    /// `filter[cli]`: the sending number. Not listed by the spec, which allows other record
    /// attributes as filters (`additionalProperties`); UNCONFIRMED (FACTS.md §8).
    pub cli: Option<String>,
    /// `filter[cld]`: the recipient (same caveat as `cli`).
    pub cld: Option<String>,
    /// `filter[direction]`.
    pub direction: Option<Direction>,
    /// `filter[status]`.
    pub status: Option<MdrStatus>,
    /// `filter[date_range]` (`today`, `last_week`, …).
    pub date_range: Option<String>,
    /// `filter[created_at][gte]`.
    pub created_at_gte: Option<String>,
    /// `filter[created_at][lt]`.
    pub created_at_lt: Option<String>,
    /// `sort` (e.g. `-created_at`).
    pub sort: Option<String>,
}
