//! Message detail records: `GET /detail_records?filter[record_type]=messaging` (FACTS.md §8),
//! the spec's listing of recent messages and their error codes, for the wizard.

use super::{page_query, LenientList};
use crate::client::{Call, Client};
use crate::error::Result;
use crate::models::{ListMessageDetailRecords, MessageDetailRecord, E164};
use crate::paging::Page;
use crate::query::Query;

const LIST: &str = "/detail_records";

/// The spec's maximum `page[size]` for `/detail_records`.
pub const MAX_DETAIL_RECORDS_PAGE_SIZE: u32 = 50;

impl Client {
    /// One page of messaging detail records (`page_size` 1–50).
    pub async fn list_message_detail_records(
        &self,
        filter: &ListMessageDetailRecords,
        page_number: u32,
        page_size: u32,
    ) -> Result<Page<MessageDetailRecord>> {
        let mut q = Query::new();
        q.push("filter[record_type]", "messaging");
        q.opt("filter[cli]", filter.cli.as_deref())
            .opt("filter[cld]", filter.cld.as_deref())
            .opt(
                "filter[direction]",
                filter.direction.as_ref().map(|d| d.as_str()),
            )
            .opt("filter[status]", filter.status.as_ref().map(|s| s.as_str()))
            .opt("filter[date_range]", filter.date_range.as_deref())
            .opt("filter[created_at][gte]", filter.created_at_gte.as_deref())
            .opt("filter[created_at][lt]", filter.created_at_lt.as_deref())
            .opt("sort", filter.sort.as_deref());
        page_query(&mut q, page_number, page_size, MAX_DETAIL_RECORDS_PAGE_SIZE)?;
        let call = Call::get(LIST, LIST.to_owned(), q);
        let list = self.send::<LenientList<MessageDetailRecord>>(&call).await?;
        Ok(list.into_page(page_number, page_size))
    }

    /// The most recent (newest first, one page of up to 50) messages sent from `number` that
    /// carry error codes or a failure status.
    ///
    /// Uses `filter[cli]`, which the spec allows only through `additionalProperties`
    /// (UNCONFIRMED, FACTS.md §8), and `sort=-created_at`.
    pub async fn recent_message_errors(
        &self,
        number: &E164,
        limit: u32,
    ) -> Result<Vec<MessageDetailRecord>> {
        let filter = ListMessageDetailRecords {
            cli: Some(number.as_str().to_owned()),
            sort: Some("-created_at".into()),
            ..Default::default()
        };
        let page = self
            .list_message_detail_records(&filter, 1, MAX_DETAIL_RECORDS_PAGE_SIZE)
            .await?;
        Ok(page
            .data
            .into_iter()
            .filter(MessageDetailRecord::is_error)
            .take(limit as usize)
            .collect())
    }
}
