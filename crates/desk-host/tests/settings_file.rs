//! The settings file store against files tauri-plugin-store wrote. The fixtures are `settings.json`
//! files saved by the app (debug build, through the plugin) in end-to-end runs: one after connecting
//! an account ("a connected account survives a restart"), one after `--demo`.

use std::path::{Path, PathBuf};

use desk_core::ports::settings_store::SettingsStore;
use desk_core::rules::settings::{decode_store_file, Settings, Theme};
use desk_core::services::accounts::{AccountId, AccountRef};
use desk_host::settings_file::read_settings_file;
use desk_host::FileSettingsStore;

const PLUGIN_FILE: &[u8] = include_bytes!("fixtures/settings.json");
const PLUGIN_DEMO_FILE: &[u8] = include_bytes!("fixtures/settings-demo.json");

/// A fresh folder for one test, removed when dropped.
struct Folder(PathBuf);

impl Folder {
    fn new(test: &str) -> Self {
        let dir = std::env::temp_dir().join(format!("desk-host-{test}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("temp folder");
        Folder(dir)
    }

    fn file(&self, name: &str, bytes: &[u8]) -> PathBuf {
        let path = self.0.join(name);
        std::fs::write(&path, bytes).expect("fixture written");
        path
    }

    fn names(&self) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(&self.0)
            .expect("folder")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }
}

impl Drop for Folder {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn read(path: &Path) -> Vec<u8> {
    std::fs::read(path).expect("file")
}

#[test]
fn the_plugins_file_is_read_as_the_app_reads_it() {
    let folder = Folder::new("read");
    let store = FileSettingsStore::at(folder.file("settings.json", PLUGIN_FILE));
    let loaded = store.load();
    assert_eq!(loaded.recovery, None);
    let settings = loaded.settings;
    assert_eq!(
        settings,
        decode_store_file(PLUGIN_FILE).expect("the app decodes it")
    );
    let id = AccountId::new("858ebe1c-d38e-4013-a377-781cad3e0f49");
    assert_eq!(settings.accounts.len(), 1);
    let entry = &settings.accounts[0];
    assert_eq!(
        (
            entry.id.clone(),
            entry.name.as_str(),
            entry.keychain_ref.as_str()
        ),
        (
            id.clone(),
            "Main",
            "account:858ebe1c-d38e-4013-a377-781cad3e0f49"
        )
    );
    assert_eq!(entry.base_url, "http://127.0.0.1:38313/v2");
    assert_eq!(settings.last_account, Some(AccountRef::Saved(id)));
    assert_eq!(settings.theme, Theme::System);

    let demo = FileSettingsStore::at(folder.file("demo.json", PLUGIN_DEMO_FILE)).load();
    assert_eq!(demo.settings.last_account, Some(AccountRef::Demo));
    assert!(demo.settings.accounts.is_empty());
}

#[test]
fn what_it_writes_is_byte_for_byte_the_plugins_file_and_decodes_in_the_app() {
    let folder = Folder::new("write");
    for fixture in [PLUGIN_FILE, PLUGIN_DEMO_FILE] {
        let settings = decode_store_file(fixture).expect("fixture decodes");
        // A folder that does not exist yet, as on a first run.
        let path = folder.0.join("new").join("settings.json");
        let _ = std::fs::remove_file(&path);
        FileSettingsStore::at(&path).save(&settings).expect("saved");
        let written = read(&path);
        assert_eq!(
            String::from_utf8_lossy(&written),
            String::from_utf8_lossy(fixture)
        );
        assert_eq!(decode_store_file(&written), Ok(settings));
    }
}

#[test]
fn a_change_saved_over_the_plugins_file_is_read_back_and_other_keys_stay() {
    let folder = Folder::new("change");
    let mut with_other = serde_json::from_slice::<serde_json::Value>(PLUGIN_FILE).unwrap();
    with_other["windowState"] = serde_json::json!({"width": 900});
    let path = folder.file("settings.json", &serde_json::to_vec(&with_other).unwrap());
    let store = FileSettingsStore::at(&path);
    let changed = Settings {
        theme: Theme::Dark,
        last_account: Some(AccountRef::Demo),
        ..store.load().settings
    };
    store.save(&changed).expect("saved");

    assert_eq!(store.load().settings, changed);
    assert_eq!(decode_store_file(&read(&path)).unwrap(), changed);
    let on_disk: serde_json::Value = serde_json::from_slice(&read(&path)).unwrap();
    assert_eq!(on_disk["windowState"]["width"], 900);
    assert_eq!(on_disk["settings"]["lastAccount"], "demo");
}

#[test]
fn an_unreadable_file_is_kept_aside_and_defaults_are_used() {
    let folder = Folder::new("broken");
    let broken = br#"{"settings": {"theme": 42"#;
    let path = folder.file("settings.json", broken);
    let loaded = read_settings_file(&path);
    assert_eq!(loaded.settings, Settings::default());
    let recovery = loaded.recovery.expect("the broken file is reported");
    assert!(recovery.why.contains("not valid JSON"), "{}", recovery.why);
    let backup = recovery.backup.clone().expect("a backup");
    assert_eq!(read(&backup), broken);
    assert!(!path.exists());
    let names = folder.names();
    assert_eq!(names.len(), 1);
    assert!(names[0].starts_with("settings.json.broken-"), "{names:?}");
    assert!(recovery.explain().contains(&backup.display().to_string()));

    // Settings of the wrong shape are kept aside the same way.
    let path = folder.file("settings.json", br#"{"settings": {"accounts": 3}}"#);
    let loaded = read_settings_file(&path);
    assert!(loaded.recovery.is_some_and(|r| r.why.contains("settings")));
}

#[test]
fn no_file_gives_the_defaults_quietly() {
    let folder = Folder::new("none");
    let loaded = FileSettingsStore::at(folder.0.join("settings.json")).load();
    assert_eq!(loaded.settings, Settings::default());
    assert_eq!(loaded.recovery, None);
    assert!(folder.names().is_empty());
}

#[test]
fn a_save_that_cannot_write_says_why() {
    let folder = Folder::new("unwritable");
    // The data "folder" is a file: nothing can be created inside it.
    let blocker = folder.file("data", b"not a folder");
    let err = FileSettingsStore::at(blocker.join("settings.json"))
        .save(&Settings::default())
        .expect_err("cannot write");
    assert!(!err.0.is_empty());
    let explained = desk_core::Error::from(err).explain();
    assert!(
        explained.starts_with("Number Desk could not save its settings ("),
        "{explained}"
    );
}

#[test]
fn the_apps_file_lives_in_its_data_folder() {
    let store = FileSettingsStore::of_app("com.numberdesk.desktop.dev").expect("a data folder");
    assert!(store
        .path()
        .ends_with("com.numberdesk.desktop.dev/settings.json"));
}
