#!/usr/bin/env bash
# Every benchmark, each against a baseline measured in the same run (ratios, not absolute times):
#   1. the client's paging (concurrency 8 and 4 vs sequential vs the latency floor),
#   2. the Numbers screen's backend load (five lists, rows, JSON) vs listing the numbers alone, and
#   3. the Numbers screen in the real window of the release build (full list vs raw paging from
#      Node, keystroke-to-list, memory), against a standalone simulator.
# BENCH_NUMBERS (default 10000) and BENCH_LATENCY_MS (default 80) size the account.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"

echo "==> Building the release app and simulator"
ui/node_modules/.bin/tauri build --no-bundle
cargo build --release --locked -p telnyx-sim --bin telnyx-sim

echo "==> Client paging benchmark"
cargo run --release --locked -p telnyx-client --example bench_paging

echo "==> Numbers screen backend benchmark"
cargo run --release --locked -p desk-core --example bench_snapshot

echo "==> Numbers screen benchmark (release build, real window)"
E2E_APP="$ROOT/target/release/number-desk" E2E_SIM="$ROOT/target/release/telnyx-sim" \
  bash tests/e2e/run.sh tests/bench/numbers.mjs
