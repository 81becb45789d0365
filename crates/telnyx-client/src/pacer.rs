//! Client-side pacing shared by all requests of a client: slows down when
//! `x-ratelimit-remaining` runs low and pauses everyone after a 429.

use std::sync::Mutex;
use std::time::{Duration, Instant};

use crate::retry::{pacing, RateLimitStatus};

#[derive(Debug)]
struct State {
    /// Nobody passes before this instant (set after a 429 or an empty budget).
    pause_until: Option<Instant>,
    /// Minimum gap between two requests while the budget is low.
    spacing: Duration,
    /// When the last request passed the gate.
    last_pass: Option<Instant>,
}

/// The gate every request passes before it is sent.
#[derive(Debug)]
pub(crate) struct RequestPacer {
    /// FIFO turnstile: waiters pass one at a time, in order, each seeing the latest state.
    turnstile: tokio::sync::Mutex<()>,
    state: Mutex<State>,
    low_watermark: u64,
    max_spacing: Duration,
}

impl RequestPacer {
    pub(crate) fn new(low_watermark: u64, max_spacing: Duration) -> Self {
        RequestPacer {
            turnstile: tokio::sync::Mutex::new(()),
            state: Mutex::new(State {
                pause_until: None,
                spacing: Duration::ZERO,
                last_pass: None,
            }),
            low_watermark,
            max_spacing,
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, State> {
        // A poisoned lock only means another task panicked mid-update of plain timing data;
        // the data is still usable.
        self.state.lock().unwrap_or_else(|p| p.into_inner())
    }

    fn earliest(&self) -> Option<Instant> {
        let s = self.lock();
        let spaced = s.last_pass.map(|t| t + s.spacing);
        match (s.pause_until, spaced) {
            (Some(a), Some(b)) => Some(a.max(b)),
            (a, b) => a.or(b),
        }
    }

    /// Waits until this request may be sent.
    pub(crate) async fn acquire(&self) {
        // Fast path: no pacing in force.
        if self.is_open(Instant::now()) {
            self.lock().last_pass = Some(Instant::now());
            return;
        }
        let _turn = self.turnstile.lock().await;
        loop {
            match self.earliest() {
                Some(t) if t > Instant::now() => tokio::time::sleep_until(t.into()).await,
                _ => break,
            }
        }
        self.lock().last_pass = Some(Instant::now());
    }

    fn is_open(&self, now: Instant) -> bool {
        let s = self.lock();
        s.spacing.is_zero() && s.pause_until.is_none_or(|p| p <= now)
    }

    /// Updates the pacing from a response's rate-limit headers.
    pub(crate) fn observe(&self, status: Option<RateLimitStatus>) {
        let Some(status) = status else { return };
        let spacing = pacing(&status, self.low_watermark, self.max_spacing).unwrap_or_default();
        let mut s = self.lock();
        s.spacing = spacing;
        if status.remaining == 0 {
            let until = Instant::now() + status.reset.unwrap_or(spacing).min(self.max_spacing);
            s.pause_until = Some(s.pause_until.map_or(until, |p| p.max(until)));
        }
    }

    /// Holds every request back for `d` (after a 429 with a server-given wait).
    pub(crate) fn pause_for(&self, d: Duration) {
        let until = Instant::now() + d.min(self.max_spacing);
        let mut s = self.lock();
        s.pause_until = Some(s.pause_until.map_or(until, |p| p.max(until)));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn open_gate_does_not_wait() {
        let t = RequestPacer::new(2, Duration::from_secs(5));
        let start = Instant::now();
        for _ in 0..100 {
            t.acquire().await;
        }
        assert!(start.elapsed() < Duration::from_millis(50));
    }

    #[tokio::test]
    async fn low_budget_spaces_requests() {
        let t = RequestPacer::new(2, Duration::from_secs(5));
        t.observe(Some(RateLimitStatus {
            limit: Some(10),
            remaining: 1,
            reset: Some(Duration::from_millis(200)),
        }));
        let start = Instant::now();
        for _ in 0..3 {
            t.acquire().await;
        }
        // 100 ms spacing: the 2nd and 3rd requests wait.
        assert!(
            start.elapsed() >= Duration::from_millis(190),
            "{:?}",
            start.elapsed()
        );
        t.observe(Some(RateLimitStatus {
            limit: Some(10),
            remaining: 9,
            reset: Some(Duration::from_millis(200)),
        }));
        let start = Instant::now();
        for _ in 0..10 {
            t.acquire().await;
        }
        assert!(start.elapsed() < Duration::from_millis(50));
    }

    #[tokio::test]
    async fn pause_holds_everyone() {
        let t = std::sync::Arc::new(RequestPacer::new(2, Duration::from_secs(5)));
        t.pause_for(Duration::from_millis(150));
        let start = Instant::now();
        let a = tokio::spawn({
            let t = t.clone();
            async move { t.acquire().await }
        });
        t.acquire().await;
        a.await.expect("join");
        assert!(start.elapsed() >= Duration::from_millis(140));
    }
}
