//! ARCHITECTURE.md stays true: every workspace crate's dependencies (normal and build) are among
//! those its row of the "Who may depend on what" table allows. A crate that gains a dependency
//! the map does not allow (keyring in desk-core, the client in the simulator, Tauri anywhere but
//! the shell) fails here, with the row to change if the change is meant.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::process::Command;

const BEGIN: &str = "<!-- dependency-table:begin -->";
const END: &str = "<!-- dependency-table:end -->";

/// crate → the crates it may depend on, from ARCHITECTURE.md's table.
fn allowed() -> BTreeMap<String, BTreeSet<String>> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let map =
        std::fs::read_to_string(root.join("ARCHITECTURE.md")).expect("ARCHITECTURE.md exists");
    let start = map.find(BEGIN).expect("the table's begin marker") + BEGIN.len();
    let end = map.find(END).expect("the table's end marker");
    map[start..end]
        .lines()
        .filter(|l| l.starts_with("| `"))
        .map(|row| {
            let cells: Vec<&str> = row.trim_matches('|').split('|').map(str::trim).collect();
            assert!(
                cells.len() >= 2,
                "a table row has at least two cells: {row}"
            );
            let name = cells[0].trim_matches('`').to_string();
            let deps = cells[1]
                .split(',')
                .map(|d| d.trim().trim_matches('`').to_string())
                .filter(|d| !d.is_empty())
                .collect();
            (name, deps)
        })
        .collect()
}

/// crate → its normal and build dependencies, from `cargo metadata`.
fn actual() -> BTreeMap<String, BTreeSet<String>> {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let out = Command::new(cargo)
        .args([
            "metadata",
            "--format-version",
            "1",
            "--no-deps",
            "--offline",
        ])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("cargo metadata runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let meta: serde_json::Value = serde_json::from_slice(&out.stdout).expect("metadata is JSON");
    meta["packages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            let deps = p["dependencies"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|d| d["kind"].as_str() != Some("dev"))
                .map(|d| d["name"].as_str().unwrap().to_string())
                .collect();
            (p["name"].as_str().unwrap().to_string(), deps)
        })
        .collect()
}

#[test]
fn every_crate_depends_only_on_what_the_architecture_allows() {
    let allowed = allowed();
    let actual = actual();
    assert_eq!(
        allowed.keys().collect::<Vec<_>>(),
        actual.keys().collect::<Vec<_>>(),
        "ARCHITECTURE.md's table must have one row per workspace crate"
    );
    let mut problems = Vec::new();
    for (name, deps) in &actual {
        for dep in deps.difference(&allowed[name]) {
            problems.push(format!(
                "{name} depends on {dep}, which ARCHITECTURE.md does not allow it"
            ));
        }
    }
    assert!(
        problems.is_empty(),
        "{}\n(if the dependency is meant, change the map first and say why there)",
        problems.join("\n")
    );
}

#[test]
fn the_table_forbids_what_the_invariants_say() {
    let allowed = allowed();
    for (name, deps) in &allowed {
        if name != "number-desk" {
            for shell_only in ["tauri", "tauri-plugin-store", "tauri-specta", "tauri-build"] {
                assert!(
                    !deps.contains(shell_only),
                    "{name} may not depend on {shell_only}"
                );
            }
        }
        if name != "desk-host" {
            assert!(
                !deps.contains("keyring"),
                "only desk-host talks to the keychain, not {name}"
            );
        }
    }
    // The simulator is written from the spec, never from the client's (or the app's) types.
    for forbidden in ["telnyx-client", "desk-core", "desk-host"] {
        assert!(
            !allowed["telnyx-sim"].contains(forbidden),
            "telnyx-sim may not use {forbidden}"
        );
    }
    // The client knows nothing of the product.
    for forbidden in ["desk-core", "desk-host", "telnyx-sim"] {
        assert!(
            !allowed["telnyx-client"].contains(forbidden),
            "telnyx-client may not use {forbidden}"
        );
    }
}
