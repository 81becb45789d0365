//! Commands that open and describe the account the app is working on.

use serde::Serialize;
use tauri::State;

use crate::{error::IpcError, session::AppState};

/// The account the app is showing. Never carries the API key.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
pub struct AccountSummary {
    /// A name for people ("Demo account", "Main", "Agency – Acme").
    pub name: String,
    /// True for the embedded demo account.
    pub demo: bool,
}

/// Opens the embedded demo account (a local Telnyx simulator) and makes it the current account.
#[tauri::command]
#[specta::specta]
pub async fn open_demo(state: State<'_, AppState>) -> Result<AccountSummary, IpcError> {
    state.open_demo().await
}

/// The account currently open, if any.
#[tauri::command]
#[specta::specta]
pub async fn current_account(
    state: State<'_, AppState>,
) -> Result<Option<AccountSummary>, IpcError> {
    state.current_account().await
}
