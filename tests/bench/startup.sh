#!/usr/bin/env bash
# Startup time of a build: from starting the process to (1) the page's first call into the app
# (the window is up and its script runs: the demo simulator starts, logged as "simulator
# listening") and (2) the demo account's numbers loaded (logged as "numbers loaded"). Median of
# RUNS (default 5) cold-ish starts, each with a fresh HOME, under the current DISPLAY.
#   bash tests/bench/startup.sh target/release/number-desk [RUNS]
set -euo pipefail
app="$(realpath "$1")"
runs="${2:-5}"
ms() { echo $(( $(date +%s%N) / 1000000 )); }
page=(); loaded=()
for _ in $(seq "$runs"); do
  home="$(mktemp -d)"
  start="$(ms)"
  HOME="$home" XDG_DATA_HOME="$home/.local/share" XDG_CONFIG_HOME="$home/.config" NUMBER_DESK_LOG=info \
    "$app" --demo >"$home/log" 2>&1 &
  pid=$!
  p=""; l=""
  for _ in $(seq 3000); do
    [ -z "$p" ] && grep -qs "simulator listening" "$home/log" && p=$(( $(ms) - start ))
    [ -z "$l" ] && grep -qs "numbers loaded" "$home/log" && l=$(( $(ms) - start ))
    [ -n "$p" ] && [ -n "$l" ] && break
    sleep 0.01
  done
  kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true
  rm -rf "$home"
  page+=("${p:-0}"); loaded+=("${l:-0}")
done
median() { printf '%s\n' "$@" | sort -n | sed -n "$(( ($# + 1) / 2 ))p"; }
echo "STARTUP {\"app\":\"$1\",\"bytes\":$(stat -c %s "$app"),\"toPageMs\":$(median "${page[@]}"),\"toNumbersMs\":$(median "${loaded[@]}"),\"runs\":$runs}"
