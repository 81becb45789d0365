//! CSV import/export never panics, whatever the bytes (property tests), round-trips any cells, and
//! checks a 50,000-row file in under a second.

use std::time::Instant;

use desk_core::rules::csv::{
    check_import, normalize_number, parse_records, to_csv, RowProblemKind,
};
use proptest::prelude::*;
use telnyx_client::{MessagingNumber, MessagingProfile};

fn account(n: usize) -> (Vec<MessagingNumber>, Vec<MessagingProfile>) {
    let numbers = (0..n)
        .map(|i| {
            serde_json::from_value(serde_json::json!({
                "id": format!("{i}"), "phone_number": format!("+1212{:07}", i)
            }))
            .unwrap()
        })
        .collect();
    let profiles = (0..10)
        .map(|i| {
            serde_json::from_value(serde_json::json!({
                "id": format!("00000000-0000-4000-8000-{i:012}"), "name": format!("Profile {i}")
            }))
            .unwrap()
        })
        .collect();
    (numbers, profiles)
}

#[test]
fn fifty_thousand_rows_in_under_a_second() {
    let (numbers, profiles) = account(50_000);
    let mut text = String::from("\u{feff}phone_number,messaging_profile\r\n");
    for i in 0..50_000 {
        let written = match i % 4 {
            0 => format!("+1212{i:07}"),
            1 => format!("(212) {:03}-{:04}", i / 10_000, i % 10_000),
            2 => format!("\"1 212 {:03} {:04}\"", i / 10_000, i % 10_000),
            _ => format!("212.{:03}.{:04}", i / 10_000, i % 10_000),
        };
        let profile = if i % 3 == 0 {
            format!("00000000-0000-4000-8000-{:012}", i % 10)
        } else {
            format!("Profile {}", i % 10)
        };
        text.push_str(&format!("{written},{profile}\r\n"));
    }
    let started = Instant::now();
    let check = check_import(text.as_bytes(), &numbers, &profiles);
    let took = started.elapsed();
    eprintln!(
        "50,000 rows ({} bytes) checked in {:.0} ms",
        text.len(),
        took.as_secs_f64() * 1000.0
    );
    assert!(check.header);
    assert_eq!(check.rows.len(), 50_000, "{:?}", check.problems.first());
    assert!(took.as_secs_f64() < 1.0, "took {took:?}");
}

#[test]
fn a_huge_file_of_bad_rows_does_not_panic_and_says_why_for_each() {
    let (numbers, profiles) = account(10);
    let text = "x,y\n".repeat(200_000);
    let check = check_import(text.as_bytes(), &numbers, &profiles);
    assert_eq!(check.problems.len(), 200_000);
    assert!(check
        .problems
        .iter()
        .all(|p| p.kind == RowProblemKind::BadNumber));
    assert_eq!(check.problems.last().unwrap().line, 200_000);
}

fn cell() -> impl Strategy<Value = String> {
    prop_oneof![
        "[=+@\\-\t\r][ -~]{0,10}",
        "[ -~]{0,12}",
        "[a-z ,\"\n\r]{0,12}",
        any::<String>(),
    ]
}

proptest! {
    #[test]
    fn random_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2000)) {
        let (numbers, profiles) = account(20);
        let check = check_import(&bytes, &numbers, &profiles);
        let lines = bytes.iter().filter(|&&b| b == b'\n' || b == b'\r').count() as u32 + 1;
        prop_assert!(check.problems.iter().all(|p| p.line >= 1 && p.line <= lines));
        prop_assert!(check.rows.iter().all(|r| r.line >= 1 && r.line <= lines));
    }

    #[test]
    fn csv_shaped_text_never_panics(rows in proptest::collection::vec((cell(), cell()), 0..50), bom in any::<bool>(), crlf in any::<bool>()) {
        let (numbers, profiles) = account(20);
        let mut text = if bom { "\u{feff}".to_string() } else { String::new() };
        for (a, b) in &rows {
            text.push_str(&format!("{a},{b}{}", if crlf { "\r\n" } else { "\n" }));
        }
        let _ = check_import(text.as_bytes(), &numbers, &profiles);
        let _ = normalize_number(&text);
    }

    /// Whatever the cells, an export reads back as the same cells, each formula-like one behind a
    /// leading `'`, and no exported cell starts with a formula character.
    #[test]
    fn export_round_trips_and_neutralises(rows in proptest::collection::vec(proptest::collection::vec(cell(), 2..4), 1..20)) {
        let width = rows[0].len();
        let rows: Vec<Vec<String>> = rows.into_iter().map(|mut r| { r.resize(width, String::new()); r }).collect();
        let header: Vec<&str> = (0..width).map(|_| "h").collect();
        let csv = to_csv(&header, rows.clone());
        let back = parse_records(&csv);
        // Rows that are one empty cell are skipped as blank lines; the rest come back in order.
        let want: Vec<Vec<String>> = rows
            .iter()
            .map(|r| r.iter().map(|c| match c.chars().next() {
                Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{c}"),
                _ => c.clone(),
            }).map(|c| c.replace("\r\n", "\n").replace('\r', "\n")).collect())
            .collect();
        let got: Vec<Vec<String>> = back.into_iter().skip(1).map(|(_, r)| r).collect();
        prop_assert_eq!(got, want);
        for (_, record) in parse_records(&csv) {
            for c in record {
                prop_assert!(!matches!(c.chars().next(), Some('=' | '+' | '-' | '@' | '\t')), "{:?}", c);
            }
        }
    }
}
