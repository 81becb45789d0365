//! Toll-free verification requests: `GET /messaging_tollfree/verification/requests`, paged by
//! the required, unbracketed `page` and `page_size` (FACTS.md §7).

use crate::client::{Call, Client};
use crate::error::{Error, Result};
use crate::models::{ListVerificationRequests, TollFreePage, VerificationRequest, E164};
use crate::paging::Progress;
use crate::query::Query;

const LIST: &str = "/messaging_tollfree/verification/requests";

/// Records per page asked by [`Client::list_all_verification_requests`]. The spec says a size
/// that is too large is clamped; the size really used is then read from the first page.
const ALL_PAGE_SIZE: u32 = 250;

/// Pages fetched at most by [`Client::verification_requests_for_number`].
const MAX_TF_PAGES: u32 = 20;

impl Client {
    /// One page of verification requests. `page_size` is clamped by the server if too large.
    pub async fn list_verification_requests(
        &self,
        filter: &ListVerificationRequests,
        page: u32,
        page_size: u32,
    ) -> Result<TollFreePage<VerificationRequest>> {
        if page == 0 || page_size == 0 {
            return Err(Error::InvalidInput("page and page_size start at 1".into()));
        }
        let mut q = Query::new();
        q.push("page", page.to_string())
            .push("page_size", page_size.to_string())
            .opt("phone_number", filter.phone_number.as_deref())
            .opt("status", filter.status.as_ref().map(|s| s.as_str()))
            .opt("business_name", filter.business_name.as_deref())
            .opt("date_start", filter.date_start.as_deref())
            .opt("date_end", filter.date_end.as_deref());
        self.send(&Call::get(LIST, LIST.to_owned(), q)).await
    }

    /// Every verification request matching `filter`: the first page, then the rest concurrently,
    /// in order, reporting progress. This envelope has no page count, so it is derived from
    /// `total_records` and the page size the server really used (it clamps large sizes).
    pub async fn list_all_verification_requests(
        &self,
        filter: &ListVerificationRequests,
        on_progress: impl Fn(Progress) + Send + Sync,
    ) -> Result<Vec<VerificationRequest>> {
        self.list_all(
            LIST,
            filter,
            ALL_PAGE_SIZE,
            &on_progress,
            |client, filter, n| async move {
                client
                    .list_verification_requests(&filter, n, ALL_PAGE_SIZE)
                    .await
            },
        )
        .await
    }

    /// Every verification request covering `number` (`phone_number` filter), in the server's
    /// order. Pages are walked until `total_records` is reached, an empty page, or 20 pages.
    pub async fn verification_requests_for_number(
        &self,
        number: &E164,
    ) -> Result<Vec<VerificationRequest>> {
        let filter = ListVerificationRequests {
            phone_number: Some(number.as_str().to_owned()),
            ..Default::default()
        };
        let mut out = Vec::new();
        for page in 1..=MAX_TF_PAGES {
            let p = self.list_verification_requests(&filter, page, 100).await?;
            let empty = p.records.is_empty();
            out.extend(p.records);
            if empty || out.len() as u64 >= u64::from(p.total_records) {
                return Ok(out);
            }
        }
        Err(Error::Runaway {
            endpoint: format!("GET {LIST}"),
            pages: MAX_TF_PAGES,
        })
    }
}
