//! Commands behind the Numbers screen.

use desk_core::numbers::{NumberDetail, NumbersList, NumbersService, ProfileTarget};
use desk_core::rows::NumberRow;
use desk_core::snapshot::LoadProgress;
use tauri::ipc::Channel;
use tauri::State;

use crate::{error::IpcError, session::AppState};

/// Every messaging number of the open account as a row, with its profiles; `on_progress` receives
/// pages done / total while the lists arrive.
#[tauri::command]
#[specta::specta]
pub async fn load_numbers(
    state: State<'_, AppState>,
    numbers: State<'_, NumbersService>,
    on_progress: Channel<LoadProgress>,
) -> Result<NumbersList, IpcError> {
    let client = state.client().await?;
    Ok(numbers
        .load(&client, |p| {
            // A closed window cannot receive progress; the load itself goes on.
            let _ = on_progress.send(p);
        })
        .await?)
}

/// One number's row and the record Telnyx returned for it.
#[tauri::command]
#[specta::specta]
pub async fn number_detail(
    state: State<'_, AppState>,
    numbers: State<'_, NumbersService>,
    id: String,
) -> Result<NumberDetail, IpcError> {
    numbers
        .detail(&state.client().await?, &id)
        .await?
        .ok_or_else(|| IpcError::Validation {
            message: "This number is no longer on the account. Refresh the list.".into(),
        })
}

/// Puts a number on a messaging profile (`profileId`), or takes it off its profile (`null`), and
/// returns its row as Telnyx now reports it.
#[tauri::command]
#[specta::specta]
pub async fn set_number_profile(
    state: State<'_, AppState>,
    numbers: State<'_, NumbersService>,
    id: String,
    profile_id: Option<String>,
) -> Result<NumberRow, IpcError> {
    let target = match profile_id.filter(|p| !p.trim().is_empty()) {
        Some(profile) => ProfileTarget::Assign(profile),
        None => ProfileTarget::Unassign,
    };
    Ok(numbers
        .set_profile(&state.client().await?, &id, target)
        .await?)
}
