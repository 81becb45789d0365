//! The numbers screen's service: loads the account snapshot into rows, keeps the snapshot so one
//! number's raw record can be shown and its row recomputed after an assignment, and assigns or
//! unassigns a number's messaging profile through the client.

use std::sync::Mutex;
use std::time::UNIX_EPOCH;

use serde::Serialize;
use telnyx_client::{
    Client, CreateMessagingProfile, Error, MessagingNumber, MessagingProfile, MessagingProfileId,
    NumberRef, PhoneNumberId, ProfileChange, UpdateMessagingNumber,
};

use crate::rules::columns::RowColumns;
use crate::rules::profiles::ProfileSummary;
use crate::rules::readiness::thousands;
use crate::rules::rows::{ListRow, NumberRow, SnapshotIndex};
use crate::services::sizes::RememberedSizes;
use crate::services::snapshot::{
    load_snapshot, missing_pages, AccountSnapshot, ListSizes, LoadProgress, MissingPages,
};

/// Everything the numbers screen lists, at one moment.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct NumbersList {
    /// Every messaging number, in the order the API listed them, as the table needs it
    /// ([`NumberDetail`] carries the rest of one number), column by column.
    pub rows: RowColumns,
    /// Every messaging profile of the account (also those without numbers).
    pub profiles: Vec<ProfileSummary>,
    /// When the snapshot finished loading, in milliseconds since 1970 (UTC).
    pub loaded_at_ms: f64,
    /// False for a first look: the first page of numbers only, their compliance still loading.
    pub complete: bool,
    /// A first look: how many numbers Telnyx announced in all ("250 of about 10,000").
    pub about_total: Option<u32>,
    /// Lists Telnyx did not give (readiness says "Couldn't check" where they were needed).
    pub unavailable: Vec<UnavailableList>,
    /// Numbers that did not arrive: pages of the list that still failed after their retries and
    /// one more try (`None`: every number is here).
    pub missing: Option<MissingNumbers>,
}

/// Pages of numbers that did not arrive, for the notice that names them and offers to load them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct MissingNumbers {
    /// The missing pages, in order.
    pub pages: Vec<u32>,
    /// Pages the list has.
    pub total_pages: u32,
    /// About how many numbers are missing (a page holds up to this many: `pages × page size`,
    /// less on the last page).
    pub about_numbers: u32,
    /// Their place in Telnyx's order, e.g. "numbers 2,751–3,000 and 7,501–7,750".
    pub positions: String,
    /// Why, in plain words.
    pub why: String,
}

/// A list that could not be loaded, in plain words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct UnavailableList {
    /// E.g. "the 10DLC campaign assignments".
    pub what: String,
    /// Whole sentences, e.g. "Telnyx refused the request (error 10010: Authorization failed). The
    /// API key is not allowed to do this: …".
    pub reason: String,
}

/// One number's row with the record Telnyx returned, as indented JSON for the "Details" disclosure.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct NumberDetail {
    pub row: NumberRow,
    pub raw_json: String,
}

/// What to do with a number's messaging profile.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProfileTarget {
    /// Put the number on this profile (assign, or move from another profile).
    Assign(MessagingProfileId),
    /// Take the number off its profile (`"messaging_profile_id": ""`).
    Unassign,
}

impl ProfileTarget {
    /// The target a person chose: a profile id, or none (blank or `None`) to unassign.
    pub fn from_choice(profile_id: Option<String>) -> Self {
        match profile_id.filter(|p| !p.trim().is_empty()) {
            Some(profile) => ProfileTarget::Assign(MessagingProfileId::new(profile)),
            None => ProfileTarget::Unassign,
        }
    }
}

/// What became of a change of a number's profile, as far as Telnyx can tell.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(tag = "outcome", rename_all = "camelCase")]
pub enum ChangeOutcome {
    /// Telnyx answered that the number is changed.
    Made,
    /// The answer to the change was lost or unreadable, and reading the number afterwards shows
    /// Telnyx holds the change: it was made.
    MadeAfterAll,
    /// Reading the number shows Telnyx does not hold the change: it was not made.
    NotMade,
    /// Neither the change's answer nor a read of the number afterwards came back: Number Desk
    /// cannot tell whether the change was made. `readFailure` says why the read failed.
    #[serde(rename_all = "camelCase")]
    Unknown { read_failure: String },
}

/// A change of a number's profile and what became of it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct ProfileChangeReport {
    pub outcome: ChangeOutcome,
    /// Why the change's own answer could not be used (a dropped connection, a timeout, a cut-off
    /// answer, a server error), in plain words; `None` when it arrived, and for a check asked for
    /// by the person.
    pub lost_answer: Option<String>,
    /// The number's row as Telnyx now holds it; when the outcome is unknown, as last known (`None`
    /// when it is not in the kept snapshot).
    pub row: Option<ListRow>,
}

/// The last snapshot loaded for the numbers screen, of one account (a snapshot of another account
/// is never used). The lock is never held across a request.
#[derive(Debug, Default)]
pub struct NumbersService {
    cached: Mutex<Option<Cached>>,
    /// Each account's sizes from its last load, between runs (none: not kept).
    remembered: Option<RememberedSizes>,
}

#[derive(Debug)]
struct Cached {
    /// The account the snapshot is of (two accounts may share an API address).
    account: String,
    snapshot: AccountSnapshot,
}

impl NumbersService {
    pub fn new() -> Self {
        Self::default()
    }

    /// A service that remembers each account's list sizes in `remembered` between runs, so the
    /// first load of a session saves a round trip too.
    pub fn remembering(remembered: RememberedSizes) -> Self {
        NumbersService {
            remembered: Some(remembered),
            ..Self::default()
        }
    }

    /// Seeds the remembered sizes of `account` with about `numbers` numbers (e.g. as a key check
    /// counted them) when nothing is known of it yet, so its first load asks for every page at
    /// once. The inventory is taken to be as long: usually it is, and when not, the difference is
    /// fetched after or dropped.
    pub fn seed_sizes(&self, account: &str, numbers: usize) {
        if let Some(remembered) = &self.remembered {
            if remembered.get(account) == ListSizes::default() {
                // The 10DLC assignments are left unknown: a key check says nothing of them.
                remembered.put(
                    account,
                    ListSizes {
                        numbers,
                        phone_numbers: numbers,
                        ..ListSizes::default()
                    },
                );
            }
        }
    }

    /// Drops what is kept of `account` (its snapshot, its remembered sizes): it was forgotten.
    pub fn forget(&self, account: &str) {
        let mut guard = self.lock();
        if guard.as_ref().is_some_and(|c| c.account == account) {
            *guard = None;
        }
        drop(guard);
        if let Some(remembered) = &self.remembered {
            remembered.forget(account);
        }
    }

    /// Loads the whole of `account` (reporting page progress, and, when `on_first_look` is given, a
    /// first look at the first page of numbers when there are more) and returns its rows; the
    /// snapshot is kept for [`NumbersService::detail`] and [`NumbersService::set_profile`].
    pub async fn load(
        &self,
        account: &str,
        client: &Client,
        on_progress: impl Fn(LoadProgress) + Send + Sync,
        on_first_look: Option<&(dyn Fn(NumbersList) + Send + Sync)>,
    ) -> Result<NumbersList, Error> {
        let show =
            on_first_look.map(|show| move |first: &AccountSnapshot| show(list_of(first, false)));
        let show = show
            .as_ref()
            .map(|f| f as &(dyn Fn(&AccountSnapshot) + Send + Sync));
        // A reload expects the sizes the account had (this run, else the last): a round trip less.
        let kept = self
            .lock()
            .as_ref()
            .filter(|c| c.account == account)
            .map(|c| c.snapshot.sizes());
        let expected = kept
            .or_else(|| self.remembered.as_ref().map(|r| r.get(account)))
            .unwrap_or_default();
        let snapshot = load_snapshot(client, expected, on_progress, show).await?;
        if let Some(remembered) = &self.remembered {
            remembered.put(account, snapshot.sizes());
        }
        let list = list_of(&snapshot, true);
        self.store(account, snapshot);
        Ok(list)
    }

    /// Fetches again, by themselves, the pages of numbers the last load of `account` missed
    /// ([`NumbersList::missing`]) and returns the list with what arrived added (a number already
    /// there is not added twice). Pages that fail again stay missing. Without a kept snapshot of
    /// the account, or with nothing missing, the list is returned as it is (loading it first).
    pub async fn load_missing(&self, account: &str, client: &Client) -> Result<NumbersList, Error> {
        self.ensure_loaded(account, client).await?;
        let wanted = self
            .lock()
            .as_ref()
            .filter(|c| c.account == account)
            .and_then(|c| c.snapshot.gaps.numbers.clone());
        if let Some(wanted) = wanted {
            let filter = telnyx_client::ListMessagingNumbers::default();
            let (arrived, still) = client.messaging_number_pages(&filter, &wanted.pages).await;
            let mut guard = self.lock();
            if let Some(cached) = guard.as_mut().filter(|c| c.account == account) {
                let snapshot = &mut cached.snapshot;
                let known: std::collections::HashSet<_> =
                    snapshot.numbers.iter().map(|n| n.id.clone()).collect();
                snapshot
                    .numbers
                    .extend(arrived.into_iter().filter(|n| !known.contains(&n.id)));
                snapshot.gaps.numbers = missing_pages(&still, wanted.total_pages);
            }
        }
        let guard = self.lock();
        match guard.as_ref().filter(|c| c.account == account) {
            Some(cached) => Ok(list_of(&cached.snapshot, true)),
            None => Ok(list_of(&AccountSnapshot::empty(), true)),
        }
    }

    /// One number's row and raw record, from the kept snapshot (loaded first when there is none).
    /// `None` when the account has no number with this id.
    pub async fn detail(
        &self,
        account: &str,
        client: &Client,
        id: &str,
    ) -> Result<Option<NumberDetail>, Error> {
        self.ensure_loaded(account, client).await?;
        let guard = self.lock();
        let Some(cached) = guard.as_ref() else {
            return Ok(None);
        };
        let snapshot = &cached.snapshot;
        let Some(number) = snapshot.numbers.iter().find(|n| n.id.as_str() == id) else {
            return Ok(None);
        };
        let raw_json = serde_json::to_string_pretty(number).unwrap_or_default();
        Ok(Some(NumberDetail {
            row: SnapshotIndex::new(snapshot).row(number),
            raw_json,
        }))
    }

    /// Assigns or unassigns one number's messaging profile (`PATCH /phone_numbers/{id}/messaging`)
    /// and reports what became of it with the number's row recomputed from what Telnyx holds.
    ///
    /// A refusal from Telnyx (or a request that could not be sent) is an `Err`: nothing changed.
    /// When the request may have been carried out but its answer was lost or unreadable
    /// ([`Error::outcome_unknown`]), the number is read back to learn whether Telnyx holds the
    /// change ([`ChangeOutcome::MadeAfterAll`] / [`ChangeOutcome::NotMade`]); if even that read
    /// fails, the outcome is [`ChangeOutcome::Unknown`], never "not changed". The write itself is
    /// not re-sent here (the client already repeats this idempotent PATCH within its retries).
    pub async fn set_profile(
        &self,
        account: &str,
        client: &Client,
        id: &str,
        target: ProfileTarget,
    ) -> Result<ProfileChangeReport, Error> {
        let change = match &target {
            ProfileTarget::Assign(profile) => ProfileChange::Assign(profile.clone()),
            ProfileTarget::Unassign => ProfileChange::Unassign,
        };
        let update = UpdateMessagingNumber {
            messaging_profile_id: change,
            ..UpdateMessagingNumber::default()
        };
        match client
            .update_messaging_number(&NumberRef::Id(PhoneNumberId::new(id)), &update)
            .await
        {
            Ok(updated) => Ok(ProfileChangeReport {
                outcome: ChangeOutcome::Made,
                lost_answer: None,
                row: Some(self.keep_number(account, client, updated).await.into()),
            }),
            Err(err) if err.outcome_unknown() => {
                let lost = crate::error::explain_telnyx(&err);
                tracing::warn!(
                    number = id,
                    "the answer to a profile change was lost: {err}"
                );
                self.check_change(account, client, id, &target, Some(lost))
                    .await
            }
            Err(err) => Err(err),
        }
    }

    /// Reads one number from Telnyx (`GET /phone_numbers/{id}/messaging`) and reports whether it
    /// holds `target`: after a change whose answer was lost (`lost_answer`), or when the person asks
    /// to check again. The row is refreshed in the kept snapshot. Never an `Err` for a failed read:
    /// that is [`ChangeOutcome::Unknown`].
    pub async fn check_change(
        &self,
        account: &str,
        client: &Client,
        id: &str,
        target: &ProfileTarget,
        lost_answer: Option<String>,
    ) -> Result<ProfileChangeReport, Error> {
        match client
            .get_messaging_number(&NumberRef::Id(PhoneNumberId::new(id)))
            .await
        {
            Ok(number) => {
                let holds = match target {
                    ProfileTarget::Assign(profile) => {
                        number.messaging_profile_id.as_ref() == Some(profile)
                    }
                    ProfileTarget::Unassign => number.messaging_profile_id.is_none(),
                };
                let row = self.keep_number(account, client, number).await;
                Ok(ProfileChangeReport {
                    outcome: if holds {
                        ChangeOutcome::MadeAfterAll
                    } else {
                        ChangeOutcome::NotMade
                    },
                    lost_answer,
                    row: Some(row.into()),
                })
            }
            Err(read) => {
                let row = self
                    .lock()
                    .as_ref()
                    .filter(|c| c.account == account)
                    .and_then(|c| {
                        let snapshot = &c.snapshot;
                        snapshot
                            .numbers
                            .iter()
                            .find(|n| n.id.as_str() == id)
                            .map(|n| SnapshotIndex::new(snapshot).row(n).into())
                    });
                Ok(ProfileChangeReport {
                    outcome: ChangeOutcome::Unknown {
                        read_failure: crate::error::explain_telnyx(&read),
                    },
                    lost_answer,
                    row,
                })
            }
        }
    }

    /// Puts a number as Telnyx returned it into the kept snapshot and returns its row.
    async fn keep_number(
        &self,
        account: &str,
        client: &Client,
        number: MessagingNumber,
    ) -> NumberRow {
        // The change is made: failing to load the rest of the account must not make it look
        // otherwise, so a failed load only costs the row its profile name and compliance.
        if let Err(err) = self.ensure_loaded(account, client).await {
            tracing::warn!("could not load the account to recompute a changed number: {err}");
        }
        let mut guard = self.lock();
        match guard.as_mut().filter(|c| c.account == account) {
            Some(cached) => replace_number(&mut cached.snapshot, number),
            // Another account was opened meanwhile, or the load failed: answer from Telnyx alone.
            None => SnapshotIndex::new(&AccountSnapshot::empty()).row(&number),
        }
    }

    /// Creates a messaging profile (`POST /messaging_profiles`; see
    /// [`crate::rules::profiles::creation_request`]) and adds it to the kept snapshot, so numbers can be
    /// assigned to it before the next refresh. Not retried: a repeat could create a second one.
    pub async fn create_profile(
        &self,
        account: &str,
        client: &Client,
        body: &CreateMessagingProfile,
    ) -> Result<ProfileSummary, Error> {
        let created = client.create_messaging_profile(body).await?;
        let summary = ProfileSummary::of(&created);
        if let Some(cached) = self.lock().as_mut().filter(|c| c.account == account) {
            cached.snapshot.profiles.push(created);
        }
        Ok(summary)
    }

    /// Puts a profile as Telnyx returned it after a change (a Troubleshoot fix) into the kept
    /// snapshot of `account`, so the lists, previews and scans read it before the next refresh.
    pub fn keep_profile(&self, account: &str, profile: MessagingProfile) {
        if let Some(cached) = self.lock().as_mut().filter(|c| c.account == account) {
            let profiles = &mut cached.snapshot.profiles;
            match profiles.iter_mut().find(|p| p.id == profile.id) {
                Some(kept) => *kept = profile,
                None => profiles.push(profile),
            }
        }
    }

    /// Runs `read` over the kept snapshot of `account` (loading it first when there is none): the
    /// bulk preview and the CSV checks plan from the same numbers the screen shows.
    pub async fn with_snapshot<R>(
        &self,
        account: &str,
        client: &Client,
        read: impl FnOnce(&AccountSnapshot) -> R,
    ) -> Result<R, Error> {
        self.ensure_loaded(account, client).await?;
        let guard = self.lock();
        match guard.as_ref().filter(|c| c.account == account) {
            Some(cached) => Ok(read(&cached.snapshot)),
            None => Ok(read(&AccountSnapshot::empty())),
        }
    }

    async fn ensure_loaded(&self, account: &str, client: &Client) -> Result<(), Error> {
        let fresh = self.lock().as_ref().is_some_and(|c| c.account == account);
        if !fresh {
            let snapshot = load_snapshot(client, ListSizes::default(), |_| {}, None).await?;
            self.store(account, snapshot);
        }
        Ok(())
    }

    fn store(&self, account: &str, snapshot: AccountSnapshot) {
        *self.lock() = Some(Cached {
            account: account.to_owned(),
            snapshot,
        });
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Option<Cached>> {
        // A poisoned lock only means a panic elsewhere; the snapshot itself is still whole.
        self.cached.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// The rows and profiles of a snapshot (`complete`: false for a first look).
pub fn list_of(snapshot: &AccountSnapshot, complete: bool) -> NumbersList {
    let index = SnapshotIndex::new(snapshot);
    NumbersList {
        rows: RowColumns::from_rows(list_rows(&index, &snapshot.numbers)),
        profiles: snapshot.profiles.iter().map(ProfileSummary::of).collect(),
        loaded_at_ms: snapshot
            .loaded_at
            .duration_since(UNIX_EPOCH)
            .map_or(0.0, |d| d.as_secs_f64() * 1000.0),
        complete,
        about_total: snapshot.gaps.numbers_announced,
        unavailable: snapshot
            .gaps
            .failures()
            .into_iter()
            .map(|(what, reason)| UnavailableList {
                what: what.to_owned(),
                reason,
            })
            .collect(),
        missing: snapshot
            .gaps
            .numbers
            .as_ref()
            .map(|m| missing_numbers(m, snapshot)),
    }
}

/// The missing pages in words: how many numbers about, and where in Telnyx's order.
fn missing_numbers(missing: &MissingPages, snapshot: &AccountSnapshot) -> MissingNumbers {
    let size = missing.page_size;
    // Numbers listed: the ones here and the ones missing; the last page may be short.
    let arrived = u32::try_from(snapshot.numbers.len()).unwrap_or(u32::MAX);
    let full = missing.pages.len() as u32 * size;
    let last_short = missing
        .pages
        .last()
        .filter(|&&p| p == missing.total_pages)
        .map_or(0, |_| {
            let listed_before_last = (missing.total_pages - 1) * size;
            let on_last = arrived
                .saturating_add(full)
                .saturating_sub(listed_before_last)
                .min(size);
            size - on_last.max(1)
        });
    let spans: Vec<String> = missing
        .pages
        .iter()
        .map(|p| {
            let first = (p - 1) * size + 1;
            format!(
                "{}–{}",
                thousands(i64::from(first)),
                thousands(i64::from(p * size))
            )
        })
        .collect();
    let positions = match spans.as_slice() {
        [] => String::new(),
        [one] => format!("numbers {one}"),
        [rest @ .., last] if rest.len() < 4 => format!("numbers {} and {last}", rest.join(", ")),
        [first, ..] => format!(
            "numbers {first} and {} more stretches of {size}",
            spans.len() - 1
        ),
    };
    MissingNumbers {
        pages: missing.pages.clone(),
        total_pages: missing.total_pages,
        about_numbers: full.saturating_sub(last_short),
        positions,
        why: missing.why.clone(),
    }
}

/// The numbers' list rows, in order, computed on every core (readiness for 10,000 numbers is
/// tens of milliseconds on one).
fn list_rows(index: &SnapshotIndex<'_>, numbers: &[MessagingNumber]) -> Vec<ListRow> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get().min(8));
    if threads < 2 || numbers.len() < 1_000 {
        return numbers.iter().map(|n| index.list_row(n)).collect();
    }
    let chunk = numbers.len().div_ceil(threads);
    std::thread::scope(|scope| {
        let parts: Vec<_> = numbers
            .chunks(chunk)
            .map(|part| scope.spawn(move || part.iter().map(|n| index.list_row(n)).collect()))
            .collect();
        let mut rows = Vec::with_capacity(numbers.len());
        for part in parts {
            // A panic in a row would be a bug; it surfaces here as it would have on one thread.
            let part: Vec<ListRow> = part.join().unwrap_or_else(|e| std::panic::resume_unwind(e));
            rows.extend(part);
        }
        rows
    })
}

/// Puts `updated` in place of the number with the same id (or appends it) and returns its row.
fn replace_number(snapshot: &mut AccountSnapshot, updated: MessagingNumber) -> NumberRow {
    match snapshot.numbers.iter_mut().find(|n| n.id == updated.id) {
        Some(slot) => *slot = updated.clone(),
        None => snapshot.numbers.push(updated.clone()),
    }
    SnapshotIndex::new(snapshot).row(&updated)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn snapshot() -> AccountSnapshot {
        let numbers = json!([
            {"id": "1", "phone_number": "+12125550100", "messaging_profile_id": null, "type": "longcode",
             "country_code": "US", "features": {"sms": {"domestic_two_way": true, "international_inbound": true, "international_outbound": true}, "mms": null}},
        ]);
        let profiles = json!([{"id": "p-1", "name": "Support Line", "enabled": true}, {"id": "p-2", "name": "Old", "enabled": false}]);
        let mut s = AccountSnapshot::empty();
        s.loaded_at = std::time::SystemTime::now();
        s.numbers = serde_json::from_value(numbers).expect("numbers");
        s.profiles = serde_json::from_value(profiles).expect("profiles");
        s
    }

    #[test]
    fn list_names_every_profile_even_without_numbers() {
        let list = list_of(&snapshot(), true);
        assert_eq!(list.rows.len(), 1);
        assert_eq!(
            list.rows.verdict[0],
            crate::rules::readiness::Verdict::NoProfile
        );
        assert_eq!(list.profiles.len(), 2);
        assert!(!list.profiles[1].enabled);
        assert!(list.loaded_at_ms > 0.0);
    }

    #[test]
    fn a_replaced_number_gets_its_new_profile_name() {
        let mut s = snapshot();
        let mut updated = s.numbers[0].clone();
        updated.messaging_profile_id = Some(MessagingProfileId::new("p-1"));
        let row = replace_number(&mut s, updated);
        assert_eq!(row.list.profile_name.as_deref(), Some("Support Line"));
        assert_eq!(
            s.numbers[0]
                .messaging_profile_id
                .as_ref()
                .map(|p| p.as_str()),
            Some("p-1")
        );
        assert_eq!(s.numbers.len(), 1);
    }

    #[test]
    fn a_key_checks_count_is_expected_only_when_nothing_is_known() {
        let dir = std::env::temp_dir().join(format!("desk-core-expect-{}", std::process::id()));
        let path = dir.join("list-sizes.json");
        let service = NumbersService::remembering(RememberedSizes::at(&path));
        service.seed_sizes("a", 1_200);
        let sizes = RememberedSizes::at(&path).get("a");
        assert_eq!((sizes.numbers, sizes.phone_numbers), (1_200, 1_200));
        // What a load found wins over a later guess.
        RememberedSizes::at(&path).put(
            "b",
            ListSizes {
                numbers: 10,
                phone_numbers: 12,
                campaigns: 3,
            },
        );
        let service = NumbersService::remembering(RememberedSizes::at(&path));
        service.seed_sizes("b", 99);
        assert_eq!(RememberedSizes::at(&path).get("b").phone_numbers, 12);
        service.forget("a");
        assert_eq!(RememberedSizes::at(&path).get("a"), ListSizes::default());
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn a_list_telnyx_refused_is_named_in_plain_words() {
        let mut s = snapshot();
        s.gaps.campaigns = Some(crate::services::snapshot::Gap::Failed(
            "Telnyx refused it (error 10010: Authorization failed)".into(),
        ));
        let list = list_of(&s, true);
        assert_eq!(
            list.unavailable,
            vec![UnavailableList {
                what: "the 10DLC campaign assignments".into(),
                reason: "Telnyx refused it (error 10010: Authorization failed)".into(),
            }]
        );
        // A list still loading is not "unavailable": a first look says so through `complete`.
        s.gaps = crate::services::snapshot::Gaps {
            numbers_announced: Some(10_000),
            ..crate::services::snapshot::Gaps::loading()
        };
        let first = list_of(&s, false);
        assert!(first.unavailable.is_empty());
        assert!(!first.complete);
        assert_eq!(first.about_total, Some(10_000));
    }
}
