//! The running simulator: configuration, the loopback-only accept loop (with connection-level faults
//! and a listener that can be stopped), and the state shared by every handler.

use std::net::SocketAddr;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, RwLock, RwLockReadGuard, RwLockWriteGuard};
use std::time::{Duration, Instant};

use axum::extract::ConnectInfo;
use hyper::body::Incoming;
use hyper::Request;
use hyper_util::rt::TokioIo;
use tokio::net::TcpListener;
use tokio::sync::watch;
use tower::ServiceExt;

use crate::account::Account;
use crate::errors::SimError;
use crate::faults::{Decision, Faults, RateWindow};
use crate::state::State;
use crate::DEMO_API_KEY;

/// Everything a simulator starts from.
#[derive(Debug, Clone)]
pub struct SimConfig {
    /// The account served (demo, generated or from a scenario file).
    pub account: Account,
    /// Accepted API keys (`Authorization: Bearer <key>`); the first is [`Simulator::api_key`].
    pub api_keys: Vec<String>,
    /// Faults active from the start.
    pub faults: Faults,
    /// Listen address; must be loopback. Default `127.0.0.1:0` (a free port).
    pub bind: SocketAddr,
    /// Time until every number of a bulk order has left `pending` (spread evenly). Default 1.5 s.
    pub bulk_settle: Duration,
    /// The most numbers one bulk order may list (the simulator's choice: Telnyx documents no
    /// limit); a larger order is refused with 422 `10015`. Default [`DEFAULT_BULK_MAX_NUMBERS`].
    pub bulk_max_numbers: usize,
}

/// The default of [`SimConfig::bulk_max_numbers`].
pub const DEFAULT_BULK_MAX_NUMBERS: usize = 1000;

impl SimConfig {
    /// The demo account with [`DEMO_API_KEY`], no faults, a free loopback port.
    pub fn demo() -> Self {
        Self::with_account(Account::demo())
    }

    /// Any account with the demo key and the defaults.
    pub fn with_account(account: Account) -> Self {
        SimConfig {
            account,
            api_keys: vec![DEMO_API_KEY.to_string()],
            faults: Faults::default(),
            bind: SocketAddr::from(([127, 0, 0, 1], 0)),
            bulk_settle: Duration::from_millis(1500),
            bulk_max_numbers: DEFAULT_BULK_MAX_NUMBERS,
        }
    }
}

impl Default for SimConfig {
    fn default() -> Self {
        Self::demo()
    }
}

/// State shared by all handlers of one simulator.
#[derive(Debug)]
pub(crate) struct Shared {
    state: RwLock<State>,
    pub initial_account: Account,
    pub initial_faults: Faults,
    pub api_keys: Vec<String>,
    faults: Mutex<Faults>,
    rate: Mutex<RateWindow>,
    pub bulk_settle: Duration,
    pub bulk_max_numbers: usize,
    pub stop: watch::Sender<bool>,
    pub served: AtomicU64,
    /// The bound address (set once, right after binding).
    pub addr: std::sync::OnceLock<SocketAddr>,
}

impl Shared {
    /// Reads the state after settling due bulk items.
    pub fn read(&self) -> RwLockReadGuard<'_, State> {
        let now = Instant::now();
        let due = self
            .state
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .has_due(now);
        if due {
            drop(self.write());
        }
        self.state.read().unwrap_or_else(|e| e.into_inner())
    }

    /// Writes the state (due bulk items are settled first).
    pub fn write(&self) -> RwLockWriteGuard<'_, State> {
        let mut guard = self.state.write().unwrap_or_else(|e| e.into_inner());
        guard.settle(Instant::now(), &crate::now_stamp());
        guard
    }

    /// Replaces the whole state (reset).
    pub fn replace_state(&self, state: State) {
        *self.state.write().unwrap_or_else(|e| e.into_inner()) = state;
    }

    /// The current faults.
    pub fn faults(&self) -> MutexGuard<'_, Faults> {
        self.faults.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// The request-rate window.
    pub fn rate(&self) -> MutexGuard<'_, RateWindow> {
        self.rate.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// True when the listener was asked to stop.
    pub fn stopped(&self) -> bool {
        *self.stop.borrow()
    }
}

/// A running simulator. Dropping it without [`Simulator::shutdown`] leaves the server task running until
/// the runtime ends.
#[derive(Debug)]
pub struct Simulator {
    addr: SocketAddr,
    shared: Arc<Shared>,
    task: tokio::task::JoinHandle<()>,
}

/// The error a service returns to make hyper close the connection without a response.
#[derive(Debug, thiserror::Error)]
#[error("connection dropped by fault injection")]
struct Dropped;

impl Simulator {
    /// Binds (loopback only) and starts serving.
    pub async fn start(config: SimConfig) -> Result<Simulator, SimError> {
        if !config.bind.ip().is_loopback() {
            return Err(SimError::NonLoopbackBind(config.bind));
        }
        if config.api_keys.is_empty() {
            return Err(SimError::NoApiKey);
        }
        config.faults.validate().map_err(SimError::InvalidFaults)?;
        let account = config.account.normalized()?;
        let listener = TcpListener::bind(config.bind)
            .await
            .map_err(|source| SimError::Bind {
                addr: config.bind,
                source,
            })?;
        let addr = listener.local_addr().map_err(|source| SimError::Bind {
            addr: config.bind,
            source,
        })?;
        let (stop, stop_rx) = watch::channel(false);
        let shared = Arc::new(Shared {
            state: RwLock::new(State::new(account.clone())),
            initial_account: account,
            initial_faults: config.faults.clone(),
            api_keys: config.api_keys,
            faults: Mutex::new(config.faults),
            rate: Mutex::new(RateWindow::default()),
            bulk_settle: config.bulk_settle,
            bulk_max_numbers: config.bulk_max_numbers,
            stop,
            served: AtomicU64::new(0),
            addr: std::sync::OnceLock::new(),
        });
        let _ = shared.addr.set(addr);
        let router = crate::routes::router(shared.clone());
        let task = tokio::spawn(accept_loop(listener, router, shared.clone(), stop_rx));
        tracing::info!(%addr, "telnyx simulator listening");
        Ok(Simulator { addr, shared, task })
    }

    /// The bound address.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// `http://127.0.0.1:PORT/v2`, the base URL a Telnyx client uses.
    pub fn base_url(&self) -> String {
        format!("http://{}/v2", self.addr)
    }

    /// `http://127.0.0.1:PORT/_sim`, the admin endpoints.
    pub fn admin_url(&self) -> String {
        format!("http://{}/_sim", self.addr)
    }

    /// The first accepted API key.
    pub fn api_key(&self) -> String {
        self.shared.api_keys.first().cloned().unwrap_or_default()
    }

    /// Replaces the active faults.
    pub fn set_faults(&self, faults: Faults) {
        *self.shared.faults() = faults;
    }

    /// The active faults.
    pub fn faults(&self) -> Faults {
        self.shared.faults().clone()
    }

    /// The profile writes received so far (bulk orders, PATCHes, per number, redundant ones).
    pub fn writes(&self) -> crate::state::WriteCounts {
        self.shared.read().writes.clone()
    }

    /// Number of `/v2` requests served so far.
    pub fn requests_served(&self) -> u64 {
        self.shared.served.load(Ordering::Relaxed)
    }

    /// A snapshot of the current account (with every change made through the API).
    pub fn account(&self) -> Account {
        self.shared.read().account.clone()
    }

    /// Stops accepting connections and closes idle ones (what `POST /_sim/listener/stop` does).
    pub fn stop_listener(&self) {
        self.shared.stop.send_replace(true);
    }

    /// Stops the listener and re-opens it on the same port after `outage` (a temporary "Telnyx unreachable").
    pub fn stop_listener_for(&self, outage: Duration) {
        self.shared.stop.send_replace(true);
        restart_listener_after(self.shared.clone(), outage);
    }

    /// Stops the listener and waits (at most a few seconds) for open connections to finish.
    pub async fn shutdown(self) {
        self.shared.stop.send_replace(true);
        let _ = self.task.await;
    }
}

/// Re-opens a stopped listener on the same address after `delay` (an outage of that length).
pub(crate) fn restart_listener_after(shared: Arc<Shared>, delay: Duration) {
    tokio::spawn(async move {
        tokio::time::sleep(delay).await;
        let Some(&addr) = shared.addr.get() else {
            return;
        };
        match TcpListener::bind(addr).await {
            Ok(listener) => {
                shared.stop.send_replace(false);
                let router = crate::routes::router(shared.clone());
                let stop_rx = shared.stop.subscribe();
                tokio::spawn(accept_loop(listener, router, shared.clone(), stop_rx));
                tracing::info!(%addr, "telnyx simulator listener restarted");
            }
            Err(e) => tracing::warn!(%addr, "could not restart the listener: {e}"),
        }
    });
}

async fn accept_loop(
    listener: TcpListener,
    router: axum::Router,
    shared: Arc<Shared>,
    mut stop: watch::Receiver<bool>,
) {
    let graceful = hyper_util::server::graceful::GracefulShutdown::new();
    loop {
        if *stop.borrow_and_update() {
            break;
        }
        tokio::select! {
            accepted = listener.accept() => {
                let (stream, peer) = match accepted {
                    Ok(pair) => pair,
                    Err(e) => {
                        tracing::warn!("accept failed: {e}");
                        tokio::time::sleep(Duration::from_millis(10)).await;
                        continue;
                    }
                };
                let _ = stream.set_nodelay(true);
                let router = router.clone();
                let shared = shared.clone();
                let service = hyper::service::service_fn(move |mut req: Request<Incoming>| {
                    let router = router.clone();
                    let shared = shared.clone();
                    async move {
                        req.extensions_mut().insert(ConnectInfo(peer));
                        if let Some(refused) = crate::routes::envelope::refuse_oversized(&req) {
                            return Ok(refused);
                        }
                        if req.uri().path().starts_with("/v2") {
                            let decision = shared.faults().connection_decision();
                            match decision {
                                Decision::Pass => {}
                                Decision::Drop => return Err(Dropped),
                                Decision::Hang(d) => {
                                    tokio::time::sleep(d).await;
                                    return Err(Dropped);
                                }
                            }
                        }
                        match router.oneshot(req.map(axum::body::Body::new)).await {
                            Ok(resp) if resp.extensions().get::<crate::routes::DropAnswer>().is_some() => Err(Dropped),
                            Ok(resp) => Ok(resp),
                            Err(never) => match never {},
                        }
                    }
                });
                // Room for requests over the simulator's own limits to reach `refuse_oversized`,
                // which answers them in Telnyx's envelope.
                let conn = hyper::server::conn::http1::Builder::new()
                    .max_buf_size(1024 * 1024)
                    .serve_connection(TokioIo::new(stream), service);
                let conn = graceful.watch(conn);
                tokio::spawn(async move {
                    let _ = conn.await;
                });
            }
            _ = stop.changed() => break,
        }
    }
    drop(listener);
    tracing::info!("telnyx simulator listener stopped");
    let _ = tokio::time::timeout(Duration::from_secs(3), graceful.shutdown()).await;
}
