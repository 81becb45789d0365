//! Commands that open, connect, switch and forget accounts. The API key enters here once, in
//! `connect_account`, and never comes back out.

use desk_core::services::accounts::{AccountId, AccountRef, ConnectRequest};
use desk_core::services::session::{AccountSummary, SessionService};
use serde::{Deserialize, Serialize};
use tauri::State;

use crate::error::IpcError;

/// What the Connect form sends. `Debug` never prints the key.
#[derive(Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ConnectInput {
    pub name: String,
    pub api_key: String,
    /// Empty for the address in settings (normally https://api.telnyx.com/v2).
    pub base_url: String,
}

impl std::fmt::Debug for ConnectInput {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ConnectInput")
            .field("name", &self.name)
            .field("api_key", &"<redacted>")
            .field("base_url", &self.base_url)
            .finish()
    }
}

/// Every account that can be opened (the demo account first) and which one is open.
#[derive(Debug, Clone, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct AccountsView {
    pub accounts: Vec<AccountSummary>,
    pub current_id: Option<AccountRef>,
}

/// Opens the embedded demo account (a local Telnyx simulator) and makes it the current account.
#[tauri::command]
#[specta::specta]
pub async fn open_demo(state: State<'_, SessionService>) -> Result<AccountSummary, IpcError> {
    Ok(state.open_demo().await?)
}

/// The account currently open; on first call, the one used last.
#[tauri::command]
#[specta::specta]
pub async fn current_account(
    state: State<'_, SessionService>,
) -> Result<Option<AccountSummary>, IpcError> {
    Ok(state.current_account().await?)
}

/// Checks the key with Telnyx, stores it in the keychain, remembers the account and opens it.
#[tauri::command]
#[specta::specta]
pub async fn connect_account(
    state: State<'_, SessionService>,
    numbers: State<'_, desk_core::services::numbers::NumbersService>,
    input: ConnectInput,
) -> Result<AccountSummary, IpcError> {
    let ConnectInput {
        name,
        api_key,
        base_url,
    } = input;
    let (account, count) = state
        .connect(ConnectRequest {
            name,
            api_key,
            base_url,
        })
        .await?;
    // The first load can ask for every page at once (the inventory is taken to be as long).
    numbers.seed_sizes(account.id.as_str(), count);
    Ok(account)
}

/// Opens another account (`"demo"` or a connected account's id).
#[tauri::command]
#[specta::specta]
pub async fn switch_account(
    state: State<'_, SessionService>,
    id: AccountRef,
) -> Result<AccountSummary, IpcError> {
    Ok(state.switch_to(&id).await?)
}

/// Signs out: removes the account's key from the keychain and forgets the account.
#[tauri::command]
#[specta::specta]
pub async fn forget_account(
    state: State<'_, SessionService>,
    numbers: State<'_, desk_core::services::numbers::NumbersService>,
    id: AccountId,
) -> Result<AccountsView, IpcError> {
    state.forget(&id).await?;
    numbers.forget(id.as_str());
    list_accounts(state).await
}

/// Every account that can be opened and which one is open.
#[tauri::command]
#[specta::specta]
pub async fn list_accounts(state: State<'_, SessionService>) -> Result<AccountsView, IpcError> {
    let (accounts, current_id) = state.accounts().await;
    Ok(AccountsView {
        accounts,
        current_id,
    })
}
