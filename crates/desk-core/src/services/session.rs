//! The open account — the demo account (served by an embedded simulator) or a connected Telnyx
//! account — and the client pointed at it, over a `SecretStore` and a `SettingsStore`. The rules:
//! the account used last is reopened on the first look; a key missing from the keychain names the
//! account to connect again and never switches to the demo silently; a key whose account cannot be
//! remembered is taken back out of the keychain; the demo's options come from environment variables.

use std::net::{Ipv4Addr, SocketAddr};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

use serde::Serialize;
use telnyx_client::{ApiKey, Client};
use telnyx_sim::{SimConfig, Simulator};

use crate::error::Error;
use crate::ports::secrets::SecretStore;
use crate::ports::settings_store::{LoadedSettings, SettingsRecovery, SettingsStore};
use crate::rules::settings::{AccountEntry, Settings, SettingsChange, SettingsEdit};
use crate::services::accounts::{self, AccountId, AccountRef, ConnectRequest};

/// Env var that pins the demo simulator's port (end-to-end tests use it to reach the simulator).
pub const DEMO_PORT_ENV: &str = "NUMBER_DESK_DEMO_PORT";
/// Env var that replaces the demo account by a generated one of this many numbers (benchmarks).
pub const DEMO_SIZE_ENV: &str = "NUMBER_DESK_DEMO_SIZE";
/// Env var that adds this many milliseconds of latency to every demo API response (benchmarks).
pub const DEMO_LATENCY_ENV: &str = "NUMBER_DESK_DEMO_LATENCY_MS";

/// The account the app is showing. Never carries the API key.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct AccountSummary {
    /// `"demo"` for the demo account, otherwise the account's id in settings.
    pub id: AccountRef,
    /// A name for people ("Demo account", "Main", "Agency – Acme").
    pub name: String,
    /// True for the embedded demo account.
    pub demo: bool,
}

impl AccountSummary {
    pub fn demo() -> Self {
        AccountSummary {
            id: AccountRef::Demo,
            name: "Demo account".into(),
            demo: true,
        }
    }
}

impl From<AccountEntry> for AccountSummary {
    fn from(entry: AccountEntry) -> Self {
        AccountSummary {
            id: AccountRef::Saved(entry.id),
            name: entry.name,
            demo: false,
        }
    }
}

/// How the demo simulator is started, from the environment.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DemoConfig {
    /// The loopback port to listen on (0: any free port).
    pub port: u16,
    /// A generated account of this many numbers instead of the demo account.
    pub generated_numbers: Option<usize>,
    /// Milliseconds added to every response.
    pub latency_ms: Option<u64>,
}

impl DemoConfig {
    /// Reads [`DEMO_PORT_ENV`], [`DEMO_SIZE_ENV`] and [`DEMO_LATENCY_ENV`] through `var` (unset:
    /// `None`); a value that is not a number is refused, naming the variable.
    pub fn from_env(var: impl Fn(&str) -> Option<String>) -> Result<Self, Error> {
        let port = match var(DEMO_PORT_ENV) {
            Some(value) => value.trim().parse::<u16>().map_err(|_| {
                Error::Invalid(format!(
                    "{DEMO_PORT_ENV} must be a port number, not {value:?}."
                ))
            })?,
            None => 0,
        };
        Ok(DemoConfig {
            port,
            generated_numbers: env_number(&var, DEMO_SIZE_ENV)?,
            latency_ms: env_number(&var, DEMO_LATENCY_ENV)?.map(|ms| ms as u64),
        })
    }

    fn sim_config(&self) -> SimConfig {
        let mut config = match self.generated_numbers {
            Some(size) => SimConfig::with_account(telnyx_sim::Account::generated(size, 7)),
            None => SimConfig::demo(),
        };
        if let Some(latency) = self.latency_ms {
            config.faults.latency_ms = latency;
        }
        // Only this computer can reach the demo.
        config.bind = SocketAddr::from((Ipv4Addr::LOCALHOST, self.port));
        config
    }
}

/// A whole number from the environment; `None` when the variable is not set.
fn env_number(var: &impl Fn(&str) -> Option<String>, name: &str) -> Result<Option<usize>, Error> {
    match var(name) {
        Some(value) => {
            value.trim().parse::<usize>().map(Some).map_err(|_| {
                Error::Invalid(format!("{name} must be a whole number, not {value:?}."))
            })
        }
        None => Ok(None),
    }
}

type EnvLookup = dyn Fn(&str) -> Option<String> + Send + Sync;

struct OpenAccount {
    summary: AccountSummary,
    client: Client,
}

/// The accounts this computer knows, the settings, and the account that is open.
pub struct SessionService {
    secrets: Arc<dyn SecretStore>,
    store: Arc<dyn SettingsStore>,
    /// The settings as last saved; changed only through [`SessionService::update`].
    settings: Mutex<Settings>,
    recovery: Option<SettingsRecovery>,
    open: tokio::sync::Mutex<Option<OpenAccount>>,
    /// The demo simulator, started on first use and kept for the service's lifetime.
    demo: tokio::sync::Mutex<Option<Simulator>>,
    env: Box<EnvLookup>,
    /// `--demo` on the command line: the first look at the account opens the demo.
    open_demo_on_start: AtomicBool,
}

impl SessionService {
    /// A service over the keychain and the settings store; the settings are read here, once. The
    /// demo's options come from the process environment.
    pub fn new(secrets: Arc<dyn SecretStore>, store: Arc<dyn SettingsStore>) -> Self {
        let LoadedSettings { settings, recovery } = store.load();
        SessionService {
            secrets,
            store,
            settings: Mutex::new(settings),
            recovery,
            open: tokio::sync::Mutex::new(None),
            demo: tokio::sync::Mutex::new(None),
            env: Box::new(|name| std::env::var(name).ok()),
            open_demo_on_start: AtomicBool::new(false),
        }
    }

    /// Makes the first look at the account open the demo (the `--demo` flag).
    pub fn opening_demo_on_start(self, open_demo: bool) -> Self {
        self.open_demo_on_start.store(open_demo, Ordering::SeqCst);
        self
    }

    /// Reads the demo's environment variables through `env` instead of the process environment.
    pub fn with_env(
        mut self,
        env: impl Fn(&str) -> Option<String> + Send + Sync + 'static,
    ) -> Self {
        self.env = Box::new(env);
        self
    }

    /// The current settings.
    pub fn settings(&self) -> Settings {
        self.lock_settings().clone()
    }

    /// Set when the saved settings could not be read at start and defaults were used: what
    /// happened, in words.
    pub fn recovery_notice(&self) -> Option<String> {
        self.recovery.as_ref().map(SettingsRecovery::explain)
    }

    /// Applies one edit from the Settings screen (validated; nothing changes when it is refused).
    pub fn edit_settings(&self, edit: SettingsEdit) -> Result<Settings, Error> {
        self.update(|current| Ok(current.apply(edit.into())?))
    }

    /// Opens the demo account, starting its simulator on first use.
    pub async fn open_demo(&self) -> Result<AccountSummary, Error> {
        let client = {
            let mut demo = self.demo.lock().await;
            let sim = match demo.take() {
                Some(sim) => sim,
                None => {
                    let config = DemoConfig::from_env(&*self.env)?;
                    Simulator::start(config.sim_config())
                        .await
                        .map_err(|err| Error::DemoNotStarted(err.to_string()))?
                }
            };
            let sim = demo.insert(sim);
            Client::builder(&sim.base_url(), ApiKey::new(sim.api_key())).build()?
        };
        let account = AccountSummary::demo();
        self.replace_session(account.clone(), client).await?;
        Ok(account)
    }

    /// The open account. On the first call it reopens the account used last (or the demo with
    /// `--demo`); a key missing from the keychain is an error naming the account, never a silent
    /// switch to the demo.
    pub async fn current_account(&self) -> Result<Option<AccountSummary>, Error> {
        if self.open_demo_on_start.swap(false, Ordering::SeqCst) {
            return self.open_demo().await.map(Some);
        }
        if let Some(open) = self.open.lock().await.as_ref() {
            return Ok(Some(open.summary.clone()));
        }
        match self.settings().last_account {
            Some(account) => self.switch_to(&account).await.map(Some),
            None => Ok(None),
        }
    }

    /// Connects a new account (verified before anything is stored) and opens it; also says how many
    /// numbers with messaging settings the key check found.
    pub async fn connect(&self, request: ConnectRequest) -> Result<(AccountSummary, usize), Error> {
        let accounts::Connected {
            settings: next,
            entry,
            client,
            numbers,
        } = accounts::connect(self.secrets.as_ref(), &self.settings(), request).await?;
        if let Err(err) = self.update(|_| Ok(next)) {
            // The account could not be remembered: take its key back out rather than leave it orphaned.
            let _ = self.secrets.delete(&entry.keychain_ref);
            return Err(err);
        }
        let account = AccountSummary::from(entry);
        self.replace_session(account.clone(), client).await?;
        Ok((account, numbers))
    }

    /// Opens another account: the demo or a connected account.
    pub async fn switch_to(&self, account: &AccountRef) -> Result<AccountSummary, Error> {
        let id = match account {
            AccountRef::Demo => return self.open_demo().await,
            AccountRef::Saved(id) => id,
        };
        let (entry, client) = accounts::open(self.secrets.as_ref(), &self.settings(), id)?;
        let account = AccountSummary::from(entry);
        self.replace_session(account.clone(), client).await?;
        Ok(account)
    }

    /// Signs out of an account: its key leaves the keychain and the account leaves settings.
    pub async fn forget(&self, id: &AccountId) -> Result<(), Error> {
        self.update(|current| accounts::forget(self.secrets.as_ref(), current, id))?;
        let mut open = self.open.lock().await;
        let saved = AccountRef::Saved(id.clone());
        if open.as_ref().is_some_and(|o| o.summary.id == saved) {
            *open = None;
        }
        Ok(())
    }

    /// Every account that can be opened, the demo account first, and the open one.
    pub async fn accounts(&self) -> (Vec<AccountSummary>, Option<AccountRef>) {
        let mut list = vec![AccountSummary::demo()];
        list.extend(
            self.settings()
                .accounts
                .into_iter()
                .map(AccountSummary::from),
        );
        let current = self
            .open
            .lock()
            .await
            .as_ref()
            .map(|o| o.summary.id.clone());
        (list, current)
    }

    /// The open account and its client (cheap to clone; no lock is held during requests).
    pub async fn account_client(&self) -> Result<(AccountRef, Client), Error> {
        self.open
            .lock()
            .await
            .as_ref()
            .map(|o| (o.summary.id.clone(), o.client.clone()))
            .ok_or(Error::NotConnected)
    }

    /// Makes `account` the open one and remembers it as the one to reopen next time.
    async fn replace_session(&self, summary: AccountSummary, client: Client) -> Result<(), Error> {
        self.update(|s| {
            Ok(s.apply(SettingsChange::LastAccount {
                account: Some(summary.id.clone()),
            })?)
        })?;
        *self.open.lock().await = Some(OpenAccount { summary, client });
        Ok(())
    }

    /// The one write path: computes the next settings from the current ones, saves them, and only
    /// then makes them current.
    fn update(
        &self,
        change: impl FnOnce(&Settings) -> Result<Settings, Error>,
    ) -> Result<Settings, Error> {
        let mut current = self.lock_settings();
        let next = change(&current)?;
        self.store.save(&next)?;
        *current = next.clone();
        Ok(next)
    }

    fn lock_settings(&self) -> std::sync::MutexGuard<'_, Settings> {
        // Settings are replaced whole after a successful save, so a poisoned lock still holds
        // settings that were saved.
        self.settings.lock().unwrap_or_else(|e| e.into_inner())
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::*;
    use crate::error::ErrorKind;
    use crate::ports::secrets::MemorySecretStore;
    use crate::ports::settings_store::MemorySettingsStore;
    use crate::rules::settings::DEFAULT_API_BASE_URL;

    const NUMBERS: usize = 12;

    async fn telnyx() -> Simulator {
        Simulator::start(SimConfig::with_account(telnyx_sim::Account::generated(
            NUMBERS, 3,
        )))
        .await
        .expect("simulator starts")
    }

    fn env(vars: &[(&str, &str)]) -> impl Fn(&str) -> Option<String> + Send + Sync + 'static {
        let vars: HashMap<String, String> = vars
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect();
        move |name| vars.get(name).cloned()
    }

    /// Settings that know one account "Main" at `base_url`, opened last.
    fn one_account(base_url: &str) -> (Settings, AccountEntry) {
        let entry = AccountEntry {
            id: AccountId::new("a1"),
            name: "Main".into(),
            keychain_ref: "account:a1".into(),
            base_url: base_url.into(),
        };
        let settings = Settings {
            accounts: vec![entry.clone()],
            last_account: Some(AccountRef::Saved(entry.id.clone())),
            ..Settings::default()
        };
        (settings, entry)
    }

    /// Connecting an account "Main" on `sim` with its key.
    fn main_on(sim: &Simulator) -> ConnectRequest {
        ConnectRequest {
            name: "Main".into(),
            api_key: sim.api_key(),
            base_url: sim.base_url(),
        }
    }

    /// A service that knows one account on `sim`, opened last, its key in the keychain.
    fn signed_in(sim: &Simulator) -> (Fixture, AccountEntry) {
        let (settings, entry) = one_account(&sim.base_url());
        let f = service(settings);
        f.secrets
            .set(&entry.keychain_ref, &ApiKey::new(sim.api_key()))
            .unwrap();
        (f, entry)
    }

    struct Fixture {
        secrets: Arc<MemorySecretStore>,
        store: Arc<MemorySettingsStore>,
        service: SessionService,
    }

    fn service(settings: Settings) -> Fixture {
        let secrets = Arc::new(MemorySecretStore::default());
        let store = Arc::new(MemorySettingsStore::with(settings));
        // A small demo account, so a test that opens the demo by mistake is quick to fail.
        let service = SessionService::new(secrets.clone(), store.clone())
            .with_env(env(&[(DEMO_SIZE_ENV, "3")]));
        Fixture {
            secrets,
            store,
            service,
        }
    }

    #[tokio::test]
    async fn the_account_used_last_is_reopened_with_its_key() {
        let sim = telnyx().await;
        let (f, entry) = signed_in(&sim);

        let opened = f.service.current_account().await.unwrap().unwrap();
        assert_eq!(opened.id, AccountRef::Saved(entry.id.clone()));
        assert_eq!((opened.name.as_str(), opened.demo), ("Main", false));
        let (account, client) = f.service.account_client().await.unwrap();
        assert_eq!(account, opened.id);
        // The client carries the keychain's key: Telnyx accepts it.
        assert_eq!(accounts::verify(&client).await.unwrap(), NUMBERS);
        assert!(f.service.demo.lock().await.is_none());
        sim.shutdown().await;
    }

    #[tokio::test]
    async fn a_key_missing_from_the_keychain_names_the_account_and_never_opens_the_demo() {
        let (settings, entry) = one_account(DEFAULT_API_BASE_URL);
        let f = service(settings.clone());

        let err = f.service.current_account().await.unwrap_err();
        assert_eq!(err.kind(), ErrorKind::KeyMissing);
        assert!(
            matches!(&err, Error::KeyMissing { id, name } if *id == entry.id && name == "Main"),
            "{err:?}"
        );
        assert!(err.explain().contains("“Main”"));
        // Nothing is open, the demo never started, and the account is still the one to reopen.
        assert_eq!(
            f.service.account_client().await.unwrap_err().kind(),
            ErrorKind::NotConnected
        );
        assert_eq!(f.service.accounts().await.1, None);
        assert!(f.service.demo.lock().await.is_none());
        assert_eq!(f.store.saved(), settings);
        // Asking again says the same, rather than falling back to something else.
        assert!(matches!(
            f.service.current_account().await,
            Err(Error::KeyMissing { .. })
        ));
    }

    #[tokio::test]
    async fn a_key_is_taken_back_out_when_its_account_cannot_be_remembered() {
        let sim = telnyx().await;
        let f = service(Settings::default());
        f.store.refuse_saves(true);

        let err = f.service.connect(main_on(&sim)).await.unwrap_err();
        assert!(matches!(err, Error::SettingsNotSaved(_)), "{err:?}");
        assert!(f.secrets.is_empty(), "the key was left in the keychain");
        assert!(f.service.settings().accounts.is_empty());
        assert!(f.service.account_client().await.is_err());

        // With settings that save, the same connection is stored, remembered and opened.
        f.store.refuse_saves(false);
        let (account, numbers) = f.service.connect(main_on(&sim)).await.unwrap();
        assert_eq!(numbers, NUMBERS);
        assert_eq!(f.secrets.len(), 1);
        assert_eq!(f.store.saved().last_account, Some(account.id.clone()));
        assert_eq!(f.service.account_client().await.unwrap().0, account.id);
        sim.shutdown().await;
    }

    #[tokio::test]
    async fn the_demo_starts_from_environment_variables() {
        // A free port to pin, as the end-to-end tests do.
        let port = std::net::TcpListener::bind((Ipv4Addr::LOCALHOST, 0))
            .and_then(|l| l.local_addr())
            .unwrap()
            .port();
        let f = service(Settings::default());
        let service = f.service.with_env(env(&[
            (DEMO_PORT_ENV, &port.to_string()),
            (DEMO_SIZE_ENV, "25"),
            (DEMO_LATENCY_ENV, "1"),
        ]));

        let demo = service.open_demo().await.unwrap();
        assert_eq!(demo, AccountSummary::demo());
        assert_eq!(demo.id.as_str(), "demo");
        let (account, client) = service.account_client().await.unwrap();
        assert_eq!(account, AccountRef::Demo);
        assert_eq!(accounts::verify(&client).await.unwrap(), 25);
        let base_url = service.demo.lock().await.as_ref().unwrap().base_url();
        assert!(
            base_url.starts_with(&format!("http://127.0.0.1:{port}/")),
            "{base_url}"
        );
        assert_eq!(f.store.saved().last_account, Some(AccountRef::Demo));

        // The next run reopens the demo from settings alone.
        let next = SessionService::new(Arc::new(MemorySecretStore::default()), f.store.clone())
            .with_env(env(&[(DEMO_SIZE_ENV, "4")]));
        assert_eq!(
            next.current_account().await.unwrap(),
            Some(AccountSummary::demo())
        );
    }

    #[test]
    fn demo_variables_that_are_not_numbers_are_refused_by_name() {
        assert_eq!(
            DemoConfig::from_env(env(&[])).unwrap(),
            DemoConfig::default()
        );
        assert_eq!(
            DemoConfig::from_env(env(&[(DEMO_SIZE_ENV, " 10000 "), (DEMO_LATENCY_ENV, "80")]))
                .unwrap(),
            DemoConfig {
                port: 0,
                generated_numbers: Some(10_000),
                latency_ms: Some(80),
            }
        );
        for (name, value) in [
            (DEMO_PORT_ENV, "http"),
            (DEMO_PORT_ENV, "70000"),
            (DEMO_SIZE_ENV, "-3"),
            (DEMO_LATENCY_ENV, "fast"),
        ] {
            let err = DemoConfig::from_env(env(&[(name, value)])).unwrap_err();
            assert_eq!(err.kind(), ErrorKind::Invalid);
            assert!(err.explain().contains(name), "{}", err.explain());
        }
    }

    #[tokio::test]
    async fn a_bad_demo_variable_stops_the_demo_with_a_sentence() {
        let f = service(Settings::default());
        let service = f.service.with_env(env(&[(DEMO_PORT_ENV, "x")]));
        let err = service.open_demo().await.unwrap_err();
        assert!(err.explain().contains(DEMO_PORT_ENV));
        assert!(service.account_client().await.is_err());
    }

    #[tokio::test]
    async fn the_demo_flag_wins_over_the_account_used_last_once() {
        let (settings, _) = one_account(DEFAULT_API_BASE_URL);
        let f = service(settings);
        let service = f.service.opening_demo_on_start(true);
        assert_eq!(
            service.current_account().await.unwrap(),
            Some(AccountSummary::demo())
        );
        // Later looks see the open demo (the flag is used up).
        assert_eq!(
            service.current_account().await.unwrap(),
            Some(AccountSummary::demo())
        );
        assert_eq!(f.store.saved().last_account, Some(AccountRef::Demo));
    }

    #[tokio::test]
    async fn no_account_used_last_opens_nothing() {
        let f = service(Settings::default());
        assert_eq!(f.service.current_account().await.unwrap(), None);
        let (list, current) = f.service.accounts().await;
        assert_eq!(list, vec![AccountSummary::demo()]);
        assert_eq!(current, None);
    }

    #[tokio::test]
    async fn forgetting_the_open_account_closes_it_and_removes_its_key() {
        let sim = telnyx().await;
        let (f, entry) = signed_in(&sim);
        f.service.current_account().await.unwrap();

        f.service.forget(&entry.id).await.unwrap();
        assert!(f.secrets.is_empty());
        assert!(f.store.saved().accounts.is_empty());
        assert_eq!(f.store.saved().last_account, None);
        assert!(f.service.account_client().await.is_err());
        assert_eq!(f.service.current_account().await.unwrap(), None);
        sim.shutdown().await;
    }

    #[test]
    fn edits_are_saved_and_a_refused_save_changes_nothing() {
        let f = service(Settings::default());
        let next = f
            .service
            .edit_settings(SettingsEdit::PagingConcurrency { value: 4 })
            .unwrap();
        assert_eq!(next.paging_concurrency, 4);
        assert_eq!(f.store.saved().paging_concurrency, 4);
        assert_eq!(
            f.service
                .edit_settings(SettingsEdit::PagingConcurrency { value: 0 })
                .unwrap_err()
                .kind(),
            ErrorKind::Invalid
        );
        f.store.refuse_saves(true);
        let err = f
            .service
            .edit_settings(SettingsEdit::PagingConcurrency { value: 6 })
            .unwrap_err();
        assert!(matches!(err, Error::SettingsNotSaved(_)));
        assert_eq!(f.service.settings().paging_concurrency, 4);
    }
}
