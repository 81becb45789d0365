//! The journal of bulk changes in SQLite (`journal.sqlite3` in the app data folder): WAL mode, one
//! writer (a mutex around the one connection), the schema versioned with `PRAGMA user_version`.
//! Each call is one transaction, so a job is never half-written, even when the app is killed.

use std::path::{Path, PathBuf};
use std::sync::Mutex;

use desk_core::ports::journal::{
    ItemState, Job, JobItem, JobKind, JobState, JobSummary, Journal, JournalError,
    ProfileSettingChange,
};
use rusqlite::{params, Connection, OptionalExtension};

/// The journal's file name inside the app data folder.
pub const JOURNAL_FILE: &str = "journal.sqlite3";

/// The schema this build writes: 2 adds `jobs.profile_change` (a change to a messaging profile's
/// setting, as JSON); a version 1 file is migrated when opened.
pub const SCHEMA_VERSION: i64 = 2;

const SCHEMA_V1: &str = "
CREATE TABLE jobs (
    id         TEXT PRIMARY KEY,
    seq        INTEGER NOT NULL,
    account    TEXT NOT NULL,
    created_at TEXT NOT NULL,
    who        TEXT NOT NULL,
    kind       TEXT NOT NULL,
    state      TEXT NOT NULL,
    undoes     TEXT
);
CREATE INDEX jobs_by_account ON jobs (account, seq);
CREATE TABLE items (
    job_id       TEXT NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
    pos          INTEGER NOT NULL,
    number_id    TEXT NOT NULL,
    phone_number TEXT NOT NULL,
    from_profile TEXT,
    to_profile   TEXT,
    state        TEXT NOT NULL,
    order_id     TEXT,
    code         TEXT,
    words        TEXT,
    confirmed    INTEGER,
    attempts     INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (job_id, phone_number)
);
";

const MIGRATE_V1_TO_V2: &str = "ALTER TABLE jobs ADD COLUMN profile_change TEXT;";

/// The SQLite journal.
#[derive(Debug)]
pub struct SqliteJournal {
    conn: Mutex<Connection>,
    path: PathBuf,
}

fn err(e: rusqlite::Error) -> JournalError {
    JournalError(e.to_string())
}

impl SqliteJournal {
    /// Opens (creating it and its folder if needed) the journal in `data_dir`.
    pub fn open_in(data_dir: &Path) -> Result<Self, JournalError> {
        std::fs::create_dir_all(data_dir).map_err(|e| JournalError(e.to_string()))?;
        Self::open(&data_dir.join(JOURNAL_FILE))
    }

    /// Opens (creating it if needed) the journal at `path`, migrating its schema.
    pub fn open(path: &Path) -> Result<Self, JournalError> {
        let conn = Connection::open(path).map_err(err)?;
        conn.busy_timeout(std::time::Duration::from_secs(5))
            .map_err(err)?;
        let mode: String = conn
            .query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))
            .map_err(err)?;
        if !mode.eq_ignore_ascii_case("wal") {
            return Err(JournalError(format!(
                "SQLite would not use WAL mode (it uses {mode})"
            )));
        }
        conn.execute_batch("PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;")
            .map_err(err)?;
        let version: i64 = conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .map_err(err)?;
        match version {
            0 => {
                conn.execute_batch(&format!(
                    "BEGIN; {SCHEMA_V1} {MIGRATE_V1_TO_V2} PRAGMA user_version = {SCHEMA_VERSION}; COMMIT;"
                ))
                .map_err(err)?;
            }
            1 => {
                conn.execute_batch(&format!(
                    "BEGIN; {MIGRATE_V1_TO_V2} PRAGMA user_version = {SCHEMA_VERSION}; COMMIT;"
                ))
                .map_err(err)?;
            }
            SCHEMA_VERSION => {}
            newer => {
                return Err(JournalError(format!(
                    "the journal was written by a newer Number Desk (schema {newer}, this one reads {SCHEMA_VERSION})"
                )))
            }
        }
        Ok(SqliteJournal {
            conn: Mutex::new(conn),
            path: path.to_owned(),
        })
    }

    /// Where the file is.
    pub fn path(&self) -> &Path {
        &self.path
    }

    fn conn(&self) -> std::sync::MutexGuard<'_, Connection> {
        self.conn.lock().unwrap_or_else(|e| e.into_inner())
    }
}

fn write_item(
    tx: &rusqlite::Transaction<'_>,
    job_id: &str,
    pos: usize,
    i: &JobItem,
) -> rusqlite::Result<usize> {
    tx.execute(
        "INSERT INTO items (job_id, pos, number_id, phone_number, from_profile, to_profile, state,
                            order_id, code, words, confirmed, attempts)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)
         ON CONFLICT (job_id, phone_number) DO UPDATE SET
            number_id = excluded.number_id, from_profile = excluded.from_profile,
            to_profile = excluded.to_profile, state = excluded.state, order_id = excluded.order_id,
            code = excluded.code, words = excluded.words, confirmed = excluded.confirmed,
            attempts = excluded.attempts",
        params![
            job_id,
            pos as i64,
            i.number_id,
            i.phone_number,
            i.from,
            i.to,
            i.state.as_str(),
            i.order_id,
            i.code,
            i.words,
            i.confirmed,
            i64::from(i.attempts),
        ],
    )
}

/// A profile change as stored (JSON text).
fn change_text(change: Option<&ProfileSettingChange>) -> Result<Option<String>, JournalError> {
    change
        .map(serde_json::to_string)
        .transpose()
        .map_err(|e| JournalError(e.to_string()))
}

fn bad(what: &str, value: &str) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(
        0,
        rusqlite::types::Type::Text,
        format!("unknown {what} {value:?}").into(),
    )
}

impl Journal for SqliteJournal {
    fn create(&self, job: &Job) -> Result<(), JournalError> {
        let mut conn = self.conn();
        let tx = conn.transaction().map_err(err)?;
        tx.execute(
            "INSERT INTO jobs (id, seq, account, created_at, who, kind, state, undoes, profile_change)
             VALUES (?1, (SELECT COALESCE(MAX(seq), 0) + 1 FROM jobs), ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![
                job.id,
                job.account,
                job.created_at,
                job.who,
                job.kind.as_str(),
                job.state.as_str(),
                job.undoes,
                change_text(job.profile_change.as_ref())?
            ],
        )
        .map_err(err)?;
        for (pos, item) in job.items.iter().enumerate() {
            write_item(&tx, &job.id, pos, item).map_err(err)?;
        }
        tx.commit().map_err(err)
    }

    fn update_items(&self, job_id: &str, items: &[JobItem]) -> Result<(), JournalError> {
        let mut conn = self.conn();
        let tx = conn.transaction().map_err(err)?;
        {
            let mut stmt = tx
                .prepare_cached(
                    "UPDATE items SET number_id = ?3, from_profile = ?4, to_profile = ?5, state = ?6,
                        order_id = ?7, code = ?8, words = ?9, confirmed = ?10, attempts = ?11
                     WHERE job_id = ?1 AND phone_number = ?2",
                )
                .map_err(err)?;
            for i in items {
                stmt.execute(params![
                    job_id,
                    i.phone_number,
                    i.number_id,
                    i.from,
                    i.to,
                    i.state.as_str(),
                    i.order_id,
                    i.code,
                    i.words,
                    i.confirmed,
                    i64::from(i.attempts),
                ])
                .map_err(err)?;
            }
        }
        tx.commit().map_err(err)
    }

    fn update_profile_change(
        &self,
        job_id: &str,
        change: &ProfileSettingChange,
    ) -> Result<(), JournalError> {
        let n = self
            .conn()
            .execute(
                "UPDATE jobs SET profile_change = ?2 WHERE id = ?1",
                params![job_id, change_text(Some(change))?],
            )
            .map_err(err)?;
        if n == 0 {
            return Err(JournalError(format!("no job {job_id}")));
        }
        Ok(())
    }

    fn set_state(&self, job_id: &str, state: JobState) -> Result<(), JournalError> {
        let conn = self.conn();
        let n = conn
            .execute(
                "UPDATE jobs SET state = ?2 WHERE id = ?1",
                params![job_id, state.as_str()],
            )
            .map_err(err)?;
        if n == 0 {
            return Err(JournalError(format!("no job {job_id}")));
        }
        Ok(())
    }

    fn job(&self, job_id: &str) -> Result<Option<Job>, JournalError> {
        let conn = self.conn();
        let head = conn
            .query_row(
                "SELECT id, account, created_at, who, kind, state, undoes, profile_change
                 FROM jobs WHERE id = ?1",
                params![job_id],
                |r| {
                    let kind: String = r.get(4)?;
                    let state: String = r.get(5)?;
                    let change: Option<String> = r.get(7)?;
                    let profile_change = change
                        .map(|text| serde_json::from_str(&text))
                        .transpose()
                        .map_err(|e| {
                            rusqlite::Error::FromSqlConversionFailure(
                                7,
                                rusqlite::types::Type::Text,
                                Box::new(e),
                            )
                        })?;
                    Ok(Job {
                        id: r.get(0)?,
                        account: r.get(1)?,
                        created_at: r.get(2)?,
                        who: r.get(3)?,
                        kind: JobKind::parse(&kind).ok_or_else(|| bad("kind", &kind))?,
                        state: JobState::parse(&state).ok_or_else(|| bad("state", &state))?,
                        undoes: r.get(6)?,
                        items: Vec::new(),
                        profile_change,
                    })
                },
            )
            .optional()
            .map_err(err)?;
        let Some(mut job) = head else {
            return Ok(None);
        };
        let mut stmt = conn
            .prepare_cached(
                "SELECT number_id, phone_number, from_profile, to_profile, state, order_id, code,
                        words, confirmed, attempts
                 FROM items WHERE job_id = ?1 ORDER BY pos",
            )
            .map_err(err)?;
        let rows = stmt
            .query_map(params![job_id], |r| {
                let state: String = r.get(4)?;
                let attempts: i64 = r.get(9)?;
                Ok(JobItem {
                    number_id: r.get(0)?,
                    phone_number: r.get(1)?,
                    from: r.get(2)?,
                    to: r.get(3)?,
                    state: ItemState::parse(&state).ok_or_else(|| bad("state", &state))?,
                    order_id: r.get(5)?,
                    code: r.get(6)?,
                    words: r.get(7)?,
                    confirmed: r.get(8)?,
                    attempts: u32::try_from(attempts).unwrap_or(u32::MAX),
                })
            })
            .map_err(err)?;
        for row in rows {
            job.items.push(row.map_err(err)?);
        }
        Ok(Some(job))
    }

    fn jobs(&self, account: &str) -> Result<Vec<JobSummary>, JournalError> {
        let ids: Vec<String> = {
            let conn = self.conn();
            let mut stmt = conn
                .prepare_cached("SELECT id FROM jobs WHERE account = ?1 ORDER BY seq DESC")
                .map_err(err)?;
            let rows = stmt
                .query_map(params![account], |r| r.get(0))
                .map_err(err)?;
            rows.collect::<Result<_, _>>().map_err(err)?
        };
        let mut out = Vec::with_capacity(ids.len());
        for id in ids {
            if let Some(job) = self.job(&id)? {
                out.push(job.summary());
            }
        }
        Ok(out)
    }

    fn forget_account(&self, account: &str) -> Result<(), JournalError> {
        // The items go with their jobs (ON DELETE CASCADE, foreign keys on).
        self.conn()
            .execute("DELETE FROM jobs WHERE account = ?1", params![account])
            .map_err(err)?;
        Ok(())
    }
}
