//! The open account: which one it is, the Telnyx client pointed at it, and for the demo account the
//! embedded simulator that serves it.

use std::net::{Ipv4Addr, SocketAddr};

use telnyx_client::{ApiKey, Client};
use telnyx_sim::{SimConfig, Simulator};
use tokio::sync::Mutex;

use crate::error::IpcError;

/// Env var that pins the demo simulator's port (end-to-end tests use it to reach the simulator).
pub const DEMO_PORT_ENV: &str = "NUMBER_DESK_DEMO_PORT";

#[derive(Default)]
pub struct AppState {
    session: Mutex<Option<Session>>,
    /// Set by `--demo` on the command line: the first look at the account opens the demo.
    open_demo_on_start: std::sync::atomic::AtomicBool,
}

pub struct Session {
    pub account: crate::commands::account::AccountSummary,
    pub client: Client,
    /// Kept alive for as long as the demo account is open.
    _simulator: Option<Simulator>,
}

impl AppState {
    /// Opens the demo account, starting its simulator on first use.
    pub async fn open_demo(&self) -> Result<crate::commands::account::AccountSummary, IpcError> {
        let mut slot = self.session.lock().await;
        if let Some(session) = slot.as_ref() {
            if session.account.demo {
                return Ok(session.account.clone());
            }
        }
        let port = match std::env::var(DEMO_PORT_ENV) {
            Ok(value) => value.parse::<u16>().map_err(|_| IpcError::Validation {
                message: format!("{DEMO_PORT_ENV} must be a port number, not {value:?}."),
            })?,
            Err(_) => 0,
        };
        let mut config = SimConfig::demo();
        config.bind = SocketAddr::from((Ipv4Addr::LOCALHOST, port));
        let simulator = Simulator::start(config).await.map_err(|err| {
            IpcError::internal(format!("the demo account could not start ({err})"))
        })?;
        let client =
            Client::builder(&simulator.base_url(), ApiKey::new(simulator.api_key())).build()?;
        let account = crate::commands::account::AccountSummary {
            name: "Demo account".into(),
            demo: true,
        };
        *slot = Some(Session {
            account: account.clone(),
            client,
            _simulator: Some(simulator),
        });
        Ok(account)
    }

    pub fn new(open_demo_on_start: bool) -> Self {
        AppState {
            open_demo_on_start: open_demo_on_start.into(),
            ..Default::default()
        }
    }

    /// The open account; with `--demo` on the command line the first call opens the demo account.
    pub async fn current_account(
        &self,
    ) -> Result<Option<crate::commands::account::AccountSummary>, IpcError> {
        if self
            .open_demo_on_start
            .swap(false, std::sync::atomic::Ordering::SeqCst)
        {
            return self.open_demo().await.map(Some);
        }
        Ok(self
            .session
            .lock()
            .await
            .as_ref()
            .map(|s| s.account.clone()))
    }

    /// The client of the open account (cheap to clone; the lock is not held during requests).
    pub async fn client(&self) -> Result<Client, IpcError> {
        self.session
            .lock()
            .await
            .as_ref()
            .map(|s| s.client.clone())
            .ok_or_else(IpcError::not_connected)
    }
}
