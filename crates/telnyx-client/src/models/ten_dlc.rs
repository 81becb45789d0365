//! 10DLC number↔campaign assignments and campaigns (FACTS.md §6): camelCase fields, no `data`
//! envelope, their own paging (`page`, `recordsPerPage` → `records`, `page`, `totalRecords`).

use serde::{Deserialize, Serialize};

use super::ids::CampaignId;
use super::open_enum::open_enum;

open_enum! {
    /// `assignmentStatus` of a number↔campaign assignment.
    pub enum AssignmentStatus {
        /// `FAILED_ASSIGNMENT`
        FailedAssignment => ["FAILED_ASSIGNMENT"],
        /// `PENDING_ASSIGNMENT`
        PendingAssignment => ["PENDING_ASSIGNMENT"],
        /// `ASSIGNED`
        Assigned => ["ASSIGNED"],
        /// `PENDING_UNASSIGNMENT`
        PendingUnassignment => ["PENDING_UNASSIGNMENT"],
        /// `FAILED_UNASSIGNMENT`
        FailedUnassignment => ["FAILED_UNASSIGNMENT"],
    }
}

open_enum! {
    /// `campaignStatus` of a campaign.
    pub enum CampaignStatus {
        /// `TCR_PENDING`
        TcrPending => ["TCR_PENDING"],
        /// `TCR_SUSPENDED`
        TcrSuspended => ["TCR_SUSPENDED"],
        /// `TCR_EXPIRED`
        TcrExpired => ["TCR_EXPIRED"],
        /// `TCR_ACCEPTED`
        TcrAccepted => ["TCR_ACCEPTED"],
        /// `TCR_FAILED`
        TcrFailed => ["TCR_FAILED"],
        /// `TELNYX_ACCEPTED`
        TelnyxAccepted => ["TELNYX_ACCEPTED"],
        /// `TELNYX_FAILED`
        TelnyxFailed => ["TELNYX_FAILED"],
        /// `MNO_PENDING`
        MnoPending => ["MNO_PENDING"],
        /// `MNO_ACCEPTED`
        MnoAccepted => ["MNO_ACCEPTED"],
        /// `MNO_REJECTED`
        MnoRejected => ["MNO_REJECTED"],
        /// `MNO_PROVISIONED`
        MnoProvisioned => ["MNO_PROVISIONED"],
        /// `MNO_PROVISIONING_FAILED`
        MnoProvisioningFailed => ["MNO_PROVISIONING_FAILED"],
    }
}

open_enum! {
    /// `submissionStatus` of a campaign.
    pub enum SubmissionStatus {
        /// `CREATED`
        Created => ["CREATED"],
        /// `FAILED`
        Failed => ["FAILED"],
        /// `PENDING`
        Pending => ["PENDING"],
    }
}

/// `PhoneNumberCampaign`: one number's campaign assignment. `phoneNumber`, `campaignId`,
/// `createdAt` and `updatedAt` are required by the spec.
///
/// `phoneNumber` is a plain string: the schema gives it no E.164 format.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PhoneNumberCampaign {
    /// The number (E.164 in practice).
    pub phone_number: String,
    /// The campaign id (the TCR id for shared campaigns).
    pub campaign_id: CampaignId,
    /// Assignment state.
    #[serde(default)]
    pub assignment_status: Option<AssignmentStatus>,
    /// Set only for the `FAILED_*` statuses.
    #[serde(default)]
    pub failure_reasons: Option<String>,
    /// Brand id (empty for shared campaigns).
    #[serde(default)]
    pub brand_id: Option<String>,
    /// Telnyx campaign id (empty for shared campaigns).
    #[serde(default)]
    pub telnyx_campaign_id: Option<String>,
    /// TCR brand id.
    #[serde(default)]
    pub tcr_brand_id: Option<String>,
    /// TCR campaign id.
    #[serde(default)]
    pub tcr_campaign_id: Option<String>,
    /// Creation time.
    pub created_at: String,
    /// Update time.
    pub updated_at: String,
}

/// The messaging-relevant subset of `TelnyxCampaign_CSP` (`GET /10dlc/campaign/{campaignId}`).
/// Fields the spec marks required but the app does not need are still decoded leniently
/// (`Option`/default) so a sparse record does not fail.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Campaign {
    /// Campaign id.
    pub campaign_id: CampaignId,
    /// Brand id.
    #[serde(default)]
    pub brand_id: Option<String>,
    /// TCR campaign id.
    #[serde(default)]
    pub tcr_campaign_id: Option<String>,
    /// TCR brand id.
    #[serde(default)]
    pub tcr_brand_id: Option<String>,
    /// Brand display name.
    #[serde(default)]
    pub brand_display_name: Option<String>,
    /// Registration status.
    #[serde(default)]
    pub campaign_status: Option<CampaignStatus>,
    /// `ACTIVE`, `EXPIRED`, … (free text in the spec).
    #[serde(default)]
    pub status: Option<String>,
    /// Submission status.
    #[serde(default)]
    pub submission_status: Option<SubmissionStatus>,
    /// Why registration failed.
    #[serde(default)]
    pub failure_reasons: Option<String>,
    /// Use case.
    #[serde(default)]
    pub usecase: Option<String>,
    /// Sub use cases.
    #[serde(default)]
    pub sub_usecases: Vec<String>,
    /// Description.
    #[serde(default)]
    pub description: Option<String>,
    /// Registered with T-Mobile.
    #[serde(default, rename = "isTMobileRegistered")]
    pub is_t_mobile_registered: Option<bool>,
    /// Suspended by T-Mobile.
    #[serde(default, rename = "isTMobileSuspended")]
    pub is_t_mobile_suspended: Option<bool>,
    /// T-Mobile number pooling.
    #[serde(default, rename = "isTMobileNumberPoolingEnabled")]
    pub is_t_mobile_number_pooling_enabled: Option<bool>,
    /// Number pool campaign.
    #[serde(default)]
    pub number_pool: Option<bool>,
    /// Mock campaign.
    #[serde(default)]
    pub mock: Option<bool>,
    /// CSP id.
    #[serde(default)]
    pub csp_id: Option<String>,
    /// Creation date.
    #[serde(default)]
    pub create_date: Option<String>,
    /// Next renewal or expiration date.
    #[serde(default)]
    pub next_renewal_or_expiration_date: Option<String>,
    /// Campaign webhook URL.
    #[serde(default, rename = "webhookURL")]
    pub webhook_url: Option<String>,
    /// Campaign failover webhook URL.
    #[serde(default, rename = "webhookFailoverURL")]
    pub webhook_failover_url: Option<String>,
}

/// A page of 10DLC records: `{"records": [...], "page": n, "totalRecords": n}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TenDlcPage<T> {
    /// The records of this page.
    pub records: Vec<T>,
    /// 1-based page number.
    #[serde(default)]
    pub page: u32,
    /// Total records over all pages.
    #[serde(default)]
    pub total_records: u32,
}

/// Filters and sort of `GET /10dlc/phone_number_campaigns`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ListPhoneNumberCampaigns {
    /// `filter[telnyx_campaign_id]`.
    pub telnyx_campaign_id: Option<String>,
    /// `filter[telnyx_brand_id]`.
    pub telnyx_brand_id: Option<String>,
    /// `filter[tcr_campaign_id]`.
    pub tcr_campaign_id: Option<String>,
    /// `filter[tcr_brand_id]`.
    pub tcr_brand_id: Option<String>,
    /// `sort`: `assignmentStatus|-assignmentStatus|createdAt|-createdAt|phoneNumber|-phoneNumber`.
    pub sort: Option<String>,
}
