//! Which identity this build runs under: release builds use the configured identifier, debug builds
//! append `.dev`, so the two never share app data, settings or keychain entries.

/// The identifier this build uses, derived from the one in `tauri.conf.json`.
pub fn app_identifier(configured: &str) -> String {
    identifier_for(configured, cfg!(debug_assertions))
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
    use super::identifier_for;

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
}
