//! Commands behind the Numbers screen.

use std::sync::Mutex;
use std::time::{Duration, Instant};

use desk_core::ports::journal::Job;
use desk_core::rules::plan::Plan;
use desk_core::rules::profiles::{creation_request, NewProfile, ProfileSummary};
use desk_core::rules::rows::ListRow;
use desk_core::services::numbers::{
    NumberDetail, NumbersList, NumbersService, ProfileChangeReport, ProfileTarget,
};
use desk_core::services::session::SessionService;
use desk_core::services::snapshot::LoadProgress;
use serde::Serialize;
use tauri::ipc::Channel;
use tauri::State;

use crate::commands::assign::{move_kind, plan_move, target_of};
use crate::error::IpcError;
use crate::jobs::Jobs;

/// What `load_numbers` reports while the lists arrive.
#[derive(Debug, Clone, Serialize, specta::Type)]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum LoadEvent {
    /// Pages done / total, summed over the lists.
    Progress(LoadProgress),
    /// The first page of numbers (with `complete: false`), when the account has more than one.
    FirstLook(Box<NumbersList>),
}

/// Progress reports at most this often: each one is a script run in the window, and a 10,000-number
/// account reports about 100 pages in under a second.
const PROGRESS_EVERY: Duration = Duration::from_millis(50);

/// Lets a report through when `every` has passed since the last one let through, or when it is
/// the last (`done == total`), so the bar never stops short.
struct ProgressThinner {
    every: Duration,
    last: Mutex<Option<Instant>>,
}

impl ProgressThinner {
    fn new(every: Duration) -> Self {
        ProgressThinner {
            every,
            last: Mutex::new(None),
        }
    }

    fn admit(&self, now: Instant, p: LoadProgress) -> bool {
        let mut last = self.last.lock().unwrap_or_else(|e| e.into_inner());
        let due = last.is_none_or(|at| now.duration_since(at) >= self.every);
        if due || p.pages_done >= p.total_pages {
            *last = Some(now);
            true
        } else {
            false
        }
    }
}

/// Every messaging number of the open account as a row, with its profiles; `on_event` receives
/// page progress and, when `first_look` is asked for (the window has no list to show yet), a first
/// look at the first page while the rest arrives.
#[tauri::command]
#[specta::specta]
pub async fn load_numbers(
    state: State<'_, SessionService>,
    numbers: State<'_, NumbersService>,
    first_look: bool,
    on_event: Channel<LoadEvent>,
) -> Result<NumbersList, IpcError> {
    let (account, client) = state.account_client().await?;
    let started = Instant::now();
    let thinner = ProgressThinner::new(PROGRESS_EVERY);
    // A closed window cannot receive events; the load itself goes on.
    let list = numbers
        .load(
            account.as_str(),
            &client,
            |p| {
                if thinner.admit(Instant::now(), p) {
                    let _ = on_event.send(LoadEvent::Progress(p));
                }
            },
            first_look.then_some(&|first| {
                let _ = on_event.send(LoadEvent::FirstLook(Box::new(first)));
            }),
        )
        .await?;
    crate::memory::release_after_reply();
    tracing::info!(
        numbers = list.rows.len(),
        unavailable = list.unavailable.len(),
        missing_pages = list.missing.as_ref().map_or(0, |m| m.pages.len()),
        ms = started.elapsed().as_millis() as u64,
        "numbers loaded"
    );
    Ok(list)
}

/// Fetches again the pages of numbers the last load missed and returns the list with them.
#[tauri::command]
#[specta::specta]
pub async fn load_missing_numbers(
    state: State<'_, SessionService>,
    numbers: State<'_, NumbersService>,
) -> Result<NumbersList, IpcError> {
    let (account, client) = state.account_client().await?;
    let list = numbers.load_missing(account.as_str(), &client).await?;
    crate::memory::release_after_reply();
    Ok(list)
}

/// One number's row and the record Telnyx returned for it.
#[tauri::command]
#[specta::specta]
pub async fn number_detail(
    state: State<'_, SessionService>,
    numbers: State<'_, NumbersService>,
    id: String,
) -> Result<NumberDetail, IpcError> {
    let (account, client) = state.account_client().await?;
    Ok(numbers
        .detail(account.as_str(), &client, &id)
        .await?
        .ok_or(desk_core::Error::NumberNotOnAccount)?)
}

/// A single number's change, made through the same planner, runner and journal as a bulk move
/// (so Activity lists it and it can be undone): the job, its preview's warnings (what still stands
/// in the way after the move), and the number's row as Telnyx now holds it.
#[derive(Debug, Clone, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct NumberChange {
    pub job: Job,
    pub plan: Plan,
    /// The row read back from Telnyx (as last known when that read failed).
    pub row: Option<ListRow>,
}

/// Puts a number on a messaging profile (`profileId`), or takes it off its profile (`null`): one
/// journalled job of one number (one `PATCH`), then the number read back for its row.
#[tauri::command]
#[specta::specta]
pub async fn change_number_profile(
    state: State<'_, SessionService>,
    numbers: State<'_, NumbersService>,
    jobs: State<'_, Jobs>,
    id: String,
    profile_id: Option<String>,
) -> Result<NumberChange, IpcError> {
    let running = jobs.start()?;
    let service = jobs.service(&state).await?;
    let target = target_of(profile_id.clone());
    let plan = plan_move(&state, &numbers, std::slice::from_ref(&id), &target).await?;
    if plan.will_move.is_empty() {
        let why = plan
            .cannot
            .first()
            .map(|c| c.why.clone())
            .unwrap_or_else(|| "The number is already there; nothing was changed.".into());
        return Err(IpcError::validation(why));
    }
    let job = service
        .run(&plan, move_kind(&target), &|_| {}, &running.cancel)
        .await?;
    let (account, client) = state.account_client().await?;
    let report = numbers
        .check_change(
            account.as_str(),
            &client,
            &id,
            &ProfileTarget::from_choice(profile_id),
            None,
        )
        .await?;
    Ok(NumberChange {
        job,
        plan,
        row: report.row,
    })
}

/// Reads a number from Telnyx and reports whether it is on `profileId` (or on none, for `null`):
/// "Check again" after a change whose outcome was unknown.
#[tauri::command]
#[specta::specta]
pub async fn check_number_profile(
    state: State<'_, SessionService>,
    numbers: State<'_, NumbersService>,
    id: String,
    profile_id: Option<String>,
) -> Result<ProfileChangeReport, IpcError> {
    let (account, client) = state.account_client().await?;
    let target = ProfileTarget::from_choice(profile_id);
    Ok(numbers
        .check_change(account.as_str(), &client, &id, &target, None)
        .await?)
}

/// Creates a messaging profile (for an account that has none yet) and returns it as the list shows
/// profiles. A form that is not acceptable is refused before anything is sent.
#[tauri::command]
#[specta::specta]
pub async fn create_messaging_profile(
    state: State<'_, SessionService>,
    numbers: State<'_, NumbersService>,
    profile: NewProfile,
) -> Result<ProfileSummary, IpcError> {
    let body = creation_request(&profile).map_err(desk_core::Error::Invalid)?;
    let (account, client) = state.account_client().await?;
    Ok(numbers
        .create_profile(account.as_str(), &client, &body)
        .await?)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(done: u32) -> LoadProgress {
        LoadProgress {
            pages_done: done,
            total_pages: 40,
        }
    }

    #[test]
    fn progress_is_thinned_but_the_first_and_last_reports_pass() {
        let thinner = ProgressThinner::new(Duration::from_millis(50));
        let t0 = Instant::now();
        let admitted: Vec<u32> = (1..=40)
            // A page every 5 ms: 200 ms in all.
            .filter(|&n| thinner.admit(t0 + Duration::from_millis(u64::from(n) * 5), page(n)))
            .collect();
        assert_eq!(admitted.first(), Some(&1));
        assert_eq!(admitted.last(), Some(&40));
        assert!(admitted.len() <= 6, "{admitted:?}");
        assert_eq!(admitted, [1, 11, 21, 31, 40]);
    }
}
