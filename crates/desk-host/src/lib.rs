//! Number Desk's adapters to the computer it runs on, free of Tauri: the OS keychain as a
//! `SecretStore`, the identity the build runs under (which names its keychain entries and data
//! folder), the data folder itself, the settings file as a `SettingsStore`, and the journal of bulk
//! changes in SQLite as a `Journal`. The app shell wires these to the services in `desk-core`.
#![forbid(unsafe_code)]

pub mod identity;
pub mod journal;
pub mod keychain;
pub mod settings_file;

pub use identity::{app_data_dir, app_identifier};
pub use journal::{SqliteJournal, JOURNAL_FILE};
pub use keychain::KeyringStore;
pub use settings_file::{FileSettingsStore, STORE_FILE};
