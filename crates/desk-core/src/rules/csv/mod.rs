//! CSV import and export of assignments, pure. Import reads `phone_number,messaging_profile` (the
//! profile by id or exact name; an empty profile cell means "no profile"), with or without a header
//! row, a UTF-8 byte-order mark, CRLF / LF / CR line ends and quoted cells (RFC 4180), and checks
//! every row before anything is sent: bad number, unknown profile (with "did you mean …" for a near
//! name), duplicate row, number not on the account — each with its line number and why. Valid rows
//! become one [`Plan`] through the planner. Export writes cells a spreadsheet cannot run as a
//! formula. Nothing here panics, whatever the bytes.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};
use telnyx_client::{MessagingNumber, MessagingProfile};

use crate::rules::plan::{plan, Plan, PlanCounts, Target};
use crate::services::snapshot::AccountSnapshot;

/// Reads a number as people write it (`+1 (212) 555-0100`, `212.555.0100`, `0044 7700 900000`,
/// `tel:+1…`) into `+` and digits, or bare digits for a short code; `None` when it is not a number.
///
/// A small local normaliser: `rules::numbers::parse_typed` (being written on another branch) is
/// meant to replace it, behind this one function.
pub fn normalize_number(written: &str) -> Option<String> {
    let mut s = written.trim();
    s = s.strip_prefix('\'').unwrap_or(s).trim();
    if let Some(rest) = s.strip_prefix("tel:").or_else(|| s.strip_prefix("TEL:")) {
        s = rest.trim();
    }
    let plus = s.starts_with('+');
    let mut digits = String::with_capacity(s.len());
    for (i, c) in s.chars().enumerate() {
        match c {
            '0'..='9' => digits.push(c),
            '+' if i == 0 => {}
            ' ' | '-' | '.' | '(' | ')' | '/' | '\u{a0}' => {}
            _ => return None,
        }
    }
    if plus {
        return (8..=15)
            .contains(&digits.len())
            .then(|| format!("+{digits}"));
    }
    if let Some(intl) = digits.strip_prefix("00") {
        return (8..=15).contains(&intl.len()).then(|| format!("+{intl}"));
    }
    match digits.len() {
        3..=8 => Some(digits),
        // A North American number written without its country code.
        10 => Some(format!("+1{digits}")),
        11..=15 => Some(format!("+{digits}")),
        _ => None,
    }
}

/// What is wrong with a row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub enum RowProblemKind {
    /// One cell where a number and a profile are needed.
    Malformed,
    /// The first cell is not a phone number.
    BadNumber,
    /// No profile has that id or exact name.
    UnknownProfile,
    /// The number was already on an earlier row.
    DuplicateRow,
    /// The account does not have the number.
    NotOnAccount,
}

/// A row that will not be used, with its line number (1-based, where the row starts) and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct RowProblem {
    pub line: u32,
    pub kind: RowProblemKind,
    pub text: String,
}

/// A row that can be used.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct ImportRow {
    pub line: u32,
    /// The number as the account has it.
    pub phone_number: String,
    pub number_id: String,
    pub target: Target,
}

/// The file checked row by row.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct ImportCheck {
    /// Whether the first row was taken as a header.
    pub header: bool,
    pub rows: Vec<ImportRow>,
    pub problems: Vec<RowProblem>,
}

/// Splits CSV text into records, each with the line it starts on. Quotes per RFC 4180 (`""` inside
/// quotes is one `"`); a quote in the middle of an unquoted cell is kept as it is.
pub fn parse_records(text: &str) -> Vec<(u32, Vec<String>)> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut records = Vec::new();
    let mut line: u32 = 1;
    let mut start_line = 1;
    let mut cells: Vec<String> = Vec::new();
    let mut cell = String::new();
    let mut quoted = false;
    let mut at_cell_start = true;
    let mut chars = text.chars().peekable();
    let end_record = |cells: &mut Vec<String>, cell: &mut String, records: &mut Vec<_>, at: u32| {
        cells.push(std::mem::take(cell));
        let done = std::mem::take(cells);
        if !(done.len() == 1 && done[0].trim().is_empty()) {
            records.push((at, done));
        }
    };
    while let Some(c) = chars.next() {
        if quoted {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    cell.push('"');
                }
                '"' => quoted = false,
                '\r' => {
                    if chars.peek() == Some(&'\n') {
                        chars.next();
                    }
                    line = line.saturating_add(1);
                    cell.push('\n');
                }
                '\n' => {
                    line = line.saturating_add(1);
                    cell.push('\n');
                }
                _ => cell.push(c),
            }
            continue;
        }
        match c {
            '"' if at_cell_start => {
                quoted = true;
                at_cell_start = false;
            }
            ',' => {
                cells.push(std::mem::take(&mut cell));
                at_cell_start = true;
            }
            '\r' | '\n' => {
                if c == '\r' && chars.peek() == Some(&'\n') {
                    chars.next();
                }
                end_record(&mut cells, &mut cell, &mut records, start_line);
                line = line.saturating_add(1);
                start_line = line;
                at_cell_start = true;
            }
            // Spaces before an opening quote are allowed (and trimmed later).
            ' ' | '\t' if at_cell_start => cell.push(c),
            _ => {
                at_cell_start = false;
                cell.push(c);
            }
        }
    }
    if !cell.is_empty() || !cells.is_empty() {
        end_record(&mut cells, &mut cell, &mut records, start_line);
    }
    records
}

/// A number's digits as a lookup key without allocating: (how many digits, their value).
fn digits_key(s: &str) -> Option<(u8, u64)> {
    let mut len = 0u8;
    let mut value = 0u64;
    for b in s.bytes().filter(u8::is_ascii_digit) {
        len = len.checked_add(1)?;
        value = value.checked_mul(10)?.checked_add(u64::from(b - b'0'))?;
    }
    Some((len, value))
}

/// Edit distance, for "did you mean".
fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.chars().enumerate() {
        cur[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let cost = usize::from(ca != cb);
            cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// The profile name nearest to `written`, when it is near enough to be a slip.
fn near_name<'a>(written: &str, profiles: &'a [MessagingProfile]) -> Option<&'a str> {
    let w = written.trim().to_lowercase();
    if w.is_empty() || w.chars().count() > 200 {
        return None;
    }
    profiles
        .iter()
        .map(|p| (distance(&w, &p.name.to_lowercase()), p.name.as_str()))
        .filter(|(d, name)| *d <= (name.chars().count() / 3).max(2))
        .min_by_key(|(d, _)| *d)
        .map(|(_, name)| name)
}

fn is_header(cells: &[String]) -> bool {
    let first = cells
        .first()
        .map(|c| c.trim().to_lowercase().replace([' ', '-'], "_"))
        .unwrap_or_default();
    matches!(
        first.as_str(),
        "phone_number" | "phone" | "number" | "phonenumber" | "e164"
    )
}

fn short(s: &str) -> String {
    let t = s.trim();
    if t.chars().count() > 40 {
        format!("{}…", t.chars().take(40).collect::<String>())
    } else {
        t.to_owned()
    }
}

/// Checks an import file's bytes against the account's numbers and profiles.
pub fn check_import(
    bytes: &[u8],
    numbers: &[MessagingNumber],
    profiles: &[MessagingProfile],
) -> ImportCheck {
    let text = String::from_utf8_lossy(bytes);
    let records = parse_records(&text);
    let by_digits: HashMap<(u8, u64), &MessagingNumber> = numbers
        .iter()
        .filter_map(|n| Some((digits_key(n.phone_number.as_str())?, n)))
        .collect();
    let by_id: HashMap<&str, &MessagingProfile> =
        profiles.iter().map(|p| (p.id.as_str(), p)).collect();
    let mut by_name: HashMap<&str, Option<&MessagingProfile>> = HashMap::new();
    for p in profiles {
        by_name
            .entry(p.name.as_str())
            .and_modify(|slot| *slot = None)
            .or_insert(Some(p));
    }
    let mut near_cache: HashMap<String, Option<String>> = HashMap::new();
    let mut seen: HashMap<String, (u32, Target)> = HashMap::new();
    let mut header = false;
    let mut rows = Vec::new();
    let mut problems = Vec::new();
    for (n, (line, cells)) in records.iter().enumerate() {
        let line = *line;
        if n == 0 && is_header(cells) {
            header = true;
            continue;
        }
        let mut problem = |kind, text: String| problems.push(RowProblem { line, kind, text });
        let cells: Vec<&str> = cells.iter().map(|c| c.trim()).collect();
        // Cells after the second (e.g. the profile id an export adds) are not read.
        let cells: &[&str] = match cells.as_slice() {
            [a, b, ..] => &[*a, *b],
            [a] => {
                problem(
                    RowProblemKind::Malformed,
                    format!(
                        "Line {line} has one cell (“{}”); each row needs two: the number, then the profile (empty for none).",
                        short(a)
                    ),
                );
                continue;
            }
            [] => continue,
        };
        let (written_number, written_profile) = (cells[0], cells[1]);
        let Some(normal) = normalize_number(written_number) else {
            problem(
                RowProblemKind::BadNumber,
                format!(
                    "Line {line}: “{}” is not a phone number.",
                    short(written_number)
                ),
            );
            continue;
        };
        let profile = written_profile
            .strip_prefix('\'')
            .unwrap_or(written_profile)
            .trim();
        let target = if profile.is_empty() {
            Target::Unassigned
        } else if let Some(p) = by_id.get(profile) {
            Target::Profile {
                id: p.id.as_str().to_owned(),
            }
        } else if let Some(Some(p)) = by_name.get(profile) {
            Target::Profile {
                id: p.id.as_str().to_owned(),
            }
        } else {
            let text = if by_name.contains_key(profile) {
                format!(
                    "Line {line}: more than one profile is called “{}”; use its id instead.",
                    short(profile)
                )
            } else {
                let near = near_cache
                    .entry(profile.to_owned())
                    .or_insert_with(|| near_name(profile, profiles).map(str::to_owned));
                match near {
                    Some(name) => format!(
                        "Line {line}: there is no profile “{}”. Did you mean “{name}”?",
                        short(profile)
                    ),
                    None => format!(
                        "Line {line}: there is no profile “{}” (by name or id) on this account.",
                        short(profile)
                    ),
                }
            };
            problem(RowProblemKind::UnknownProfile, text);
            continue;
        };
        let Some(number) = digits_key(&normal).and_then(|k| by_digits.get(&k)) else {
            problem(
                RowProblemKind::NotOnAccount,
                format!("Line {line}: {normal} is not on this account."),
            );
            continue;
        };
        let key = number.phone_number.as_str().to_owned();
        if let Some((first, first_target)) = seen.get(&key) {
            let text = if *first_target == target {
                format!("Line {line} repeats line {first} ({key}); it is used once.")
            } else {
                format!(
                    "Line {line}: {key} is already on line {first} with another profile; only line {first} is used."
                )
            };
            problem(RowProblemKind::DuplicateRow, text);
            continue;
        }
        seen.insert(key.clone(), (line, target.clone()));
        rows.push(ImportRow {
            line,
            phone_number: key,
            number_id: number.id.as_str().to_owned(),
            target,
        });
    }
    ImportCheck {
        header,
        rows,
        problems,
    }
}

/// The preview of an import's valid rows: the planner's groups and warnings for each target,
/// merged (each move carries its own `to`). `target` is the first row's.
pub fn import_plan(snapshot: &AccountSnapshot, rows: &[ImportRow]) -> Plan {
    let mut order: Vec<Target> = Vec::new();
    let mut groups: HashMap<Target, Vec<String>> = HashMap::new();
    for r in rows {
        let g = groups.entry(r.target.clone()).or_insert_with(|| {
            order.push(r.target.clone());
            Vec::new()
        });
        g.push(r.number_id.clone());
    }
    let mut merged = Plan {
        target: order.first().cloned().unwrap_or(Target::Unassigned),
        target_name: None,
        will_move: Vec::new(),
        already_there: Vec::new(),
        cannot: Vec::new(),
        warnings: Vec::new(),
        counts: PlanCounts::default(),
    };
    for (i, target) in order.iter().enumerate() {
        let p = plan(snapshot, &groups[target], target);
        if i == 0 {
            merged.target_name = p.target_name.clone();
        }
        merged.will_move.extend(p.will_move);
        merged.already_there.extend(p.already_there);
        merged.cannot.extend(p.cannot);
        merged.warnings.extend(p.warnings);
    }
    merged.counts = PlanCounts {
        will_move: u32::try_from(merged.will_move.len()).unwrap_or(u32::MAX),
        already_there: u32::try_from(merged.already_there.len()).unwrap_or(u32::MAX),
        cannot: u32::try_from(merged.cannot.len()).unwrap_or(u32::MAX),
    };
    merged
}

/// A cell a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, CR first) gets a leading
/// `'`, which spreadsheets show as text and [`check_import`] ignores.
pub fn neutralise(cell: &str) -> String {
    match cell.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{cell}"),
        _ => cell.to_owned(),
    }
}

fn quote(cell: &str) -> String {
    if cell.contains([',', '"', '\n', '\r']) || cell.starts_with(' ') || cell.ends_with(' ') {
        format!("\"{}\"", cell.replace('"', "\"\""))
    } else {
        cell.to_owned()
    }
}

/// Rows as CSV (CRLF line ends, RFC 4180 quoting), every cell neutralised.
pub fn to_csv<R, C>(header: &[&str], rows: R) -> String
where
    R: IntoIterator<Item = C>,
    C: IntoIterator<Item = String>,
{
    let mut out = String::new();
    let line = |out: &mut String, cells: &mut dyn Iterator<Item = String>| {
        let mut first = true;
        for c in cells {
            if !first {
                out.push(',');
            }
            first = false;
            out.push_str(&quote(&neutralise(&c)));
        }
        out.push_str("\r\n");
    };
    line(&mut out, &mut header.iter().map(|h| (*h).to_owned()));
    for r in rows {
        line(&mut out, &mut r.into_iter());
    }
    out
}

/// Every number with its profile: `phone_number,messaging_profile,messaging_profile_id` (the
/// profile by name, which [`check_import`] reads back).
pub fn export_assignments(numbers: &[MessagingNumber], profiles: &[MessagingProfile]) -> String {
    let names: HashMap<&str, &str> = profiles
        .iter()
        .map(|p| (p.id.as_str(), p.name.as_str()))
        .collect();
    to_csv(
        &["phone_number", "messaging_profile", "messaging_profile_id"],
        numbers.iter().map(|n| {
            let id = n
                .messaging_profile_id
                .as_ref()
                .map(|p| p.as_str())
                .unwrap_or("");
            vec![
                n.phone_number.as_str().to_owned(),
                names.get(id).copied().unwrap_or(id).to_owned(),
                id.to_owned(),
            ]
        }),
    )
}

/// A job's numbers, one row each: `phone_number,from_profile,to_profile,outcome,confirmed,code,why`
/// (profiles by name where `profiles` knows them). `only` keeps the numbers in those states.
pub fn export_job(
    job: &crate::ports::journal::Job,
    profiles: &[MessagingProfile],
    only: Option<&[crate::ports::journal::ItemState]>,
) -> String {
    let names: HashMap<&str, &str> = profiles
        .iter()
        .map(|p| (p.id.as_str(), p.name.as_str()))
        .collect();
    let name = |p: &Option<String>| match p {
        Some(id) => names.get(id.as_str()).copied().unwrap_or(id).to_owned(),
        None => String::new(),
    };
    to_csv(
        &[
            "phone_number",
            "from_profile",
            "to_profile",
            "outcome",
            "confirmed",
            "code",
            "why",
        ],
        job.items
            .iter()
            .filter(|i| only.is_none_or(|states| states.contains(&i.state)))
            .map(|i| {
                vec![
                    i.phone_number.clone(),
                    name(&i.from),
                    name(&i.to),
                    i.state.as_str().to_owned(),
                    match i.confirmed {
                        Some(true) => "yes".to_owned(),
                        Some(false) => "no".to_owned(),
                        None => String::new(),
                    },
                    i.code.clone().unwrap_or_default(),
                    i.words.clone().unwrap_or_default(),
                ]
            }),
    )
}

#[cfg(test)]
mod tests;
