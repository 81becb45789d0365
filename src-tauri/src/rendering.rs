//! How the Linux webview draws. WebKitGTK composites the page with OpenGL; on a machine without a
//! GPU (a VM, a remote desktop, Xvfb) that GL is Mesa's software rasteriser, and every repaint of
//! the numbers list then costs about 150 ms per frame where WebKit's own CPU painter takes about
//! 25 ms (measured with `tests/bench/numbers.mjs`). So without a GPU render node the app turns
//! accelerated compositing off, unless the person running it has already chosen.

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

/// Applies the choice to this process's environment (inherited by WebKit's web process). Call it
/// first thing in `main`, before any thread starts.
pub fn choose_painter() {
    if !cfg!(target_os = "linux") {
        return;
    }
    let already_set = std::env::var_os(COMPOSITING_VARIABLE).is_some();
    if should_disable_compositing(already_set, has_render_node(Path::new("/dev/dri"))) {
        std::env::set_var(COMPOSITING_VARIABLE, "1");
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
