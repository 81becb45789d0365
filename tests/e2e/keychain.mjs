// Looks into the test session's keychain (gnome-keyring over Secret Service) with secret-tool, and
// searches folders for a secret that must not be there.
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

/** The app identifier of debug builds (what E2E runs): keychain entries use it as their service. */
export const SERVICE = "com.numberdesk.desktop.dev";

/** The `username` attributes of every keychain item stored under Number Desk's service. */
export function keychainEntries() {
  // secret-tool prints each item's secret on stdout and its attributes on stderr; it exits
  // non-zero when nothing matches.
  const result = spawnSync("secret-tool", ["search", "--all", "service", SERVICE], { encoding: "utf8" });
  const text = `${result.stdout ?? ""}\n${result.stderr ?? ""}`;
  return [...text.matchAll(/^attribute\.username = (.*)$/gm)].map((m) => m[1]);
}

/** Every file under `root` (skipping `skip` folders) whose bytes contain `secret`. */
export function filesContaining(root, secret, skip = []) {
  const hits = [];
  const needle = Buffer.from(secret);
  const walk = (dir) => {
    let names = [];
    try {
      names = readdirSync(dir);
    } catch {
      return;
    }
    for (const name of names) {
      const full = path.join(dir, name);
      if (skip.some((s) => full.startsWith(s))) continue;
      let info;
      try {
        info = statSync(full);
      } catch {
        continue;
      }
      if (info.isDirectory()) walk(full);
      else if (info.isFile() && info.size < 64 * 1024 * 1024) {
        try {
          if (readFileSync(full).includes(needle)) hits.push(full);
        } catch {}
      }
    }
  };
  walk(root);
  return hits;
}
