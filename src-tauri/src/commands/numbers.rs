//! Commands behind the Numbers screen.

use desk_core::overview::{self, NumbersOverview};
use tauri::State;

use crate::{error::IpcError, session::AppState};

/// How many messaging numbers the account has and which messaging profiles it holds.
#[tauri::command]
#[specta::specta]
pub async fn numbers_overview(state: State<'_, AppState>) -> Result<NumbersOverview, IpcError> {
    Ok(overview::load(&state.client().await?).await?)
}
