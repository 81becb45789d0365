//! Returning freed heap to the system. Loading a large account parses tens of megabytes of JSON on
//! the async runtime's worker threads; glibc keeps what they free in per-thread arenas, where it
//! counts against the app's memory until the next load reuses it. After a load, once the reply has
//! been sent to the window, `malloc_trim` gives it back (measured with `tests/bench/numbers.mjs`).
//!
//! Before that, [`tune_allocator`] sets how glibc's allocator works for the whole process: one
//! arena for every thread (each tokio worker otherwise gets its own, and a load leaves several
//! half-used), and large blocks (a page of JSON, the list's IPC reply) always mapped on their own
//! and unmapped when freed (glibc otherwise raises that threshold after the first such free, and
//! later multi-megabyte buffers land in the arenas, where they leave holes). With 10,000 numbers
//! this keeps the app's process about 7 MiB smaller after a load and 12 MiB after three refreshes
//! (`tests/bench/numbers.mjs`, README); the app makes too few allocations at once for one arena's
//! lock to matter.

use std::time::Duration;

/// glibc's own variables for these choices: when the person running the app sets one, it stands.
const ARENA_MAX_VARIABLE: &str = "MALLOC_ARENA_MAX";
const MMAP_THRESHOLD_VARIABLE: &str = "MALLOC_MMAP_THRESHOLD_";

/// One arena, and blocks from this size up mapped on their own (glibc's initial threshold, made
/// fixed).
const ARENA_MAX: i32 = 1;
const MMAP_THRESHOLD: i32 = 128 * 1024;

/// Sets glibc's arena count and mapping threshold (module docs), each unless its environment
/// variable is set. Call it first thing in `main`, before any thread starts.
pub fn tune_allocator() {
    if std::env::var_os(ARENA_MAX_VARIABLE).is_none() {
        set_malloc_option(MallocOption::ArenaMax, ARENA_MAX);
    }
    if std::env::var_os(MMAP_THRESHOLD_VARIABLE).is_none() {
        set_malloc_option(MallocOption::MmapThreshold, MMAP_THRESHOLD);
    }
}

#[derive(Clone, Copy)]
enum MallocOption {
    ArenaMax,
    MmapThreshold,
}

#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn set_malloc_option(option: MallocOption, value: i32) {
    let param = match option {
        MallocOption::ArenaMax => libc::M_ARENA_MAX,
        MallocOption::MmapThreshold => libc::M_MMAP_THRESHOLD,
    };
    // SAFETY: mallopt only changes glibc's allocator parameters; it takes no pointers.
    if unsafe { libc::mallopt(param, value) } != 1 {
        tracing::debug!("mallopt({param}, {value}) refused");
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn set_malloc_option(_option: MallocOption, _value: i32) {}

/// How long after a command's reply the heap is trimmed: long enough for the IPC reply's buffers
/// to be freed.
const AFTER_REPLY: Duration = Duration::from_secs(2);

/// Drops libphonenumber's compiled expressions and their caches (about 30 MiB after 10,000
/// numbers; [`desk_core::rules::numbers::release_regex_caches`]) and trims the heap shortly after
/// the reply of a command that read the whole account (a load, a scan), off the async runtime.
pub fn release_after_reply() {
    let spawned = std::thread::Builder::new()
        .name("heap-trim".into())
        .spawn(move || {
            std::thread::sleep(AFTER_REPLY);
            let dropped = desk_core::rules::numbers::release_regex_caches();
            tracing::debug!(dropped, "phone-number expressions released");
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
