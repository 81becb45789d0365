//! The one-click fixes to a messaging profile (re-enable it, set its webhook URL, allow a
//! destination country), as the `PATCH /messaging_profiles/{id}` body each one sends. Pure: the
//! profile as Telnyx holds it now is read first by `services::diagnosis`.
//!
//! Assigning a number to a profile is not here: it goes through the bulk planner and its journal
//! (`rules::plan`, `services::bulk`), like any other move.

use serde::Deserialize;
use telnyx_client::{MessagingProfile, UpdateMessagingProfile};

use crate::ports::journal::ProfileSetting;

use crate::rules::readiness::webhook::{judge_webhook_url, WebhookJudgement};
use crate::Error;

/// A fix to a messaging profile the window asks for, after its confirmation.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum ProfileFix {
    /// `enabled: true`.
    #[serde(rename_all = "camelCase")]
    Enable { profile_id: String },
    /// `webhook_url`: the address the admin typed (https://, not a local address).
    #[serde(rename_all = "camelCase")]
    SetWebhookUrl { profile_id: String, url: String },
    /// Adds `country` (ISO 3166 alpha-2) to `whitelisted_destinations`.
    #[serde(rename_all = "camelCase")]
    AddDestinationCountry { profile_id: String, country: String },
}

impl ProfileFix {
    /// The profile it changes.
    pub fn profile_id(&self) -> &str {
        match self {
            ProfileFix::Enable { profile_id }
            | ProfileFix::SetWebhookUrl { profile_id, .. }
            | ProfileFix::AddDestinationCountry { profile_id, .. } => profile_id.trim(),
        }
    }

    /// A short name of the change, for the log.
    pub fn kind(&self) -> &'static str {
        match self {
            ProfileFix::Enable { .. } => "enable profile",
            ProfileFix::SetWebhookUrl { .. } => "set webhook URL",
            ProfileFix::AddDestinationCountry { .. } => "add destination country",
        }
    }
}

/// The update that makes `fix` on `current`, or why it cannot be made (nothing is sent then).
/// `Ok(None)`: the profile already holds it.
pub fn profile_update(
    fix: &ProfileFix,
    current: &MessagingProfile,
) -> Result<Option<UpdateMessagingProfile>, Error> {
    match fix {
        ProfileFix::Enable { .. } => {
            // Telnyx omits `enabled` on a profile that is on (as `rules::profiles` reads it).
            if current.enabled != Some(false) {
                return Ok(None);
            }
            Ok(Some(UpdateMessagingProfile {
                enabled: Some(true),
                ..UpdateMessagingProfile::default()
            }))
        }
        ProfileFix::SetWebhookUrl { url, .. } => {
            let url = url.trim();
            match judge_webhook_url(Some(url)) {
                WebhookJudgement::Secure { .. } => {}
                WebhookJudgement::Missing => {
                    return Err(Error::Invalid("Enter the webhook address.".into()))
                }
                WebhookJudgement::NotEncrypted { .. } => {
                    return Err(Error::Invalid(
                        "The webhook address must start with https:// so texts travel encrypted."
                            .into(),
                    ))
                }
                WebhookJudgement::Local { host, .. } => {
                    return Err(Error::Invalid(format!(
                        "{host} is an address on your own network: Telnyx cannot reach it. Enter a public https:// address."
                    )))
                }
                _ => {
                    return Err(Error::Invalid(format!(
                        "“{url}” is not a web address. Enter one such as https://example.com/telnyx."
                    )))
                }
            }
            if current.webhook_url.as_deref().map(str::trim) == Some(url) {
                return Ok(None);
            }
            Ok(Some(UpdateMessagingProfile {
                webhook_url: Some(Some(url.to_owned())),
                ..UpdateMessagingProfile::default()
            }))
        }
        ProfileFix::AddDestinationCountry { country, .. } => {
            let country = country.trim().to_ascii_uppercase();
            if country.len() != 2 || !country.bytes().all(|b| b.is_ascii_uppercase()) {
                return Err(Error::Invalid(format!(
                    "“{country}” is not a two-letter country code."
                )));
            }
            let have = &current.whitelisted_destinations;
            if have
                .iter()
                .any(|d| d.trim() == "*" || d.trim().eq_ignore_ascii_case(&country))
            {
                return Ok(None);
            }
            let mut destinations = have.clone();
            destinations.push(country);
            Ok(Some(UpdateMessagingProfile {
                whitelisted_destinations: Some(destinations),
                ..UpdateMessagingProfile::default()
            }))
        }
    }
}

/// The setting `update` changes, with the value it sets (the one setting each fix sends).
pub fn setting_of(update: &UpdateMessagingProfile) -> Option<ProfileSetting> {
    if let Some(value) = update.enabled {
        return Some(ProfileSetting::Enabled { value });
    }
    if let Some(value) = &update.webhook_url {
        return Some(ProfileSetting::WebhookUrl {
            value: value.clone(),
        });
    }
    update
        .whitelisted_destinations
        .as_ref()
        .map(|value| ProfileSetting::Destinations {
            value: value.clone(),
        })
}

/// The same setting as `like`, with the value `profile` holds.
pub fn setting_in(like: &ProfileSetting, profile: &MessagingProfile) -> ProfileSetting {
    match like {
        ProfileSetting::Enabled { .. } => ProfileSetting::Enabled {
            // Telnyx omits `enabled` on a profile that is on.
            value: profile.enabled.unwrap_or(true),
        },
        ProfileSetting::WebhookUrl { .. } => ProfileSetting::WebhookUrl {
            value: profile
                .webhook_url
                .as_deref()
                .map(str::trim)
                .filter(|u| !u.is_empty())
                .map(str::to_owned),
        },
        ProfileSetting::Destinations { .. } => ProfileSetting::Destinations {
            value: profile.whitelisted_destinations.clone(),
        },
    }
}

/// Whether `profile` holds `setting` (destinations compared as sets of countries).
pub fn holds(setting: &ProfileSetting, profile: &MessagingProfile) -> bool {
    let now = setting_in(setting, profile);
    match (setting, &now) {
        (
            ProfileSetting::Destinations { value: want },
            ProfileSetting::Destinations { value: have },
        ) => {
            let set = |v: &[String]| {
                let mut v: Vec<String> = v.iter().map(|d| d.trim().to_ascii_uppercase()).collect();
                v.sort();
                v.dedup();
                v
            };
            set(want) == set(have)
        }
        _ => *setting == now,
    }
}

/// The update that sets `setting`.
pub fn update_for(setting: &ProfileSetting) -> UpdateMessagingProfile {
    let mut update = UpdateMessagingProfile::default();
    match setting {
        ProfileSetting::Enabled { value } => update.enabled = Some(*value),
        ProfileSetting::WebhookUrl { value } => update.webhook_url = Some(value.clone()),
        ProfileSetting::Destinations { value } => {
            update.whitelisted_destinations = Some(value.clone());
        }
    }
    update
}

#[cfg(test)]
mod tests {
    use super::*;

    fn profile(enabled: bool, url: Option<&str>, destinations: &[&str]) -> MessagingProfile {
        serde_json::from_value(serde_json::json!({
            "id": "p1", "name": "Support Line", "enabled": enabled,
            "webhook_url": url, "whitelisted_destinations": destinations,
        }))
        .expect("profile")
    }

    fn enable() -> ProfileFix {
        ProfileFix::Enable {
            profile_id: "p1".into(),
        }
    }

    fn url(u: &str) -> ProfileFix {
        ProfileFix::SetWebhookUrl {
            profile_id: "p1".into(),
            url: u.into(),
        }
    }

    fn country(c: &str) -> ProfileFix {
        ProfileFix::AddDestinationCountry {
            profile_id: "p1".into(),
            country: c.into(),
        }
    }

    #[test]
    fn enabling_sends_enabled_true_only_when_disabled() {
        let update = profile_update(&enable(), &profile(false, None, &["US"]))
            .expect("ok")
            .expect("an update");
        assert_eq!(
            serde_json::to_value(&update).expect("json"),
            serde_json::json!({"enabled": true})
        );
        assert_eq!(
            profile_update(&enable(), &profile(true, None, &["US"])).expect("ok"),
            None
        );
    }

    #[test]
    fn only_public_https_webhooks_are_set() {
        let p = profile(true, Some("http://127.0.0.1:9/x"), &["US"]);
        let update = profile_update(&url(" https://hooks.example.com/in "), &p)
            .expect("ok")
            .expect("an update");
        assert_eq!(
            serde_json::to_value(&update).expect("json"),
            serde_json::json!({"webhook_url": "https://hooks.example.com/in"})
        );
        for bad in [
            "",
            "http://hooks.example.com/in",
            "https://localhost/in",
            "https://192.168.1.4/in",
            "hooks",
        ] {
            assert!(
                matches!(profile_update(&url(bad), &p), Err(Error::Invalid(_))),
                "{bad}"
            );
        }
        let same = profile(true, Some("https://hooks.example.com/in"), &["US"]);
        assert_eq!(
            profile_update(&url("https://hooks.example.com/in"), &same).expect("ok"),
            None
        );
    }

    #[test]
    fn a_country_is_added_to_the_destinations_it_keeps() {
        let p = profile(true, None, &["US", "CA"]);
        let update = profile_update(&country("gb"), &p)
            .expect("ok")
            .expect("an update");
        assert_eq!(
            serde_json::to_value(&update).expect("json"),
            serde_json::json!({"whitelisted_destinations": ["US", "CA", "GB"]})
        );
        assert_eq!(profile_update(&country("CA"), &p).expect("ok"), None);
        assert_eq!(
            profile_update(&country("GB"), &profile(true, None, &["*"])).expect("ok"),
            None
        );
        assert!(profile_update(&country("Britain"), &p).is_err());
    }

    #[test]
    fn each_fix_is_one_setting_read_back_and_undone_by_its_before_value() {
        let p = profile(false, None, &["US", "CA"]);
        for fix in [enable(), url("https://hooks.example.com/in"), country("GB")] {
            let update = profile_update(&fix, &p).expect("ok").expect("an update");
            let after = setting_of(&update).expect("one setting");
            let before = setting_in(&after, &p);
            assert_ne!(before, after, "{fix:?}");
            assert!(holds(&before, &p) && !holds(&after, &p), "{fix:?}");
            // The update for a setting is the fix's own update, and its undo sets the old value.
            assert_eq!(update_for(&after), update, "{fix:?}");
            assert_eq!(setting_of(&update_for(&before)), Some(before), "{fix:?}");
        }
        // No webhook is undone by sending `null`.
        let none = ProfileSetting::WebhookUrl { value: None };
        assert_eq!(
            serde_json::to_value(update_for(&none)).expect("json"),
            serde_json::json!({"webhook_url": null})
        );
        // Destinations are a set of countries: order and case do not make them differ.
        let set = ProfileSetting::Destinations {
            value: vec!["ca".into(), "US".into()],
        };
        assert!(holds(&set, &p));
        // A profile Telnyx shows without `enabled` is on.
        let on: MessagingProfile =
            serde_json::from_value(serde_json::json!({"id": "p1", "name": "x"})).expect("profile");
        assert!(holds(&ProfileSetting::Enabled { value: true }, &on));
    }
}
