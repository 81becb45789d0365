//! The open account — the demo account (served by the embedded simulator) or a connected Telnyx
//! account — and the client pointed at it. Account bookkeeping lives in `desk_core::accounts`;
//! this module only holds state.

use std::net::{Ipv4Addr, SocketAddr};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, OnceLock};

use desk_core::accounts::{self, AccountError, ConnectRequest};
use desk_core::secrets::SecretStore;
use desk_core::settings::{AccountEntry, Settings, SettingsChange};
use serde::Serialize;
use telnyx_client::{ApiKey, Client};
use telnyx_sim::{SimConfig, Simulator};
use tokio::sync::Mutex;

use crate::error::IpcError;
use crate::settings_store::SettingsStore;

/// Env var that pins the demo simulator's port (end-to-end tests use it to reach the simulator).
pub const DEMO_PORT_ENV: &str = "NUMBER_DESK_DEMO_PORT";
/// Env var that replaces the demo account by a generated one of this many numbers (benchmarks).
pub const DEMO_SIZE_ENV: &str = "NUMBER_DESK_DEMO_SIZE";
/// Env var that adds this many milliseconds of latency to every demo API response (benchmarks).
pub const DEMO_LATENCY_ENV: &str = "NUMBER_DESK_DEMO_LATENCY_MS";
/// The id under which the demo account appears next to real accounts.
pub const DEMO_ID: &str = "demo";

/// The account the app is showing. Never carries the API key.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
pub struct AccountSummary {
    /// `"demo"` for the demo account, otherwise the account's id in settings.
    pub id: String,
    /// A name for people ("Demo account", "Main", "Agency – Acme").
    pub name: String,
    /// True for the embedded demo account.
    pub demo: bool,
}

impl From<AccountEntry> for AccountSummary {
    fn from(entry: AccountEntry) -> Self {
        AccountSummary {
            id: entry.id,
            name: entry.name,
            demo: false,
        }
    }
}

impl AccountSummary {
    fn demo() -> Self {
        AccountSummary {
            id: DEMO_ID.into(),
            name: "Demo account".into(),
            demo: true,
        }
    }
}

struct Session {
    account: AccountSummary,
    client: Client,
}

pub struct AppState {
    session: Mutex<Option<Session>>,
    /// The demo simulator, started on first use and kept for the app's lifetime.
    demo: Mutex<Option<Simulator>>,
    settings: OnceLock<SettingsStore>,
    secrets: Arc<dyn SecretStore>,
    /// Set by `--demo` on the command line: the first look at the account opens the demo.
    open_demo_on_start: AtomicBool,
}

impl AppState {
    pub fn new(secrets: Arc<dyn SecretStore>, open_demo_on_start: bool) -> Self {
        AppState {
            session: Mutex::new(None),
            demo: Mutex::new(None),
            settings: OnceLock::new(),
            secrets,
            open_demo_on_start: AtomicBool::new(open_demo_on_start),
        }
    }

    /// Called once from the app's setup hook.
    pub fn attach_settings(&self, store: SettingsStore) {
        let _ = self.settings.set(store);
    }

    pub fn settings(&self) -> Result<&SettingsStore, IpcError> {
        self.settings
            .get()
            .ok_or_else(|| IpcError::internal("settings are not loaded yet"))
    }

    /// Opens the demo account, starting its simulator on first use.
    pub async fn open_demo(&self) -> Result<AccountSummary, IpcError> {
        let client = {
            let mut demo = self.demo.lock().await;
            if demo.is_none() {
                *demo = Some(start_demo_simulator().await?);
            }
            let sim = demo
                .as_ref()
                .ok_or_else(|| IpcError::internal("demo simulator missing"))?;
            Client::builder(&sim.base_url(), ApiKey::new(sim.api_key())).build()?
        };
        let account = AccountSummary::demo();
        self.replace_session(account.clone(), client).await?;
        Ok(account)
    }

    /// The open account. On the first call it reopens the account used last (or the demo with
    /// `--demo`); a key missing from the keychain is an error, never a silent switch to the demo.
    pub async fn current_account(&self) -> Result<Option<AccountSummary>, IpcError> {
        if self.open_demo_on_start.swap(false, Ordering::SeqCst) {
            return self.open_demo().await.map(Some);
        }
        if let Some(session) = self.session.lock().await.as_ref() {
            return Ok(Some(session.account.clone()));
        }
        match self.settings()?.get().last_account {
            Some(id) if id == DEMO_ID => self.open_demo().await.map(Some),
            Some(id) => self.switch_to(&id).await.map(Some),
            None => Ok(None),
        }
    }

    /// Connects a new account (verified before anything is stored) and opens it; also says how many
    /// numbers with messaging settings the key check found.
    pub async fn connect(
        &self,
        request: ConnectRequest,
    ) -> Result<(AccountSummary, usize), IpcError> {
        let settings = self.settings()?;
        let accounts::Connected {
            settings: next,
            entry,
            client,
            numbers,
        } = accounts::connect(self.secrets.as_ref(), &settings.get(), request).await?;
        if let Err(err) = settings.update(|_| Ok::<Settings, IpcError>(next)) {
            // The account could not be remembered: take its key back out rather than leave it orphaned.
            let _ = self.secrets.delete(&entry.keychain_ref);
            return Err(err);
        }
        let account = AccountSummary::from(entry);
        self.replace_session(account.clone(), client).await?;
        Ok((account, numbers))
    }

    /// Opens another account: `"demo"` or the id of a connected account.
    pub async fn switch_to(&self, id: &str) -> Result<AccountSummary, IpcError> {
        if id == DEMO_ID {
            return self.open_demo().await;
        }
        let (entry, client) = accounts::open(self.secrets.as_ref(), &self.settings()?.get(), id)?;
        let account = AccountSummary::from(entry);
        self.replace_session(account.clone(), client).await?;
        Ok(account)
    }

    /// Signs out of an account: its key leaves the keychain and the account leaves settings.
    pub async fn forget(&self, id: &str) -> Result<(), IpcError> {
        let settings = self.settings()?;
        settings.update(|current| accounts::forget(self.secrets.as_ref(), current, id))?;
        let mut session = self.session.lock().await;
        if session.as_ref().is_some_and(|s| s.account.id == id) {
            *session = None;
        }
        Ok(())
    }

    /// Every account that can be opened, the demo account first.
    pub async fn accounts(&self) -> Result<(Vec<AccountSummary>, Option<String>), IpcError> {
        let mut list = vec![AccountSummary::demo()];
        list.extend(
            self.settings()?
                .get()
                .accounts
                .into_iter()
                .map(AccountSummary::from),
        );
        let current = self
            .session
            .lock()
            .await
            .as_ref()
            .map(|s| s.account.id.clone());
        Ok((list, current))
    }

    /// The open account's id and client (cheap to clone; the lock is not held during requests).
    /// The id keys the account-scoped caches.
    pub async fn account_client(&self) -> Result<(String, Client), IpcError> {
        self.session
            .lock()
            .await
            .as_ref()
            .map(|s| (s.account.id.clone(), s.client.clone()))
            .ok_or_else(IpcError::not_connected)
    }

    async fn replace_session(
        &self,
        account: AccountSummary,
        client: Client,
    ) -> Result<(), IpcError> {
        self.settings()?.update(|s| {
            s.apply(SettingsChange::LastAccount {
                id: Some(account.id.clone()),
            })
        })?;
        *self.session.lock().await = Some(Session { account, client });
        Ok(())
    }
}

async fn start_demo_simulator() -> Result<Simulator, IpcError> {
    let port = match std::env::var(DEMO_PORT_ENV) {
        Ok(value) => value.parse::<u16>().map_err(|_| IpcError::Validation {
            message: format!("{DEMO_PORT_ENV} must be a port number, not {value:?}."),
        })?,
        Err(_) => 0,
    };
    let mut config = match env_number(DEMO_SIZE_ENV)? {
        Some(size) => SimConfig::with_account(telnyx_sim::Account::generated(size, 7)),
        None => SimConfig::demo(),
    };
    if let Some(latency) = env_number(DEMO_LATENCY_ENV)? {
        config.faults.latency_ms = latency as u64;
    }
    config.bind = SocketAddr::from((Ipv4Addr::LOCALHOST, port));
    Simulator::start(config)
        .await
        .map_err(|err| IpcError::internal(format!("the demo account could not start ({err})")))
}

/// A whole number from the environment; `None` when the variable is not set.
fn env_number(name: &str) -> Result<Option<usize>, IpcError> {
    match std::env::var(name) {
        Ok(value) => value
            .trim()
            .parse::<usize>()
            .map(Some)
            .map_err(|_| IpcError::Validation {
                message: format!("{name} must be a whole number, not {value:?}."),
            }),
        Err(_) => Ok(None),
    }
}

impl From<AccountError> for IpcError {
    fn from(err: AccountError) -> Self {
        match err {
            AccountError::Invalid(message) => IpcError::Validation { message },
            AccountError::Telnyx(inner) => inner.into(),
            AccountError::Keychain(inner) => IpcError::keychain(&inner),
            AccountError::KeyMissing { ref id, ref name } => IpcError::KeyMissing {
                message: err.to_string(),
                account_id: id.clone(),
                account_name: name.clone(),
            },
            AccountError::UnknownAccount(_) => IpcError::Validation {
                message: err.to_string(),
            },
        }
    }
}
