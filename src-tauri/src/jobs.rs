//! The journal of changes and the one job that may run at a time. The journal is the SQLite file
//! in the app data folder (desk-host); a job is desk-core's `BulkService` over the open account.

use std::sync::{Arc, Mutex};

use desk_core::ports::journal::Journal;
use desk_core::services::bulk::{BulkOptions, BulkService, CancelToken};
use desk_core::services::session::SessionService;

use crate::error::IpcError;

/// Managed state: the journal (or why it could not be opened) and the running job's cancel token.
pub struct Jobs {
    journal: Result<Arc<dyn Journal>, String>,
    running: Mutex<Option<CancelToken>>,
}

/// Marks the running job finished when dropped (also when the command's future is dropped).
pub struct RunningJob<'a> {
    jobs: &'a Jobs,
    pub cancel: CancelToken,
}

impl Drop for RunningJob<'_> {
    fn drop(&mut self) {
        *self.jobs.lock() = None;
    }
}

impl Jobs {
    /// Opens the journal in `data_dir` (`None`: the computer gave no data folder).
    pub fn open(data_dir: Option<std::path::PathBuf>) -> Self {
        let journal = match data_dir {
            Some(dir) => desk_host::SqliteJournal::open_in(&dir)
                .and_then(|j| {
                    // The demo account's simulator starts afresh with each run: its changes from
                    // an earlier run describe numbers that are back where they began.
                    j.forget_account(desk_core::services::accounts::AccountRef::DEMO)?;
                    Ok(j)
                })
                .map(|j| Arc::new(j) as Arc<dyn Journal>)
                .map_err(|e| format!("Number Desk could not open its record of changes ({e}), so it makes no changes to numbers now. Restart it; if this stays, check that the disk is not full.")),
            None => Err("This computer gave Number Desk no folder to keep its record of changes in, so it makes no changes to numbers.".into()),
        };
        Jobs {
            journal,
            running: Mutex::new(None),
        }
    }

    /// The bulk service of the open account (its chunk size from Settings → Advanced).
    pub async fn service(&self, session: &SessionService) -> Result<BulkService, IpcError> {
        let journal = self.journal.clone().map_err(IpcError::internal)?;
        let (account, client) = session.account_client().await?;
        let who = session
            .current_account()
            .await?
            .map(|a| a.name)
            .unwrap_or_default();
        let options = BulkOptions {
            chunk_size: session.settings().bulk_chunk_size.max(1) as usize,
            ..BulkOptions::default()
        };
        Ok(BulkService::new(
            client,
            journal,
            account.as_str(),
            who,
            options,
        ))
    }

    /// Claims the right to run a job; refused while another runs (one writer).
    pub fn start(&self) -> Result<RunningJob<'_>, IpcError> {
        let mut running = self.lock();
        if running.is_some() {
            return Err(IpcError::validation(
                "Another change is still running. Wait for it to finish (or cancel it) first.",
            ));
        }
        let cancel = CancelToken::new();
        *running = Some(cancel.clone());
        drop(running);
        Ok(RunningJob { jobs: self, cancel })
    }

    /// Asks the running job to stop sending; false when none runs.
    pub fn cancel(&self) -> bool {
        match self.lock().as_ref() {
            Some(token) => {
                token.cancel();
                true
            }
            None => false,
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Option<CancelToken>> {
        self.running.lock().unwrap_or_else(|e| e.into_inner())
    }
}
