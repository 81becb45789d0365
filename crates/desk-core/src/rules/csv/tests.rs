//! Import checks row by row, the CSV dialects people's files come in, and export neutralisation.

use serde_json::json;

use super::*;

const SUPPORT: &str = "11111111-1111-4111-8111-111111111111";
const SALES: &str = "22222222-2222-4222-8222-222222222222";

fn account() -> (Vec<MessagingNumber>, Vec<MessagingProfile>) {
    let numbers = ["+12125550100", "+12125550101", "+447700900000", "55501"]
        .iter()
        .enumerate()
        .map(|(i, p)| {
            serde_json::from_value(json!({"id": format!("{i}"), "phone_number": p})).unwrap()
        })
        .collect();
    let profiles = serde_json::from_value(json!([
        {"id": SUPPORT, "name": "Support Line"},
        {"id": SALES, "name": "Sales"},
    ]))
    .unwrap();
    (numbers, profiles)
}

fn check(text: &str) -> ImportCheck {
    let (n, p) = account();
    check_import(text.as_bytes(), &n, &p)
}

fn kinds(c: &ImportCheck) -> Vec<(u32, RowProblemKind)> {
    c.problems.iter().map(|p| (p.line, p.kind)).collect()
}

#[test]
fn numbers_in_any_common_written_form() {
    let cases = [
        ("+1 (212) 555-0100", Some("+12125550100")),
        ("212.555.0100", Some("+12125550100")),
        ("1-212-555-0100", Some("+12125550100")),
        ("0044 7700 900000", Some("+447700900000")),
        ("tel:+447700900000", Some("+447700900000")),
        ("'+12125550100", Some("+12125550100")),
        ("55501", Some("55501")),
        ("12", None),
        ("call me", None),
        ("+1 212 555 01OO", None),
        ("", None),
        ("+1234567890123456", None),
    ];
    for (written, want) in cases {
        assert_eq!(normalize_number(written).as_deref(), want, "{written:?}");
    }
}

#[test]
fn every_problem_with_its_line_and_why() {
    let c = check(
        "phone_number,messaging_profile\n\
         +1 212 555 0100,Support Line\n\
         not a number,Sales\n\
         +12125550101,Suport Line\n\
         +12125550101,Nobody Here At All\n\
         212-555-0100,Support Line\n\
         +12125559999,Sales\n\
         +447700900000,Sales\n\
         +447700900000,Support Line\n\
         lonely\n\
         55501,\n",
    );
    assert!(c.header);
    assert_eq!(
        kinds(&c),
        [
            (3, RowProblemKind::BadNumber),
            (4, RowProblemKind::UnknownProfile),
            (5, RowProblemKind::UnknownProfile),
            (6, RowProblemKind::DuplicateRow),
            (7, RowProblemKind::NotOnAccount),
            (9, RowProblemKind::DuplicateRow),
            (10, RowProblemKind::Malformed),
        ]
    );
    let text = |line| {
        c.problems
            .iter()
            .find(|p| p.line == line)
            .unwrap()
            .text
            .clone()
    };
    assert!(
        text(4).contains("Did you mean “Support Line”?"),
        "{}",
        text(4)
    );
    assert!(!text(5).contains("Did you mean"), "{}", text(5));
    assert!(text(6).contains("repeats line 2"), "{}", text(6));
    assert!(text(9).contains("another profile"), "{}", text(9));
    assert!(c
        .problems
        .iter()
        .all(|p| p.text.starts_with(&format!("Line {}", p.line))));
    let rows: Vec<_> = c
        .rows
        .iter()
        .map(|r| (r.line, r.phone_number.as_str(), r.target.clone()))
        .collect();
    assert_eq!(
        rows,
        [
            (2, "+12125550100", Target::Profile { id: SUPPORT.into() }),
            (8, "+447700900000", Target::Profile { id: SALES.into() }),
            (11, "55501", Target::Unassigned),
        ]
    );
}

#[test]
fn profile_by_id_or_exact_name_and_ambiguous_names() {
    let c = check(&format!("+12125550100,{SALES}\n+12125550101,sales\n"));
    assert!(!c.header);
    assert_eq!(c.rows.len(), 1);
    assert!(c.problems[0].text.contains("Did you mean “Sales”?"));
    let (n, mut p) = account();
    p.push(
        serde_json::from_value(
            json!({"id": "33333333-3333-4333-8333-333333333333", "name": "Sales"}),
        )
        .unwrap(),
    );
    let c = check_import(b"+12125550100,Sales\n", &n, &p);
    assert_eq!(kinds(&c), [(1, RowProblemKind::UnknownProfile)]);
    assert!(c.problems[0].text.contains("use its id"));
}

#[test]
fn bom_crlf_quotes_and_blank_lines() {
    let text = "\u{feff}\"phone_number\",\"messaging_profile\"\r\n\r\n\"+1 212 555 0100\",\"Support Line\"\r\n  \"212-555-0101\" , \"Sa\"\"les, Inc\"\r\n\"+44 7700\n900000\",Sales\r";
    let c = check(text);
    assert!(c.header);
    assert_eq!(c.rows.len(), 1);
    // The quoted comma stays inside its cell: the profile is `Sa"les, Inc`, not `Sa"les`.
    assert_eq!(
        kinds(&c),
        [
            (4, RowProblemKind::UnknownProfile),
            (5, RowProblemKind::BadNumber)
        ]
    );
    assert!(
        c.problems[0].text.contains("Sa\"les, Inc"),
        "{}",
        c.problems[0].text
    );
    let records = parse_records("a,\"b\nc\",d\re,f");
    assert_eq!(
        records,
        [
            (1, vec!["a".to_string(), "b\nc".into(), "d".into()]),
            (3, vec!["e".to_string(), "f".into()])
        ]
    );
}

#[test]
fn export_neutralises_formula_cells_and_reads_back() {
    let csv = to_csv(
        &["a", "b"],
        [
            vec!["=SUM(A1)".to_string(), "+1 212".into()],
            vec!["-2".into(), "@x".into()],
            vec!["\tx".into(), "\rx".into()],
            vec!["plain, with comma".into(), "say \"hi\"".into()],
        ],
    );
    assert_eq!(
        csv,
        "a,b\r\n'=SUM(A1),'+1 212\r\n'-2,'@x\r\n'\tx,\"'\rx\"\r\n\"plain, with comma\",\"say \"\"hi\"\"\"\r\n"
    );
    let (n, p) = account();
    let mut numbers = n.clone();
    numbers[0].messaging_profile_id = Some(telnyx_client::MessagingProfileId::new(SUPPORT));
    let out = export_assignments(&numbers, &p);
    assert!(out.starts_with(
        "phone_number,messaging_profile,messaging_profile_id\r\n'+12125550100,Support Line,"
    ));
    let back = check_import(out.as_bytes(), &n, &p);
    assert!(
        back.header && back.problems.is_empty(),
        "{:?}",
        back.problems
    );
    assert_eq!(back.rows.len(), 4);
    assert_eq!(back.rows[0].target, Target::Profile { id: SUPPORT.into() });
    assert_eq!(back.rows[1].target, Target::Unassigned);
}

#[test]
fn a_job_exports_one_row_per_number_filtered_by_outcome() {
    use crate::ports::journal::{ItemState, Job, JobItem, JobKind, JobState};
    let (_, p) = account();
    let item = |phone: &str, state, words: Option<&str>| JobItem {
        number_id: "1".into(),
        phone_number: phone.into(),
        from: None,
        to: Some(SUPPORT.into()),
        state,
        order_id: None,
        code: (state == ItemState::Failed).then(|| "10015".into()),
        words: words.map(str::to_owned),
        confirmed: (state == ItemState::Moved).then_some(true),
        attempts: 1,
    };
    let job = Job {
        id: "j".into(),
        account: "demo".into(),
        created_at: "2026-12-02T04:00:00Z".into(),
        who: "Demo account".into(),
        kind: JobKind::Move,
        state: JobState::Finished,
        undoes: None,
        profile_change: None,
        items: vec![
            item("+12125550100", ItemState::Moved, None),
            item(
                "+12125550101",
                ItemState::Failed,
                Some("=cmd|' /C calc'!A0"),
            ),
        ],
    };
    let all = export_job(&job, &p, None);
    assert_eq!(
        all,
        "phone_number,from_profile,to_profile,outcome,confirmed,code,why\r\n\
         '+12125550100,,Support Line,moved,yes,,\r\n\
         '+12125550101,,Support Line,failed,,10015,'=cmd|' /C calc'!A0\r\n"
    );
    let failed = export_job(&job, &p, Some(&[ItemState::Failed]));
    assert_eq!(failed.lines().count(), 2);
    assert!(failed.contains("+12125550101") && !failed.contains("+12125550100"));
}
