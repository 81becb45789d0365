//! Property tests of the scenario-file loader (`src/scenario.rs`, format in `SCENARIOS.md`):
//! arbitrary bytes, arbitrary JSON and mutated valid scenario files never panic — a bad file is
//! an `Err` naming what is wrong — and whatever loads, loads again the same after being written out.
//!
//! Cases: `PROPTEST_CASES` when set (the reliability report runs 100,000), else 2,000.

use std::path::PathBuf;
use std::sync::OnceLock;

use proptest::prelude::*;
use serde_json::{json, Map, Value};
use telnyx_sim::{scenario, Account};

fn config() -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(2_000);
    ProptestConfig {
        cases,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

/// Valid scenario files: every file in `scenarios/`, and the demo account written out (its first
/// numbers, so that a case stays small).
fn seeds() -> &'static Vec<Value> {
    static SEEDS: OnceLock<Vec<Value>> = OnceLock::new();
    SEEDS.get_or_init(|| {
        let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("scenarios");
        let mut seeds = Vec::new();
        for entry in std::fs::read_dir(&dir).expect("scenarios/ is readable") {
            let path = entry.expect("entry").path();
            if path.extension().is_some_and(|e| e == "json") {
                let text = std::fs::read_to_string(&path).expect("readable");
                scenario::parse(&text).expect("the shipped scenario files are valid");
                seeds.push(serde_json::from_str(&text).expect("JSON"));
            }
        }
        assert!(!seeds.is_empty(), "no scenario file in {}", dir.display());
        let mut demo = Account::demo();
        demo.numbers.truncate(8);
        let kept: Vec<&str> = demo
            .numbers
            .iter()
            .map(|n| n.phone_number.as_str())
            .collect();
        demo.campaign_assignments
            .retain(|a| kept.contains(&a.phone_number.as_str()));
        demo.message_records.truncate(4);
        let demo = serde_json::to_value(&demo).expect("the demo account encodes");
        if scenario::parse(&demo.to_string()).is_ok() {
            seeds.push(demo);
        }
        seeds
    })
}

fn arb_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|n| json!(n)),
        any::<f64>()
            .prop_map(|f| serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number)),
        any::<String>().prop_map(Value::String),
        "[+]?[0-9]{0,18}".prop_map(Value::String),
        prop_oneof![
            Just("longcode"),
            Just("tollfree"),
            Just("shortcode"),
            Just("US"),
            Just("active"),
            Just("ASSIGNED"),
            Just("Verified"),
            Just("failed"),
            Just("2")
        ]
        .prop_map(|s| Value::String(s.into())),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        let key = prop_oneof![
            "[a-z_]{1,16}",
            Just("numbers".to_owned()),
            Just("profiles".to_owned()),
            Just("phone_number".to_owned()),
            Just("messaging_profile_id".to_owned()),
            Just("features".to_owned()),
            Just("health".to_owned()),
        ];
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            proptest::collection::btree_map(key, inner, 0..6)
                .prop_map(|m| Value::Object(m.into_iter().collect::<Map<_, _>>())),
        ]
    })
}

/// Replaces, removes, retypes or duplicates one node of `v`, chosen by `pick`.
fn mutate(v: &mut Value, pick: usize, with: &Value, how: u8) {
    fn count(v: &Value) -> usize {
        1 + match v {
            Value::Object(m) => m.values().map(count).sum(),
            Value::Array(a) => a.iter().map(count).sum(),
            _ => 0,
        }
    }
    fn visit(v: &mut Value, n: &mut usize, with: &Value, how: u8) -> bool {
        if *n == 0 {
            match (how, &mut *v) {
                (0, _) => *v = with.clone(),
                (1, Value::Object(m)) => {
                    if let Some(k) = m.keys().next().cloned() {
                        m.remove(&k);
                    }
                }
                (1, Value::Array(a)) => {
                    a.pop();
                }
                // A list entry twice: duplicate numbers, profile ids, campaigns.
                (2, Value::Array(a)) => {
                    if let Some(first) = a.first().cloned() {
                        a.push(first);
                    }
                }
                (2, Value::String(s)) => *v = s.parse::<i64>().map_or(json!([s]), |n| json!(n)),
                (2, Value::Number(n)) => *v = Value::String(n.to_string()),
                (3, Value::Object(m)) => {
                    m.insert("unexpected_field".into(), with.clone());
                }
                _ => *v = Value::Null,
            }
            return true;
        }
        *n -= 1;
        match v {
            Value::Object(m) => m.values_mut().any(|c| visit(c, n, with, how)),
            Value::Array(a) => a.iter_mut().any(|c| visit(c, n, with, how)),
            _ => false,
        }
    }
    let mut n = pick % count(v);
    visit(v, &mut n, with, how);
}

/// Text of a scenario file: arbitrary, arbitrary JSON, or a valid file mutated.
fn scenario_text() -> impl Strategy<Value = String> {
    let seed = (0..seeds().len()).prop_map(|i| seeds()[i].clone());
    prop_oneof![
        1 => proptest::collection::vec(any::<u8>(), 0..512)
            .prop_map(|b| String::from_utf8_lossy(&b).into_owned()),
        2 => arb_json().prop_map(|v| v.to_string()),
        5 => (seed.clone(), proptest::collection::vec((any::<usize>(), arb_json(), 0u8..5), 1..4))
            .prop_map(|(mut v, edits)| {
                for (pick, with, how) in edits {
                    mutate(&mut v, pick, &with, how);
                }
                v.to_string()
            }),
        2 => (seed, any::<usize>(), any::<char>(), 0u8..3).prop_map(|(v, pos, c, how)| {
            let mut text: Vec<char> = serde_json::to_string_pretty(&v).expect("encodes").chars().collect();
            let at = pos % (text.len() + 1);
            match how {
                0 => text.truncate(at),
                1 if at < text.len() => text[at] = c,
                _ => text.insert(at, c),
            }
            text.into_iter().collect()
        }),
    ]
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn any_scenario_text_loads_or_is_refused_without_panicking(text in scenario_text()) {
        match scenario::parse(&text) {
            Ok(account) => {
                // What loads, loads again the same once written out.
                let written = serde_json::to_string(&account).expect("an account encodes");
                let again = scenario::parse(&written);
                prop_assert!(again.is_ok(), "written out, it no longer loads: {:?}", again.err());
                prop_assert_eq!(again.expect("checked"), account);
            }
            Err(e) => {
                let message = e.to_string();
                prop_assert!(!message.is_empty());
            }
        }
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        let _ = Account::from_scenario_json(&String::from_utf8_lossy(&bytes));
    }
}

/// The file loader itself (reading, then naming the file in its error), on fewer cases: each is a
/// file written and read.
#[test]
fn scenario_files_on_disk_never_panic() {
    let dir = std::env::temp_dir().join(format!("telnyx-sim-prop-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join("scenario.json");
    let mut runner = proptest::test_runner::TestRunner::new(ProptestConfig {
        cases: (config().cases / 20).max(50),
        ..config()
    });
    let result = runner.run(&proptest::collection::vec(any::<u8>(), 0..256), |bytes| {
        std::fs::write(&path, &bytes).expect("written");
        if let Err(e) = scenario::load(&path) {
            prop_assert!(e.to_string().contains("scenario.json"), "{e}");
        }
        Ok(())
    });
    let _ = std::fs::remove_dir_all(&dir);
    result.expect("no panic and every error names the file");
    assert!(scenario::load(&dir.join("missing.json")).is_err());
}
