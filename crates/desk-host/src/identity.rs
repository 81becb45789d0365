//! Which identity this build runs under: release builds use the configured identifier, debug builds
//! append `.dev`, so the two never share app data, settings or keychain entries. The identifier is
//! also the keychain's service name ([`crate::KeyringStore::new`]) and the data folder's name.

use std::path::PathBuf;

/// The identifier this build uses, derived from the one in `tauri.conf.json`.
pub fn app_identifier(configured: &str) -> String {
    identifier_for(configured, cfg!(debug_assertions))
}

/// The app's data folder (settings, remembered list sizes): the user's data folder joined with the
/// identifier — `~/.local/share/<identifier>` on Linux — as Tauri's `app_data_dir` finds it.
/// `None` when the system has no data folder for this user.
pub fn app_data_dir(identifier: &str) -> Option<PathBuf> {
    dirs::data_dir().map(|dir| dir.join(identifier))
}

fn identifier_for(configured: &str, debug: bool) -> String {
    if debug {
        format!("{configured}.dev")
    } else {
        configured.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::{app_data_dir, identifier_for};

    #[test]
    fn dev_and_release_identifiers_differ() {
        assert_eq!(
            identifier_for("com.numberdesk.desktop", false),
            "com.numberdesk.desktop"
        );
        assert_eq!(
            identifier_for("com.numberdesk.desktop", true),
            "com.numberdesk.desktop.dev"
        );
    }

    /// Where the README says settings live: `~/.local/share/<identifier>` (or under
    /// `$XDG_DATA_HOME` when it is set), the folder Tauri's `app_data_dir` gives on Linux.
    #[cfg(target_os = "linux")]
    #[test]
    fn the_data_folder_is_the_documented_one() {
        let expected = match std::env::var_os("XDG_DATA_HOME").map(std::path::PathBuf::from) {
            Some(xdg) if xdg.is_absolute() => xdg,
            _ => std::path::PathBuf::from(std::env::var_os("HOME").expect("HOME is set"))
                .join(".local/share"),
        };
        assert_eq!(
            app_data_dir("com.numberdesk.desktop.dev"),
            Some(expected.join("com.numberdesk.desktop.dev"))
        );
    }
}
