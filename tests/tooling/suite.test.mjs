// tests/e2e/suite.mjs, the end-to-end runner, on small test files of its own: a test that fails
// once passes on its second run and is named as flaky; one that fails every time, or a file that
// cannot load, fails the suite; E2E_RETRIES=0 gives no second run.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import test from "node:test";
import { fileURLToPath } from "node:url";

const suite = path.join(path.dirname(fileURLToPath(import.meta.url)), "../e2e/suite.mjs");

function workspace(t) {
  const dir = mkdtempSync(path.join(tmpdir(), "suite-test-"));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const write = (name, text) => {
    writeFileSync(path.join(dir, name), text);
    return path.join(dir, name);
  };
  const run = (files, env = {}) => {
    // Without the outer runner's NODE_TEST_CONTEXT: the suite starts test runs of its own.
    const { NODE_TEST_CONTEXT: _, ...outer } = process.env;
    const result = spawnSync(process.execPath, [suite, ...files], {
      env: { ...outer, E2E_ARTIFACTS: path.join(dir, "artifacts"), E2E_TMP: dir, ...env },
      encoding: "utf8",
    });
    const flakyFile = path.join(dir, "artifacts", "flaky.txt");
    return {
      status: result.status,
      output: result.stdout + result.stderr,
      flaky: existsSync(flakyFile) ? readFileSync(flakyFile, "utf8").trim().split("\n") : [],
    };
  };
  return { dir, write, run };
}

// A test that fails the first time it runs in `dir` (a marker file remembers) and passes after.
const failsOnce = (dir, name) => `
import test from "node:test";
import { existsSync, writeFileSync } from "node:fs";
test(${JSON.stringify(name)}, () => {
  const marker = ${JSON.stringify(path.join(dir, "marker"))};
  if (!existsSync(marker)) { writeFileSync(marker, ""); throw new Error("first run"); }
});
test("a steady test (with [brackets] and a dot.)", () => {});
`;

test("a test that fails once is run again alone, passes, and is named as flaky", (t) => {
  const { dir, write, run } = workspace(t);
  const file = write("once.test.mjs", failsOnce(dir, "lost a race (once) [1]?"));
  const result = run([file]);
  assert.equal(result.status, 0, result.output);
  assert.match(result.output, /Running 1 failed test\(s\) once more, alone/);
  assert.match(result.output, /test name does not match pattern/, "the second run ran the failed test alone");
  assert.equal(result.flaky.length, 1);
  assert.match(result.flaky[0], /once\.test\.mjs › lost a race \(once\) \[1\]\?$/);
});

test("a test that fails every time fails the suite, and nothing is called flaky", (t) => {
  const { write, run } = workspace(t);
  const file = write(
    "always.test.mjs",
    `import test from "node:test";\ntest("always broken", () => { throw new Error("no"); });\ntest("fine", () => {});\n`,
  );
  const result = run([file]);
  assert.notEqual(result.status, 0, result.output);
  assert.equal(result.flaky.length, 0);
  assert.match(result.output, /Running 1 failed test\(s\) once more/);
});

test("a file that cannot load fails the suite after its second run", (t) => {
  const { write, run } = workspace(t);
  const broken = write("broken.test.mjs", `throw new Error("cannot load");\n`);
  const fine = write("fine.test.mjs", `import test from "node:test";\ntest("fine", () => {});\n`);
  const result = run([fine, broken]);
  assert.notEqual(result.status, 0, result.output);
  assert.equal(result.flaky.length, 0);
});

test("E2E_RETRIES=0 gives a failed test no second run", (t) => {
  const { dir, write, run } = workspace(t);
  const file = write("once.test.mjs", failsOnce(dir, "lost a race"));
  const result = run([file], { E2E_RETRIES: "0" });
  assert.notEqual(result.status, 0, result.output);
  assert.doesNotMatch(result.output, /once more/);
  assert.equal(result.flaky.length, 0);
});
