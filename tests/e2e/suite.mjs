// Runs end-to-end test files with node's test runner (one file at a time, spec output) and gives
// a test that failed one more run, alone, in its own file's process: the window, WebKitWebDriver and
// Xvfb on a 2-core machine sometimes lose a race no user can (a node replaced between a find and
// its handle, a GTK dialog mapped a frame late). A test that fails twice fails the suite; one that
// passes the second time is named as flaky at the end and in `$E2E_ARTIFACTS/flaky.txt`, so it is
// seen and fixed rather than hidden. `E2E_RETRIES=0` turns the second run off.
//
//   node tests/e2e/suite.mjs [node --test options] FILE...
import { spawnSync } from "node:child_process";
import { appendFileSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const retries = Number.parseInt(process.env.E2E_RETRIES ?? "1", 10) || 0;
const artifacts = process.env.E2E_ARTIFACTS ?? path.join(here, "artifacts");
const scratch = process.env.E2E_TMP ?? artifacts;
const args = process.argv.slice(2);
const options = args.filter((arg) => arg.startsWith("-"));

/** Runs `node --test` on `testArgs`; returns its exit status and the tests that failed. */
function run(testArgs, round) {
  const failedLog = path.join(scratch, `failed-${round}.jsonl`);
  rmSync(failedLog, { force: true });
  const result = spawnSync(
    process.execPath,
    [
      "--test",
      "--test-concurrency=1",
      "--test-reporter=spec",
      "--test-reporter-destination=stdout",
      `--test-reporter=${path.join(here, "failures-reporter.mjs")}`,
      `--test-reporter-destination=${failedLog}`,
      ...testArgs,
    ],
    { stdio: "inherit" },
  );
  let failed = [];
  try {
    failed = readFileSync(failedLog, "utf8")
      .split("\n")
      .filter(Boolean)
      .map((line) => JSON.parse(line));
  } catch {}
  return { status: result.status ?? 1, failed };
}

const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

let { status, failed } = run(args, 0);
const flaky = [];
for (let round = 1; round <= retries && status !== 0; round++) {
  // A failure the reporter did not name (the runner itself broke) is not retried.
  if (failed.length === 0) break;
  const byFile = new Map();
  for (const { file, name } of failed) {
    const tests = byFile.get(file) ?? [];
    // A file that failed as a whole (its name is its path) is run whole again.
    tests.push(name === file ? null : name);
    byFile.set(file, tests);
  }
  console.log(`\n==> Running ${failed.length} failed test(s) once more, alone`);
  const again = [];
  status = 0;
  for (const [file, tests] of byFile) {
    const patterns = tests.includes(null)
      ? []
      : tests.map((name) => `--test-name-pattern=^${escapeRegExp(name)}$`);
    const outcome = run(
      [...options.filter((o) => !o.startsWith("--test-name-pattern")), ...patterns, file],
      round,
    );
    if (outcome.status !== 0) status = outcome.status;
    const failedNow = new Set(outcome.failed.map((f) => f.name));
    for (const name of tests) {
      if (outcome.status === 0 || (name !== null && !failedNow.has(name))) {
        flaky.push(`${path.relative(path.join(here, "../.."), file)} › ${name ?? "(whole file)"}`);
      }
    }
    again.push(...outcome.failed);
  }
  failed = again;
}

if (flaky.length > 0) {
  mkdirSync(artifacts, { recursive: true });
  appendFileSync(path.join(artifacts, "flaky.txt"), `${flaky.join("\n")}\n`);
  console.log(`\n==> ${flaky.length} test(s) failed, then passed when run again alone (flaky: fix them):`);
  for (const line of flaky) console.log(`    ${line}`);
}
process.exit(status);
