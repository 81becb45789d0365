//! The account snapshot: every list readiness needs (numbers, profiles, phone-number statuses, 10DLC
//! assignments, toll-free verifications), fetched in bulk and concurrently — never per number.

use std::future::Future;
use std::sync::Mutex;
use std::time::SystemTime;

use futures::stream::{self, StreamExt, TryStreamExt};
use serde::Serialize;
use telnyx_client::{
    Client, Error, ListMessagingNumbers, ListMessagingProfiles, ListPhoneNumberCampaigns,
    ListPhoneNumbers, ListVerificationRequests, MessagingNumber, MessagingProfile, PhoneNumber,
    PhoneNumberCampaign, VerificationRequest, MAX_PAGES, MAX_PAGE_SIZE,
};

/// Everything fetched for the numbers screen, at one moment.
#[derive(Debug, Clone)]
pub struct AccountSnapshot {
    /// `GET /phone_numbers/messaging`: every number with its messaging settings.
    pub numbers: Vec<MessagingNumber>,
    /// `GET /messaging_profiles`.
    pub profiles: Vec<MessagingProfile>,
    /// `GET /phone_numbers`: the inventory, for each number's `status`.
    pub phone_numbers: Vec<PhoneNumber>,
    /// `GET /10dlc/phone_number_campaigns`: number ↔ campaign assignments.
    pub campaigns: Vec<PhoneNumberCampaign>,
    /// `GET /messaging_tollfree/verification/requests`.
    pub verifications: Vec<VerificationRequest>,
    /// When the last list finished loading.
    pub loaded_at: SystemTime,
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

/// Records per page asked of the toll-free verification list (the spec says the server clamps a
/// size that is too large; the real page size is then read from the first page).
const VERIFICATION_PAGE_SIZE: u32 = 250;

const NUMBERS: usize = 0;
const PROFILES: usize = 1;
const INVENTORY: usize = 2;
const CAMPAIGNS: usize = 3;
const VERIFICATIONS: usize = 4;

/// Per-list (done, total) pages, reported summed.
struct Board<'a, F: Fn(LoadProgress)> {
    lists: Mutex<[(u32, u32); 5]>,
    report: &'a F,
}

impl<F: Fn(LoadProgress)> Board<'_, F> {
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
}

/// Loads the whole account for the numbers screen: the five lists concurrently, each paged with
/// bounded concurrency (the client's `page_concurrency`), reporting progress after every page.
/// The first error fails the load.
pub async fn load_snapshot(
    client: &Client,
    on_progress: impl Fn(LoadProgress) + Send + Sync,
) -> Result<AccountSnapshot, Error> {
    let board = Board {
        lists: Mutex::new([(0, 1); 5]),
        report: &on_progress,
    };
    board.set(NUMBERS, 0, 1);
    let board = &board;

    let number_filter = ListMessagingNumbers::default();
    let profile_filter = ListMessagingProfiles::default();
    let campaign_filter = ListPhoneNumberCampaigns::default();
    let inventory_report = |d, t| board.set(INVENTORY, d, t);
    let verification_report = |d, t| board.set(VERIFICATIONS, d, t);

    let numbers = client.list_all_messaging_numbers(&number_filter, |p| {
        board.set(NUMBERS, p.pages_done, p.total_pages)
    });
    // The client's list-all helper for profiles reports no progress: it counts as one page.
    let profiles = async {
        let profiles = client.list_all_messaging_profiles(&profile_filter).await?;
        board.set(PROFILES, 1, 1);
        Ok(profiles)
    };
    let inventory = all_phone_numbers(client, &inventory_report);
    let campaigns = client.list_all_phone_number_campaigns(&campaign_filter, |p| {
        board.set(CAMPAIGNS, p.pages_done, p.total_pages)
    });
    let verifications = all_verification_requests(client, &verification_report);

    let (numbers, profiles, phone_numbers, campaigns, verifications) =
        futures::try_join!(numbers, profiles, inventory, campaigns, verifications)?;
    Ok(AccountSnapshot {
        numbers,
        profiles,
        phone_numbers,
        campaigns,
        verifications,
        loaded_at: SystemTime::now(),
    })
}

/// Every record of `GET /phone_numbers` (the client has a one-page call only).
async fn all_phone_numbers(
    client: &Client,
    report: &(dyn Fn(u32, u32) + Send + Sync),
) -> Result<Vec<PhoneNumber>, Error> {
    let filter = ListPhoneNumbers::default();
    let first = client.list_phone_numbers(&filter, 1, MAX_PAGE_SIZE).await?;
    let filter = &filter;
    rest_of_pages(
        "GET /phone_numbers",
        first.data,
        first.meta.total_pages,
        client.page_concurrency(),
        |n| async move {
            Ok(client
                .list_phone_numbers(filter, n, MAX_PAGE_SIZE)
                .await?
                .data)
        },
        report,
    )
    .await
}

/// Every toll-free verification request (the client lists one page, or the requests of one
/// number). The page count comes from `total_records` and the size the server really used.
async fn all_verification_requests(
    client: &Client,
    report: &(dyn Fn(u32, u32) + Send + Sync),
) -> Result<Vec<VerificationRequest>, Error> {
    let filter = ListVerificationRequests::default();
    let asked = VERIFICATION_PAGE_SIZE;
    let first = client.list_verification_requests(&filter, 1, asked).await?;
    let got = u32::try_from(first.records.len()).unwrap_or(u32::MAX);
    // A server that clamps `page_size` returns a full page of its own size.
    let size = if got > 0 && got < asked && first.total_records > got {
        got
    } else {
        asked
    };
    let total_pages = first.total_records.div_ceil(size);
    let filter = &filter;
    rest_of_pages(
        "GET /messaging_tollfree/verification/requests",
        first.records,
        total_pages,
        client.page_concurrency(),
        |n| async move {
            Ok(client
                .list_verification_requests(filter, n, asked)
                .await?
                .records)
        },
        report,
    )
    .await
}

/// Fetches pages `2..=total_pages` with at most `concurrency` in flight, in page order after the
/// first page's records. The page count is fixed by the first page (a later page claiming more is
/// ignored) and one above [`MAX_PAGES`] is refused, so a misbehaving server cannot loop forever.
async fn rest_of_pages<T, F, Fut>(
    endpoint: &str,
    first: Vec<T>,
    total_pages: u32,
    concurrency: usize,
    fetch: F,
    report: &(dyn Fn(u32, u32) + Send + Sync),
) -> Result<Vec<T>, Error>
where
    F: Fn(u32) -> Fut,
    Fut: Future<Output = Result<Vec<T>, Error>>,
{
    let total_pages = total_pages.max(1);
    if total_pages > MAX_PAGES {
        return Err(Error::Runaway {
            endpoint: endpoint.to_owned(),
            pages: total_pages,
        });
    }
    report(1, total_pages);
    let mut out = first;
    let mut done = 1u32;
    let mut pages = stream::iter(2..=total_pages)
        .map(fetch)
        .buffered(concurrency.max(1));
    while let Some(page) = pages.try_next().await? {
        out.extend(page);
        done += 1;
        report(done, total_pages);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

    /// The app shell awaits `load_snapshot` inside Tauri commands, which need `Send` futures.
    #[test]
    fn load_snapshot_is_send() {
        fn assert_send<T: Send>(_: &T) {}
        let client = Client::builder("http://127.0.0.1:9/v2", telnyx_client::ApiKey::new("k"))
            .build()
            .expect("client builds");
        let future = load_snapshot(&client, |_| {});
        assert_send(&future);
    }

    #[tokio::test]
    async fn pages_arrive_in_order_with_progress() {
        let calls = AtomicUsize::new(0);
        let reports = Mutex::new(Vec::new());
        let out = rest_of_pages(
            "GET /x",
            vec![1u32],
            4,
            2,
            |n| {
                calls.fetch_add(1, Ordering::SeqCst);
                async move { Ok(vec![n * 10]) }
            },
            &|d, t| {
                reports
                    .lock()
                    .unwrap_or_else(|e| e.into_inner())
                    .push((d, t))
            },
        )
        .await
        .expect("pages");
        assert_eq!(out, vec![1, 20, 30, 40]);
        assert_eq!(calls.load(Ordering::SeqCst), 3);
        assert_eq!(
            reports.into_inner().unwrap_or_else(|e| e.into_inner()),
            vec![(1, 4), (2, 4), (3, 4), (4, 4)]
        );
    }

    #[tokio::test]
    async fn a_runaway_page_count_is_refused() {
        let err = rest_of_pages(
            "GET /x",
            vec![1u32],
            MAX_PAGES + 1,
            2,
            |_| async { Ok(vec![]) },
            &|_, _| {},
        )
        .await
        .expect_err("refused");
        assert!(matches!(err, Error::Runaway { .. }));
    }

    #[test]
    fn progress_is_summed_over_the_lists() {
        let reports = Mutex::new(Vec::new());
        let report = |p: LoadProgress| reports.lock().unwrap_or_else(|e| e.into_inner()).push(p);
        let board = Board {
            lists: Mutex::new([(0, 1); 5]),
            report: &report,
        };
        board.set(NUMBERS, 1, 40);
        board.set(PROFILES, 1, 1);
        board.set(NUMBERS, 40, 40);
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
