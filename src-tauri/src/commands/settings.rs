//! Commands behind the Settings screen.

use desk_core::rules::settings::{Settings, SettingsEdit, DEFAULT_API_BASE_URL};
use desk_core::services::session::SessionService;
use serde::Serialize;
use tauri::State;

use crate::error::IpcError;

/// Settings as the Settings screen shows them.
#[derive(Debug, Clone, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct SettingsView {
    pub settings: Settings,
    pub default_api_base_url: String,
    /// Set when the settings file could not be read at start and defaults were used.
    pub recovery_notice: Option<String>,
}

fn view(state: &SessionService) -> SettingsView {
    SettingsView {
        settings: state.settings(),
        default_api_base_url: DEFAULT_API_BASE_URL.into(),
        recovery_notice: state.recovery_notice(),
    }
}

#[tauri::command]
#[specta::specta]
pub async fn get_settings(state: State<'_, SessionService>) -> Result<SettingsView, IpcError> {
    Ok(view(&state))
}

/// Applies one edit (validated; nothing changes when it is refused) and returns the new settings.
#[tauri::command]
#[specta::specta]
pub async fn update_settings(
    state: State<'_, SessionService>,
    edit: SettingsEdit,
) -> Result<SettingsView, IpcError> {
    state.edit_settings(edit)?;
    Ok(view(&state))
}
