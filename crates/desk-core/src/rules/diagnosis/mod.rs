//! Diagnosis: why one number fails at what its admin is trying to do (the guide's five failure
//! cases, FACTS.md §9 "Troubleshooting", and the enablement table), as findings a non-technical
//! reader can act on. Pure: every input is already fetched ([`Facts`], gathered by
//! `services::diagnosis` for one number, or built from the account snapshot by [`scan`]).
//!
//! **No rule is written twice.** Where a check is one readiness already makes (provisioning,
//! messaging features, profile, profile enabled, 10DLC, toll-free, health, country rules), the
//! diagnosis calls [`crate::rules::readiness::assess`] and turns its checklist into findings
//! (`from_readiness`); the judgement is readiness's, the diagnosis adds the fix the app can perform
//! and the portal page to open. Only what readiness does not judge lives here: whether the number
//! is on the account at all (`presence`), the failover webhook advice and the live test delivery
//! (`webhook`), the message detail records with the time rule (`records`), and the dry check of
//! an assignment (`assign`).
//!
//! "Could not check" is an outcome of its own ([`Severity::CouldNotCheck`], [`Outcome::CouldNotCheck`]):
//! when an endpoint refused or failed, the diagnosis says so and never guesses.

mod assign;
mod findings;
pub mod fix;
mod from_readiness;
mod presence;
mod records;
pub mod report;
pub mod scan;
#[cfg(test)]
mod tests;
mod time;
mod webhook;

use serde::Serialize;
use telnyx_client::{
    Campaign, MessageDetailRecord, MessagingNumber, MessagingProfile, PhoneNumberCampaign,
    PhoneNumberStatus, VerificationRequest,
};

pub use findings::{FindingCode, FixAction};
pub use webhook::{WebhookOutcome, WebhookTestResult};

/// What the admin reports, in the guide's five cases, or a general check.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, serde::Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub enum Symptom {
    /// Guide case 1: the number is not in the messaging numbers list.
    NotInList,
    /// Guide case 2: sends fail with "number not associated with messaging profile" (40305).
    NotAssociated,
    /// Guide case 3: inbound messages do not reach the webhook.
    InboundMissing,
    /// Guide case 4: messaging is on but messages are filtered.
    Filtered,
    /// Guide case 5: the number cannot be assigned to a profile.
    CannotAssign,
    /// No particular symptom: check everything.
    Check,
}

impl Symptom {
    /// Every symptom, in the order the picker shows them.
    pub const ALL: [Symptom; 6] = [
        Symptom::NotInList,
        Symptom::NotAssociated,
        Symptom::InboundMissing,
        Symptom::Filtered,
        Symptom::CannotAssign,
        Symptom::Check,
    ];

    /// The stable key, identical to the serialized form (`"inboundMissing"`).
    pub fn key(self) -> &'static str {
        match self {
            Symptom::NotInList => "notInList",
            Symptom::NotAssociated => "notAssociated",
            Symptom::InboundMissing => "inboundMissing",
            Symptom::Filtered => "filtered",
            Symptom::CannotAssign => "cannotAssign",
            Symptom::Check => "check",
        }
    }

    /// The symptom of a key (as [`Symptom::key`] writes it), if any.
    pub fn parse(key: &str) -> Option<Symptom> {
        Symptom::ALL.into_iter().find(|s| s.key() == key.trim())
    }

    /// The symptom in the admin's words.
    pub fn label(self) -> &'static str {
        match self {
            Symptom::NotInList => "The number is missing from the messaging numbers list",
            Symptom::NotAssociated => {
                "Sending fails with “number not associated with messaging profile”"
            }
            Symptom::InboundMissing => "Incoming texts do not reach my webhook",
            Symptom::Filtered => "Texts are sent but filtered or not delivered",
            Symptom::CannotAssign => "I cannot assign the number to a messaging profile",
            Symptom::Check => "Check a number",
        }
    }
}

/// A symptom with its words, for the picker (exported to the window as `SYMPTOMS`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct SymptomLabel {
    pub symptom: Symptom,
    pub label: String,
}

/// Every symptom with its words, in the picker's order.
pub fn symptom_catalogue() -> Vec<SymptomLabel> {
    Symptom::ALL
        .into_iter()
        .map(|symptom| SymptomLabel {
            symptom,
            label: symptom.label().to_owned(),
        })
        .collect()
}

/// How much a finding matters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub enum Severity {
    /// Stops the number from working; the fix is needed.
    Problem,
    /// A check could not run (an endpoint refused or failed): not a guess either way.
    CouldNotCheck,
    /// Works now but will not for long, or only partly.
    Warning,
    /// Worth doing, not broken (e.g. no failover webhook URL).
    Advice,
    /// Past errors from before the number's last change: not the present cause.
    History,
}

/// One field and its value that proves a finding (shown on request).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Evidence {
    /// Where the value comes from, e.g. `GET /phone_numbers/{id}/messaging: messaging_profile_id`.
    pub field: String,
    /// The value as the API gave it (`null` for none).
    pub value: String,
}

/// How a finding is fixed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase", tag = "kind")]
pub enum Fix {
    /// An action the app can perform through the API (after a confirmation stating `consequence`).
    Action {
        action: FixAction,
        /// What the change does, in words, for the confirmation.
        consequence: String,
    },
    /// Steps the admin takes, with the Telnyx portal page to open (if any).
    #[serde(rename_all = "camelCase")]
    Steps {
        portal_page: Option<String>,
        steps: Vec<String>,
    },
    /// Nothing to do but wait; `what` says for what.
    Wait { what: String },
    /// Nothing to fix.
    Nothing,
}

/// One finding of a diagnosis.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Finding {
    /// Stable code (the serialized [`FindingCode`]).
    pub code: FindingCode,
    pub severity: Severity,
    /// One sentence for a non-technical reader.
    pub title: String,
    /// Why, in a few sentences.
    pub explanation: String,
    /// The fields and values that prove it.
    pub evidence: Vec<Evidence>,
    pub fix: Fix,
    /// Whether it answers the symptom asked about (the others are found along the way).
    pub answers_symptom: bool,
}

/// The line of the checklist a check fills.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub enum CheckName {
    /// The number is on this account (inventory and messaging list).
    OnAccount,
    Provisioning,
    MessagingEnabled,
    Profile,
    ProfileEnabled,
    /// The profile's webhook URLs.
    Webhook,
    /// A test delivery to the profile's webhook URL.
    WebhookDelivery,
    Compliance,
    Health,
    /// Recent message detail records.
    RecentMessages,
    /// Whether the number could be assigned to a profile (dry check).
    Assignable,
}

/// The outcome of one check line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub enum Outcome {
    Passed,
    Failed,
    /// Fails for now, while Telnyx or the carriers are at work.
    Waiting,
    Warning,
    /// The endpoint refused or failed.
    CouldNotCheck,
    /// The data needed is missing or not understood.
    Unknown,
    NotApplicable,
}

/// One line of the live checklist.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct CheckLine {
    pub name: CheckName,
    /// What is checked, e.g. "10DLC campaign".
    pub label: String,
    pub outcome: Outcome,
    /// What was found.
    pub detail: String,
}

/// The diagnosis of one number.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Diagnosis {
    /// The number as asked about.
    pub input: String,
    /// Its +E.164 form, when it reads as a number.
    pub phone_number: Option<String>,
    pub symptom: Symptom,
    /// The diagnosis in one sentence.
    pub summary: String,
    /// Every check, in chain order.
    pub checks: Vec<CheckLine>,
    /// Problems first (those answering the symptom before the others), then checks that could not
    /// run, warnings, advice and history.
    pub findings: Vec<Finding>,
}

impl Diagnosis {
    /// The findings with this code.
    pub fn with_code(&self, code: FindingCode) -> impl Iterator<Item = &Finding> {
        self.findings.iter().filter(move |f| f.code == code)
    }

    /// Whether a finding with this code was made.
    pub fn has(&self, code: FindingCode) -> bool {
        self.with_code(code).next().is_some()
    }
}

/// What an endpoint answered about one thing.
#[derive(Debug, Clone, PartialEq)]
pub enum Lookup<T> {
    /// It is there.
    Found(T),
    /// The endpoint answered: there is none.
    Absent,
    /// The endpoint refused or failed; why, in plain words.
    Failed(String),
    /// Not asked (nothing to ask about, or the data is not in this source).
    NotAsked,
}

impl<T> Lookup<T> {
    /// The value, when found.
    pub fn found(&self) -> Option<&T> {
        match self {
            Lookup::Found(t) => Some(t),
            _ => None,
        }
    }

    /// Why the endpoint failed, when it did.
    pub fn failure(&self) -> Option<&str> {
        match self {
            Lookup::Failed(why) => Some(why),
            _ => None,
        }
    }

    /// The lookup with its value mapped.
    pub fn map<U>(self, f: impl FnOnce(T) -> U) -> Lookup<U> {
        match self {
            Lookup::Found(t) => Lookup::Found(f(t)),
            Lookup::Absent => Lookup::Absent,
            Lookup::Failed(w) => Lookup::Failed(w),
            Lookup::NotAsked => Lookup::NotAsked,
        }
    }

    /// By reference.
    pub fn as_ref(&self) -> Lookup<&T> {
        match self {
            Lookup::Found(t) => Lookup::Found(t),
            Lookup::Absent => Lookup::Absent,
            Lookup::Failed(w) => Lookup::Failed(w.clone()),
            Lookup::NotAsked => Lookup::NotAsked,
        }
    }
}

/// The part of a phone-number inventory record (`GET /phone_numbers`) the rules read: the full
/// record when one number is diagnosed, the status record of the snapshot when the account is
/// scanned.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct InventoryView<'a> {
    pub id: &'a str,
    pub phone_number: &'a str,
    pub status: &'a PhoneNumberStatus,
    /// `updated_at`, when known.
    pub updated_at: Option<&'a str>,
}

/// Everything fetched about one number, for the rules.
#[derive(Debug, Clone)]
pub struct Facts<'a> {
    /// The number as asked about (any written form).
    pub input: &'a str,
    /// Its +E.164 form (or a short code's digits), when it reads as one.
    pub phone_number: Option<&'a str>,
    /// `GET /phone_numbers/messaging?filter[phone_number]=…` (or `GET /phone_numbers/{id}/messaging`).
    pub messaging: Lookup<&'a MessagingNumber>,
    /// `GET /phone_numbers?filter[phone_number]=…`.
    pub inventory: Lookup<InventoryView<'a>>,
    /// `GET /messaging_profiles/{id}` of the number's profile (`NotAsked` without one).
    pub profile: Lookup<&'a MessagingProfile>,
    /// `GET /10dlc/phone_number_campaigns/{phoneNumber}` (`Absent`: no assignment; `NotAsked`: not a
    /// US long code).
    pub campaign: Lookup<&'a PhoneNumberCampaign>,
    /// `GET /10dlc/campaign/{campaignId}` of that assignment.
    pub campaign_detail: Lookup<&'a Campaign>,
    /// The toll-free verification request covering the number (`Absent`: never submitted).
    pub verification: Lookup<&'a VerificationRequest>,
    /// Recent messaging detail records from or to the number, newest first.
    pub records: Lookup<&'a [MessageDetailRecord]>,
    /// A test delivery to the profile's webhook URL, when one was made.
    pub webhook_test: Option<&'a WebhookTestResult>,
    /// For [`Symptom::CannotAssign`]: the profile the admin tried to assign it to, when named.
    pub target_profile: Lookup<&'a MessagingProfile>,
    /// For [`Symptom::CannotAssign`]: the Telnyx error code the admin saw, when given.
    pub error_code: Option<&'a str>,
}

impl<'a> Facts<'a> {
    /// Facts with nothing asked yet about `input`.
    pub fn new(input: &'a str) -> Self {
        Facts {
            input,
            phone_number: None,
            messaging: Lookup::NotAsked,
            inventory: Lookup::NotAsked,
            profile: Lookup::NotAsked,
            campaign: Lookup::NotAsked,
            campaign_detail: Lookup::NotAsked,
            verification: Lookup::NotAsked,
            records: Lookup::NotAsked,
            webhook_test: None,
            target_profile: Lookup::NotAsked,
            error_code: None,
        }
    }
}

/// Collects the checklist and the findings while the rules run.
#[derive(Debug, Default)]
pub(crate) struct Report {
    pub checks: Vec<CheckLine>,
    pub findings: Vec<Finding>,
}

impl Report {
    pub fn check(
        &mut self,
        name: CheckName,
        label: impl Into<String>,
        outcome: Outcome,
        detail: impl Into<String>,
    ) {
        self.checks.push(CheckLine {
            name,
            label: label.into(),
            outcome,
            detail: detail.into(),
        });
    }

    pub fn find(&mut self, finding: Finding) {
        self.findings.push(finding);
    }
}

/// Runs every rule over `facts` and orders the findings for `symptom`.
pub fn diagnose(facts: &Facts<'_>, symptom: Symptom) -> Diagnosis {
    let mut report = Report::default();
    let present = presence::presence(facts, &mut report);
    if let Some(number) = present {
        from_readiness::readiness(facts, number, &mut report);
    }
    webhook::webhook(facts, &mut report);
    records::records(facts, present, &mut report);
    if symptom == Symptom::CannotAssign || facts.target_profile != Lookup::NotAsked {
        assign::assign(facts, present, &mut report);
    }
    finish(facts, symptom, report)
}

fn finish(facts: &Facts<'_>, symptom: Symptom, report: Report) -> Diagnosis {
    let Report {
        mut checks,
        mut findings,
    } = report;
    for f in &mut findings {
        f.answers_symptom = symptom == Symptom::Check || f.code.symptoms().contains(&symptom);
    }
    // Stable: within a rank the rules' own order (chain order) is kept.
    findings.sort_by_key(|f| (f.severity, !f.answers_symptom));
    checks.sort_by_key(|c| c.name);
    let summary = summary(symptom, &findings);
    Diagnosis {
        input: facts.input.to_owned(),
        phone_number: facts.phone_number.map(str::to_owned),
        symptom,
        summary,
        checks,
        findings,
    }
}

fn summary(symptom: Symptom, findings: &[Finding]) -> String {
    let problem = |answers: bool| {
        findings
            .iter()
            .find(|f| f.severity == Severity::Problem && f.answers_symptom == answers)
    };
    if let Some(f) = problem(true) {
        return f.title.clone();
    }
    let unchecked: Vec<&Finding> = findings
        .iter()
        .filter(|f| f.severity == Severity::CouldNotCheck)
        .collect();
    if let Some(f) = problem(false) {
        return format!(
            "Nothing found explains this symptom, but another problem was: {}",
            lower_first(&f.title)
        );
    }
    if !unchecked.is_empty() {
        return format!(
            "No problem found, but {} {} could not be checked, so the cause may be there.",
            unchecked.len(),
            if unchecked.len() == 1 {
                "thing"
            } else {
                "things"
            }
        );
    }
    match symptom {
        Symptom::Check => "No problem found: the number can send and receive texts.".to_owned(),
        _ => "No problem found that explains this: every check passed.".to_owned(),
    }
}

fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        // Keep "US", "10DLC", names: lower only a capital followed by a lowercase letter.
        Some(first) if c.clone().next().is_some_and(char::is_lowercase) => {
            first.to_lowercase().chain(c).collect()
        }
        _ => s.to_owned(),
    }
}

pub(crate) fn evidence(field: impl Into<String>, value: impl Into<String>) -> Evidence {
    Evidence {
        field: field.into(),
        value: value.into(),
    }
}

pub(crate) fn opt(value: Option<&str>) -> String {
    match value {
        Some(v) => format!("\"{v}\""),
        None => "null".to_owned(),
    }
}

pub(crate) fn steps(portal_page: Option<&str>, steps: &[&str]) -> Fix {
    Fix::Steps {
        portal_page: portal_page.map(str::to_owned),
        steps: steps.iter().map(|s| (*s).to_owned()).collect(),
    }
}

#[allow(clippy::too_many_arguments)]
pub(crate) fn finding(
    code: FindingCode,
    severity: Severity,
    title: impl Into<String>,
    explanation: impl Into<String>,
    evidence: Vec<Evidence>,
    fix: Fix,
) -> Finding {
    Finding {
        code,
        severity,
        title: title.into(),
        explanation: explanation.into(),
        evidence,
        fix,
        answers_symptom: false,
    }
}
