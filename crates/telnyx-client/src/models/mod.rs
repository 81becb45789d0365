//! Typed request and response models of the Telnyx endpoints the app uses.

pub(crate) mod open_enum;

pub mod bulk;
pub mod detail_record;
pub mod e164;
pub mod ids;
pub mod messaging_number;
pub mod phone_number;
pub mod profile;
pub mod ten_dlc;
pub mod toll_free;

pub use bulk::{BulkTarget, BulkUpdateOrder, CreateBulkUpdate};
pub use detail_record::{
    Direction, ListMessageDetailRecords, MdrStatus, MessageDetailRecord, MessageType,
};
pub use e164::{E164Error, E164};
pub use ids::{BulkOrderId, CampaignId, MessagingProfileId, PhoneNumberId, VerificationRequestId};
pub use messaging_number::{
    FeatureSet, Features, ListMessagingNumbers, MessagingNumber, NumberHealth, NumberRef,
    NumberType, ProfileChange, SortOrder, UpdateMessagingNumber,
};
pub use phone_number::{
    ListPhoneNumbers, PhoneNumber, PhoneNumberStatus, PhoneNumberStatusRecord, PhoneNumberType,
    SourceType,
};
pub use profile::{
    CreateMessagingProfile, ListMessagingProfiles, MessagingProfile, NumberPoolSettings,
    ProfileSecret, UpdateMessagingProfile, UrlShortenerSettings, WebhookApiVersion,
};
pub use ten_dlc::{
    AssignmentStatus, Campaign, CampaignStatus, ListPhoneNumberCampaigns, PhoneNumberCampaign,
    SubmissionStatus, TenDlcPage,
};
pub use toll_free::{
    ListVerificationRequests, TfPhoneNumber, TollFreePage, VerificationRequest, VerificationStatus,
};
