//! Newtype identifiers; each serializes as a plain string.

macro_rules! string_id {
    ($(#[$meta:meta])* $name:ident) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
        #[serde(transparent)]
        pub struct $name(String);

        impl $name {
            /// Wraps an id as given by the API.
            pub fn new(s: impl Into<String>) -> Self {
                $name(s.into())
            }

            /// The id as a string.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl From<String> for $name {
            fn from(s: String) -> Self {
                $name(s)
            }
        }

        impl From<&str> for $name {
            fn from(s: &str) -> Self {
                $name(s.to_owned())
            }
        }
    };
}

string_id!(
    /// The numeric id of a phone number (a string of digits, e.g. `"1293384261075731499"`).
    PhoneNumberId
);
string_id!(
    /// The UUID of a messaging profile.
    MessagingProfileId
);
string_id!(
    /// The `order_id` (UUID) of a bulk messaging-settings update.
    BulkOrderId
);
string_id!(
    /// A 10DLC campaign id (Telnyx campaign UUID, or the TCR id for shared campaigns).
    CampaignId
);
string_id!(
    /// The UUID of a toll-free verification request.
    VerificationRequestId
);
