//! How many numbers each account had when last loaded, kept between runs so the first load of a
//! session can ask for every page at once ([`crate::services::snapshot::load_snapshot`]'s `expected`): a
//! round trip less before the whole list is on screen. A hint and nothing more: a missing,
//! unreadable or stale file only costs that round trip, and nothing in it is secret (three counts
//! per account id).

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::Mutex;

use crate::services::snapshot::ListSizes;

/// The remembered sizes, in a small JSON file:
/// `{"<account id>": {"numbers": N, "phoneNumbers": M, "campaigns": C}}`.
#[derive(Debug)]
pub struct RememberedSizes {
    path: PathBuf,
    known: Mutex<Option<BTreeMap<String, ListSizes>>>,
}

impl RememberedSizes {
    /// Sizes kept in the file at `path` (created on the first [`RememberedSizes::put`]).
    pub fn at(path: impl Into<PathBuf>) -> Self {
        RememberedSizes {
            path: path.into(),
            known: Mutex::new(None),
        }
    }

    /// The sizes `account` had last time; zeros when not known.
    pub fn get(&self, account: &str) -> ListSizes {
        self.with(|known| known.get(account).copied().unwrap_or_default())
    }

    /// Remembers `account`'s sizes (written at once; a failure to write is logged, not raised).
    pub fn put(&self, account: &str, sizes: ListSizes) {
        self.with(|known| {
            if known.get(account) != Some(&sizes) {
                known.insert(account.to_owned(), sizes);
                self.save(known);
            }
        });
    }

    /// Forgets `account` (when the account itself is forgotten).
    pub fn forget(&self, account: &str) {
        self.with(|known| {
            if known.remove(account).is_some() {
                self.save(known);
            }
        });
    }

    fn with<R>(&self, f: impl FnOnce(&mut BTreeMap<String, ListSizes>) -> R) -> R {
        let mut guard = self.known.lock().unwrap_or_else(|e| e.into_inner());
        let known = guard.get_or_insert_with(|| {
            std::fs::read(&self.path)
                .ok()
                .and_then(|bytes| serde_json::from_slice(&bytes).ok())
                .unwrap_or_default()
        });
        f(known)
    }

    /// Writes the whole map to a temporary file, then renames it over the old one, so a crash
    /// leaves either file whole.
    fn save(&self, known: &BTreeMap<String, ListSizes>) {
        let write = || -> std::io::Result<()> {
            if let Some(dir) = self.path.parent() {
                std::fs::create_dir_all(dir)?;
            }
            let tmp = self.path.with_extension("json.tmp");
            std::fs::write(&tmp, serde_json::to_vec(known)?)?;
            std::fs::rename(&tmp, &self.path)
        };
        if let Err(err) = write() {
            tracing::warn!("could not remember the list sizes: {err}");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sizes(numbers: usize, phone_numbers: usize) -> ListSizes {
        ListSizes {
            numbers,
            phone_numbers,
            campaigns: numbers / 2,
        }
    }

    fn temp_path(name: &str) -> PathBuf {
        std::env::temp_dir()
            .join(format!("desk-core-sizes-{}-{name}", std::process::id()))
            .join("list-sizes.json")
    }

    #[test]
    fn sizes_survive_a_restart_and_forgetting_removes_them() {
        let path = temp_path("restart");
        let first = RememberedSizes::at(&path);
        assert_eq!(first.get("a"), ListSizes::default());
        first.put("a", sizes(10_000, 10_050));
        first.put("b", sizes(3, 3));
        let again = RememberedSizes::at(&path);
        assert_eq!(again.get("a"), sizes(10_000, 10_050));
        again.forget("a");
        let third = RememberedSizes::at(&path);
        assert_eq!(third.get("a"), ListSizes::default());
        assert_eq!(third.get("b"), sizes(3, 3));
        let written = std::fs::read_to_string(&path).expect("file");
        assert_eq!(
            written,
            r#"{"b":{"numbers":3,"phoneNumbers":3,"campaigns":1}}"#
        );
        let _ = std::fs::remove_dir_all(path.parent().expect("dir"));
    }

    #[test]
    fn an_unreadable_file_is_no_hint_and_is_replaced() {
        let path = temp_path("broken");
        std::fs::create_dir_all(path.parent().expect("dir")).expect("dir");
        std::fs::write(&path, b"{not json").expect("write");
        let remembered = RememberedSizes::at(&path);
        assert_eq!(remembered.get("a"), ListSizes::default());
        remembered.put("a", sizes(1, 2));
        assert_eq!(RememberedSizes::at(&path).get("a"), sizes(1, 2));
        let _ = std::fs::remove_dir_all(path.parent().expect("dir"));
    }

    #[test]
    fn a_file_from_before_the_10dlc_count_still_gives_the_other_two() {
        let path = temp_path("two-counts");
        std::fs::create_dir_all(path.parent().expect("dir")).expect("dir");
        std::fs::write(&path, br#"{"a":{"numbers":10,"phoneNumbers":12}}"#).expect("write");
        let got = RememberedSizes::at(&path).get("a");
        assert_eq!((got.numbers, got.phone_numbers, got.campaigns), (10, 12, 0));
        let _ = std::fs::remove_dir_all(path.parent().expect("dir"));
    }
}
