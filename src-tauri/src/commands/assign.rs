//! Commands behind the Assign and Activity screens: the preview, the run with its progress, cancel,
//! undo, retry, the journal's jobs, and CSV import and export through the native dialogs.

use desk_core::ports::journal::{ItemState, Job, JobKind, JobSummary};
use desk_core::rules::csv::{check_import, export_assignments, export_job, import_plan};
use desk_core::rules::csv::{ImportCheck, ImportRow};
use desk_core::rules::plan::{Plan, Target};
use desk_core::services::bulk::{BulkProgress, BulkService};
use desk_core::services::numbers::NumbersService;
use desk_core::services::session::SessionService;
use serde::Serialize;
use tauri::ipc::Channel;
use tauri::{AppHandle, State};

use crate::error::IpcError;
use crate::files;
use crate::jobs::Jobs;

/// A CSV file is refused above this size (50,000 rows are about 2 MB).
const MAX_IMPORT_BYTES: u64 = 50_000_000;

/// The target a person chose: a profile id, or none (blank or `null`) for off every profile.
pub(crate) fn target_of(profile_id: Option<String>) -> Target {
    Target::of(profile_id.as_deref().map(str::trim))
}

/// The planner's preview of moving `selection` onto `target`, from the numbers as last loaded (the
/// same numbers the screen shows); the Numbers screen's one-number change plans through it too.
pub(crate) async fn plan_move(
    state: &SessionService,
    numbers: &NumbersService,
    selection: &[String],
    target: &Target,
) -> Result<Plan, IpcError> {
    let (account, client) = state.account_client().await?;
    Ok(numbers
        .with_snapshot(account.as_str(), &client, |s| {
            BulkService::preview(s, selection, target)
        })
        .await?)
}

/// What a move onto `target` is, for the journal.
pub(crate) fn move_kind(target: &Target) -> JobKind {
    match target {
        Target::Profile { .. } => JobKind::Move,
        Target::Unassigned => JobKind::Unassign,
    }
}

/// Forwards a job's progress to the window (a closed window cannot receive it; the job goes on).
fn forward(on_progress: &Channel<BulkProgress>) -> impl Fn(BulkProgress) + Send + Sync + '_ {
    move |p| {
        let _ = on_progress.send(p);
    }
}

/// The preview of moving `selection` (number ids) onto `profileId` (`null`: off every profile),
/// from the numbers as last loaded. Nothing is sent.
#[tauri::command]
#[specta::specta]
pub async fn preview_move(
    state: State<'_, SessionService>,
    numbers: State<'_, NumbersService>,
    selection: Vec<String>,
    profile_id: Option<String>,
) -> Result<Plan, IpcError> {
    plan_move(&state, &numbers, &selection, &target_of(profile_id)).await
}

/// Carries out the move the preview showed (planned again from the same numbers, so the window
/// cannot send what the preview did not contain), reporting progress on `onProgress`.
#[tauri::command]
#[specta::specta]
pub async fn run_move(
    state: State<'_, SessionService>,
    numbers: State<'_, NumbersService>,
    jobs: State<'_, Jobs>,
    selection: Vec<String>,
    profile_id: Option<String>,
    on_progress: Channel<BulkProgress>,
) -> Result<Job, IpcError> {
    let running = jobs.start()?;
    let service = jobs.service(&state).await?;
    let target = target_of(profile_id);
    let plan = plan_move(&state, &numbers, &selection, &target).await?;
    let job = service
        .run(
            &plan,
            move_kind(&target),
            &forward(&on_progress),
            &running.cancel,
        )
        .await?;
    log_job(&job);
    Ok(job)
}

/// Asks the running change to stop sending; what was sent is still followed to its outcome.
#[tauri::command]
#[specta::specta]
pub fn cancel_job(jobs: State<'_, Jobs>) -> bool {
    jobs.cancel()
}

/// The preview of undoing `jobId`: every number it moved goes back where it was.
#[tauri::command]
#[specta::specta]
pub async fn preview_undo(
    state: State<'_, SessionService>,
    jobs: State<'_, Jobs>,
    job_id: String,
) -> Result<Plan, IpcError> {
    Ok(jobs.service(&state).await?.undo_plan(&job_id)?)
}

/// Undoes `jobId` as a new journalled job.
#[tauri::command]
#[specta::specta]
pub async fn undo_job(
    state: State<'_, SessionService>,
    jobs: State<'_, Jobs>,
    job_id: String,
    on_progress: Channel<BulkProgress>,
) -> Result<Job, IpcError> {
    let running = jobs.start()?;
    let service = jobs.service(&state).await?;
    let send = forward(&on_progress);
    let job = service.undo(&job_id, &send, &running.cancel).await?;
    log_job(&job);
    Ok(job)
}

/// Sends the failed (and never sent) numbers of `jobId` again, as a new job.
#[tauri::command]
#[specta::specta]
pub async fn retry_failed(
    state: State<'_, SessionService>,
    jobs: State<'_, Jobs>,
    job_id: String,
    on_progress: Channel<BulkProgress>,
) -> Result<Job, IpcError> {
    let running = jobs.start()?;
    let service = jobs.service(&state).await?;
    let send = forward(&on_progress);
    let job = service
        .retry_failed(&job_id, &send, &running.cancel)
        .await?;
    log_job(&job);
    Ok(job)
}

/// The open account's changes, newest first.
#[tauri::command]
#[specta::specta]
pub async fn list_jobs(
    state: State<'_, SessionService>,
    jobs: State<'_, Jobs>,
) -> Result<Vec<JobSummary>, IpcError> {
    Ok(jobs.service(&state).await?.jobs()?)
}

/// One change with its numbers.
#[tauri::command]
#[specta::specta]
pub async fn job_detail(
    state: State<'_, SessionService>,
    jobs: State<'_, Jobs>,
    job_id: String,
) -> Result<Job, IpcError> {
    Ok(jobs.service(&state).await?.job(&job_id)?)
}

/// Changes of the open account cut short (the app closed or crashed mid-change), oldest first.
#[tauri::command]
#[specta::specta]
pub async fn unfinished_jobs(
    state: State<'_, SessionService>,
    jobs: State<'_, Jobs>,
) -> Result<Vec<JobSummary>, IpcError> {
    Ok(jobs.service(&state).await?.unfinished()?)
}

/// Finishes the changes cut short: re-reads their numbers from Telnyx, then sends only what did
/// not take effect.
#[tauri::command]
#[specta::specta]
pub async fn finish_unfinished_jobs(
    state: State<'_, SessionService>,
    jobs: State<'_, Jobs>,
    on_progress: Channel<BulkProgress>,
) -> Result<Vec<Job>, IpcError> {
    let running = jobs.start()?;
    let service = jobs.service(&state).await?;
    let send = forward(&on_progress);
    let done = service.recover(&send, &running.cancel).await?;
    done.iter().for_each(log_job);
    Ok(done)
}

/// A CSV file checked row by row, and the preview of its valid rows.
#[derive(Debug, Clone, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ImportPreview {
    pub file_name: String,
    pub check: ImportCheck,
    pub plan: Plan,
}

/// Asks for a CSV file (`phone_number,messaging_profile`), reads it on this side, checks every row
/// and previews the valid ones. `None`: the person closed the dialog.
#[tauri::command]
#[specta::specta]
pub async fn import_csv(
    app: AppHandle,
    state: State<'_, SessionService>,
    numbers: State<'_, NumbersService>,
) -> Result<Option<ImportPreview>, IpcError> {
    let Some(path) = files::pick_open(&app, "Import assignments", ("CSV", &["csv", "txt"])).await?
    else {
        return Ok(None);
    };
    let bytes = files::read_limited(&path, MAX_IMPORT_BYTES)?;
    let (account, client) = state.account_client().await?;
    let (check, plan) = numbers
        .with_snapshot(account.as_str(), &client, |s| {
            let check = check_import(&bytes, &s.numbers, &s.profiles);
            let plan = import_plan(s, &check.rows);
            (check, plan)
        })
        .await?;
    Ok(Some(ImportPreview {
        file_name: files::file_name(&path),
        check,
        plan,
    }))
}

/// Carries out an import's valid rows (planned again from the numbers as last loaded).
#[tauri::command]
#[specta::specta]
pub async fn run_import(
    state: State<'_, SessionService>,
    numbers: State<'_, NumbersService>,
    jobs: State<'_, Jobs>,
    rows: Vec<ImportRow>,
    on_progress: Channel<BulkProgress>,
) -> Result<Job, IpcError> {
    let running = jobs.start()?;
    let service = jobs.service(&state).await?;
    let (account, client) = state.account_client().await?;
    let plan = numbers
        .with_snapshot(account.as_str(), &client, |s| import_plan(s, &rows))
        .await?;
    let send = forward(&on_progress);
    let job = service
        .run(&plan, JobKind::Import, &send, &running.cancel)
        .await?;
    log_job(&job);
    Ok(job)
}

/// Saves the assignments of `ids` (the screen's filtered view), or of every number (`null`), as
/// CSV through the Save dialog. Returns the file's name, `None` when the dialog was closed.
#[tauri::command]
#[specta::specta]
pub async fn export_assignments_csv(
    app: AppHandle,
    state: State<'_, SessionService>,
    numbers: State<'_, NumbersService>,
    ids: Option<Vec<String>>,
) -> Result<Option<String>, IpcError> {
    let (account, client) = state.account_client().await?;
    let text = numbers
        .with_snapshot(account.as_str(), &client, |s| match &ids {
            None => export_assignments(&s.numbers, &s.profiles),
            Some(ids) => {
                let wanted: std::collections::HashSet<&str> =
                    ids.iter().map(String::as_str).collect();
                let chosen: Vec<_> = s
                    .numbers
                    .iter()
                    .filter(|n| wanted.contains(n.id.as_str()))
                    .cloned()
                    .collect();
                export_assignments(&chosen, &s.profiles)
            }
        })
        .await?;
    save(&app, "Export assignments", "number-assignments.csv", &text).await
}

/// Saves one change's numbers as CSV (`only`: the outcomes to keep, all when `null`).
#[tauri::command]
#[specta::specta]
pub async fn export_job_csv(
    app: AppHandle,
    state: State<'_, SessionService>,
    numbers: State<'_, NumbersService>,
    jobs: State<'_, Jobs>,
    job_id: String,
    only: Option<Vec<ItemState>>,
) -> Result<Option<String>, IpcError> {
    let job = jobs.service(&state).await?.job(&job_id)?;
    let (account, client) = state.account_client().await?;
    let text = numbers
        .with_snapshot(account.as_str(), &client, |s| {
            export_job(&job, &s.profiles, only.as_deref())
        })
        .await?;
    let day = job.created_at.get(..10).unwrap_or("change");
    save(&app, "Export change", &format!("change-{day}.csv"), &text).await
}

async fn save(
    app: &AppHandle,
    title: &str,
    suggested: &str,
    text: &str,
) -> Result<Option<String>, IpcError> {
    match files::pick_save(app, title, suggested, ("CSV", &["csv"])).await? {
        Some(path) => Ok(Some(files::write_text(&path, text)?)),
        None => Ok(None),
    }
}

fn log_job(job: &Job) {
    let c = job.summary().counts;
    tracing::info!(
        job = %job.id,
        kind = job.kind.as_str(),
        moved = c.moved,
        failed = c.failed,
        skipped = c.skipped,
        not_sent = c.not_sent,
        confirmed = c.confirmed,
        "change finished"
    );
}
