//! Guide case 3: where the profile sends incoming texts. The address is judged by readiness's
//! webhook check (`readiness::webhook::judge_webhook`, turned into findings in `from_readiness`);
//! here are the failover advice and the live test delivery, made by `services::webhook_test` and
//! judged here.

use serde::Serialize;

use super::findings::FindingCode as C;
use super::{evidence, finding, opt, steps, CheckName, Facts, Outcome, Report, Severity};

/// How a test delivery ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub enum WebhookOutcome {
    /// The server answered 2xx.
    Delivered,
    /// The server answered, but not 2xx.
    HttpError,
    /// No answer in time.
    Timeout,
    /// Nothing listens there (connection refused).
    ConnectionRefused,
    /// The host name does not resolve.
    Dns,
    /// The secure connection failed (certificate, protocol).
    Tls,
    /// Another network failure.
    Network,
    /// Not sent: the URL is not one Number Desk sends to (not https://, not loopback).
    NotSent,
}

/// The result of one test delivery.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct WebhookTestResult {
    pub url: String,
    pub outcome: WebhookOutcome,
    /// The HTTP status, when the server answered.
    pub status: Option<u16>,
    /// How long it took, in milliseconds (none when not sent).
    pub elapsed_ms: Option<u32>,
    /// What happened, in words.
    pub sentence: String,
}

impl WebhookTestResult {
    /// True when the server accepted the delivery.
    pub fn delivered(&self) -> bool {
        self.outcome == WebhookOutcome::Delivered
    }
}

const DELIVERY: &str = "Test delivery to the webhook";

pub(super) fn webhook(facts: &Facts<'_>, report: &mut Report) {
    // The webhook address itself is readiness's link (see `from_readiness`); here, the advice
    // readiness does not give and the live test.
    let Some(p) = facts.profile.found() else {
        return;
    };
    let url = p
        .webhook_url
        .as_deref()
        .map(str::trim)
        .filter(|u| !u.is_empty());
    let failover = p
        .webhook_failover_url
        .as_deref()
        .map(str::trim)
        .filter(|u| !u.is_empty());
    if url.is_some() && failover.is_none() {
        report.find(finding(
            C::NoFailoverUrl,
            Severity::Advice,
            "There is no backup (failover) webhook URL.",
            "When the webhook URL fails, Telnyx tries the failover URL; without one, incoming texts are not delivered while your server is down.",
            vec![evidence("GET /messaging_profiles/{id}: webhook_failover_url", opt(p.webhook_failover_url.as_deref()))],
            steps(Some("Messaging › Messaging Profiles"), &["Set a failover URL on the profile (Messaging › Messaging Profiles › Inbound), on a different server than the main one."]),
        ));
    }
    let Some(test) = facts.webhook_test else {
        return;
    };
    if test.delivered() {
        report.check(
            CheckName::WebhookDelivery,
            DELIVERY,
            Outcome::Passed,
            test.sentence.clone(),
        );
        return;
    }
    let outcome = if test.outcome == WebhookOutcome::NotSent {
        Outcome::NotApplicable
    } else {
        Outcome::Failed
    };
    report.check(
        CheckName::WebhookDelivery,
        DELIVERY,
        outcome,
        test.sentence.clone(),
    );
    if test.outcome == WebhookOutcome::NotSent {
        return;
    }
    let mut ev = vec![
        evidence("POST (test delivery)", test.url.clone()),
        evidence("result", format!("{:?}", test.outcome)),
    ];
    if let Some(s) = test.status {
        ev.push(evidence("HTTP status", s.to_string()));
    }
    if let Some(ms) = test.elapsed_ms {
        ev.push(evidence("time", format!("{ms} ms")));
    }
    report.find(finding(
        C::WebhookDeliveryFailed,
        Severity::Problem,
        "A test incoming text could not be delivered to the webhook URL.",
        format!("{} Telnyx meets the same failure when it delivers real incoming texts.", test.sentence),
        ev,
        steps(None, &[
            "Check that the server behind the webhook URL is running and reachable from the internet.",
            "It must answer Telnyx's POST with a 2xx status within a few seconds.",
            "Then run the test again.",
        ]),
    ));
}
