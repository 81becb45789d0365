//! Numbers with messaging settings: `GET /phone_numbers/messaging`,
//! `GET`/`PATCH /phone_numbers/{id}/messaging` (FACTS.md §1).

use reqwest::Method;

use super::{page_query, Data, List};
use crate::client::{Call, Client};
use crate::error::Result;
use crate::models::{ListMessagingNumbers, MessagingNumber, NumberRef, UpdateMessagingNumber};
use crate::paging::{Page, Partial, Progress, MAX_PAGE_SIZE};
use crate::query::{segment, Query};

const LIST: &str = "/phone_numbers/messaging";
const ONE: &str = "/phone_numbers/{id}/messaging";

fn list_query(f: &ListMessagingNumbers, page_number: u32, page_size: u32) -> Result<Query> {
    let mut q = Query::new();
    page_query(&mut q, page_number, page_size, MAX_PAGE_SIZE)?;
    q.opt(
        "filter[messaging_profile_id]",
        f.messaging_profile_id.as_ref().map(|p| p.as_str()),
    );
    if !f.phone_numbers.is_empty() {
        let joined: Vec<&str> = f.phone_numbers.iter().map(|e| e.as_str()).collect();
        q.push("filter[phone_number]", joined.join(","));
    }
    q.opt(
        "filter[phone_number][contains]",
        f.phone_number_contains.as_deref(),
    )
    .opt(
        "filter[type]",
        f.number_type.as_ref().map(|t| t.filter_value()),
    )
    .opt(
        "sort[phone_number]",
        f.sort_phone_number.map(|s| s.as_str()),
    );
    Ok(q)
}

fn number_path(number: &NumberRef) -> String {
    format!("/phone_numbers/{}/messaging", segment(number.as_str()))
}

impl Client {
    /// `GET /phone_numbers/messaging`: one page (`page_size` 1–250).
    pub async fn list_messaging_numbers(
        &self,
        filter: &ListMessagingNumbers,
        page_number: u32,
        page_size: u32,
    ) -> Result<Page<MessagingNumber>> {
        let call = Call::get(
            LIST,
            LIST.to_owned(),
            list_query(filter, page_number, page_size)?,
        );
        Ok(self.send::<List<MessagingNumber>>(&call).await?.into())
    }

    /// Every number matching `filter`: the first page of 250, then the rest concurrently
    /// (see [`Client::page_concurrency`]), in order, reporting progress after each page.
    pub async fn list_all_messaging_numbers(
        &self,
        filter: &ListMessagingNumbers,
        on_progress: impl Fn(Progress) + Send + Sync,
    ) -> Result<Vec<MessagingNumber>> {
        self.list_all_messaging_numbers_expecting(filter, 0, |_| {}, on_progress)
            .await
    }

    /// Every number matching `filter`, when about `expected` are expected (e.g. as many as the
    /// last listing had): that many pages are asked for at once instead of waiting for the first
    /// page to tell the count, which saves a round trip. The first page's count still decides what
    /// is returned (see [`Client::list_all_messaging_numbers`] for the order and progress). With
    /// `expected` 0 the first page is asked for alone, then the rest.
    /// `on_first_page` sees the first page as soon as it arrives, e.g. to show it meanwhile.
    pub async fn list_all_messaging_numbers_expecting(
        &self,
        filter: &ListMessagingNumbers,
        expected: usize,
        on_first_page: impl Fn(&Page<MessagingNumber>) + Send + Sync,
        on_progress: impl Fn(Progress) + Send + Sync,
    ) -> Result<Vec<MessagingNumber>> {
        self.list_messaging_numbers_partial(filter, expected, on_first_page, on_progress)
            .await?
            .into_complete()
    }

    /// [`Client::list_all_messaging_numbers_expecting`], keeping what arrived when pages fail: a
    /// page that still fails after its retries is tried once more at the end, and what is still
    /// missing is listed in the answer instead of failing the listing (only the first page, which
    /// tells the count, is indispensable). Fetch the missing pages later with
    /// [`Client::messaging_number_pages`].
    pub async fn list_messaging_numbers_partial(
        &self,
        filter: &ListMessagingNumbers,
        expected: usize,
        on_first_page: impl Fn(&Page<MessagingNumber>) + Send + Sync,
        on_progress: impl Fn(Progress) + Send + Sync,
    ) -> Result<Partial<MessagingNumber>> {
        self.list_all_expecting(
            LIST,
            filter,
            expected,
            &on_first_page,
            &on_progress,
            |client, filter, n| async move {
                client
                    .list_messaging_numbers(&filter, n, MAX_PAGE_SIZE)
                    .await
            },
        )
        .await
    }

    /// Pages `pages` (of [`MAX_PAGE_SIZE`]) of the numbers matching `filter`, concurrently: the
    /// numbers that arrived, in page order, and the pages that did not, with why.
    pub async fn messaging_number_pages(
        &self,
        filter: &ListMessagingNumbers,
        pages: &[u32],
    ) -> (Vec<MessagingNumber>, Vec<(u32, crate::Error)>) {
        self.list_pages(filter, pages, |client, filter, n| async move {
            client
                .list_messaging_numbers(&filter, n, MAX_PAGE_SIZE)
                .await
        })
        .await
    }

    /// `GET /phone_numbers/{id}/messaging` by numeric id or E.164 number (`+` sent as `%2B`).
    pub async fn get_messaging_number(&self, number: &NumberRef) -> Result<MessagingNumber> {
        let call = Call::get(ONE, number_path(number), Query::new());
        Ok(self.send::<Data<MessagingNumber>>(&call).await?.data)
    }

    /// `PATCH /phone_numbers/{id}/messaging`. `ProfileChange::Unassign` sends
    /// `"messaging_profile_id": ""`; `Keep` omits the field. Retried on 5xx/timeouts: setting
    /// absolute values is idempotent in effect.
    pub async fn update_messaging_number(
        &self,
        number: &NumberRef,
        update: &UpdateMessagingNumber,
    ) -> Result<MessagingNumber> {
        let call = Call::with_body(Method::PATCH, ONE, number_path(number), update, true)?;
        Ok(self.send::<Data<MessagingNumber>>(&call).await?.data)
    }
}
