//! 10DLC: number↔campaign assignments (`/10dlc/phone_number_campaigns[/{phoneNumber}]`) and
//! campaigns (`/10dlc/campaign/{campaignId}`). No `data` envelope; paging by `page` and
//! `recordsPerPage` (FACTS.md §6).

use crate::client::{Call, Client};
use crate::error::{Error, Result};
use crate::models::{
    Campaign, CampaignId, ListPhoneNumberCampaigns, PhoneNumberCampaign, TenDlcPage, E164,
};
use crate::paging::{Page, PaginationMeta, Progress};
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

    /// Every number↔campaign assignment matching `filter`: the first page, then the rest
    /// concurrently (the expecting listing with nothing expected).
    pub async fn list_all_phone_number_campaigns(
        &self,
        filter: &ListPhoneNumberCampaigns,
        on_progress: impl Fn(Progress) + Send + Sync,
    ) -> Result<Vec<PhoneNumberCampaign>> {
        self.list_all_phone_number_campaigns_expecting(filter, 0, on_progress)
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
        self.list_all_expecting(
            LIST,
            filter,
            expected,
            &|_| {},
            &on_progress,
            |client, filter, n| async move {
                let page = client
                    .list_phone_number_campaigns(&filter, n, asked)
                    .await?;
                Ok(as_page(page, n, asked))
            },
        )
        .await?
        .into_complete()
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

/// Page `number` of a 10DLC listing as a JSON:API page, its page count taken as `Paged for
/// TenDlcPage` takes it: a server that clamps `recordsPerPage` returns a full page of its own size.
/// (Only the first page's count is used.)
fn as_page<T>(page: TenDlcPage<T>, number: u32, asked: u32) -> Page<T> {
    let total_pages = super::Paged::total_pages(&page, asked).max(1);
    Page {
        meta: PaginationMeta {
            page_number: number,
            page_size: asked,
            total_pages,
            total_results: page.total_records,
        },
        data: page.records,
    }
}
