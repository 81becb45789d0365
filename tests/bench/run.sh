#!/usr/bin/env bash
# Every benchmark, each against a baseline measured in the same run (ratios, not absolute times):
#   1. the client's paging (concurrency 8 and 4 vs sequential vs the latency floor),
#   2. the Numbers screen's backend load (five lists, rows, JSON) vs listing the numbers alone,
#   2a. Troubleshoot's account scan (the diagnosis rules over 10,000 numbers) vs the Numbers
#      screen's own load from the same lists,
#   2b. bulk assignment: 5,000 numbers moved by the bulk runner vs one PATCH per number in sequence
#      vs eight PATCHes at a time (BENCH_BULK_SAMPLE=N runs the sequential loop on N numbers only
#      and extrapolates, which the output says), and a 50,000-row CSV import check,
#   3. the Numbers screen in the real window of the release build (full list vs raw paging from
#      Node, keystroke-to-list, memory against a blank WebKit window measured in the same run),
#      against a standalone simulator,
#   3b. the Assign board in the real window of the release build: keystrokes with 5,000 of 10,000
#      numbers selected vs none selected, and frames during a drag vs the same pointer path without
#      one (tests/bench/board.mjs), and
#   4. the release build's startup (tests/bench/startup.sh).
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

echo "==> Account scan benchmark (Troubleshoot's scan vs the Numbers screen's own load)"
cargo run --release --locked -p desk-core --example bench_scan

echo "==> Bulk assignment benchmark (runner vs sequential vs 8 concurrent PATCHes)"
cargo run --release --locked -p desk-core --example bench_bulk -- 5000 80 \
  ${BENCH_BULK_SAMPLE:+--sequential-sample "$BENCH_BULK_SAMPLE"}

echo "==> Numbers screen benchmark (release build, real window)"
E2E_APP="$ROOT/target/release/number-desk" E2E_SIM="$ROOT/target/release/telnyx-sim" \
  bash tests/e2e/run.sh tests/bench/numbers.mjs

echo "==> Assign board benchmark (release build, real window: 10,000 numbers, 5,000 selected)"
E2E_APP="$ROOT/target/release/number-desk" E2E_SIM="$ROOT/target/release/telnyx-sim" \
  bash tests/e2e/run.sh tests/bench/board.mjs

echo "==> Startup of the release build (process start → page, → the demo's numbers loaded)"
exec 5>/tmp/number-desk-bench-display.$$
Xvfb -displayfd 5 -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
XVFB_PID=$!
exec 5>&-
trap 'kill "$XVFB_PID" 2>/dev/null || true; rm -f /tmp/number-desk-bench-display.$$' EXIT
for _ in $(seq 50); do [ -s /tmp/number-desk-bench-display.$$ ] && break; sleep 0.1; done
DISPLAY=":$(head -n1 /tmp/number-desk-bench-display.$$)" bash tests/bench/startup.sh target/release/number-desk 5
