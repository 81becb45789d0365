//! The OS keychain as a `SecretStore` (Secret Service on Linux, Keychain on macOS, Credential
//! Manager on Windows). Entries are named after the app identifier, so dev and release builds never
//! share keys. There is no fallback: without a keychain, real accounts cannot be connected.

use desk_core::ports::secrets::{SecretError, SecretStore};
use keyring::Entry;
use telnyx_client::ApiKey;

/// API keys in the OS keychain, one entry per account: service `<identifier>`, user `<reference>`.
pub struct KeyringStore {
    service: String,
}

impl KeyringStore {
    /// Entries under `service`: the app identifier this build runs under ([`crate::app_identifier`]).
    pub fn new(service: impl Into<String>) -> Self {
        KeyringStore {
            service: service.into(),
        }
    }

    fn entry(&self, reference: &str) -> Result<Entry, SecretError> {
        Entry::new(&self.service, reference).map_err(map_error)
    }
}

impl SecretStore for KeyringStore {
    fn get(&self, reference: &str) -> Result<Option<ApiKey>, SecretError> {
        match self.entry(reference)?.get_password() {
            Ok(secret) => Ok(Some(ApiKey::new(secret))),
            Err(keyring::Error::NoEntry) => Ok(None),
            Err(err) => Err(map_error(err)),
        }
    }

    fn set(&self, reference: &str, key: &ApiKey) -> Result<(), SecretError> {
        self.entry(reference)?
            .set_password(key.expose())
            .map_err(map_error)
    }

    fn delete(&self, reference: &str) -> Result<(), SecretError> {
        match self.entry(reference)?.delete_credential() {
            Ok(()) | Err(keyring::Error::NoEntry) => Ok(()),
            Err(err) => Err(map_error(err)),
        }
    }
}

/// keyring's errors never contain the secret; they can name the platform's failure.
fn map_error(err: keyring::Error) -> SecretError {
    match err {
        keyring::Error::NoStorageAccess(inner) => SecretError::Unavailable(inner.to_string()),
        keyring::Error::PlatformFailure(inner) => SecretError::Unavailable(inner.to_string()),
        other => SecretError::Failed(other.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_or_locked_keychain_is_unavailable_and_other_failures_are_refusals() {
        let platform = || Box::<dyn std::error::Error + Send + Sync>::from("no Secret Service");
        assert_eq!(
            map_error(keyring::Error::NoStorageAccess(platform())),
            SecretError::Unavailable("no Secret Service".into())
        );
        assert_eq!(
            map_error(keyring::Error::PlatformFailure(platform())),
            SecretError::Unavailable("no Secret Service".into())
        );
        assert!(matches!(
            map_error(keyring::Error::TooLong("user".into(), 255)),
            SecretError::Failed(_)
        ));
    }
}
