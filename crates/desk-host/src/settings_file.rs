//! The settings file, `settings.json` in the app's data folder, in the format tauri-plugin-store
//! writes: its key/value map as pretty-printed JSON, the settings under one key
//! (`{"settings": {...}}`, see `desk_core::rules::settings::decode_store_file`). The app writes it through
//! the plugin and reads it at start with [`read_settings_file`]; [`FileSettingsStore`] reads and
//! writes the same file without Tauri.

use std::path::{Path, PathBuf};

use desk_core::ports::settings_store::{
    LoadedSettings, SaveError, SettingsRecovery, SettingsStore,
};
use desk_core::rules::settings::{decode_store_file, Settings, STORE_KEY};

/// The settings file's name in the app's data folder.
pub const STORE_FILE: &str = "settings.json";

/// Reads the settings file at `path`. No file gives the defaults. A file that cannot be read as
/// settings (corrupt, hand-broken) is moved aside as `<name>.broken-<seconds>` beside it and
/// reported, and the defaults are used: the app still starts and says what happened.
pub fn read_settings_file(path: &Path) -> LoadedSettings {
    let Ok(bytes) = std::fs::read(path) else {
        return LoadedSettings::default();
    };
    match decode_store_file(&bytes) {
        Ok(settings) => LoadedSettings {
            settings,
            recovery: None,
        },
        Err(why) => {
            let stamp = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map(|d| d.as_secs())
                .unwrap_or(0);
            let name = path
                .file_name()
                .map_or_else(|| STORE_FILE.into(), |n| n.to_string_lossy());
            let backup = path.with_file_name(format!("{name}.broken-{stamp}"));
            let kept = std::fs::rename(path, &backup).is_ok();
            tracing::warn!("settings file unreadable ({why}); backup kept: {kept}");
            LoadedSettings {
                settings: Settings::default(),
                recovery: Some(SettingsRecovery {
                    why,
                    backup: kept.then_some(backup),
                }),
            }
        }
    }
}

/// The settings file at a path, read and written as tauri-plugin-store does.
#[derive(Debug, Clone)]
pub struct FileSettingsStore {
    path: PathBuf,
}

impl FileSettingsStore {
    /// The settings file at `path`.
    pub fn at(path: impl Into<PathBuf>) -> Self {
        FileSettingsStore { path: path.into() }
    }

    /// The settings file of the app running under `identifier` (`None` without a data folder).
    pub fn of_app(identifier: &str) -> Option<Self> {
        crate::app_data_dir(identifier).map(|dir| Self::at(dir.join(STORE_FILE)))
    }

    pub fn path(&self) -> &Path {
        &self.path
    }
}

impl SettingsStore for FileSettingsStore {
    fn load(&self) -> LoadedSettings {
        read_settings_file(&self.path)
    }

    /// Writes the file as the plugin's save does: the keys already in the file kept (the plugin
    /// loads them into its map), `settings` replaced, the map pretty-printed.
    fn save(&self, settings: &Settings) -> Result<(), SaveError> {
        let mut map = std::fs::read(&self.path)
            .ok()
            .and_then(|bytes| serde_json::from_slice::<serde_json::Map<_, _>>(&bytes).ok())
            .unwrap_or_default();
        let value = serde_json::to_value(settings).map_err(|e| SaveError(e.to_string()))?;
        map.insert(STORE_KEY.to_owned(), value);
        let bytes = serde_json::to_vec_pretty(&map).map_err(|e| SaveError(e.to_string()))?;
        if let Some(dir) = self.path.parent() {
            std::fs::create_dir_all(dir).map_err(|e| SaveError(e.to_string()))?;
        }
        std::fs::write(&self.path, bytes).map_err(|e| SaveError(e.to_string()))
    }
}
