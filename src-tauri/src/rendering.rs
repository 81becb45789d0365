//! How the Linux webview draws. WebKitGTK composites the page with OpenGL; on a machine without a
//! GPU (a VM, a remote desktop, Xvfb) that GL is Mesa's software rasteriser, and every repaint of
//! the numbers list then costs about 150 ms per frame where WebKit's own CPU painter takes about
//! 25 ms (measured with `tests/bench/numbers.mjs`). So without a GPU render node the app turns
//! accelerated compositing off, unless the person running it has already chosen. It also puts
//! JavaScriptCore in its small-heap mode (see [`JS_MINI_MODE_VARIABLE`]).

use std::path::Path;

/// The WebKitGTK switch for its non-composited (CPU) painter.
pub const COMPOSITING_VARIABLE: &str = "WEBKIT_DISABLE_COMPOSITING_MODE";

/// Whether to turn compositing off: only when nobody has set the variable (either way) and the
/// machine has no GPU render node.
pub fn should_disable_compositing(already_set: bool, has_render_node: bool) -> bool {
    !already_set && !has_render_node
}

/// Whether `dri` (normally `/dev/dri`) has a render node (`renderD128`, …): a GPU that WebKit's GL
/// compositor can use.
pub fn has_render_node(dri: &Path) -> bool {
    std::fs::read_dir(dri).is_ok_and(|entries| {
        entries
            .flatten()
            .any(|e| e.file_name().to_string_lossy().starts_with("renderD"))
    })
}

/// WebKitGTK's switch for sharing rendered buffers with the window through DMA-BUF (a GPU path).
pub const DMABUF_VARIABLE: &str = "WEBKIT_DISABLE_DMABUF_RENDERER";

/// JavaScriptCore's small-heap mode (its heap grows in smaller steps and is collected sooner).
/// With it the web process holds about 10 MiB less with a 10,000-number list loaded and about 30
/// MiB less after a few refreshes, typing in the list staying under 50 ms
/// (`tests/bench/numbers.mjs`).
pub const JS_MINI_MODE_VARIABLE: &str = "JSC_forceMiniVMMode";

/// Sets `name` to `value` unless the person running the app has set it (either way).
fn default_var(name: &str, value: &str) -> bool {
    if std::env::var_os(name).is_some() {
        return false;
    }
    std::env::set_var(name, value);
    true
}

/// Applies the choices to this process's environment (inherited by WebKit's processes). Call it
/// first thing in `main`, before any thread starts.
pub fn choose_painter() {
    if !cfg!(target_os = "linux") {
        return;
    }
    default_var(JS_MINI_MODE_VARIABLE, "1");
    let already_set = std::env::var_os(COMPOSITING_VARIABLE).is_some();
    if should_disable_compositing(already_set, has_render_node(Path::new("/dev/dri"))) {
        std::env::set_var(COMPOSITING_VARIABLE, "1");
        // Without a GPU the DMA-BUF renderer only adds buffers.
        default_var(DMABUF_VARIABLE, "1");
        tracing::info!("no GPU render node: WebKit paints without GL compositing");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compositing_is_turned_off_only_without_a_gpu_and_without_a_choice() {
        assert!(should_disable_compositing(false, false));
        assert!(!should_disable_compositing(false, true));
        assert!(!should_disable_compositing(true, false));
        assert!(!should_disable_compositing(true, true));
    }

    #[test]
    fn a_default_never_overrides_a_choice() {
        let name = format!("ND_TEST_DEFAULT_{}", std::process::id());
        assert!(default_var(&name, "1"));
        assert_eq!(std::env::var(&name).as_deref(), Ok("1"));
        assert!(!default_var(&name, "2"));
        assert_eq!(std::env::var(&name).as_deref(), Ok("1"));
        std::env::remove_var(&name);
    }

    #[test]
    fn a_render_node_is_found_by_its_name() {
        let dir = std::env::temp_dir().join(format!("nd-dri-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        assert!(!has_render_node(&dir));
        std::fs::write(dir.join("card0"), b"").unwrap();
        assert!(!has_render_node(&dir));
        std::fs::write(dir.join("renderD128"), b"").unwrap();
        assert!(has_render_node(&dir));
        std::fs::remove_dir_all(&dir).unwrap();
        assert!(!has_render_node(&dir), "a missing directory means no GPU");
    }
}
