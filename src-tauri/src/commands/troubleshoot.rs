//! Commands behind the Troubleshoot screen: the diagnosis of one number, the webhook test
//! delivery, the error-code explainer, the account scan, the one-click profile fixes and the
//! support report. Assigning a number (the other one-click fix) goes through the Assign commands'
//! `preview_move` and `run_move`, so it is planned and journalled like any move.

use desk_core::ports::journal::Job;
use desk_core::rules::diagnosis::fix::ProfileFix;
use desk_core::rules::diagnosis::scan::ScanReport;
use desk_core::rules::diagnosis::{Diagnosis, WebhookTestResult};
use desk_core::services::diagnosis::{Asked, DiagnoseRequest, DiagnosisService};
use desk_core::services::numbers::NumbersService;
use desk_core::services::session::SessionService;
use desk_core::telnyx_codes::CodeExplanation;
use serde::Serialize;
use tauri::ipc::Channel;
use tauri::{AppHandle, State};

use crate::error::IpcError;
use crate::files;
use crate::jobs::Jobs;

/// Diagnoses one number (any written form, on the account or not) for a symptom: every check of
/// the checklist, the findings and the diagnosis in one sentence. The questions behind the checks
/// run concurrently; each is reported on `onAsked` as it is asked and answered. A check whose
/// endpoint failed is "could not check" inside the diagnosis, not an error.
#[tauri::command]
#[specta::specta]
pub async fn diagnose_number(
    state: State<'_, SessionService>,
    request: DiagnoseRequest,
    on_asked: Channel<Asked>,
) -> Result<Diagnosis, IpcError> {
    let (_, client) = state.account_client().await?;
    let started = std::time::Instant::now();
    let forward = |asked: Asked| {
        // A closed window cannot receive it; the diagnosis goes on.
        let _ = on_asked.send(asked);
    };
    let diagnosis = DiagnosisService::diagnose_live(&client, &request, &forward).await;
    tracing::info!(
        symptom = request.symptom.key(),
        findings = diagnosis.findings.len(),
        ms = started.elapsed().as_millis() as u64,
        "number diagnosed"
    );
    Ok(diagnosis)
}

/// One test delivery of a sample inbound-message webhook to `url` (https://, or loopback).
#[tauri::command]
#[specta::specta]
pub async fn test_webhook(url: String) -> WebhookTestResult {
    DiagnosisService::test_webhook(&url).await
}

/// A Telnyx error code (typed or pasted in any form) explained.
#[tauri::command]
#[specta::specta]
pub fn explain_error_code(code: String) -> CodeExplanation {
    DiagnosisService::explain_code(&code)
}

/// The diagnosis rules over every number of the open account (as last loaded), grouped by cause.
#[tauri::command]
#[specta::specta]
pub async fn scan_account(
    state: State<'_, SessionService>,
    numbers: State<'_, NumbersService>,
) -> Result<ScanReport, IpcError> {
    let (account, client) = state.account_client().await?;
    let started = std::time::Instant::now();
    let report = numbers
        .with_snapshot(account.as_str(), &client, DiagnosisService::scan)
        .await?;
    crate::memory::release_after_reply();
    tracing::info!(
        numbers = report.scanned,
        groups = report.groups.len(),
        ms = started.elapsed().as_millis() as u64,
        "account scanned"
    );
    Ok(report)
}

/// What a profile fix came to.
#[derive(Debug, Clone, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ProfileFixed {
    /// The profile's name as Telnyx now holds it.
    pub profile_name: String,
    /// The journalled change (Activity lists it and can undo it); `None` when the profile already
    /// held the fix and nothing was sent.
    pub job: Option<Job>,
}

/// Makes a one-click fix to a messaging profile (enable it, set its webhook URL, allow a
/// destination country) as a journalled change, like a move of numbers: Activity lists it and
/// Undo sets the value before again. The kept snapshot gets the new profile.
#[tauri::command]
#[specta::specta]
pub async fn apply_profile_fix(
    state: State<'_, SessionService>,
    numbers: State<'_, NumbersService>,
    jobs: State<'_, Jobs>,
    fix: ProfileFix,
) -> Result<ProfileFixed, IpcError> {
    let _running = jobs.start()?;
    let (account, _) = state.account_client().await?;
    let done = jobs.service(&state).await?.fix_profile(&fix).await?;
    let fixed = ProfileFixed {
        profile_name: done.profile.name.clone(),
        job: done.job,
    };
    numbers.keep_profile(account.as_str(), done.profile);
    Ok(fixed)
}

/// Runs the checks again and saves the support report (Markdown, secrets redacted) where the
/// person chooses; the file's name, or `None` when the Save dialog was closed.
#[tauri::command]
#[specta::specta]
pub async fn export_support_report(
    app: AppHandle,
    state: State<'_, SessionService>,
    request: DiagnoseRequest,
) -> Result<Option<String>, IpcError> {
    let (_, client) = state.account_client().await?;
    let account = state
        .current_account()
        .await?
        .map(|a| a.name)
        .unwrap_or_default();
    let version = app.package_info().version.to_string();
    let text = DiagnosisService::support_report(&client, &request, &version, &account, &[]).await;
    let digits: String = request
        .number
        .chars()
        .filter(char::is_ascii_digit)
        .collect();
    let suggested = format!("number-desk-report-{digits}.md");
    match files::pick_save(
        &app,
        "Export support report",
        &suggested,
        ("Markdown", &["md"]),
    )
    .await?
    {
        Some(path) => Ok(Some(files::write_text(&path, &text)?)),
        None => Ok(None),
    }
}
