//! The account snapshot: every list readiness needs (numbers, profiles, phone-number statuses, 10DLC
//! assignments, toll-free verifications), fetched in bulk and concurrently — never per number.
//!
//! The numbers and the profiles are required: without them there is nothing to show, and their
//! error fails the load — except that pages of numbers that fail even after their retries and one
//! more try do not throw the other pages away: the snapshot keeps what arrived and names the
//! missing pages ([`Gaps::numbers`]), which can be fetched again by themselves. The three compliance lists are not: when one cannot be loaded (e.g. an
//! account without 10DLC access answers 403) the snapshot records the gap and readiness says
//! "Couldn't check" for the numbers that need it, instead of failing the whole screen.

use std::sync::Mutex;
use std::time::SystemTime;

use serde::Serialize;
use telnyx_client::{
    Client, Error, ListMessagingNumbers, ListMessagingProfiles, ListPhoneNumberCampaigns,
    ListPhoneNumbers, ListVerificationRequests, MessagingNumber, MessagingProfile,
    PhoneNumberCampaign, PhoneNumberStatusRecord, VerificationRequest,
};

/// Everything fetched for the numbers screen, at one moment.
#[derive(Debug, Clone)]
pub struct AccountSnapshot {
    /// `GET /phone_numbers/messaging`: every number with its messaging settings.
    pub numbers: Vec<MessagingNumber>,
    /// `GET /messaging_profiles`.
    pub profiles: Vec<MessagingProfile>,
    /// `GET /phone_numbers`: the inventory, for each number's `status`.
    pub phone_numbers: Vec<PhoneNumberStatusRecord>,
    /// `GET /10dlc/phone_number_campaigns`: number ↔ campaign assignments.
    pub campaigns: Vec<PhoneNumberCampaign>,
    /// `GET /messaging_tollfree/verification/requests`.
    pub verifications: Vec<VerificationRequest>,
    /// The lists above that are missing (their vectors are then empty), and why.
    pub gaps: Gaps,
    /// When the last list finished loading.
    pub loaded_at: SystemTime,
}

/// Why a list is missing from a snapshot.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Gap {
    /// Not loaded yet: a first look, shown while the other pages arrive.
    Loading,
    /// Telnyx did not give it; why, in plain words.
    Failed(String),
}

/// The compliance lists a snapshot may lack, each with why (`None`: loaded).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Gaps {
    /// `GET /phone_numbers` (statuses).
    pub inventory: Option<Gap>,
    /// `GET /10dlc/phone_number_campaigns`.
    pub campaigns: Option<Gap>,
    /// `GET /messaging_tollfree/verification/requests`.
    pub verifications: Option<Gap>,
    /// Pages of `GET /phone_numbers/messaging` that did not arrive after their retries and one
    /// more try: the numbers on them are not in the snapshot (the rest are).
    pub numbers: Option<MissingPages>,
    /// Pages of numbers that failed once and arrived on their second try (nothing is missing
    /// for them): without that try, the load would have lacked them.
    pub retried_number_pages: Vec<u32>,
    /// A first look: how many numbers the listing announced (`meta.total_results`); the ones
    /// beyond the first page are still on their way.
    pub numbers_announced: Option<u32>,
}

/// Pages of a listing that did not arrive.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MissingPages {
    /// The page numbers, in order.
    pub pages: Vec<u32>,
    /// Pages the listing has.
    pub total_pages: u32,
    /// Records a page.
    pub page_size: u32,
    /// Why the first of them failed, in plain words.
    pub why: String,
}

impl Gaps {
    /// Every compliance list still loading.
    pub fn loading() -> Self {
        Gaps {
            inventory: Some(Gap::Loading),
            campaigns: Some(Gap::Loading),
            verifications: Some(Gap::Loading),
            ..Gaps::default()
        }
    }

    /// The lists that could not be loaded, in plain words: (what, why).
    pub fn failures(&self) -> Vec<(&'static str, String)> {
        [
            ("the phone-number statuses", &self.inventory),
            ("the 10DLC campaign assignments", &self.campaigns),
            ("the toll-free verification requests", &self.verifications),
        ]
        .into_iter()
        .filter_map(|(what, gap)| match gap {
            Some(Gap::Failed(why)) => Some((what, why.clone())),
            _ => None,
        })
        .collect()
    }
}

/// Loading progress, summed over the five lists. A list whose first page has not arrived yet
/// counts as one page to do, so `total_pages` grows as the lists announce their sizes and
/// `pages_done == total_pages` only at the end.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct LoadProgress {
    pub pages_done: u32,
    pub total_pages: u32,
}

const NUMBERS: usize = 0;
const PROFILES: usize = 1;
const INVENTORY: usize = 2;
const CAMPAIGNS: usize = 3;
const VERIFICATIONS: usize = 4;

/// The load's progress: per list (done, total) pages, reported summed.
struct LoadTally<'a, F: Fn(LoadProgress)> {
    lists: Mutex<[(u32, u32); 5]>,
    report: &'a F,
}

impl<F: Fn(LoadProgress)> LoadTally<'_, F> {
    fn set(&self, list: usize, done: u32, total: u32) {
        // A poisoned lock only means an earlier report panicked; the counts are still usable.
        let mut lists = self.lists.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(slot) = lists.get_mut(list) {
            *slot = (done, total.max(done));
        }
        let (pages_done, total_pages) = lists.iter().fold((0u32, 0u32), |(d, t), (ld, lt)| {
            (d.saturating_add(*ld), t.saturating_add(*lt))
        });
        // Reported under the lock so that reports arrive in order.
        (self.report)(LoadProgress {
            pages_done,
            total_pages,
        });
    }

    /// A list that ended early (it failed): its pages count as done.
    fn finish(&self, list: usize) {
        let total = {
            let lists = self.lists.lock().unwrap_or_else(|e| e.into_inner());
            lists.get(list).map_or(1, |(_, total)| *total)
        };
        self.set(list, total, total);
    }
}

/// How many records the long lists of a snapshot had: what the next load of the account can
/// expect ([`load_snapshot`]).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ListSizes {
    /// Numbers with messaging settings.
    pub numbers: usize,
    /// The phone-number inventory.
    pub phone_numbers: usize,
    /// 10DLC assignments (0: not known, as in files written before it was kept). On an account of
    /// mostly US long codes it is about as long as the numbers; listed first page first, it would
    /// end a load a round trip after them.
    #[serde(default)]
    pub campaigns: usize,
}

impl AccountSnapshot {
    /// A snapshot of nothing: no numbers, profiles or lists, loaded at 1970 (so anything newer
    /// replaces it).
    pub fn empty() -> Self {
        AccountSnapshot {
            numbers: Vec::new(),
            profiles: Vec::new(),
            phone_numbers: Vec::new(),
            campaigns: Vec::new(),
            verifications: Vec::new(),
            gaps: Gaps::default(),
            loaded_at: SystemTime::UNIX_EPOCH,
        }
    }

    /// The sizes of this snapshot's long lists, for the next load to expect.
    pub fn sizes(&self) -> ListSizes {
        ListSizes {
            numbers: self.numbers.len(),
            phone_numbers: self.phone_numbers.len(),
            campaigns: self.campaigns.len(),
        }
    }
}

/// The first page of numbers and the profiles, kept until both are in, for the first look.
#[derive(Default)]
struct FirstLook {
    numbers: Option<Vec<MessagingNumber>>,
    profiles: Option<Vec<MessagingProfile>>,
    /// How many numbers the first page announced.
    announced: Option<u32>,
    /// Whether a first look is worth it (more than one page of numbers) and not yet shown.
    wanted: bool,
}

/// Loads the whole account for the numbers screen: the five lists concurrently, each paged with
/// bounded concurrency (the client's `page_concurrency`), reporting progress after every page.
///
/// When the account has more than one page of numbers, `on_first_look` (if given) receives, as soon
/// as the first page and the profiles are in, a snapshot of just those (its compliance lists marked
/// [`Gap::Loading`]), so a screen can show them while the rest arrives. Without it nothing is kept
/// for a first look.
///
/// `expected` (the sizes of the last snapshot of the account, or none) lets the long lists (numbers,
/// inventory, 10DLC assignments) ask for all their pages at once rather than wait for the first
/// page to tell the count: a round trip less. The first look then comes from the first page as soon
/// as it arrives among the others.
///
/// An error in the numbers or the profiles fails the load; an error in a compliance list is
/// recorded in [`AccountSnapshot::gaps`].
pub async fn load_snapshot(
    client: &Client,
    expected: ListSizes,
    on_progress: impl Fn(LoadProgress) + Send + Sync,
    on_first_look: Option<&(dyn Fn(&AccountSnapshot) + Send + Sync)>,
) -> Result<AccountSnapshot, Error> {
    let tally = LoadTally {
        lists: Mutex::new([(0, 1); 5]),
        report: &on_progress,
    };
    tally.set(NUMBERS, 0, 1);
    let tally = &tally;
    let first_look = Mutex::new(FirstLook::default());
    let offer = |update: &dyn Fn(&mut FirstLook)| {
        let mut look = first_look.lock().unwrap_or_else(|e| e.into_inner());
        update(&mut look);
        let Some(show) = on_first_look.filter(|_| look.wanted) else {
            return;
        };
        if look.numbers.is_some() && look.profiles.is_some() {
            look.wanted = false;
            let numbers = look.numbers.take().unwrap_or_default();
            let profiles = look.profiles.take().unwrap_or_default();
            show(&AccountSnapshot {
                numbers,
                profiles,
                phone_numbers: Vec::new(),
                campaigns: Vec::new(),
                verifications: Vec::new(),
                gaps: Gaps {
                    numbers_announced: look.announced,
                    ..Gaps::loading()
                },
                loaded_at: SystemTime::now(),
            });
        }
    };
    let offer = &offer;

    let number_filter = ListMessagingNumbers::default();
    let profile_filter = ListMessagingProfiles::default();
    let campaign_filter = ListPhoneNumberCampaigns::default();
    let inventory_filter = ListPhoneNumbers::default();
    let verification_filter = ListVerificationRequests::default();

    let numbers = async {
        // Without an expected size, the first page comes alone; with one, among the others.
        let first_page = |first: &telnyx_client::Page<MessagingNumber>| {
            if first.meta.total_pages > 1 && on_first_look.is_some() {
                offer(&|look| {
                    look.wanted = true;
                    look.numbers = Some(first.data.clone());
                    look.announced = Some(first.meta.total_results);
                });
            }
        };
        client
            .list_messaging_numbers_partial(&number_filter, expected.numbers, first_page, |p| {
                tally.set(NUMBERS, p.pages_done, p.total_pages)
            })
            .await
    };
    // The client's list-all helper for profiles reports no progress: it counts as one page.
    let profiles = async {
        let profiles = client.list_all_messaging_profiles(&profile_filter).await?;
        tally.set(PROFILES, 1, 1);
        if on_first_look.is_some() {
            offer(&|look| look.profiles = Some(profiles.clone()));
        }
        Ok(profiles)
    };
    let inventory = async {
        let listed = client
            .list_all_phone_number_statuses_expecting(
                &inventory_filter,
                expected.phone_numbers,
                |p| tally.set(INVENTORY, p.pages_done, p.total_pages),
            )
            .await;
        Ok(kept(tally, INVENTORY, listed))
    };
    let campaigns = async {
        let listed = client
            .list_all_phone_number_campaigns_expecting(&campaign_filter, expected.campaigns, |p| {
                tally.set(CAMPAIGNS, p.pages_done, p.total_pages)
            })
            .await;
        Ok(kept(tally, CAMPAIGNS, listed))
    };
    let verifications = async {
        let listed = client
            .list_all_verification_requests(&verification_filter, |p| {
                tally.set(VERIFICATIONS, p.pages_done, p.total_pages)
            })
            .await;
        Ok(kept(tally, VERIFICATIONS, listed))
    };

    let (
        numbers,
        profiles,
        (phone_numbers, inventory_gap),
        (campaigns, campaign_gap),
        (verifications, verification_gap),
    ) = futures::try_join!(numbers, profiles, inventory, campaigns, verifications)?;
    let missing_numbers = missing_pages(&numbers.missing, numbers.total_pages);
    if let Some(missing) = &missing_numbers {
        tracing::warn!(pages = ?missing.pages, "numbers pages missing after retries: {}", missing.why);
    }
    Ok(AccountSnapshot {
        numbers: numbers.records,
        profiles,
        phone_numbers,
        campaigns,
        verifications,
        gaps: Gaps {
            inventory: inventory_gap,
            campaigns: campaign_gap,
            verifications: verification_gap,
            numbers: missing_numbers,
            retried_number_pages: numbers.retried,
            numbers_announced: None,
        },
        loaded_at: SystemTime::now(),
    })
}

/// The pages of numbers that did not arrive, in words (`None`: none is missing).
pub(crate) fn missing_pages(missing: &[(u32, Error)], total_pages: u32) -> Option<MissingPages> {
    let (_, first) = missing.first()?;
    Some(MissingPages {
        pages: missing.iter().map(|(n, _)| *n).collect(),
        total_pages,
        page_size: telnyx_client::MAX_PAGE_SIZE,
        why: crate::error::explain_telnyx(first),
    })
}

/// A compliance list's records, or none and the gap when it failed.
fn kept<T, F: Fn(LoadProgress)>(
    tally: &LoadTally<'_, F>,
    list: usize,
    listed: Result<Vec<T>, Error>,
) -> (Vec<T>, Option<Gap>) {
    match listed {
        Ok(records) => (records, None),
        Err(err) => {
            tally.finish(list);
            (
                Vec::new(),
                Some(Gap::Failed(crate::error::explain_telnyx(&err))),
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The app shell awaits `load_snapshot` inside Tauri commands, which need `Send` futures.
    #[test]
    fn load_snapshot_is_send() {
        fn assert_send<T: Send>(_: &T) {}
        let client = Client::builder("http://127.0.0.1:9/v2", telnyx_client::ApiKey::new("k"))
            .build()
            .expect("client builds");
        let future = load_snapshot(&client, ListSizes::default(), |_| {}, None);
        assert_send(&future);
    }

    #[test]
    fn progress_is_summed_over_the_lists() {
        let reports = Mutex::new(Vec::new());
        let report = |p: LoadProgress| reports.lock().unwrap_or_else(|e| e.into_inner()).push(p);
        let tally = LoadTally {
            lists: Mutex::new([(0, 1); 5]),
            report: &report,
        };
        tally.set(NUMBERS, 1, 40);
        tally.set(PROFILES, 1, 1);
        tally.set(NUMBERS, 40, 40);
        let reports = reports.into_inner().unwrap_or_else(|e| e.into_inner());
        assert_eq!(
            reports,
            vec![
                LoadProgress {
                    pages_done: 1,
                    total_pages: 44
                },
                LoadProgress {
                    pages_done: 2,
                    total_pages: 44
                },
                LoadProgress {
                    pages_done: 41,
                    total_pages: 44
                },
            ]
        );
    }
}
