//! Settings kept with tauri-plugin-store, as the session service's `SettingsStore`: read at start
//! with `desk_host`'s reader of the plugin's file (which keeps an unreadable file aside), written
//! through the plugin.

use std::path::PathBuf;

use desk_core::ports::settings_store::{LoadedSettings, SaveError, SettingsStore};
use desk_core::rules::settings::{Settings, STORE_KEY};
use desk_host::settings_file::read_settings_file;
use desk_host::STORE_FILE;
use tauri::AppHandle;
use tauri_plugin_store::StoreExt;

pub struct PluginSettingsStore {
    app: AppHandle,
    path: PathBuf,
}

impl PluginSettingsStore {
    /// The settings file where the plugin keeps it (the app's data folder).
    pub fn new(app: &AppHandle) -> tauri_plugin_store::Result<Self> {
        Ok(PluginSettingsStore {
            path: tauri_plugin_store::resolve_store_path(app, STORE_FILE)?,
            app: app.clone(),
        })
    }
}

impl SettingsStore for PluginSettingsStore {
    fn load(&self) -> LoadedSettings {
        // Before the plugin opens the file: an unreadable one is moved aside first, so the plugin
        // starts from an empty map rather than from a broken file.
        read_settings_file(&self.path)
    }

    fn save(&self, settings: &Settings) -> Result<(), SaveError> {
        let store = self
            .app
            .store(STORE_FILE)
            .map_err(|e| SaveError(e.to_string()))?;
        let value = serde_json::to_value(settings).map_err(|e| SaveError(e.to_string()))?;
        store.set(STORE_KEY, value);
        store.save().map_err(|e| SaveError(e.to_string()))
    }
}
