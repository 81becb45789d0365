//! A messaging profile as the UI lists it (name, id, enabled).

use serde::Serialize;

/// A messaging profile as the UI lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct ProfileSummary {
    pub id: String,
    pub name: String,
    pub enabled: bool,
}
