//! The vendored Telnyx spec (`spec/telnyx/`) is what the tests need and nothing reads outside the
//! repository: the subset holds exactly the operations of `operations.txt`, every `$ref` in it
//! resolves, and no file of the project points at the reference folder that sat beside the checkout
//! while it was being built (a fresh clone has nothing beside it).

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use serde_json::Value;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .unwrap()
}

fn subset() -> Value {
    let text =
        std::fs::read_to_string(root().join("spec/telnyx/telnyx-messaging-numbers-subset.yml"))
            .expect("spec/telnyx/telnyx-messaging-numbers-subset.yml is in the repository");
    serde_norway::from_str(&text).expect("the subset is valid YAML")
}

fn listed_operations() -> BTreeSet<(String, String)> {
    let text = std::fs::read_to_string(root().join("spec/telnyx/operations.txt")).unwrap();
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .flat_map(|l| {
            let mut words = l.split_whitespace();
            let path = words.next().unwrap().to_string();
            words.map(move |m| (path.clone(), m.to_string()))
        })
        .collect()
}

#[test]
fn the_subset_holds_exactly_the_listed_operations() {
    let spec = subset();
    let held: BTreeSet<(String, String)> = spec["paths"]
        .as_object()
        .unwrap()
        .iter()
        .flat_map(|(path, item)| {
            item.as_object()
                .unwrap()
                .keys()
                .map(move |m| (path.clone(), m.clone()))
        })
        .collect();
    let listed = listed_operations();
    assert_eq!(
        listed.len(),
        46,
        "operations.txt changed: update this count and SOURCE.md"
    );
    assert_eq!(held, listed);
    assert_eq!(spec["openapi"], "3.1.0");
}

fn refs<'a>(node: &'a Value, out: &mut Vec<&'a str>) {
    match node {
        Value::Object(map) => {
            for (k, v) in map {
                match (k.as_str(), v) {
                    ("$ref", Value::String(r)) => out.push(r),
                    _ => refs(v, out),
                }
            }
        }
        Value::Array(items) => items.iter().for_each(|v| refs(v, out)),
        _ => {}
    }
}

#[test]
fn every_reference_in_the_subset_resolves() {
    let spec = subset();
    let mut found = Vec::new();
    refs(&spec, &mut found);
    assert!(
        found.len() > 100,
        "only {} $refs: is this the subset?",
        found.len()
    );
    let dangling: BTreeSet<&str> = found
        .into_iter()
        .filter(|r| !r.starts_with('#') || spec.pointer(r.trim_start_matches('#')).is_none())
        .collect();
    assert!(dangling.is_empty(), "dangling references: {dangling:?}");
}

/// Folders that are built, installed or written by runs, never part of the project's sources.
const SKIPPED: &[&str] = &[
    "target",
    "node_modules",
    ".git",
    "dist",
    "gen",
    "artifacts",
    ".e2e-home",
];

fn walk(dir: &Path, files: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        let name = entry.file_name();
        let ty = entry.file_type().unwrap();
        if ty.is_dir() {
            if !SKIPPED.contains(&name.to_string_lossy().as_ref()) {
                walk(&path, files);
            }
        } else if ty.is_file() {
            files.push(path);
        }
    }
}

#[test]
fn nothing_in_the_project_reads_outside_the_repository() {
    // Built from parts so this file does not find itself.
    let needles = [
        format!("../{}/", "shared"),
        format!("{}/telnyx-api", "shared"),
        format!("{}/DESIGN.md", "shared"),
        format!("{}/PLATFORM.md", "shared"),
    ];
    let mut files = Vec::new();
    walk(&root(), &mut files);
    assert!(files.len() > 100, "walked only {} files", files.len());
    let mut offenders = Vec::new();
    for file in files {
        let Ok(text) = std::fs::read_to_string(&file) else {
            continue; // binary (icons, screenshots)
        };
        for needle in &needles {
            if text.contains(needle.as_str()) {
                offenders.push(format!("{} mentions {needle}", file.display()));
            }
        }
    }
    assert!(
        offenders.is_empty(),
        "the repository must be self-contained (vendor what is needed under spec/ or tests/):\n{}",
        offenders.join("\n")
    );
}
