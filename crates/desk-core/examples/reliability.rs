//! The reliability harness behind `bash .ci/dev reliability` (issue #13): drives desk-core's real
//! services — the same code the app runs — against the standalone simulator with faults injected,
//! compares what the app reports with what the simulator holds, tries hostile inputs, reads the
//! results of the other checks of the command (property tests, search cases, window probes), scans
//! for the API key, and writes `docs/RELIABILITY.md`.
//!
//! ```text
//! cargo run --release -p desk-core --example reliability -- \
//!     --sim target/debug/telnyx-sim --results DIR --out docs/RELIABILITY.md [--runs 20]
//!     [--numbers 10000] [--changes 60] [--scan PATH]...
//! ```
//! `DIR` holds what the shell collected before (`proptest.tsv`, `search.json`, `probes.json`,
//! `probes-status`); every `--scan` path (file or folder) is searched for the keys, as is the
//! harness's own log. Exits 1 when any row failed.

use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;
use std::io::{BufRead, BufReader, Write as _};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use desk_core::ports::secrets::{MemorySecretStore, SecretStore};
use desk_core::rules::settings::{Settings, SettingsChange, SettingsEdit};
use desk_core::services::accounts::{self, ClientOptions, ConnectRequest};
use desk_core::services::numbers::{ChangeOutcome, NumbersService, ProfileTarget};
use desk_core::Error;
use serde_json::{json, Value};
use telnyx_client::{ApiKey, MessagingProfileId};

/// The fake key the simulator of the harness accepts; the leak scan looks for it.
const HARNESS_KEY: &str = "KEYreliabilityHARNESS0000fake0000key0001";
/// The fake key the window probes connect with (`tests/e2e/probes.test.mjs`); scanned for too.
const E2E_KEY: &str = "KEYreliabilityE2E0000fake0000key0000probe";
/// The fault mix of issue #13.
const FAULT_MIX: &str = "20 % 5xx + 10 % 429 + 5 % drops + 2 % malformed bodies";

fn fault_mix() -> Value {
    json!({"p_5xx": 0.20, "p_429": 0.10, "p_drop": 0.05, "p_malformed": 0.02})
}

struct Args {
    sim: PathBuf,
    results: PathBuf,
    out: PathBuf,
    runs: usize,
    numbers: usize,
    changes: usize,
    scan: Vec<PathBuf>,
    commit: String,
    date: String,
}

fn args() -> Args {
    let mut a = Args {
        sim: PathBuf::from("target/debug/telnyx-sim"),
        results: std::env::temp_dir(),
        out: PathBuf::from("docs/RELIABILITY.md"),
        runs: 20,
        numbers: 10_000,
        changes: 60,
        scan: Vec::new(),
        commit: std::env::var("RELIABILITY_COMMIT").unwrap_or_else(|_| "unknown".into()),
        date: std::env::var("RELIABILITY_DATE").unwrap_or_else(|_| "unknown".into()),
    };
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        let value = it
            .next()
            .unwrap_or_else(|| die(&format!("{flag} needs a value")));
        let count = |v: &str| {
            v.parse()
                .unwrap_or_else(|_| die(&format!("{flag}: not a count")))
        };
        match flag.as_str() {
            "--sim" => a.sim = value.into(),
            "--results" => a.results = value.into(),
            "--out" => a.out = value.into(),
            "--runs" => a.runs = count(&value),
            "--numbers" => a.numbers = count(&value),
            "--changes" => a.changes = count(&value),
            "--scan" => a.scan.push(value.into()),
            other => die(&format!("unknown flag {other}")),
        }
    }
    a
}

fn die(why: &str) -> ! {
    eprintln!("reliability: {why}");
    std::process::exit(2)
}

/// Progress lines go to the terminal and to the log the leak scan reads.
#[derive(Clone)]
struct Log(Arc<Mutex<std::fs::File>>);

impl Log {
    fn say(&self, line: &str) {
        println!("{line}");
        if let Ok(mut f) = self.0.lock() {
            let _ = writeln!(f, "{line}");
        }
    }
}

// ---------------------------------------------------------------------------------------------
// The standalone simulator
// ---------------------------------------------------------------------------------------------

struct Sim {
    child: Child,
    base: String,
    admin: String,
    http: reqwest::Client,
}

impl Drop for Sim {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Sim {
    fn start(bin: &Path, numbers: usize, seed: u64, log: &Path) -> Sim {
        let err = std::fs::File::create(log).unwrap_or_else(|e| die(&format!("{e}")));
        let mut child = Command::new(bin)
            .args([
                "--port",
                "0",
                "--size",
                &numbers.to_string(),
                "--seed",
                &seed.to_string(),
            ])
            .args(["--api-key", HARNESS_KEY])
            .stdout(Stdio::piped())
            .stderr(err)
            .spawn()
            .unwrap_or_else(|e| die(&format!("cannot start {}: {e}", bin.display())));
        let stdout = child.stdout.take().expect("piped");
        let mut lines = BufReader::new(stdout).lines();
        let mut base = None;
        for line in lines.by_ref().map_while(Result::ok) {
            if let Some(url) = line.trim().strip_prefix("base URL:") {
                base = Some(url.trim().to_owned());
                break;
            }
        }
        // The rest of what it prints (it names the key it accepts, as Telnyx would know it) is
        // read and dropped: a closed pipe would stop it.
        std::thread::spawn(move || lines.for_each(drop));
        let base = base.unwrap_or_else(|| die("the simulator did not say where it listens"));
        let admin = format!("{}/_sim", base.trim_end_matches("/v2"));
        Sim {
            child,
            base,
            admin,
            http: reqwest::Client::new(),
        }
    }

    async fn faults(&self, faults: Option<Value>) {
        let req = match faults {
            Some(f) => self.http.put(format!("{}/faults", self.admin)).json(&f),
            None => self
                .http
                .delete(format!("{}/faults", self.admin))
                .header("content-type", "application/json"),
        };
        let resp = req.send().await.expect("admin API answers");
        assert!(
            resp.status().is_success(),
            "faults refused: {}",
            resp.status()
        );
    }

    async fn requests_served(&self) -> u64 {
        let state: Value = self
            .http
            .get(format!("{}/state", self.admin))
            .send()
            .await
            .expect("admin API answers")
            .json()
            .await
            .expect("state is JSON");
        state["requests_served"].as_u64().unwrap_or(0)
    }

    /// A Telnyx read, faults off, not through the app's client.
    async fn get(&self, path: &str) -> Value {
        let resp = self
            .http
            .get(format!("{}{path}", self.base))
            .bearer_auth(HARNESS_KEY)
            .send()
            .await
            .expect("the simulator answers");
        assert!(resp.status().is_success(), "GET {path}: {}", resp.status());
        resp.json().await.expect("JSON")
    }

    /// Every number with messaging settings: id → (phone number, profile id).
    async fn truth(&self) -> HashMap<String, (String, Option<String>)> {
        let mut out = HashMap::new();
        for page in 1.. {
            let body = self
                .get(&format!(
                    "/phone_numbers/messaging?page[number]={page}&page[size]=250"
                ))
                .await;
            for n in body["data"].as_array().expect("data") {
                out.insert(
                    n["id"].as_str().expect("id").to_owned(),
                    (
                        n["phone_number"].as_str().unwrap_or("").to_owned(),
                        n["messaging_profile_id"].as_str().map(str::to_owned),
                    ),
                );
            }
            if page >= body["meta"]["total_pages"].as_u64().unwrap_or(1) {
                break;
            }
        }
        out
    }

    async fn profile_of(&self, id: &str) -> Option<String> {
        self.get(&format!("/phone_numbers/{id}/messaging")).await["data"]["messaging_profile_id"]
            .as_str()
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
    }

    async fn profiles(&self) -> Vec<String> {
        self.get("/messaging_profiles?page[size]=250").await["data"]
            .as_array()
            .expect("data")
            .iter()
            .map(|p| p["id"].as_str().expect("id").to_owned())
            .collect()
    }
}

fn client(base: &str, key: &str) -> telnyx_client::Client {
    // The app's own client: its retry setting (3) and paging from default settings.
    accounts::build_client(
        base,
        ApiKey::new(key),
        ClientOptions::from_settings(&Settings::default()),
    )
    .expect("client builds")
}

// ---------------------------------------------------------------------------------------------
// Full loads under the fault mix
// ---------------------------------------------------------------------------------------------

struct LoadRun {
    seconds: f64,
    correct: usize,
    lost: usize,
    duplicated: usize,
    wrong: usize,
    /// None: the load said it was whole. Some: the error or the gaps it reported.
    reported: Option<String>,
    failed_whole: bool,
    unavailable: usize,
    /// Pages the load said were missing, and about how many numbers.
    missing_pages: usize,
    about_missing: usize,
    /// What "Load the missing numbers" then gave.
    after_missing: Option<String>,
}

impl LoadRun {
    fn exact(&self, total: usize) -> bool {
        self.correct == total && self.lost == 0 && self.duplicated == 0 && self.wrong == 0
    }
    /// Honest: either exact, or the app said what is missing (never a silent loss).
    fn honest(&self, total: usize) -> bool {
        self.exact(total)
            || self.failed_whole
            || (self.missing_pages > 0
                && self.lost <= self.about_missing
                && self.wrong == 0
                && self.duplicated == 0)
    }
}

/// A list's rows against the simulator's numbers: (correct, lost, duplicated, wrong).
fn compare(
    list: &desk_core::services::numbers::NumbersList,
    truth: &HashMap<String, (String, Option<String>)>,
) -> (usize, usize, usize, usize) {
    let rows = &list.rows;
    let (mut correct, mut wrong) = (0, 0);
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for i in 0..rows.len() {
        *seen.entry(rows.id[i].as_str()).or_default() += 1;
        let profile = rows.profile_index[i]
            .and_then(|p| rows.profile_refs.get(p as usize))
            .map(|p| p.id.clone());
        match truth.get(rows.id[i].as_str()) {
            Some((phone, want)) if *phone == rows.phone_number[i] && *want == profile => {
                if seen[rows.id[i].as_str()] == 1 {
                    correct += 1;
                }
            }
            _ => wrong += 1,
        }
    }
    let duplicated = seen.values().filter(|n| **n > 1).map(|n| n - 1).sum();
    let lost = truth
        .keys()
        .filter(|id| !seen.contains_key(id.as_str()))
        .count();
    (correct, lost, duplicated, wrong)
}

async fn full_loads(sim: &Sim, runs: usize, log: &Log) -> (usize, Vec<LoadRun>) {
    sim.faults(None).await;
    let truth = sim.truth().await;
    let mut out = Vec::new();
    for run in 1..=runs {
        sim.faults(Some(fault_mix())).await;
        let service = NumbersService::new();
        let client = client(&sim.base, HARNESS_KEY);
        let started = Instant::now();
        let result = tokio::time::timeout(
            Duration::from_secs(180),
            service.load("reliability", &client, |_| {}, None),
        )
        .await;
        let seconds = started.elapsed().as_secs_f64();
        sim.faults(None).await;
        let mut r = LoadRun {
            seconds,
            correct: 0,
            lost: truth.len(),
            duplicated: 0,
            wrong: 0,
            reported: None,
            failed_whole: false,
            unavailable: 0,
            missing_pages: 0,
            about_missing: 0,
            after_missing: None,
        };
        match result {
            Err(_) => {
                r.failed_whole = true;
                r.reported = Some("did not finish within 180 s".into());
            }
            Ok(Err(e)) => {
                r.failed_whole = true;
                r.reported = Some(Error::from(e).explain());
            }
            Ok(Ok(list)) => {
                (r.correct, r.lost, r.duplicated, r.wrong) = compare(&list, &truth);
                r.unavailable = list.unavailable.len();
                let mut said = Vec::new();
                if let Some(m) = &list.missing {
                    r.missing_pages = m.pages.len();
                    r.about_missing = m.about_numbers as usize;
                    said.push(format!(
                        "partial load: {} of {} pages missing (about {} numbers, {}): {}",
                        m.pages.len(),
                        m.total_pages,
                        m.about_numbers,
                        m.positions,
                        m.why
                    ));
                }
                if !list.unavailable.is_empty() {
                    let names: Vec<&str> =
                        list.unavailable.iter().map(|u| u.what.as_str()).collect();
                    said.push(format!("loaded without {}", names.join(", ")));
                }
                if !said.is_empty() {
                    r.reported = Some(said.join("; "));
                }
                // "Load the missing numbers", as the notice offers, faults still on.
                if list.missing.is_some() {
                    sim.faults(Some(fault_mix())).await;
                    let again = tokio::time::timeout(
                        Duration::from_secs(120),
                        service.load_missing("reliability", &client),
                    )
                    .await;
                    sim.faults(None).await;
                    r.after_missing = Some(match again {
                        Ok(Ok(list)) => {
                            let (_, lost, dup, wrong) = compare(&list, &truth);
                            format!(
                                "after “Load the missing numbers”: lost {lost}, duplicated {dup}, wrong {wrong}{}",
                                if list.missing.is_some() { ", still reported missing" } else { "" }
                            )
                        }
                        Ok(Err(e)) => format!(
                            "“Load the missing numbers” failed: {}",
                            Error::from(e).explain()
                        ),
                        Err(_) => "“Load the missing numbers” did not finish within 120 s".into(),
                    });
                }
            }
        }
        log.say(&format!(
            "load {run}/{runs}: {:.1} s, correct {}, lost {}, duplicated {}, wrong {}, {}",
            r.seconds,
            r.correct,
            r.lost,
            r.duplicated,
            r.wrong,
            r.reported.as_deref().unwrap_or("reported whole")
        ));
        if let Some(after) = &r.after_missing {
            log.say(&format!("  {after}"));
        }
        out.push(r);
    }
    (truth.len(), out)
}

// ---------------------------------------------------------------------------------------------
// Single changes under the fault mix
// ---------------------------------------------------------------------------------------------

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Reported {
    Changed,
    NotChanged,
    Unknown,
}

struct ChangeRun {
    number: String,
    action: String,
    reported: Reported,
    said: String,
    actually_changed: bool,
}

impl ChangeRun {
    fn misreported(&self) -> bool {
        match self.reported {
            Reported::Changed => !self.actually_changed,
            Reported::NotChanged => self.actually_changed,
            Reported::Unknown => false,
        }
    }
}

/// A small deterministic generator (the same picks every run of the command).
struct Picks(u64);
impl Picks {
    fn next(&mut self, below: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % below as u64) as usize
    }
}

async fn single_changes(sim: &Sim, changes: usize, log: &Log) -> Vec<ChangeRun> {
    sim.faults(None).await;
    let truth = sim.truth().await;
    let profiles = sim.profiles().await;
    let mut ids: Vec<&String> = truth.keys().collect();
    ids.sort();
    let service = NumbersService::new();
    let client = client(&sim.base, HARNESS_KEY);
    // The app changes a number from a loaded list: load it first, faults off.
    service
        .load("reliability", &client, |_| {}, None)
        .await
        .expect("the list loads without faults");
    let mut picks = Picks(0x9E37_79B9_7F4A_7C15);
    let mut out = Vec::new();
    for i in 0..changes {
        let id = ids[picks.next(ids.len())].clone();
        let before = sim.profile_of(&id).await;
        let (target, action, want) = match (&before, i % 2) {
            (Some(_), 0) => (ProfileTarget::Unassign, "unassign".to_owned(), None),
            _ => {
                let others: Vec<&String> = profiles
                    .iter()
                    .filter(|p| Some(*p) != before.as_ref())
                    .collect();
                let p = others[picks.next(others.len())].clone();
                (
                    ProfileTarget::Assign(MessagingProfileId::new(p.clone())),
                    if before.is_some() {
                        "move".to_owned()
                    } else {
                        "assign".to_owned()
                    },
                    Some(p),
                )
            }
        };
        sim.faults(Some(fault_mix())).await;
        let result = service
            .set_profile("reliability", &client, &id, target)
            .await;
        sim.faults(None).await;
        let after = sim.profile_of(&id).await;
        let actually_changed = after == want && after != before;
        let (reported, said) = match &result {
            Ok(report) => {
                let lost = report
                    .lost_answer
                    .as_deref()
                    .map_or(String::new(), |l| format!(" (its answer was lost: {l})"));
                match &report.outcome {
                    ChangeOutcome::Made => (Reported::Changed, "changed".to_owned()),
                    ChangeOutcome::MadeAfterAll => {
                        (Reported::Changed, format!("made after all{lost}"))
                    }
                    ChangeOutcome::NotMade => (Reported::NotChanged, format!("not made{lost}")),
                    ChangeOutcome::Unknown { read_failure } => (
                        Reported::Unknown,
                        format!("unknown, check again{lost}; the read failed: {read_failure}"),
                    ),
                }
            }
            // A refusal, or a request that could not be sent: nothing changed.
            Err(e) => (Reported::NotChanged, Error::from(e.clone()).explain()),
        };
        let run = ChangeRun {
            number: truth[&id].0.clone(),
            action,
            reported,
            said,
            actually_changed,
        };
        log.say(&format!(
            "change {}/{changes}: {} {} → reported {:?}, actually changed: {}{}",
            i + 1,
            run.action,
            run.number,
            run.reported,
            run.actually_changed,
            if run.misreported() {
                "  MISREPORTED"
            } else {
                ""
            }
        ));
        out.push(run);
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Hostile inputs
// ---------------------------------------------------------------------------------------------

struct Case {
    area: String,
    input: String,
    expected: String,
    observed: String,
    pass: bool,
}

async fn hostile_inputs(sim: &Sim, log: &Log) -> Vec<Case> {
    sim.faults(None).await;
    let mut cases = Vec::new();
    let base = sim.base.clone();
    let port = base
        .rsplit(':')
        .next()
        .and_then(|p| p.split('/').next())
        .unwrap_or("0")
        .to_owned();
    let long = |c: char, n: usize| std::iter::repeat_n(c, n).collect::<String>();

    // --- The connect command: (what is varied, name, key, address, accepted?)
    let ok_key = HARNESS_KEY.to_owned();
    let connect_cases: Vec<(&str, String, String, String, bool)> = vec![
        ("key", "Main".into(), "".into(), base.clone(), false),
        ("key", "Main".into(), "   \n\t ".into(), base.clone(), false),
        (
            "key",
            "Main".into(),
            "KEY0123 456789abcdef".into(),
            base.clone(),
            false,
        ),
        (
            "key",
            "Main".into(),
            "KEY0123456789abc\r\nX-Evil: 1".into(),
            base.clone(),
            false,
        ),
        (
            "key",
            "Main".into(),
            "KEY0123456789ab\0cdef".into(),
            base.clone(),
            false,
        ),
        ("key", "Main".into(), "KEYshort".into(), base.clone(), false),
        (
            "key",
            "Main".into(),
            format!("KEY{}", long('a', 300)),
            base.clone(),
            false,
        ),
        (
            "key",
            "Main".into(),
            "ＫＥＹ０１２３４５６７８９ａｂｃｄｅｆ".into(),
            base.clone(),
            false,
        ),
        (
            "key",
            "Main".into(),
            format!("KEY\u{202E}{}", long('b', 20)),
            base.clone(),
            false,
        ),
        (
            "key (wrong but well-formed)",
            "Main".into(),
            "KEYwrong0000wrong0000wrong0000".into(),
            base.clone(),
            false,
        ),
        (
            "key (pasted with spaces around)",
            "Main".into(),
            format!("  {ok_key}\n"),
            base.clone(),
            true,
        ),
        (
            "name",
            "\u{202E}gnp.exe".into(),
            ok_key.clone(),
            base.clone(),
            false,
        ),
        (
            "name",
            "Main\u{200B}".into(),
            ok_key.clone(),
            base.clone(),
            false,
        ),
        (
            "name",
            "\u{FEFF}Main".into(),
            ok_key.clone(),
            base.clone(),
            false,
        ),
        (
            "name",
            "a\u{2066}b\u{2069}".into(),
            ok_key.clone(),
            base.clone(),
            false,
        ),
        (
            "name",
            "bell\u{7}".into(),
            ok_key.clone(),
            base.clone(),
            false,
        ),
        (
            "name",
            "nul\0name".into(),
            ok_key.clone(),
            base.clone(),
            false,
        ),
        (
            "name",
            "two\nlines".into(),
            ok_key.clone(),
            base.clone(),
            false,
        ),
        ("name", long('x', 61), ok_key.clone(), base.clone(), false),
        (
            "name",
            long('é', 10_000),
            ok_key.clone(),
            base.clone(),
            false,
        ),
        (
            "name (60 emoji)",
            long('📞', 60),
            ok_key.clone(),
            base.clone(),
            true,
        ),
        (
            "name (Arabic)",
            "مكتب الرياض".into(),
            ok_key.clone(),
            base.clone(),
            true,
        ),
        (
            "name (emoji with joiner)",
            "Team 👩\u{200D}💻".into(),
            ok_key.clone(),
            base.clone(),
            true,
        ),
        (
            "name (markup)",
            "<img src=x onerror=alert(1)>".into(),
            ok_key.clone(),
            base.clone(),
            true,
        ),
        (
            "address",
            "Main".into(),
            ok_key.clone(),
            "http://example.com/v2".into(),
            false,
        ),
        (
            "address",
            "Main".into(),
            ok_key.clone(),
            "http://10.0.0.1/v2".into(),
            false,
        ),
        (
            "address",
            "Main".into(),
            ok_key.clone(),
            format!("http://127.0.0.1.nip.io:{port}/v2"),
            false,
        ),
        (
            "address",
            "Main".into(),
            ok_key.clone(),
            format!("http://0.0.0.0:{port}/v2"),
            false,
        ),
        (
            "address",
            "Main".into(),
            ok_key.clone(),
            "file:///etc/passwd".into(),
            false,
        ),
        (
            "address",
            "Main".into(),
            ok_key.clone(),
            "javascript:alert(1)".into(),
            false,
        ),
        (
            "address",
            "Main".into(),
            ok_key.clone(),
            "data:text/html,<h1>x</h1>".into(),
            false,
        ),
        (
            "address",
            "Main".into(),
            ok_key.clone(),
            format!("http://user:pass@127.0.0.1:{port}/v2"),
            false,
        ),
        (
            "address",
            "Main".into(),
            ok_key.clone(),
            format!("https://{}@api.telnyx.com/v2", "k"),
            false,
        ),
        (
            "address",
            "Main".into(),
            ok_key.clone(),
            format!("http://[::ffff:127.0.0.1]:{port}/v2"),
            false,
        ),
        (
            "address (IPv6 loopback, nothing listening)",
            "Main".into(),
            ok_key.clone(),
            format!("http://[::1]:{port}/v2"),
            false,
        ),
        (
            "address",
            "Main".into(),
            ok_key.clone(),
            format!("http://{}.example/v2", long('a', 100_000)),
            false,
        ),
        (
            "address",
            "Main".into(),
            ok_key.clone(),
            "not a url".into(),
            false,
        ),
        (
            "address (loopback, short form)",
            "Main".into(),
            ok_key.clone(),
            format!("http://127.1:{port}/v2"),
            true,
        ),
        (
            "address (localhost)",
            "Main".into(),
            ok_key.clone(),
            format!("http://localhost:{port}/v2"),
            true,
        ),
    ];
    for (what, name, key, address, accept) in connect_cases {
        let store = MemorySecretStore::default();
        let served_before = sim.requests_served().await;
        let started = Instant::now();
        let result = tokio::time::timeout(
            Duration::from_secs(30),
            accounts::connect(
                &store,
                &Settings::default(),
                ConnectRequest {
                    name: name.clone(),
                    api_key: key.clone(),
                    base_url: address.clone(),
                },
            ),
        )
        .await;
        let took = started.elapsed();
        let sent = sim.requests_served().await - served_before;
        let (observed, accepted, leaked) = match result {
            Err(_) => ("no answer within 30 s".to_owned(), false, false),
            Ok(Ok(c)) => (
                format!("connected as “{}”, key stored", c.entry.name),
                store.get(&c.entry.keychain_ref).ok().flatten().is_some(),
                false,
            ),
            Ok(Err(e)) => {
                let sentence = e.explain();
                let leaked = key.trim().len() >= 8
                    && (sentence.contains(key.trim()) || e.to_string().contains(key.trim()));
                let nothing_stored = store.is_empty();
                (
                    format!(
                        "refused{}: {}{}",
                        if sent == 0 {
                            " before sending"
                        } else {
                            " by Telnyx"
                        },
                        shorten(&sentence, 90),
                        if nothing_stored {
                            ""
                        } else {
                            " (BUT a key was stored)"
                        }
                    ),
                    !nothing_stored,
                    leaked,
                )
            }
        };
        let input = match what.split(' ').next().unwrap_or(what) {
            "key" => key.clone(),
            "name" => name.clone(),
            _ => address.clone(),
        };
        let expected = if accept {
            "accepted, key stored".to_owned()
        } else {
            "refused, nothing stored, key not in the message".to_owned()
        };
        let pass = accepted == accept && !leaked && took < Duration::from_secs(30);
        cases.push(Case {
            area: format!("connect: {what}"),
            input,
            expected,
            observed: if leaked {
                format!("{observed} — KEY IN THE MESSAGE")
            } else {
                observed
            },
            pass,
        });
    }

    // --- Settings: edits as the window sends them (JSON over IPC), then the one validation.
    let settings_cases: Vec<(&str, String, bool)> = vec![
        (
            "pages at once",
            r#"{"type":"pagingConcurrency","value":0}"#.into(),
            false,
        ),
        (
            "pages at once",
            r#"{"type":"pagingConcurrency","value":17}"#.into(),
            false,
        ),
        (
            "pages at once",
            r#"{"type":"pagingConcurrency","value":16}"#.into(),
            true,
        ),
        (
            "pages at once",
            r#"{"type":"pagingConcurrency","value":-1}"#.into(),
            false,
        ),
        (
            "pages at once",
            r#"{"type":"pagingConcurrency","value":4294967296}"#.into(),
            false,
        ),
        (
            "pages at once",
            r#"{"type":"pagingConcurrency","value":"NaN"}"#.into(),
            false,
        ),
        (
            "pages at once",
            r#"{"type":"pagingConcurrency","value":NaN}"#.into(),
            false,
        ),
        (
            "pages at once",
            r#"{"type":"pagingConcurrency","value":1e309}"#.into(),
            false,
        ),
        (
            "pages at once",
            r#"{"type":"pagingConcurrency","value":8.5}"#.into(),
            false,
        ),
        (
            "pages at once",
            r#"{"type":"pagingConcurrency","value":"8"}"#.into(),
            false,
        ),
        (
            "pages at once",
            r#"{"type":"pagingConcurrency","value":null}"#.into(),
            false,
        ),
        (
            "bulk size",
            r#"{"type":"bulkChunkSize","value":0}"#.into(),
            false,
        ),
        (
            "bulk size",
            r#"{"type":"bulkChunkSize","value":1001}"#.into(),
            false,
        ),
        (
            "bulk size",
            r#"{"type":"bulkChunkSize","value":1000}"#.into(),
            true,
        ),
        (
            "bulk size",
            format!(r#"{{"type":"bulkChunkSize","value":{}}}"#, "9".repeat(400)),
            false,
        ),
        (
            "theme",
            r#"{"type":"theme","theme":"purple"}"#.into(),
            false,
        ),
        ("theme", r#"{"type":"theme","theme":"dark"}"#.into(), true),
        (
            "unknown edit",
            r#"{"type":"apiKey","value":"KEYx"}"#.into(),
            false,
        ),
        (
            "API address",
            r#"{"type":"apiBaseUrl","url":"javascript:alert(1)"}"#.into(),
            false,
        ),
        (
            "API address",
            r#"{"type":"apiBaseUrl","url":"http://evil.example/v2"}"#.into(),
            false,
        ),
        (
            "API address",
            r#"{"type":"apiBaseUrl","url":"file:///etc/passwd"}"#.into(),
            false,
        ),
        (
            "API address",
            r#"{"type":"apiBaseUrl","url":"https://u:p@api.telnyx.com/v2"}"#.into(),
            false,
        ),
        (
            "API address",
            format!(
                r#"{{"type":"apiBaseUrl","url":"https://{}.com/v2"}}"#,
                "a".repeat(100_000)
            ),
            true,
        ),
        (
            "API address",
            r#"{"type":"apiBaseUrl","url":""}"#.into(),
            true,
        ),
        (
            "API address",
            r#"{"type":"apiBaseUrl","url":"https://proxy.example.com/telnyx/v2/"}"#.into(),
            true,
        ),
    ];
    for (what, json_text, accept) in settings_cases {
        let started = Instant::now();
        let observed = match serde_json::from_str::<SettingsEdit>(&json_text) {
            Err(e) => Err(format!("not understood ({})", shorten(&e.to_string(), 60))),
            Ok(edit) => Settings::default()
                .apply(SettingsChange::Edit(edit))
                .map_err(|e| format!("refused: {}", shorten(&e.0, 80))),
        };
        let pass = observed.is_ok() == accept && started.elapsed() < Duration::from_secs(1);
        cases.push(Case {
            area: format!("settings: {what}"),
            input: json_text,
            expected: if accept {
                "saved".into()
            } else {
                "refused, settings unchanged".into()
            },
            observed: match observed {
                Ok(_) => "saved".into(),
                Err(why) => why,
            },
            pass,
        });
    }
    log.say(&format!(
        "hostile inputs (connect, settings): {} cases, {} as expected",
        cases.len(),
        cases.iter().filter(|c| c.pass).count()
    ));
    cases
}

fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_owned()
    } else {
        let cut: String = text.chars().take(max).collect();
        format!("{cut}…")
    }
}

/// An input as the report shows it: escaped, long ones cut with their length said.
fn shown(input: &str) -> String {
    let n = input.chars().count();
    let head: String = input.chars().take(48).collect();
    let mut s = format!("{head:?}");
    if n > 48 {
        s = format!("{}… ({n} chars)", s.trim_end_matches('"'));
    }
    format!("`{}`", s.replace('`', "\\u{60}").replace('|', "\\|"))
}

fn cell(text: &str) -> String {
    text.replace('|', "\\|").replace('\n', " ")
}

// ---------------------------------------------------------------------------------------------
// Results of the other steps of the command, and the key-leak scan
// ---------------------------------------------------------------------------------------------

fn read_json(path: &Path) -> Option<Value> {
    serde_json::from_str(&std::fs::read_to_string(path).ok()?).ok()
}

struct LeakScan {
    files: usize,
    bytes: u64,
    hits: Vec<String>,
    roots: Vec<String>,
    excluded: Vec<String>,
}

fn leak_scan(roots: &[PathBuf]) -> LeakScan {
    let mut scan = LeakScan {
        files: 0,
        bytes: 0,
        hits: Vec::new(),
        roots: Vec::new(),
        excluded: Vec::new(),
    };
    let needles = [HARNESS_KEY.as_bytes(), E2E_KEY.as_bytes()];
    let mut seen = HashSet::new();
    for root in roots {
        let before = scan.files;
        let mut stack: Vec<PathBuf> = vec![root.clone()];
        while let Some(path) = stack.pop() {
            if !seen.insert(path.clone()) {
                continue;
            }
            let Ok(meta) = std::fs::symlink_metadata(&path) else {
                continue;
            };
            if meta.is_dir() {
                if let Ok(entries) = std::fs::read_dir(&path) {
                    stack.extend(entries.filter_map(|e| e.ok()).map(|e| e.path()));
                }
            } else if meta.is_file()
                && path
                    .file_name()
                    .is_some_and(|n| n.to_string_lossy().ends_with(".sim.log"))
            {
                // The simulator plays Telnyx: its log names the key it accepts, as Telnyx knows it.
                scan.excluded.push(path.display().to_string());
            } else if meta.is_file() {
                if let Ok(bytes) = std::fs::read(&path) {
                    scan.files += 1;
                    scan.bytes += bytes.len() as u64;
                    for needle in needles {
                        if bytes.windows(needle.len()).any(|w| w == needle) {
                            scan.hits.push(path.display().to_string());
                        }
                    }
                }
            }
        }
        scan.roots.push(format!(
            "`{}` ({} files)",
            root.display(),
            scan.files - before
        ));
    }
    scan
}

// ---------------------------------------------------------------------------------------------
// The report
// ---------------------------------------------------------------------------------------------

fn mark(ok: bool) -> &'static str {
    if ok {
        "✓ pass"
    } else {
        "✗ **FAIL**"
    }
}

#[tokio::main]
async fn main() {
    let a = args();
    std::fs::create_dir_all(&a.results).unwrap_or_else(|e| die(&format!("{e}")));
    let log_path = a.results.join("harness.log");
    let log = Log(Arc::new(Mutex::new(
        std::fs::File::create(&log_path).unwrap_or_else(|e| die(&format!("{e}"))),
    )));
    let started = Instant::now();

    let sim = Sim::start(&a.sim, a.numbers, 7, &a.results.join("sim.log"));
    log.say(&format!("simulator: {} numbers at {}", a.numbers, sim.base));
    let (total, loads) = full_loads(&sim, a.runs, &log).await;
    let changes = single_changes(&sim, a.changes, &log).await;
    let mut inputs = hostile_inputs(&sim, &log).await;
    drop(sim);

    // Search cases (Vitest, tests/reliability/search.test.ts).
    let search = read_json(&a.results.join("search.json"));
    match &search {
        Some(Value::Array(items)) => {
            for c in items {
                inputs.push(Case {
                    area: format!("search: {}", c["area"].as_str().unwrap_or("")),
                    input: c["input"].as_str().unwrap_or("").to_owned(),
                    expected: c["expected"].as_str().unwrap_or("").to_owned(),
                    observed: c["observed"].as_str().unwrap_or("").to_owned(),
                    pass: c["pass"].as_bool().unwrap_or(false),
                });
            }
        }
        _ => inputs.push(Case {
            area: "search".into(),
            input: "(the Vitest cases)".into(),
            expected: "run".into(),
            observed: "not run: no search.json".into(),
            pass: false,
        }),
    }

    // Window probes (tests/e2e/security.test.mjs and probes.test.mjs).
    let probes = read_json(&a.results.join("probes.json"));
    let probes_status = std::fs::read_to_string(a.results.join("probes-status"))
        .unwrap_or_else(|_| "not run".into());
    let probes_status = probes_status.trim();
    // security.test.mjs's own result (node's spec reporter: ✔ or ✖ before the test's name).
    let mut probes = probes;
    if let (Some(p), Ok(out)) = (
        probes.as_mut(),
        std::fs::read_to_string(a.results.join("e2e.out")),
    ) {
        let name = "the window cannot be navigated away from the app";
        if let Some(line) = out.lines().find(|l| l.contains(name)) {
            let passed = line.contains('✔');
            if let Some(list) = p["probes"].as_array_mut() {
                list.push(json!({
                    "name": "navigation (security.test.mjs)",
                    "attempt": "location.href to the demo simulator, a data: page and a remote site; a link clicked",
                    "observed": if passed { "window stayed on the app with its bridge; refusal logged by origin only" } else { "the test failed: see target/reliability/e2e.out" },
                    "blocked": passed,
                }));
            }
        }
    }

    // Property tests (the shell runs them beside the harness and writes name, cases, seconds,
    // exit status; `proptest.running` is there until they are done).
    let waiting = Instant::now();
    while a.results.join("proptest.running").exists()
        && waiting.elapsed() < Duration::from_secs(2400)
    {
        tokio::time::sleep(Duration::from_secs(2)).await;
    }
    let proptests: Vec<(String, String, String, String)> =
        std::fs::read_to_string(a.results.join("proptest.tsv"))
            .unwrap_or_default()
            .lines()
            .filter_map(|l| {
                let f: Vec<&str> = l.split('\t').collect();
                (f.len() == 4).then(|| (f[0].into(), f[1].into(), f[2].into(), f[3].into()))
            })
            .collect();

    // Key-leak scan: what the command produced, then the harness's own output.
    let mut roots = a.scan.clone();
    roots.push(a.results.clone());
    // The window's private HOMEs: the app's data folder, settings file and logs, the keyring.
    if let Some(homes) = probes.as_ref().and_then(|p| p["homes"].as_array()) {
        roots.extend(homes.iter().filter_map(Value::as_str).map(PathBuf::from));
    }
    // The E2E suite's own HOME (its keyring folder included: the key must be encrypted there).
    if let Some(home) = probes.as_ref().and_then(|p| p["suiteHome"].as_str()) {
        roots.push(PathBuf::from(home));
    }
    let scan = leak_scan(&roots);
    log.say(&format!(
        "key-leak scan: {} files ({} bytes), {} hits",
        scan.files,
        scan.bytes,
        scan.hits.len()
    ));

    let report = render(
        &a,
        total,
        &loads,
        &changes,
        &inputs,
        probes.as_ref(),
        probes_status,
        &proptests,
        &scan,
        started.elapsed(),
    );
    if let Some(dir) = a.out.parent() {
        let _ = std::fs::create_dir_all(dir);
    }
    std::fs::write(&a.out, &report.0).unwrap_or_else(|e| die(&format!("{e}")));
    log.say(&format!(
        "wrote {} ({})",
        a.out.display(),
        if report.1 {
            "all rows pass"
        } else {
            "some rows FAIL"
        }
    ));
    std::process::exit(if report.1 { 0 } else { 1 });
}

#[allow(clippy::too_many_arguments)]
fn render(
    a: &Args,
    total: usize,
    loads: &[LoadRun],
    changes: &[ChangeRun],
    inputs: &[Case],
    probes: Option<&Value>,
    probes_status: &str,
    proptests: &[(String, String, String, String)],
    scan: &LeakScan,
    took: Duration,
) -> (String, bool) {
    let mut md = String::new();
    let exact = loads.iter().filter(|r| r.exact(total)).count();
    let failed_whole = loads.iter().filter(|r| r.failed_whole).count();
    let partial = loads
        .iter()
        .filter(|r| !r.exact(total) && !r.failed_whole)
        .count();
    let silent = loads.iter().filter(|r| !r.honest(total)).count();
    let lost: usize = loads.iter().map(|r| r.lost).sum();
    let dup: usize = loads.iter().map(|r| r.duplicated).sum();
    let wrong: usize = loads.iter().map(|r| r.wrong).sum();
    let loads_ok = !loads.is_empty() && exact == loads.len();
    let gaps = loads
        .iter()
        .filter(|r| r.exact(total) && r.unavailable > 0)
        .count();

    let count = |r: Reported| changes.iter().filter(|c| c.reported == r).count();
    let mis = changes.iter().filter(|c| c.misreported()).count();
    let unknown_changed = changes
        .iter()
        .filter(|c| c.reported == Reported::Unknown && c.actually_changed)
        .count();
    let changes_ok = !changes.is_empty() && mis == 0;

    let by_area = |prefix: &str| inputs.iter().filter(|c| c.area.starts_with(prefix)).count();
    let inputs_pass = inputs.iter().filter(|c| c.pass).count();
    let inputs_ok = inputs_pass == inputs.len() && inputs.len() >= 40;

    let probe_rows: Vec<(String, String, String, bool)> = probes
        .and_then(|p| p["probes"].as_array())
        .map(|items| {
            items
                .iter()
                .map(|p| {
                    (
                        p["name"].as_str().unwrap_or("").to_owned(),
                        p["attempt"].as_str().unwrap_or("").to_owned(),
                        p["observed"].as_str().unwrap_or("").to_owned(),
                        p["blocked"].as_bool().unwrap_or(false),
                    )
                })
                .collect()
        })
        .unwrap_or_default();
    let probes_ran = probes_status == "ran" && !probe_rows.is_empty();
    let probes_blocked = probe_rows.iter().filter(|p| p.3).count();
    let probes_ok = probes_ran && probes_blocked == probe_rows.len();

    let leaks_ok = scan.hits.is_empty() && scan.files > 0;
    // Three suites: the E.164 parser, the decoders, the scenario loader.
    let props_ok = proptests.len() == 3 && proptests.iter().all(|p| p.3 == "0");
    let all_ok = loads_ok && changes_ok && inputs_ok && probes_ok && leaks_ok && props_ok;

    let _ = writeln!(md, "# Reliability report\n");
    let _ = writeln!(
        md,
        "Generated by `bash .ci/dev reliability` on {} at commit `{}` in {:.0} s (the harness: \
         `crates/desk-core/examples/reliability.rs`). Do not edit by hand: rerun the command.\n",
        a.date,
        a.commit,
        took.as_secs_f64()
    );
    let _ = writeln!(
        md,
        "**Overall: {}.** Fault mix: {FAULT_MIX} (the simulator's `PUT /_sim/faults`), on every \
         request to `/v2` while the app works; the simulator's own state is read with faults off.\n",
        if all_ok { "every row passes" } else { "some rows FAIL (✗) — see below" }
    );
    let _ = writeln!(
        md,
        "| scenario | load | faults injected | result | bad inputs tried | leaks found | verdict |"
    );
    let _ = writeln!(md, "| --- | --- | --- | --- | --- | --- | --- |");
    let _ = writeln!(
        md,
        "| Full loads ({} runs) | {} numbers, the app's retry setting (3), 8 pages at once | {FAULT_MIX} | \
         {exact}/{} runs with every number, exactly; {failed_whole} failed whole (the error shown); {partial} partial; \
         numbers lost {lost}, duplicated {dup}, wrong {wrong} (summed over runs); silent losses {silent}; \
         {gaps} of the whole runs lacked a compliance list (said so) | — | — | {} |",
        loads.len(), total, loads.len(), mark(loads_ok)
    );
    let _ = writeln!(
        md,
        "| Single changes ({}) | assign / move / unassign one number of {total} | {FAULT_MIX} | \
         reported changed {}, not changed {}, outcome unknown {} ({unknown_changed} of them were made); \
         **misreported {mis}** | — | — | {} |",
        changes.len(), count(Reported::Changed), count(Reported::NotChanged), count(Reported::Unknown), mark(changes_ok)
    );
    let _ = writeln!(
        md,
        "| Hostile inputs | connect {}, settings {}, search {} | none | {inputs_pass}/{} as expected | {} | key in a message: {} | {} |",
        by_area("connect"), by_area("settings"), by_area("search"), inputs.len(), inputs.len(),
        inputs.iter().filter(|c| c.observed.contains("KEY IN THE MESSAGE")).count(),
        mark(inputs_ok)
    );
    let _ = writeln!(
        md,
        "| Page-side security probes | the real window (demo account and a connected account) | scripts run inside the page | {} | {} | — | {} |",
        if probes_ran { format!("{probes_blocked}/{} blocked", probe_rows.len()) } else { format!("**not run** ({probes_status})") },
        probe_rows.len(),
        if probes_ran { mark(probes_ok) } else { "✗ **not run**" }
    );
    let _ = writeln!(
        md,
        "| Key-leak scan | {} files, {:.1} MB | — | {} | — | {} | {} |",
        scan.files,
        scan.bytes as f64 / 1e6,
        if scan.hits.is_empty() {
            "no file holds a key"
        } else {
            "a key was found"
        },
        scan.hits.len(),
        mark(leaks_ok)
    );
    let prop_cases = proptests.first().map_or("?".to_owned(), |p| p.1.clone());
    let _ = writeln!(
        md,
        "| Property tests | {} suites, {prop_cases} cases per property | arbitrary and mutated inputs | {} | E.164, decoders, scenario files | — | {} |",
        proptests.len(),
        if props_ok {
            "no panic, every property holds".to_owned()
        } else {
            format!(
                "{} of 3 suites ran; {} failed",
                proptests.len(),
                proptests.iter().filter(|p| p.3 != "0").count()
            )
        },
        mark(props_ok)
    );

    // --- Explanations and details
    let _ = writeln!(md, "\n## What each row means\n");
    let _ = writeln!(md, "- **Full loads**: a fresh `NumbersService::load` (what the Numbers screen does on opening an account) of a generated account, with the app's own client settings, while the fault mix is on. Each run's rows are compared, number by number, with the simulator's list read afterwards with faults off: *correct* = the row is there once, with the right phone number and profile; *lost* = a number of the account without a row; *duplicated* = extra rows of one number; *wrong* = rows that match nothing. A run passes only when it is whole and exact. A run that is not is *honest* when the app said so: the whole load failed with an error, or it kept what arrived and named the missing pages (`NumbersList::missing`) covering every lost number; a *silent loss* is one it did not report. After a partial load the harness presses “Load the missing numbers” (`NumbersService::load_missing`) once, faults still on, and says what that gave. A compliance list that could not be loaded is named too (readiness then says “Couldn't check”).");
    let _ = writeln!(md, "- **Single changes**: `NumbersService::set_profile` on one number at a time (after a load without faults, as in the app), fault mix on during the change only. What the app reports (`ProfileChangeReport`: *made*, *made after all* and *not made* — the last two after reading the number back when the change's answer was lost — or *unknown, check again* when even that read failed; an `Err` is a refusal: *not changed*) is compared with the number's profile in the simulator afterwards. *Misreported* = said changed but it was not, or said not changed but it was. \"Outcome unknown\" is never a misreport; how many of those were in fact made is counted beside it.");
    let _ = writeln!(md, "- **Hostile inputs**: table-driven. The connect command (`accounts::connect`: name, key, address) against the simulator with an in-memory keychain; settings edits decoded from JSON as the window sends them and applied through `Settings::apply`; the search box and its URL state in TypeScript (`ui/src/features/numbers/model.ts`, `urlState.ts`) under Vitest (`tests/reliability/search.test.ts`). Each case names its input (escaped), what should happen, and what did.");
    let _ = writeln!(md, "- **Page-side security probes**: scripts run inside the real app window (WebKitWebDriver under Xvfb; `tests/e2e/security.test.mjs` and `tests/e2e/probes.test.mjs`) try to reach a listening loopback server by every way a page has. *Blocked* = the page saw a failure **and** the listening server received nothing. Without a display (no Xvfb, WebKitWebDriver or app build) these rows say *not run*, never pass.");
    let _ = writeln!(md, "- **Key-leak scan**: after every run above (including a connect in the window with a known fake key), the files listed below are searched byte for byte for the fake keys the harness and the window used.");
    let _ = writeln!(md, "- **Property tests**: `proptest` suites at high case counts (`PROPTEST_CASES`); any panic or broken property fails the suite.");

    let _ = writeln!(md, "\n## Full loads, run by run\n");
    let _ = writeln!(
        md,
        "| run | seconds | correct | lost | duplicated | wrong | the app reported | verdict |"
    );
    let _ = writeln!(md, "| --- | --- | --- | --- | --- | --- | --- | --- |");
    for (i, r) in loads.iter().enumerate() {
        let verdict = if r.exact(total) && r.unavailable > 0 {
            format!(
                "✓ numbers whole ({} compliance list(s) missing, said so)",
                r.unavailable
            )
        } else if r.exact(total) {
            "✓ whole".to_owned()
        } else if r.failed_whole {
            "✗ whole load failed".to_owned()
        } else if r.honest(total) {
            format!("✗ partial ({} lost, reported)", r.lost)
        } else {
            format!("✗ **silent loss** ({} lost)", r.lost)
        };
        let _ = writeln!(
            md,
            "| {} | {:.1} | {} | {} | {} | {} | {} | {verdict} |",
            i + 1,
            r.seconds,
            r.correct,
            r.lost,
            r.duplicated,
            r.wrong,
            cell(&format!(
                "{}{}",
                shorten(r.reported.as_deref().unwrap_or("whole list"), 240),
                r.after_missing
                    .as_deref()
                    .map_or(String::new(), |a| format!(" — {a}"))
            ))
        );
    }

    let _ = writeln!(md, "\n## Single changes\n");
    let _ = writeln!(
        md,
        "| # | number | change | the app reported | made at Telnyx (simulator) | verdict |"
    );
    let _ = writeln!(md, "| --- | --- | --- | --- | --- | --- |");
    for (i, c) in changes.iter().enumerate() {
        let reported = match c.reported {
            Reported::Changed => shorten(&c.said, 200),
            Reported::NotChanged => format!("not changed: {}", shorten(&c.said, 160)),
            Reported::Unknown => shorten(&c.said, 200),
        };
        let verdict = if c.misreported() {
            "✗ **misreported**"
        } else if c.reported == Reported::Unknown {
            "✓ (unknown, said so)"
        } else {
            "✓"
        };
        let _ = writeln!(
            md,
            "| {} | {} | {} | {} | {} | {verdict} |",
            i + 1,
            c.number,
            c.action,
            cell(&reported),
            if c.actually_changed { "yes" } else { "no" }
        );
    }

    let _ = writeln!(md, "\n## Hostile inputs\n");
    let _ = writeln!(md, "| area | input | expected | observed | pass |");
    let _ = writeln!(md, "| --- | --- | --- | --- | --- |");
    for c in inputs {
        let _ = writeln!(
            md,
            "| {} | {} | {} | {} | {} |",
            cell(&c.area),
            shown(&c.input),
            cell(&c.expected),
            cell(&shorten(&c.observed, 160)),
            if c.pass { "✓" } else { "✗ **FAIL**" }
        );
    }

    let _ = writeln!(md, "\n## Page-side security probes\n");
    if probes_ran {
        let _ = writeln!(md, "| probe | what the page tried | observed | blocked |");
        let _ = writeln!(md, "| --- | --- | --- | --- |");
        for (name, attempt, observed, blocked) in &probe_rows {
            let _ = writeln!(
                md,
                "| {} | {} | {} | {} |",
                cell(name),
                cell(attempt),
                cell(observed),
                if *blocked {
                    "✓ blocked"
                } else {
                    "✗ **NOT BLOCKED**"
                }
            );
        }
    } else {
        for probe in [
            "fetch",
            "XHR",
            "WebSocket",
            "image",
            "frame",
            "eval",
            "ungranted plugin commands",
            "navigation",
        ] {
            let _ = writeln!(md, "- {probe}: **not run** ({probes_status})");
        }
    }

    let _ = writeln!(md, "\n## Key-leak scan\n");
    let _ = writeln!(
        md,
        "{} files ({} bytes) searched for the harness's and the window's fake keys; {} hit(s).\n",
        scan.files,
        scan.bytes,
        scan.hits.len()
    );
    for root in &scan.roots {
        let _ = writeln!(md, "- scanned: {root}");
    }
    for file in &scan.excluded {
        let _ = writeln!(md, "- not scanned: `{file}` (the simulator's log: it plays Telnyx and prints the key it accepts)");
    }
    for hit in &scan.hits {
        let _ = writeln!(md, "- ✗ **key found in** `{hit}`");
    }

    let _ = writeln!(md, "\n## Property tests\n");
    let _ = writeln!(md, "| suite | cases per property | seconds | result |");
    let _ = writeln!(md, "| --- | --- | --- | --- |");
    for (name, cases, secs, status) in proptests {
        let _ = writeln!(
            md,
            "| `{name}` | {cases} | {secs} | {} |",
            if status == "0" {
                "✓ no panic"
            } else {
                "✗ **FAILED**"
            }
        );
    }

    let _ = writeln!(md, "\n## Rerun\n");
    let _ = writeln!(md, "```sh\nbash .ci/dev reliability\n```\n");
    let _ = writeln!(md, "It builds the simulator, the app (debug) and the harness, runs the property tests at 100,000 cases, the search cases, the window probes (when Xvfb and WebKitWebDriver are there), then the harness, and rewrites this file; it exits non-zero when a row fails. Smaller: `RELIABILITY_RUNS=2 RELIABILITY_CHANGES=10 PROPTEST_CASES=2000 bash .ci/dev reliability`. Target: under 10 minutes on 2 cores.");
    (md, all_ok)
}
