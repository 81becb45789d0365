//! The account snapshot: every list readiness needs (numbers, profiles, phone-number statuses, 10DLC
//! assignments, toll-free verifications), fetched in bulk and concurrently — never per number.

use std::sync::Mutex;
use std::time::SystemTime;

use serde::Serialize;
use telnyx_client::{
    Client, Error, ListMessagingNumbers, ListMessagingProfiles, ListPhoneNumberCampaigns,
    ListPhoneNumbers, ListVerificationRequests, MessagingNumber, MessagingProfile, PhoneNumber,
    PhoneNumberCampaign, VerificationRequest,
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
    let inventory_filter = ListPhoneNumbers::default();
    let verification_filter = ListVerificationRequests::default();

    let numbers = client.list_all_messaging_numbers(&number_filter, |p| {
        board.set(NUMBERS, p.pages_done, p.total_pages)
    });
    // The client's list-all helper for profiles reports no progress: it counts as one page.
    let profiles = async {
        let profiles = client.list_all_messaging_profiles(&profile_filter).await?;
        board.set(PROFILES, 1, 1);
        Ok(profiles)
    };
    let inventory = client.list_all_phone_numbers(&inventory_filter, |p| {
        board.set(INVENTORY, p.pages_done, p.total_pages)
    });
    let campaigns = client.list_all_phone_number_campaigns(&campaign_filter, |p| {
        board.set(CAMPAIGNS, p.pages_done, p.total_pages)
    });
    let verifications = client.list_all_verification_requests(&verification_filter, |p| {
        board.set(VERIFICATIONS, p.pages_done, p.total_pages)
    });

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
        let future = load_snapshot(&client, |_| {});
        assert_send(&future);
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
