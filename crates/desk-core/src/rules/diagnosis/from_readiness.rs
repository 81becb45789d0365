//! The readiness chain, turned into findings: [`readiness::assess`] judges every link
//! (provisioning, messaging, profile, profile enabled, webhook, compliance by the enablement table,
//! health);
//! this file names each failed link as a finding with the fix the app can perform or the portal page
//! to open. No judgement is made here that readiness makes.

use telnyx_client::{AssignmentStatus, MessagingNumber, PhoneNumberStatus, VerificationStatus};

use super::findings::FindingCode as C;
use super::{
    evidence, finding, opt, steps, CheckName, Evidence, Facts, Fix, FixAction, Lookup, Outcome,
    Report, Severity,
};
use crate::rules::readiness::{
    self, enablement_rule, judge_webhook, CheckKey, CheckState, ComplianceStep, NumberContext,
    NumberKind, Readiness, Verdict, WebhookJudgement,
};
use crate::services::snapshot::Gap;

/// Readiness's provisioning line for a status alone (a number without messaging settings): the
/// detail when the link fails, `None` when it passes or is not judged.
pub(super) fn provisioning_only(status: &PhoneNumberStatus) -> Option<String> {
    // Only the provisioning line of this placeholder's checklist is read.
    let placeholder: MessagingNumber = serde_json::from_value(serde_json::json!({
        "id": "0",
        "phone_number": "+10",
        "features": {"sms": {"domestic_two_way": true, "international_inbound": true, "international_outbound": true}}
    }))
    .ok()?;
    let ctx = NumberContext {
        status: Some(status),
        ..NumberContext::default()
    };
    readiness::assess(&placeholder, &ctx)
        .checks
        .into_iter()
        .find(|c| {
            c.key == CheckKey::Provisioning
                && matches!(c.state, CheckState::Failed | CheckState::Waiting)
        })
        .map(|c| c.detail.into_owned())
}

/// Runs readiness on the number and turns its checklist into check lines and findings.
pub(super) fn readiness(facts: &Facts<'_>, number: &MessagingNumber, report: &mut Report) {
    let gap = |failure: Option<&str>| failure.map(|why| Gap::Failed(why.to_owned()));
    let inventory_gap = gap(facts.inventory.failure());
    let campaigns_gap = gap(facts.campaign.failure());
    let verifications_gap = gap(facts.verification.failure());
    let ctx = NumberContext {
        profile: facts.profile.found().copied(),
        status: facts.inventory.found().map(|i| i.status),
        campaign: facts.campaign.found().copied(),
        verification: facts.verification.found().copied(),
        inventory_gap: inventory_gap.as_ref(),
        campaigns_gap: campaigns_gap.as_ref(),
        verifications_gap: verifications_gap.as_ref(),
    };
    let result = readiness::assess(number, &ctx);
    let profile_failed = matches!(facts.profile, Lookup::Failed(_));
    for check in &result.checks {
        let outcome = match check.state {
            CheckState::Passed => Outcome::Passed,
            CheckState::Failed => Outcome::Failed,
            CheckState::Waiting => Outcome::Waiting,
            CheckState::Warning => Outcome::Warning,
            CheckState::Unknown => Outcome::Unknown,
            CheckState::NotApplicable => Outcome::NotApplicable,
        };
        let name = match check.key {
            CheckKey::Provisioning => CheckName::Provisioning,
            CheckKey::MessagingEnabled => CheckName::MessagingEnabled,
            CheckKey::Profile => CheckName::Profile,
            CheckKey::ProfileEnabled => CheckName::ProfileEnabled,
            CheckKey::Webhook => CheckName::Webhook,
            CheckKey::Compliance => CheckName::Compliance,
            CheckKey::Health => CheckName::Health,
        };
        let unchecked = match check.key {
            CheckKey::Provisioning => inventory_gap.is_some(),
            CheckKey::Profile | CheckKey::ProfileEnabled | CheckKey::Webhook => profile_failed,
            CheckKey::Compliance => {
                outcome == Outcome::Unknown
                    && (campaigns_gap.is_some()
                        || verifications_gap.is_some()
                        || inventory_gap.is_some())
            }
            _ => false,
        };
        if unchecked {
            report.check(
                name,
                check.label,
                Outcome::CouldNotCheck,
                "Not checked: Telnyx did not answer (see “could not check” below).",
            );
            continue;
        }
        // Country rules to check by hand (an alphanumeric sender, an unknown type) leave the
        // compliance line unknown, with the advice among the problems.
        let advice = check.key == CheckKey::Compliance
            && outcome == Outcome::Unknown
            && result
                .problems
                .iter()
                .any(|p| p.verdict == Verdict::CheckCountryRules);
        if matches!(
            outcome,
            Outcome::Failed | Outcome::Waiting | Outcome::Warning
        ) || advice
        {
            if let Some(f) = link_finding(facts, number, &result, check.key, &check.detail) {
                report.find(f);
            }
        }
        report.check(name, check.label, outcome, check.detail.to_string());
    }
}

/// The fix readiness gives for the first of its problems with one of `verdicts`.
fn readiness_fix(result: &Readiness, verdicts: &[Verdict]) -> Option<String> {
    result
        .problems
        .iter()
        .find(|p| verdicts.contains(&p.verdict))
        .map(|p| p.fix.to_string())
}

fn link_finding(
    facts: &Facts<'_>,
    number: &MessagingNumber,
    result: &Readiness,
    key: CheckKey,
    detail: &str,
) -> Option<super::Finding> {
    let phone = number.phone_number.as_str();
    let seen = |label: &str| evidence(format!("readiness: {label}"), detail);
    let kind = NumberKind::of(number.number_type.as_ref());
    match key {
        CheckKey::Provisioning => {
            let status = facts
                .inventory
                .found()
                .map(|i| i.status.as_str())
                .unwrap_or("unknown");
            let ev = vec![
                evidence("GET /phone_numbers: status", status),
                seen("Active on the account"),
            ];
            if status == PhoneNumberStatus::PortOutPending.as_str() {
                return Some(finding(
                    C::PortOutPending,
                    Severity::Warning,
                    "The number is being ported to another carrier and will stop working here.",
                    detail,
                    ev,
                    steps(Some("Numbers › Port Out"), &["If the port-out is a mistake, contact Telnyx support at once to stop it."]),
                ));
            }
            let (verdicts, title): (&[Verdict], &str) = if kind == NumberKind::ShortCode {
                (
                    &[Verdict::ShortCodePending, Verdict::ShortCodeNotProvisioned],
                    "The short code is not provisioned yet.",
                )
            } else {
                (
                    &[Verdict::Provisioning, Verdict::NotActive],
                    "The number is not active on the account yet.",
                )
            };
            let gone = matches!(status, "deleted" | "ported-out");
            let waiting = matches!(
                status,
                "purchase-pending"
                    | "provision-pending"
                    | "port-pending"
                    | "requirement-info-under-review"
            );
            let fix_text = readiness_fix(result, verdicts).unwrap_or_else(|| {
                "Check the number's status in the Telnyx portal (Numbers › My Numbers).".to_owned()
            });
            let fix = if waiting {
                Fix::Wait { what: fix_text }
            } else {
                Fix::Steps {
                    portal_page: Some("Numbers › My Numbers".into()),
                    steps: vec![fix_text],
                }
            };
            Some(finding(
                C::Provisioning,
                Severity::Problem,
                if gone { "The number is no longer on this account." } else { title },
                format!("{detail} Until it is active, Telnyx does not let it text (sends are refused with error 40320) and it cannot be assigned."),
                ev,
                fix,
            ))
        }
        CheckKey::MessagingEnabled => {
            let ev = vec![
                evidence(
                    "GET /phone_numbers/{id}/messaging: features.sms",
                    if number.features.sms.is_some() {
                        "{…}"
                    } else {
                        "null"
                    },
                ),
                evidence(
                    "GET /phone_numbers/{id}/messaging: features.mms",
                    if number.features.mms.is_some() {
                        "{…}"
                    } else {
                        "null"
                    },
                ),
                evidence(
                    "eligible_messaging_products",
                    format!("{:?}", number.eligible_messaging_products),
                ),
            ];
            let (code, title, verdict) = if kind == NumberKind::ShortCode {
                (
                    C::ShortCodeNotProvisioned,
                    "The short code's messaging is not set up yet.",
                    Verdict::ShortCodeNotProvisioned,
                )
            } else {
                (
                    C::NotMessagingCapable,
                    "This number cannot send or receive texts: it has no SMS or MMS.",
                    Verdict::NotMessagingCapable,
                )
            };
            Some(finding(
                code,
                Severity::Problem,
                title,
                detail,
                ev,
                Fix::Steps {
                    portal_page: Some("Numbers › My Numbers".into()),
                    steps: vec![readiness_fix(result, &[verdict]).unwrap_or_else(|| "Use a number that supports SMS, or ask Telnyx support whether messaging can be enabled on this one.".to_owned())],
                },
            ))
        }
        CheckKey::Profile => {
            let id = number
                .messaging_profile_id
                .as_ref()
                .map(|p| p.as_str())
                .filter(|p| !p.is_empty());
            let suggested = suggested_profile(facts);
            let action = FixAction::AssignProfile {
                phone_number_id: number.id.to_string(),
                phone_number: phone.to_owned(),
                suggested_profile_id: suggested.clone(),
            };
            let ev = vec![evidence(
                "GET /phone_numbers/{id}/messaging: messaging_profile_id",
                opt(id),
            )];
            Some(match id {
                None => finding(
                    C::NoProfile,
                    Severity::Problem,
                    "The number is not assigned to a messaging profile.",
                    "Without a messaging profile Telnyx refuses its sends (“number not associated with messaging profile”, error 40305) and its incoming texts go nowhere: no webhook is called.",
                    ev,
                    Fix::Action {
                        action,
                        consequence: "The number will send through the chosen profile and its incoming texts will go to that profile's webhook.".into(),
                    },
                ),
                Some(id) => finding(
                    C::ProfileNotOnAccount,
                    Severity::Problem,
                    "The number points to a messaging profile that does not exist on this account.",
                    format!("Its messaging_profile_id is {id}, but Telnyx has no such profile on this account (it may have been deleted), so it behaves as if it had none."),
                    ev,
                    Fix::Action {
                        action,
                        consequence: "The number will send through the chosen profile and its incoming texts will go to that profile's webhook.".into(),
                    },
                ),
            })
        }
        CheckKey::ProfileEnabled => {
            let p = facts.profile.found()?;
            Some(finding(
                C::ProfileDisabled,
                Severity::Problem,
                format!("Its messaging profile “{}” is turned off.", p.name),
                "A disabled profile sends nothing (Telnyx answers error 40312) and its numbers' incoming texts are not delivered to the webhook.",
                vec![evidence("GET /messaging_profiles/{id}: enabled", "false"), evidence("profile", format!("{} ({})", p.name, p.id))],
                Fix::Action {
                    action: FixAction::EnableProfile { profile_id: p.id.to_string(), profile_name: p.name.clone() },
                    consequence: format!("Every number on “{}” can send and receive texts again, including any that were meant to stay quiet.", p.name),
                },
            ))
        }
        CheckKey::Webhook => webhook(facts, detail),
        CheckKey::Compliance => compliance(facts, number, result, kind, detail),
        CheckKey::Health => {
            let h = number.health.as_ref()?;
            Some(finding(
                C::Unhealthy,
                Severity::Problem,
                "Carriers treat this number as unhealthy: few of its texts are delivered or many are flagged as spam.",
                format!("{detail} Below 25 % delivered or above 75 % spam, Telnyx also skips the number in a number pool that skips unhealthy numbers."),
                vec![
                    evidence("health.success_ratio", h.success_ratio.to_string()),
                    evidence("health.spam_ratio", h.spam_ratio.to_string()),
                    evidence("health.message_count", h.message_count.to_string()),
                ],
                Fix::Steps {
                    portal_page: Some("Messaging › Messaging Profiles".into()),
                    steps: vec![readiness_fix(result, &[Verdict::Unhealthy]).unwrap_or_else(|| "Review what this number sends and to whom (opt-in, content).".into())],
                },
            ))
        }
    }
}

fn compliance(
    facts: &Facts<'_>,
    number: &MessagingNumber,
    result: &Readiness,
    kind: NumberKind,
    detail: &str,
) -> Option<super::Finding> {
    let country = number.country_code.as_deref().map(str::trim);
    let step = enablement_rule(kind, country).map(|r| r.step);
    let seen = |label: &str| evidence(format!("readiness: {label}"), detail);
    match step {
        Some(ComplianceStep::TenDlcCampaign) => {
            let c = facts.campaign.found().copied();
            let mut ev: Vec<Evidence> = vec![seen("10DLC campaign")];
            if let Some(c) = c {
                ev.push(evidence("assignmentStatus", c.assignment_status.as_ref().map_or("null", |s| s.as_str())));
                ev.push(evidence("campaignId", c.campaign_id.as_str()));
                if let Some(r) = c.failure_reasons.as_deref() {
                    ev.push(evidence("failureReasons", r));
                }
            } else {
                ev.push(evidence("GET /10dlc/phone_number_campaigns/{phoneNumber}", "no assignment (404)"));
            }
            if let Some(camp) = facts.campaign_detail.found() {
                if let Some(s) = camp.campaign_status.as_ref() {
                    ev.push(evidence("campaign: campaignStatus", s.as_str()));
                }
                if let Some(r) = camp.failure_reasons.as_deref() {
                    ev.push(evidence("campaign: failureReasons", r));
                }
            }
            let portal = Some("Messaging › 10DLC".to_owned());
            let why_filtered = "Carriers filter or block texts from US long codes that are not on an approved 10DLC campaign (error 40010).";
            Some(match c.and_then(|c| c.assignment_status.as_ref()) {
                None => finding(
                    C::TenDlcMissing,
                    Severity::Problem,
                    "This US number is not registered for 10DLC, so carriers filter its texts.",
                    format!("{why_filtered} {detail}"),
                    ev,
                    Fix::Steps { portal_page: portal, steps: vec![
                        "Register a 10DLC brand and a campaign in the Telnyx portal (Messaging › 10DLC), or use an approved campaign you already have.".into(),
                        "Assign this number to the campaign; it can text normally once the assignment is ASSIGNED.".into(),
                    ] },
                ),
                Some(AssignmentStatus::PendingAssignment) => finding(
                    C::TenDlcPending,
                    Severity::Problem,
                    "Its 10DLC registration is still being processed: wait for it.",
                    format!("The number is being added to its campaign; until that is done carriers may filter its texts. {detail}"),
                    ev,
                    Fix::Wait { what: "Wait for the assignment to finish (usually hours to a few days); nothing else is needed unless it fails.".into() },
                ),
                Some(AssignmentStatus::FailedAssignment) => {
                    let reasons = c.and_then(|c| c.failure_reasons.as_deref()).map(str::trim).filter(|s| !s.is_empty());
                    let camp_reasons = facts.campaign_detail.found().and_then(|c| c.failure_reasons.as_deref()).map(str::trim).filter(|s| !s.is_empty());
                    let said = match (reasons, camp_reasons) {
                        (Some(a), Some(b)) => format!(" Telnyx says: “{a}” and, about the campaign, “{b}”"),
                        (Some(a), None) | (None, Some(a)) => format!(" Telnyx says: “{a}”"),
                        (None, None) => " Telnyx gave no reason.".to_owned(),
                    };
                    finding(
                        C::TenDlcFailed,
                        Severity::Problem,
                        "Its 10DLC registration failed, so carriers filter its texts.",
                        format!("{why_filtered}{said}"),
                        ev,
                        Fix::Steps { portal_page: portal, steps: vec![
                            "Fix what Telnyx's reason names (in the Telnyx portal, Messaging › 10DLC).".into(),
                            "Then assign the number again to that campaign, or to another approved one.".into(),
                        ] },
                    )
                }
                Some(_) => finding(
                    C::TenDlcOther,
                    Severity::Problem,
                    "Its 10DLC registration is not in effect.",
                    format!("{why_filtered} {detail}"),
                    ev,
                    Fix::Steps { portal_page: portal, steps: vec![readiness_fix(result, &[Verdict::Needs10dlcCampaign]).unwrap_or_else(|| "Check the number's 10DLC assignment in the Telnyx portal.".into())] },
                ),
            })
        }
        Some(ComplianceStep::TollFreeVerification) => {
            let v = facts.verification.found().copied();
            let mut ev = vec![seen("Toll-free verification")];
            let portal = Some("Messaging › Toll-free verification".to_owned());
            let (title, who, fix) = match v.map(|v| &v.verification_status) {
                None => (
                    "This toll-free number was never submitted for verification, so carriers block its texts.",
                    "You must act: submit a verification request.",
                    Fix::Steps { portal_page: portal, steps: vec!["Submit a toll-free verification request for this number (Messaging › Toll-free verification).".into()] },
                ),
                Some(VerificationStatus::Rejected) => (
                    "Its toll-free verification was rejected, so carriers block its texts.",
                    "You must act: correct what the rejection names and submit a new request.",
                    Fix::Steps { portal_page: portal, steps: vec!["Read the rejection reason, correct the request and submit it again.".into()] },
                ),
                Some(VerificationStatus::WaitingForCustomer) => (
                    "Its toll-free verification is waiting for your answer.",
                    "You must act: the reviewers asked you for something.",
                    Fix::Steps { portal_page: portal, steps: vec!["Answer the open questions on the verification request.".into()] },
                ),
                Some(VerificationStatus::WaitingForTelnyx) => (
                    "Its toll-free verification is waiting for Telnyx.",
                    "Telnyx must act; nothing is needed from you now.",
                    Fix::Wait { what: "Wait for Telnyx to review the request.".into() },
                ),
                Some(VerificationStatus::WaitingForVendor) => (
                    "Its toll-free verification is waiting for the carriers' verification vendor.",
                    "The vendor must act; nothing is needed from you now.",
                    Fix::Wait { what: "Wait for the vendor's review.".into() },
                ),
                Some(VerificationStatus::InProgress) => (
                    "Its toll-free verification is still under review.",
                    "The reviewers must act; nothing is needed from you now.",
                    Fix::Wait { what: "Wait for the review to finish.".into() },
                ),
                Some(_) => (
                    "Its toll-free verification is not complete.",
                    "Check the request in the Telnyx portal to see who must act.",
                    Fix::Steps { portal_page: portal, steps: vec!["Open the verification request in the Telnyx portal.".into()] },
                ),
            };
            if let Some(v) = v {
                ev.push(evidence("verificationStatus", v.verification_status.as_str()));
                if let Some(r) = v.reason.as_deref() {
                    ev.push(evidence("reason", r));
                }
                ev.push(evidence("verification request id", v.id.as_str()));
            } else {
                ev.push(evidence("GET /messaging_tollfree/verification/requests?phone_number", "total_records: 0"));
            }
            Some(finding(
                C::TollFreeNotVerified,
                Severity::Problem,
                title,
                format!("US and Canadian toll-free numbers text only once verified (error 40329 otherwise). {detail} {who}"),
                ev,
                fix,
            ))
        }
        Some(ComplianceStep::ShortCodeProvisioning) => Some(finding(
            C::ShortCodeNotProvisioned,
            Severity::Problem,
            "The short code is not provisioned yet.",
            detail,
            vec![seen("Short code provisioning")],
            Fix::Steps { portal_page: Some("Messaging › Short Codes".into()), steps: vec!["Ask Telnyx support about the short code's provisioning.".into()] },
        )),
        Some(ComplianceStep::CountryRules) | Some(ComplianceStep::AlphaSenderRegistration) | None => Some(finding(
            C::CheckCountryRules,
            Severity::Advice,
            "This kind of number has registration rules the API does not report: check the destination countries' rules.",
            detail,
            vec![seen("Compliance"), evidence("type / country_code", format!("{} / {}", number.number_type.as_ref().map_or("null", |t| t.as_str()), opt(country)))],
            Fix::Steps { portal_page: None, steps: vec!["Check the sender rules of each country you send to (Telnyx's country guidelines).".into()] },
        )),
    }
}

/// The webhook link, judged by readiness (`judge_webhook`): no address, one Telnyx cannot reach,
/// or one that is not encrypted.
fn webhook(facts: &Facts<'_>, detail: &str) -> Option<super::Finding> {
    let p = facts.profile.found()?;
    let url = p
        .webhook_url
        .as_deref()
        .map(str::trim)
        .filter(|u| !u.is_empty());
    let set_url = FixAction::SetWebhookUrl {
        profile_id: p.id.to_string(),
        profile_name: p.name.clone(),
        current_url: url.map(str::to_owned),
    };
    let consequence = format!(
        "Incoming texts of every number on “{}” will be sent to the address you enter.",
        p.name
    );
    let ev = vec![
        evidence(
            "GET /messaging_profiles/{id}: webhook_url",
            opt(p.webhook_url.as_deref()),
        ),
        evidence("readiness: Webhook", detail),
    ];
    let (code, severity, title, explanation) = match judge_webhook(p) {
        WebhookJudgement::Missing => (
            C::NoWebhookUrl,
            Severity::Problem,
            format!("Its messaging profile “{}” has no webhook URL, so incoming texts are not sent anywhere.", p.name),
            format!("Telnyx delivers incoming texts to the profile's webhook URL. With none set, they arrive at Telnyx but your system is never told. {detail}"),
        ),
        WebhookJudgement::Invalid { .. } | WebhookJudgement::Local { .. } => (
            C::WebhookUnreachable,
            Severity::Problem,
            format!("Telnyx cannot reach the webhook URL of “{}”, so incoming texts are not delivered.", p.name),
            format!("{detail} Telnyx delivers from the internet: the address must be a public web address of your application."),
        ),
        WebhookJudgement::NotEncrypted { .. } => (
            C::WebhookNotHttps,
            Severity::Warning,
            "Its webhook URL is not secure (it does not start with https://).".to_owned(),
            format!("{detail} Incoming texts are sent to it unencrypted, and servers that redirect plain http to https lose the delivery. Use an https:// address."),
        ),
        WebhookJudgement::Secure { .. } => return None,
    };
    Some(finding(
        code,
        severity,
        title,
        explanation,
        ev,
        Fix::Action {
            action: set_url,
            consequence,
        },
    ))
}

/// The profile the number's recent messages were sent through, when one is named.
fn suggested_profile(facts: &Facts<'_>) -> Option<String> {
    let records = facts.records.found()?;
    records
        .iter()
        .filter_map(|r| r.profile_id.as_deref())
        .find(|p| !p.is_empty())
        .map(str::to_owned)
}
