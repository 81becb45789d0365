//! Pages: the JSON:API page type, progress reports, and fetching every page of a listing with
//! bounded concurrency, in order, stopping at `total_pages`.

use std::future::Future;

use futures::stream::{self, StreamExt, TryStreamExt};
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
/// after each, and returns their records in page order. The first error stops it (the remaining
/// requests are dropped).
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
    let mut stream = stream::iter(pages)
        .map(|n| {
            let fut = fetch(n);
            async move { fut.await.map(|items| (n, items)) }
        })
        .buffer_unordered(concurrency.max(1));
    while let Some((n, items)) = stream.try_next().await? {
        // n is within `pages`, so the index is in bounds.
        if let Some(slot) = slots.get_mut((n - start) as usize) {
            *slot = Some(items);
        }
        on_page();
    }
    Ok(slots.into_iter().flatten().flatten().collect())
}

/// Pages of [`MAX_PAGE_SIZE`] that `expected` records fill (at least one).
pub(crate) fn expected_pages(expected: usize) -> u32 {
    u32::try_from(expected.div_ceil(MAX_PAGE_SIZE as usize))
        .unwrap_or(MAX_PAGES)
        .max(1)
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
pub(crate) async fn collect_expecting<T, F, Fut>(
    endpoint: &str,
    expected_pages: u32,
    concurrency: usize,
    fetch: F,
    on_first_page: &(dyn Fn(&Page<T>) + Send + Sync),
    on_progress: &(dyn Fn(Progress) + Send + Sync),
) -> Result<Vec<T>>
where
    F: Fn(u32) -> Fut,
    Fut: Future<Output = Result<Page<T>>>,
{
    let guess = expected_pages.clamp(1, MAX_PAGES);
    let mut slots: Vec<Option<Vec<T>>> = Vec::new();
    slots.resize_with(guess as usize, || None);
    let mut total: Option<u32> = None;
    // Errors of pages that may lie past the end, kept until the first page says where that is.
    let mut undecided: Vec<(u32, Error)> = Vec::new();
    let mut done = 0u32;
    {
        let mut stream = stream::iter(1..=guess)
            .map(|n| {
                let fut = fetch(n);
                async move { (n, fut.await) }
            })
            .buffer_unordered(concurrency.max(1));
        while let Some((n, page)) = stream.next().await {
            match page {
                Ok(page) => {
                    if n == 1 {
                        let pages = page.meta.total_pages.max(1);
                        if pages > MAX_PAGES {
                            return Err(Error::Runaway {
                                endpoint: endpoint.to_owned(),
                                pages,
                            });
                        }
                        total = Some(pages);
                        if let Some((_, err)) = undecided.drain(..).find(|(m, _)| *m <= pages) {
                            return Err(err);
                        }
                        on_first_page(&page);
                    }
                    if let Some(slot) = slots.get_mut(n as usize - 1) {
                        *slot = Some(page.data);
                    }
                }
                Err(err) => match total {
                    None if n > 1 => undecided.push((n, err)),
                    Some(pages) if n > pages => {}
                    _ => return Err(err),
                },
            }
            done += 1;
            let pages = total.unwrap_or(guess);
            on_progress(Progress {
                pages_done: done.min(pages),
                total_pages: pages,
            });
        }
    }
    // Page 1 answered (an error would have returned), so the count is known.
    let total = total.unwrap_or(1);
    slots.truncate(total as usize);
    let mut records: Vec<T> = slots.into_iter().flatten().flatten().collect();
    if total > guess {
        let rest = fetch_range(
            guess + 1..=total,
            concurrency,
            |n| {
                let fut = fetch(n);
                async move { fut.await.map(|page| page.data) }
            },
            || {
                done += 1;
                on_progress(Progress {
                    pages_done: done.min(total),
                    total_pages: total,
                });
            },
        )
        .await?;
        records.extend(rest);
    }
    Ok(records)
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
    async fn first_error_stops_the_listing() {
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
        assert!(calls.load(Ordering::SeqCst) < 50);
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
            .expect("ok");
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
    async fn an_error_within_the_listing_fails_it() {
        let calls = AtomicUsize::new(0);
        let pages = fake_pages(1000, 100, &calls);
        let err = collect_expecting(
            "GET /x",
            10,
            4,
            |n| {
                if n == 7 {
                    std::future::ready(Err(Error::InvalidInput("boom".into())))
                } else {
                    pages(n)
                }
            },
            &|_| {},
            &|_| {},
        )
        .await
        .expect_err("fails");
        assert!(matches!(err, Error::InvalidInput(m) if m == "boom"));
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
