//! Commands behind the Settings screen.

use desk_core::settings::{Settings, SettingsEdit, DEFAULT_API_BASE_URL};
use serde::Serialize;
use tauri::State;

use crate::{error::IpcError, session::AppState};

/// Settings as the Settings screen shows them.
#[derive(Debug, Clone, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct SettingsView {
    pub settings: Settings,
    pub default_api_base_url: String,
    /// Set when the settings file could not be read at start and defaults were used.
    pub recovery_notice: Option<String>,
}

fn view(state: &AppState) -> Result<SettingsView, IpcError> {
    let store = state.settings()?;
    Ok(SettingsView {
        settings: store.get(),
        default_api_base_url: DEFAULT_API_BASE_URL.into(),
        recovery_notice: store.recovery_notice.clone(),
    })
}

#[tauri::command]
#[specta::specta]
pub async fn get_settings(state: State<'_, AppState>) -> Result<SettingsView, IpcError> {
    view(&state)
}

/// Applies one edit (validated; nothing changes when it is refused) and returns the new settings.
#[tauri::command]
#[specta::specta]
pub async fn update_settings(
    state: State<'_, AppState>,
    edit: SettingsEdit,
) -> Result<SettingsView, IpcError> {
    state
        .settings()?
        .update(|current| current.apply(edit.into()))?;
    view(&state)
}
