//! The journal of changes: every job (a move, an unassign, an undo, an import, a fix to a
//! messaging profile) is written before its first request and updated as results arrive, so a job
//! cut short by a crash can be found, checked against Telnyx and finished (`services::bulk`). The host keeps it in SQLite
//! (`desk-host`'s `SqliteJournal`); [`MemoryJournal`] is for tests.

use std::collections::BTreeMap;
use std::sync::Mutex;

use serde::{Deserialize, Serialize};

/// What a job does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub enum JobKind {
    /// Numbers put on a profile.
    Move,
    /// Numbers taken off their profiles.
    Unassign,
    /// A job's moved numbers put back where they were.
    Undo,
    /// The rows of a CSV file.
    Import,
    /// One setting of a messaging profile changed (a Troubleshoot fix): its
    /// [`Job::profile_change`] says which, from what, to what. An undo of it is an [`JobKind::Undo`]
    /// with a profile change too.
    ProfileFix,
}

impl JobKind {
    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            JobKind::Move => "move",
            JobKind::Unassign => "unassign",
            JobKind::Undo => "undo",
            JobKind::Import => "import",
            JobKind::ProfileFix => "profileFix",
        }
    }

    /// From the stored name.
    pub fn parse(s: &str) -> Option<JobKind> {
        Some(match s {
            "move" => JobKind::Move,
            "unassign" => JobKind::Unassign,
            "undo" => JobKind::Undo,
            "import" => JobKind::Import,
            "profileFix" => JobKind::ProfileFix,
            _ => return None,
        })
    }
}

/// Where a job stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub enum JobState {
    /// Written, possibly cut short: [`Journal::unfinished`] finds it.
    Running,
    /// Every number has its outcome.
    Finished,
    /// Stopped by the person: numbers not yet sent are `NotSent`.
    Cancelled,
}

impl JobState {
    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            JobState::Running => "running",
            JobState::Finished => "finished",
            JobState::Cancelled => "cancelled",
        }
    }

    /// From the stored name.
    pub fn parse(s: &str) -> Option<JobState> {
        Some(match s {
            "running" => JobState::Running,
            "finished" => JobState::Finished,
            "cancelled" => JobState::Cancelled,
            _ => return None,
        })
    }
}

/// Where one number of a job stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub enum ItemState {
    /// To be sent.
    Planned,
    /// In a request whose outcome is not known yet (with the order id once Telnyx gave one).
    Sent,
    /// Telnyx reported it on its target.
    Moved,
    /// Telnyx refused it or reports it elsewhere (`code` and `words` say why).
    Failed,
    /// Nothing to do (already there, or it cannot be moved: `words` says why).
    Skipped,
    /// Never sent: the job was cancelled first.
    NotSent,
}

impl ItemState {
    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            ItemState::Planned => "planned",
            ItemState::Sent => "sent",
            ItemState::Moved => "moved",
            ItemState::Failed => "failed",
            ItemState::Skipped => "skipped",
            ItemState::NotSent => "notSent",
        }
    }

    /// From the stored name.
    pub fn parse(s: &str) -> Option<ItemState> {
        Some(match s {
            "planned" => ItemState::Planned,
            "sent" => ItemState::Sent,
            "moved" => ItemState::Moved,
            "failed" => ItemState::Failed,
            "skipped" => ItemState::Skipped,
            "notSent" => ItemState::NotSent,
            _ => return None,
        })
    }

    /// True once the number's outcome is known.
    pub fn is_settled(self) -> bool {
        !matches!(self, ItemState::Planned | ItemState::Sent)
    }
}

/// One number of a job.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct JobItem {
    /// The phone-number id (empty when the number was not on the account).
    pub number_id: String,
    /// E.164 (the key of the item within its job).
    pub phone_number: String,
    /// The profile it was on (`None`: none).
    pub from: Option<String>,
    /// The profile it goes to (`None`: unassigned).
    pub to: Option<String>,
    pub state: ItemState,
    /// The bulk order it was sent in, once Telnyx gave one.
    pub order_id: Option<String>,
    /// Telnyx's error code, for a failure Telnyx explained.
    pub code: Option<String>,
    /// Why, in words (failures and skips).
    pub words: Option<String>,
    /// After the job: whether a re-read found it on its target (`None`: not checked).
    pub confirmed: Option<bool>,
    /// How many requests have named this number in this job (a guard against endless resends).
    pub attempts: u32,
}

/// The one setting of a messaging profile a profile change sets, with its value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(tag = "setting", rename_all = "camelCase")]
pub enum ProfileSetting {
    /// `enabled`.
    Enabled { value: bool },
    /// `webhook_url` (`None`: no webhook).
    #[serde(rename_all = "camelCase")]
    WebhookUrl { value: Option<String> },
    /// `whitelisted_destinations`, the countries texts may go to (ISO 3166 alpha-2, or `*`).
    Destinations { value: Vec<String> },
}

/// A change to one setting of a messaging profile, and where it stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct ProfileSettingChange {
    pub profile_id: String,
    /// The profile's name when the change was made.
    pub profile_name: String,
    /// The setting as Telnyx held it before.
    pub before: ProfileSetting,
    /// The setting as the change makes it.
    pub after: ProfileSetting,
    /// `Sent` until Telnyx's answer is known, then `Moved` (made, and read back), `Failed` or
    /// `Skipped` (when finishing found it already made, or changed by someone else).
    pub state: ItemState,
    /// Telnyx's error code, for a failure Telnyx explained.
    pub code: Option<String>,
    /// Why, in words (failures and skips).
    pub words: Option<String>,
}

/// A job and all its numbers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Job {
    pub id: String,
    /// The account's id on this computer.
    pub account: String,
    /// ISO 8601 UTC, e.g. `2026-12-02T01:40:00Z`.
    pub created_at: String,
    /// The account's name on this computer.
    pub who: String,
    pub kind: JobKind,
    pub state: JobState,
    /// For an undo: the job it undoes.
    pub undoes: Option<String>,
    /// The numbers it moves (none for a profile change).
    pub items: Vec<JobItem>,
    /// For a change to a messaging profile (a Troubleshoot fix, or its undo): what it changes.
    pub profile_change: Option<ProfileSettingChange>,
}

/// How many numbers of a job are in each state.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct JobCounts {
    pub planned: u32,
    pub sent: u32,
    pub moved: u32,
    pub failed: u32,
    pub skipped: u32,
    pub not_sent: u32,
    /// Moved numbers a re-read found on their target.
    pub confirmed: u32,
}

impl JobCounts {
    /// Counts `items`.
    pub fn of(items: &[JobItem]) -> JobCounts {
        let mut c = JobCounts::default();
        for i in items {
            match i.state {
                ItemState::Planned => c.planned += 1,
                ItemState::Sent => c.sent += 1,
                ItemState::Moved => c.moved += 1,
                ItemState::Failed => c.failed += 1,
                ItemState::Skipped => c.skipped += 1,
                ItemState::NotSent => c.not_sent += 1,
            }
            if i.confirmed == Some(true) {
                c.confirmed += 1;
            }
        }
        c
    }
}

/// A job without its numbers, for the Activity list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct JobSummary {
    pub id: String,
    pub account: String,
    pub created_at: String,
    pub who: String,
    pub kind: JobKind,
    pub state: JobState,
    pub undoes: Option<String>,
    pub counts: JobCounts,
    pub profile_change: Option<ProfileSettingChange>,
}

impl Job {
    /// The job without its numbers.
    pub fn summary(&self) -> JobSummary {
        JobSummary {
            id: self.id.clone(),
            account: self.account.clone(),
            created_at: self.created_at.clone(),
            who: self.who.clone(),
            kind: self.kind,
            state: self.state,
            undoes: self.undoes.clone(),
            counts: JobCounts::of(&self.items),
            profile_change: self.profile_change.clone(),
        }
    }
}

/// Why the journal could not be read or written (the store's words; never a secret).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct JournalError(pub String);

impl From<JournalError> for crate::Error {
    fn from(err: JournalError) -> Self {
        crate::Error::Internal(format!(
            "the record of changes on this computer could not be read or written ({err})"
        ))
    }
}

/// Where jobs are kept. One writer: implementations serialise writes.
pub trait Journal: Send + Sync {
    /// Writes a new job with all its numbers.
    fn create(&self, job: &Job) -> Result<(), JournalError>;
    /// Replaces these numbers of a job (matched by `phone_number`), in one transaction.
    fn update_items(&self, job_id: &str, items: &[JobItem]) -> Result<(), JournalError>;
    /// Replaces a job's profile change (its outcome once Telnyx answered).
    fn update_profile_change(
        &self,
        job_id: &str,
        change: &ProfileSettingChange,
    ) -> Result<(), JournalError>;
    /// Sets a job's state.
    fn set_state(&self, job_id: &str, state: JobState) -> Result<(), JournalError>;
    /// One job with its numbers.
    fn job(&self, job_id: &str) -> Result<Option<Job>, JournalError>;
    /// The jobs of `account`, newest first.
    fn jobs(&self, account: &str) -> Result<Vec<JobSummary>, JournalError>;
    /// Removes every job of `account` with its numbers (the demo account, whose simulator starts
    /// afresh with each run: its old changes describe numbers that no longer exist).
    fn forget_account(&self, account: &str) -> Result<(), JournalError>;

    /// The jobs of `account` still running (cut short), oldest first.
    fn unfinished(&self, account: &str) -> Result<Vec<Job>, JournalError> {
        let mut out = Vec::new();
        for s in self.jobs(account)?.into_iter().rev() {
            if s.state == JobState::Running {
                if let Some(job) = self.job(&s.id)? {
                    out.push(job);
                }
            }
        }
        Ok(out)
    }
}

/// A journal in memory, for tests. `fail_writes_after` makes the n-th write onwards fail, to
/// stop a job at any step.
#[derive(Debug, Default)]
pub struct MemoryJournal {
    jobs: Mutex<BTreeMap<String, (u64, Job)>>,
    writes: Mutex<(u64, Option<u64>)>,
}

impl MemoryJournal {
    /// An empty journal.
    pub fn new() -> Self {
        Self::default()
    }

    /// Every write from the `n`-th on (counting from 0) fails, as if the app died there.
    pub fn fail_writes_after(&self, n: u64) {
        self.writes.lock().unwrap_or_else(|e| e.into_inner()).1 = Some(n);
    }

    /// Writes work again.
    pub fn heal(&self) {
        self.writes.lock().unwrap_or_else(|e| e.into_inner()).1 = None;
    }

    /// How many writes have been made.
    pub fn writes(&self) -> u64 {
        self.writes.lock().unwrap_or_else(|e| e.into_inner()).0
    }

    fn write(&self) -> Result<u64, JournalError> {
        let mut w = self.writes.lock().unwrap_or_else(|e| e.into_inner());
        if w.1.is_some_and(|limit| w.0 >= limit) {
            return Err(JournalError("stopped here by the test".into()));
        }
        w.0 += 1;
        Ok(w.0)
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, BTreeMap<String, (u64, Job)>> {
        self.jobs.lock().unwrap_or_else(|e| e.into_inner())
    }
}

impl Journal for MemoryJournal {
    fn create(&self, job: &Job) -> Result<(), JournalError> {
        let seq = self.write()?;
        self.lock().insert(job.id.clone(), (seq, job.clone()));
        Ok(())
    }

    fn update_items(&self, job_id: &str, items: &[JobItem]) -> Result<(), JournalError> {
        self.write()?;
        let mut jobs = self.lock();
        let (_, job) = jobs
            .get_mut(job_id)
            .ok_or_else(|| JournalError(format!("no job {job_id}")))?;
        for item in items {
            if let Some(slot) = job
                .items
                .iter_mut()
                .find(|i| i.phone_number == item.phone_number)
            {
                *slot = item.clone();
            }
        }
        Ok(())
    }

    fn update_profile_change(
        &self,
        job_id: &str,
        change: &ProfileSettingChange,
    ) -> Result<(), JournalError> {
        self.write()?;
        let mut jobs = self.lock();
        let (_, job) = jobs
            .get_mut(job_id)
            .ok_or_else(|| JournalError(format!("no job {job_id}")))?;
        job.profile_change = Some(change.clone());
        Ok(())
    }

    fn set_state(&self, job_id: &str, state: JobState) -> Result<(), JournalError> {
        self.write()?;
        let mut jobs = self.lock();
        let (_, job) = jobs
            .get_mut(job_id)
            .ok_or_else(|| JournalError(format!("no job {job_id}")))?;
        job.state = state;
        Ok(())
    }

    fn job(&self, job_id: &str) -> Result<Option<Job>, JournalError> {
        Ok(self.lock().get(job_id).map(|(_, j)| j.clone()))
    }

    fn jobs(&self, account: &str) -> Result<Vec<JobSummary>, JournalError> {
        let jobs = self.lock();
        let mut list: Vec<&(u64, Job)> = jobs
            .values()
            .filter(|(_, j)| j.account == account)
            .collect();
        list.sort_by_key(|j| std::cmp::Reverse(j.0));
        Ok(list.into_iter().map(|(_, j)| j.summary()).collect())
    }

    fn forget_account(&self, account: &str) -> Result<(), JournalError> {
        self.write()?;
        self.lock().retain(|_, (_, j)| j.account != account);
        Ok(())
    }
}
