//! 10DLC: number↔campaign assignments (`/10dlc/phone_number_campaigns[/{phoneNumber}]`) and
//! campaigns (`/10dlc/campaign/{campaignId}`). No `data` envelope; paging by `page` and
//! `recordsPerPage` (FACTS.md §6).

use crate::client::{spawn_page, Call, Client};
use crate::error::{Error, Result};
use crate::models::{
    Campaign, CampaignId, ListPhoneNumberCampaigns, PhoneNumberCampaign, TenDlcPage, E164,
};
use crate::paging::{collect_expecting, collect_rest, Page, PaginationMeta, Progress, MAX_PAGES};
use crate::query::{segment, Query};

const LIST: &str = "/10dlc/phone_number_campaigns";
const ONE: &str = "/10dlc/phone_number_campaigns/{phoneNumber}";
const CAMPAIGN: &str = "/10dlc/campaign/{campaignId}";

/// Records per page for [`Client::list_all_phone_number_campaigns`]. The spec gives no maximum
/// for this endpoint (default 20; the campaign list allows up to 500). If the server returns
/// fewer records than asked on a full first page, that smaller size is used to count the pages.
pub const PHONE_NUMBER_CAMPAIGNS_PAGE_SIZE: u32 = 250;

fn list_query(f: &ListPhoneNumberCampaigns, page: u32, records_per_page: u32) -> Query {
    let mut q = Query::new();
    q.push("page", page.to_string())
        .push("recordsPerPage", records_per_page.to_string())
        .opt(
            "filter[telnyx_campaign_id]",
            f.telnyx_campaign_id.as_deref(),
        )
        .opt("filter[telnyx_brand_id]", f.telnyx_brand_id.as_deref())
        .opt("filter[tcr_campaign_id]", f.tcr_campaign_id.as_deref())
        .opt("filter[tcr_brand_id]", f.tcr_brand_id.as_deref())
        .opt("sort", f.sort.as_deref());
    q
}

impl Client {
    /// `GET /10dlc/phone_number_campaigns`: one page.
    pub async fn list_phone_number_campaigns(
        &self,
        filter: &ListPhoneNumberCampaigns,
        page: u32,
        records_per_page: u32,
    ) -> Result<TenDlcPage<PhoneNumberCampaign>> {
        if page == 0 || records_per_page == 0 {
            return Err(Error::InvalidInput(
                "page and recordsPerPage start at 1".into(),
            ));
        }
        let call = Call::get(
            LIST,
            LIST.to_owned(),
            list_query(filter, page, records_per_page),
        );
        self.send(&call).await
    }

    /// Every number↔campaign assignment matching `filter`, pages fetched concurrently.
    pub async fn list_all_phone_number_campaigns(
        &self,
        filter: &ListPhoneNumberCampaigns,
        on_progress: impl Fn(Progress) + Send + Sync,
    ) -> Result<Vec<PhoneNumberCampaign>> {
        let asked = PHONE_NUMBER_CAMPAIGNS_PAGE_SIZE;
        let first = self.list_phone_number_campaigns(filter, 1, asked).await?;
        let got = u32::try_from(first.records.len()).unwrap_or(u32::MAX);
        // A server that clamps recordsPerPage returns a full page of its own size.
        let size = if got > 0 && got < asked && first.total_records > got {
            got
        } else {
            asked
        };
        let total_pages = first.total_records.div_ceil(size).max(1);
        collect_rest(
            "GET /10dlc/phone_number_campaigns",
            first.records,
            total_pages,
            self.page_concurrency(),
            |n| {
                let (client, filter) = (self.clone(), filter.clone());
                spawn_page(async move {
                    Ok(client
                        .list_phone_number_campaigns(&filter, n, asked)
                        .await?
                        .records)
                })
            },
            &on_progress,
        )
        .await
    }

    /// Every number↔campaign assignment matching `filter`, when about `expected` are expected (e.g.
    /// as many as the last listing found): every expected page is asked for at once, as
    /// [`Client::list_all_messaging_numbers_expecting`] does, a round trip less than
    /// [`Client::list_all_phone_number_campaigns`]; 0 asks for the first page alone, then the
    /// rest. The first page's `totalRecords` decides, counted in pages as that method counts them.
    pub async fn list_all_phone_number_campaigns_expecting(
        &self,
        filter: &ListPhoneNumberCampaigns,
        expected: usize,
        on_progress: impl Fn(Progress) + Send + Sync,
    ) -> Result<Vec<PhoneNumberCampaign>> {
        let asked = PHONE_NUMBER_CAMPAIGNS_PAGE_SIZE;
        let expected_pages = u32::try_from(expected.div_ceil(asked as usize)).unwrap_or(MAX_PAGES);
        collect_expecting(
            "GET /10dlc/phone_number_campaigns",
            expected_pages,
            self.page_concurrency(),
            |n| {
                let (client, filter) = (self.clone(), filter.clone());
                spawn_page(async move {
                    let page = client
                        .list_phone_number_campaigns(&filter, n, asked)
                        .await?;
                    Ok(as_page(page, n, asked))
                })
            },
            &|_| {},
            &on_progress,
        )
        .await
    }

    /// `GET /10dlc/phone_number_campaigns/{phoneNumber}`: the number's assignment. The answer for
    /// a number without a campaign is UNCONFIRMED (FACTS.md §6; likely 404, see
    /// [`Error::is_not_found`]).
    pub async fn get_phone_number_campaign(&self, number: &E164) -> Result<PhoneNumberCampaign> {
        let path = format!("/10dlc/phone_number_campaigns/{}", segment(number.as_str()));
        self.send(&Call::get(ONE, path, Query::new())).await
    }

    /// `GET /10dlc/campaign/{campaignId}`.
    pub async fn get_campaign(&self, id: &CampaignId) -> Result<Campaign> {
        let path = format!("/10dlc/campaign/{}", segment(id.as_str()));
        self.send(&Call::get(CAMPAIGN, path, Query::new())).await
    }
}

/// Page `number` of a 10DLC listing as a JSON:API page. Its page count is what
/// [`Client::list_all_phone_number_campaigns`] takes from a first page: a server that clamps
/// `recordsPerPage` returns a full page of its own size. (Only the first page's count is used.)
fn as_page<T>(page: TenDlcPage<T>, number: u32, asked: u32) -> Page<T> {
    let got = u32::try_from(page.records.len()).unwrap_or(u32::MAX);
    let size = if got > 0 && got < asked && page.total_records > got {
        got
    } else {
        asked
    };
    Page {
        meta: PaginationMeta {
            page_number: number,
            page_size: size,
            total_pages: page.total_records.div_ceil(size).max(1),
            total_results: page.total_records,
        },
        data: page.records,
    }
}
