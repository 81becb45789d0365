//! Returning freed heap to the system. Loading a large account parses tens of megabytes of JSON on
//! the async runtime's worker threads; glibc keeps what they free in per-thread arenas, where it
//! counts against the app's memory until the next load reuses it. After a load, once the reply has
//! been sent to the window, `malloc_trim` gives it back (measured with `tests/bench/numbers.mjs`).

use std::time::Duration;

/// Trims the heap after `delay` (long enough for the IPC reply's buffers to be freed), off the
/// async runtime.
pub fn release_freed_after(delay: Duration) {
    let spawned = std::thread::Builder::new()
        .name("heap-trim".into())
        .spawn(move || {
            std::thread::sleep(delay);
            release_freed();
        });
    if let Err(err) = spawned {
        tracing::debug!("heap trim skipped: {err}");
    }
}

#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn release_freed() {
    // SAFETY: malloc_trim only walks glibc's own arenas and releases free pages; it takes no
    // pointers and is safe to call from any thread at any time.
    unsafe {
        libc::malloc_trim(0);
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn release_freed() {}
