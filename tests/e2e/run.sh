#!/usr/bin/env bash
# Runs the end-to-end suite against the real app window: Xvfb for the display, a private D-Bus
# session with an unlocked gnome-keyring for the keychain, and node's test runner driving the app
# through tauri-driver + WebKitWebDriver. Every process started here is stopped on exit.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
export E2E_APP="${E2E_APP:-$ROOT/target/debug/number-desk}"
[ -x "$E2E_APP" ] || { echo "No app binary at $E2E_APP: build it first (bash .ci/dev build)." >&2; exit 1; }
command -v tauri-driver >/dev/null || { echo "tauri-driver is missing: run 'bash .ci/dev install'." >&2; exit 1; }

E2E_TMP="$(mktemp -d /tmp/number-desk-e2e.XXXXXX)"
# A caller's E2E_ARTIFACTS (a bench, a helper's own folder) is kept; the default is the repo's ignored folder.
export E2E_TMP E2E_ARTIFACTS="${E2E_ARTIFACTS:-$ROOT/tests/e2e/artifacts}"
mkdir -p "$E2E_ARTIFACTS" "$E2E_TMP/home" "$E2E_TMP/runtime"
chmod 700 "$E2E_TMP/runtime"
# Nothing of the developer's own session may leak in: its own HOME, runtime dir and buses.
export HOME="$E2E_TMP/home" XDG_RUNTIME_DIR="$E2E_TMP/runtime"
export XDG_CONFIG_HOME="$HOME/.config" XDG_DATA_HOME="$HOME/.local/share" XDG_CACHE_HOME="$HOME/.cache"
unset DBUS_SESSION_BUS_ADDRESS WAYLAND_DISPLAY

# Xvfb picks a free display number and tells us through fd 5.
exec 5>"$E2E_TMP/display"
Xvfb -displayfd 5 -screen 0 1280x800x24 -nolisten tcp >"$E2E_TMP/xvfb.log" 2>&1 &
XVFB_PID=$!
exec 5>&-
cleanup() {
  kill "$XVFB_PID" 2>/dev/null || true
  wait "$XVFB_PID" 2>/dev/null || true
  [ -n "${E2E_KEEP_TMP:-}" ] || rm -rf "$E2E_TMP"
}
trap cleanup EXIT
for _ in $(seq 50); do [ -s "$E2E_TMP/display" ] && break; sleep 0.1; done
[ -s "$E2E_TMP/display" ] || { echo "Xvfb did not start:" >&2; cat "$E2E_TMP/xvfb.log" >&2; exit 1; }
export DISPLAY=":$(head -n1 "$E2E_TMP/display")"

TESTS=("$@")
[ "${#TESTS[@]}" -gt 0 ] || TESTS=("$ROOT"/tests/e2e/*.test.mjs)

# gnome-keyring only serves Secret Service headless when unlocked with a non-empty password.
# tests/e2e/suite.mjs runs the files one at a time and a failed test once more, alone (E2E_RETRIES).
# The tests report on fd 3; the bus's own chatter goes to a log, printed only when something fails.
status=0
dbus-run-session -- bash -c '
  set -euo pipefail
  eval "$(printf %s e2e-keyring-password | gnome-keyring-daemon --unlock --components=secrets | sed "s/^/export /")"
  exec node "$0" "$@" >&3 2>&3
' "$ROOT/tests/e2e/suite.mjs" "${TESTS[@]}" 3>&1 2>"$E2E_TMP/session.log" || status=$?
if [ "$status" -ne 0 ]; then
  echo "--- D-Bus session log (tail) ---" >&2
  tail -n 40 "$E2E_TMP/session.log" >&2
fi
exit "$status"
