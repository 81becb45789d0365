//! The live, mutable state of a running simulator: the account plus indexes that keep list and filter
//! requests fast at 100,000 numbers, and the bulk-update orders in flight.

use std::collections::{BTreeSet, HashMap};
use std::time::{Duration, Instant};

use crate::account::{Account, NumberKind, Profile};

/// A bulk-update order (`messaging_numbers_bulk_update`).
#[derive(Debug, Clone)]
pub struct BulkOrder {
    pub order_id: String,
    /// `None` unassigns.
    pub profile_id: Option<String>,
    pub items: Vec<BulkItem>,
}

/// One number of a bulk order.
#[derive(Debug, Clone)]
pub struct BulkItem {
    pub phone_number: String,
    /// When the item leaves `pending`.
    pub due: Instant,
    /// Index of the number on the account, `None` when it will fail.
    pub target: Option<usize>,
    pub outcome: BulkOutcome,
}

/// State of one bulk item.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BulkOutcome {
    Pending,
    Success,
    Failed,
}

/// The account with its indexes.
#[derive(Debug)]
pub struct State {
    pub account: Account,
    by_phone: HashMap<String, usize>,
    by_id: HashMap<String, usize>,
    /// Numbers per profile id, as positions in `account.numbers` (sorted by phone number).
    by_profile: HashMap<String, BTreeSet<usize>>,
    unassigned: BTreeSet<usize>,
    by_kind: [Vec<usize>; 3],
    by_tag: HashMap<String, Vec<usize>>,
    campaign_by_phone: HashMap<String, usize>,
    records_by_cli: HashMap<String, Vec<usize>>,
    pub orders: HashMap<String, BulkOrder>,
    /// Writes received for numbers' messaging profiles (`GET /_sim/writes`).
    pub writes: WriteCounts,
    /// Earliest time a pending bulk item settles, if any.
    next_due: Option<Instant>,
}

impl State {
    /// Builds the state; numbers are kept sorted by phone number so every index stays in that order.
    pub fn new(mut account: Account) -> Self {
        account
            .numbers
            .sort_by(|a, b| a.phone_number.cmp(&b.phone_number));
        let mut s = State {
            account,
            by_phone: HashMap::new(),
            by_id: HashMap::new(),
            by_profile: HashMap::new(),
            unassigned: BTreeSet::new(),
            by_kind: [Vec::new(), Vec::new(), Vec::new()],
            by_tag: HashMap::new(),
            campaign_by_phone: HashMap::new(),
            records_by_cli: HashMap::new(),
            orders: HashMap::new(),
            writes: WriteCounts::default(),
            next_due: None,
        };
        for p in &s.account.profiles {
            s.by_profile.insert(p.id.clone(), BTreeSet::new());
        }
        for (i, n) in s.account.numbers.iter().enumerate() {
            s.by_phone.insert(n.phone_number.clone(), i);
            s.by_id.insert(n.id.clone(), i);
            match &n.messaging_profile_id {
                Some(p) => {
                    s.by_profile.entry(p.clone()).or_default().insert(i);
                }
                None => {
                    s.unassigned.insert(i);
                }
            }
            s.by_kind[n.kind.index()].push(i);
            for t in &n.tags {
                s.by_tag.entry(t.clone()).or_default().push(i);
            }
        }
        for (i, a) in s.account.campaign_assignments.iter().enumerate() {
            s.campaign_by_phone.insert(a.phone_number.clone(), i);
        }
        let mut order: Vec<usize> = (0..s.account.message_records.len()).collect();
        // Newest first, like `sort=-created_at`.
        order.sort_by(|&a, &b| {
            s.account.message_records[b]
                .created_at
                .cmp(&s.account.message_records[a].created_at)
        });
        for i in order {
            s.records_by_cli
                .entry(s.account.message_records[i].cli.clone())
                .or_default()
                .push(i);
        }
        s
    }

    /// Finds a number by numeric id or E.164 (with or without the leading `+`).
    pub fn find_number(&self, key: &str) -> Option<usize> {
        let key = key.trim();
        if let Some(&i) = self.by_id.get(key).or_else(|| self.by_phone.get(key)) {
            return Some(i);
        }
        // A literal `+` decoded as a space by a form decoder, or no `+` at all.
        let digits = key.trim_start_matches([' ', '+']);
        self.by_phone
            .get(&format!("+{digits}"))
            .or_else(|| self.by_phone.get(digits))
            .copied()
    }

    /// A number only in the inventory, by numeric id or E.164 (with or without the leading `+`).
    pub fn inventory_only(&self, key: &str) -> Option<&crate::account::Number> {
        let key = key.trim();
        let digits = key.trim_start_matches([' ', '+']);
        self.account.inventory_only.iter().find(|n| {
            n.id == key || n.phone_number == key || n.phone_number.trim_start_matches('+') == digits
        })
    }

    /// Index of a number by exact phone number.
    pub fn by_phone(&self, phone: &str) -> Option<usize> {
        self.by_phone.get(phone).copied()
    }

    /// A profile by id.
    pub fn profile(&self, id: &str) -> Option<&Profile> {
        self.account.profiles.iter().find(|p| p.id == id)
    }

    /// Name of a profile by id.
    pub fn profile_name(&self, id: &str) -> Option<&str> {
        self.profile(id).map(|p| p.name.as_str())
    }

    /// Positions of the numbers of one profile (sorted by phone number).
    pub fn profile_numbers(&self, id: &str) -> Option<&BTreeSet<usize>> {
        self.by_profile.get(id)
    }

    /// Positions of unassigned numbers.
    pub fn unassigned_numbers(&self) -> &BTreeSet<usize> {
        &self.unassigned
    }

    /// Positions of one kind of number.
    pub fn kind_numbers(&self, kind: NumberKind) -> &[usize] {
        &self.by_kind[kind.index()]
    }

    /// Positions of numbers carrying a tag.
    pub fn tag_numbers(&self, tag: &str) -> &[usize] {
        self.by_tag.get(tag).map(Vec::as_slice).unwrap_or(&[])
    }

    /// Index of a number's 10DLC campaign assignment.
    pub fn campaign_assignment(&self, phone: &str) -> Option<usize> {
        self.campaign_by_phone.get(phone).copied()
    }

    /// Message records sent from `cli`, newest first.
    pub fn records_from(&self, cli: &str) -> &[usize] {
        self.records_by_cli
            .get(cli)
            .map(Vec::as_slice)
            .unwrap_or(&[])
    }

    /// A profile change that arrived through the API (a PATCH or a settling bulk item): counted as
    /// redundant when the number is already on that profile, then applied.
    pub fn apply_write(&mut self, idx: usize, profile: Option<String>, now: &str) {
        if self
            .account
            .numbers
            .get(idx)
            .is_some_and(|n| n.messaging_profile_id == profile)
        {
            self.writes.redundant += 1;
        }
        self.set_profile(idx, profile, now);
    }

    /// Assigns (`Some`) or unassigns (`None`) a number, keeping every index in step.
    pub fn set_profile(&mut self, idx: usize, profile: Option<String>, now: &str) {
        let Some(n) = self.account.numbers.get_mut(idx) else {
            return;
        };
        match &n.messaging_profile_id {
            Some(old) => {
                if let Some(set) = self.by_profile.get_mut(old) {
                    set.remove(&idx);
                }
            }
            None => {
                self.unassigned.remove(&idx);
            }
        }
        match &profile {
            Some(p) => {
                self.by_profile.entry(p.clone()).or_default().insert(idx);
            }
            None => {
                self.unassigned.insert(idx);
            }
        }
        n.messaging_profile_id = profile;
        n.updated_at = now.to_string();
    }

    /// Replaces a number's tags, keeping the tag index in step.
    pub fn set_tags(&mut self, idx: usize, tags: Vec<String>) {
        let Some(n) = self.account.numbers.get(idx) else {
            return;
        };
        for t in &n.tags {
            if let Some(v) = self.by_tag.get_mut(t) {
                v.retain(|&i| i != idx);
            }
        }
        for t in &tags {
            let v = self.by_tag.entry(t.clone()).or_default();
            let at = v.partition_point(|&i| i < idx);
            v.insert(at, idx);
        }
        if let Some(n) = self.account.numbers.get_mut(idx) {
            n.tags = tags;
        }
    }

    /// Adds a profile.
    pub fn add_profile(&mut self, profile: Profile) {
        self.by_profile.insert(profile.id.clone(), BTreeSet::new());
        self.account.profiles.push(profile);
    }

    /// Deletes a profile; its numbers become unassigned. Returns the deleted profile.
    pub fn delete_profile(&mut self, id: &str, now: &str) -> Option<Profile> {
        let pos = self.account.profiles.iter().position(|p| p.id == id)?;
        let members: Vec<usize> = self
            .by_profile
            .get(id)
            .map(|s| s.iter().copied().collect())
            .unwrap_or_default();
        for idx in members {
            self.set_profile(idx, None, now);
        }
        self.by_profile.remove(id);
        Some(self.account.profiles.remove(pos))
    }

    /// Registers a bulk order.
    pub fn add_order(&mut self, order: BulkOrder) {
        for item in &order.items {
            if item.outcome == BulkOutcome::Pending {
                self.next_due = Some(self.next_due.map_or(item.due, |d| d.min(item.due)));
            }
        }
        self.orders.insert(order.order_id.clone(), order);
    }

    /// True when some bulk item is due at `now` (cheap check under a read lock).
    pub fn has_due(&self, now: Instant) -> bool {
        self.next_due.is_some_and(|d| d <= now)
    }

    /// Applies every bulk item that is due at `now`.
    pub fn settle(&mut self, now: Instant, stamp: &str) {
        if !self.has_due(now) {
            return;
        }
        let mut next: Option<Instant> = None;
        let mut changes: Vec<(usize, Option<String>)> = Vec::new();
        for order in self.orders.values_mut() {
            for item in &mut order.items {
                if item.outcome != BulkOutcome::Pending {
                    continue;
                }
                if item.due <= now {
                    match item.target {
                        Some(idx) => {
                            item.outcome = BulkOutcome::Success;
                            changes.push((idx, order.profile_id.clone()));
                        }
                        None => item.outcome = BulkOutcome::Failed,
                    }
                } else {
                    next = Some(next.map_or(item.due, |d| d.min(item.due)));
                }
            }
        }
        for (idx, profile) in changes {
            // A profile deleted while the order was pending: the number fails to move, it stays put.
            if profile
                .as_ref()
                .is_some_and(|p| !self.by_profile.contains_key(p))
            {
                continue;
            }
            self.apply_write(idx, profile, stamp);
        }
        self.next_due = next;
    }

    /// Count of numbers still pending in bulk orders.
    pub fn pending_bulk_items(&self) -> usize {
        self.orders
            .values()
            .flat_map(|o| &o.items)
            .filter(|i| i.outcome == BulkOutcome::Pending)
            .count()
    }
}

/// Spreads `count` items evenly over `settle`, the last one due exactly at `start + settle`.
pub fn due_times(start: Instant, settle: Duration, count: usize) -> impl Iterator<Item = Instant> {
    (0..count).map(move |i| {
        let frac = (i + 1) as f64 / count.max(1) as f64;
        start + settle.mul_f64(frac)
    })
}

/// What the simulator has been asked to write to numbers' messaging profiles: how a test tells
/// that nothing was sent twice (`GET /_sim/writes`, [`crate::Simulator::writes`]).
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct WriteCounts {
    /// Bulk orders accepted (`POST /messaging_numbers_bulk_updates`).
    pub bulk_orders: u64,
    /// PATCHes of a number that set its `messaging_profile_id`.
    pub patches: u64,
    /// Profile changes applied to a number already on that profile (a write sent again after it
    /// had taken effect).
    pub redundant: u64,
    /// Per number (+E.164): accepted bulk orders listing it plus PATCHes setting its profile.
    pub numbers: std::collections::BTreeMap<String, u32>,
}
