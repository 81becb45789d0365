//! Pages: the JSON:API page type, progress reports, and fetching every page of a listing with
//! bounded concurrency, in order, stopping at `total_pages`.

use std::future::Future;

use futures::stream::{self, StreamExt};
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};

/// The page size used by the `list_all_*` helpers: the maximum the spec allows for
/// `/phone_numbers`, `/phone_numbers/messaging` and `/messaging_profiles` (FACTS.md §0).
pub const MAX_PAGE_SIZE: u32 = 250;

/// Maximum pages a `list_all_*` call will fetch (2.5 million records at 250 per page).
/// A server announcing more is treated as broken rather than followed forever.
pub const MAX_PAGES: u32 = 10_000;

/// `messaging_PaginationMeta` / `PaginationMeta`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PaginationMeta {
    /// 1-based page number.
    pub page_number: u32,
    /// Records per page.
    pub page_size: u32,
    /// Pages in total.
    pub total_pages: u32,
    /// Records in total.
    pub total_results: u32,
}

/// Meta of endpoints whose spec does not mark the fields required (`/phone_numbers`,
/// `/detail_records`); missing values are filled in from the request and the data.
#[derive(Debug, Clone, Copy, Default, Deserialize)]
pub(crate) struct LenientMeta {
    #[serde(default)]
    page_number: Option<u32>,
    #[serde(default)]
    page_size: Option<u32>,
    #[serde(default)]
    total_pages: Option<u32>,
    #[serde(default)]
    total_results: Option<u32>,
}

impl LenientMeta {
    pub(crate) fn resolve(self, page_number: u32, page_size: u32, len: usize) -> PaginationMeta {
        let page_size = self.page_size.filter(|s| *s > 0).unwrap_or(page_size);
        let total_results = self
            .total_results
            .unwrap_or_else(|| u32::try_from(len).unwrap_or(u32::MAX));
        PaginationMeta {
            page_number: self.page_number.unwrap_or(page_number),
            page_size,
            total_pages: self
                .total_pages
                .unwrap_or_else(|| total_results.div_ceil(page_size.max(1))),
            total_results,
        }
    }
}

/// One page of a JSON:API listing.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Page<T> {
    /// The records.
    pub data: Vec<T>,
    /// Where this page is.
    pub meta: PaginationMeta,
}

/// Progress of a multi-page listing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Progress {
    /// Pages fetched so far (including the first).
    pub pages_done: u32,
    /// Pages in total.
    pub total_pages: u32,
}

/// Checks a page request against the spec's bounds (`page[number]` ≥ 1, 1 ≤ `page[size]` ≤ max).
pub(crate) fn check_page(page_number: u32, page_size: u32, max_size: u32) -> Result<()> {
    if page_number == 0 {
        return Err(Error::InvalidInput("page number starts at 1".into()));
    }
    if page_size == 0 || page_size > max_size {
        return Err(Error::InvalidInput(format!(
            "page size must be between 1 and {max_size}, got {page_size}"
        )));
    }
    Ok(())
}

/// Fetches pages `2..=total_pages` with at most `concurrency` requests in flight and returns
/// every record in page order, the first page's `records` first.
///
/// The page count is fixed by the first page, so the listing ends even if later pages claim
/// more; a first page announcing more than [`MAX_PAGES`] is refused as a runaway server.
/// The first error stops the listing (remaining requests are dropped).
pub(crate) async fn collect_rest<T, F, Fut>(
    endpoint: &str,
    first: Vec<T>,
    total_pages: u32,
    concurrency: usize,
    fetch: F,
    on_progress: &(dyn Fn(Progress) + Send + Sync),
) -> Result<Vec<T>>
where
    F: Fn(u32) -> Fut,
    Fut: Future<Output = Result<Vec<T>>>,
{
    let total_pages = total_pages.max(1);
    if total_pages > MAX_PAGES {
        return Err(Error::Runaway {
            endpoint: endpoint.to_owned(),
            pages: total_pages,
        });
    }
    on_progress(Progress {
        pages_done: 1,
        total_pages,
    });
    if total_pages == 1 {
        return Ok(first);
    }
    let mut done = 1u32;
    let mut records = first;
    let rest = fetch_range(2..=total_pages, concurrency, fetch, || {
        done += 1;
        on_progress(Progress {
            pages_done: done,
            total_pages,
        });
    })
    .await?;
    records.extend(rest);
    Ok(records)
}

/// Fetches the pages `pages` with at most `concurrency` requests in flight, calling `on_page`
/// after each, and returns their records in page order. A page that fails (after the retries
/// inside `fetch`) does not stop the others; it is tried once more at the end, and only if it
/// fails again is the listing an error (that page's).
async fn fetch_range<T, F, Fut>(
    pages: std::ops::RangeInclusive<u32>,
    concurrency: usize,
    fetch: F,
    mut on_page: impl FnMut(),
) -> Result<Vec<T>>
where
    F: Fn(u32) -> Fut,
    Fut: Future<Output = Result<Vec<T>>>,
{
    let start = *pages.start();
    let mut slots: Vec<Option<Vec<T>>> = Vec::new();
    slots.resize_with(pages.clone().count(), || None);
    let mut failed: Vec<u32> = pages.collect();
    for last_try in [false, true] {
        let mut stream = stream::iter(std::mem::take(&mut failed))
            .map(|n| {
                let fut = fetch(n);
                async move { (n, fut.await) }
            })
            .buffer_unordered(concurrency.max(1));
        while let Some((n, page)) = stream.next().await {
            match page {
                Ok(items) => {
                    // n is within `pages`, so the index is in bounds.
                    if let Some(slot) = slots.get_mut((n - start) as usize) {
                        *slot = Some(items);
                    }
                    on_page();
                }
                Err(err) if last_try => return Err(err),
                Err(_) => failed.push(n),
            }
        }
        if failed.is_empty() {
            break;
        }
        failed.sort_unstable();
    }
    Ok(slots.into_iter().flatten().flatten().collect())
}

/// Pages of [`MAX_PAGE_SIZE`] that `expected` records fill (at least one).
pub(crate) fn expected_pages(expected: usize) -> u32 {
    u32::try_from(expected.div_ceil(MAX_PAGE_SIZE as usize))
        .unwrap_or(MAX_PAGES)
        .max(1)
}

/// What a tolerant listing brought back (`Client::list_messaging_numbers_partial`): the records of the pages that arrived, in page order,
/// and the pages that did not (after each page's own retries and one more try), with why.
#[derive(Debug)]
pub struct Partial<T> {
    /// The records of the pages that arrived, in page order.
    pub records: Vec<T>,
    /// Pages still missing, in order, each with its last error.
    pub missing: Vec<(u32, Error)>,
    /// Pages that failed the first time through and were tried once more (whether or not they
    /// then arrived): the pages that would have failed a listing with no second try.
    pub retried: Vec<u32>,
    /// Pages in the listing, as its first page told.
    pub total_pages: u32,
}

impl<T> Partial<T> {
    /// Every record, or the first missing page's error.
    pub fn into_complete(self) -> Result<Vec<T>> {
        match self.missing.into_iter().next() {
            Some((_, err)) => Err(err),
            None => Ok(self.records),
        }
    }
}

/// The pages of a tolerant listing as they arrive.
struct Pages<'a, T> {
    endpoint: &'a str,
    slots: Vec<Option<Vec<T>>>,
    total: Option<u32>,
    failed: Vec<(u32, Error)>,
    on_first_page: &'a (dyn Fn(&Page<T>) + Send + Sync),
    on_progress: &'a (dyn Fn(Progress) + Send + Sync),
}

impl<T> Pages<'_, T> {
    fn take(&mut self, n: u32, page: Result<Page<T>>) -> Result<()> {
        match page {
            Ok(page) => {
                if n == 1 {
                    let pages = page.meta.total_pages.max(1);
                    if pages > MAX_PAGES {
                        return Err(Error::Runaway {
                            endpoint: self.endpoint.to_owned(),
                            pages,
                        });
                    }
                    self.total = Some(pages);
                    (self.on_first_page)(&page);
                }
                let index = n as usize - 1;
                if self.slots.len() <= index {
                    self.slots.resize_with(index + 1, || None);
                }
                self.slots[index] = Some(page.data);
            }
            Err(err) => self.failed.push((n, err)),
        }
        let pages = self.total.unwrap_or(self.slots.len() as u32).max(1);
        let arrived = self.slots.iter().take(pages as usize).flatten().count() as u32;
        (self.on_progress)(Progress {
            pages_done: arrived.min(pages),
            total_pages: pages,
        });
        Ok(())
    }

    async fn fetch<F, Fut>(&mut self, pages: Vec<u32>, concurrency: usize, fetch: &F) -> Result<()>
    where
        F: Fn(u32) -> Fut,
        Fut: Future<Output = Result<Page<T>>>,
    {
        let mut stream = stream::iter(pages)
            .map(|n| {
                let fut = fetch(n);
                async move { (n, fut.await) }
            })
            .buffer_unordered(concurrency.max(1));
        while let Some((n, page)) = stream.next().await {
            self.take(n, page)?;
        }
        Ok(())
    }
}

/// Fetches every page of a listing when the caller expects `expected_pages` (e.g. as many as
/// the last time it listed): pages `1..=expected_pages` are asked for at once, `concurrency` at a
/// time, instead of the first page alone and the rest once it has told the count. That saves a
/// round trip (80 ms at a typical latency) on every listing of more than one page.
///
/// The first page's `total_pages` is still the one that counts: records of pages past it are
/// dropped and their errors ignored (a shrunken account), and pages past the guess are fetched
/// afterwards (a grown one). Records come back in page order. `fetch(n)` returns page `n`;
/// `on_first_page` sees page 1 when it arrives (e.g. to show it before the others).
///
/// Tolerant: a page that fails (after its own retries inside `fetch`) does not throw the others
/// away. Every failed page is tried once more at the end; what still fails is returned as
/// missing. Only the first page is indispensable (it tells the count): when it fails twice the
/// listing fails.
pub(crate) async fn collect_expecting<T, F, Fut>(
    endpoint: &str,
    expected_pages: u32,
    concurrency: usize,
    fetch: F,
    on_first_page: &(dyn Fn(&Page<T>) + Send + Sync),
    on_progress: &(dyn Fn(Progress) + Send + Sync),
) -> Result<Partial<T>>
where
    F: Fn(u32) -> Fut,
    Fut: Future<Output = Result<Page<T>>>,
{
    let guess = expected_pages.clamp(1, MAX_PAGES);
    let mut pages = Pages {
        endpoint,
        slots: Vec::new(),
        total: None,
        failed: Vec::new(),
        on_first_page,
        on_progress,
    };
    pages.slots.resize_with(guess as usize, || None);
    pages
        .fetch((1..=guess).collect(), concurrency, &fetch)
        .await?;
    if pages.total.is_none() {
        pages.failed.retain(|(n, _)| *n != 1);
        pages.fetch(vec![1], concurrency, &fetch).await?;
    }
    let Some(total) = pages.total else {
        let first = pages.failed.into_iter().find(|(n, _)| *n == 1);
        return Err(first.map(|(_, err)| err).unwrap_or_else(|| Error::Network {
            kind: crate::error::NetworkKind::Other,
            message: format!("the first page of {endpoint} did not arrive"),
        }));
    };
    pages.slots.truncate(total as usize);
    pages.failed.retain(|(n, _)| *n <= total);
    if total > guess {
        pages
            .fetch((guess + 1..=total).collect(), concurrency, &fetch)
            .await?;
    }
    let mut retried: Vec<u32> = pages.failed.drain(..).map(|(n, _)| n).collect();
    retried.sort_unstable();
    retried.dedup();
    if !retried.is_empty() {
        pages.fetch(retried.clone(), concurrency, &fetch).await?;
    }
    let mut missing = std::mem::take(&mut pages.failed);
    missing.sort_by_key(|(n, _)| *n);
    Ok(Partial {
        records: pages.slots.into_iter().flatten().flatten().collect(),
        missing,
        retried,
        total_pages: total,
    })
}

/// Fetches the pages `numbers` of a listing (e.g. the ones a tolerant listing missed),
/// `concurrency` at a time: the records that arrive in page order, and the pages that did not.
pub(crate) async fn collect_pages<T, F, Fut>(
    numbers: &[u32],
    concurrency: usize,
    fetch: F,
) -> (Vec<T>, Vec<(u32, Error)>)
where
    F: Fn(u32) -> Fut,
    Fut: Future<Output = Result<Page<T>>>,
{
    let mut arrived: Vec<(u32, Vec<T>)> = Vec::new();
    let mut missing = Vec::new();
    let mut stream = stream::iter(numbers.iter().copied())
        .map(|n| {
            let fut = fetch(n);
            async move { (n, fut.await) }
        })
        .buffer_unordered(concurrency.max(1));
    while let Some((n, page)) = stream.next().await {
        match page {
            Ok(page) => arrived.push((n, page.data)),
            Err(err) => missing.push((n, err)),
        }
    }
    arrived.sort_by_key(|(n, _)| *n);
    missing.sort_by_key(|(n, _)| *n);
    (arrived.into_iter().flat_map(|(_, d)| d).collect(), missing)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::{Arc, Mutex};
    use std::time::Duration;

    #[tokio::test]
    async fn pages_come_back_in_order_with_bounded_concurrency() {
        let in_flight = Arc::new(AtomicUsize::new(0));
        let peak = Arc::new(AtomicUsize::new(0));
        let progress = Mutex::new(Vec::new());
        let out = collect_rest(
            "GET /x",
            vec![0u32],
            10,
            3,
            |n| {
                let in_flight = in_flight.clone();
                let peak = peak.clone();
                async move {
                    let now = in_flight.fetch_add(1, Ordering::SeqCst) + 1;
                    peak.fetch_max(now, Ordering::SeqCst);
                    // Later pages finish first, to prove the order is restored.
                    tokio::time::sleep(Duration::from_millis(u64::from(30 - n * 2))).await;
                    in_flight.fetch_sub(1, Ordering::SeqCst);
                    Ok(vec![n * 10, n * 10 + 1])
                }
            },
            &|p| progress.lock().expect("lock").push(p),
        )
        .await
        .expect("ok");
        let mut want = vec![0];
        for n in 2..=10 {
            want.extend([n * 10, n * 10 + 1]);
        }
        assert_eq!(out, want);
        assert!(peak.load(Ordering::SeqCst) <= 3);
        assert!(peak.load(Ordering::SeqCst) >= 2);
        let progress = progress.into_inner().expect("lock");
        assert_eq!(progress.len(), 10);
        assert_eq!(progress.first().map(|p| p.pages_done), Some(1));
        assert_eq!(
            progress.last(),
            Some(&Progress {
                pages_done: 10,
                total_pages: 10
            })
        );
    }

    #[tokio::test]
    async fn runaway_total_is_refused() {
        let err = collect_rest(
            "GET /x",
            vec![1u8],
            MAX_PAGES + 1,
            4,
            |_| async { Ok(vec![]) },
            &|_| {},
        )
        .await
        .expect_err("runaway");
        assert!(matches!(err, Error::Runaway { .. }));
    }

    #[tokio::test]
    async fn a_page_that_fails_twice_fails_the_listing_and_once_does_not() {
        let calls = AtomicUsize::new(0);
        let err = collect_rest(
            "GET /x",
            vec![1u8],
            50,
            1,
            |n| {
                calls.fetch_add(1, Ordering::SeqCst);
                async move {
                    if n == 3 {
                        Err(Error::InvalidInput("boom".into()))
                    } else {
                        Ok(vec![1])
                    }
                }
            },
            &|_| {},
        )
        .await
        .expect_err("fails");
        assert!(matches!(err, Error::InvalidInput(_)));
        assert_eq!(
            calls.load(Ordering::SeqCst),
            50,
            "49 pages, then page 3 once more"
        );

        let failed_once = Mutex::new(false);
        let out = collect_rest(
            "GET /x",
            vec![1u32],
            5,
            2,
            |n| {
                let fail =
                    n == 4 && !std::mem::replace(&mut *failed_once.lock().expect("lock"), true);
                async move {
                    if fail {
                        Err(Error::InvalidInput("once".into()))
                    } else {
                        Ok(vec![n])
                    }
                }
            },
            &|_| {},
        )
        .await
        .expect("the second try brings page 4");
        assert_eq!(out, [1, 2, 3, 4, 5]);
    }

    /// A fake listing of `records` records, `size` a page, counting the requests.
    fn fake_pages(
        records: u32,
        size: u32,
        calls: &AtomicUsize,
    ) -> impl Fn(u32) -> std::future::Ready<Result<Page<u32>>> + '_ {
        move |n| {
            calls.fetch_add(1, Ordering::SeqCst);
            let total_pages = records.div_ceil(size).max(1);
            if n > total_pages {
                // As a server that refuses a page past the end might.
                return std::future::ready(Err(Error::InvalidInput(format!("no page {n}"))));
            }
            let data = ((n - 1) * size..(n * size).min(records)).collect();
            std::future::ready(Ok(Page {
                data,
                meta: PaginationMeta {
                    page_number: n,
                    page_size: size,
                    total_pages,
                    total_results: records,
                },
            }))
        }
    }

    #[tokio::test]
    async fn expected_pages_are_asked_for_at_once_and_the_first_page_decides() {
        for (records, expected, requests) in [
            // As expected: exactly the pages there are.
            (1000u32, 10u32, 10usize),
            // Fewer than expected: the extra pages' errors are ignored and nothing is lost.
            (450, 10, 10),
            // More than expected: the rest follows.
            (1000, 4, 10),
            // Nothing expected: the first page, then the rest.
            (1000, 0, 10),
            (0, 3, 3),
        ] {
            let calls = AtomicUsize::new(0);
            let progress = Mutex::new(Vec::new());
            let firsts = Mutex::new(Vec::new());
            let out = collect_expecting(
                "GET /x",
                expected,
                4,
                fake_pages(records, 100, &calls),
                &|page| firsts.lock().expect("lock").push(page.data.len()),
                &|p| progress.lock().expect("lock").push(p),
            )
            .await
            .expect("ok")
            .into_complete()
            .expect("complete");
            assert_eq!(
                out,
                (0..records).collect::<Vec<_>>(),
                "{records} expecting {expected}"
            );
            assert_eq!(
                calls.load(Ordering::SeqCst),
                requests,
                "{records} expecting {expected}"
            );
            let first_len = records.min(100) as usize;
            assert_eq!(
                firsts.into_inner().expect("lock"),
                [first_len],
                "page 1, once"
            );
            let progress = progress.into_inner().expect("lock");
            let last = progress.last().copied().expect("progress");
            assert_eq!(last.pages_done, last.total_pages);
            assert!(progress
                .windows(2)
                .all(|w| w[0].pages_done <= w[1].pages_done));
        }
    }

    #[tokio::test]
    async fn a_page_that_keeps_failing_is_missing_and_the_others_are_kept() {
        let calls = AtomicUsize::new(0);
        let pages = fake_pages(1000, 100, &calls);
        let page7 = AtomicUsize::new(0);
        let out = collect_expecting(
            "GET /x",
            10,
            4,
            |n| {
                if n == 7 {
                    page7.fetch_add(1, Ordering::SeqCst);
                    std::future::ready(Err(Error::InvalidInput("boom".into())))
                } else {
                    pages(n)
                }
            },
            &|_| {},
            &|_| {},
        )
        .await
        .expect("the other pages are kept");
        assert_eq!(out.total_pages, 10);
        assert_eq!(out.retried, [7]);
        assert_eq!(out.missing.len(), 1);
        assert_eq!(out.missing[0].0, 7);
        assert_eq!(page7.load(Ordering::SeqCst), 2, "tried once more, no more");
        let expected: Vec<u32> = (0..600).chain(700..1000).collect();
        assert_eq!(out.records, expected);
        assert!(matches!(out.into_complete(), Err(Error::InvalidInput(m)) if m == "boom"));
    }

    #[tokio::test]
    async fn a_page_that_fails_once_arrives_on_its_second_try() {
        let calls = AtomicUsize::new(0);
        let pages = fake_pages(1000, 100, &calls);
        let failed = Mutex::new(std::collections::HashSet::new());
        let progress = Mutex::new(Vec::new());
        let out = collect_expecting(
            "GET /x",
            10,
            4,
            |n| {
                if (n == 3 || n == 9) && failed.lock().expect("lock").insert(n) {
                    std::future::ready(Err(Error::InvalidInput("once".into())))
                } else {
                    pages(n)
                }
            },
            &|_| {},
            &|p| progress.lock().expect("lock").push(p),
        )
        .await
        .expect("ok");
        assert_eq!(out.retried, [3, 9]);
        assert!(out.missing.is_empty());
        assert_eq!(out.records, (0..1000).collect::<Vec<_>>());
        let last = progress
            .into_inner()
            .expect("lock")
            .last()
            .copied()
            .expect("progress");
        assert_eq!((last.pages_done, last.total_pages), (10, 10));
    }

    #[tokio::test]
    async fn the_first_page_is_indispensable() {
        let err = collect_expecting(
            "GET /x",
            3,
            4,
            |_| std::future::ready(Err::<Page<u32>, _>(Error::InvalidInput("first".into()))),
            &|_| {},
            &|_| {},
        )
        .await
        .expect_err("fails");
        assert!(matches!(err, Error::InvalidInput(m) if m == "first"));
        // A first page that fails once is tried again, alone, before anything is given up.
        let calls = AtomicUsize::new(0);
        let pages = fake_pages(500, 100, &calls);
        let tries = AtomicUsize::new(0);
        let out = collect_expecting(
            "GET /x",
            5,
            4,
            |n| {
                if n == 1 && tries.fetch_add(1, Ordering::SeqCst) == 0 {
                    std::future::ready(Err(Error::InvalidInput("first".into())))
                } else {
                    pages(n)
                }
            },
            &|_| {},
            &|_| {},
        )
        .await
        .expect("ok");
        assert_eq!(out.records, (0..500).collect::<Vec<_>>());
        assert_eq!(out.retried, Vec::<u32>::new(), "page 1 is retried at once");
    }

    #[tokio::test]
    async fn chosen_pages_come_back_in_order_with_the_missing_ones_named() {
        let calls = AtomicUsize::new(0);
        let pages = fake_pages(1000, 100, &calls);
        let (records, missing) = collect_pages(&[9, 2, 5], 2, |n| {
            if n == 5 {
                std::future::ready(Err(Error::InvalidInput("five".into())))
            } else {
                pages(n)
            }
        })
        .await;
        let expected: Vec<u32> = (100..200).chain(800..900).collect();
        assert_eq!(records, expected);
        assert_eq!(missing.iter().map(|(n, _)| *n).collect::<Vec<_>>(), [5]);
    }

    #[test]
    fn lenient_meta_fills_gaps() {
        let m = LenientMeta::default().resolve(1, 250, 10);
        assert_eq!(
            m,
            PaginationMeta {
                page_number: 1,
                page_size: 250,
                total_pages: 1,
                total_results: 10
            }
        );
        assert!(check_page(0, 10, 250).is_err());
        assert!(check_page(1, 251, 250).is_err());
        assert!(check_page(1, 250, 250).is_ok());
    }
}
