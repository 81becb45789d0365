//! Messaging profiles as the Numbers screen lists them ([`ProfileSummary`]), and creating one when
//! the account has none: the three things an admin must decide (a name, where incoming messages go,
//! which countries it may text), checked in plain words before anything is sent.

use serde::{Deserialize, Serialize};
use telnyx_client::CreateMessagingProfile;
use url::Url;

/// A messaging profile as the UI lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct ProfileSummary {
    pub id: String,
    pub name: String,
    pub enabled: bool,
    /// Whether the profile has a webhook URL (where incoming texts are delivered).
    pub has_webhook: bool,
}

impl ProfileSummary {
    /// A profile as listed; `enabled` defaults to true at Telnyx (FACTS.md §3).
    pub fn of(p: &telnyx_client::MessagingProfile) -> Self {
        ProfileSummary {
            id: p.id.to_string(),
            name: p.name.clone(),
            enabled: p.enabled.unwrap_or(true),
            has_webhook: p
                .webhook_url
                .as_deref()
                .is_some_and(|u| !u.trim().is_empty()),
        }
    }
}

/// What the "create a profile" form sends.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct NewProfile {
    /// E.g. "Support Line".
    pub name: String,
    /// Where Telnyx sends incoming messages (`webhook_url`); empty for none yet.
    pub webhook_url: String,
    /// Countries the profile may text (`whitelisted_destinations`): ISO alpha-2 codes, or `*`
    /// for all, as typed ("us, ca" is fine).
    pub destinations: String,
}

/// The request body for `POST /messaging_profiles`, or why the form is not acceptable (a sentence).
pub fn creation_request(new: &NewProfile) -> Result<CreateMessagingProfile, String> {
    let name = new.name.trim();
    if name.is_empty() {
        return Err("Give the profile a name, for example “Support Line”.".into());
    }
    if name.chars().count() > 100 {
        return Err("Keep the profile's name under 100 characters.".into());
    }
    let webhook = new.webhook_url.trim();
    let webhook_url = if webhook.is_empty() {
        None
    } else {
        match Url::parse(webhook) {
            Ok(url) if matches!(url.scheme(), "https" | "http") && url.host().is_some() => {
                Some(webhook.to_owned())
            }
            _ => {
                return Err(format!(
                    "“{webhook}” is not a web address. Incoming messages are sent to an address like https://example.com/texts, or leave it empty for now."
                ))
            }
        }
    };
    let destinations = destinations(&new.destinations)?;
    Ok(CreateMessagingProfile {
        name: name.to_owned(),
        whitelisted_destinations: destinations,
        webhook_url,
        ..CreateMessagingProfile::default()
    })
}

/// "us, CA" → `["US", "CA"]`; "*" (or "all") → `["*"]`.
fn destinations(typed: &str) -> Result<Vec<String>, String> {
    let codes: Vec<String> = typed
        .split(|c: char| c == ',' || c.is_whitespace())
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .map(str::to_ascii_uppercase)
        .collect();
    if codes.is_empty() {
        return Err("Say which countries the profile may text: country codes such as US, CA, or * for every country.".into());
    }
    if codes.iter().any(|c| c == "*" || c == "ALL") {
        return Ok(vec!["*".to_owned()]);
    }
    if let Some(bad) = codes
        .iter()
        .find(|c| c.len() != 2 || !c.chars().all(|ch| ch.is_ascii_uppercase()))
    {
        return Err(format!(
            "“{bad}” is not a two-letter country code. Use codes such as US, CA, GB, or * for every country."
        ));
    }
    let mut unique: Vec<String> = Vec::with_capacity(codes.len());
    for code in codes {
        if !unique.contains(&code) {
            unique.push(code);
        }
    }
    Ok(unique)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn new(name: &str, webhook: &str, destinations: &str) -> NewProfile {
        NewProfile {
            name: name.into(),
            webhook_url: webhook.into(),
            destinations: destinations.into(),
        }
    }

    #[test]
    fn a_filled_form_becomes_the_request_telnyx_expects() {
        let body = creation_request(&new(
            " Support Line ",
            "https://example.com/texts",
            "us, ca US",
        ))
        .expect("valid");
        assert_eq!(body.name, "Support Line");
        assert_eq!(
            body.webhook_url.as_deref(),
            Some("https://example.com/texts")
        );
        assert_eq!(body.whitelisted_destinations, ["US", "CA"]);
        let json = serde_json::to_value(&body).expect("serializes");
        assert_eq!(
            json["whitelisted_destinations"],
            serde_json::json!(["US", "CA"])
        );
        assert!(json.get("enabled").is_none(), "defaults are left to Telnyx");
    }

    #[test]
    fn every_country_and_no_webhook_yet() {
        let body = creation_request(&new("Alerts", "", "*")).expect("valid");
        assert_eq!(body.whitelisted_destinations, ["*"]);
        assert_eq!(body.webhook_url, None);
        assert_eq!(
            creation_request(&new("Alerts", "", "US, all"))
                .expect("valid")
                .whitelisted_destinations,
            ["*"]
        );
    }

    #[test]
    fn mistakes_are_explained() {
        for (form, says) in [
            (new("  ", "", "US"), "name"),
            (new("A", "example.com/texts", "US"), "not a web address"),
            (new("A", "ftp://example.com", "US"), "not a web address"),
            (new("A", "", ""), "which countries"),
            (
                new("A", "", "USA"),
                "“USA” is not a two-letter country code",
            ),
            (new(&"x".repeat(101), "", "US"), "under 100"),
        ] {
            let err = creation_request(&form).expect_err("refused");
            assert!(err.contains(says), "{form:?}: {err}");
        }
    }
}
