//! Where settings are kept between runs: the `SettingsStore` trait (the app implements it over
//! tauri-plugin-store, `desk-host` over the same file) and an in-memory store for tests.

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Mutex;

use crate::rules::settings::Settings;

/// Settings as read when the app starts.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LoadedSettings {
    pub settings: Settings,
    /// Set when the saved settings could not be read and defaults were used instead.
    pub recovery: Option<SettingsRecovery>,
}

/// What happened to a settings file that could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SettingsRecovery {
    /// Why it could not be read, e.g. "it is not valid JSON (…)".
    pub why: String,
    /// Where the unreadable file was kept, when moving it aside worked.
    pub backup: Option<PathBuf>,
}

impl SettingsRecovery {
    /// What happened, for the Settings screen.
    pub fn explain(&self) -> String {
        let why = &self.why;
        match &self.backup {
            Some(backup) => format!(
                "Your settings file could not be read ({why}), so Number Desk started with default settings. The old file was kept as {}.",
                backup.display()
            ),
            None => format!(
                "Your settings file could not be read ({why}), so Number Desk started with default settings."
            ),
        }
    }
}

/// Why settings could not be saved (the store's own words; never a secret, settings hold none).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct SaveError(pub String);

impl From<SaveError> for crate::Error {
    fn from(err: SaveError) -> Self {
        crate::Error::SettingsNotSaved(err.0)
    }
}

/// A place to keep settings between runs.
pub trait SettingsStore: Send + Sync {
    /// The settings saved last (defaults when there are none). Called once, when the app starts:
    /// a store may move an unreadable file aside and say so in [`LoadedSettings::recovery`].
    fn load(&self) -> LoadedSettings;
    /// Saves `settings`; the next run's [`SettingsStore::load`] returns them.
    fn save(&self, settings: &Settings) -> Result<(), SaveError>;
}

/// An in-memory `SettingsStore` for tests; it can be told to refuse every save.
#[derive(Debug, Default)]
pub struct MemorySettingsStore {
    saved: Mutex<LoadedSettings>,
    refuse_saves: AtomicBool,
}

impl MemorySettingsStore {
    /// A store that starts with `settings` saved.
    pub fn with(settings: Settings) -> Self {
        MemorySettingsStore {
            saved: Mutex::new(LoadedSettings {
                settings,
                recovery: None,
            }),
            ..Default::default()
        }
    }

    /// Makes every later save fail (`true`) or work again (`false`).
    pub fn refuse_saves(&self, refuse: bool) {
        self.refuse_saves.store(refuse, Ordering::SeqCst);
    }

    /// What was saved last.
    pub fn saved(&self) -> Settings {
        self.lock().settings.clone()
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, LoadedSettings> {
        self.saved.lock().unwrap_or_else(|e| e.into_inner())
    }
}

impl SettingsStore for MemorySettingsStore {
    fn load(&self) -> LoadedSettings {
        self.lock().clone()
    }

    fn save(&self, settings: &Settings) -> Result<(), SaveError> {
        if self.refuse_saves.load(Ordering::SeqCst) {
            return Err(SaveError("the disk is full in this test".into()));
        }
        self.lock().settings = settings.clone();
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::settings::Theme;

    #[test]
    fn memory_store_keeps_what_was_saved_until_told_to_refuse() {
        let store = MemorySettingsStore::default();
        assert_eq!(store.load().settings, Settings::default());
        let dark = Settings {
            theme: Theme::Dark,
            ..Settings::default()
        };
        store.save(&dark).unwrap();
        assert_eq!(store.load().settings, dark);
        store.refuse_saves(true);
        assert!(store.save(&Settings::default()).is_err());
        assert_eq!(store.saved(), dark);
    }

    #[test]
    fn a_recovery_names_the_backup_when_there_is_one() {
        let kept = SettingsRecovery {
            why: "it is not valid JSON".into(),
            backup: Some(PathBuf::from("/data/settings.json.broken-1")),
        };
        assert_eq!(
            kept.explain(),
            "Your settings file could not be read (it is not valid JSON), so Number Desk started with default settings. The old file was kept as /data/settings.json.broken-1."
        );
        let lost = SettingsRecovery {
            backup: None,
            ..kept
        };
        assert!(lost.explain().ends_with("started with default settings."));
    }
}
