//! The demo account: about 1,500 fictitious numbers and 6 profiles covering every readiness state the
//! app explains (documented number by number in `DEMO.md`). Deterministic: built from a fixed seed.

use super::generated::Builder;
use super::{Account, Features, NumberPoolSettings, UrlShortenerSettings};

/// Seed of the demo account.
pub const DEMO_SEED: u64 = 0x4E55_4D42_4552_4445; // "NUMBERDE"

/// Builds the demo account.
pub fn build() -> Account {
    let mut b = Builder::new(DEMO_SEED);
    let support = b.profile("Support Line", |p| {
        p.webhook_url = Some("https://hooks.example.com/telnyx/support".into());
        p.webhook_failover_url = Some("https://backup.example.com/telnyx/support".into());
        p.whitelisted_destinations = vec!["US".into(), "CA".into()];
        p.created_at = "2025-02-03T09:12:44.120Z".into();
        p.updated_at = "2025-07-21T16:40:02.511Z".into();
    });
    let marketing = b.profile("Marketing – Spring", |p| {
        p.webhook_url = Some("https://hooks.example.com/telnyx/marketing".into());
        p.number_pool_settings = Some(NumberPoolSettings {
            long_code_weight: 1.0,
            toll_free_weight: 10.0,
            skip_unhealthy: true,
            sticky_sender: true,
            geomatch: false,
        });
        p.url_shortener_settings = Some(UrlShortenerSettings {
            domain: "acct.fyi".into(),
            prefix: "spring".into(),
            replace_blacklist_only: true,
            send_webhooks: false,
        });
        p.whitelisted_destinations = vec!["US".into(), "CA".into(), "GB".into()];
        p.created_at = "2025-03-14T11:00:00.000Z".into();
        p.updated_at = "2025-08-02T08:15:30.000Z".into();
    });
    let reminders = b.profile("Appointment Reminders", |p| {
        // No webhook: inbound messages go nowhere.
        p.webhook_url = Some(String::new());
        p.webhook_failover_url = Some(String::new());
        p.created_at = "2025-04-01T13:30:00.000Z".into();
        p.updated_at = "2025-04-01T13:30:00.000Z".into();
    });
    let old = b.profile("Old Alerts", |p| {
        p.enabled = false;
        p.webhook_url = Some("https://hooks.example.com/telnyx/alerts".into());
        p.created_at = "2024-11-20T10:00:00.000Z".into();
        p.updated_at = "2025-06-30T17:45:00.000Z".into();
    });
    let after_hours = b.profile("After-Hours Desk", |p| {
        // A webhook URL on a closed local port: deliveries fail.
        p.webhook_url = Some("http://127.0.0.1:9/telnyx/after-hours".into());
        p.alpha_sender = Some("NWDental".into());
        p.whitelisted_destinations = vec![
            "US".into(),
            "CA".into(),
            "GB".into(),
            "AU".into(),
            "DE".into(),
        ];
        p.created_at = "2025-05-05T18:20:00.000Z".into();
        p.updated_at = "2025-05-05T18:20:00.000Z".into();
    });
    let cam_ok = b.campaign(
        "CNDSUP1",
        "CUSTOMER_CARE",
        "MNO_PROVISIONED",
        "CREATED",
        None,
    );
    let cam_pending = b.campaign("CNDMKT2", "MARKETING", "TCR_PENDING", "PENDING", None);
    let cam_rejected = b.campaign(
        "CNDREM3",
        "ACCOUNT_NOTIFICATION",
        "MNO_REJECTED",
        "FAILED",
        Some("Sample messages do not match the campaign description."),
    );

    // --- Showcase numbers (area code 212, +1 212 555 0100…0112), one per case; see DEMO.md. ---
    let ready = b.us_long(Some(&support)); // +12125550100
    b.account.numbers[ready].tags = vec!["support".into(), "east-coast".into()];
    b.assign_campaign(ready, &cam_ok, "ASSIGNED", None);
    b.message(ready, "delivered", &[], 1);
    let pending = b.us_long(Some(&marketing)); // 0101
    b.assign_campaign(pending, &cam_pending, "PENDING_ASSIGNMENT", None);
    let failed = b.us_long(Some(&marketing)); // 0102
    b.assign_campaign(
        failed,
        &cam_rejected,
        "FAILED_ASSIGNMENT",
        Some("Campaign was rejected by the carriers."),
    );
    b.message(failed, "failed", &["40010"], 2);
    let none = b.us_long(Some(&support)); // 0103
    b.message(none, "failed", &["40010"], 1);
    b.message(none, "failed", &["40010"], 3);
    let unassigned = b.us_long(None); // 0104
    b.assign_campaign(unassigned, &cam_ok, "ASSIGNED", None);
    b.message(unassigned, "failed", &["40305"], 0);
    let provisioning = b.us_long(None); // 0105
    b.account.numbers[provisioning].status = "purchase-pending".into();
    b.account.numbers[provisioning].phone_number_type = Some("longcode".into());
    b.message(provisioning, "failed", &["40320"], 0);
    let landline = b.us_long(None); // 0106
    b.account.numbers[landline].features = Features {
        sms: None,
        mms: None,
    };
    b.account.numbers[landline].eligible_messaging_products = vec![];
    let low_success = b.us_long(Some(&support)); // 0107
    b.assign_campaign(low_success, &cam_ok, "ASSIGNED", None);
    b.account.numbers[low_success].health.success_ratio = 0.18;
    b.account.numbers[low_success].health.message_count = 1840;
    b.message(low_success, "failed", &["40008"], 0);
    let spammy = b.us_long(Some(&marketing)); // 0108
    b.assign_campaign(spammy, &cam_ok, "ASSIGNED", None);
    b.account.numbers[spammy].health.spam_ratio = 0.82;
    b.account.numbers[spammy].health.success_ratio = 0.41;
    b.account.numbers[spammy].health.message_count = 5210;
    b.message(spammy, "gw_reject", &["40002"], 0);
    let disabled = b.us_long(Some(&old)); // 0109
    b.assign_campaign(disabled, &cam_ok, "ASSIGNED", None);
    b.message(disabled, "failed", &["40312"], 1);
    let no_webhook = b.us_long(Some(&reminders)); // 0110
    b.assign_campaign(no_webhook, &cam_ok, "ASSIGNED", None);
    let closed_port = b.us_long(Some(&after_hours)); // 0111
    b.assign_campaign(closed_port, &cam_ok, "ASSIGNED", None);
    let stopped = b.us_long(Some(&support)); // 0112
    b.assign_campaign(stopped, &cam_ok, "ASSIGNED", None);
    b.message(stopped, "failed", &["40300"], 0);
    b.message(stopped, "delivered", &[], 1);
    b.account.numbers[stopped].tags = vec!["vip".into()];

    // Toll-free showcase: +1 800 555 0100…0105.
    let tf_verified = b.toll_free("US", Some(&support));
    b.verification(&[tf_verified], "Verified", None, "Northwind Dental Group");
    let tf_pending = b.toll_free("US", Some(&marketing));
    b.verification(&[tf_pending], "In Progress", None, "Northwind Dental Group");
    b.message(tf_pending, "failed", &["40329"], 0);
    let tf_rejected = b.toll_free("US", Some(&support));
    b.verification(
        &[tf_rejected],
        "Rejected",
        Some("Opt-in workflow screenshots are missing."),
        "Northwind Dental Group",
    );
    b.message(tf_rejected, "failed", &["40329"], 1);
    let tf_never = b.toll_free("US", Some(&support));
    b.message(tf_never, "failed", &["40329"], 0);
    let tf_ca = b.toll_free("CA", Some(&support));
    b.verification(&[tf_ca], "Verified", None, "Northwind Dental Group Canada");
    let tf_ca_waiting = b.toll_free("CA", Some(&marketing));
    b.verification(
        &[tf_ca_waiting],
        "Waiting For Customer",
        Some("Please provide a privacy policy URL."),
        "Northwind Dental Group Canada",
    );

    // Short codes 55501…55506.
    let sc_assigned = b.short_code(Some(&marketing));
    b.message(sc_assigned, "delivered", &[], 0);
    b.short_code(Some(&support));
    b.short_code(None);
    let sc_provisioning = b.short_code(None);
    b.account.numbers[sc_provisioning].status = "purchase-pending".into();
    b.short_code(Some(&marketing));
    b.short_code(Some(&reminders));

    // Non-US long codes (first of each: GB +447700900000, DE +493023125000, AU +61491570006,
    // FR +33199000000, NL +31205550000, CA +14165550100).
    let intl_profiles = [&support, &marketing, &after_hours];
    for (country, count) in [("GB", 80), ("DE", 60), ("AU", 50), ("FR", 40), ("NL", 20)] {
        for i in 0..count {
            let profile = if i % 7 == 6 {
                None
            } else {
                Some(intl_profiles[i % 3].as_str())
            };
            let idx = b.intl(country, profile);
            if i % 10 == 0 {
                b.account.numbers[idx].tags = vec!["international".into()];
            }
        }
    }
    for i in 0..60 {
        let profile = if i % 6 == 5 {
            None
        } else {
            Some([&support, &marketing][i % 2].as_str())
        };
        let idx = b.ca_long(profile);
        if i == 0 {
            b.account.numbers[idx].tags = vec!["store-12".into()];
        }
    }

    // Filler toll-free numbers: verified / pending / rejected / never submitted.
    let waiting = [
        "In Progress",
        "Waiting For Telnyx",
        "Waiting For Vendor",
        "Waiting For Customer",
    ];
    for i in 0..200usize {
        let country = if i % 7 == 3 { "CA" } else { "US" };
        let profile = if i % 11 == 10 {
            None
        } else {
            Some([&support, &marketing, &reminders][i % 3].as_str())
        };
        let idx = b.toll_free(country, profile);
        match i % 20 {
            0..=11 => b.verification(&[idx], "Verified", None, "Northwind Dental Group"),
            12..=14 => b.verification(&[idx], waiting[i % 4], None, "Northwind Dental Group"),
            15 | 16 => {
                b.verification(
                    &[idx],
                    "Rejected",
                    Some("Use case is not supported for toll-free."),
                    "Northwind Dental Group",
                );
                b.message(idx, "failed", &["40329"], (i % 7) as u32);
            }
            _ => {
                if i % 2 == 0 {
                    b.message(idx, "failed", &["40329"], (i % 5) as u32);
                }
            }
        }
    }

    // Filler US long codes: mostly ready, with every failure state sprinkled in.
    let all_profiles = [
        &support,
        &marketing,
        &reminders,
        &after_hours,
        &support,
        &marketing,
        &old,
    ];
    // Ready numbers on Support Line, the first few of which move to "Front Desk" below.
    let mut front_desk_numbers = Vec::new();
    for i in 0..977usize {
        let profile = if i % 13 == 12 {
            None
        } else {
            Some(all_profiles[i % all_profiles.len()].as_str())
        };
        let idx = b.us_long(profile);
        if profile == Some(support.as_str())
            && i % 40 <= 33
            && !matches!(i % 97, 11 | 23 | 41 | 57)
            && front_desk_numbers.len() < 6
        {
            front_desk_numbers.push(idx);
        }
        match i % 40 {
            0..=33 => b.assign_campaign(idx, &cam_ok, "ASSIGNED", None),
            34 | 35 => b.assign_campaign(idx, &cam_pending, "PENDING_ASSIGNMENT", None),
            36 => b.assign_campaign(
                idx,
                &cam_rejected,
                "FAILED_ASSIGNMENT",
                Some("Campaign was rejected by the carriers."),
            ),
            _ => {
                if i % 3 == 0 {
                    b.message(idx, "failed", &["40010"], (i % 9) as u32);
                }
            }
        }
        match i % 97 {
            11 => b.account.numbers[idx].health.success_ratio = 0.12 + (i % 10) as f64 / 100.0,
            23 => b.account.numbers[idx].health.spam_ratio = 0.78 + (i % 10) as f64 / 100.0,
            41 => b.account.numbers[idx].status = "purchase-pending".into(),
            57 => {
                b.account.numbers[idx].features = Features {
                    sms: None,
                    mms: None,
                };
                b.account.numbers[idx].eligible_messaging_products = vec![];
            }
            _ => {}
        }
        if profile.is_none() && i % 2 == 0 {
            b.message(idx, "failed", &["40305"], (i % 4) as u32);
        }
        if i % 61 == 5 {
            b.message(idx, "failed", &["40300"], 2);
        }
        if i % 17 == 0 {
            b.message(idx, "delivered", &[], (i % 6) as u32);
        }
        match i % 50 {
            0 => b.account.numbers[idx].tags = vec!["east-coast".into()],
            1 => b.account.numbers[idx].tags = vec!["store-12".into(), "east-coast".into()],
            2 => b.account.numbers[idx].tags = vec!["ported".into()],
            _ => {}
        }
    }

    // Made last, so every id and figure drawn before it stays as it was: a profile whose webhook
    // is a public http:// address (delivered, but unencrypted), with six ready US long codes.
    let front_desk = b.profile("Front Desk", |p| {
        p.webhook_url = Some("http://hooks.example.com/telnyx/front-desk".into());
        p.whitelisted_destinations = vec!["US".into()];
        p.created_at = "2025-09-09T09:00:00.000Z".into();
        p.updated_at = "2025-09-09T09:00:00.000Z".into();
    });
    for idx in front_desk_numbers {
        b.account.numbers[idx].messaging_profile_id = Some(front_desk.clone());
    }

    // --- Troubleshooting cases, added after everything else so that every number and record above keeps
    // its values (the builder's random draws run in order). Area code 914 is not used above. ---
    // 40305 on a text sent through Support Line from +12125550104, which is on no profile.
    b.message(unassigned, "failed", &["40305"], 0);
    if let Some(r) = b.account.message_records.last_mut() {
        r.profile_id = Some(support.clone());
        r.profile_name = Some("Support Line".into());
    }
    // A destination the profile does not allow: Support Line (US, CA) texting GB, error 40309.
    let abroad = b.us_long(Some(&support));
    set_phone(&mut b, abroad, "+19145550100");
    b.assign_campaign(abroad, &cam_ok, "ASSIGNED", None);
    b.message(abroad, "failed", &["40309"], 0);
    if let Some(r) = b.account.message_records.last_mut() {
        r.cld = "+447700900999".into();
        r.country_code = Some("GB".into());
    }
    // Fixed since: a 40010 error from before its last change (registered since): history only.
    let fixed = b.us_long(Some(&support));
    set_phone(&mut b, fixed, "+19145550101");
    b.assign_campaign(fixed, &cam_ok, "ASSIGNED", None);
    b.account.numbers[fixed].updated_at = "2025-08-20T10:00:00.000Z".into();
    b.message(fixed, "failed", &["40010"], 25);
    // Only in the inventory: no messaging settings at all.
    let mut inventory_only = super::Number::new("+19145550102", super::NumberKind::LongCode, "US");
    inventory_only.id = super::numbering::id_for("+19145550102");
    inventory_only.connection_id = Some("1494404757140276705".into());
    inventory_only.connection_name = Some("Main office SIP".into());
    inventory_only.purchased_at = "2025-06-02T15:10:00.000Z".into();
    inventory_only.created_at = inventory_only.purchased_at.clone();
    inventory_only.updated_at = inventory_only.purchased_at.clone();
    b.account.inventory_only.push(inventory_only);
    b.account
}

/// Gives a number built by the builder a chosen phone number (and the id that goes with it).
fn set_phone(b: &mut Builder, idx: usize, phone: &str) {
    let n = &mut b.account.numbers[idx];
    n.phone_number = phone.to_owned();
    n.id = super::numbering::id_for(phone);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn demo_is_deterministic_and_about_1500_numbers() {
        let a = build();
        assert_eq!(a, build());
        assert!(
            (1400..=1600).contains(&a.numbers.len()),
            "{}",
            a.numbers.len()
        );
        assert_eq!(a.profiles.len(), 6);
        assert!(a.profiles.iter().any(|p| !p.enabled));
    }

    #[test]
    fn demo_covers_every_case() {
        let a = build();
        let status = |s: &str| {
            a.campaign_assignments
                .iter()
                .filter(|c| c.assignment_status == s)
                .count()
        };
        assert!(
            status("ASSIGNED") > 500
                && status("PENDING_ASSIGNMENT") > 5
                && status("FAILED_ASSIGNMENT") > 5
        );
        for v in [
            "Verified",
            "In Progress",
            "Rejected",
            "Waiting For Customer",
        ] {
            assert!(
                a.verifications.iter().any(|x| x.verification_status == v),
                "{v}"
            );
        }
        assert!(a.numbers.iter().any(|n| n.status == "purchase-pending"));
        assert!(a.numbers.iter().any(|n| n.features.sms.is_none()));
        assert!(a.numbers.iter().any(|n| n.health.success_ratio < 0.25));
        assert!(a.numbers.iter().any(|n| n.health.spam_ratio > 0.75));
        assert!(
            a.numbers
                .iter()
                .filter(|n| n.messaging_profile_id.is_none())
                .count()
                > 50
        );
        for c in ["GB", "DE", "CA", "AU", "FR"] {
            assert!(
                a.numbers
                    .iter()
                    .any(|n| n.country_code == c && n.kind == super::super::NumberKind::LongCode),
                "{c}"
            );
        }
        for code in [
            "40305", "40309", "40010", "40329", "40300", "40312", "40320",
        ] {
            assert!(
                a.message_records
                    .iter()
                    .any(|r| r.errors.iter().any(|e| e == code)),
                "{code}"
            );
        }
        assert!(a.numbers.iter().any(|n| !n.tags.is_empty()));
        assert!(a.profiles.iter().any(|p| p.number_pool_settings.is_some()));
        assert!(a
            .profiles
            .iter()
            .any(|p| p.webhook_url.as_deref() == Some("")));
        assert!(a.profiles.iter().any(|p| p
            .webhook_url
            .as_deref()
            .is_some_and(|u| u.starts_with("http://127.0.0.1:9/"))));
        assert!(a.profiles.iter().any(|p| p
            .webhook_url
            .as_deref()
            .is_some_and(|u| u.starts_with("http://hooks.example.com/"))));
    }
}

#[cfg(test)]
mod showcase_tests {
    //! The concrete examples `DEMO.md` gives, checked against the built account.
    use super::*;

    fn find<'a>(a: &'a Account, phone: &str) -> &'a super::super::Number {
        a.numbers
            .iter()
            .find(|n| n.phone_number == phone)
            .unwrap_or_else(|| panic!("{phone} missing"))
    }

    fn profile_name<'a>(a: &'a Account, phone: &str) -> Option<&'a str> {
        let id = find(a, phone).messaging_profile_id.as_deref()?;
        a.profiles
            .iter()
            .find(|p| p.id == id)
            .map(|p| p.name.as_str())
    }

    fn campaign_status<'a>(a: &'a Account, phone: &str) -> Option<&'a str> {
        a.campaign_assignments
            .iter()
            .find(|c| c.phone_number == phone)
            .map(|c| c.assignment_status.as_str())
    }

    fn tf_status<'a>(a: &'a Account, phone: &str) -> Option<&'a str> {
        a.verifications
            .iter()
            .find(|v| v.phone_numbers.iter().any(|p| p == phone))
            .map(|v| v.verification_status.as_str())
    }

    fn errors(a: &Account, phone: &str) -> Vec<String> {
        a.message_records
            .iter()
            .filter(|r| r.cli == phone)
            .flat_map(|r| r.errors.clone())
            .collect()
    }

    #[test]
    fn demo_md_examples_hold() {
        let a = build();
        assert_eq!(a.numbers.len(), 1514);
        assert_eq!(a.inventory_only.len(), 1);
        let ids: Vec<(&str, &str)> = a
            .profiles
            .iter()
            .map(|p| (p.name.as_str(), p.id.as_str()))
            .collect();
        assert_eq!(
            ids[0],
            ("Support Line", "23f24c71-ac2b-475f-90a7-40297dc1b7a1")
        );
        assert_eq!(
            ids[3],
            ("Old Alerts", "9aba5cfa-c4a8-41b6-ad22-41621329affb")
        );
        assert_eq!(profile_name(&a, "+12125550100"), Some("Support Line"));
        assert_eq!(campaign_status(&a, "+12125550100"), Some("ASSIGNED"));
        assert_eq!(
            campaign_status(&a, "+12125550101"),
            Some("PENDING_ASSIGNMENT")
        );
        assert_eq!(
            campaign_status(&a, "+12125550102"),
            Some("FAILED_ASSIGNMENT")
        );
        assert_eq!(campaign_status(&a, "+12125550103"), None);
        assert_eq!(errors(&a, "+12125550103"), vec!["40010", "40010"]);
        assert_eq!(profile_name(&a, "+12125550104"), None);
        assert_eq!(errors(&a, "+12125550104"), vec!["40305", "40305"]);
        assert_eq!(find(&a, "+12125550105").status, "purchase-pending");
        assert!(find(&a, "+12125550106").features.sms.is_none());
        assert!(find(&a, "+12125550107").health.success_ratio < 0.25);
        assert!(find(&a, "+12125550108").health.spam_ratio > 0.75);
        assert_eq!(profile_name(&a, "+12125550109"), Some("Old Alerts"));
        assert_eq!(
            profile_name(&a, "+12125550110"),
            Some("Appointment Reminders")
        );
        assert_eq!(profile_name(&a, "+12125550111"), Some("After-Hours Desk"));
        assert_eq!(
            ids[5],
            ("Front Desk", "6946948f-580c-4840-8120-2d5117cbb4eb")
        );
        for phone in [
            "+12125550113",
            "+12125550117",
            "+12125550120",
            "+12125550127",
            "+12125550131",
            "+12125550134",
        ] {
            assert_eq!(profile_name(&a, phone), Some("Front Desk"), "{phone}");
            assert_eq!(campaign_status(&a, phone), Some("ASSIGNED"), "{phone}");
        }
        assert!(errors(&a, "+12125550112").contains(&"40300".to_string()));
        assert_eq!(tf_status(&a, "+18005550100"), Some("Verified"));
        assert_eq!(tf_status(&a, "+18005550101"), Some("In Progress"));
        assert_eq!(tf_status(&a, "+18005550102"), Some("Rejected"));
        assert_eq!(tf_status(&a, "+18005550103"), None);
        assert_eq!(find(&a, "+18005550104").country_code, "CA");
        assert_eq!(tf_status(&a, "+18005550105"), Some("Waiting For Customer"));
        assert_eq!(find(&a, "55504").status, "purchase-pending");
        assert_eq!(profile_name(&a, "55503"), None);
        for (phone, country) in [
            ("+447700900000", "GB"),
            ("+493023125000", "DE"),
            ("+61491570006", "AU"),
            ("+33199000000", "FR"),
            ("+31205550000", "NL"),
            ("+14165550100", "CA"),
        ] {
            assert_eq!(find(&a, phone).country_code, country);
        }
        let count = |c: &str| a.numbers.iter().filter(|n| n.country_code == c).count();
        assert_eq!(
            (
                count("GB"),
                count("DE"),
                count("AU"),
                count("FR"),
                count("NL")
            ),
            (80, 60, 50, 40, 20)
        );
        let us_long = a
            .numbers
            .iter()
            .filter(|n| n.country_code == "US" && n.kind == super::super::NumberKind::LongCode);
        assert_eq!(us_long.count(), 992);
        assert_eq!(
            a.numbers
                .iter()
                .filter(|n| n.messaging_profile_id.is_none())
                .count(),
            141
        );
        assert_eq!(
            (
                a.verifications.len(),
                a.message_records.len(),
                a.campaign_assignments.len()
            ),
            (175, 184, 917)
        );
    }
}
