//! The catalogue of finding codes (stable: the window, support reports and tests use them) and the
//! fixes the app can perform.

use serde::Serialize;

use super::Symptom;

/// A finding's stable code. Serialized in camelCase (`"tenDlcPending"`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub enum FindingCode {
    /// What was typed is not a phone number (certainly a typo).
    InvalidNumber,
    /// Neither the messaging list nor the inventory has it: another account or a typo.
    NotOnAccount,
    /// In the inventory (`/phone_numbers`) but not in the messaging list.
    NotInMessagingList,
    /// Readiness link 1: not active yet (purchase, port, documents) or no longer usable.
    Provisioning,
    /// Readiness link 1: being ported away (port-out-pending).
    PortOutPending,
    /// Readiness link 2: no SMS and no MMS.
    NotMessagingCapable,
    /// Readiness link 3: no messaging profile.
    NoProfile,
    /// Readiness link 3: names a profile that is not on the account.
    ProfileNotOnAccount,
    /// Readiness link 4: the profile is disabled.
    ProfileDisabled,
    /// The profile has no webhook URL.
    NoWebhookUrl,
    /// The profile's webhook URL is not https://.
    WebhookNotHttps,
    /// The profile's webhook URL is one Telnyx cannot deliver to (a local address, not a URL).
    WebhookUnreachable,
    /// The profile has no failover webhook URL (advice).
    NoFailoverUrl,
    /// A test delivery to the webhook URL failed.
    WebhookDeliveryFailed,
    /// 10DLC: the assignment is pending (wait).
    TenDlcPending,
    /// 10DLC: the assignment failed (Telnyx's reasons).
    TenDlcFailed,
    /// 10DLC: no campaign (register).
    TenDlcMissing,
    /// 10DLC: being removed from its campaign, or a status this app does not know.
    TenDlcOther,
    /// Toll-free verification not `Verified`.
    TollFreeNotVerified,
    /// A short code whose provisioning is not finished.
    ShortCodeNotProvisioned,
    /// Health below Telnyx's thresholds.
    Unhealthy,
    /// No registration the API reports: country rules to check (advice).
    CheckCountryRules,
    /// Recent delivery errors (after the last change), one finding per code.
    RecentErrors,
    /// Errors from before the number's last change: history.
    PastErrors,
    /// 40305 errors on messages sent through a profile that is not the number's.
    SentThroughOtherProfile,
    /// The destination country is not in the profile's `whitelisted_destinations`.
    DestinationNotAllowed,
    /// The messaging product in use is not one the number is eligible for.
    ProductConflict,
    /// The profile it was to be assigned to is not on the account.
    TargetProfileNotFound,
    /// The profile it was to be assigned to is disabled.
    TargetProfileDisabled,
    /// The Telnyx error the admin saw, explained.
    TelnyxErrorExplained,
    /// An endpoint refused or failed: this part was not checked.
    CouldNotCheck,
}

impl FindingCode {
    /// The stable key, identical to the serialized form.
    pub fn key(self) -> String {
        serde_json::to_value(self)
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_default()
    }

    /// The symptoms this finding answers (it is reported for the others too, after them).
    pub fn symptoms(self) -> &'static [Symptom] {
        use FindingCode as C;
        use Symptom as S;
        match self {
            C::InvalidNumber | C::NotOnAccount => {
                &[S::NotInList, S::NotAssociated, S::CannotAssign]
            }
            C::NotInMessagingList => &[S::NotInList, S::CannotAssign],
            C::Provisioning => &[S::NotInList, S::NotAssociated, S::CannotAssign, S::Filtered],
            C::PortOutPending => &[S::Filtered],
            C::NotMessagingCapable => &[S::NotInList, S::CannotAssign, S::NotAssociated],
            C::NoProfile | C::ProfileNotOnAccount => &[S::NotAssociated, S::InboundMissing],
            C::ProfileDisabled => &[S::NotAssociated, S::InboundMissing, S::Filtered],
            C::NoWebhookUrl
            | C::WebhookNotHttps
            | C::WebhookUnreachable
            | C::NoFailoverUrl
            | C::WebhookDeliveryFailed => &[S::InboundMissing],
            C::TenDlcPending
            | C::TenDlcFailed
            | C::TenDlcMissing
            | C::TenDlcOther
            | C::TollFreeNotVerified
            | C::ShortCodeNotProvisioned
            | C::Unhealthy
            | C::CheckCountryRules
            | C::DestinationNotAllowed => &[S::Filtered],
            C::RecentErrors | C::PastErrors => &[S::Filtered, S::NotAssociated],
            C::SentThroughOtherProfile => &[S::NotAssociated],
            C::ProductConflict
            | C::TargetProfileNotFound
            | C::TargetProfileDisabled
            | C::TelnyxErrorExplained => &[S::CannotAssign],
            C::CouldNotCheck => &[
                S::NotInList,
                S::NotAssociated,
                S::InboundMissing,
                S::Filtered,
                S::CannotAssign,
            ],
        }
    }
}

/// A fix the app can perform through the API (each confirmed first and journalled).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase", tag = "action")]
pub enum FixAction {
    /// Assign the number to a messaging profile (`PATCH /phone_numbers/{id}/messaging`).
    /// `suggested_profile_id`: the profile its messages were sent through, when known; otherwise the
    /// admin chooses.
    #[serde(rename_all = "camelCase")]
    AssignProfile {
        phone_number_id: String,
        phone_number: String,
        suggested_profile_id: Option<String>,
    },
    /// Turn the profile back on (`PATCH /messaging_profiles/{id}` `enabled: true`).
    #[serde(rename_all = "camelCase")]
    EnableProfile {
        profile_id: String,
        profile_name: String,
    },
    /// Set the profile's webhook URL (the admin types it; `PATCH /messaging_profiles/{id}`).
    #[serde(rename_all = "camelCase")]
    SetWebhookUrl {
        profile_id: String,
        profile_name: String,
        current_url: Option<String>,
    },
    /// Add a country to the profile's `whitelisted_destinations`.
    #[serde(rename_all = "camelCase")]
    AddDestinationCountry {
        profile_id: String,
        profile_name: String,
        country: String,
    },
}

impl FixAction {
    /// Whether "fix all in this group" may offer it: the change is reversible and needs no value
    /// typed per item beyond one choice for the whole group (it still goes through the Assign
    /// screen's preview and journal).
    pub fn is_safe_in_bulk(&self) -> bool {
        matches!(
            self,
            FixAction::AssignProfile { .. } | FixAction::EnableProfile { .. }
        )
    }
}
