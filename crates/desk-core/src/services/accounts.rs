//! Connecting, opening and forgetting Telnyx accounts. A key is checked with one cheap authenticated
//! call before anything is stored; it goes only into the `SecretStore`, and settings keep a
//! reference to it.

use serde::{Deserialize, Serialize};
use telnyx_client::{ApiKey, Client, ListMessagingNumbers};

use crate::error::Error;
use crate::ports::secrets::SecretStore;
use crate::rules::settings::{validate_base_url, AccountEntry, Settings, SettingsChange};

/// A connected account's id in settings (a UUID; never `"demo"`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(transparent)]
pub struct AccountId(String);

impl AccountId {
    pub fn new(id: impl Into<String>) -> Self {
        AccountId(id.into())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for AccountId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// An account that can be opened: the demo account, or a connected one. On the wire (IPC, the
/// settings file) it is one string: `"demo"` or the account's id.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type), specta(type = String))]
#[serde(from = "String", into = "String")]
pub enum AccountRef {
    /// The embedded demo account.
    Demo,
    /// A connected Telnyx account.
    Saved(AccountId),
}

impl AccountRef {
    /// How the demo account is written where an account id could stand.
    pub const DEMO: &'static str = "demo";

    /// The string the account is known by (the key of account-scoped caches).
    pub fn as_str(&self) -> &str {
        match self {
            AccountRef::Demo => Self::DEMO,
            AccountRef::Saved(id) => id.as_str(),
        }
    }
}

impl From<String> for AccountRef {
    fn from(text: String) -> Self {
        if text == AccountRef::DEMO {
            AccountRef::Demo
        } else {
            AccountRef::Saved(AccountId(text))
        }
    }
}

impl From<AccountRef> for String {
    fn from(account: AccountRef) -> Self {
        match account {
            AccountRef::Demo => AccountRef::DEMO.to_owned(),
            AccountRef::Saved(id) => id.0,
        }
    }
}

/// What a person typed on the Connect screen.
pub struct ConnectRequest {
    pub name: String,
    pub api_key: String,
    /// Empty for the address in settings.
    pub base_url: String,
}

/// Client settings that come from the app's settings.
#[derive(Debug, Clone, Copy)]
pub struct ClientOptions {
    pub paging_concurrency: u32,
    /// Retries of a failing request (0 makes a rate limit surface at once, as the Connect screen wants).
    pub max_retries: u32,
}

impl ClientOptions {
    pub fn from_settings(settings: &Settings) -> Self {
        ClientOptions {
            paging_concurrency: settings.paging_concurrency,
            max_retries: 3,
        }
    }
}

pub fn build_client(
    base_url: &str,
    key: ApiKey,
    options: ClientOptions,
) -> Result<Client, telnyx_client::Error> {
    Client::builder(base_url, key)
        .page_concurrency(options.paging_concurrency as usize)
        .max_retries(options.max_retries)
        .build()
}

/// An account name as stored: trimmed, 1 to 60 characters, "Telnyx account" when left empty.
pub fn clean_account_name(raw: &str) -> Result<String, Error> {
    let name = raw.trim();
    if name.is_empty() {
        return Ok("Telnyx account".into());
    }
    if name.chars().count() > 60 {
        return Err(Error::Invalid(
            "An account name can be at most 60 characters long.".into(),
        ));
    }
    if name.chars().any(char::is_control) {
        return Err(Error::Invalid(
            "An account name cannot contain control characters.".into(),
        ));
    }
    if name.chars().any(is_invisible_reordering) {
        return Err(Error::Invalid(
            "An account name cannot contain invisible characters that change the direction or \
             order of the text."
                .into(),
        ));
    }
    Ok(name.to_owned())
}

/// Characters that reorder or hide text without being seen: the bidirectional controls (a
/// right-to-left override before "gnp.exe" makes it read "exe.png"), directional marks, zero-width spaces
/// and the byte-order mark. The zero-width joiner stays allowed: emoji sequences need it.
fn is_invisible_reordering(c: char) -> bool {
    matches!(
        c,
        '\u{061C}'            // Arabic letter mark
            | '\u{200B}'      // zero-width space
            | '\u{200C}'      // zero-width non-joiner
            | '\u{200E}'..='\u{200F}'   // left-to-right / right-to-left mark
            | '\u{202A}'..='\u{202E}'   // embeddings and overrides
            | '\u{2060}'..='\u{2064}'   // word joiner and invisible operators
            | '\u{2066}'..='\u{2069}'   // isolates
            | '\u{FEFF}' // byte-order mark
    )
}

/// A pasted key, trimmed and sanity-checked (no spaces inside, a plausible length). Telnyx decides
/// whether it is valid.
pub fn clean_api_key(raw: &str) -> Result<ApiKey, Error> {
    let key = raw.trim();
    if key.is_empty() {
        return Err(Error::Invalid("Paste your Telnyx API key first.".into()));
    }
    if key.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(Error::Invalid(
            "The API key contains spaces or line breaks inside it; copy it again from the Telnyx portal.".into(),
        ));
    }
    if !(16..=256).contains(&key.len()) || !key.is_ascii() {
        return Err(Error::Invalid(
            "That does not look like a Telnyx API key (they start with “KEY” and are about 60 characters long).".into(),
        ));
    }
    Ok(ApiKey::new(key))
}

/// The one cheap authenticated call that proves a key works: the first number with messaging
/// settings, one per page. Returns how many the account has (`meta.total_results`), which the
/// first load of its numbers can expect ([`crate::services::snapshot::ListSizes`]).
pub async fn verify(client: &Client) -> Result<usize, telnyx_client::Error> {
    let page = client
        .list_messaging_numbers(&ListMessagingNumbers::default(), 1, 1)
        .await?;
    Ok(page.meta.total_results as usize)
}

/// A newly connected account.
#[derive(Debug)]
pub struct Connected {
    /// The settings with the account added and made the last one.
    pub settings: Settings,
    pub entry: AccountEntry,
    pub client: Client,
    /// How many numbers with messaging settings the account has, as the key check found.
    pub numbers: usize,
}

/// Connects an account: checks the input, verifies the key with Telnyx (no retries, so a rate
/// limit comes back at once), stores the key, and returns the settings with the account added and
/// made the last one. Nothing is stored when any step fails.
pub async fn connect(
    store: &dyn SecretStore,
    settings: &Settings,
    request: ConnectRequest,
) -> Result<Connected, Error> {
    let name = clean_account_name(&request.name)?;
    let key = clean_api_key(&request.api_key)?;
    let base_url = if request.base_url.trim().is_empty() {
        settings.api_base_url.clone()
    } else {
        validate_base_url(&request.base_url).map_err(|e| Error::Invalid(e.0))?
    };
    let options = ClientOptions {
        max_retries: 0,
        ..ClientOptions::from_settings(settings)
    };
    let numbers = verify(&build_client(&base_url, key.clone(), options)?).await?;

    // Reconnecting an account of the same name at the same address replaces it (and its key).
    let id = settings
        .accounts
        .iter()
        .find(|a| a.name == name && a.base_url == base_url)
        .map(|a| a.id.clone())
        .unwrap_or_else(|| AccountId::new(uuid::Uuid::new_v4().to_string()));
    let entry = AccountEntry {
        id: id.clone(),
        name,
        keychain_ref: format!("account:{id}"),
        base_url,
    };
    store.set(&entry.keychain_ref, &key)?;
    let next = settings
        .apply(SettingsChange::AddAccount(entry.clone()))
        .and_then(|s| {
            s.apply(SettingsChange::LastAccount {
                account: Some(AccountRef::Saved(id)),
            })
        })?;
    let client = build_client(&entry.base_url, key, ClientOptions::from_settings(settings))?;
    Ok(Connected {
        settings: next,
        entry,
        client,
        numbers,
    })
}

/// Opens a connected account with the key from the keychain.
pub fn open(
    store: &dyn SecretStore,
    settings: &Settings,
    id: &AccountId,
) -> Result<(AccountEntry, Client), Error> {
    let entry = settings
        .account(id)
        .cloned()
        .ok_or_else(|| Error::UnknownAccount(id.clone()))?;
    let key = store
        .get(&entry.keychain_ref)?
        .ok_or_else(|| Error::KeyMissing {
            id: entry.id.clone(),
            name: entry.name.clone(),
        })?;
    let client = build_client(&entry.base_url, key, ClientOptions::from_settings(settings))?;
    Ok((entry, client))
}

/// Forgets an account: removes its key (idempotent) and returns settings without it.
pub fn forget(
    store: &dyn SecretStore,
    settings: &Settings,
    id: &AccountId,
) -> Result<Settings, Error> {
    if let Some(entry) = settings.account(id) {
        store.delete(&entry.keychain_ref)?;
    }
    Ok(settings.apply(SettingsChange::RemoveAccount { id: id.clone() })?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_trimmed_and_bounded() {
        assert_eq!(clean_account_name("  Main ").unwrap(), "Main");
        assert_eq!(clean_account_name("").unwrap(), "Telnyx account");
        assert!(clean_account_name(&"x".repeat(61)).is_err());
        assert!(clean_account_name("a\u{7}b").is_err());
    }

    #[test]
    fn names_cannot_hide_or_reorder_their_text() {
        for sneaky in [
            "\u{202E}gnp.exe",
            "Main\u{202D}",
            "a\u{2066}b\u{2069}",
            "a\u{200F}b",
            "a\u{200B}b",
            "\u{FEFF}Main",
            "a\u{061C}b",
        ] {
            let err = clean_account_name(sneaky).unwrap_err();
            assert!(err.explain().contains("invisible"), "{sneaky:?}: {err:?}");
        }
        // Other scripts and emoji (with their zero-width joiners) are names like any other.
        for fine in [
            "Agency – Acme",
            "مكتب الرياض",
            "東京オフィス",
            "Team 👩\u{200D}💻",
        ] {
            assert_eq!(clean_account_name(fine).unwrap(), fine);
        }
    }

    #[test]
    fn keys_are_trimmed_and_sanity_checked() {
        assert_eq!(
            clean_api_key("  KEY0123456789abcdefXYZ\n")
                .unwrap()
                .expose(),
            "KEY0123456789abcdefXYZ"
        );
        assert!(clean_api_key("").is_err());
        assert!(clean_api_key("KEY0123 456789abcdefXYZ").is_err());
        assert!(clean_api_key("short").is_err());
    }

    #[test]
    fn errors_never_print_the_key() {
        let err = clean_api_key("KEY0123 456789abcdefXYZ").unwrap_err();
        assert!(!err.to_string().contains("KEY0123"));
        assert!(!err.explain().contains("KEY0123"));
    }

    #[test]
    fn the_demo_and_saved_accounts_are_one_string_on_the_wire() {
        let demo: AccountRef = serde_json::from_str(r#""demo""#).unwrap();
        assert_eq!(demo, AccountRef::Demo);
        let saved: AccountRef = serde_json::from_str(r#""3f2a-11""#).unwrap();
        assert_eq!(saved, AccountRef::Saved(AccountId::new("3f2a-11")));
        assert_eq!(serde_json::to_string(&demo).unwrap(), r#""demo""#);
        assert_eq!(serde_json::to_string(&saved).unwrap(), r#""3f2a-11""#);
        assert_eq!(saved.as_str(), "3f2a-11");
        assert_eq!(
            serde_json::to_string(&AccountId::new("a1")).unwrap(),
            r#""a1""#
        );
    }
}
