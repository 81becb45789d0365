//! The official Telnyx Python SDK (pinned in `tests/sdk/requirements.txt`) lists, retrieves, assigns,
//! unassigns and bulk-updates against the simulator and reads back what it wrote.

use std::time::Duration;

use telnyx_sim::{SimConfig, Simulator};

/// The Python that runs the SDK check: `TELNYX_SDK_PYTHON` when set, else the project's own venv
/// (`target/sdk-venv`, made by `bash .ci/dev install`) when it exists, else `python3` from `PATH`.
fn sdk_python() -> String {
    if let Ok(python) = std::env::var("TELNYX_SDK_PYTHON") {
        return python;
    }
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    // `cargo test` may build into another target folder; the venv is made in the repository's.
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| root.join("target"));
    [target, root.join("target")]
        .iter()
        .map(|t| t.join("sdk-venv/bin/python"))
        .find(|p| p.exists())
        .map(|p| p.display().to_string())
        .unwrap_or_else(|| "python3".to_string())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn official_python_sdk_round_trip() {
    let python = sdk_python();
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/sdk");
    let script = dir.join("official_sdk_check.py");
    let mut config = SimConfig::demo();
    config.bulk_settle = Duration::from_millis(300);
    let expected = config.account.numbers.len();
    let sim = Simulator::start(config).await.expect("simulator starts");
    let (base, key) = (sim.base_url(), sim.api_key());
    let py = python.clone();
    let output = tokio::task::spawn_blocking(move || {
        std::process::Command::new(&py)
            .arg(&script)
            .env("TELNYX_SIM_BASE_URL", base)
            .env("TELNYX_SIM_API_KEY", key)
            .env("TELNYX_SIM_EXPECTED_NUMBERS", expected.to_string())
            .output()
    })
    .await
    .expect("join");
    sim.shutdown().await;
    let output = output.unwrap_or_else(|e| panic!("could not run {python}: {e}"));
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    if output.status.code() == Some(3) {
        panic!(
            "the official Telnyx SDK is not importable by {python}.\n{stderr}\nInstall it with:\n  \
             bash .ci/dev install\n\
             (it makes the project's own venv, target/sdk-venv, from {}), then run the tests again: \
             `cargo test` finds that venv by itself; TELNYX_SDK_PYTHON=/path/to/python picks another.",
            dir.join("requirements.txt").display()
        );
    }
    assert!(
        output.status.success(),
        "SDK check failed ({:?}):\n{stdout}\n{stderr}",
        output.status
    );
    assert!(stdout.contains("official SDK check passed"), "{stdout}");
}
