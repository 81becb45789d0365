//! Guide case 3: where the profile sends incoming texts. The URL rules live in one small function
//! ([`judge_webhook`]) until readiness has its own webhook check, which will replace it. The live
//! test delivery is made by `services::webhook_test`; its result is judged here.

use serde::Serialize;
use telnyx_client::MessagingProfile;

use super::findings::FindingCode as C;
use super::{
    evidence, finding, opt, steps, CheckName, Facts, Fix, FixAction, Outcome, Report, Severity,
};

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

/// What a profile's webhook URLs say.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct WebhookJudgement<'a> {
    /// The URL, when set (not empty).
    pub url: Option<&'a str>,
    pub https: bool,
    pub failover: Option<&'a str>,
}

/// The profile's webhook URLs, judged. (To be replaced by readiness's webhook check.)
pub(crate) fn judge_webhook(profile: &MessagingProfile) -> WebhookJudgement<'_> {
    fn set(u: Option<&String>) -> Option<&str> {
        u.map(|s| s.trim()).filter(|s| !s.is_empty())
    }
    let url = set(profile.webhook_url.as_ref());
    WebhookJudgement {
        url,
        https: url.is_some_and(|u| {
            u.get(..8)
                .is_some_and(|s| s.eq_ignore_ascii_case("https://"))
        }),
        failover: set(profile.webhook_failover_url.as_ref()),
    }
}

const WEBHOOK: &str = "Webhook URL";
const DELIVERY: &str = "Test delivery to the webhook";

pub(super) fn webhook(facts: &Facts<'_>, report: &mut Report) {
    let Some(p) = facts.profile.found() else {
        report.check(
            CheckName::Webhook,
            WEBHOOK,
            Outcome::NotApplicable,
            "There is no profile to check.",
        );
        return;
    };
    let j = judge_webhook(p);
    let set_url = |current: Option<&str>| FixAction::SetWebhookUrl {
        profile_id: p.id.to_string(),
        profile_name: p.name.clone(),
        current_url: current.map(str::to_owned),
    };
    let Some(url) = j.url else {
        report.check(
            CheckName::Webhook,
            WEBHOOK,
            Outcome::Failed,
            format!("“{}” has no webhook URL.", p.name),
        );
        report.find(finding(
            C::NoWebhookUrl,
            Severity::Problem,
            format!("Its messaging profile “{}” has no webhook URL, so incoming texts are not sent anywhere.", p.name),
            "Telnyx delivers incoming texts to the profile's webhook URL. With none set, they arrive at Telnyx but your system is never told.",
            vec![evidence("GET /messaging_profiles/{id}: webhook_url", opt(p.webhook_url.as_deref()))],
            Fix::Action {
                action: set_url(None),
                consequence: format!("Incoming texts of every number on “{}” will be sent to the URL you enter.", p.name),
            },
        ));
        return;
    };
    if j.https {
        report.check(
            CheckName::Webhook,
            WEBHOOK,
            Outcome::Passed,
            format!("{url} (https)."),
        );
    } else {
        report.check(
            CheckName::Webhook,
            WEBHOOK,
            Outcome::Warning,
            format!("{url} is not https://."),
        );
        report.find(finding(
            C::WebhookNotHttps,
            Severity::Warning,
            "Its webhook URL is not secure (it does not start with https://).",
            "Incoming texts are sent to it unencrypted, and many servers refuse or redirect plain http, which loses the delivery. Use an https:// address.",
            vec![evidence("GET /messaging_profiles/{id}: webhook_url", url)],
            Fix::Action {
                action: set_url(Some(url)),
                consequence: format!("Incoming texts of every number on “{}” will be sent to the new URL.", p.name),
            },
        ));
    }
    if j.failover.is_none() {
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
