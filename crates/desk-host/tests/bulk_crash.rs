//! Crash safety of a bulk job, for real: the runner works in a child process (this test binary,
//! run again as `child_runner`) with the SQLite journal, and is killed with SIGKILL at several
//! points of a job — right after the journal is written, while an order is being sent, after an
//! order was made, while orders settle, after the per-number PATCHes. Then the job is recovered
//! from the journal file: every number ends on its target, the report equals the simulator's
//! state, and the simulator's write counters show that no number was written twice (the one number
//! every bulk order fails gets exactly its one order and its one PATCH).

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::time::Duration;

use desk_core::ports::journal::{ItemState, JobKind, JobState, Journal};
use desk_core::rules::plan::Target;
use desk_core::services::bulk::{BulkOptions, BulkService, CancelToken};
use desk_core::services::snapshot::{load_snapshot, ListSizes};
use desk_host::SqliteJournal;
use telnyx_client::{ApiKey, Client};
use telnyx_sim::{Account, Faults, SimConfig, Simulator};

const CHILD: &str = "DESK_BULK_CRASH_CHILD";

fn options() -> BulkOptions {
    BulkOptions {
        chunk_size: 8,
        max_in_flight: 2,
        poll_interval: Duration::from_millis(60),
        settle_wait: Duration::from_millis(1200),
        confirm_delay: Duration::from_millis(200),
        ..BulkOptions::default()
    }
}

fn client(base: &str, key: &str) -> Client {
    Client::builder(base, ApiKey::new(key))
        .retry_backoff(Duration::from_millis(5), Duration::from_millis(50))
        .build()
        .expect("client")
}

fn service(client: Client, journal: &Path) -> BulkService {
    let journal: Arc<dyn Journal> = Arc::new(SqliteJournal::open(journal).expect("journal opens"));
    BulkService::new(client, journal, "acct", "Crash test", options())
}

/// The child: plans every number onto the profile it is given and runs the job, printing each
/// step as it happens. It is killed somewhere along the way. Does nothing in a normal test run.
#[tokio::test]
async fn child_runner() {
    let Ok(base) = std::env::var(CHILD) else {
        return;
    };
    let key = std::env::var("DESK_BULK_KEY").expect("key");
    let journal = PathBuf::from(std::env::var("DESK_BULK_JOURNAL").expect("journal"));
    let target = Target::Profile {
        id: std::env::var("DESK_BULK_TARGET").expect("target"),
    };
    let client = client(&base, &key);
    let snapshot = load_snapshot(&client, ListSizes::default(), |_| {}, None)
        .await
        .expect("snapshot");
    let all: Vec<String> = snapshot
        .numbers
        .iter()
        .map(|n| n.phone_number.as_str().to_owned())
        .collect();
    let plan = BulkService::preview(&snapshot, &all, &target);
    let svc = service(client, &journal);
    let on_progress = |p: desk_core::services::bulk::BulkProgress| println!("STEP {}", p.step);
    svc.run(&plan, JobKind::Move, &on_progress, &CancelToken::new())
        .await
        .expect("job runs");
    println!("STEP done");
}

/// Runs the child until it prints `STEP <step>` for the `nth` time, then SIGKILLs it (or lets it
/// end if the step never comes). Returns whether it was killed.
fn run_child_and_kill(
    base: &str,
    key: &str,
    journal: &Path,
    target: &str,
    step: &str,
    nth: usize,
) -> bool {
    let exe = std::env::current_exe().expect("test binary");
    let mut child = Command::new(exe)
        .args(["child_runner", "--exact", "--nocapture", "--test-threads=1"])
        .env(CHILD, base)
        .env("DESK_BULK_KEY", key)
        .env("DESK_BULK_JOURNAL", journal)
        .env("DESK_BULK_TARGET", target)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("child starts");
    let out = child.stdout.take().expect("stdout");
    let want = format!("STEP {step}");
    let mut seen = 0;
    let mut killed = false;
    for line in BufReader::new(out).lines() {
        let Ok(line) = line else { break };
        if line.trim_end().ends_with(&want) {
            seen += 1;
            if seen == nth {
                // std's kill is SIGKILL on Unix: no destructor, no flush, nothing.
                child.kill().expect("SIGKILL");
                killed = true;
                break;
            }
        }
    }
    let _ = child.wait();
    killed
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn killed_at_every_point_then_resumed() {
    if std::env::var(CHILD).is_ok() {
        return;
    }
    let points: &[(&str, usize)] = &[
        ("created", 1),
        ("sending", 1),
        ("sent", 1),
        ("sending", 3),
        ("polled", 1),
        ("polled", 3),
        ("patched", 1),
        ("confirmed", 1),
    ];
    let dir = std::env::temp_dir().join(format!("desk-bulk-crash-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp folder");
    for (n, &(step, nth)) in points.iter().enumerate() {
        let mut config = SimConfig::with_account(Account::generated(40, 11));
        config.bulk_settle = Duration::from_millis(300);
        let sim = Simulator::start(config).await.expect("simulator");
        let target = sim
            .account()
            .profiles
            .iter()
            .find(|p| p.name == "Support Line")
            .map(|p| p.id.clone())
            .expect("profile");
        let failing = sim
            .account()
            .numbers
            .iter()
            .find(|n| {
                n.messaging_profile_id.as_deref() != Some(&target)
                    && n.features.sms.is_some()
                    && n.phone_number.starts_with('+')
            })
            .map(|n| n.phone_number.clone())
            .expect("a number to fail");
        sim.set_faults(Faults {
            latency_ms: 40,
            fail_bulk_numbers: vec![failing.clone()],
            ..Faults::default()
        });
        let journal = dir.join(format!("journal-{n}.sqlite3"));
        let (base, key) = (sim.base_url(), sim.api_key());
        let (j, t) = (journal.clone(), target.clone());
        let killed =
            tokio::task::spawn_blocking(move || run_child_and_kill(&base, &key, &j, &t, step, nth))
                .await
                .expect("child thread");
        assert!(killed, "the child reached {step} #{nth}");

        // Resume from the file the killed child left.
        let svc = service(client(&sim.base_url(), &sim.api_key()), &journal);
        let cut_short = svc.unfinished().expect("journal").len();
        let done = svc
            .recover(&|_| {}, &CancelToken::new())
            .await
            .expect("recovers");
        assert_eq!(done.len(), cut_short);
        let job = match done.as_slice() {
            [job] => job.clone(),
            // Killed after its last step: the child may have marked the job finished just before
            // the signal landed. The journal then says so, and the checks below still hold.
            [] if step == "confirmed" => {
                let id = svc.jobs().expect("journal")[0].id.clone();
                svc.job(&id).expect("the job")
            }
            other => panic!("killed at {step} #{nth}: {} jobs recovered", other.len()),
        };
        let job = &job;
        assert_eq!(job.state, JobState::Finished, "{step} #{nth}");
        let account = sim.account();
        for item in &job.items {
            let now = account
                .numbers
                .iter()
                .find(|n| n.phone_number == item.phone_number)
                .map(|n| n.messaging_profile_id.clone());
            match item.state {
                ItemState::Moved => {
                    assert_eq!(
                        now.as_ref(),
                        Some(&item.to),
                        "{step} #{nth}: {} moved",
                        item.phone_number
                    );
                    assert_eq!(item.confirmed, Some(true));
                }
                ItemState::Skipped => {}
                other => panic!(
                    "{step} #{nth}: {} ended {other:?}: {:?}",
                    item.phone_number, item.words
                ),
            }
        }
        let moved = job
            .items
            .iter()
            .filter(|i| i.state == ItemState::Moved)
            .count();
        assert!(moved > 20, "{moved}");
        let writes = sim.writes();
        assert_eq!(writes.redundant, 0, "{step} #{nth}: nothing applied twice");
        for item in job.items.iter().filter(|i| i.state == ItemState::Moved) {
            let sent = writes.numbers.get(&item.phone_number).copied().unwrap_or(0);
            let want = if item.phone_number == failing { 2 } else { 1 };
            assert_eq!(
                sent, want,
                "{step} #{nth}: {} written {sent} times",
                item.phone_number
            );
        }
        assert!(svc.unfinished().expect("journal").is_empty());
        eprintln!(
            "killed at {step} #{nth}: {moved} moved after recovery, {} orders, {} patches, 0 redundant",
            writes.bulk_orders, writes.patches
        );
        sim.shutdown().await;
    }
    let _ = std::fs::remove_dir_all(&dir);
}
