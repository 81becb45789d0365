//! The SQLite journal: what is written is read back, updates replace items, jobs list newest first,
//! unfinished jobs are found after the file is reopened (as after a crash), WAL mode and the
//! schema version, and a newer schema is refused rather than misread.

use desk_core::ports::journal::{
    ItemState, Job, JobItem, JobKind, JobState, Journal, ProfileSetting, ProfileSettingChange,
};
use desk_host::{SqliteJournal, JOURNAL_FILE};

fn folder(test: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("desk-host-journal-{test}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

fn item(phone: &str, state: ItemState) -> JobItem {
    JobItem {
        number_id: format!("id{phone}"),
        phone_number: phone.into(),
        from: None,
        to: Some("p1".into()),
        state,
        order_id: None,
        code: None,
        words: None,
        confirmed: None,
        attempts: 0,
    }
}

fn job(id: &str, account: &str, n: usize) -> Job {
    Job {
        id: id.into(),
        account: account.into(),
        created_at: "2026-12-02T01:00:00Z".into(),
        who: "Acme (production)".into(),
        kind: JobKind::Move,
        state: JobState::Running,
        undoes: None,
        items: (0..n)
            .map(|i| item(&format!("+1212555{i:04}"), ItemState::Planned))
            .collect(),
        profile_change: None,
    }
}

fn profile_fix(id: &str) -> Job {
    Job {
        kind: JobKind::ProfileFix,
        profile_change: Some(ProfileSettingChange {
            profile_id: "p1".into(),
            profile_name: "Support “Line”".into(),
            before: ProfileSetting::WebhookUrl { value: None },
            after: ProfileSetting::WebhookUrl {
                value: Some("https://hooks.example.com/in".into()),
            },
            state: ItemState::Sent,
            code: None,
            words: None,
        }),
        ..job(id, "acct", 0)
    }
}

#[test]
fn round_trip_update_and_order() {
    let dir = folder("round");
    let j = SqliteJournal::open_in(&dir).expect("opens");
    assert_eq!(j.path(), dir.join(JOURNAL_FILE));
    let mut a = job("a", "acct", 3);
    a.kind = JobKind::Undo;
    a.undoes = Some("z".into());
    j.create(&a).unwrap();
    j.create(&job("b", "acct", 2)).unwrap();
    j.create(&job("c", "other", 1)).unwrap();
    assert_eq!(j.job("a").unwrap().unwrap(), a);
    assert_eq!(j.job("nope").unwrap(), None);

    let mut changed = a.items[1].clone();
    changed.state = ItemState::Failed;
    changed.code = Some("10015".into());
    changed.words = Some("Telnyx refused it.".into());
    changed.order_id = Some("o-1".into());
    changed.confirmed = Some(false);
    changed.attempts = 2;
    j.update_items("a", &[changed.clone()]).unwrap();
    let back = j.job("a").unwrap().unwrap();
    assert_eq!(back.items[1], changed);
    assert_eq!(
        back.items[0], a.items[0],
        "the others untouched, in their order"
    );

    let ids: Vec<String> = j.jobs("acct").unwrap().into_iter().map(|s| s.id).collect();
    assert_eq!(ids, ["b", "a"], "newest first, this account only");
    let summary = &j.jobs("acct").unwrap()[1];
    assert_eq!((summary.counts.planned, summary.counts.failed), (2, 1));

    j.set_state("b", JobState::Finished).unwrap();
    assert!(j.set_state("nope", JobState::Finished).is_err());
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn unfinished_jobs_survive_reopening() {
    let dir = folder("reopen");
    {
        let j = SqliteJournal::open_in(&dir).unwrap();
        j.create(&job("done", "acct", 1)).unwrap();
        j.set_state("done", JobState::Finished).unwrap();
        j.create(&job("cut", "acct", 5)).unwrap();
        let mut sent = item("+12125550001", ItemState::Sent);
        sent.order_id = Some("order-9".into());
        j.update_items("cut", &[sent]).unwrap();
        // Dropped without any shutdown: as if the app were killed.
    }
    let j = SqliteJournal::open_in(&dir).unwrap();
    let open = j.unfinished("acct").unwrap();
    assert_eq!(open.len(), 1);
    assert_eq!(open[0].id, "cut");
    assert_eq!(open[0].items[1].order_id.as_deref(), Some("order-9"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn wal_and_schema_version() {
    let dir = folder("schema");
    drop(SqliteJournal::open_in(&dir).unwrap());
    let conn = rusqlite::Connection::open(dir.join(JOURNAL_FILE)).unwrap();
    let pragma = |name: &str| -> String {
        conn.query_row(&format!("PRAGMA {name}"), [], |r| {
            r.get::<_, rusqlite::types::Value>(0)
        })
        .map(|v| match v {
            rusqlite::types::Value::Text(t) => t,
            rusqlite::types::Value::Integer(i) => i.to_string(),
            other => format!("{other:?}"),
        })
        .unwrap()
    };
    assert_eq!(pragma("journal_mode"), "wal");
    assert_eq!(pragma("user_version"), "2");
    conn.execute_batch("PRAGMA user_version = 7").unwrap();
    drop(conn);
    let refused = SqliteJournal::open_in(&dir).unwrap_err();
    assert!(refused.0.contains("newer"), "{refused}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn forgetting_an_account_removes_its_jobs_and_numbers_only() {
    let dir = folder("forget");
    let j = SqliteJournal::open_in(&dir).expect("opens");
    j.create(&job("d1", "demo", 3)).unwrap();
    j.create(&job("d2", "demo", 1)).unwrap();
    j.create(&job("k", "acct", 2)).unwrap();
    j.forget_account("demo").unwrap();
    assert!(j.jobs("demo").unwrap().is_empty());
    assert_eq!(j.job("d1").unwrap(), None);
    assert_eq!(j.jobs("acct").unwrap().len(), 1);
    assert_eq!(j.job("k").unwrap().unwrap().items.len(), 2);
    // Reopened, the numbers of the forgotten jobs are gone too (not only hidden).
    drop(j);
    let conn = rusqlite::Connection::open(dir.join(JOURNAL_FILE)).unwrap();
    let left: i64 = conn
        .query_row("SELECT COUNT(*) FROM items", [], |r| r.get(0))
        .unwrap();
    assert_eq!(left, 2);
}

#[test]
fn a_profile_change_is_written_updated_and_read_back() {
    let dir = folder("profile");
    let j = SqliteJournal::open_in(&dir).expect("opens");
    let fix = profile_fix("f");
    j.create(&fix).unwrap();
    assert_eq!(j.job("f").unwrap().unwrap(), fix);
    let mut change = fix.profile_change.clone().unwrap();
    change.state = ItemState::Failed;
    change.code = Some("10015".into());
    change.words = Some("Telnyx refused it.".into());
    j.update_profile_change("f", &change).unwrap();
    assert!(j.update_profile_change("nope", &change).is_err());
    drop(j);
    // Reopened (as after a crash): the change and its outcome are still there, in the summary too.
    let j = SqliteJournal::open_in(&dir).unwrap();
    let back = j.job("f").unwrap().unwrap();
    assert_eq!(back.profile_change, Some(change.clone()));
    assert_eq!(back.kind, JobKind::ProfileFix);
    assert_eq!(j.jobs("acct").unwrap()[0].profile_change, Some(change));
    assert_eq!(j.unfinished("acct").unwrap().len(), 1);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_version_1_journal_is_migrated_and_keeps_its_jobs() {
    let dir = folder("migrate");
    std::fs::create_dir_all(&dir).unwrap();
    // A journal as the first release wrote it: schema 1, one job with one number.
    let conn = rusqlite::Connection::open(dir.join(JOURNAL_FILE)).unwrap();
    conn.execute_batch(
        "CREATE TABLE jobs (id TEXT PRIMARY KEY, seq INTEGER NOT NULL, account TEXT NOT NULL,
             created_at TEXT NOT NULL, who TEXT NOT NULL, kind TEXT NOT NULL, state TEXT NOT NULL,
             undoes TEXT);
         CREATE INDEX jobs_by_account ON jobs (account, seq);
         CREATE TABLE items (job_id TEXT NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
             pos INTEGER NOT NULL, number_id TEXT NOT NULL, phone_number TEXT NOT NULL,
             from_profile TEXT, to_profile TEXT, state TEXT NOT NULL, order_id TEXT, code TEXT,
             words TEXT, confirmed INTEGER, attempts INTEGER NOT NULL DEFAULT 0,
             PRIMARY KEY (job_id, phone_number));
         INSERT INTO jobs VALUES ('old', 1, 'acct', '2026-11-01T00:00:00Z', 'Acme', 'move', 'finished', NULL);
         INSERT INTO items VALUES ('old', 0, 'n1', '+12125550000', NULL, 'p1', 'moved', NULL, NULL, NULL, 1, 1);
         PRAGMA user_version = 1;",
    )
    .unwrap();
    drop(conn);
    let j = SqliteJournal::open_in(&dir).expect("migrates");
    let old = j.job("old").unwrap().unwrap();
    assert_eq!(
        (old.kind, old.items.len(), old.profile_change),
        (JobKind::Move, 1, None)
    );
    j.create(&profile_fix("new")).unwrap();
    let ids: Vec<String> = j.jobs("acct").unwrap().into_iter().map(|s| s.id).collect();
    assert_eq!(ids, ["new", "old"]);
    drop(j);
    let conn = rusqlite::Connection::open(dir.join(JOURNAL_FILE)).unwrap();
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(version, 2);
    let _ = std::fs::remove_dir_all(&dir);
}
