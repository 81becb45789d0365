//! The account at a glance: how many messaging numbers it has and its messaging profiles.

use serde::Serialize;
use telnyx_client::{Client, ListMessagingNumbers, ListMessagingProfiles};

/// A messaging profile as the UI lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct ProfileSummary {
    pub id: String,
    pub name: String,
    pub enabled: bool,
}

/// The numbers screen's headline figures.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct NumbersOverview {
    /// `meta.total_results` of `GET /phone_numbers/messaging`.
    pub total_numbers: u32,
    pub profiles: Vec<ProfileSummary>,
}

/// Fetches the overview: one page of numbers (for its `meta`) and every profile, concurrently.
pub async fn load(client: &Client) -> Result<NumbersOverview, telnyx_client::Error> {
    let (number_filter, profile_filter) = (
        ListMessagingNumbers::default(),
        ListMessagingProfiles::default(),
    );
    let numbers = client.list_messaging_numbers(&number_filter, 1, 1);
    let profiles = client.list_all_messaging_profiles(&profile_filter);
    let (numbers, profiles) = futures::try_join!(numbers, profiles)?;
    Ok(NumbersOverview {
        total_numbers: numbers.meta.total_results,
        profiles: profiles
            .into_iter()
            // `enabled` defaults to true at Telnyx (FACTS.md §3); an absent value means enabled.
            .map(|p| ProfileSummary {
                id: p.id.to_string(),
                name: p.name,
                enabled: p.enabled.unwrap_or(true),
            })
            .collect(),
    })
}
