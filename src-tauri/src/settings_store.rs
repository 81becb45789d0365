//! Settings persisted with tauri-plugin-store. Every write goes through [`SettingsStore::update`].
//! A corrupt or hand-broken file is moved aside as a backup and replaced with defaults; the app
//! still starts and says what happened.

use std::sync::{Arc, Mutex};

use desk_core::settings::{decode_store_file, Settings, STORE_KEY};
use tauri::{AppHandle, Wry};
use tauri_plugin_store::{Store, StoreExt};

use crate::error::IpcError;

pub const STORE_FILE: &str = "settings.json";

pub struct SettingsStore {
    store: Arc<Store<Wry>>,
    current: Mutex<Settings>,
    /// Set when the file on disk could not be read at start: what happened, in words.
    pub recovery_notice: Option<String>,
}

impl SettingsStore {
    pub fn open(app: &AppHandle) -> Result<Self, IpcError> {
        let path = tauri_plugin_store::resolve_store_path(app, STORE_FILE).map_err(|e| {
            IpcError::internal(format!("the settings folder cannot be found ({e})"))
        })?;
        let mut recovery_notice = None;
        let mut settings = Settings::default();
        if let Ok(bytes) = std::fs::read(&path) {
            match decode_store_file(&bytes) {
                Ok(read) => settings = read,
                Err(why) => {
                    let stamp = std::time::SystemTime::now()
                        .duration_since(std::time::UNIX_EPOCH)
                        .map(|d| d.as_secs())
                        .unwrap_or(0);
                    let backup = path.with_file_name(format!("{STORE_FILE}.broken-{stamp}"));
                    let kept = std::fs::rename(&path, &backup).is_ok();
                    tracing::warn!("settings file unreadable ({why}); backup kept: {kept}");
                    recovery_notice = Some(if kept {
                        format!(
                            "Your settings file could not be read ({why}), so Number Desk started with default settings. The old file was kept as {}.",
                            backup.display()
                        )
                    } else {
                        format!("Your settings file could not be read ({why}), so Number Desk started with default settings.")
                    });
                }
            }
        }
        let store = app
            .store(STORE_FILE)
            .map_err(|e| IpcError::internal(format!("the settings file cannot be opened ({e})")))?;
        Ok(SettingsStore {
            store,
            current: Mutex::new(settings),
            recovery_notice,
        })
    }

    pub fn get(&self) -> Settings {
        self.current.lock().map(|s| s.clone()).unwrap_or_default()
    }

    /// The one write path: computes the next settings from the current ones, saves them, and only
    /// then makes them current.
    pub fn update<E>(
        &self,
        change: impl FnOnce(&Settings) -> Result<Settings, E>,
    ) -> Result<Settings, IpcError>
    where
        IpcError: From<E>,
    {
        let mut current = self
            .current
            .lock()
            .map_err(|_| IpcError::internal("settings lock poisoned"))?;
        let next = change(&current)?;
        let value = serde_json::to_value(&next).map_err(IpcError::internal)?;
        self.store.set(STORE_KEY, value);
        self.store
            .save()
            .map_err(|e| IpcError::internal(format!("the settings could not be saved ({e})")))?;
        *current = next.clone();
        Ok(next)
    }
}
