//! Where API keys live: the `SecretStore` trait (the app implements it over the OS keychain) and an
//! in-memory store for tests. Nothing here ever writes a key to a file.

use std::collections::HashMap;
use std::sync::Mutex;

use telnyx_client::ApiKey;

/// Why the secret store could not do what was asked.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SecretError {
    /// There is no usable keychain (no Secret Service on the bus, locked keyring, no bus at all).
    #[error("the keychain is not available ({0})")]
    Unavailable(String),
    /// The keychain answered but refused or failed the operation.
    #[error("the keychain could not complete the request ({0})")]
    Failed(String),
}

/// A place to keep API keys, addressed by an opaque reference (one entry per account).
pub trait SecretStore: Send + Sync {
    /// The key stored under `reference`; a missing entry is `Ok(None)`.
    fn get(&self, reference: &str) -> Result<Option<ApiKey>, SecretError>;
    /// Stores `key` under `reference`, replacing what was there.
    fn set(&self, reference: &str, key: &ApiKey) -> Result<(), SecretError>;
    /// Removes the entry; removing a missing entry succeeds (idempotent).
    fn delete(&self, reference: &str) -> Result<(), SecretError>;
}

/// An in-memory `SecretStore` for tests (keyring's own mock keeps one value per `Entry` object, so
/// it cannot stand in for a real keychain across calls).
#[derive(Debug, Default)]
pub struct MemorySecretStore {
    entries: Mutex<HashMap<String, String>>,
    unavailable: bool,
}

impl MemorySecretStore {
    /// A store that fails every call the way a missing keychain does.
    pub fn unavailable() -> Self {
        MemorySecretStore {
            unavailable: true,
            ..Default::default()
        }
    }

    /// How many entries are stored (tests check that nothing was left behind).
    pub fn len(&self) -> usize {
        self.lock().map(|e| e.len()).unwrap_or(0)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    fn lock(&self) -> Result<std::sync::MutexGuard<'_, HashMap<String, String>>, SecretError> {
        if self.unavailable {
            return Err(SecretError::Unavailable("no keychain in this test".into()));
        }
        self.entries
            .lock()
            .map_err(|_| SecretError::Failed("poisoned".into()))
    }
}

impl SecretStore for MemorySecretStore {
    fn get(&self, reference: &str) -> Result<Option<ApiKey>, SecretError> {
        Ok(self.lock()?.get(reference).map(|k| ApiKey::new(k.clone())))
    }

    fn set(&self, reference: &str, key: &ApiKey) -> Result<(), SecretError> {
        self.lock()?
            .insert(reference.to_owned(), key.expose().to_owned());
        Ok(())
    }

    fn delete(&self, reference: &str) -> Result<(), SecretError> {
        self.lock()?.remove(reference);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn memory_store_round_trip_and_idempotent_delete() {
        let store = MemorySecretStore::default();
        assert_eq!(store.get("a").unwrap().map(|k| k.expose().to_owned()), None);
        store.set("a", &ApiKey::new("KEY123")).unwrap();
        assert_eq!(
            store.get("a").unwrap().map(|k| k.expose().to_owned()),
            Some("KEY123".into())
        );
        store.delete("a").unwrap();
        store.delete("a").unwrap();
        assert!(store.is_empty());
    }

    #[test]
    fn unavailable_store_fails_every_call() {
        let store = MemorySecretStore::unavailable();
        assert!(matches!(store.get("a"), Err(SecretError::Unavailable(_))));
        assert!(matches!(
            store.set("a", &ApiKey::new("k")),
            Err(SecretError::Unavailable(_))
        ));
    }
}
