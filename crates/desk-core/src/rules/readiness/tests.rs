//! The verdict table (a number, its context, what readiness must say), precedence, and the
//! properties every answer keeps whatever the input.

use super::*;
use telnyx_client::{
    AssignmentStatus, CampaignId, FeatureSet, Features, MessagingProfileId, NumberHealth,
    NumberType, PhoneNumberId, TfPhoneNumber, VerificationRequestId, VerificationStatus, E164,
};

const SMS: Option<FeatureSet> = Some(FeatureSet {
    domestic_two_way: true,
    international_inbound: true,
    international_outbound: true,
});

fn number(phone: &str, ty: &str, country: &str, profile: Option<&str>) -> MessagingNumber {
    MessagingNumber {
        id: PhoneNumberId::new("1"),
        record_type: Some("messaging_settings".into()),
        phone_number: E164::parse(phone).expect("valid E.164 in test"),
        messaging_profile_id: profile.map(MessagingProfileId::new),
        messaging_product: Some("A2P".into()),
        eligible_messaging_products: vec!["A2P".into()],
        traffic_type: Some("A2P".into()),
        number_type: Some(NumberType::parse(ty)),
        country_code: Some(country.into()),
        features: Features {
            sms: SMS,
            mms: None,
        },
        health: Some(NumberHealth {
            message_count: 100,
            inbound_outbound_ratio: 0.4,
            success_ratio: 0.95,
            spam_ratio: 0.01,
        }),
        organization_id: None,
        tags: vec![],
        created_at: None,
        updated_at: None,
    }
}

fn profile(id: &str, name: &str, enabled: Option<bool>) -> MessagingProfile {
    serde_json::from_value(serde_json::json!({
        "id": id, "name": name, "enabled": enabled,
        "webhook_url": "https://hooks.example.com/telnyx"
    }))
    .expect("profile json")
}

fn profile_with_webhook(webhook: Option<&str>) -> MessagingProfile {
    serde_json::from_value(serde_json::json!({
        "id": "p-1", "name": "Appointment Reminders", "enabled": true, "webhook_url": webhook
    }))
    .expect("profile json")
}

fn campaign(status: &str, failure: Option<&str>) -> PhoneNumberCampaign {
    PhoneNumberCampaign {
        phone_number: "+12125550100".into(),
        campaign_id: CampaignId::new("c-1"),
        assignment_status: Some(AssignmentStatus::parse(status)),
        failure_reasons: failure.map(str::to_owned),
        brand_id: None,
        telnyx_campaign_id: None,
        tcr_brand_id: None,
        tcr_campaign_id: Some("CNDSUP1".into()),
        created_at: "2025-01-01".into(),
        updated_at: "2025-01-01".into(),
    }
}

fn verification(status: &str, reason: Option<&str>) -> VerificationRequest {
    VerificationRequest {
        id: VerificationRequestId::new("v-1"),
        phone_numbers: vec![TfPhoneNumber {
            phone_number: "+18005550100".into(),
        }],
        verification_status: VerificationStatus::parse(status),
        reason: reason.map(str::to_owned),
        business_name: None,
        corporate_website: None,
        use_case: None,
        use_case_summary: None,
        message_volume: None,
        created_at: None,
        updated_at: None,
    }
}

/// One row of the verdict table: a number, its context, and what the app must say.
struct Case {
    name: &'static str,
    number: MessagingNumber,
    profile: Option<MessagingProfile>,
    status: Option<PhoneNumberStatus>,
    campaign: Option<PhoneNumberCampaign>,
    verification: Option<VerificationRequest>,
    gaps: crate::services::snapshot::Gaps,
    verdict: Verdict,
    /// A fragment the reason must contain (the status code, the failing link…).
    reason_has: &'static str,
}

fn case(name: &'static str, number: MessagingNumber) -> Case {
    let enabled = profile("p-1", "Support Line", Some(true));
    let has_profile = number
        .messaging_profile_id
        .as_ref()
        .is_some_and(|p| !p.as_str().is_empty());
    Case {
        name,
        number,
        profile: has_profile.then_some(enabled),
        status: Some(PhoneNumberStatus::Active),
        campaign: None,
        verification: None,
        gaps: crate::services::snapshot::Gaps::default(),
        verdict: Verdict::Ready,
        reason_has: "",
    }
}

impl Case {
    fn gaps(mut self, inventory: Option<Gap>, campaigns: Option<Gap>, tf: Option<Gap>) -> Self {
        self.gaps = crate::services::snapshot::Gaps {
            inventory,
            campaigns,
            verifications: tf,
        };
        self
    }
    fn profile(mut self, p: Option<MessagingProfile>) -> Self {
        self.profile = p;
        self
    }
    fn status(mut self, s: Option<&str>) -> Self {
        self.status = s.map(PhoneNumberStatus::parse);
        self
    }
    fn campaign(mut self, c: &str) -> Self {
        self.campaign = Some(campaign(c, None));
        self
    }
    fn failed_campaign(mut self, c: &str, why: &str) -> Self {
        self.campaign = Some(campaign(c, Some(why)));
        self
    }
    fn verification(mut self, v: &str, why: Option<&str>) -> Self {
        self.verification = Some(verification(v, why));
        self
    }
    fn features(mut self, sms: bool, mms: bool) -> Self {
        self.number.features = Features {
            sms: if sms { SMS } else { None },
            mms: if mms { SMS } else { None },
        };
        self
    }
    fn health(mut self, success: f64, spam: f64, count: i64) -> Self {
        self.number.health = Some(NumberHealth {
            message_count: count,
            inbound_outbound_ratio: 0.2,
            success_ratio: success,
            spam_ratio: spam,
        });
        self
    }
    fn no_health(mut self) -> Self {
        self.number.health = None;
        self
    }
    fn expect(mut self, verdict: Verdict, reason_has: &'static str) -> Self {
        self.verdict = verdict;
        self.reason_has = reason_has;
        self
    }
    fn assess(&self) -> Readiness {
        let ctx = NumberContext {
            profile: self.profile.as_ref(),
            status: self.status.as_ref(),
            campaign: self.campaign.as_ref(),
            verification: self.verification.as_ref(),
            inventory_gap: self.gaps.inventory.as_ref(),
            campaigns_gap: self.gaps.campaigns.as_ref(),
            verifications_gap: self.gaps.verifications.as_ref(),
        };
        assess(&self.number, &ctx)
    }
}

const P: Option<&str> = Some("p-1");

fn us() -> MessagingNumber {
    number("+12125550100", "longcode", "US", P)
}
fn tf(country: &str) -> MessagingNumber {
    number("+18005550100", "tollfree", country, P)
}
fn sc() -> MessagingNumber {
    number("+55501", "shortcode", "US", P)
}
fn intl(phone: &str, country: &str) -> MessagingNumber {
    number(phone, "longcode", country, P)
}

fn table() -> Vec<Case> {
    use Verdict as V;
    let disabled = Some(profile("p-1", "Old Alerts", Some(false)));
    vec![
        // Ready, one per type that can be ready.
        case("US long code on an assigned campaign", us())
            .campaign("ASSIGNED")
            .expect(V::Ready, "10DLC campaign assignment is complete"),
        case("US toll-free verified", tf("US"))
            .verification("Verified", None)
            .expect(V::Ready, "toll-free verified"),
        case("CA toll-free verified", tf("CA"))
            .verification("Verified", None)
            .expect(V::Ready, "toll-free verified"),
        case("short code active", sc()).expect(V::Ready, "provisioned"),
        case("short code without inventory record", sc())
            .status(None)
            .expect(V::Ready, "provisioned"),
        case(
            "type spelled long-code",
            number("+12125550100", "long-code", "US", P),
        )
        .campaign("ASSIGNED")
        .expect(V::Ready, "10DLC"),
        case(
            "type spelled toll_free",
            number("+18005550100", "toll_free", "US", P),
        )
        .verification("Verified", None)
        .expect(V::Ready, "verified"),
        case("no inventory record does not block", us())
            .status(None)
            .campaign("ASSIGNED")
            .expect(V::Ready, ""),
        case("unknown inventory status does not block", us())
            .status(Some("frozen"))
            .campaign("ASSIGNED")
            .expect(V::Ready, ""),
        case("port-out pending is only a warning", us())
            .status(Some("port-out-pending"))
            .campaign("ASSIGNED")
            .expect(V::Ready, ""),
        case("no health figures", us())
            .campaign("ASSIGNED")
            .no_health()
            .expect(V::Ready, ""),
        case("zero messages with bad ratios", us())
            .campaign("ASSIGNED")
            .health(0.0, 1.0, 0)
            .expect(V::Ready, ""),
        case("health exactly at the thresholds", us())
            .campaign("ASSIGNED")
            .health(0.25, 0.75, 10)
            .expect(V::Ready, ""),
        case("ratio out of range", us())
            .campaign("ASSIGNED")
            .health(-0.5, 0.1, 10)
            .expect(V::Ready, ""),
        case("NaN health", us())
            .campaign("ASSIGNED")
            .health(f64::NAN, 0.1, 10)
            .expect(V::Ready, ""),
        case("profile enabled flag missing", us())
            .campaign("ASSIGNED")
            .profile(Some(profile("p-1", "Support Line", None)))
            .expect(V::Ready, ""),
        case("MMS only", us())
            .campaign("ASSIGNED")
            .features(false, true)
            .expect(V::Ready, ""),
        // Provisioning: every status that is not active, in words.
        case("purchase pending", us())
            .status(Some("purchase-pending"))
            .expect(V::Provisioning, "still being set up after purchase"),
        case("provision pending", us())
            .status(Some("provision-pending"))
            .expect(V::Provisioning, "still being set up by Telnyx"),
        case("port pending", us())
            .status(Some("port-pending"))
            .expect(V::Provisioning, "moved to Telnyx from another carrier"),
        case("requirements under review", us())
            .status(Some("requirement-info-under-review"))
            .expect(V::Provisioning, "waiting for Telnyx to review"),
        case("requirements pending", us())
            .status(Some("requirement-info-pending"))
            .expect(V::NotActive, "regulatory documents from you"),
        case("requirements refused", us())
            .status(Some("requirement-info-exception"))
            .expect(V::NotActive, "documents were refused"),
        case("purchase failed", us())
            .status(Some("purchase-failed"))
            .expect(V::NotActive, "purchase failed"),
        case("port failed", us())
            .status(Some("port-failed"))
            .expect(V::NotActive, "move from the other carrier failed"),
        case("emergency only", us())
            .status(Some("emergency-only"))
            .expect(V::NotActive, "limited to emergency calls"),
        case("deleted", us())
            .status(Some("deleted"))
            .expect(V::NotActive, "deleted from the account"),
        case("ported out", us())
            .status(Some("ported-out"))
            .expect(V::NotActive, "moved away to another carrier"),
        // Not messaging-capable.
        case("no SMS and no MMS", us())
            .campaign("ASSIGNED")
            .features(false, false)
            .expect(V::NotMessagingCapable, "neither SMS nor MMS"),
        // No profile.
        case("unassigned", number("+12125550104", "longcode", "US", None))
            .campaign("ASSIGNED")
            .expect(V::NoProfile, "not assigned to a messaging profile"),
        case("profile missing from the account", us())
            .campaign("ASSIGNED")
            .profile(None)
            .expect(V::NoProfile, "p-1"),
        case(
            "empty profile id",
            number("+12125550104", "longcode", "US", Some("")),
        )
        .campaign("ASSIGNED")
        .expect(V::NoProfile, "not assigned"),
        // Profile disabled.
        case("disabled profile", us())
            .campaign("ASSIGNED")
            .profile(disabled.clone())
            .expect(V::ProfileDisabled, "“Old Alerts” is disabled"),
        // 10DLC.
        case("US long code without campaign", us())
            .expect(V::Needs10dlcCampaign, "without a 10DLC campaign"),
        case("campaign pending", us())
            .campaign("PENDING_ASSIGNMENT")
            .expect(V::TenDlcPending, "campaign CNDSUP1 is in progress"),
        case("campaign failed", us())
            .failed_campaign("FAILED_ASSIGNMENT", "Campaign was rejected by the carriers")
            .expect(
                V::Needs10dlcCampaign,
                "CNDSUP1 failed. Campaign was rejected by the carriers.",
            ),
        case("campaign being removed", us())
            .campaign("PENDING_UNASSIGNMENT")
            .expect(V::Needs10dlcCampaign, "being removed from 10DLC campaign"),
        case("campaign removal failed", us())
            .campaign("FAILED_UNASSIGNMENT")
            .expect(V::Needs10dlcCampaign, "Removing it from 10DLC campaign CNDSUP1 failed"),
        case("unknown campaign status", us())
            .campaign("SUSPENDED_SOMEHOW")
            .expect(V::Needs10dlcCampaign, "does not know (“SUSPENDED_SOMEHOW”)"),
        // Toll-free.
        case("toll-free never submitted", tf("US"))
            .expect(V::NeedsTollFreeVerification, "never been submitted"),
        case("toll-free in progress", tf("US"))
            .verification("In Progress", None)
            .expect(V::TollFreeInReview, "verification is under review."),
        case("toll-free waiting for Telnyx", tf("US"))
            .verification("Waiting For Telnyx", None)
            .expect(V::TollFreeInReview, "under review by Telnyx"),
        case("toll-free waiting for vendor", tf("CA"))
            .verification("Waiting For Vendor", None)
            .expect(V::TollFreeInReview, "verification partner"),
        case("toll-free waiting for customer", tf("CA"))
            .verification(
                "Waiting For Customer",
                Some("Please provide a privacy policy URL."),
            )
            .expect(
                V::NeedsTollFreeVerification,
                "waiting for your answer. Please provide a privacy policy URL.",
            ),
        case("toll-free rejected", tf("US"))
            .verification("Rejected", Some("Opt-in workflow screenshots are missing."))
            .expect(
                V::NeedsTollFreeVerification,
                "rejected. Opt-in workflow",
            ),
        case("toll-free unknown status", tf("US"))
            .verification("Escalated", None)
            .expect(V::NeedsTollFreeVerification, "does not know (“Escalated”)"),
        // Short codes.
        case("short code purchase pending", sc())
            .status(Some("purchase-pending"))
            .expect(
                V::ShortCodePending,
                "short code is still being set up after purchase",
            ),
        case("short code purchase failed", sc())
            .status(Some("purchase-failed"))
            .expect(V::ShortCodeNotProvisioned, "purchase failed"),
        case("short code without features", sc())
            .features(false, false)
            .expect(V::ShortCodeNotProvisioned, "no SMS or MMS"),
        // The webhook.
        case("profile without webhook", us())
            .campaign("ASSIGNED")
            .profile(Some(profile_with_webhook(Some(""))))
            .expect(V::NoWebhook, "Incoming texts go nowhere: the profile “Appointment Reminders” has no webhook address"),
        case("profile with null webhook", us())
            .campaign("ASSIGNED")
            .profile(Some(profile_with_webhook(None)))
            .expect(V::NoWebhook, "no webhook address"),
        case("webhook on this computer", us())
            .campaign("ASSIGNED")
            .profile(Some(profile_with_webhook(Some("http://127.0.0.1:9/telnyx/after-hours"))))
            .expect(V::WebhookUnreachable, "Telnyx's servers cannot reach"),
        case("webhook not a web address", us())
            .campaign("ASSIGNED")
            .profile(Some(profile_with_webhook(Some("hooks.example.com"))))
            .expect(V::WebhookUnreachable, "not a web address"),
        case("webhook over http", us())
            .campaign("ASSIGNED")
            .profile(Some(profile_with_webhook(Some("http://hooks.example.com/in"))))
            .expect(V::WebhookNotEncrypted, "without encryption"),
        // Unhealthy.
        case("low success", us())
            .campaign("ASSIGNED")
            .health(0.18, 0.01, 1840)
            .expect(
                V::Unhealthy,
                "Only 18% of its messages are delivered (below 25%)",
            ),
        case("spammy", us())
            .campaign("ASSIGNED")
            .health(0.41, 0.82, 5210)
            .expect(
                V::Unhealthy,
                "82% of its messages are flagged as spam (above 75%)",
            ),
        case("both", us())
            .campaign("ASSIGNED")
            .health(0.1, 0.9, 10)
            .expect(V::Unhealthy, "below 25%) and 90%"),
        // Non-US long codes and toll-free outside US/CA: ready, with the country as advice.
        case("GB long code", intl("+447700900000", "GB"))
            .expect(V::Ready, "needs no registration through Telnyx"),
        case("CA long code", intl("+14165550100", "CA"))
            .expect(V::Ready, "needs no registration"),
        case("unlisted country", intl("+3725550000", "ZZ")).expect(V::Ready, ""),
        case("toll-free outside US/CA", tf("GB")).expect(V::Ready, ""),
        // What the API cannot tell: the admin checks.
        case(
            "unknown number type",
            number("+12125550100", "mobile-code", "US", P),
        )
        .expect(
            V::CheckCountryRules,
            "number type is not one this app knows",
        ),
        case("no country", number("+12125550100", "longcode", "", P))
            .expect(V::CheckCountryRules, "country is not known"),
        case(
            "alphanumeric sender",
            number("+12125550100", "alphanumeric_sender_id", "GB", P),
        )
        .expect(V::CheckCountryRules, "alphanumeric sender ID"),
        // Precedence: each verdict beats every one after it.
        case(
            "provisioning beats everything",
            number("+12125550105", "longcode", "US", None),
        )
        .status(Some("purchase-pending"))
        .features(false, false)
        .health(0.0, 1.0, 9)
        .expect(V::Provisioning, "still being set up after purchase"),
        case(
            "not capable beats no profile",
            number("+12125550106", "longcode", "US", None),
        )
        .features(false, false)
        .expect(V::NotMessagingCapable, ""),
        case(
            "no profile beats 10DLC and health",
            number("+12125550104", "longcode", "US", None),
        )
        .health(0.1, 0.9, 10)
        .expect(V::NoProfile, ""),
        case("disabled beats 10DLC", us())
            .profile(disabled.clone())
            .campaign("PENDING_ASSIGNMENT")
            .expect(V::ProfileDisabled, ""),
        case("disabled beats toll-free", tf("US"))
            .profile(disabled.clone())
            .verification("Rejected", None)
            .expect(V::ProfileDisabled, ""),
        case("10DLC beats health", us())
            .campaign("PENDING_ASSIGNMENT")
            .health(0.1, 0.1, 10)
            .expect(V::TenDlcPending, ""),
        case("toll-free beats health", tf("US"))
            .verification("Rejected", None)
            .health(0.1, 0.1, 10)
            .expect(V::NeedsTollFreeVerification, ""),
        case("health beats the webhook", us())
            .campaign("ASSIGNED")
            .health(0.1, 0.1, 10)
            .profile(Some(profile_with_webhook(Some(""))))
            .expect(V::Unhealthy, ""),
        case("the webhook beats country rules", number("+12125550100", "longcode", "", P))
            .profile(Some(profile_with_webhook(Some(""))))
            .expect(V::NoWebhook, ""),
        case("an unencrypted webhook gives way to everything", us())
            .profile(Some(profile_with_webhook(Some("http://hooks.example.com/in"))))
            .expect(V::Needs10dlcCampaign, ""),
        case(
            "short code setup beats no profile",
            number("+55504", "shortcode", "US", None),
        )
        .status(Some("purchase-pending"))
        .expect(V::ShortCodePending, ""),
        case("unhealthy GB long code", intl("+447700900000", "GB"))
            .health(0.1, 0.1, 10)
            .expect(V::Unhealthy, ""),
        case(
            "GB long code without profile",
            intl("+447700900006", "GB"),
        )
        .profile(None)
        .expect(V::NoProfile, ""),
        // Lists missing from the snapshot: still loading, or refused by Telnyx.
        case("10DLC assignments still loading", us())
            .gaps(None, Some(Gap::Loading), None)
            .expect(V::Checking, "10DLC"),
        case("10DLC assignments refused", us())
            .gaps(None, Some(Gap::Failed(REFUSED.into())), None)
            .expect(V::Unchecked, "error 10010"),
        case("toll-free verifications refused", tf("US"))
            .gaps(None, None, Some(Gap::Failed(REFUSED.into())))
            .expect(V::Unchecked, "toll-free verification requests"),
        case("a known failure beats a list still loading", us())
            .profile(None)
            .status(None)
            .gaps(Some(Gap::Loading), Some(Gap::Loading), Some(Gap::Loading))
            .expect(V::NoProfile, ""),
        case("unchecked compliance beats unhealthy", us())
            .health(0.1, 0.1, 10)
            .gaps(None, Some(Gap::Failed(REFUSED.into())), None)
            .expect(V::Unchecked, ""),
        case("statuses still loading", intl("+447700900010", "GB"))
            .status(None)
            .gaps(Some(Gap::Loading), None, None)
            .expect(V::Checking, "phone-number statuses"),
        case("statuses refused do not block", intl("+447700900011", "GB"))
            .status(None)
            .gaps(Some(Gap::Failed(REFUSED.into())), None, None)
            .expect(V::Ready, ""),
        case("a list the number does not need is ignored", tf("US"))
            .verification("Verified", None)
            .gaps(None, Some(Gap::Failed(REFUSED.into())), None)
            .expect(V::Ready, ""),
    ]
}

const REFUSED: &str = "Telnyx refused it (error 10010: Not authorized for 10DLC)";

#[test]
fn verdict_table() {
    for c in table() {
        let r = c.assess();
        assert_eq!(r.verdict, c.verdict, "{}: {r:#?}", c.name);
        assert!(
            r.reason.contains(c.reason_has),
            "{}: reason {:?} lacks {:?}",
            c.name,
            r.reason,
            c.reason_has
        );
        assert_eq!(r.label, c.verdict.label(), "{}", c.name);
        assert!(r.reason.ends_with('.'), "{}: {:?}", c.name, r.reason);
        assert!(!r.fix.is_empty(), "{}", c.name);
        let keys: Vec<CheckKey> = r.checks.iter().map(|k| k.key).collect();
        assert_eq!(
            keys,
            [
                CheckKey::Provisioning,
                CheckKey::MessagingEnabled,
                CheckKey::Profile,
                CheckKey::ProfileEnabled,
                CheckKey::Webhook,
                CheckKey::Compliance,
                CheckKey::Health
            ],
            "{}",
            c.name
        );
        let failed = r.checks.iter().any(|k| k.state == CheckState::Failed);
        let waiting = r.checks.iter().any(|k| k.state == CheckState::Waiting);
        // The verdict is the first problem; the group the most pressing of them.
        assert_eq!(
            r.problems.first().map_or(Verdict::Ready, |p| p.verdict),
            r.verdict,
            "{}",
            c.name
        );
        assert_eq!(
            r.group,
            group_of(r.problems.iter().map(|p| p.verdict)),
            "{}",
            c.name
        );
        for p in &r.problems {
            assert_eq!(p.group, p.verdict.group(), "{}", c.name);
            assert_eq!(p.label, p.verdict.label(), "{}", c.name);
            assert_eq!(
                p.waiting_on.is_some(),
                p.group == ReadinessGroup::Waiting,
                "{}: {p:?}",
                c.name
            );
            assert!(
                p.usual_time.is_none() || p.waiting_on.is_some(),
                "{}",
                c.name
            );
        }
        if r.verdict.is_ready() {
            assert!(
                !failed && !waiting,
                "{}: ready with a failed check {:#?}",
                c.name,
                r.checks
            );
            assert!(
                r.checks
                    .iter()
                    .all(|k| k.state != CheckState::Warning || k.key == CheckKey::Provisioning),
                "{}",
                c.name
            );
        } else if r.verdict.group() == ReadinessGroup::Waiting && r.verdict != Verdict::Checking {
            assert!(
                waiting,
                "{}: {:?} without a check in progress",
                c.name, r.verdict
            );
        } else if r.verdict == Verdict::WebhookNotEncrypted {
            assert!(
                r.checks.iter().any(|k| k.state == CheckState::Warning),
                "{}",
                c.name
            );
        } else if matches!(r.verdict, Verdict::Checking | Verdict::Unchecked) {
            assert!(
                r.checks.iter().any(|k| k.state == CheckState::Unknown),
                "{}: {:?} without an unknown check",
                c.name,
                r.verdict
            );
        } else if r.verdict != Verdict::CheckCountryRules {
            assert!(failed, "{}: {:?} without a failed check", c.name, r.verdict);
        }
    }
}

#[test]
fn the_table_covers_every_verdict() {
    let seen: std::collections::HashSet<Verdict> = table().iter().map(|c| c.verdict).collect();
    for v in Verdict::ALL {
        assert!(seen.contains(&v), "no case for {v:?}");
    }
}

#[test]
fn checklist_states() {
    let r = case("", number("+12125550104", "longcode", "US", None))
        .status(None)
        .no_health()
        .assess();
    let state = |k: CheckKey| r.checks.iter().find(|c| c.key == k).map(|c| c.state);
    assert_eq!(state(CheckKey::Provisioning), Some(CheckState::Unknown));
    assert_eq!(state(CheckKey::MessagingEnabled), Some(CheckState::Passed));
    assert_eq!(state(CheckKey::Profile), Some(CheckState::Failed));
    assert_eq!(
        state(CheckKey::ProfileEnabled),
        Some(CheckState::NotApplicable)
    );
    assert_eq!(state(CheckKey::Webhook), Some(CheckState::NotApplicable));
    assert_eq!(state(CheckKey::Compliance), Some(CheckState::Failed));
    assert_eq!(state(CheckKey::Health), Some(CheckState::Unknown));

    // A non-US long code passes, with the country's rules as advice.
    let r = case("", intl("+447700900000", "GB")).assess();
    let compliance = r
        .checks
        .iter()
        .find(|c| c.key == CheckKey::Compliance)
        .map(|c| (c.state, c.label));
    assert_eq!(compliance, Some((CheckState::Passed, "Country rules")));
    assert_eq!(r.group, ReadinessGroup::Ready);
    assert!(
        r.fix.contains("the United Kingdom's own rules"),
        "{}",
        r.fix
    );

    // The lines about a glossary term name it.
    let r = case("", us()).campaign("ASSIGNED").assess();
    let term = |k: CheckKey| r.checks.iter().find(|c| c.key == k).and_then(|c| c.term);
    assert_eq!(term(CheckKey::Compliance), Some(Term::TenDlc));
    assert_eq!(term(CheckKey::Profile), Some(Term::MessagingProfile));
    assert_eq!(term(CheckKey::Webhook), Some(Term::Webhook));
    assert_eq!(term(CheckKey::Health), None);
    let r = case("", tf("US")).assess();
    let term = r
        .checks
        .iter()
        .find(|c| c.key == CheckKey::Compliance)
        .and_then(|c| c.term);
    assert_eq!(term, Some(Term::TollFreeVerification));
}

/// Act, wait, or fine: every verdict's group, as a table.
#[test]
fn every_verdict_has_its_group() {
    use ReadinessGroup as G;
    use Verdict as V;
    let table = [
        (V::Provisioning, G::Waiting),
        (V::NotActive, G::ActionNeeded),
        (V::NotMessagingCapable, G::ActionNeeded),
        (V::NoProfile, G::ActionNeeded),
        (V::ProfileDisabled, G::ActionNeeded),
        (V::Needs10dlcCampaign, G::ActionNeeded),
        (V::TenDlcPending, G::Waiting),
        (V::NeedsTollFreeVerification, G::ActionNeeded),
        (V::TollFreeInReview, G::Waiting),
        (V::ShortCodeNotProvisioned, G::ActionNeeded),
        (V::ShortCodePending, G::Waiting),
        (V::Unchecked, G::ActionNeeded),
        (V::Unhealthy, G::ActionNeeded),
        (V::NoWebhook, G::ActionNeeded),
        (V::WebhookUnreachable, G::ActionNeeded),
        (V::Checking, G::Waiting),
        (V::CheckCountryRules, G::ActionNeeded),
        (V::WebhookNotEncrypted, G::Ready),
        (V::Ready, G::Ready),
    ];
    assert_eq!(table.map(|(v, _)| v), Verdict::ALL);
    for (v, g) in table {
        assert_eq!(v.group(), g, "{v:?}");
    }
    assert_eq!(
        group_catalogue().map(|g| (g.key, g.label, g.cannot_text)),
        [
            (G::ActionNeeded, "Action needed", true),
            (G::Waiting, "Waiting", true),
            (G::Ready, "Ready", false),
        ]
    );
}

/// Every problem, not only the first: the group, the problems in order, who is acting and the
/// usual time (only where FACTS.md documents one).
#[test]
fn groups_and_every_problem() {
    use ReadinessGroup as G;
    use Verdict as V;
    let no_webhook = Some(profile_with_webhook(Some("")));
    let http = Some(profile_with_webhook(Some("http://hooks.example.com/in")));
    let cases: Vec<(Case, G, Vec<V>)> = vec![
        (case("ready", us()).campaign("ASSIGNED"), G::Ready, vec![]),
        (
            // 206-555-0107 in the demo: no profile, and no 10DLC campaign either.
            case(
                "no profile and no campaign",
                number("+12065550107", "longcode", "US", None),
            ),
            G::ActionNeeded,
            vec![V::NoProfile, V::Needs10dlcCampaign],
        ),
        (
            case("pending 10DLC", us()).campaign("PENDING_ASSIGNMENT"),
            G::Waiting,
            vec![V::TenDlcPending],
        ),
        (
            case("pending 10DLC on a profile without webhook", us())
                .campaign("PENDING_ASSIGNMENT")
                .profile(no_webhook.clone()),
            G::ActionNeeded,
            vec![V::TenDlcPending, V::NoWebhook],
        ),
        (
            case("toll-free in review and unhealthy", tf("US"))
                .verification("Waiting For Telnyx", None)
                .health(0.1, 0.1, 10),
            G::ActionNeeded,
            vec![V::TollFreeInReview, V::Unhealthy],
        ),
        (
            case("http webhook", us())
                .campaign("ASSIGNED")
                .profile(http.clone()),
            G::Ready,
            vec![V::WebhookNotEncrypted],
        ),
        (
            case(
                "being bought, no profile, no SMS",
                number("+12125550105", "longcode", "US", None),
            )
            .status(Some("purchase-pending"))
            .features(false, false),
            G::ActionNeeded,
            vec![
                V::Provisioning,
                V::NotMessagingCapable,
                V::NoProfile,
                V::Needs10dlcCampaign,
            ],
        ),
        (
            case("being bought on a good profile", us())
                .status(Some("purchase-pending"))
                .campaign("ASSIGNED"),
            G::Waiting,
            vec![V::Provisioning],
        ),
        (
            case(
                "GB long code on an http profile",
                intl("+447700900000", "GB"),
            )
            .profile(http),
            G::Ready,
            vec![V::WebhookNotEncrypted],
        ),
    ];
    for (c, group, problems) in cases {
        let r = c.assess();
        assert_eq!(r.group, group, "{}: {r:#?}", c.name);
        assert_eq!(
            r.problems.iter().map(|p| p.verdict).collect::<Vec<_>>(),
            problems,
            "{}",
            c.name
        );
        let listed = if problems.is_empty() {
            vec![V::Ready]
        } else {
            problems.clone()
        };
        assert_eq!(r.problem_verdicts(), listed, "{}", c.name);
    }

    // Who is acting, and how long it usually takes only where FACTS.md §9 says so.
    let waiting = |c: Case| {
        let r = c.assess();
        let p = r.problems.into_iter().next().expect("a problem");
        (p.verdict, p.waiting_on, p.usual_time)
    };
    let (v, on, time) = waiting(
        case("", us())
            .status(Some("purchase-pending"))
            .campaign("ASSIGNED"),
    );
    assert_eq!((v, on), (V::Provisioning, Some("Telnyx")));
    assert!(time.is_some_and(|t| t.contains("few minutes")));
    let (_, on, time) = waiting(
        case("", us())
            .status(Some("port-pending"))
            .campaign("ASSIGNED"),
    );
    assert!(on.is_some_and(|o| o.contains("carrier")) && time.is_none());
    let (_, on, time) = waiting(case("", us()).campaign("PENDING_ASSIGNMENT"));
    assert_eq!((on, time), (Some("Telnyx and the mobile carriers"), None));
    let (_, on, time) = waiting(case("", tf("US")).verification("In Progress", None));
    assert_eq!((on, time), (Some("Telnyx"), None));
    let (_, on, _) = waiting(case("", tf("US")).verification("Waiting For Vendor", None));
    assert_eq!(on, Some("Telnyx's verification partner"));
    // The words of a problem in progress never tell the admin it failed.
    let r = case("", tf("US"))
        .verification("In Progress", None)
        .assess();
    let line = r
        .checks
        .iter()
        .find(|c| c.key == CheckKey::Compliance)
        .expect("line");
    assert_eq!(
        (line.state, line.detail.as_ref()),
        (CheckState::Waiting, "Under review.")
    );
}

/// No Telnyx enum value reaches a sentence as it is.
#[test]
fn no_raw_enum_value_in_any_sentence() {
    let raw = [
        "PENDING_ASSIGNMENT",
        "FAILED_ASSIGNMENT",
        "ASSIGNED)",
        "PENDING_UNASSIGNMENT",
        "FAILED_UNASSIGNMENT",
        "purchase-pending",
        "port-pending",
        "(active)",
        "provision-pending",
        "requirement-info",
        "In Progress",
        "Waiting For",
        "(Verified)",
        "(Rejected)",
        "port-out-pending",
        "emergency-only",
        "ported-out",
        "purchase-failed",
        "port-failed",
        "(deleted)",
    ];
    for c in table() {
        let r = c.assess();
        let mut texts = vec![r.reason.to_string(), r.fix.to_string()];
        texts.extend(r.checks.iter().map(|k| k.detail.to_string()));
        texts.extend(
            r.problems
                .iter()
                .flat_map(|p| [p.reason.to_string(), p.fix.to_string()]),
        );
        for t in texts {
            for code in raw {
                assert!(!t.contains(code), "{}: {t:?} contains {code}", c.name);
            }
        }
    }
}

#[test]
fn keys_match_serialization() {
    for v in Verdict::ALL {
        assert_eq!(
            serde_json::to_value(v).ok(),
            Some(serde_json::json!(v.key()))
        );
    }
    for k in [
        NumberKind::LongCode,
        NumberKind::TollFree,
        NumberKind::ShortCode,
        NumberKind::AlphanumericSenderId,
        NumberKind::Unknown,
    ] {
        assert_eq!(
            serde_json::to_value(k).ok(),
            Some(serde_json::json!(k.key()))
        );
    }
    let r = case("", us()).campaign("ASSIGNED").assess();
    let json = serde_json::to_value(&r).expect("serializes");
    assert_eq!(json["verdict"], "ready");
    assert_eq!(json["checks"][3]["key"], "profileEnabled");
    assert_eq!(json["checks"][0]["state"], "passed");
    let r = case("", number("+12125550104", "longcode", "US", None)).assess();
    assert_eq!(
        serde_json::to_value(&r).expect("serializes")["checks"][3]["state"],
        "notApplicable"
    );
}

#[test]
fn verdict_order_is_precedence() {
    let mut sorted = Verdict::ALL;
    sorted.sort();
    assert_eq!(sorted, Verdict::ALL);
}

/// Every combination family, sampled: known and unknown values of every enum, missing data,
/// and health figures that are NaN, infinite, negative or zero. `assess` must never panic and
/// its answer must stay coherent.
#[test]
fn any_input_gives_a_coherent_answer() {
    let statuses = [
        None,
        Some("active"),
        Some("purchase-pending"),
        Some("port-failed"),
        Some("deleted"),
        Some("port-out-pending"),
        Some("emergency-only"),
        Some("requirement-info-exception"),
        Some("something-new"),
        Some(""),
    ];
    let types = [
        "longcode",
        "tollfree",
        "shortcode",
        "long_code",
        "alphanumeric",
        "fax",
        "",
    ];
    let countries = ["US", "CA", "GB", "us", "", "ZZ", "  "];
    let campaigns = [
        None,
        Some("ASSIGNED"),
        Some("PENDING_ASSIGNMENT"),
        Some("FAILED_ASSIGNMENT"),
        Some("PENDING_UNASSIGNMENT"),
        Some("FAILED_UNASSIGNMENT"),
        Some("WHATEVER"),
        Some(""),
    ];
    let verifications = [
        None,
        Some("Verified"),
        Some("Rejected"),
        Some("In Progress"),
        Some("Waiting For Customer"),
        Some("verified"),
        Some(""),
    ];
    let ratios = [0.0, 0.25, 0.5, 0.9, 1.0, -1.0, f64::NAN, f64::INFINITY];
    let counts = [0, 1, 10_000, -5];
    let profiles = [
        None,
        Some(profile("p-1", "Support Line", Some(true))),
        Some(profile("p-1", "Old Alerts", Some(false))),
        Some(profile("p-1", "", None)),
    ];
    // xorshift: a fixed, dependency-free sample of the combinations.
    let mut seed = 0x9E37_79B9_7F4A_7C15_u64;
    let mut pick = |n: usize| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % n as u64) as usize
    };
    for _ in 0..20_000 {
        let ty = types[pick(types.len())];
        let country = countries[pick(countries.len())];
        let profile_id = [None, Some("p-1"), Some("")][pick(3)];
        let mut n = number("+12125550100", ty, country, profile_id);
        if ty.is_empty() {
            n.number_type = None;
        }
        n.features = Features {
            sms: if pick(2) == 0 { SMS } else { None },
            mms: if pick(3) == 0 { SMS } else { None },
        };
        n.health = (pick(5) > 0).then(|| NumberHealth {
            message_count: counts[pick(counts.len())],
            inbound_outbound_ratio: ratios[pick(ratios.len())],
            success_ratio: ratios[pick(ratios.len())],
            spam_ratio: ratios[pick(ratios.len())],
        });
        let status = statuses[pick(statuses.len())].map(PhoneNumberStatus::parse);
        let campaign =
            campaigns[pick(campaigns.len())].map(|c| super::tests::campaign(c, Some("x")));
        let verification =
            verifications[pick(verifications.len())].map(|v| super::tests::verification(v, None));
        let profile = profiles[pick(profiles.len())].clone();
        let ctx = NumberContext {
            profile: profile.as_ref(),
            status: status.as_ref(),
            campaign: campaign.as_ref(),
            verification: verification.as_ref(),
            ..NumberContext::default()
        };
        let r = assess(&n, &ctx);
        assert_eq!(r.label, r.verdict.label(), "{n:?} {ctx:?} → {r:#?}");
        assert_eq!(r.checks.len(), 7, "{n:?} {ctx:?} → {r:#?}");
        assert!(
            r.reason.ends_with('.') && !r.fix.is_empty(),
            "{n:?} {ctx:?} → {r:#?}"
        );
        let failed = r.checks.iter().any(|c| c.state == CheckState::Failed);
        let waiting = r.checks.iter().any(|c| c.state == CheckState::Waiting);
        let coherent = match r.verdict {
            Verdict::Ready => !failed && !waiting,
            Verdict::CheckCountryRules | Verdict::WebhookNotEncrypted => true,
            v if v.group() == ReadinessGroup::Waiting => waiting,
            _ => failed,
        } && r.group == group_of(r.problems.iter().map(|p| p.verdict));
        assert!(coherent, "{n:?} {ctx:?} → {r:#?}");
    }
}

#[test]
fn the_catalogue_is_every_verdict_in_precedence_order_with_its_words() {
    let catalogue = verdict_catalogue();
    assert_eq!(catalogue.map(|v| v.key), Verdict::ALL);
    assert!(catalogue.iter().all(|v| v.label == v.key.label()));
    assert_eq!(
        serde_json::to_value(catalogue[5]).expect("serializes"),
        serde_json::json!({"key": "needs10dlcCampaign", "label": "Needs 10DLC campaign", "tone": "warn", "group": "actionNeeded"})
    );
    assert_eq!(
        serde_json::to_value(HEALTH_THRESHOLDS).expect("serializes"),
        serde_json::json!({"minSuccessRatio": 0.25, "maxSpamRatio": 0.75})
    );
}
