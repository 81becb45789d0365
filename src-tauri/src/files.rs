//! Native Open and Save dialogs (tauri-plugin-dialog, GTK). The Rust side reads and writes the
//! chosen file; the window only learns the outcome (and the file's name), never gets file access.

use std::path::{Path, PathBuf};

use tauri::AppHandle;
use tauri_plugin_dialog::DialogExt;

use crate::error::IpcError;

/// Asks for a file to open (`None`: the person closed the dialog).
pub async fn pick_open(
    app: &AppHandle,
    title: &str,
    filter: (&str, &[&str]),
) -> Result<Option<PathBuf>, IpcError> {
    let dialog = app
        .dialog()
        .file()
        .set_title(title)
        .add_filter(filter.0, filter.1);
    let picked = tauri::async_runtime::spawn_blocking(move || dialog.blocking_pick_file())
        .await
        .map_err(|e| IpcError::internal(format!("The Open dialog failed: {e}")))?;
    Ok(picked.and_then(|p| p.into_path().ok()))
}

/// Asks where to save `suggested` (`None`: the person closed the dialog).
pub async fn pick_save(
    app: &AppHandle,
    title: &str,
    suggested: &str,
    filter: (&str, &[&str]),
) -> Result<Option<PathBuf>, IpcError> {
    let dialog = app
        .dialog()
        .file()
        .set_title(title)
        .set_file_name(suggested)
        .add_filter(filter.0, filter.1);
    let picked = tauri::async_runtime::spawn_blocking(move || dialog.blocking_save_file())
        .await
        .map_err(|e| IpcError::internal(format!("The Save dialog failed: {e}")))?;
    Ok(picked.and_then(|p| p.into_path().ok()))
}

/// Writes `text` to `path` (through a temporary file beside it, so a failed write leaves no half
/// file) and returns the file's name for the confirmation.
pub fn write_text(path: &Path, text: &str) -> Result<String, IpcError> {
    let tmp = path.with_extension("number-desk-tmp");
    std::fs::write(&tmp, text)
        .and_then(|()| std::fs::rename(&tmp, path))
        .map_err(|e| {
            let _ = std::fs::remove_file(&tmp);
            IpcError::internal(format!(
                "Number Desk could not save {}: {e}",
                path.display()
            ))
        })?;
    Ok(file_name(path))
}

/// Reads a file chosen in the Open dialog, refusing one too large to be a list of numbers.
pub fn read_limited(path: &Path, max_bytes: u64) -> Result<Vec<u8>, IpcError> {
    let meta = std::fs::metadata(path).map_err(|e| {
        IpcError::internal(format!(
            "Number Desk could not open {}: {e}",
            path.display()
        ))
    })?;
    if meta.len() > max_bytes {
        return Err(IpcError::validation(format!(
            "{} is {} MB; a list of numbers to import must be under {} MB.",
            file_name(path),
            meta.len() / 1_000_000,
            max_bytes / 1_000_000
        )));
    }
    std::fs::read(path).map_err(|e| {
        IpcError::internal(format!(
            "Number Desk could not read {}: {e}",
            path.display()
        ))
    })
}

/// The file's name for messages.
pub fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}
