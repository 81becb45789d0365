//! Listing every page against a mock server: page 1 first, then the rest concurrently and in
//! order, progress per page, a stop at `total_pages`, and a refusal to follow a runaway server.

mod common;

use std::sync::Mutex;
use std::time::{Duration, Instant};

use common::*;
use serde_json::json;
use telnyx_client::*;
use wiremock::matchers::{method, path};
use wiremock::{Mock, Request, Respond, ResponseTemplate};

/// Answers `page[number]=n` with page n of an account of `total` numbers, always claiming
/// `total_pages` pages, after `delay`; later pages answer faster so completion order is shuffled.
struct Pages {
    total: u32,
    total_pages: u32,
    delay: Duration,
}

impl Respond for Pages {
    fn respond(&self, request: &Request) -> ResponseTemplate {
        let q: std::collections::HashMap<_, _> = request.url.query_pairs().into_owned().collect();
        let n: u32 = q
            .get("page[number]")
            .and_then(|v| v.parse().ok())
            .unwrap_or(1);
        let size: u32 = q
            .get("page[size]")
            .and_then(|v| v.parse().ok())
            .unwrap_or(20);
        let data: Vec<_> = ((n - 1) * size..(n * size).min(self.total))
            .map(|i| number_json(u64::from(i), &format!("+1555{i:07}")))
            .collect();
        ResponseTemplate::new(200)
            .set_body_json(
                json!({"data": data, "meta": meta(n, size, self.total_pages, self.total)}),
            )
            .set_delay(
                self.delay
                    .saturating_sub(Duration::from_millis(u64::from(n))),
            )
    }
}

#[tokio::test]
async fn all_pages_in_order_with_progress_and_a_stop_at_total_pages() {
    let s = server().await;
    Mock::given(method("GET"))
        .and(path("/v2/phone_numbers/messaging"))
        .respond_with(Pages {
            total: 2400,
            total_pages: 10,
            delay: Duration::from_millis(200),
        })
        .expect(20) // twice 10 pages, never page 11 although the server would answer it
        .mount(&s)
        .await;
    let c = client(&s);
    let started = Instant::now();
    let sequential = c
        .with_page_concurrency(1)
        .list_all_messaging_numbers(&ListMessagingNumbers::default(), |_| {})
        .await
        .expect("sequential");
    let sequential_took = started.elapsed();
    let progress = Mutex::new(Vec::new());
    let started = Instant::now();
    let all = c
        .with_page_concurrency(9)
        .list_all_messaging_numbers(&ListMessagingNumbers::default(), |p| {
            progress.lock().expect("lock").push(p)
        })
        .await
        .expect("all");
    let took = started.elapsed();
    assert_eq!(all.len(), 2400);
    assert_eq!(all, sequential);
    for (i, n) in all.iter().enumerate() {
        assert_eq!(n.id.as_str(), i.to_string(), "in page order");
    }
    // 1 + 9 pages at once: about two round trips instead of ten.
    assert!(
        took * 2 < sequential_took,
        "concurrent {took:?} vs sequential {sequential_took:?}"
    );
    let progress = progress.into_inner().expect("lock");
    let done: Vec<u32> = progress.iter().map(|p| p.pages_done).collect();
    assert_eq!(done, (1..=10).collect::<Vec<_>>());
    assert!(progress.iter().all(|p| p.total_pages == 10));
    let requests = s.received_requests().await.unwrap_or_default();
    assert!(requests
        .iter()
        .all(|r| r.url.query().is_some_and(|q| q.contains("page[size]=250"))));
}

#[tokio::test]
async fn a_runaway_total_is_refused_after_the_first_page() {
    let s = server().await;
    Mock::given(method("GET"))
        .respond_with(Pages {
            total: 1_000_000_000,
            total_pages: 4_000_000,
            delay: Duration::ZERO,
        })
        .expect(1)
        .mount(&s)
        .await;
    let err = client(&s)
        .list_all_messaging_numbers(&ListMessagingNumbers::default(), |_| {})
        .await
        .expect_err("runaway");
    assert!(
        matches!(
            err,
            Error::Runaway {
                pages: 4_000_000,
                ..
            }
        ),
        "{err:?}"
    );
}

#[tokio::test]
async fn an_empty_account_is_one_request() {
    let s = server().await;
    Mock::given(method("GET"))
        .respond_with(Pages {
            total: 0,
            total_pages: 0,
            delay: Duration::ZERO,
        })
        .expect(1)
        .mount(&s)
        .await;
    let all = client(&s)
        .list_all_messaging_numbers(&ListMessagingNumbers::default(), |_| {})
        .await
        .expect("empty");
    assert!(all.is_empty());
}

#[tokio::test]
async fn a_failing_page_fails_the_listing_after_one_more_try() {
    let s = server().await;
    Mock::given(method("GET"))
        .and(wiremock::matchers::query_param("page[number]", "3"))
        .respond_with(ResponseTemplate::new(403).set_body_json(telnyx_error(
            "10010",
            "Authorization failed",
            "no",
        )))
        .with_priority(1)
        .mount(&s)
        .await;
    Mock::given(method("GET"))
        .respond_with(Pages {
            total: 1000,
            total_pages: 4,
            delay: Duration::ZERO,
        })
        .mount(&s)
        .await;
    // One page at a time, so no request is still in flight when the listing stops.
    let err = client(&s)
        .with_page_concurrency(1)
        .list_all_messaging_numbers(&ListMessagingNumbers::default(), |_| {})
        .await
        .expect_err("page 3 fails");
    let pages: Vec<String> = s
        .received_requests()
        .await
        .unwrap_or_default()
        .iter()
        .filter_map(|r| r.url.query().map(str::to_owned))
        .collect();
    // Every page once, then the failing one once more at the end (the others are kept meanwhile:
    // see `list_messaging_numbers_partial`), and nothing else.
    assert_eq!(pages.len(), 5, "{pages:?}");
    assert_eq!(pages[4], "page[number]=3&page[size]=250", "{pages:?}");
    assert_eq!(err.status(), Some(403));
    assert_eq!(err.first_code(), Some("10010"));
}
