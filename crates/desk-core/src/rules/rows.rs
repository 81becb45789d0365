//! The numbers screen's rows: each number joined with its profile, inventory status, 10DLC
//! assignment and toll-free verification through hash maps (O(n) for the whole account), with its
//! readiness. The filters' counts are the window's (`ui/src/features/numbers/model.ts`,
//! `applyList`): it filters the rows it holds, so it counts them too.

use std::collections::HashMap;

use serde::Serialize;
use telnyx_client::{
    AssignmentStatus, MessagingNumber, MessagingProfile, PhoneNumberCampaign,
    PhoneNumberStatusRecord, VerificationRequest, VerificationStatus,
};

use crate::rules::countries::{calling_code_of, country_name};
use crate::rules::readiness::{
    assess, NumberContext, NumberKind, Readiness, ReadinessGroup, Verdict,
};
use crate::services::snapshot::{AccountSnapshot, Gaps};

/// A number's health metrics as the UI shows them (ratios 0–1).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct HealthView {
    pub success_ratio: f64,
    pub spam_ratio: f64,
    pub message_count: u32,
    pub inbound_outbound_ratio: f64,
}

/// A row as the list carries it: what the table, its search, filters and sort use, and no more
/// (10,000 of these cross to the window). The reason, fix, checklist and API statuses are in
/// [`NumberRow`], which the detail panel fetches for one number.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct ListRow {
    /// The phone-number id (numeric string).
    pub id: String,
    /// As the API gives it (E.164; short codes may be bare digits).
    pub phone_number: String,
    /// For people: `+1 (212) 555-0100`, `+44 770 090 0000`, `55501`.
    pub display: String,
    /// Plain words: "Local (long code)", "Toll-free", "Short code".
    pub type_label: String,
    /// Stable key for filtering.
    pub number_type: NumberKind,
    /// ISO alpha-2, when known.
    pub country_code: Option<String>,
    /// English name ("United Kingdom"), the code itself when the table lacks it, or
    /// "Unknown country".
    pub country_name: String,
    pub profile_id: Option<String>,
    /// `None` when unassigned or when the profile is not on the account.
    pub profile_name: Option<String>,
    pub sms: bool,
    pub mms: bool,
    pub health: Option<HealthView>,
    pub tags: Vec<String>,
    /// The first problem's verdict (the badge and the readiness sort).
    pub verdict: Verdict,
    /// Act, wait, or fine: the most pressing group among the problems.
    pub group: ReadinessGroup,
    /// Every problem's verdict, each once, in precedence order (`verdict` first); `[ready]` when
    /// there are none. The readiness filter counts a number under each.
    pub problems: Vec<Verdict>,
}

/// One number as the detail panel shows it: its list row and the rest.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct NumberRow {
    /// The list row's fields, at the top level of this row's JSON (its `verdict` is
    /// `readiness.verdict`).
    #[serde(flatten)]
    pub list: ListRow,
    pub eligible_messaging_products: Vec<String>,
    /// Inventory `status` (`active`, `purchase-pending`, …), when the inventory lists the number.
    pub status: Option<String>,
    /// 10DLC `assignmentStatus` (`ASSIGNED`, …), when the number has an assignment.
    pub campaign_status: Option<String>,
    /// Toll-free `verificationStatus` (`Verified`, …), when a request covers the number.
    pub verification_status: Option<String>,
    pub readiness: Readiness,
}

impl From<NumberRow> for ListRow {
    fn from(row: NumberRow) -> Self {
        row.list
    }
}

/// The snapshot's lists keyed for lookup: build once, then look up any number in O(1). Keep it to
/// recompute a single row after a change (e.g. an assignment) without rebuilding the others.
#[derive(Debug)]
pub struct SnapshotIndex<'a> {
    profiles: HashMap<&'a str, &'a MessagingProfile>,
    inventory_by_id: HashMap<&'a str, &'a PhoneNumberStatusRecord>,
    inventory_by_digits: HashMap<&'a str, &'a PhoneNumberStatusRecord>,
    campaigns: HashMap<&'a str, &'a PhoneNumberCampaign>,
    verifications: HashMap<&'a str, &'a VerificationRequest>,
    gaps: &'a Gaps,
}

/// The digits of a phone number as written by any endpoint (`+1 212…`, `1212…`): the join key.
fn digits(phone: &str) -> &str {
    let t = phone.trim();
    t.strip_prefix('+').unwrap_or(t)
}

impl<'a> SnapshotIndex<'a> {
    /// Indexes the snapshot's lists.
    pub fn new(snapshot: &'a AccountSnapshot) -> Self {
        let profiles = snapshot
            .profiles
            .iter()
            .map(|p| (p.id.as_str(), p))
            .collect();
        let inventory_by_id = snapshot
            .phone_numbers
            .iter()
            .map(|p| (p.id.as_str(), p))
            .collect();
        let inventory_by_digits = snapshot
            .phone_numbers
            .iter()
            .map(|p| (digits(p.phone_number.as_str()), p))
            .collect();
        let mut campaigns: HashMap<&str, &PhoneNumberCampaign> =
            HashMap::with_capacity(snapshot.campaigns.len());
        for c in &snapshot.campaigns {
            campaigns
                .entry(digits(&c.phone_number))
                .and_modify(|kept| {
                    if campaign_rank(c) > campaign_rank(kept) {
                        *kept = c;
                    }
                })
                .or_insert(c);
        }
        let mut verifications: HashMap<&str, &VerificationRequest> = HashMap::new();
        for v in &snapshot.verifications {
            for n in &v.phone_numbers {
                verifications
                    .entry(digits(&n.phone_number))
                    .and_modify(|kept| {
                        if verification_rank(v) > verification_rank(kept) {
                            *kept = v;
                        }
                    })
                    .or_insert(v);
            }
        }
        SnapshotIndex {
            profiles,
            inventory_by_id,
            inventory_by_digits,
            campaigns,
            verifications,
            gaps: &snapshot.gaps,
        }
    }

    /// The number's inventory record: by id, else by number.
    pub fn inventory(&self, number: &MessagingNumber) -> Option<&'a PhoneNumberStatusRecord> {
        self.inventory_by_id
            .get(number.id.as_str())
            .or_else(|| {
                self.inventory_by_digits
                    .get(digits(number.phone_number.as_str()))
            })
            .copied()
    }

    /// Everything readiness needs about `number` besides the number itself.
    pub fn context(&self, number: &MessagingNumber) -> NumberContext<'a> {
        let key = digits(number.phone_number.as_str());
        NumberContext {
            profile: number
                .messaging_profile_id
                .as_ref()
                .and_then(|id| self.profiles.get(id.as_str()).copied()),
            status: self.inventory(number).map(|p| &p.status),
            campaign: self.campaigns.get(key).copied(),
            verification: self.verifications.get(key).copied(),
            inventory_gap: self.gaps.inventory.as_ref(),
            campaigns_gap: self.gaps.campaigns.as_ref(),
            verifications_gap: self.gaps.verifications.as_ref(),
        }
    }

    /// The list row of one number: [`SnapshotIndex::row`] without what only the detail panel
    /// shows (a test compares them for every demo number).
    pub fn list_row(&self, number: &MessagingNumber) -> ListRow {
        let ctx = self.context(number);
        let readiness = assess(number, &ctx);
        list_row(number, &ctx, &readiness)
    }

    /// The row of one number.
    pub fn row(&self, number: &MessagingNumber) -> NumberRow {
        let ctx = self.context(number);
        let readiness = assess(number, &ctx);
        NumberRow {
            list: list_row(number, &ctx, &readiness),
            eligible_messaging_products: number.eligible_messaging_products.clone(),
            status: ctx.status.map(|s| s.as_str().to_owned()),
            campaign_status: ctx
                .campaign
                .and_then(|c| c.assignment_status.as_ref())
                .map(|s| s.as_str().to_owned()),
            verification_status: ctx
                .verification
                .map(|v| v.verification_status.as_str().to_owned()),
            readiness,
        }
    }
}

/// What the list shows of `number`, given its context and readiness.
fn list_row(number: &MessagingNumber, ctx: &NumberContext<'_>, readiness: &Readiness) -> ListRow {
    let kind = NumberKind::of(number.number_type.as_ref());
    let country_code = number
        .country_code
        .as_deref()
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .map(str::to_ascii_uppercase);
    let country_label = match country_code.as_deref() {
        Some(code) => country_name(code).map_or_else(|| code.to_owned(), str::to_owned),
        None => "Unknown country".to_owned(),
    };
    let type_label = match (&number.number_type, kind) {
        (Some(t), NumberKind::Unknown) => format!("Unknown type ({t})"),
        _ => kind.label().to_owned(),
    };
    let phone = number.phone_number.as_str();
    ListRow {
        id: number.id.to_string(),
        phone_number: phone.to_owned(),
        display: display_number(phone, country_code.as_deref(), kind),
        type_label,
        number_type: kind,
        country_code,
        country_name: country_label,
        profile_id: number
            .messaging_profile_id
            .as_ref()
            .map(|p| p.to_string())
            .filter(|p| !p.is_empty()),
        profile_name: ctx.profile.map(|p| p.name.clone()),
        sms: number.features.sms.is_some(),
        mms: number.features.mms.is_some(),
        health: number.health.map(|h| HealthView {
            success_ratio: h.success_ratio,
            spam_ratio: h.spam_ratio,
            message_count: u32::try_from(h.message_count.max(0)).unwrap_or(u32::MAX),
            inbound_outbound_ratio: h.inbound_outbound_ratio,
        }),
        tags: number.tags.clone(),
        verdict: readiness.verdict,
        group: readiness.group,
        problems: readiness.problem_verdicts(),
    }
}

/// When one number has several assignments, the `ASSIGNED` one counts, else the latest.
fn campaign_rank(c: &PhoneNumberCampaign) -> (bool, &str) {
    (
        c.assignment_status == Some(AssignmentStatus::Assigned),
        c.updated_at.as_str(),
    )
}

/// When several requests cover one number, a `Verified` one counts, else the latest (ISO 8601
/// timestamps compare as strings).
fn verification_rank(v: &VerificationRequest) -> (bool, &str) {
    (
        v.verification_status == VerificationStatus::Verified,
        v.updated_at
            .as_deref()
            .or(v.created_at.as_deref())
            .unwrap_or(""),
    )
}

/// Every number of the snapshot as a row, in the order the API listed them. O(n): one pass to
/// index the lists, one to build the rows.
pub fn build_rows(snapshot: &AccountSnapshot) -> Vec<NumberRow> {
    let index = SnapshotIndex::new(snapshot);
    snapshot.numbers.iter().map(|n| index.row(n)).collect()
}

/// A number for people: NANP as `+1 (212) 555-0100`; other countries as `+CC` and the national
/// digits in groups (`+44 770 090 0000`); short codes as their digits (`55501`).
pub fn display_number(phone: &str, country: Option<&str>, kind: NumberKind) -> String {
    let digits: String = phone.chars().filter(char::is_ascii_digit).collect();
    if kind == NumberKind::ShortCode || (!phone.trim_start().starts_with('+') && digits.len() <= 8)
    {
        return digits;
    }
    if digits.len() == 11 && digits.starts_with('1') {
        return format!("+1 ({}) {}-{}", &digits[1..4], &digits[4..7], &digits[7..]);
    }
    match calling_code_of(&digits, country) {
        Some(cc) => format!("+{cc} {}", group(&digits[cc.len()..])),
        None => format!("+{}", group(&digits)),
    }
}

/// Groups digits from the right: the last four, then threes (`7700900000` → `770 090 0000`).
fn group(digits: &str) -> String {
    if digits.len() <= 4 {
        return digits.to_owned();
    }
    let (head, last) = digits.split_at(digits.len() - 4);
    let mut groups = vec![last];
    let mut rest = head;
    while rest.len() > 3 {
        let (h, t) = rest.split_at(rest.len() - 3);
        groups.push(t);
        rest = h;
    }
    if !rest.is_empty() {
        groups.push(rest);
    }
    groups.reverse();
    let mut out = groups.join(" ");
    // A lone leading digit joins the next group: `3 023 125 0000` → `3023 125 0000`.
    if groups.len() > 2 && groups[0].len() == 1 {
        out.remove(1);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;
    use std::time::SystemTime;

    fn snapshot() -> AccountSnapshot {
        let numbers = json!([
            {"id": "1", "phone_number": "+12125550100", "messaging_profile_id": "p-1", "type": "longcode",
             "country_code": "US", "features": {"sms": {"domestic_two_way": true, "international_inbound": true, "international_outbound": true}, "mms": null},
             "health": {"message_count": 10, "inbound_outbound_ratio": 0.5, "success_ratio": 0.9, "spam_ratio": 0.01}, "tags": ["vip"]},
            {"id": "2", "phone_number": "+18005550101", "messaging_profile_id": "p-2", "type": "tollfree",
             "country_code": "US", "features": {"sms": {"domestic_two_way": true, "international_inbound": true, "international_outbound": true}, "mms": null}},
            {"id": "3", "phone_number": "+447700900000", "messaging_profile_id": null, "type": "longcode",
             "country_code": "GB", "features": {"sms": null, "mms": null}, "tags": ["vip", "uk"]},
            {"id": "4", "phone_number": "+12125550105", "messaging_profile_id": "gone", "type": "longcode", "country_code": "US"},
        ]);
        let profiles = json!([
            {"id": "p-1", "name": "Support Line", "enabled": true, "webhook_url": "https://hooks.example.com/in"},
            {"id": "p-2", "name": "Old Alerts", "enabled": false, "webhook_url": ""},
        ]);
        let inventory = json!([
            {"id": "1", "phone_number": "+12125550100", "status": "active"},
            {"id": "999", "phone_number": "+18005550101", "status": "active"},
            {"id": "4", "phone_number": "+12125550105", "status": "purchase-pending"},
        ]);
        let campaigns = json!([
            {"phoneNumber": "+12125550100", "campaignId": "c-2", "assignmentStatus": "FAILED_ASSIGNMENT", "createdAt": "a", "updatedAt": "2025-09-01"},
            {"phoneNumber": "+12125550100", "campaignId": "c-1", "assignmentStatus": "ASSIGNED", "createdAt": "a", "updatedAt": "2025-01-01"},
        ]);
        let verifications = json!([
            {"id": "v-1", "phoneNumbers": [{"phoneNumber": "+18005550101"}], "verificationStatus": "Rejected", "updatedAt": "2025-01-01"},
            {"id": "v-2", "phoneNumbers": [{"phoneNumber": "+18005550101"}], "verificationStatus": "In Progress", "updatedAt": "2025-02-01"},
        ]);
        AccountSnapshot {
            numbers: serde_json::from_value(numbers).expect("numbers"),
            profiles: serde_json::from_value(profiles).expect("profiles"),
            phone_numbers: serde_json::from_value(inventory).expect("inventory"),
            campaigns: serde_json::from_value(campaigns).expect("campaigns"),
            verifications: serde_json::from_value(verifications).expect("verifications"),
            gaps: Gaps::default(),
            loaded_at: SystemTime::now(),
        }
    }

    #[test]
    fn rows_join_every_list() {
        let rows = build_rows(&snapshot());
        assert_eq!(rows.len(), 4);
        let r = &rows[0];
        assert_eq!(r.list.display, "+1 (212) 555-0100");
        assert_eq!(r.list.type_label, "Local (long code)");
        assert_eq!(r.list.profile_name.as_deref(), Some("Support Line"));
        assert_eq!(r.status.as_deref(), Some("active"));
        // The ASSIGNED assignment wins over a later failed one.
        assert_eq!(r.campaign_status.as_deref(), Some("ASSIGNED"));
        assert_eq!(r.readiness.verdict, Verdict::Ready);
        assert_eq!(r.list.health.map(|h| h.message_count), Some(10));
        assert!(r.list.sms && !r.list.mms);

        let r = &rows[1];
        // Joined by number when the inventory id differs; the latest request counts.
        assert_eq!(r.status.as_deref(), Some("active"));
        assert_eq!(r.verification_status.as_deref(), Some("In Progress"));
        assert_eq!(r.readiness.verdict, Verdict::ProfileDisabled);
        assert_eq!(r.list.display, "+1 (800) 555-0101");
        // Every problem, the first one the verdict; the group is the most pressing.
        assert_eq!(
            r.list.problems,
            [
                Verdict::ProfileDisabled,
                Verdict::TollFreeInReview,
                Verdict::NoWebhook
            ]
        );
        assert_eq!(r.list.group, ReadinessGroup::ActionNeeded);

        let r = &rows[2];
        assert_eq!(r.list.country_name, "United Kingdom");
        assert_eq!(r.list.display, "+44 770 090 0000");
        assert_eq!(r.status, None);
        assert_eq!(r.readiness.verdict, Verdict::NotMessagingCapable);
        assert_eq!(
            r.list.problems,
            [Verdict::NotMessagingCapable, Verdict::NoProfile]
        );

        let r = &rows[3];
        assert_eq!(r.list.profile_id.as_deref(), Some("gone"));
        assert_eq!(r.list.profile_name, None);
        assert_eq!(r.readiness.verdict, Verdict::Provisioning);
    }

    #[test]
    fn display_formats() {
        let cases = [
            (
                "+12125550100",
                Some("US"),
                NumberKind::LongCode,
                "+1 (212) 555-0100",
            ),
            (
                "+14165550100",
                Some("CA"),
                NumberKind::LongCode,
                "+1 (416) 555-0100",
            ),
            (
                "+18005550100",
                Some("US"),
                NumberKind::TollFree,
                "+1 (800) 555-0100",
            ),
            (
                "+447700900000",
                Some("GB"),
                NumberKind::LongCode,
                "+44 770 090 0000",
            ),
            (
                "+4930231250000",
                Some("DE"),
                NumberKind::LongCode,
                "+49 3023 125 0000",
            ),
            (
                "+61491570006",
                Some("AU"),
                NumberKind::LongCode,
                "+61 49 157 0006",
            ),
            (
                "+33199000000",
                Some("FR"),
                NumberKind::LongCode,
                "+33 19 900 0000",
            ),
            (
                "+31205550000",
                None,
                NumberKind::LongCode,
                "+31 20 555 0000",
            ),
            (
                "+999555000000",
                None,
                NumberKind::Unknown,
                "+99 955 500 0000",
            ),
            ("55501", Some("US"), NumberKind::ShortCode, "55501"),
            ("+55501", Some("US"), NumberKind::ShortCode, "55501"),
            ("55501", None, NumberKind::Unknown, "55501"),
        ];
        for (phone, country, kind, want) in cases {
            assert_eq!(display_number(phone, country, kind), want, "{phone}");
        }
    }

    #[test]
    fn rows_serialize_camel_case() {
        let rows = build_rows(&snapshot());
        let v = serde_json::to_value(&rows[0]).expect("serializes");
        for key in [
            "phoneNumber",
            "typeLabel",
            "numberType",
            "countryCode",
            "countryName",
            "profileId",
            "profileName",
            "campaignStatus",
            "verificationStatus",
            "readiness",
        ] {
            assert!(v.get(key).is_some(), "{key}");
        }
        assert_eq!(v["numberType"], "longCode");
        assert_eq!(v["health"]["successRatio"], 0.9);
        // The list row is flattened into the detail row, so its JSON is the list row's and more.
        let list = serde_json::to_value(ListRow::from(rows[0].clone())).expect("serializes");
        for (key, value) in list.as_object().expect("an object") {
            assert_eq!(&v[key], value, "{key}");
        }
        assert_eq!(v["verdict"], v["readiness"]["verdict"]);
    }
}
