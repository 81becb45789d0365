//! Toll-free verification requests (FACTS.md §7): `records`/`total_records`, paged by
//! `page`/`page_size`, camelCase record fields.

use serde::{Deserialize, Serialize};

use super::ids::VerificationRequestId;
use super::open_enum::open_enum;

open_enum! {
    /// `verificationStatus` (case- and space-sensitive on the wire).
    pub enum VerificationStatus {
        /// `Verified`
        Verified => ["Verified"],
        /// `Rejected`
        Rejected => ["Rejected"],
        /// `Waiting For Vendor`
        WaitingForVendor => ["Waiting For Vendor"],
        /// `Waiting For Customer`
        WaitingForCustomer => ["Waiting For Customer"],
        /// `Waiting For Telnyx`
        WaitingForTelnyx => ["Waiting For Telnyx"],
        /// `In Progress`
        InProgress => ["In Progress"],
    }
}

/// `TFPhoneNumber`: `{"phoneNumber": "+1..."}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TfPhoneNumber {
    /// The toll-free number.
    pub phone_number: String,
}

/// The status-relevant subset of `VerificationRequestStatus`. `id`, `phoneNumbers` and
/// `verificationStatus` are required; the many required business fields are decoded leniently.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct VerificationRequest {
    /// Request id.
    pub id: VerificationRequestId,
    /// Numbers covered by the request.
    #[serde(default)]
    pub phone_numbers: Vec<TfPhoneNumber>,
    /// Current status.
    pub verification_status: VerificationStatus,
    /// Reason (e.g. for a rejection).
    #[serde(default)]
    pub reason: Option<String>,
    /// Business name.
    #[serde(default)]
    pub business_name: Option<String>,
    /// Corporate website.
    #[serde(default)]
    pub corporate_website: Option<String>,
    /// Use case category.
    #[serde(default)]
    pub use_case: Option<String>,
    /// Use case summary.
    #[serde(default)]
    pub use_case_summary: Option<String>,
    /// Message volume bucket (e.g. `"100,000"`).
    #[serde(default)]
    pub message_volume: Option<String>,
    /// Creation time.
    #[serde(default)]
    pub created_at: Option<String>,
    /// Update time.
    #[serde(default)]
    pub updated_at: Option<String>,
}

/// A page of toll-free records: `{"records": [...], "total_records": n}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TollFreePage<T> {
    /// The records of this page.
    pub records: Vec<T>,
    /// Total over all pages.
    pub total_records: u32,
}

/// Filters of `GET /messaging_tollfree/verification/requests` (all optional query parameters).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ListVerificationRequests {
    /// `phone_number`.
    pub phone_number: Option<String>,
    /// `status`.
    pub status: Option<VerificationStatus>,
    /// `business_name`.
    pub business_name: Option<String>,
    /// `date_start` (ISO 8601).
    pub date_start: Option<String>,
    /// `date_end` (ISO 8601).
    pub date_end: Option<String>,
}
