//! Diagnosing one number: gathers everything the diagnosis rules read
//! ([`crate::rules::diagnosis`]) concurrently, in two rounds of requests, then runs the rules.
//!
//! Round 1, all by the number itself (E.164), at once: its messaging settings
//! (`GET /phone_numbers/messaging?filter[phone_number]=…`), its inventory record and status
//! (`GET /phone_numbers?filter[phone_number]=…`, the same `PhoneNumberDetailed` record
//! `GET /phone_numbers/{id}` returns), its 10DLC assignment
//! (`GET /10dlc/phone_number_campaigns/{phoneNumber}`), its toll-free verification
//! (`GET /messaging_tollfree/verification/requests?phone_number=…`) and its recent messages
//! (`GET /detail_records?filter[record_type]=messaging`, once with `filter[cli]` for what it sent
//! and once with `filter[cld]` and `filter[direction]=inbound` for what it received; `sort=-created_at`, one page of 50 each).
//!
//! Round 2, what round 1 named, at once: its profile (`GET /messaging_profiles/{id}`), its 10DLC
//! campaign (`GET /10dlc/campaign/{campaignId}`), the profile an assignment was tried to, and —
//! when the messaging list lacks the number but the inventory has it —
//! `GET /phone_numbers/{id}/messaging` by its id, to confirm it has no messaging settings.
//!
//! Then, for the inbound symptom only, one test delivery to the profile's webhook URL
//! ([`super::webhook_test`]). An endpoint that refuses or fails becomes "could not check" for its
//! part, never a failure of the whole diagnosis.

use std::time::{Duration, Instant};

use telnyx_client::{
    Campaign, CampaignId, Client, Error, ListMessageDetailRecords, ListMessagingNumbers,
    MessageDetailRecord, MessagingNumber, MessagingProfile, MessagingProfileId, NumberRef,
    PhoneNumber, PhoneNumberCampaign, VerificationRequest, VerificationStatus, E164,
    MAX_DETAIL_RECORDS_PAGE_SIZE,
};

use super::webhook_test::test_webhook;
use crate::error::explain_telnyx;
use crate::rules::diagnosis::report::{support_report, ReportContext};
use crate::rules::diagnosis::{
    self, scan::ScanReport, Diagnosis, Facts, InventoryView, Lookup, Symptom, WebhookTestResult,
};
use crate::services::snapshot::AccountSnapshot;
use crate::telnyx_codes::{self, CodeExplanation};

/// What to diagnose: the number (any written form), the symptom, and for "cannot assign" the
/// profile that was tried and the error Telnyx gave (both optional).
#[derive(Debug, Clone, PartialEq, Eq, serde::Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct DiagnoseRequest {
    pub number: String,
    pub symptom: Symptom,
    #[serde(default)]
    pub target_profile_id: Option<String>,
    #[serde(default)]
    pub error_code: Option<String>,
}

impl DiagnoseRequest {
    /// A request for `number` and `symptom`, nothing else.
    pub fn new(number: impl Into<String>, symptom: Symptom) -> Self {
        DiagnoseRequest {
            number: number.into(),
            symptom,
            target_profile_id: None,
            error_code: None,
        }
    }
}

/// Everything fetched about one number (owned; the rules read it as [`Facts`]).
#[derive(Debug, Clone)]
pub struct Gathered {
    pub input: String,
    pub phone_number: Option<E164>,
    pub messaging: Lookup<MessagingNumber>,
    pub inventory: Lookup<PhoneNumber>,
    pub profile: Lookup<MessagingProfile>,
    pub campaign: Lookup<PhoneNumberCampaign>,
    pub campaign_detail: Lookup<Campaign>,
    pub verification: Lookup<VerificationRequest>,
    pub records: Lookup<Vec<MessageDetailRecord>>,
    pub webhook_test: Option<WebhookTestResult>,
    pub target_profile: Lookup<MessagingProfile>,
    pub error_code: Option<String>,
    /// How long the checks took (both rounds and the webhook test).
    pub elapsed: Duration,
    /// How long the two rounds of API requests took, without the webhook test.
    pub api_elapsed: Duration,
}

impl Gathered {
    /// The facts the rules read.
    pub fn facts(&self) -> Facts<'_> {
        let mut f = Facts::new(&self.input);
        f.phone_number = self.phone_number.as_ref().map(E164::as_str);
        f.messaging = self.messaging.as_ref();
        f.inventory = self.inventory.as_ref().map(|p| InventoryView {
            id: p.id.as_str(),
            phone_number: p.phone_number.as_str(),
            status: &p.status,
            updated_at: p.updated_at.as_deref(),
        });
        f.profile = self.profile.as_ref();
        f.campaign = self.campaign.as_ref();
        f.campaign_detail = self.campaign_detail.as_ref();
        f.verification = self.verification.as_ref();
        f.records = self.records.as_ref().map(Vec::as_slice);
        f.webhook_test = self.webhook_test.as_ref();
        f.target_profile = self.target_profile.as_ref();
        f.error_code = self.error_code.as_deref();
        f
    }
}

/// The commands of the Troubleshoot screen, each one call.
pub struct DiagnosisService;

impl DiagnosisService {
    /// Diagnoses `number` (any written form) for `symptom`.
    pub async fn diagnose(client: &Client, number: &str, symptom: Symptom) -> Diagnosis {
        Self::diagnose_request(client, &DiagnoseRequest::new(number, symptom)).await
    }

    /// Diagnoses with the options of [`DiagnoseRequest`].
    pub async fn diagnose_request(client: &Client, request: &DiagnoseRequest) -> Diagnosis {
        Self::diagnose_live(client, request, &|_| {}).await
    }

    /// [`DiagnosisService::diagnose_request`], telling `on_asked` about each question as it is
    /// asked and answered (the live checklist).
    pub async fn diagnose_live(
        client: &Client,
        request: &DiagnoseRequest,
        on_asked: OnAsked<'_>,
    ) -> Diagnosis {
        let gathered = gather_live(client, request, on_asked).await;
        diagnosis::diagnose(&gathered.facts(), request.symptom)
    }

    /// One test delivery to a webhook URL (see [`test_webhook`]).
    pub async fn test_webhook(url: &str) -> WebhookTestResult {
        test_webhook(url).await
    }

    /// The same rules over every number of a snapshot, grouped by cause.
    pub fn scan(snapshot: &AccountSnapshot) -> ScanReport {
        diagnosis::scan::scan(snapshot)
    }

    /// A Telnyx error code explained.
    pub fn explain_code(code: &str) -> CodeExplanation {
        telnyx_codes::explain_code(code)
    }

    /// Runs the checks again and writes the support report (Markdown, see
    /// [`crate::rules::diagnosis::report`]), with `secrets` (the API key) and the profile's
    /// webhook signing secret redacted.
    pub async fn support_report(
        client: &Client,
        request: &DiagnoseRequest,
        app_version: &str,
        account: &str,
        secrets: &[&str],
    ) -> String {
        let gathered = gather(client, request).await;
        let diagnosis = diagnosis::diagnose(&gathered.facts(), request.symptom);
        let generated_at = super::webhook_test::utc_stamp(std::time::SystemTime::now());
        let mut all: Vec<&str> = secrets.to_vec();
        if let Some(secret) = gathered.profile.found().and_then(|p| p.v1_secret.as_ref()) {
            all.push(secret.expose());
        }
        support_report(
            &diagnosis,
            &ReportContext {
                app_version,
                generated_at: &generated_at,
                account,
            },
            &all,
        )
    }
}

/// Reads a number in any written form: +E.164 with separators, a short code, or digits without
/// the `+` (10 digits are read as a North American number, as people write them there).
pub fn read_number(input: &str) -> Option<E164> {
    if let Ok(n) = E164::parse_lenient(input) {
        return Some(n);
    }
    let digits: String = input
        .trim()
        .chars()
        .filter(|c| !matches!(c, ' ' | '-' | '.' | '(' | ')' | '\t'))
        .collect();
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    match digits.len() {
        3..=8 => E164::parse_address(&digits).ok(),
        10 => E164::parse(&format!("+1{digits}")).ok(),
        _ => E164::parse(&format!("+{digits}")).ok(),
    }
}

fn lookup<T>(result: Result<T, Error>) -> Lookup<T> {
    match result {
        Ok(t) => Lookup::Found(t),
        Err(e) if e.is_not_found() => Lookup::Absent,
        Err(e) => Lookup::Failed(explain_telnyx(&e)),
    }
}

fn found_or_absent<T>(result: Result<Option<T>, Error>) -> Lookup<T> {
    match result {
        Ok(Some(t)) => Lookup::Found(t),
        Ok(None) => Lookup::Absent,
        Err(e) if e.is_not_found() => Lookup::Absent,
        Err(e) => Lookup::Failed(explain_telnyx(&e)),
    }
}

/// The verification request that counts: a `Verified` one, else the latest.
fn best_verification(requests: Vec<VerificationRequest>) -> Option<VerificationRequest> {
    requests.into_iter().max_by(|a, b| {
        let key = |v: &VerificationRequest| {
            (
                v.verification_status == VerificationStatus::Verified,
                v.updated_at.clone().or_else(|| v.created_at.clone()),
            )
        };
        key(a).cmp(&key(b))
    })
}

async fn recent(
    client: &Client,
    number: &E164,
    received: bool,
) -> Result<Vec<MessageDetailRecord>, Error> {
    let mut filter = ListMessageDetailRecords {
        sort: Some("-created_at".into()),
        ..Default::default()
    };
    if received {
        // What others sent to it that it received; an outbound record to it is the sender's.
        filter.cld = Some(number.as_str().to_owned());
        filter.direction = Some(telnyx_client::Direction::Inbound);
    } else {
        filter.cli = Some(number.as_str().to_owned());
    }
    let page = client
        .list_message_detail_records(&filter, 1, MAX_DETAIL_RECORDS_PAGE_SIZE)
        .await?;
    Ok(page.data)
}

/// One question the diagnosis asks (of Telnyx, or the profile's webhook).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub enum Question {
    MessagingSettings,
    NumberRecord,
    TenDlcAssignment,
    TollFreeVerification,
    MessagesSent,
    MessagesReceived,
    MessagingById,
    Profile,
    Campaign,
    TriedProfile,
    WebhookTest,
}

impl Question {
    /// The question in words, for the live checklist.
    pub fn words(self) -> &'static str {
        match self {
            Question::MessagingSettings => "Its messaging settings",
            Question::NumberRecord => "Its record on the account (status, features)",
            Question::TenDlcAssignment => "Its 10DLC campaign assignment",
            Question::TollFreeVerification => "Its toll-free verification",
            Question::MessagesSent => "Messages it sent recently",
            Question::MessagesReceived => "Messages it received recently",
            Question::MessagingById => "Its messaging settings, by its id",
            Question::Profile => "Its messaging profile",
            Question::Campaign => "Its 10DLC campaign",
            Question::TriedProfile => "The profile you tried",
            Question::WebhookTest => "A test delivery to the webhook",
        }
    }
}

/// Where one question stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub enum AskState {
    /// Sent, no answer yet.
    Asking,
    /// Answered (also "there is none": a 404 is an answer).
    Answered,
    /// Refused or failed: its part of the checklist will say "could not check".
    Failed,
}

/// A question asked or answered, as it happens: the Troubleshoot screen shows the questions live
/// while the checks gather, then the checklist the rules make of the answers.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Asked {
    pub question: Question,
    pub words: String,
    pub state: AskState,
    /// Why it failed, in words.
    pub why: Option<String>,
    /// Milliseconds from the start of the diagnosis.
    pub at_ms: u32,
}

/// Receives each [`Asked`] as it happens.
pub type OnAsked<'a> = &'a (dyn Fn(Asked) + Send + Sync);

/// Tells `on` that `question` is asked, awaits `answer`, tells how it went, and returns it.
async fn ask<T>(
    on: OnAsked<'_>,
    started: Instant,
    question: Question,
    answer: impl std::future::Future<Output = Result<T, Error>>,
) -> Result<T, Error> {
    let event = |state, why| Asked {
        question,
        words: question.words().to_owned(),
        state,
        why,
        at_ms: u32::try_from(started.elapsed().as_millis()).unwrap_or(u32::MAX),
    };
    on(event(AskState::Asking, None));
    let result = answer.await;
    on(match &result {
        Ok(_) => event(AskState::Answered, None),
        Err(e) if e.is_not_found() => event(AskState::Answered, None),
        Err(e) => event(AskState::Failed, Some(explain_telnyx(e))),
    });
    result
}

/// Gathers the facts about one number (see the module docs for the requests).
pub async fn gather(client: &Client, request: &DiagnoseRequest) -> Gathered {
    gather_live(client, request, &|_| {}).await
}

/// [`gather`], telling `on_asked` about each question as it is asked and answered.
pub async fn gather_live(
    client: &Client,
    request: &DiagnoseRequest,
    on_asked: OnAsked<'_>,
) -> Gathered {
    let started = Instant::now();
    let on = on_asked;
    let mut g = Gathered {
        input: request.number.clone(),
        phone_number: read_number(&request.number),
        messaging: Lookup::NotAsked,
        inventory: Lookup::NotAsked,
        profile: Lookup::NotAsked,
        campaign: Lookup::NotAsked,
        campaign_detail: Lookup::NotAsked,
        verification: Lookup::NotAsked,
        records: Lookup::NotAsked,
        webhook_test: None,
        target_profile: Lookup::NotAsked,
        error_code: request.error_code.clone(),
        elapsed: Duration::ZERO,
        api_elapsed: Duration::ZERO,
    };
    let Some(number) = g.phone_number.clone() else {
        return g;
    };
    let nanp = number.as_str().starts_with("+1");

    // Round 1: everything asked by the number itself.
    let messaging = ask(on, started, Question::MessagingSettings, async {
        let filter = ListMessagingNumbers {
            phone_numbers: vec![number.clone()],
            ..Default::default()
        };
        client
            .list_messaging_numbers(&filter, 1, 20)
            .await
            .map(|page| page.data.into_iter().find(|n| n.phone_number == number))
    });
    let inventory = ask(
        on,
        started,
        Question::NumberRecord,
        client.find_phone_number(&number),
    );
    let campaign = async {
        if nanp {
            Some(
                ask(
                    on,
                    started,
                    Question::TenDlcAssignment,
                    client.get_phone_number_campaign(&number),
                )
                .await,
            )
        } else {
            None
        }
    };
    let verification = async {
        if nanp {
            Some(
                ask(
                    on,
                    started,
                    Question::TollFreeVerification,
                    client.verification_requests_for_number(&number),
                )
                .await,
            )
        } else {
            None
        }
    };
    let sent = ask(
        on,
        started,
        Question::MessagesSent,
        recent(client, &number, false),
    );
    let received = ask(
        on,
        started,
        Question::MessagesReceived,
        recent(client, &number, true),
    );
    let (messaging, inventory, campaign, verification, sent, received) =
        futures::join!(messaging, inventory, campaign, verification, sent, received);
    g.messaging = found_or_absent(messaging);
    g.inventory = found_or_absent(inventory);
    g.campaign = campaign.map_or(Lookup::NotAsked, lookup);
    g.verification = match verification {
        None => Lookup::NotAsked,
        Some(Ok(list)) => best_verification(list).map_or(Lookup::Absent, Lookup::Found),
        Some(Err(e)) => Lookup::Failed(explain_telnyx(&e)),
    };
    g.records = match (sent, received) {
        (Ok(mut a), Ok(b)) => {
            a.extend(b);
            // Newest first (ISO 8601 UTC times sort as text); a record in both lists once.
            a.sort_by(|x, y| y.created_at.cmp(&x.created_at));
            a.dedup_by(|x, y| x.uuid.is_some() && x.uuid == y.uuid);
            Lookup::Found(a)
        }
        (Err(e), _) | (_, Err(e)) => Lookup::Failed(explain_telnyx(&e)),
    };

    // Round 2: what round 1 named.
    let inventory_id = match (&g.messaging, &g.inventory) {
        (Lookup::Absent, Lookup::Found(p)) => Some(p.id.clone()),
        _ => None,
    };
    let profile_id: Option<MessagingProfileId> = match (&g.messaging, &g.inventory) {
        (Lookup::Found(n), _) => n.messaging_profile_id.clone(),
        (_, Lookup::Found(p)) => p.messaging_profile_id.clone(),
        _ => None,
    }
    .filter(|p| !p.as_str().is_empty());
    let campaign_id: Option<CampaignId> = g.campaign.found().map(|c| {
        c.telnyx_campaign_id
            .as_deref()
            .filter(|s| !s.is_empty())
            .map(CampaignId::from)
            .unwrap_or_else(|| c.campaign_id.clone())
    });
    let target: Option<MessagingProfileId> = request
        .target_profile_id
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(MessagingProfileId::from);
    let by_id = async {
        match &inventory_id {
            Some(id) => Some(
                ask(
                    on,
                    started,
                    Question::MessagingById,
                    client.get_messaging_number(&NumberRef::Id(id.clone())),
                )
                .await,
            ),
            None => None,
        }
    };
    let profile = async {
        match &profile_id {
            Some(id) => Some(
                ask(
                    on,
                    started,
                    Question::Profile,
                    client.get_messaging_profile(id),
                )
                .await,
            ),
            None => None,
        }
    };
    let campaign_detail = async {
        match &campaign_id {
            Some(id) => Some(ask(on, started, Question::Campaign, client.get_campaign(id)).await),
            None => None,
        }
    };
    let target_profile = async {
        match &target {
            Some(id) => Some(
                ask(
                    on,
                    started,
                    Question::TriedProfile,
                    client.get_messaging_profile(id),
                )
                .await,
            ),
            None => None,
        }
    };
    let (by_id, profile, campaign_detail, target_profile) =
        futures::join!(by_id, profile, campaign_detail, target_profile);
    if let Some(found) = by_id {
        match lookup(found) {
            Lookup::Found(n) => g.messaging = Lookup::Found(n),
            Lookup::Failed(why) => g.messaging = Lookup::Failed(why),
            Lookup::Absent | Lookup::NotAsked => {}
        }
        // A number found only by id has its profile still to fetch.
        if let (Lookup::Found(n), None) = (&g.messaging, &profile_id) {
            if let Some(id) = n
                .messaging_profile_id
                .clone()
                .filter(|p| !p.as_str().is_empty())
            {
                g.profile = lookup(
                    ask(
                        on,
                        started,
                        Question::Profile,
                        client.get_messaging_profile(&id),
                    )
                    .await,
                );
            }
        }
    }
    if let Some(p) = profile {
        g.profile = lookup(p);
    }
    g.campaign_detail = campaign_detail.map_or(Lookup::NotAsked, lookup);
    g.target_profile = target_profile.map_or(Lookup::NotAsked, lookup);
    g.api_elapsed = started.elapsed();

    // The webhook test, when the symptom is about incoming texts (a live delivery to the admin's
    // server: only when asked about).
    if request.symptom == Symptom::InboundMissing {
        let url = g
            .profile
            .found()
            .and_then(|p| p.webhook_url.as_deref())
            .map(str::trim)
            .filter(|u| !u.is_empty())
            .map(str::to_owned);
        if let Some(url) = url {
            // The delivery's own outcome is a check of its own; the question is always answered.
            let delivered = ask(on, started, Question::WebhookTest, async {
                Ok::<_, Error>(test_webhook(&url).await)
            });
            g.webhook_test = delivered.await.ok();
        }
    }
    g.elapsed = started.elapsed();
    g
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_read_in_any_written_form() {
        let cases = [
            ("+1 (212) 555-0100", Some("+12125550100")),
            ("+12125550100", Some("+12125550100")),
            ("212.555.0100", Some("+12125550100")),
            ("1 212 555 0100", Some("+12125550100")),
            ("44 7700 900000", Some("+447700900000")),
            ("55501", Some("55501")),
            ("call me", None),
            ("", None),
            ("+0123", None),
        ];
        for (input, want) in cases {
            assert_eq!(
                read_number(input).as_ref().map(E164::as_str),
                want,
                "{input}"
            );
        }
    }

    #[test]
    fn a_verified_request_counts_over_a_later_rejected_one() {
        let v = |id: &str, status: &str, at: &str| -> VerificationRequest {
            serde_json::from_value(serde_json::json!({
                "id": id, "phoneNumbers": [{"phoneNumber": "+18005550100"}],
                "verificationStatus": status, "updatedAt": at
            }))
            .expect("request")
        };
        let best = best_verification(vec![
            v("a", "Verified", "2025-01-01T00:00:00Z"),
            v("b", "Rejected", "2025-06-01T00:00:00Z"),
        ]);
        assert_eq!(best.map(|b| b.id.to_string()), Some("a".to_owned()));
        assert!(best_verification(Vec::new()).is_none());
    }

    /// The app shell awaits it inside Tauri commands, which need `Send` futures.
    #[test]
    fn diagnose_is_send() {
        fn assert_send<T: Send>(_: &T) {}
        let client = Client::builder("http://127.0.0.1:9/v2", telnyx_client::ApiKey::new("k"))
            .build()
            .expect("client builds");
        let future = DiagnosisService::diagnose(&client, "+12125550100", Symptom::Check);
        assert_send(&future);
    }
}
