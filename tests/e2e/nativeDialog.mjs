// Drives the native GTK file chooser (Open or Save) on the Xvfb display with xdotool, as a person
// would with the keyboard: Ctrl+L, the path, Return. The display has no window manager, so a dialog
// can be found by name before it is mapped, and focusing it then fails with X's BadMatch: wait until
// it is visible, and retry the focus until X accepts it.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";

const pause = (seconds) => execFileSync("sleep", [String(seconds)]);

function xdotool(args) {
  return execFileSync("xdotool", args, { stdio: ["ignore", "pipe", "pipe"], timeout: 10_000 }).toString();
}

/** The id of the visible window titled exactly `title`, or "" when there is none. */
export function visibleWindow(title) {
  try {
    const ids = xdotool(["search", "--onlyvisible", "--name", `^${title}$`])
      .trim()
      .split("\n");
    return ids.filter(Boolean).pop() ?? "";
  } catch {
    return ""; // xdotool exits 1 when nothing matches
  }
}

function waitFor(what, seconds, probe) {
  const deadline = Date.now() + seconds * 1000;
  for (;;) {
    const value = probe();
    if (value) return value;
    assert.ok(Date.now() < deadline, what);
    pause(0.2);
  }
}

/** Chooses `file` in the GTK file chooser titled `title`, and waits until the chooser has closed. */
export function chooseFile(title, file) {
  const id = waitFor(`the "${title}" dialog did not open`, 20, () => visibleWindow(title));
  waitFor(`the "${title}" dialog could not be focused`, 10, () => {
    try {
      xdotool(["windowfocus", "--sync", id]);
      return true;
    } catch {
      return false; // BadMatch: mapped but not yet viewable
    }
  });
  pause(0.3);
  xdotool(["key", "ctrl+l"]);
  // The Save dialog pre-selects the name without its extension: select all of it.
  xdotool(["key", "ctrl+a"]);
  xdotool(["type", "--delay", "5", file]);
  pause(0.2);
  xdotool(["key", "Return"]);
  waitFor(`the "${title}" dialog stayed open after Return`, 10, () => !visibleWindow(title));
}
