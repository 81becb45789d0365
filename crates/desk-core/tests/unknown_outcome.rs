//! A change of a number's profile whose answer is lost is never reported as "not changed": the
//! number is read back and the report says what Telnyx holds, or that the outcome is unknown.
//! Against the simulator's faults over loopback HTTP; every outcome is checked against the
//! simulator's own state, read with the faults off.

use std::time::Duration;

use desk_core::services::numbers::{ChangeOutcome, NumbersService, ProfileTarget};
use telnyx_client::{ApiKey, Client, ClientBuilder, MessagingProfileId, NumberRef, PhoneNumberId};
use telnyx_sim::faults::{Faults, ForcedError};
use telnyx_sim::{SimConfig, Simulator};

struct Case {
    sim: Simulator,
    client: Client,
    service: NumbersService,
    /// An unassigned number's id.
    number: String,
    /// A profile to put it on.
    profile: MessagingProfileId,
}

async fn case(retries: u32) -> Case {
    case_with(|b| {
        b.max_retries(retries)
            .retry_backoff(Duration::from_millis(5), Duration::from_millis(20))
    })
    .await
}

async fn case_with(client: impl FnOnce(ClientBuilder) -> ClientBuilder) -> Case {
    let sim = Simulator::start(SimConfig::demo())
        .await
        .expect("simulator starts");
    let client = client(Client::builder(&sim.base_url(), ApiKey::new(sim.api_key())))
        .build()
        .expect("client builds");
    let service = NumbersService::new();
    let list = service
        .load("demo", &client, |_| {}, None)
        .await
        .expect("loads");
    let number = list
        .rows
        .rows()
        .find(|r| r.profile_id.is_none() && r.sms)
        .expect("an unassigned number")
        .id
        .clone();
    let profile = MessagingProfileId::new(
        list.profiles
            .iter()
            .find(|p| p.enabled)
            .expect("an enabled profile")
            .id
            .clone(),
    );
    Case {
        sim,
        client,
        service,
        number,
        profile,
    }
}

impl Case {
    fn fault(&self, faults: Faults) {
        self.sim.set_faults(faults);
    }

    async fn set(
        &self,
    ) -> Result<desk_core::services::numbers::ProfileChangeReport, telnyx_client::Error> {
        self.service
            .set_profile(
                "demo",
                &self.client,
                &self.number,
                ProfileTarget::Assign(self.profile.clone()),
            )
            .await
    }

    /// The number's profile as the simulator holds it (faults off).
    async fn held(&self) -> Option<MessagingProfileId> {
        self.sim.set_faults(Faults::default());
        self.client
            .get_messaging_number(&NumberRef::Id(PhoneNumberId::new(self.number.clone())))
            .await
            .expect("readable with the faults off")
            .messaging_profile_id
    }
}

#[tokio::test]
async fn an_answer_lost_after_the_change_is_reported_made_after_all() {
    let c = case(1).await;
    c.fault(Faults {
        p_drop_after_write: 1.0,
        ..Faults::default()
    });
    let report = c.set().await.expect("a report, not an error");
    assert_eq!(report.outcome, ChangeOutcome::MadeAfterAll);
    assert!(report.lost_answer.is_some(), "says why the answer was lost");
    let row = report.row.expect("the row as Telnyx holds it");
    assert_eq!(row.profile_id.as_deref(), Some(c.profile.as_str()));
    assert_eq!(c.held().await.as_ref(), Some(&c.profile));
    c.sim.shutdown().await;
}

#[tokio::test]
async fn a_server_error_before_the_change_is_reported_not_made() {
    // No retries: the 500 is the last word on the PATCH; the read afterwards shows no change.
    let c = case(0).await;
    c.fault(Faults {
        fail_next_patch: Some(ForcedError {
            code: "10007".into(),
            status: 500,
            title: None,
            detail: None,
            pointer: None,
            phone_number: None,
        }),
        ..Faults::default()
    });
    let report = c.set().await.expect("a report, not an error");
    assert_eq!(report.outcome, ChangeOutcome::NotMade);
    assert!(report.lost_answer.is_some());
    assert_eq!(report.row.expect("a row").profile_id, None);
    assert_eq!(c.held().await, None);
    c.sim.shutdown().await;
}

#[tokio::test]
async fn unreadable_answers_everywhere_leave_the_outcome_unknown_until_checked() {
    let c = case(1).await;
    // Every 2xx is cut short: the change is made, but neither its answer nor the read can be used.
    c.fault(Faults {
        p_malformed: 1.0,
        ..Faults::default()
    });
    let report = c.set().await.expect("a report, not an error");
    let ChangeOutcome::Unknown { read_failure } = &report.outcome else {
        panic!("expected an unknown outcome, got {:?}", report.outcome);
    };
    assert!(!read_failure.is_empty());
    assert!(report.lost_answer.is_some());
    // The row stays as last known: not on the profile, and not claimed to be.
    assert_eq!(report.row.expect("last known row").profile_id, None);
    // Telnyx made it; checking again (faults gone) says so.
    assert_eq!(c.held().await.as_ref(), Some(&c.profile));
    let again = c
        .service
        .check_change(
            "demo",
            &c.client,
            &c.number,
            &ProfileTarget::Assign(c.profile.clone()),
            None,
        )
        .await
        .expect("checked");
    assert_eq!(again.outcome, ChangeOutcome::MadeAfterAll);
    assert_eq!(again.lost_answer, None);
    c.sim.shutdown().await;
}

#[tokio::test]
async fn a_dropped_connection_leaves_the_outcome_unknown_and_a_check_finds_it_not_made() {
    let c = case(1).await;
    // Every connection closes before the request is handled: nothing is changed, and nothing can
    // be read to prove it.
    c.fault(Faults {
        p_drop: 1.0,
        ..Faults::default()
    });
    let report = c.set().await.expect("a report, not an error");
    assert!(
        matches!(report.outcome, ChangeOutcome::Unknown { .. }),
        "{:?}",
        report.outcome
    );
    assert_eq!(c.held().await, None);
    let again = c
        .service
        .check_change(
            "demo",
            &c.client,
            &c.number,
            &ProfileTarget::Assign(c.profile.clone()),
            None,
        )
        .await
        .expect("checked");
    assert_eq!(again.outcome, ChangeOutcome::NotMade);
    c.sim.shutdown().await;
}

#[tokio::test]
async fn a_refusal_is_an_error_and_nothing_is_read_back() {
    let c = case(3).await;
    c.fault(Faults {
        fail_next_patch: Some(ForcedError {
            code: "10015".into(),
            status: 422,
            title: None,
            detail: None,
            pointer: None,
            phone_number: None,
        }),
        ..Faults::default()
    });
    let err = c.set().await.expect_err("Telnyx said no");
    assert!(!err.outcome_unknown());
    assert_eq!(err.first_code(), Some("10015"));
    assert_eq!(c.held().await, None);
    c.sim.shutdown().await;
}

#[tokio::test]
async fn a_timeout_after_sending_is_not_reported_as_not_changed() {
    let c = case_with(|b| b.max_retries(0).request_timeout(Duration::from_millis(300))).await;
    c.fault(Faults {
        p_timeout: 1.0,
        timeout_hang_ms: 2_000,
        ..Faults::default()
    });
    let report = c.set().await.expect("a report, not an error");
    assert!(
        matches!(report.outcome, ChangeOutcome::Unknown { .. }),
        "{:?}",
        report.outcome
    );
    c.sim.shutdown().await;
}
