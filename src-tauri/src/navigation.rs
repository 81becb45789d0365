//! The main window shows Number Desk's own pages and nothing else. A page that navigated the
//! window elsewhere (a link, a script, a redirect) would run with the app's IPC bridge
//! (`__TAURI_INTERNALS__`) in reach, so every main-frame navigation to another origin is refused.

use tauri::plugin::TauriPlugin;
use tauri::{Manager, Runtime, Url};

/// Whether `url` is one of the app's own pages: the embedded frontend (`tauri://localhost` on
/// Linux and macOS, `http(s)://tauri.localhost` on Windows) or, in a development run that loads
/// the UI from the dev server, that server's origin.
pub fn is_app_page(url: &Url, dev_url: Option<&Url>) -> bool {
    match (url.scheme(), url.host_str()) {
        ("tauri", Some("localhost")) => true,
        ("http" | "https", Some("tauri.localhost")) => true,
        _ => dev_url.is_some_and(|dev| dev.origin() == url.origin()),
    }
}

/// A plugin whose navigation hook refuses, for every webview, any page that is not the app's.
pub fn guard<R: Runtime>() -> TauriPlugin<R> {
    tauri::plugin::Builder::new("navigation-guard")
        .on_navigation(|webview, url| {
            let dev_url = if tauri::is_dev() {
                webview.config().build.dev_url.clone()
            } else {
                None
            };
            let allowed = is_app_page(url, dev_url.as_ref());
            if !allowed {
                // The origin only: a path or query could carry something private.
                tracing::warn!(
                    origin = %url.origin().ascii_serialization(),
                    "refused to navigate the window away from Number Desk"
                );
            }
            allowed
        })
        .build()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn url(s: &str) -> Url {
        Url::parse(s).unwrap()
    }

    #[test]
    fn only_the_apps_own_pages() {
        for own in [
            "tauri://localhost",
            "tauri://localhost/index.html#/numbers?q=212",
            "http://tauri.localhost/",
            "https://tauri.localhost/settings",
        ] {
            assert!(is_app_page(&url(own), None), "{own}");
        }
        for other in [
            "http://127.0.0.1:8080/",
            "http://localhost:5173/",
            "https://evil.example/",
            "http://tauri.localhost.evil.example/",
            "tauri://evil",
            "data:text/html,<script>alert(1)</script>",
            "about:blank",
            "file:///etc/passwd",
            "javascript:alert(1)",
        ] {
            assert!(!is_app_page(&url(other), None), "{other}");
        }
    }

    #[test]
    fn the_dev_server_only_in_a_development_run() {
        let dev = url("http://localhost:5173");
        assert!(is_app_page(
            &url("http://localhost:5173/numbers"),
            Some(&dev)
        ));
        assert!(!is_app_page(&url("http://localhost:5174/"), Some(&dev)));
        assert!(!is_app_page(&url("http://127.0.0.1:5173/"), Some(&dev)));
    }
}
