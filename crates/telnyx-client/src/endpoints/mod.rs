//! The endpoints, one file per resource, each an `impl Client` block, and what they share: the
//! response envelopes, the page query and the paged listing (`Client::list_all*`).

mod bulk;
mod detail_records;
pub use detail_records::MAX_DETAIL_RECORDS_PAGE_SIZE;
mod numbers;
mod phone_numbers;
mod profiles;
mod ten_dlc;
pub use ten_dlc::PHONE_NUMBER_CAMPAIGNS_PAGE_SIZE;
mod toll_free;

use std::future::Future;

use serde::Deserialize;

use crate::client::{spawn_page, Client};
use crate::error::Result;
use crate::models::{TenDlcPage, TollFreePage};
use crate::paging::{
    check_page, collect_expecting, collect_pages, collect_rest, expected_pages, LenientMeta, Page,
    PaginationMeta, Partial, Progress,
};
use crate::query::Query;

/// `{"data": T}`.
#[derive(Deserialize)]
pub(crate) struct Data<T> {
    pub data: T,
}

/// `{"data": [T], "meta": messaging_PaginationMeta}` (all meta fields required).
#[derive(Deserialize)]
pub(crate) struct List<T> {
    pub data: Vec<T>,
    pub meta: PaginationMeta,
}

impl<T> From<List<T>> for Page<T> {
    fn from(l: List<T>) -> Self {
        Page {
            data: l.data,
            meta: l.meta,
        }
    }
}

/// `{"data": [T], "meta": PaginationMeta}` where the spec requires no meta field.
#[derive(Deserialize)]
pub(crate) struct LenientList<T> {
    #[serde(default = "Vec::new")]
    pub data: Vec<T>,
    #[serde(default)]
    pub meta: LenientMeta,
}

impl<T> LenientList<T> {
    pub(crate) fn into_page(self, page_number: u32, page_size: u32) -> Page<T> {
        let meta = self.meta.resolve(page_number, page_size, self.data.len());
        Page {
            data: self.data,
            meta,
        }
    }
}

/// Adds `page[number]` and `page[size]`, once they are within the spec's bounds (`page[number]`
/// ≥ 1, 1 ≤ `page[size]` ≤ `max_size`).
pub(crate) fn page_query(
    q: &mut Query,
    page_number: u32,
    page_size: u32,
    max_size: u32,
) -> Result<()> {
    check_page(page_number, page_size, max_size)?;
    q.push("page[number]", page_number.to_string())
        .push("page[size]", page_size.to_string());
    Ok(())
}

/// One page of a listing as [`Client::list_all`] reads it: its records, and how many pages the
/// listing has.
pub(crate) trait Paged {
    /// What the listing lists.
    type Record;
    /// Pages in the listing, this being its first page asked with `asked` records a page.
    fn total_pages(&self, asked: u32) -> u32;
    /// The page's records.
    fn into_records(self) -> Vec<Self::Record>;
}

impl<T> Paged for Page<T> {
    type Record = T;
    fn total_pages(&self, _asked: u32) -> u32 {
        self.meta.total_pages
    }
    fn into_records(self) -> Vec<T> {
        self.data
    }
}

impl<T> Paged for TenDlcPage<T> {
    type Record = T;
    fn total_pages(&self, asked: u32) -> u32 {
        pages_of_records(self.records.len(), asked, self.total_records)
    }
    fn into_records(self) -> Vec<T> {
        self.records
    }
}

impl<T> Paged for TollFreePage<T> {
    type Record = T;
    fn total_pages(&self, asked: u32) -> u32 {
        pages_of_records(self.records.len(), asked, self.total_records)
    }
    fn into_records(self) -> Vec<T> {
        self.records
    }
}

/// Pages in a listing of `total_records` whose envelope tells no page count, from a first page
/// of `got` records when `asked` were asked. A server that clamps the page size returns a full
/// page of its own size, which is then the size that counts.
fn pages_of_records(got: usize, asked: u32, total_records: u32) -> u32 {
    let got = u32::try_from(got).unwrap_or(u32::MAX);
    let size = if got > 0 && got < asked && total_records > got {
        got
    } else {
        asked
    };
    total_records.div_ceil(size.max(1))
}

impl Client {
    /// Every record of the listing `GET {endpoint}` whose page `n` (of `page_size` records)
    /// `page(client, args, n)` fetches: page 1, then pages `2..=` the count it tells
    /// [`Client::page_concurrency`] at a time, each as its own task, records in page order,
    /// progress after each page (see [`collect_rest`]).
    pub(crate) async fn list_all<A, P, F, Fut>(
        &self,
        endpoint: &str,
        args: &A,
        page_size: u32,
        on_progress: &(dyn Fn(Progress) + Send + Sync),
        page: F,
    ) -> Result<Vec<P::Record>>
    where
        A: Clone,
        F: Fn(Client, A, u32) -> Fut,
        Fut: Future<Output = Result<P>> + Send + 'static,
        P: Paged + Send + 'static,
        P::Record: Send + 'static,
    {
        let first = page(self.clone(), args.clone(), 1).await?;
        let total_pages = first.total_pages(page_size);
        collect_rest(
            &format!("GET {endpoint}"),
            first.into_records(),
            total_pages,
            self.page_concurrency(),
            |n| {
                let fetch = page(self.clone(), args.clone(), n);
                spawn_page(async move { Ok(fetch.await?.into_records()) })
            },
            on_progress,
        )
        .await
    }

    /// Every record of the listing `GET {endpoint}` whose page `n` `page(client, args, n)`
    /// fetches, when about `expected` records are expected: see [`collect_expecting`]. Each page
    /// is its own task; `on_first_page` sees page 1 as soon as it arrives. Tolerant: pages that
    /// fail twice are returned as missing ([`Partial::into_complete`] for all or an error).
    pub(crate) async fn list_all_expecting<A, T, F, Fut>(
        &self,
        endpoint: &str,
        args: &A,
        expected: usize,
        on_first_page: &(dyn Fn(&Page<T>) + Send + Sync),
        on_progress: &(dyn Fn(Progress) + Send + Sync),
        page: F,
    ) -> Result<Partial<T>>
    where
        A: Clone,
        F: Fn(Client, A, u32) -> Fut,
        Fut: Future<Output = Result<Page<T>>> + Send + 'static,
        T: Send + 'static,
    {
        collect_expecting(
            &format!("GET {endpoint}"),
            expected_pages(expected),
            self.page_concurrency(),
            |n| spawn_page(page(self.clone(), args.clone(), n)),
            on_first_page,
            on_progress,
        )
        .await
    }
}

impl Client {
    /// The records of pages `numbers` of the listing whose page `n` `page(client, args, n)`
    /// fetches (e.g. the pages a tolerant listing missed), each page its own task: what arrived in
    /// page order, and the pages still missing.
    pub(crate) async fn list_pages<A, T, F, Fut>(
        &self,
        args: &A,
        numbers: &[u32],
        page: F,
    ) -> (Vec<T>, Vec<(u32, crate::Error)>)
    where
        A: Clone,
        F: Fn(Client, A, u32) -> Fut,
        Fut: Future<Output = Result<Page<T>>> + Send + 'static,
        T: Send + 'static,
    {
        collect_pages(numbers, self.page_concurrency(), |n| {
            spawn_page(page(self.clone(), args.clone(), n))
        })
        .await
    }
}

#[cfg(test)]
mod tests {
    use super::pages_of_records;

    #[test]
    fn pages_of_records_follows_a_clamped_page_size() {
        for (got, asked, total, pages) in [
            // As asked: the count divides by the asked size.
            (250usize, 250u32, 1000u32, 4u32),
            (250, 250, 1001, 5),
            // The whole listing on the first page.
            (40, 250, 40, 1),
            // The server clamped the size to 100: its pages are counted.
            (100, 250, 1000, 10),
            // Empty listing.
            (0, 250, 0, 0),
        ] {
            assert_eq!(
                pages_of_records(got, asked, total),
                pages,
                "{got} of {asked}, {total} in all"
            );
        }
    }
}
