// The README's screenshots (ui/screenshots/) are taken by the screens E2E test and copied here by
// one command, `bash .ci/dev screenshots`; they cannot go stale silently: ui/screenshots/SOURCE.json
// records a fingerprint of the UI sources they were taken from, and `--check` (part of
// `bash .ci/dev lint`) fails when the UI has changed since.
//
//   node tests/e2e/screenshots.mjs --check
//   node tests/e2e/screenshots.mjs --update ARTIFACTS_DIR   (after tests/e2e/screens.test.mjs ran)
import { createHash } from "node:crypto";
import { copyFileSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const target = path.join(root, "ui/screenshots");
const sourceFile = path.join(target, "SOURCE.json");
const test = "every-screen-fits-the-window-in-both-themes";

/** README picture ← the screens test's artifact. */
export const SHOTS = {
  "numbers-light.png": `${test}-numbers-1280x800-light.png`,
  "numbers-narrow-dark.png": `${test}-numbers-900x700-dark.png`,
  "assign-light.png": `${test}-assign-1280x800-light.png`,
  "troubleshoot-narrow-dark.png": `${test}-troubleshoot-900x700-dark.png`,
};

/** What a screenshot shows depends on: every UI source file except tests and test fixtures. */
function uiFiles(dir = path.join(root, "ui/src"), out = []) {
  for (const name of readdirSync(dir).sort()) {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) {
      if (name !== "fixtures") uiFiles(file, out);
    } else if (!/\.test\.tsx?$/.test(name)) {
      out.push(file);
    }
  }
  return out;
}

export function uiFingerprint() {
  const hash = createHash("sha256");
  for (const file of [...uiFiles(), path.join(root, "ui/index.html")]) {
    hash.update(path.relative(root, file).split(path.sep).join("/"));
    hash.update("\0");
    // Line endings of a checkout must not change the fingerprint.
    hash.update(readFileSync(file, "utf8").replace(/\r\n/g, "\n"));
    hash.update("\0");
  }
  return hash.digest("hex");
}

function check() {
  const recorded = existsSync(sourceFile) ? JSON.parse(readFileSync(sourceFile, "utf8")).uiFingerprint : null;
  const missing = Object.keys(SHOTS).filter((name) => !existsSync(path.join(target, name)));
  if (recorded !== uiFingerprint() || missing.length > 0) {
    console.error(
      `The README screenshots (ui/screenshots/) were taken from another version of the UI${
        missing.length ? ` (missing: ${missing.join(", ")})` : ""
      }.\nRetake them with 'bash .ci/dev screenshots' and commit the result.`,
    );
    process.exit(1);
  }
  console.log("README screenshots match the UI sources");
}

function update(artifacts) {
  for (const [name, artifact] of Object.entries(SHOTS)) {
    const from = path.join(artifacts, artifact);
    if (!existsSync(from)) {
      console.error(`${from} is missing: did tests/e2e/screens.test.mjs run and pass?`);
      process.exit(1);
    }
    copyFileSync(from, path.join(target, name));
  }
  const source = {
    uiFingerprint: uiFingerprint(),
    takenBy: "tests/e2e/screens.test.mjs (bash .ci/dev screenshots)",
    shots: SHOTS,
  };
  writeFileSync(sourceFile, `${JSON.stringify(source, null, 2)}\n`);
  console.log(`Copied ${Object.keys(SHOTS).length} screenshots to ui/screenshots/`);
}

const [mode, dir] = process.argv.slice(2);
if (mode === "--check") check();
else if (mode === "--update" && dir) update(path.resolve(dir));
else {
  console.error("usage: node tests/e2e/screenshots.mjs --check | --update ARTIFACTS_DIR");
  process.exit(2);
}
