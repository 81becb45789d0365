//! The Troubleshoot screen's one-click profile fixes and its support report, against the simulator
//! over loopback HTTP: each fix changes what Telnyx serves and makes the re-check pass; a refused
//! fix sends nothing; each fix is journalled (before and after) and undone by setting the value
//! before again, unless someone changed it since; a fix cut short is finished from the journal;
//! the report of a number on a profile with a webhook signing secret contains neither that secret
//! nor the API key.

use std::sync::Arc;

use desk_core::ports::journal::{
    ItemState, Job, JobKind, JobState, Journal, MemoryJournal, ProfileSetting, ProfileSettingChange,
};
use desk_core::rules::diagnosis::fix::ProfileFix;
use desk_core::rules::diagnosis::{FindingCode, Fix, FixAction, Symptom};
use desk_core::services::bulk::{BulkOptions, BulkService, CancelToken};
use desk_core::services::diagnosis::{DiagnoseRequest, DiagnosisService};
use telnyx_client::{
    ApiKey, Client, CreateMessagingProfile, ListMessagingNumbers, MessagingProfileId, NumberRef,
    ProfileChange, UpdateMessagingNumber, UpdateMessagingProfile, E164,
};
use telnyx_sim::{SimConfig, Simulator};

async fn start() -> (Simulator, Client, String) {
    let sim = Simulator::start(SimConfig::demo())
        .await
        .expect("simulator starts");
    let key = sim.api_key().to_owned();
    let client = Client::builder(&sim.base_url(), ApiKey::new(key.clone()))
        .build()
        .expect("client builds");
    (sim, client, key)
}

/// The bulk service over a journal in memory, as the app's shell makes it for the open account.
fn service(client: &Client) -> (BulkService, Arc<MemoryJournal>) {
    let journal = Arc::new(MemoryJournal::new());
    let service = BulkService::new(
        client.clone(),
        journal.clone(),
        "demo",
        "Demo account",
        BulkOptions::default(),
    );
    (service, journal)
}

fn action_of(d: &desk_core::rules::diagnosis::Diagnosis, code: FindingCode) -> FixAction {
    let f = d
        .with_code(code)
        .next()
        .unwrap_or_else(|| panic!("{code:?}: {d:#?}"));
    match &f.fix {
        Fix::Action { action, .. } => action.clone(),
        other => panic!("{other:?}"),
    }
}

#[tokio::test]
async fn enabling_the_disabled_profile_makes_the_recheck_pass() {
    let (_sim, client, _) = start().await;
    let before = DiagnosisService::diagnose(&client, "+12125550109", Symptom::Check).await;
    let FixAction::EnableProfile { profile_id, .. } =
        action_of(&before, FindingCode::ProfileDisabled)
    else {
        panic!("not an enable fix")
    };
    let (bulk, journal) = service(&client);
    let done = bulk
        .fix_profile(&ProfileFix::Enable {
            profile_id: profile_id.clone(),
        })
        .await
        .expect("enabled");
    assert_eq!(done.profile.enabled, Some(true));
    // Journalled with the value before and after, made and finished.
    let job = done.job.expect("journalled");
    assert_eq!(journal.job(&job.id).expect("read"), Some(job.clone()));
    assert_eq!(job.kind, JobKind::ProfileFix);
    assert_eq!(job.state, JobState::Finished);
    let change = job.profile_change.clone().expect("a profile change");
    assert_eq!(change.profile_id, profile_id);
    assert_eq!(change.before, ProfileSetting::Enabled { value: false });
    assert_eq!(change.after, ProfileSetting::Enabled { value: true });
    assert_eq!(change.state, ItemState::Moved);
    // Asking again sends nothing and journals nothing.
    let again = bulk
        .fix_profile(&ProfileFix::Enable {
            profile_id: profile_id.clone(),
        })
        .await
        .expect("no-op");
    assert!(again.job.is_none());
    assert_eq!(bulk.jobs().expect("jobs").len(), 1);
    let served = client
        .get_messaging_profile(&MessagingProfileId::from(profile_id.as_str()))
        .await
        .expect("profile");
    assert_eq!(served.enabled, Some(true));
    let after = DiagnosisService::diagnose(&client, "+12125550109", Symptom::Check).await;
    assert!(
        !after.has(FindingCode::ProfileDisabled),
        "{:#?}",
        after.findings
    );

    // Undo turns it off again, as a journalled change of its own.
    let cancel = CancelToken::new();
    let undo = bulk.undo(&job.id, &|_| {}, &cancel).await.expect("undone");
    assert_eq!(undo.kind, JobKind::Undo);
    assert_eq!(undo.undoes.as_deref(), Some(job.id.as_str()));
    let undo_change = undo.profile_change.expect("a profile change");
    assert_eq!(undo_change.after, ProfileSetting::Enabled { value: false });
    assert_eq!(undo_change.state, ItemState::Moved);
    let served = client
        .get_messaging_profile(&MessagingProfileId::from(profile_id.as_str()))
        .await
        .expect("profile");
    assert_eq!(served.enabled, Some(false));
    let listed = bulk.jobs().expect("jobs");
    assert_eq!(listed.len(), 2);
    assert_eq!(listed[0].id, undo.id, "newest first");
    assert!(listed[0].profile_change.is_some());
}

#[tokio::test]
async fn setting_an_https_webhook_and_allowing_a_country_make_the_recheck_pass() {
    let (_sim, client, _) = start().await;
    // No webhook URL.
    let before = DiagnosisService::diagnose(&client, "+12125550110", Symptom::InboundMissing).await;
    let FixAction::SetWebhookUrl { profile_id, .. } = action_of(&before, FindingCode::NoWebhookUrl)
    else {
        panic!("not a webhook fix")
    };
    // A refused address sends nothing.
    let (bulk, _journal) = service(&client);
    let refused = bulk
        .fix_profile(&ProfileFix::SetWebhookUrl {
            profile_id: profile_id.clone(),
            url: "http://hooks.example.com/in".into(),
        })
        .await;
    assert!(refused.is_err());
    assert!(bulk.jobs().expect("jobs").is_empty(), "nothing journalled");
    let id = MessagingProfileId::from(profile_id.as_str());
    let unchanged = client.get_messaging_profile(&id).await.expect("profile");
    assert!(unchanged.webhook_url.as_deref().unwrap_or("").is_empty());
    let set = bulk
        .fix_profile(&ProfileFix::SetWebhookUrl {
            profile_id: profile_id.clone(),
            url: "https://hooks.example.com/telnyx/reminders".into(),
        })
        .await
        .expect("set")
        .job
        .expect("journalled");
    assert_eq!(
        set.profile_change.as_ref().map(|c| c.before.clone()),
        Some(ProfileSetting::WebhookUrl { value: None })
    );
    let served = client.get_messaging_profile(&id).await.expect("profile");
    assert_eq!(
        served.webhook_url.as_deref(),
        Some("https://hooks.example.com/telnyx/reminders")
    );
    let after = DiagnosisService::diagnose(&client, "+12125550110", Symptom::Check).await;
    assert!(
        !after.has(FindingCode::NoWebhookUrl),
        "{:#?}",
        after.findings
    );

    // A destination the profile does not allow.
    let before = DiagnosisService::diagnose(&client, "+19145550100", Symptom::Filtered).await;
    let FixAction::AddDestinationCountry {
        profile_id,
        country,
        ..
    } = action_of(&before, FindingCode::DestinationNotAllowed)
    else {
        panic!("not a country fix")
    };
    let id = MessagingProfileId::from(profile_id.as_str());
    let was = client.get_messaging_profile(&id).await.expect("profile");
    let added = bulk
        .fix_profile(&ProfileFix::AddDestinationCountry {
            profile_id: profile_id.clone(),
            country: country.clone(),
        })
        .await
        .expect("added")
        .job
        .expect("journalled");
    let served = client.get_messaging_profile(&id).await.expect("profile");
    let mut want = was.whitelisted_destinations.clone();
    want.push(country);
    assert_eq!(served.whitelisted_destinations, want);
    let after = DiagnosisService::diagnose(&client, "+19145550100", Symptom::Filtered).await;
    assert!(
        !after.has(FindingCode::DestinationNotAllowed),
        "{:#?}",
        after.findings
    );

    // Undo of each: the webhook goes back to none, the destinations to the list they were.
    let cancel = CancelToken::new();
    bulk.undo(&added.id, &|_| {}, &cancel)
        .await
        .expect("undone");
    let served = client.get_messaging_profile(&id).await.expect("profile");
    assert_eq!(
        served.whitelisted_destinations,
        was.whitelisted_destinations
    );
    bulk.undo(&set.id, &|_| {}, &cancel).await.expect("undone");
    let hook_profile = set.profile_change.expect("change").profile_id;
    let served = client
        .get_messaging_profile(&MessagingProfileId::from(hook_profile.as_str()))
        .await
        .expect("profile");
    assert!(
        served.webhook_url.as_deref().unwrap_or("").is_empty(),
        "{served:?}"
    );
}

#[tokio::test]
async fn undo_is_refused_when_the_setting_was_changed_since() {
    let (_sim, client, _) = start().await;
    let (bulk, _journal) = service(&client);
    let profile_id = client
        .list_messaging_profiles(&Default::default(), 1, 250)
        .await
        .expect("profiles")
        .data[0]
        .id
        .clone();
    let fix = bulk
        .fix_profile(&ProfileFix::SetWebhookUrl {
            profile_id: profile_id.to_string(),
            url: "https://hooks.example.com/first".into(),
        })
        .await
        .expect("set")
        .job
        .expect("journalled");
    // Someone changes it in the portal.
    client
        .update_messaging_profile(
            &profile_id,
            &UpdateMessagingProfile {
                webhook_url: Some(Some("https://hooks.example.com/portal".into())),
                ..Default::default()
            },
        )
        .await
        .expect("changed elsewhere");
    let refused = bulk
        .undo(&fix.id, &|_| {}, &CancelToken::new())
        .await
        .expect_err("refused");
    assert!(refused.to_string().contains("changed since"), "{refused}");
    let served = client
        .get_messaging_profile(&profile_id)
        .await
        .expect("profile");
    assert_eq!(
        served.webhook_url.as_deref(),
        Some("https://hooks.example.com/portal"),
        "the later change is kept"
    );
    assert_eq!(bulk.jobs().expect("jobs").len(), 1, "no undo journalled");
}

/// A profile change written to the journal as the app writes it before sending, as if the app
/// died right after.
fn cut_short(
    journal: &MemoryJournal,
    id: &str,
    profile: &str,
    before: ProfileSetting,
    after: ProfileSetting,
) -> Job {
    let job = Job {
        id: id.into(),
        account: "demo".into(),
        created_at: "2026-12-02T08:00:00Z".into(),
        who: "Demo account".into(),
        kind: JobKind::ProfileFix,
        state: JobState::Running,
        undoes: None,
        items: Vec::new(),
        profile_change: Some(ProfileSettingChange {
            profile_id: profile.into(),
            profile_name: "x".into(),
            before,
            after,
            state: ItemState::Sent,
            code: None,
            words: None,
        }),
    };
    journal.create(&job).expect("journalled");
    job
}

#[tokio::test]
async fn a_profile_fix_cut_short_is_finished_from_the_journal_without_sending_twice() {
    let (_sim, client, _) = start().await;
    let (bulk, journal) = service(&client);
    let disabled = client
        .list_messaging_profiles(&Default::default(), 1, 250)
        .await
        .expect("profiles")
        .data
        .into_iter()
        .find(|p| p.enabled == Some(false))
        .expect("the demo has a disabled profile")
        .id;
    // Cut short before the PATCH went out: finishing sends it.
    let off = || ProfileSetting::Enabled { value: false };
    let on = || ProfileSetting::Enabled { value: true };
    cut_short(&journal, "a", disabled.as_str(), off(), on());
    assert_eq!(bulk.unfinished().expect("unfinished").len(), 1);
    let done = bulk
        .recover(&|_| {}, &CancelToken::new())
        .await
        .expect("finished");
    assert_eq!(done.len(), 1);
    let change = done[0].profile_change.clone().expect("change");
    assert_eq!(
        (done[0].state, change.state),
        (JobState::Finished, ItemState::Moved)
    );
    let served = client
        .get_messaging_profile(&disabled)
        .await
        .expect("profile");
    assert_eq!(served.enabled, Some(true));
    assert!(bulk.unfinished().expect("unfinished").is_empty());

    // Cut short after Telnyx made it: finishing reads it back and sends nothing.
    let updated_at = served.updated_at.clone();
    cut_short(&journal, "b", disabled.as_str(), off(), on());
    let done = bulk
        .recover(&|_| {}, &CancelToken::new())
        .await
        .expect("finished");
    assert_eq!(
        done[0].profile_change.as_ref().map(|c| c.state),
        Some(ItemState::Moved)
    );
    let served = client
        .get_messaging_profile(&disabled)
        .await
        .expect("profile");
    assert_eq!(served.updated_at, updated_at, "nothing sent again");

    // Changed by someone else meanwhile (neither before nor after): left alone, said so.
    let hook = |u: &str| ProfileSetting::WebhookUrl {
        value: Some(format!("https://{u}.example.com/in")),
    };
    cut_short(
        &journal,
        "c",
        disabled.as_str(),
        hook("before"),
        hook("after"),
    );
    let done = bulk
        .recover(&|_| {}, &CancelToken::new())
        .await
        .expect("finished");
    let change = done[0].profile_change.clone().expect("change");
    assert_eq!(change.state, ItemState::Skipped, "{change:?}");
    let now = client
        .get_messaging_profile(&disabled)
        .await
        .expect("profile");
    assert_eq!(now.updated_at, updated_at, "left as it is");
}

#[tokio::test]
async fn the_support_report_holds_neither_the_api_key_nor_the_webhook_secret() {
    let (_sim, client, key) = start().await;
    // A profile with a signing secret (Telnyx gives one to every new profile), the number on it.
    let created = client
        .create_messaging_profile(&CreateMessagingProfile {
            name: "Report test".into(),
            whitelisted_destinations: vec!["US".into()],
            // A local address: the report cites it (Telnyx cannot reach it) and no test delivery
            // leaves the machine (only the inbound symptom makes one).
            webhook_url: Some(format!("http://127.0.0.1:9/in?token={key}")),
            ..Default::default()
        })
        .await
        .expect("created");
    let number = E164::parse("+12125550104").expect("number");
    let listed = client
        .list_messaging_numbers(
            &ListMessagingNumbers {
                phone_numbers: vec![number.clone()],
                ..Default::default()
            },
            1,
            20,
        )
        .await
        .expect("listed");
    let id = listed.data[0].id.clone();
    client
        .update_messaging_number(
            &NumberRef::Id(id),
            &UpdateMessagingNumber {
                messaging_profile_id: ProfileChange::Assign(created.id.clone()),
                ..Default::default()
            },
        )
        .await
        .expect("assigned");
    let profile = client
        .get_messaging_profile(&created.id)
        .await
        .expect("profile");
    let secret = profile
        .v1_secret
        .as_ref()
        .map(|s| s.expose().to_owned())
        .expect("the simulator gives the profile a secret");

    let report = DiagnosisService::support_report(
        &client,
        &DiagnoseRequest::new("+12125550104", Symptom::Check),
        "9.9.9",
        "Demo account",
        &[],
    )
    .await;
    assert!(report.contains("+12125550104"), "{report}");
    assert!(report.contains("- Symptom: Check a number"));
    assert!(
        report.contains("http://127.0.0.1:9/in?[redacted]"),
        "{report}"
    );
    assert!(report.contains("9.9.9"));
    assert!(report.contains("| Messaging profile |"), "{report}");
    assert!(
        !report.contains(&key),
        "the API key is in the report:\n{report}"
    );
    assert!(
        !report.contains(&secret),
        "the webhook secret is in the report:\n{report}"
    );
    assert!(
        !report.contains("token="),
        "a URL token is in the report:\n{report}"
    );
}
