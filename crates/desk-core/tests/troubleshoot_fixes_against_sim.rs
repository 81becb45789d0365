//! The Troubleshoot screen's one-click profile fixes and its support report, against the simulator
//! over loopback HTTP: each fix changes what Telnyx serves and makes the re-check pass; a refused
//! fix sends nothing; the report of a number on a profile with a webhook signing secret contains
//! neither that secret nor the API key.

use desk_core::rules::diagnosis::fix::ProfileFix;
use desk_core::rules::diagnosis::{FindingCode, Fix, FixAction, Symptom};
use desk_core::services::diagnosis::{DiagnoseRequest, DiagnosisService};
use telnyx_client::{
    ApiKey, Client, CreateMessagingProfile, ListMessagingNumbers, MessagingProfileId, NumberRef,
    ProfileChange, UpdateMessagingNumber, E164,
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
    let profile = DiagnosisService::apply_profile_fix(
        &client,
        &ProfileFix::Enable {
            profile_id: profile_id.clone(),
        },
    )
    .await
    .expect("enabled");
    assert_eq!(profile.enabled, Some(true));
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
    let refused = DiagnosisService::apply_profile_fix(
        &client,
        &ProfileFix::SetWebhookUrl {
            profile_id: profile_id.clone(),
            url: "http://hooks.example.com/in".into(),
        },
    )
    .await;
    assert!(refused.is_err());
    let id = MessagingProfileId::from(profile_id.as_str());
    let unchanged = client.get_messaging_profile(&id).await.expect("profile");
    assert!(unchanged.webhook_url.as_deref().unwrap_or("").is_empty());
    DiagnosisService::apply_profile_fix(
        &client,
        &ProfileFix::SetWebhookUrl {
            profile_id: profile_id.clone(),
            url: "https://hooks.example.com/telnyx/reminders".into(),
        },
    )
    .await
    .expect("set");
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
    DiagnosisService::apply_profile_fix(
        &client,
        &ProfileFix::AddDestinationCountry {
            profile_id: profile_id.clone(),
            country: country.clone(),
        },
    )
    .await
    .expect("added");
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
