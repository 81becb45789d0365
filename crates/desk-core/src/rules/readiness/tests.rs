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
    serde_json::from_value(serde_json::json!({"id": id, "name": name, "enabled": enabled}))
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
            ..Default::default()
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
        // Provisioning: every status that is not active.
        case("purchase pending", us())
            .status(Some("purchase-pending"))
            .expect(V::Provisioning, "(purchase-pending)"),
        case("provision pending", us())
            .status(Some("provision-pending"))
            .expect(V::Provisioning, "(provision-pending)"),
        case("port pending", us())
            .status(Some("port-pending"))
            .expect(V::Provisioning, "ported in (port-pending)"),
        case("requirements pending", us())
            .status(Some("requirement-info-pending"))
            .expect(V::Provisioning, "(requirement-info-pending)"),
        case("requirements under review", us())
            .status(Some("requirement-info-under-review"))
            .expect(V::Provisioning, "(requirement-info-under-review)"),
        case("requirements refused", us())
            .status(Some("requirement-info-exception"))
            .expect(V::Provisioning, "(requirement-info-exception)"),
        case("purchase failed", us())
            .status(Some("purchase-failed"))
            .expect(V::Provisioning, "(purchase-failed)"),
        case("port failed", us())
            .status(Some("port-failed"))
            .expect(V::Provisioning, "(port-failed)"),
        case("emergency only", us())
            .status(Some("emergency-only"))
            .expect(V::Provisioning, "(emergency-only)"),
        case("deleted", us())
            .status(Some("deleted"))
            .expect(V::Provisioning, "no longer on this account (deleted)"),
        case("ported out", us())
            .status(Some("ported-out"))
            .expect(V::Provisioning, "(ported-out)"),
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
            .expect(V::Needs10dlcCampaign, "pending (PENDING_ASSIGNMENT)"),
        case("campaign failed", us())
            .failed_campaign("FAILED_ASSIGNMENT", "Campaign was rejected by the carriers")
            .expect(
                V::Needs10dlcCampaign,
                "failed (FAILED_ASSIGNMENT). Campaign was rejected by the carriers.",
            ),
        case("campaign being removed", us())
            .campaign("PENDING_UNASSIGNMENT")
            .expect(V::Needs10dlcCampaign, "(PENDING_UNASSIGNMENT)"),
        case("campaign removal failed", us())
            .campaign("FAILED_UNASSIGNMENT")
            .expect(V::Needs10dlcCampaign, "(FAILED_UNASSIGNMENT)"),
        case("unknown campaign status", us())
            .campaign("SUSPENDED_SOMEHOW")
            .expect(V::Needs10dlcCampaign, "does not know (SUSPENDED_SOMEHOW)"),
        // Toll-free.
        case("toll-free never submitted", tf("US"))
            .expect(V::NeedsTollFreeVerification, "never been submitted"),
        case("toll-free in progress", tf("US"))
            .verification("In Progress", None)
            .expect(V::NeedsTollFreeVerification, "under review (In Progress)"),
        case("toll-free waiting for Telnyx", tf("US"))
            .verification("Waiting For Telnyx", None)
            .expect(V::NeedsTollFreeVerification, "(Waiting For Telnyx)"),
        case("toll-free waiting for vendor", tf("CA"))
            .verification("Waiting For Vendor", None)
            .expect(V::NeedsTollFreeVerification, "(Waiting For Vendor)"),
        case("toll-free waiting for customer", tf("CA"))
            .verification(
                "Waiting For Customer",
                Some("Please provide a privacy policy URL."),
            )
            .expect(
                V::NeedsTollFreeVerification,
                "waiting for you (Waiting For Customer). Please provide a privacy policy URL.",
            ),
        case("toll-free rejected", tf("US"))
            .verification("Rejected", Some("Opt-in workflow screenshots are missing."))
            .expect(
                V::NeedsTollFreeVerification,
                "rejected (Rejected). Opt-in workflow",
            ),
        case("toll-free unknown status", tf("US"))
            .verification("Escalated", None)
            .expect(V::NeedsTollFreeVerification, "does not know (Escalated)"),
        // Short codes.
        case("short code purchase pending", sc())
            .status(Some("purchase-pending"))
            .expect(
                V::ShortCodeNotProvisioned,
                "short code is still being set up after purchase (purchase-pending)",
            ),
        case("short code without features", sc())
            .features(false, false)
            .expect(V::ShortCodeNotProvisioned, "no SMS or MMS"),
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
        // Country rules.
        case("GB long code", intl("+447700900000", "GB"))
            .expect(V::CheckCountryRules, "long code in the United Kingdom (GB)"),
        case("CA long code", intl("+14165550100", "CA"))
            .expect(V::CheckCountryRules, "Canada (CA)"),
        case("unlisted country", intl("+3725550000", "ZZ"))
            .expect(V::CheckCountryRules, "in ZZ (ZZ)"),
        case("toll-free outside US/CA", tf("GB")).expect(
            V::CheckCountryRules,
            "toll-free number in the United Kingdom",
        ),
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
        .expect(V::Provisioning, "(purchase-pending)"),
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
            .expect(V::Needs10dlcCampaign, ""),
        case("toll-free beats health", tf("US"))
            .verification("In Progress", None)
            .health(0.1, 0.1, 10)
            .expect(V::NeedsTollFreeVerification, ""),
        case(
            "short code setup beats no profile",
            number("+55504", "shortcode", "US", None),
        )
        .status(Some("purchase-pending"))
        .expect(V::ShortCodeNotProvisioned, ""),
        case("unhealthy beats country rules", intl("+447700900000", "GB"))
            .health(0.1, 0.1, 10)
            .expect(V::Unhealthy, ""),
        case(
            "no profile beats country rules",
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
            .expect(V::CheckCountryRules, ""),
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
                CheckKey::Compliance,
                CheckKey::Health
            ],
            "{}",
            c.name
        );
        let failed = r.checks.iter().any(|k| k.state == CheckState::Failed);
        if r.verdict.is_ready() {
            assert!(
                !failed,
                "{}: ready with a failed check {:#?}",
                c.name, r.checks
            );
            assert!(
                r.checks
                    .iter()
                    .all(|k| k.state != CheckState::Warning || k.key == CheckKey::Provisioning),
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
    assert_eq!(state(CheckKey::Compliance), Some(CheckState::Failed));
    assert_eq!(state(CheckKey::Health), Some(CheckState::Unknown));

    let r = case("", intl("+447700900000", "GB")).assess();
    let compliance = r
        .checks
        .iter()
        .find(|c| c.key == CheckKey::Compliance)
        .map(|c| (c.state, c.label));
    assert_eq!(compliance, Some((CheckState::Warning, "Country rules")));
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
        assert_eq!(r.checks.len(), 6, "{n:?} {ctx:?} → {r:#?}");
        assert!(
            r.reason.ends_with('.') && !r.fix.is_empty(),
            "{n:?} {ctx:?} → {r:#?}"
        );
        let failed = r.checks.iter().any(|c| c.state == CheckState::Failed);
        let coherent = match r.verdict {
            Verdict::Ready => !failed,
            Verdict::CheckCountryRules => true,
            _ => failed,
        };
        assert!(coherent, "{n:?} {ctx:?} → {r:#?}");
    }
}

#[test]
fn the_catalogue_is_every_verdict_in_precedence_order_with_its_words() {
    let catalogue = verdict_catalogue();
    assert_eq!(catalogue.map(|v| v.key), Verdict::ALL);
    assert!(catalogue.iter().all(|v| v.label == v.key.label()));
    assert_eq!(
        serde_json::to_value(catalogue[4]).expect("serializes"),
        serde_json::json!({"key": "needs10dlcCampaign", "label": "Needs 10DLC campaign", "tone": "warn"})
    );
    assert_eq!(
        serde_json::to_value(HEALTH_THRESHOLDS).expect("serializes"),
        serde_json::json!({"minSuccessRatio": 0.25, "maxSpamRatio": 0.75})
    );
}
