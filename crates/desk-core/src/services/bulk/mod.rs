//! The bulk runner: carries out a [`Plan`] with `POST /messaging_numbers_bulk_updates` in chunks,
//! polls each order until nothing is pending, retries a number the order failed with one
//! `PATCH /phone_numbers/{id}/messaging`, and re-reads numbers whenever Telnyx's answer to a write
//! was lost (a write is never re-sent blindly). Every step is written to the [`Journal`] first, so
//! a job cut short (the app killed, the computer off) is found by [`BulkService::recover`], checked
//! against Telnyx and finished without sending anything twice for a number that already moved.
//!
//! At the end the moved numbers are re-read and marked confirmed or not; a number Telnyx reports
//! elsewhere than intended is a failure, never a silent success.
//!
//! The shell's commands are one call each: [`BulkService::preview`], [`BulkService::run`],
//! [`BulkService::recover`], [`BulkService::undo`], [`BulkService::retry_failed`],
//! [`BulkService::jobs`], [`BulkService::job`].

use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use futures::stream::{self, StreamExt};
use serde::Serialize;
use telnyx_client::{
    BulkOrderId, BulkTarget, BulkUpdateOrder, Client, CreateBulkUpdate, Error as ClientError,
    ListMessagingNumbers, MessagingProfileId, NetworkKind, NumberRef, PhoneNumberId, ProfileChange,
    UpdateMessagingNumber, E164,
};

mod profile;
pub use profile::ProfileFixDone;

use crate::error::explain_telnyx;
use crate::ports::journal::{
    ItemState, Job, JobItem, JobKind, JobState, JobSummary, Journal, JournalError,
};
use crate::rules::plan::{plan, Plan, PlannedMove, Target};
use crate::services::snapshot::AccountSnapshot;
use crate::Error;

/// How the runner works; the defaults suit Telnyx. Tests and benchmarks shorten the waits.
#[derive(Debug, Clone)]
pub struct BulkOptions {
    /// Numbers per order (Settings → Advanced). Halved when Telnyx says an order is too large.
    pub chunk_size: usize,
    /// Orders waiting to settle at once.
    pub max_in_flight: usize,
    /// Time between two polls of the orders in flight.
    pub poll_interval: Duration,
    /// How long an order may stay pending before its numbers are re-read instead.
    pub order_deadline: Duration,
    /// After a write whose answer was lost: how long to wait before re-reading the numbers (an
    /// order that did arrive settles meanwhile).
    pub settle_wait: Duration,
    /// Confirmation: a moved number not yet seen on its target is re-read once more after this.
    pub confirm_delay: Duration,
    /// Requests that may name one number in one job before it is given up as failed. A request is
    /// only ever sent again when a re-read shows that the number did not move, so this bounds a bad
    /// spell at Telnyx, not a refusal (which fails at once): with a quarter of requests failing,
    /// 8 tries give up an order about once in 65,000, where 4 gave one up about once in 250.
    pub max_attempts: u32,
    /// `PATCH`es and re-reads at once.
    pub concurrency: usize,
    /// Numbers per re-read (`filter[phone_number]` with a comma-separated list).
    pub reread_batch: usize,
    /// A job with at most this many numbers to send is sent as `PATCH`es, answered at once,
    /// rather than as a bulk order that must be polled until it settles (a single number assigned
    /// from the Numbers screen takes one request instead of an order and its polls).
    pub patch_up_to: usize,
}

impl Default for BulkOptions {
    fn default() -> Self {
        BulkOptions {
            chunk_size: 1000,
            max_in_flight: 8,
            poll_interval: Duration::from_millis(500),
            order_deadline: Duration::from_secs(300),
            settle_wait: Duration::from_secs(3),
            confirm_delay: Duration::from_secs(3),
            max_attempts: 8,
            concurrency: 4,
            reread_batch: 200,
            patch_up_to: 1,
        }
    }
}

/// Stops a job from sending anything new; what was sent is still followed to its outcome.
#[derive(Debug, Clone, Default)]
pub struct CancelToken(Arc<AtomicBool>);

impl CancelToken {
    /// A token not cancelled.
    pub fn new() -> Self {
        Self::default()
    }
    /// Asks the job to stop sending.
    pub fn cancel(&self) {
        self.0.store(true, Ordering::SeqCst);
    }
    /// Whether [`CancelToken::cancel`] was called.
    pub fn is_cancelled(&self) -> bool {
        self.0.load(Ordering::SeqCst)
    }
}

/// What a running job reports after each step (the shell forwards it over a Channel).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct BulkProgress {
    pub job_id: String,
    /// Numbers the job sends (the skipped ones not counted).
    pub total: u32,
    pub moved: u32,
    pub failed: u32,
    /// Not settled yet (planned or sent).
    pub remaining: u32,
    /// Estimated seconds left, once something has settled.
    pub seconds_left: Option<f64>,
    /// What just happened, for the log (e.g. a halved chunk), if anything worth saying.
    pub note: Option<String>,
    /// The step, for tests and the log: `created`, `sending`, `sent`, `polled`, `patched`,
    /// `reread`, `confirmed`, `finished`.
    pub step: String,
}

/// The bulk service of one open account.
pub struct BulkService {
    client: Client,
    journal: Arc<dyn Journal>,
    account: String,
    who: String,
    options: BulkOptions,
}

impl std::fmt::Debug for BulkService {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("BulkService")
            .field("account", &self.account)
            .field("options", &self.options)
            .finish_non_exhaustive()
    }
}

type OnProgress<'a> = &'a (dyn Fn(BulkProgress) + Send + Sync);

impl BulkService {
    /// `account` is the account's id on this computer, `who` its name there.
    pub fn new(
        client: Client,
        journal: Arc<dyn Journal>,
        account: impl Into<String>,
        who: impl Into<String>,
        options: BulkOptions,
    ) -> Self {
        BulkService {
            client,
            journal,
            account: account.into(),
            who: who.into(),
            options,
        }
    }

    /// The options in use.
    pub fn options(&self) -> &BulkOptions {
        &self.options
    }

    /// The preview of moving `selection` (ids or numbers) onto `target`: nothing is sent.
    pub fn preview(snapshot: &AccountSnapshot, selection: &[String], target: &Target) -> Plan {
        plan(snapshot, selection, target)
    }

    /// The account's jobs, newest first.
    pub fn jobs(&self) -> Result<Vec<JobSummary>, Error> {
        Ok(self.journal.jobs(&self.account)?)
    }

    /// One job with its numbers.
    pub fn job(&self, job_id: &str) -> Result<Job, Error> {
        self.journal
            .job(job_id)?
            .filter(|j| j.account == self.account)
            .ok_or_else(|| Error::Invalid("That change is not in this account's activity.".into()))
    }

    /// Jobs cut short (the app closed or crashed mid-job), oldest first: [`BulkService::recover`]
    /// finishes them.
    pub fn unfinished(&self) -> Result<Vec<JobSummary>, Error> {
        Ok(self
            .journal
            .unfinished(&self.account)?
            .iter()
            .map(Job::summary)
            .collect())
    }

    /// Carries out `plan`: journals it, sends it, follows it to the end and confirms it.
    pub async fn run(
        &self,
        plan: &Plan,
        kind: JobKind,
        on_progress: OnProgress<'_>,
        cancel: &CancelToken,
    ) -> Result<Job, Error> {
        self.run_job(plan, kind, None, on_progress, cancel).await
    }

    async fn run_job(
        &self,
        plan: &Plan,
        kind: JobKind,
        undoes: Option<String>,
        on_progress: OnProgress<'_>,
        cancel: &CancelToken,
    ) -> Result<Job, Error> {
        let job = job_of(plan, kind, undoes, &self.account, &self.who);
        self.journal.create(&job)?;
        let mut run = Run::new(self, job, names_of(plan), on_progress, cancel);
        run.emit("created", None);
        run.drive().await?;
        Ok(run.job)
    }

    /// Finds every job cut short, re-reads its numbers from Telnyx, and finishes it.
    pub async fn recover(
        &self,
        on_progress: OnProgress<'_>,
        cancel: &CancelToken,
    ) -> Result<Vec<Job>, Error> {
        let mut done = Vec::new();
        for job in self.journal.unfinished(&self.account)? {
            if job.profile_change.is_some() {
                done.push(self.finish_profile_change(job).await?);
                continue;
            }
            let mut run = Run::new(self, job, HashMap::new(), on_progress, cancel);
            run.emit("resumed", None);
            run.drive().await?;
            done.push(run.job);
        }
        Ok(done)
    }

    /// The plan that puts every number `job_id` moved back where it was (or back to no profile).
    pub fn undo_plan(&self, job_id: &str) -> Result<Plan, Error> {
        let job = self.job(job_id)?;
        if job.profile_change.is_some() {
            return Err(Error::Invalid(
                "That change is to a messaging profile, not to numbers: undo it from Activity."
                    .into(),
            ));
        }
        undo_plan_of(&job)
    }

    /// Undoes `job_id` (a new, journalled job of kind undo).
    pub async fn undo(
        &self,
        job_id: &str,
        on_progress: OnProgress<'_>,
        cancel: &CancelToken,
    ) -> Result<Job, Error> {
        let job = self.job(job_id)?;
        if job.profile_change.is_some() {
            return self.undo_profile_change(&job).await;
        }
        let plan = undo_plan_of(&job)?;
        self.run_job(
            &plan,
            JobKind::Undo,
            Some(job_id.to_owned()),
            on_progress,
            cancel,
        )
        .await
    }

    /// Sends the failed (and never sent) numbers of `job_id` again, as a new job.
    pub async fn retry_failed(
        &self,
        job_id: &str,
        on_progress: OnProgress<'_>,
        cancel: &CancelToken,
    ) -> Result<Job, Error> {
        let job = self.job(job_id)?;
        let moves: Vec<PlannedMove> = job
            .items
            .iter()
            .filter(|i| matches!(i.state, ItemState::Failed | ItemState::NotSent))
            .filter(|i| !i.number_id.is_empty())
            .map(|i| PlannedMove {
                id: i.number_id.clone(),
                phone_number: i.phone_number.clone(),
                from: i.from.clone(),
                from_name: None,
                to: i.to.clone(),
                to_name: None,
            })
            .collect();
        if moves.is_empty() {
            return Err(Error::Invalid(
                "No number of that change failed, so there is nothing to retry.".into(),
            ));
        }
        let plan = Plan::of_moves(Target::Unassigned, None, moves);
        self.run_job(&plan, job.kind, job.undoes.clone(), on_progress, cancel)
            .await
    }
}

/// The plan that puts every number `job` moved back where it was (or back to no profile).
fn undo_plan_of(job: &Job) -> Result<Plan, Error> {
    let moves: Vec<PlannedMove> = job
        .items
        .iter()
        .filter(|i| i.state == ItemState::Moved)
        .map(|i| PlannedMove {
            id: i.number_id.clone(),
            phone_number: i.phone_number.clone(),
            from: i.to.clone(),
            from_name: None,
            to: i.from.clone(),
            to_name: None,
        })
        .collect();
    if moves.is_empty() {
        return Err(Error::Invalid(
            "That change moved no number, so there is nothing to undo.".into(),
        ));
    }
    Ok(Plan::of_moves(Target::Unassigned, None, moves))
}

/// The profile names a plan knows.
fn names_of(plan: &Plan) -> HashMap<String, String> {
    let mut names = HashMap::new();
    for m in plan.will_move.iter().chain(&plan.already_there) {
        for (id, name) in [(&m.from, &m.from_name), (&m.to, &m.to_name)] {
            if let (Some(id), Some(name)) = (id, name) {
                names.insert(id.clone(), name.clone());
            }
        }
    }
    names
}

/// The job a plan becomes: will-move numbers planned, the rest skipped with why.
fn job_of(plan: &Plan, kind: JobKind, undoes: Option<String>, account: &str, who: &str) -> Job {
    let mut seen = HashSet::new();
    let mut items = Vec::new();
    let item = |m: &PlannedMove, state, words| JobItem {
        number_id: m.id.clone(),
        phone_number: m.phone_number.clone(),
        from: m.from.clone(),
        to: m.to.clone(),
        state,
        order_id: None,
        code: None,
        words,
        confirmed: None,
        attempts: 0,
    };
    for m in &plan.will_move {
        if seen.insert(m.phone_number.clone()) {
            items.push(item(m, ItemState::Planned, None));
        }
    }
    for m in &plan.already_there {
        if seen.insert(m.phone_number.clone()) {
            let words = match &m.to_name {
                Some(name) => format!("Already on “{name}”."),
                None if m.to.is_some() => "Already on that profile.".to_owned(),
                None => "Already on no profile.".to_owned(),
            };
            items.push(item(m, ItemState::Skipped, Some(words)));
        }
    }
    for c in &plan.cannot {
        if seen.insert(c.phone_number.clone()) {
            items.push(JobItem {
                number_id: c.id.clone().unwrap_or_default(),
                phone_number: c.phone_number.clone(),
                from: None,
                to: plan.target.profile_id().map(str::to_owned),
                state: ItemState::Skipped,
                order_id: None,
                code: None,
                words: Some(c.why.clone()),
                confirmed: None,
                attempts: 0,
            });
        }
    }
    Job {
        id: uuid::Uuid::new_v4().to_string(),
        account: account.to_owned(),
        created_at: iso_now(),
        who: who.to_owned(),
        kind,
        state: JobState::Running,
        undoes,
        items,
        profile_change: None,
    }
}

/// Now as ISO 8601 UTC to the second.
fn iso_now() -> String {
    let secs = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let days = (secs / 86_400) as i64;
    let rem = secs % 86_400;
    // Howard Hinnant's civil-from-days.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z",
        rem / 3600,
        rem / 60 % 60,
        rem % 60
    )
}

/// What a create (`POST`) came to.
enum Sent {
    /// Telnyx took the order.
    Order(BulkUpdateOrder),
    /// The answer was lost: the order may or may not exist.
    Unknown,
    /// Refused as too large, or for now (rate limit): the chunk is planned again.
    Again,
    /// Refused: each number is tried alone, which tells which one and why.
    Refused,
}

/// Whether a write that ended with `err` may have been applied.
fn outcome_unknown(err: &ClientError) -> bool {
    match err {
        ClientError::Network { kind, .. } => {
            matches!(kind, NetworkKind::Timeout | NetworkKind::Other)
        }
        ClientError::CorruptBody { .. } | ClientError::Decode { .. } => true,
        ClientError::Api { status, .. } => *status >= 500 || *status == 408,
        _ => false,
    }
}

/// Whether Telnyx refused an order for its size (the simulator: 422 `10015` pointing at
/// `/numbers`, "at most N numbers"; Telnyx documents no limit, so its words are read too).
fn too_large(err: &ClientError) -> bool {
    let ClientError::Api { status, errors, .. } = err else {
        return false;
    };
    if *status == 413 {
        return true;
    }
    if !(400..500).contains(status) || *status == 429 {
        return false;
    }
    errors.iter().any(|e| {
        let words = format!("{} {}", e.title, e.detail.as_deref().unwrap_or("")).to_lowercase();
        let at_numbers = e
            .source
            .as_ref()
            .and_then(|s| s.pointer.as_deref())
            .is_some_and(|p| p == "/numbers");
        (at_numbers && (words.contains("at most") || words.contains("smaller")))
            || words.contains("too large")
            || words.contains("too many numbers")
    })
}

struct Run<'a> {
    svc: &'a BulkService,
    job: Job,
    names: HashMap<String, String>,
    on_progress: OnProgress<'a>,
    cancel: &'a CancelToken,
    chunk_size: usize,
    started: Instant,
    settled_at_start: usize,
    /// Few enough numbers to send that `PATCH`es beat an order ([`BulkOptions::patch_up_to`]).
    patch_all: bool,
}

impl<'a> Run<'a> {
    fn new(
        svc: &'a BulkService,
        job: Job,
        names: HashMap<String, String>,
        on_progress: OnProgress<'a>,
        cancel: &'a CancelToken,
    ) -> Self {
        let settled_at_start = job
            .items
            .iter()
            .filter(|i| matches!(i.state, ItemState::Moved | ItemState::Failed))
            .count();
        let to_send = job
            .items
            .iter()
            .filter(|i| i.state == ItemState::Planned)
            .count();
        Run {
            patch_all: to_send <= svc.options.patch_up_to,
            chunk_size: svc.options.chunk_size.max(1),
            svc,
            job,
            names,
            on_progress,
            cancel,
            started: Instant::now(),
            settled_at_start,
        }
    }

    fn name(&self, profile: Option<&str>) -> String {
        match profile {
            None => "no profile".to_owned(),
            Some(id) => match self.names.get(id) {
                Some(n) => format!("“{n}”"),
                None => format!("the profile {id}"),
            },
        }
    }

    fn emit(&self, step: &str, note: Option<String>) {
        let (mut total, mut moved, mut failed, mut remaining) = (0u32, 0u32, 0u32, 0u32);
        for i in &self.job.items {
            match i.state {
                ItemState::Skipped => continue,
                ItemState::Moved => moved += 1,
                ItemState::Failed => failed += 1,
                ItemState::Planned | ItemState::Sent => remaining += 1,
                ItemState::NotSent => {}
            }
            total += 1;
        }
        let done_now = (moved + failed) as usize;
        let done_here = done_now.saturating_sub(self.settled_at_start);
        let seconds_left = (done_here > 0 && remaining > 0).then(|| {
            self.started.elapsed().as_secs_f64() * f64::from(remaining) / done_here as f64
        });
        (self.on_progress)(BulkProgress {
            job_id: self.job.id.clone(),
            total,
            moved,
            failed,
            remaining,
            seconds_left: seconds_left.or((remaining == 0).then_some(0.0)),
            note,
            step: step.to_owned(),
        });
    }

    fn save(&self, idxs: &[usize]) -> Result<(), JournalError> {
        if idxs.is_empty() {
            return Ok(());
        }
        let items: Vec<JobItem> = idxs.iter().map(|&i| self.job.items[i].clone()).collect();
        self.svc.journal.update_items(&self.job.id, &items)
    }

    fn set(&mut self, i: usize, state: ItemState, code: Option<String>, words: Option<String>) {
        let item = &mut self.job.items[i];
        item.state = state;
        item.code = code;
        item.words = words;
    }

    fn fail(&mut self, i: usize, code: Option<String>, words: String) {
        self.set(i, ItemState::Failed, code, Some(words));
    }

    /// The next chunk: planned numbers with the same target, at most `chunk_size`. Numbers that
    /// have used up their attempts fail instead.
    fn next_chunk(&mut self) -> Result<(Vec<usize>, Vec<usize>), JournalError> {
        let max = self.svc.options.max_attempts;
        let mut worn = Vec::new();
        let mut chunk = Vec::new();
        let mut alone = Vec::new();
        let mut target: Option<Option<String>> = None;
        for i in 0..self.job.items.len() {
            let item = &self.job.items[i];
            if item.state != ItemState::Planned {
                continue;
            }
            if item.attempts >= max {
                worn.push(i);
                continue;
            }
            // An order lists +E.164 numbers only (FACTS.md §4): a short code is changed alone; so
            // is every number of a job small enough for PATCHes.
            if self.patch_all || E164::parse(&item.phone_number).is_err() {
                alone.push(i);
                continue;
            }
            if chunk.len() >= self.chunk_size {
                continue;
            }
            match &target {
                None => target = Some(item.to.clone()),
                Some(t) if *t != item.to => continue,
                Some(_) => {}
            }
            chunk.push(i);
        }
        for &i in &worn {
            let why = self.job.items[i]
                .words
                .clone()
                .unwrap_or_else(|| "Telnyx did not take the change after several tries.".into());
            self.fail(i, self.job.items[i].code.clone(), why);
        }
        self.save(&worn)?;
        Ok((chunk, alone))
    }

    async fn drive(&mut self) -> Result<(), Error> {
        // A job resumed after a crash: orders already made are polled, writes whose answer was
        // lost are re-read first.
        let mut orders: BTreeMap<String, Vec<usize>> = BTreeMap::new();
        let mut unknown = Vec::new();
        for (i, item) in self.job.items.iter().enumerate() {
            if item.state == ItemState::Sent {
                match &item.order_id {
                    Some(o) => orders.entry(o.clone()).or_default().push(i),
                    None => unknown.push(i),
                }
            }
        }
        let now = Instant::now();
        let mut in_flight: Vec<(BulkOrderId, Vec<usize>, Instant)> = orders
            .into_iter()
            .map(|(o, idxs)| (BulkOrderId::new(o), idxs, now))
            .collect();
        // Numbers found sent at the start may have had their PATCH sent before the crash: if an
        // order failed them, they are re-read before any PATCH, never patched blindly.
        let resumed: HashSet<usize> = in_flight
            .iter()
            .flat_map(|(_, idxs, _)| idxs.iter().copied())
            .collect();
        let mut patches = Vec::new();
        if !unknown.is_empty() {
            patches.extend(self.resolve_unknown(std::mem::take(&mut unknown)).await?);
        }
        loop {
            // Send while there is room.
            while in_flight.len() < self.svc.options.max_in_flight.max(1)
                && !self.cancel.is_cancelled()
            {
                let (chunk, alone) = self.next_chunk()?;
                if !alone.is_empty() {
                    // Marked sent now, so the next chunk does not take them again.
                    for &i in &alone {
                        self.job.items[i].state = ItemState::Sent;
                    }
                    patches.extend(alone);
                }
                if chunk.is_empty() {
                    break;
                }
                match self.send(&chunk).await? {
                    Sent::Order(order) => {
                        let settled = order.is_settled();
                        let id = order.order_id.clone();
                        if settled {
                            patches.extend(self.apply_order(&order, &chunk)?);
                        } else {
                            in_flight.push((id, chunk, Instant::now()));
                        }
                    }
                    Sent::Unknown => unknown.extend(chunk),
                    Sent::Again => {}
                    Sent::Refused => patches.extend(chunk),
                }
            }
            let nothing_to_send = self.cancel.is_cancelled()
                || !self.job.items.iter().any(|i| i.state == ItemState::Planned);
            if in_flight.is_empty() && unknown.is_empty() && patches.is_empty() && nothing_to_send {
                break;
            }
            if !in_flight.is_empty() {
                tokio::time::sleep(self.svc.options.poll_interval).await;
                let (still, more_patches, more_unknown) =
                    self.poll(std::mem::take(&mut in_flight)).await?;
                in_flight = still;
                for i in more_patches {
                    if resumed.contains(&i) {
                        unknown.push(i);
                    } else {
                        patches.push(i);
                    }
                }
                unknown.extend(more_unknown);
            }
            if !patches.is_empty() {
                unknown.extend(self.patch_each(std::mem::take(&mut patches)).await?);
            }
            if !unknown.is_empty() && in_flight.is_empty() {
                patches.extend(self.resolve_unknown(std::mem::take(&mut unknown)).await?);
            }
        }
        let cancelled = self.cancel.is_cancelled();
        if cancelled {
            let left: Vec<usize> = (0..self.job.items.len())
                .filter(|&i| self.job.items[i].state == ItemState::Planned)
                .collect();
            for &i in &left {
                self.set(
                    i,
                    ItemState::NotSent,
                    None,
                    Some("Not sent: the change was cancelled before this number's turn; it was not changed.".into()),
                );
            }
            self.save(&left)?;
        }
        self.confirm().await?;
        let state = if cancelled {
            JobState::Cancelled
        } else {
            JobState::Finished
        };
        self.svc.journal.set_state(&self.job.id, state)?;
        self.job.state = state;
        self.emit("finished", None);
        Ok(())
    }

    /// Sends one chunk as one order. The chunk is journalled as sent first.
    async fn send(&mut self, chunk: &[usize]) -> Result<Sent, Error> {
        for &i in chunk {
            let item = &mut self.job.items[i];
            item.state = ItemState::Sent;
            item.order_id = None;
            item.attempts += 1;
        }
        self.save(chunk)?;
        self.emit("sending", None);
        let to = self.job.items[chunk[0]].to.clone();
        let numbers: Result<Vec<E164>, _> = chunk
            .iter()
            .map(|&i| E164::parse(&self.job.items[i].phone_number))
            .collect();
        let Ok(numbers) = numbers else {
            // `next_chunk` keeps numbers that are not +E.164 out of orders; should one slip in,
            // each number is tried alone.
            return Ok(Sent::Refused);
        };
        let body = CreateBulkUpdate {
            messaging_profile_id: match &to {
                Some(id) => BulkTarget::Assign(MessagingProfileId::new(id.clone())),
                None => BulkTarget::Unassign,
            },
            numbers,
            assign_only: None,
        };
        match self.svc.client.create_bulk_update(&body).await {
            Ok(order) => {
                for &i in chunk {
                    self.job.items[i].order_id = Some(order.order_id.as_str().to_owned());
                }
                self.save(chunk)?;
                self.emit("sent", None);
                Ok(Sent::Order(order))
            }
            Err(e) if outcome_unknown(&e) => {
                self.emit(
                    "sent",
                    Some(format!(
                        "The answer to an order of {} numbers was lost ({}); they will be re-read before anything is sent again.",
                        chunk.len(),
                        explain_telnyx(&e)
                    )),
                );
                Ok(Sent::Unknown)
            }
            Err(e) if too_large(&e) && chunk.len() > 1 => {
                self.chunk_size = (chunk.len() / 2).max(1);
                for &i in chunk {
                    self.job.items[i].attempts -= 1;
                }
                let note = format!(
                    "Telnyx refused an order of {} numbers as too large; sending {} at a time from now on.",
                    chunk.len(),
                    self.chunk_size
                );
                self.back_to_planned(chunk)?;
                tracing::info!("{note}");
                self.emit("sent", Some(note));
                Ok(Sent::Again)
            }
            Err(e) if e.is_rate_limited() || e.is_connect() => {
                let wait = e.retry_after().unwrap_or(Duration::from_secs(1));
                for &i in chunk {
                    self.job.items[i].words = Some(explain_telnyx(&e));
                }
                self.back_to_planned(chunk)?;
                self.emit("sent", Some(explain_telnyx(&e)));
                tokio::time::sleep(wait.min(Duration::from_secs(60))).await;
                Ok(Sent::Again)
            }
            Err(e) => {
                self.emit(
                    "sent",
                    Some(format!(
                        "Telnyx refused an order of {} numbers ({}); each is tried alone.",
                        chunk.len(),
                        explain_telnyx(&e)
                    )),
                );
                Ok(Sent::Refused)
            }
        }
    }

    fn back_to_planned(&mut self, chunk: &[usize]) -> Result<(), Error> {
        for &i in chunk {
            self.job.items[i].state = ItemState::Planned;
            self.job.items[i].order_id = None;
        }
        self.save(chunk)?;
        Ok(())
    }

    /// Records a settled order: success → moved; failed → returned, to be tried with a PATCH.
    fn apply_order(
        &mut self,
        order: &BulkUpdateOrder,
        idxs: &[usize],
    ) -> Result<Vec<usize>, Error> {
        let ok: HashSet<&str> = order.success.iter().map(E164::as_str).collect();
        let failed: HashSet<&str> = order.failed.iter().map(E164::as_str).collect();
        let mut retry = Vec::new();
        for &i in idxs {
            let phone = self.job.items[i].phone_number.clone();
            if ok.contains(phone.as_str()) {
                self.set(i, ItemState::Moved, None, None);
            } else if failed.contains(phone.as_str()) {
                retry.push(i);
            } else {
                // Not listed at all: its fate is read from the number itself.
                retry.push(i);
            }
        }
        self.save(idxs)?;
        self.emit("polled", None);
        Ok(retry)
    }

    /// Polls every order in flight once. Returns the orders still pending, the numbers to try
    /// with a PATCH, and those whose fate must be re-read.
    #[allow(clippy::type_complexity)]
    async fn poll(
        &mut self,
        in_flight: Vec<(BulkOrderId, Vec<usize>, Instant)>,
    ) -> Result<
        (
            Vec<(BulkOrderId, Vec<usize>, Instant)>,
            Vec<usize>,
            Vec<usize>,
        ),
        Error,
    > {
        let client = &self.svc.client;
        let answers: Vec<_> = stream::iter(in_flight)
            .map(|(id, idxs, since)| async move {
                let got = client.get_bulk_update(&id).await;
                (id, idxs, since, got)
            })
            .buffered(self.svc.options.concurrency.max(1))
            .collect()
            .await;
        let mut still = Vec::new();
        let mut patches = Vec::new();
        let mut unknown = Vec::new();
        for (id, idxs, since, got) in answers {
            match got {
                Ok(order) if order.is_settled() => patches.extend(self.apply_order(&order, &idxs)?),
                Ok(_) | Err(_) if since.elapsed() < self.svc.options.order_deadline => {
                    if let Err(e) = &got {
                        if e.is_not_found() {
                            unknown.extend(idxs);
                            continue;
                        }
                    }
                    still.push((id, idxs, since));
                }
                _ => unknown.extend(idxs),
            }
        }
        Ok((still, patches, unknown))
    }

    /// One PATCH per number (the bulk order failed it, or refused the order). Returns the numbers
    /// whose PATCH answer was lost (to re-read).
    async fn patch_each(&mut self, idxs: Vec<usize>) -> Result<Vec<usize>, Error> {
        for &i in &idxs {
            // The order id stays: it tells a resumed job that an order failed this number, so a
            // number that has not moved goes on with a PATCH, not another order.
            let item = &mut self.job.items[i];
            item.state = ItemState::Sent;
            item.attempts += 1;
        }
        self.save(&idxs)?;
        let client = &self.svc.client;
        let jobs: Vec<(usize, String, String, Option<String>)> = idxs
            .iter()
            .map(|&i| {
                let it = &self.job.items[i];
                (
                    i,
                    it.number_id.clone(),
                    it.phone_number.clone(),
                    it.to.clone(),
                )
            })
            .collect();
        let answers: Vec<_> = stream::iter(jobs)
            .map(|(i, id, phone, to)| async move {
                let number = if id.is_empty() {
                    match E164::parse_address(&phone) {
                        Ok(e) => NumberRef::E164(e),
                        Err(e) => return (i, to, Err(ClientError::InvalidInput(e.to_string()))),
                    }
                } else {
                    NumberRef::Id(PhoneNumberId::new(id))
                };
                let update = UpdateMessagingNumber {
                    messaging_profile_id: match &to {
                        Some(p) => ProfileChange::Assign(MessagingProfileId::new(p.clone())),
                        None => ProfileChange::Unassign,
                    },
                    ..UpdateMessagingNumber::default()
                };
                (
                    i,
                    to,
                    client.update_messaging_number(&number, &update).await,
                )
            })
            .buffer_unordered(self.svc.options.concurrency.max(1))
            .collect()
            .await;
        let mut unknown = Vec::new();
        for (i, to, got) in answers {
            match got {
                Ok(n) => {
                    let now = n
                        .messaging_profile_id
                        .as_ref()
                        .map(|p| p.as_str().to_owned());
                    if now == to {
                        self.set(i, ItemState::Moved, None, None);
                    } else {
                        let words = format!(
                            "Telnyx reports it on {} instead of {}.",
                            self.name(now.as_deref()),
                            self.name(to.as_deref())
                        );
                        self.fail(i, None, words);
                    }
                }
                Err(e) if outcome_unknown(&e) => unknown.push(i),
                Err(e) if e.is_rate_limited() || e.is_connect() => {
                    self.job.items[i].words = Some(explain_telnyx(&e));
                    self.job.items[i].state = ItemState::Planned;
                }
                Err(e) => {
                    let code = e.first_code().map(str::to_owned);
                    self.fail(i, code, explain_telnyx(&e));
                }
            }
        }
        self.save(&idxs)?;
        self.emit("patched", None);
        Ok(unknown)
    }

    /// Reads where `phones` are now: `phone → profile` (absent when Telnyx does not list it).
    async fn reread(&self, phones: Vec<String>) -> Result<HashMap<String, Option<String>>, Error> {
        let client = &self.svc.client;
        let batches: Vec<Vec<E164>> = phones
            .chunks(self.svc.options.reread_batch.clamp(1, 250))
            .map(|c| {
                c.iter()
                    .filter_map(|p| E164::parse_address(p).ok())
                    .collect()
            })
            .collect();
        let pages: Vec<_> = stream::iter(batches)
            .map(|batch| async move {
                let filter = ListMessagingNumbers {
                    phone_numbers: batch,
                    ..ListMessagingNumbers::default()
                };
                // The client retries a read itself; a read that still fails is tried twice more
                // before the job stops (it can be finished later: nothing is lost).
                let mut tries = 0;
                loop {
                    tries += 1;
                    match client.list_messaging_numbers(&filter, 1, 250).await {
                        Err(e) if tries < 3 && e.is_retryable() => {
                            tokio::time::sleep(Duration::from_millis(500)).await;
                        }
                        got => break got,
                    }
                }
            })
            .buffer_unordered(self.svc.options.concurrency.max(1))
            .collect()
            .await;
        let mut out = HashMap::new();
        for page in pages {
            for n in page?.data {
                out.insert(
                    n.phone_number.as_str().to_owned(),
                    n.messaging_profile_id.map(|p| p.as_str().to_owned()),
                );
            }
        }
        Ok(out)
    }

    /// Numbers whose write may or may not have been applied: after `settle_wait`, those on their
    /// target are moved, the others are planned again (sent again only because they did not move).
    /// Returns the numbers that did not move although an order was answered for them (it failed
    /// them, or they were being patched): they go on with a PATCH.
    async fn resolve_unknown(&mut self, idxs: Vec<usize>) -> Result<Vec<usize>, Error> {
        tokio::time::sleep(self.svc.options.settle_wait).await;
        let phones = idxs
            .iter()
            .map(|&i| self.job.items[i].phone_number.clone())
            .collect();
        let now = self.reread(phones).await?;
        let mut patch = Vec::new();
        for &i in &idxs {
            let item = &self.job.items[i];
            match now.get(&item.phone_number) {
                Some(p) if *p == item.to => self.set(i, ItemState::Moved, None, None),
                Some(_) if item.order_id.is_some() => patch.push(i),
                Some(_) => {
                    let item = &mut self.job.items[i];
                    item.state = ItemState::Planned;
                    item.order_id = None;
                    item.words =
                        Some("Telnyx's answer was lost and the number had not moved.".into());
                }
                None => self.fail(
                    i,
                    None,
                    "Telnyx no longer lists this number on the account, so it could not be moved."
                        .into(),
                ),
            }
        }
        self.save(&idxs)?;
        self.emit("reread", None);
        Ok(patch)
    }

    /// Re-reads every moved number not yet confirmed; one not on its target after a second look
    /// is a failure.
    async fn confirm(&mut self) -> Result<(), Error> {
        let mut todo: Vec<usize> = (0..self.job.items.len())
            .filter(|&i| {
                let it = &self.job.items[i];
                it.state == ItemState::Moved && it.confirmed != Some(true)
            })
            .collect();
        for round in 0..2 {
            if todo.is_empty() {
                break;
            }
            if round > 0 {
                tokio::time::sleep(self.svc.options.confirm_delay).await;
            }
            let phones = todo
                .iter()
                .map(|&i| self.job.items[i].phone_number.clone())
                .collect();
            let now = match self.reread(phones).await {
                Ok(now) => now,
                Err(e) => {
                    self.emit(
                        "confirmed",
                        Some(format!(
                            "The moved numbers could not be re-read to confirm them ({}).",
                            e.explain()
                        )),
                    );
                    for &i in &todo {
                        self.job.items[i].confirmed = Some(false);
                    }
                    self.save(&todo)?;
                    return Ok(());
                }
            };
            let mut again = Vec::new();
            for &i in &todo {
                let item = &self.job.items[i];
                match now.get(&item.phone_number) {
                    Some(p) if *p == item.to => self.job.items[i].confirmed = Some(true),
                    seen if round == 0 => {
                        let _ = seen;
                        again.push(i);
                    }
                    Some(p) => {
                        let words = format!(
                            "Telnyx accepted the change, but now reports the number on {} instead of {}.",
                            self.name(p.as_deref()),
                            self.name(item.to.as_deref())
                        );
                        self.fail(i, None, words);
                        self.job.items[i].confirmed = Some(false);
                    }
                    None => {
                        self.fail(
                            i,
                            None,
                            "Telnyx accepted the change, but no longer lists the number on the account.".into(),
                        );
                        self.job.items[i].confirmed = Some(false);
                    }
                }
            }
            self.save(&todo)?;
            todo = again;
        }
        self.emit("confirmed", None);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_now_looks_like_a_utc_timestamp() {
        let s = iso_now();
        assert_eq!(s.len(), 20, "{s}");
        assert!(s.ends_with('Z') && s.as_bytes()[10] == b'T', "{s}");
        assert!(s.as_str() > "2025-01-01");
    }

    fn api(status: u16, pointer: &str, detail: &str) -> ClientError {
        ClientError::Api {
            status,
            errors: vec![telnyx_client::ApiErrorItem {
                code: "10015".into(),
                title: "Bad Request".into(),
                detail: Some(detail.into()),
                source: Some(telnyx_client::ErrorSource {
                    pointer: Some(pointer.into()),
                    parameter: None,
                }),
                meta: None,
            }],
            endpoint: "POST /messaging_numbers_bulk_updates".into(),
            retry_after: None,
        }
    }

    #[test]
    fn too_large_is_read_from_the_refusal() {
        assert!(too_large(&api(
            422,
            "/numbers",
            "An order may list at most 5 numbers; this one lists 9. Send them in smaller orders."
        )));
        assert!(!too_large(&api(
            422,
            "/numbers/3",
            "+1 is listed more than once in this order."
        )));
        assert!(!too_large(&api(422, "/messaging_profile_id", "not found")));
        assert!(!too_large(&api(429, "/numbers", "at most")));
    }

    #[test]
    fn which_failures_leave_the_outcome_unknown() {
        let net = |kind| ClientError::Network {
            kind,
            message: String::new(),
        };
        assert!(outcome_unknown(&net(NetworkKind::Timeout)));
        assert!(outcome_unknown(&net(NetworkKind::Other)));
        assert!(!outcome_unknown(&net(NetworkKind::Connect)));
        assert!(outcome_unknown(&api(500, "/", "x")));
        assert!(!outcome_unknown(&api(422, "/", "x")));
        assert!(!outcome_unknown(&api(429, "/", "x")));
    }
}
