//! The list's rows as they cross to the window: one array per field, and the values that repeat
//! across thousands of rows (type, country, profile) as indexes into small tables. JSON of 10,000
//! [`ListRow`]s is about 4 MiB, two fifths of it the same field names again and again; as columns it
//! is about a quarter of that, which the window receives and parses in a fraction of the time
//! (`bash .ci/dev bench`). The window rebuilds the same rows (`ui/src/lib/ipc.ts`), and
//! [`RowColumns::row`] does the same here, for tests.

use std::collections::HashMap;
use std::hash::Hash;

use serde::Serialize;

use crate::rules::readiness::{
    NumberKind, ReadinessGroup, Verdict, MAX_SPAM_RATIO, MIN_SUCCESS_RATIO,
};
use crate::rules::rows::{HealthView, ListRow};

/// A type as the table shows it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct TypeLabel {
    pub number_type: NumberKind,
    pub label: String,
}

/// A country as the table shows it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct CountryLabel {
    pub code: Option<String>,
    pub name: String,
}

/// A profile a number names: its id, and its name when the profile is on the account.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct ProfileRef {
    pub id: String,
    pub name: Option<String>,
}

/// `features` bit for SMS.
pub const SMS: u8 = 1;
/// `features` bit for MMS.
pub const MMS: u8 = 2;

/// A health ratio to four decimals (0.01 %): what a bar and a sort can use. The detail panel
/// shows the exact figures Telnyx gave.
fn ratio(x: f64) -> f64 {
    (x * 1e4).round() / 1e4
}

/// A success or spam ratio to four decimals, unless rounding would carry it across a mark the
/// window judges it by (0 and 1, and `threshold`, readiness's): then as Telnyx gave it, so the
/// window's health bar judges it as readiness does (0.24996 is below 25 %; 0.25 is not).
fn judged_ratio(x: f64, threshold: f64) -> f64 {
    let r = ratio(x);
    let same_side = [0.0, 1.0, threshold]
        .iter()
        .all(|mark| x.partial_cmp(mark) == r.partial_cmp(mark));
    if same_side {
        r
    } else {
        x
    }
}

/// Rows column by column: entry `i` of every array is row `i`.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct RowColumns {
    pub id: Vec<String>,
    pub phone_number: Vec<String>,
    pub display: Vec<String>,
    /// Index into `types`.
    pub type_index: Vec<u32>,
    pub types: Vec<TypeLabel>,
    /// Index into `countries`.
    pub country_index: Vec<u32>,
    pub countries: Vec<CountryLabel>,
    /// Index into `profile_refs`; `None` for a number on no profile.
    pub profile_index: Vec<Option<u32>>,
    pub profile_refs: Vec<ProfileRef>,
    /// [`SMS`] | [`MMS`].
    pub features: Vec<u8>,
    /// `[successRatio, spamRatio, messageCount, inboundOutboundRatio]`, ratios to four decimals
    /// (success and spam only where that keeps readiness's judgement, see `judged_ratio`).
    pub health: Vec<Option<(f64, f64, u32, f64)>>,
    pub tags: Vec<Vec<String>>,
    pub verdict: Vec<Verdict>,
    pub group: Vec<ReadinessGroup>,
    /// The problems after the first (`verdict`): empty for most numbers.
    pub more_problems: Vec<Vec<Verdict>>,
}

/// Gives each distinct value an index, in order of first appearance.
struct Interner<K> {
    index: HashMap<K, u32>,
}

impl<K: Eq + Hash + Clone> Interner<K> {
    fn new() -> Self {
        Interner {
            index: HashMap::new(),
        }
    }

    fn intern(&mut self, key: K, table: &mut Vec<K>) -> u32 {
        *self.index.entry(key).or_insert_with_key(|key| {
            table.push(key.clone());
            u32::try_from(table.len() - 1).unwrap_or(u32::MAX)
        })
    }
}

impl RowColumns {
    /// The rows as columns, in the same order.
    pub fn from_rows(rows: impl IntoIterator<Item = ListRow>) -> Self {
        let rows = rows.into_iter();
        let n = rows.size_hint().0;
        let mut c = RowColumns {
            id: Vec::with_capacity(n),
            phone_number: Vec::with_capacity(n),
            display: Vec::with_capacity(n),
            type_index: Vec::with_capacity(n),
            country_index: Vec::with_capacity(n),
            profile_index: Vec::with_capacity(n),
            features: Vec::with_capacity(n),
            health: Vec::with_capacity(n),
            tags: Vec::with_capacity(n),
            verdict: Vec::with_capacity(n),
            group: Vec::with_capacity(n),
            more_problems: Vec::with_capacity(n),
            ..RowColumns::default()
        };
        let (mut types, mut countries, mut profiles) =
            (Interner::new(), Interner::new(), Interner::new());
        for row in rows {
            c.id.push(row.id);
            c.phone_number.push(row.phone_number);
            c.display.push(row.display);
            let kind = TypeLabel {
                number_type: row.number_type,
                label: row.type_label,
            };
            c.type_index.push(types.intern(kind, &mut c.types));
            let country = CountryLabel {
                code: row.country_code,
                name: row.country_name,
            };
            c.country_index
                .push(countries.intern(country, &mut c.countries));
            let profile = row.profile_id.map(|id| ProfileRef {
                id,
                name: row.profile_name,
            });
            c.profile_index
                .push(profile.map(|p| profiles.intern(p, &mut c.profile_refs)));
            c.features
                .push((u8::from(row.sms) * SMS) | (u8::from(row.mms) * MMS));
            c.health.push(row.health.map(|h| {
                (
                    judged_ratio(h.success_ratio, MIN_SUCCESS_RATIO),
                    judged_ratio(h.spam_ratio, MAX_SPAM_RATIO),
                    h.message_count,
                    ratio(h.inbound_outbound_ratio),
                )
            }));
            c.tags.push(row.tags);
            c.verdict.push(row.verdict);
            c.group.push(row.group);
            c.more_problems
                .push(row.problems.into_iter().skip(1).collect());
        }
        c
    }

    pub fn len(&self) -> usize {
        self.id.len()
    }

    pub fn is_empty(&self) -> bool {
        self.id.is_empty()
    }

    /// Row `i` rebuilt (health ratios to four decimals), as the window rebuilds it.
    pub fn row(&self, i: usize) -> Option<ListRow> {
        let kind = self.types.get(*self.type_index.get(i)? as usize)?;
        let country = self.countries.get(*self.country_index.get(i)? as usize)?;
        let profile = match self.profile_index.get(i)? {
            Some(p) => Some(self.profile_refs.get(*p as usize)?),
            None => None,
        };
        let features = *self.features.get(i)?;
        Some(ListRow {
            id: self.id.get(i)?.clone(),
            phone_number: self.phone_number.get(i)?.clone(),
            display: self.display.get(i)?.clone(),
            type_label: kind.label.clone(),
            number_type: kind.number_type,
            country_code: country.code.clone(),
            country_name: country.name.clone(),
            profile_id: profile.map(|p| p.id.clone()),
            profile_name: profile.and_then(|p| p.name.clone()),
            sms: features & SMS != 0,
            mms: features & MMS != 0,
            health: self.health.get(i)?.map(
                |(success_ratio, spam_ratio, message_count, inbound_outbound_ratio)| HealthView {
                    success_ratio,
                    spam_ratio,
                    message_count,
                    inbound_outbound_ratio,
                },
            ),
            tags: self.tags.get(i)?.clone(),
            verdict: *self.verdict.get(i)?,
            group: *self.group.get(i)?,
            problems: std::iter::once(*self.verdict.get(i)?)
                .chain(self.more_problems.get(i)?.iter().copied())
                .collect(),
        })
    }

    /// Every row rebuilt, in order.
    pub fn rows(&self) -> impl Iterator<Item = ListRow> + '_ {
        (0..self.len()).filter_map(|i| self.row(i))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(id: &str, profile: Option<(&str, Option<&str>)>, country: Option<&str>) -> ListRow {
        ListRow {
            id: id.into(),
            phone_number: format!("+1212555{id:0>4}"),
            display: format!("+1 (212) 555-{id:0>4}"),
            type_label: "Local (long code)".into(),
            number_type: NumberKind::LongCode,
            country_code: country.map(str::to_owned),
            country_name: country
                .map_or("Unknown country", |_| "United States")
                .into(),
            profile_id: profile.map(|p| p.0.to_owned()),
            profile_name: profile.and_then(|p| p.1.map(str::to_owned)),
            sms: true,
            mms: id.len().is_multiple_of(2),
            health: Some(HealthView {
                success_ratio: 0.123_456_789,
                spam_ratio: 0.5,
                message_count: 7,
                inbound_outbound_ratio: 1.0 / 3.0,
            }),
            tags: vec![format!("t{id}")],
            verdict: Verdict::Ready,
            group: ReadinessGroup::Ready,
            problems: vec![Verdict::Ready],
        }
    }

    #[test]
    fn rows_come_back_as_they_went_in_with_repeats_stored_once() {
        let rows = vec![
            row("1", Some(("p-1", Some("Support"))), Some("US")),
            row("22", None, None),
            row("3", Some(("p-1", Some("Support"))), Some("US")),
            // A profile that is not on the account: its id, no name.
            row("44", Some(("p-gone", None)), Some("US")),
        ];
        let columns = RowColumns::from_rows(rows.clone());
        assert_eq!(columns.len(), 4);
        assert_eq!(columns.types.len(), 1);
        assert_eq!(columns.countries.len(), 2);
        assert_eq!(columns.profile_refs.len(), 2);
        assert_eq!(columns.profile_index, vec![Some(0), None, Some(0), Some(1)]);
        let back: Vec<ListRow> = columns.rows().collect();
        for (got, mut want) in back.into_iter().zip(rows) {
            let h = want.health.as_mut().expect("health");
            (h.success_ratio, h.inbound_outbound_ratio) = (0.1235, 0.3333);
            assert_eq!(got, want);
        }
        assert_eq!(columns.row(4), None);
    }

    #[test]
    fn columns_are_a_fraction_of_the_rows_as_json() {
        let rows: Vec<ListRow> = (0..1000)
            .map(|i| row(&i.to_string(), Some(("p-1", Some("Support"))), Some("US")))
            .collect();
        let as_rows = serde_json::to_vec(&rows).expect("json").len();
        let as_columns = serde_json::to_vec(&RowColumns::from_rows(rows))
            .expect("json")
            .len();
        assert!(
            as_columns * 2 < as_rows,
            "{as_columns} bytes as columns vs {as_rows} as rows"
        );
    }

    #[test]
    fn wire_names_are_camel_case_and_health_is_an_array() {
        let columns = RowColumns::from_rows([row("1", None, Some("US"))]);
        let json = serde_json::to_value(&columns).expect("json");
        assert_eq!(json["phoneNumber"][0], "+12125550001");
        assert_eq!(json["typeIndex"][0], 0);
        assert_eq!(json["types"][0]["numberType"], "longCode");
        assert_eq!(json["profileIndex"][0], serde_json::Value::Null);
        assert_eq!(json["features"][0], 1);
        assert_eq!(
            json["health"][0],
            serde_json::json!([0.1235, 0.5, 7, 0.3333])
        );
    }

    /// The window rebuilds rows from columns in TypeScript (`ui/src/lib/rowColumns.ts`); its test
    /// reads this fixture: columns as this crate serializes them, and the rows they must give.
    /// Run with `UPDATE_FIXTURES=1` to rewrite it after a change here.
    #[test]
    fn the_windows_fixture_is_current() {
        let mut rows = vec![
            row("1", Some(("p-1", Some("Support"))), Some("US")),
            row("22", None, None),
            row("3", Some(("p-gone", None)), Some("US")),
        ];
        rows[1].health = None;
        rows[1].tags.clear();
        rows[1].number_type = NumberKind::TollFree;
        rows[1].type_label = "Toll-free".into();
        rows[2].verdict = Verdict::Needs10dlcCampaign;
        rows[2].group = ReadinessGroup::ActionNeeded;
        rows[2].problems = vec![Verdict::Needs10dlcCampaign, Verdict::NoWebhook];
        let columns = RowColumns::from_rows(rows);
        let rebuilt: Vec<ListRow> = columns.rows().collect();
        let fixture =
            serde_json::to_string_pretty(&serde_json::json!({"columns": columns, "rows": rebuilt}))
                .expect("json")
                + "\n";
        check_fixture("row-columns.json", &fixture);
    }

    /// The shared fixture `ui/src/lib/fixtures/<name>` (read by the UI's tests) must hold exactly
    /// `fixture`; `UPDATE_FIXTURES=1` rewrites it.
    fn check_fixture(name: &str, fixture: &str) {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../ui/src/lib/fixtures")
            .join(name);
        if std::env::var_os("UPDATE_FIXTURES").is_some() {
            std::fs::create_dir_all(path.parent().expect("dir")).expect("fixture dir");
            std::fs::write(&path, fixture).expect("fixture written");
        }
        let committed: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&path).unwrap_or_default())
                .unwrap_or_default();
        let current: serde_json::Value = serde_json::from_str(fixture).expect("json");
        assert!(
            committed == current,
            "{} is stale: run `UPDATE_FIXTURES=1 cargo test -p desk-core columns`",
            path.display()
        );
    }

    /// The window colours each health bar itself (`healthTone` in
    /// `ui/src/features/numbers/model.ts`); its test reads this fixture: the health figures of a
    /// few numbers as the list's columns carry them (built by `list_of`, as the app does), and
    /// how readiness judges the figures Telnyx gave. Run with `UPDATE_FIXTURES=1` to rewrite it.
    #[test]
    fn the_windows_health_fixture_is_current() {
        use crate::rules::readiness::{judge_health, HealthJudgement, HEALTH_THRESHOLDS};
        // (success, spam, messages): either side of each threshold, within a rounding of it,
        // exactly on it, and figures readiness does not judge.
        let figures = [
            (0.9, 0.01, 100),
            (0.246, 0.01, 100),
            (0.24996, 0.01, 100),
            (0.25, 0.01, 100),
            (0.25004, 0.2, 10),
            (0.9, 0.754, 100),
            (0.9, 0.75004, 100),
            (0.9, 0.75, 100),
            (0.9, 0.74996, 100),
            (0.1, 0.9, 10),
            (0.0, 1.0, 10),
            (1.0, 0.0, 10),
            (0.18, 0.01, 0),
            (0.5, 0.1, -5),
            (1.00004, 0.0, 10),
            (-0.00004, 0.0, 10),
            (-0.5, 0.1, 10),
            (f64::NAN, 0.1, 10),
            (0.5, f64::INFINITY, 10),
        ];
        let mut snapshot = crate::services::snapshot::AccountSnapshot::empty();
        let mut judged = Vec::new();
        for (i, (success, spam, messages)) in figures.into_iter().enumerate() {
            let mut number: telnyx_client::MessagingNumber = serde_json::from_value(
                serde_json::json!({"id": i.to_string(), "phone_number": format!("+1212555{i:0>4}")}),
            )
            .expect("number");
            number.health = Some(telnyx_client::NumberHealth {
                message_count: messages,
                inbound_outbound_ratio: 0.5,
                success_ratio: success,
                spam_ratio: spam,
            });
            snapshot.numbers.push(number);
            judged.push(judge_health(messages, success, spam));
        }
        let columns = crate::services::numbers::list_of(&snapshot, true).rows;
        // What crosses to the window judges the same as what Telnyx gave.
        for ((success, spam, messages), (carried, judgement)) in
            figures.iter().zip(columns.health.iter().zip(&judged))
        {
            if let Some((s, p, count, _)) = carried {
                assert_eq!(
                    judge_health(i64::from(*count), *s, *p),
                    *judgement,
                    "{success} {spam} {messages} went as {s} {p}"
                );
            }
        }
        let judged: Vec<&str> = judged
            .iter()
            .map(|j| match j {
                HealthJudgement::Unhealthy { .. } => "unhealthy",
                HealthJudgement::Healthy => "healthy",
                HealthJudgement::NoMessages | HealthJudgement::Unreadable => "notJudged",
            })
            .collect();
        let fixture = serde_json::to_string_pretty(&serde_json::json!({
            "thresholds": HEALTH_THRESHOLDS,
            "columns": columns,
            "readiness": judged,
        }))
        .expect("json")
            + "\n";
        check_fixture("health.json", &fixture);
    }
}
