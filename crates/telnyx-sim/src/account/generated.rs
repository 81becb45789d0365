//! Deterministic account generation: the number/record builder the demo account also uses, and
//! `Account::generated(n, seed)` for benchmarks (10,000 or 100,000 numbers).

use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

use super::numbering::{self, CA_AREA_CODES, TOLL_FREE_CODES, US_AREA_CODES};
use super::{
    Account, Campaign, CampaignAssignment, FeatureSet, Features, Health, MessageRecord, Number,
    NumberKind, Profile, Verification,
};

/// Builds numbers and their related records with deterministic numbering and randomness.
pub struct Builder {
    pub rng: StdRng,
    pub account: Account,
    us: u32,
    ca: u32,
    toll_free: u32,
    short: u32,
    intl: std::collections::HashMap<String, u32>,
    areas: Vec<u16>,
}

impl Builder {
    /// A builder with an empty account.
    pub fn new(seed: u64) -> Self {
        let mut areas: Vec<u16> = US_AREA_CODES.to_vec();
        for a in 201..=989u16 {
            let valid = a % 100 != 11
                && !US_AREA_CODES.contains(&a)
                && !CA_AREA_CODES.contains(&a)
                && !TOLL_FREE_CODES.contains(&a)
                && a / 10 % 10 != 9
                && a != 555;
            if valid {
                areas.push(a);
            }
        }
        Builder {
            rng: StdRng::seed_from_u64(seed),
            account: Account {
                organization_id: super::DEFAULT_ORGANIZATION_ID.to_string(),
                ..Account::default()
            },
            us: 0,
            ca: 0,
            toll_free: 0,
            short: 0,
            intl: Default::default(),
            areas,
        }
    }

    /// A deterministic UUID from the builder's random stream.
    pub fn uuid(&mut self) -> String {
        let bytes: [u8; 16] = self.rng.random();
        uuid::Builder::from_random_bytes(bytes)
            .into_uuid()
            .to_string()
    }

    /// Adds a profile and returns its id.
    pub fn profile(&mut self, name: &str, edit: impl FnOnce(&mut Profile)) -> String {
        let id = self.uuid();
        let mut p = Profile::new(id.clone(), name);
        let secret: u64 = self.rng.random();
        p.v1_secret = format!("{secret:024x}").chars().take(24).collect();
        edit(&mut p);
        self.account.profiles.push(p);
        id
    }

    /// Typical healthy metrics.
    pub fn healthy(&mut self) -> Health {
        Health {
            message_count: self.rng.random_range(20..5000),
            inbound_outbound_ratio: round2(self.rng.random_range(0.05..1.2)),
            success_ratio: round2(self.rng.random_range(0.86..0.995)),
            spam_ratio: round2(self.rng.random_range(0.0..0.04)),
        }
    }

    fn push(&mut self, mut n: Number, profile: Option<&str>) -> usize {
        n.messaging_profile_id = profile.map(str::to_string);
        n.health = self.healthy();
        let day = self.rng.random_range(1..28);
        let month = self.rng.random_range(1..9);
        n.purchased_at = format!(
            "2025-{month:02}-{day:02}T15:{:02}:00.000Z",
            self.rng.random_range(0..60)
        );
        n.created_at = n.purchased_at.clone();
        n.updated_at = n.purchased_at.clone();
        n.id = numbering::id_for(&n.phone_number);
        n.connection_id = Some("1494404757140276705".to_string());
        n.connection_name = Some("Main office SIP".to_string());
        self.account.numbers.push(n);
        self.account.numbers.len() - 1
    }

    /// A US long code.
    pub fn us_long(&mut self, profile: Option<&str>) -> usize {
        let u = self.us;
        self.us += 1;
        let block = (u / 100) as usize;
        let phone = if block < self.areas.len() {
            numbering::nanp_555(self.areas[block], u % 100)
        } else {
            let area = self.areas[((u / 9800) as usize) % self.areas.len()];
            format!("+1{area:03}555{:04}", 200 + u % 9800)
        };
        let mut n = Number::new(phone, NumberKind::LongCode, "US");
        n.features = Features {
            sms: Some(FeatureSet::FULL),
            mms: Some(FeatureSet::DOMESTIC),
        };
        n.eligible_messaging_products = vec!["A2P".to_string()];
        self.push(n, profile)
    }

    /// A Canadian long code.
    pub fn ca_long(&mut self, profile: Option<&str>) -> usize {
        let c = self.ca;
        self.ca += 1;
        let area = CA_AREA_CODES[(c / 100) as usize % CA_AREA_CODES.len()];
        let phone = format!("+1{area:03}555{:04}", 100 + (c % 100) + 100 * (c / 400));
        let mut n = Number::new(phone, NumberKind::LongCode, "CA");
        n.eligible_messaging_products = vec!["A2P".to_string(), "P2P".to_string()];
        n.messaging_product = "P2P".to_string();
        n.traffic_type = "P2P".to_string();
        self.push(n, profile)
    }

    /// A toll-free number (`country` US or CA).
    pub fn toll_free(&mut self, country: &str, profile: Option<&str>) -> usize {
        let t = self.toll_free;
        self.toll_free += 1;
        let k = TOLL_FREE_CODES.len() as u32;
        let phone = if t < 100 * k {
            numbering::nanp_555(TOLL_FREE_CODES[(t / 100) as usize], t % 100)
        } else {
            let code = TOLL_FREE_CODES[((t / 9800) % k) as usize];
            format!("+1{code}555{:04}", 200 + t % 9800)
        };
        let mut n = Number::new(phone, NumberKind::TollFree, country);
        n.features = Features {
            sms: Some(FeatureSet::FULL),
            mms: Some(FeatureSet::FULL),
        };
        self.push(n, profile)
    }

    /// A short code (bare digits, as short codes have no E.164 form).
    pub fn short_code(&mut self, profile: Option<&str>) -> usize {
        let s = self.short;
        self.short += 1;
        let mut n = Number::new(format!("{}", 55501 + s), NumberKind::ShortCode, "US");
        n.features = Features {
            sms: Some(FeatureSet::DOMESTIC),
            mms: None,
        };
        self.push(n, profile)
    }

    /// A non-NANP long code.
    pub fn intl(&mut self, country: &str, profile: Option<&str>) -> usize {
        let counter = self.intl.entry(country.to_string()).or_insert(0);
        let i = *counter;
        *counter += 1;
        let mut n = Number::new(
            numbering::international(country, i),
            NumberKind::LongCode,
            country,
        );
        n.phone_number_type = Some(
            if country == "GB" || country == "AU" {
                "mobile"
            } else {
                "local"
            }
            .to_string(),
        );
        n.messaging_product = "P2P".to_string();
        n.traffic_type = "P2P".to_string();
        n.eligible_messaging_products = vec!["P2P".to_string()];
        n.features = Features {
            sms: Some(FeatureSet::DOMESTIC),
            mms: None,
        };
        self.push(n, profile)
    }

    /// Phone number of a number by index.
    pub fn phone(&self, idx: usize) -> String {
        self.account.numbers[idx].phone_number.clone()
    }

    /// Adds a campaign.
    pub fn campaign(
        &mut self,
        tcr: &str,
        usecase: &str,
        status: &str,
        submission: &str,
        failure: Option<&str>,
    ) -> String {
        let id = self.uuid();
        let brand = "4b20019b-6f2c-4d1e-9a5e-6b1f0c0d0e01".to_string();
        self.account.campaigns.push(Campaign {
            campaign_id: id.clone(),
            tcr_campaign_id: tcr.to_string(),
            brand_id: brand,
            tcr_brand_id: "BNDESK1".to_string(),
            brand_display_name: "Northwind Dental Group".to_string(),
            usecase: usecase.to_string(),
            description: format!("{usecase} messages for Northwind Dental Group patients."),
            campaign_status: status.to_string(),
            status: if status == "MNO_REJECTED" {
                "EXPIRED"
            } else {
                "ACTIVE"
            }
            .to_string(),
            submission_status: submission.to_string(),
            failure_reasons: failure.map(str::to_string),
            create_date: "2025-05-02T10:00:00.000Z".to_string(),
        });
        id
    }

    /// Links a number to a campaign.
    pub fn assign_campaign(
        &mut self,
        idx: usize,
        campaign_id: &str,
        status: &str,
        failure: Option<&str>,
    ) {
        let phone = self.phone(idx);
        let created = self.account.numbers[idx].purchased_at.clone();
        self.account.campaign_assignments.push(CampaignAssignment {
            phone_number: phone,
            campaign_id: campaign_id.to_string(),
            assignment_status: status.to_string(),
            failure_reasons: failure.map(str::to_string),
            created_at: created.clone(),
            updated_at: created,
        });
    }

    /// Adds a toll-free verification request for some numbers.
    pub fn verification(
        &mut self,
        numbers: &[usize],
        status: &str,
        reason: Option<&str>,
        business: &str,
    ) {
        let id = self.uuid();
        let phone_numbers = numbers.iter().map(|&i| self.phone(i)).collect();
        self.account.verifications.push(Verification {
            id,
            phone_numbers,
            verification_status: status.to_string(),
            reason: reason.map(str::to_string),
            business_name: business.to_string(),
            use_case: "Appointments".to_string(),
            message_volume: "10,000".to_string(),
            created_at: "2025-06-10T09:30:00.000Z".to_string(),
            updated_at: "2025-06-18T14:05:00.000Z".to_string(),
        });
    }

    /// Adds a message detail record sent from a number.
    pub fn message(&mut self, idx: usize, status: &str, errors: &[&str], days_ago: u32) {
        let uuid = self.uuid();
        let n = &self.account.numbers[idx];
        let cli = n.phone_number.clone();
        let profile_id = n.messaging_profile_id.clone();
        let profile_name = profile_id
            .as_deref()
            .and_then(|p| self.account.profiles.iter().find(|x| x.id == p))
            .map(|p| p.name.clone());
        let minute: u32 = self.rng.random_range(0..60);
        let hour: u32 = self.rng.random_range(8..20);
        let to_line: u32 = self.rng.random_range(0..100);
        self.account.message_records.push(MessageRecord {
            uuid,
            cli,
            cld: numbering::nanp_555(212, to_line),
            direction: "outbound".to_string(),
            status: status.to_string(),
            errors: errors.iter().map(|e| e.to_string()).collect(),
            message_type: "SMS".to_string(),
            parts: 1,
            carrier: "T-Mobile USA".to_string(),
            profile_id,
            profile_name,
            country_code: Some("US".to_string()),
            created_at: format!(
                "2025-08-{:02}T{hour:02}:{minute:02}:00.000Z",
                31 - days_ago.min(30)
            ),
        });
    }
}

fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

const GENERATED_COUNTRIES: [&str; 5] = ["GB", "DE", "AU", "FR", "NL"];

/// `Account::generated(n, seed)`: five profiles and `n` numbers in fixed proportions (70 % US long codes,
/// 14 % toll-free, 5 % CA long codes, 10 % other countries, a few short codes), every state represented.
pub fn build(count: usize, seed: u64) -> Account {
    let mut b = Builder::new(seed);
    let profiles = [
        b.profile("Support Line", |p| {
            p.webhook_url = Some("https://hooks.example.com/telnyx/support".into())
        }),
        b.profile("Marketing – Spring", |p| {
            p.webhook_url = Some("https://hooks.example.com/telnyx/marketing".into())
        }),
        b.profile("Appointment Reminders", |p| {
            p.webhook_url = Some(String::new())
        }),
        b.profile("Old Alerts", |p| p.enabled = false),
        b.profile("After-Hours Desk", |p| {
            p.webhook_url = Some("http://127.0.0.1:9/telnyx/after-hours".into())
        }),
    ];
    let assigned = b.campaign(
        "CNDSUP1",
        "CUSTOMER_CARE",
        "MNO_PROVISIONED",
        "CREATED",
        None,
    );
    let pending = b.campaign("CNDMKT2", "MARKETING", "TCR_PENDING", "PENDING", None);
    for i in 0..count {
        let profile = if i % 9 == 4 {
            None
        } else {
            Some(profiles[i % profiles.len()].clone())
        };
        let p = profile.as_deref();
        let r = i % 100;
        let idx = match r {
            0..=69 => {
                let idx = b.us_long(p);
                match i % 10 {
                    0..=6 => b.assign_campaign(idx, &assigned, "ASSIGNED", None),
                    7 => b.assign_campaign(idx, &pending, "PENDING_ASSIGNMENT", None),
                    8 => b.assign_campaign(
                        idx,
                        &pending,
                        "FAILED_ASSIGNMENT",
                        Some("Number is assigned to another campaign."),
                    ),
                    _ => {}
                }
                idx
            }
            70..=83 => {
                let idx = b.toll_free(if r >= 82 { "CA" } else { "US" }, p);
                let status = ["Verified", "Verified", "In Progress", "Rejected"][i % 4];
                if i % 5 != 0 {
                    let reason = (status == "Rejected").then_some("Opt-in workflow not provided.");
                    b.verification(&[idx], status, reason, "Northwind Dental Group");
                }
                idx
            }
            84 => b.short_code(p),
            85..=89 => b.ca_long(p),
            _ => b.intl(GENERATED_COUNTRIES[i % GENERATED_COUNTRIES.len()], p),
        };
        if i % 50 == 7 {
            b.message(idx, "failed", &["40010"], (i % 30) as u32);
        }
    }
    b.account
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generation_is_deterministic_and_unique() {
        let a = build(20_000, 7);
        let b = build(20_000, 7);
        assert_eq!(a, b);
        assert_eq!(a.numbers.len(), 20_000);
        let mut phones: Vec<&str> = a.numbers.iter().map(|n| n.phone_number.as_str()).collect();
        phones.sort_unstable();
        phones.dedup();
        assert_eq!(phones.len(), 20_000, "phone numbers must be unique");
        assert_ne!(build(100, 8).profiles[0].id, a.profiles[0].id);
    }
}
