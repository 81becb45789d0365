//! The app's settings: one typed struct with a default for every field, changed only through
//! [`Settings::apply`], which validates every change. It never holds an API key — accounts carry a
//! keychain reference instead.

use std::net::IpAddr;

use serde::{Deserialize, Serialize};

use crate::services::accounts::{AccountId, AccountRef};

/// Where Telnyx's API lives unless an account says otherwise.
pub const DEFAULT_API_BASE_URL: &str = "https://api.telnyx.com/v2";

/// Light, dark, or whatever the operating system prefers.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub enum Theme {
    #[default]
    System,
    Light,
    Dark,
}

/// A connected Telnyx account. The key itself is in the keychain under `keychain_ref`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct AccountEntry {
    pub id: AccountId,
    pub name: String,
    pub keychain_ref: String,
    pub base_url: String,
}

/// Everything Number Desk remembers between runs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(default, rename_all = "camelCase")]
pub struct Settings {
    pub theme: Theme,
    pub accounts: Vec<AccountEntry>,
    /// The account opened last (in the file: an account id, or `"demo"` for the demo account).
    pub last_account: Option<AccountRef>,
    /// How many pages of a long list are fetched at once.
    pub paging_concurrency: u32,
    /// How many numbers one bulk request changes at most.
    pub bulk_chunk_size: u32,
    /// The API address new connections use (advanced; `https://` unless on this computer).
    pub api_base_url: String,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            theme: Theme::System,
            accounts: Vec::new(),
            last_account: None,
            // The client's measured default (crates/telnyx-client/README.md, "Benchmark").
            paging_concurrency: 8,
            bulk_chunk_size: 250,
            api_base_url: DEFAULT_API_BASE_URL.to_owned(),
        }
    }
}

/// The edits a person can make on the Settings screen (what the UI may send).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(tag = "type", rename_all = "camelCase")]
pub enum SettingsEdit {
    Theme {
        theme: Theme,
    },
    PagingConcurrency {
        value: u32,
    },
    BulkChunkSize {
        value: u32,
    },
    /// An empty string puts the default address back.
    ApiBaseUrl {
        url: String,
    },
}

/// Every change settings can undergo: the person's edits and the app's own bookkeeping.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SettingsChange {
    Edit(SettingsEdit),
    AddAccount(AccountEntry),
    RemoveAccount { id: AccountId },
    LastAccount { account: Option<AccountRef> },
}

impl From<SettingsEdit> for SettingsChange {
    fn from(edit: SettingsEdit) -> Self {
        SettingsChange::Edit(edit)
    }
}

/// Why a change was refused, as a sentence for people.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct SettingsError(pub String);

pub const PAGING_CONCURRENCY_RANGE: std::ops::RangeInclusive<u32> = 1..=16;
pub const BULK_CHUNK_RANGE: std::ops::RangeInclusive<u32> = 1..=1000;

impl Settings {
    /// The one way settings change: validates `change` and returns the new settings.
    pub fn apply(&self, change: SettingsChange) -> Result<Settings, SettingsError> {
        let mut next = self.clone();
        match change {
            SettingsChange::Edit(SettingsEdit::Theme { theme }) => next.theme = theme,
            SettingsChange::Edit(SettingsEdit::PagingConcurrency { value }) => {
                next.paging_concurrency =
                    in_range(value, PAGING_CONCURRENCY_RANGE, "Pages fetched at once")?
            }
            SettingsChange::Edit(SettingsEdit::BulkChunkSize { value }) => {
                next.bulk_chunk_size =
                    in_range(value, BULK_CHUNK_RANGE, "Numbers per bulk request")?
            }
            SettingsChange::Edit(SettingsEdit::ApiBaseUrl { url }) => {
                next.api_base_url = if url.trim().is_empty() {
                    DEFAULT_API_BASE_URL.to_owned()
                } else {
                    validate_base_url(&url)?
                }
            }
            SettingsChange::AddAccount(entry) => {
                next.accounts.retain(|a| a.id != entry.id);
                next.accounts.push(entry);
            }
            SettingsChange::RemoveAccount { id } => {
                next.accounts.retain(|a| a.id != id);
                if next.last_account == Some(AccountRef::Saved(id)) {
                    next.last_account = None;
                }
            }
            SettingsChange::LastAccount { account } => next.last_account = account,
        }
        Ok(next)
    }

    pub fn account(&self, id: &AccountId) -> Option<&AccountEntry> {
        self.accounts.iter().find(|a| &a.id == id)
    }
}

fn in_range(
    value: u32,
    range: std::ops::RangeInclusive<u32>,
    what: &str,
) -> Result<u32, SettingsError> {
    if range.contains(&value) {
        Ok(value)
    } else {
        Err(SettingsError(format!(
            "{what} must be between {} and {}.",
            range.start(),
            range.end()
        )))
    }
}

/// Accepts an API address: `https://` anywhere, `http://` only for this computer (loopback).
/// Returns it without a trailing slash.
pub fn validate_base_url(raw: &str) -> Result<String, SettingsError> {
    let text = raw.trim();
    let url = url::Url::parse(text).map_err(|_| {
        SettingsError(format!(
            "“{text}” is not a web address (it should look like {DEFAULT_API_BASE_URL})."
        ))
    })?;
    let host = url
        .host_str()
        .ok_or_else(|| SettingsError(format!("“{text}” has no host name.")))?;
    match url.scheme() {
        "https" => {}
        "http" if is_loopback_host(host) => {}
        "http" => {
            return Err(SettingsError(format!(
                "The API address must start with https:// — only addresses on this computer (like 127.0.0.1) may use http://. “{text}” was not saved."
            )))
        }
        other => return Err(SettingsError(format!("“{other}://” addresses are not supported; use https://."))),
    }
    if !url.username().is_empty() || url.password().is_some() {
        return Err(SettingsError(
            "The API address must not contain a user name or password.".into(),
        ));
    }
    Ok(text.trim_end_matches('/').to_owned())
}

fn is_loopback_host(host: &str) -> bool {
    if host.eq_ignore_ascii_case("localhost") {
        return true;
    }
    host.trim_start_matches('[')
        .trim_end_matches(']')
        .parse::<IpAddr>()
        .map(|ip| ip.is_loopback())
        .unwrap_or(false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_fill_missing_fields_of_an_old_file() {
        let settings: Settings = serde_json::from_str(r#"{"theme":"dark"}"#).unwrap();
        assert_eq!(settings.theme, Theme::Dark);
        assert_eq!(settings.paging_concurrency, 8);
        assert_eq!(settings.api_base_url, DEFAULT_API_BASE_URL);
    }

    #[test]
    fn base_url_rules() {
        for ok in [
            "https://api.telnyx.com/v2",
            "https://proxy.example.com/telnyx/v2/",
            "http://127.0.0.1:8080/v2",
            "http://localhost:9/v2",
            "http://[::1]:4000/v2",
        ] {
            assert!(validate_base_url(ok).is_ok(), "{ok} should be accepted");
        }
        for bad in [
            "http://example.com",
            "http://10.0.0.1/v2",
            "ftp://x/v2",
            "not a url",
            "https://u:p@x.com/v2",
        ] {
            assert!(validate_base_url(bad).is_err(), "{bad} should be refused");
        }
        assert_eq!(
            validate_base_url("https://api.telnyx.com/v2/").unwrap(),
            "https://api.telnyx.com/v2"
        );
    }

    #[test]
    fn apply_validates_ranges_and_keeps_the_old_value_on_error() {
        let settings = Settings::default();
        assert!(settings
            .apply(SettingsEdit::PagingConcurrency { value: 0 }.into())
            .is_err());
        assert!(settings
            .apply(SettingsEdit::BulkChunkSize { value: 5000 }.into())
            .is_err());
        let next = settings
            .apply(SettingsEdit::PagingConcurrency { value: 12 }.into())
            .unwrap();
        assert_eq!(next.paging_concurrency, 12);
        assert_eq!(settings.paging_concurrency, 8);
        let reset = next
            .apply(SettingsEdit::ApiBaseUrl { url: " ".into() }.into())
            .unwrap();
        assert_eq!(reset.api_base_url, DEFAULT_API_BASE_URL);
    }

    #[test]
    fn removing_the_last_account_clears_it() {
        let entry = AccountEntry {
            id: AccountId::new("a1"),
            name: "Main".into(),
            keychain_ref: "account:a1".into(),
            base_url: DEFAULT_API_BASE_URL.into(),
        };
        let s = Settings::default()
            .apply(SettingsChange::AddAccount(entry))
            .unwrap()
            .apply(SettingsChange::LastAccount {
                account: Some(AccountRef::Saved(AccountId::new("a1"))),
            })
            .unwrap()
            .apply(SettingsChange::RemoveAccount {
                id: AccountId::new("a1"),
            })
            .unwrap();
        assert!(s.accounts.is_empty());
        assert_eq!(s.last_account, None);
    }

    #[test]
    fn settings_never_serialize_a_key_field() {
        let json = serde_json::to_string(&Settings::default()).unwrap();
        assert!(!json.to_lowercase().contains("apikey") && !json.contains("api_key"));
    }
}

/// Reads settings as the store file holds them (`{"settings": {...}}`). A file that is not JSON, or
/// whose settings have the wrong shape, is an error naming what is wrong — the app then keeps a
/// backup and starts from defaults. A file without settings gives the defaults.
pub fn decode_store_file(bytes: &[u8]) -> Result<Settings, String> {
    let value: serde_json::Value =
        serde_json::from_slice(bytes).map_err(|e| format!("it is not valid JSON ({e})"))?;
    let object = value
        .as_object()
        .ok_or_else(|| "it does not hold a JSON object".to_owned())?;
    match object.get(STORE_KEY) {
        None => Ok(Settings::default()),
        Some(settings) => serde_json::from_value(settings.clone())
            .map_err(|e| format!("its settings are not readable ({e})")),
    }
}

/// The key under which settings are kept in the store file.
pub const STORE_KEY: &str = "settings";

#[cfg(test)]
mod store_file_tests {
    use super::*;

    #[test]
    fn corrupt_and_hand_edited_files_are_reported() {
        assert!(decode_store_file(b"{not json")
            .unwrap_err()
            .contains("not valid JSON"));
        assert!(decode_store_file(b"[1,2]").unwrap_err().contains("object"));
        assert!(decode_store_file(br#"{"settings":{"theme":5}}"#)
            .unwrap_err()
            .contains("settings"));
        assert_eq!(decode_store_file(b"{}").unwrap(), Settings::default());
        let s =
            decode_store_file(br#"{"settings":{"theme":"light","pagingConcurrency":6}}"#).unwrap();
        assert_eq!((s.theme, s.paging_concurrency), (Theme::Light, 6));
        let demo = decode_store_file(br#"{"settings":{"lastAccount":"demo"}}"#).unwrap();
        assert_eq!(demo.last_account, Some(AccountRef::Demo));
        let saved = decode_store_file(br#"{"settings":{"lastAccount":"a1"}}"#).unwrap();
        assert_eq!(
            saved.last_account,
            Some(AccountRef::Saved(AccountId::new("a1")))
        );
    }
}
