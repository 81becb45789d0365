// Connecting a Telnyx account end to end, against a standalone simulator standing in for Telnyx and
// the real keychain (gnome-keyring in the suite's private D-Bus session).
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { launchApp, startSim } from "./harness.mjs";
import { filesContaining, keychainEntries, SERVICE } from "./keychain.mjs";

const artifacts = process.env.E2E_ARTIFACTS ?? path.join(import.meta.dirname, "artifacts");

function newKey() {
  return `KEY${randomBytes(24).toString("hex")}`;
}

async function connect(app, { name, key, baseUrl }) {
  await (await app.byTestId("connect-account")).click();
  await (await app.byTestId("connect-name")).setValue(name);
  await (await app.byTestId("connect-key")).setValue(key);
  await app.browser.execute(() => {
    for (const d of document.querySelectorAll("details")) d.open = true;
  });
  await (await app.byTestId("connect-base-url")).setValue(baseUrl);
  await (await app.byTestId("connect-submit")).click();
}

async function selectedAccountName(app) {
  const select = await app.byTestId("account-switcher");
  return app.browser.execute((el) => el.options[el.selectedIndex].text, select);
}

test("a connected account survives a restart and its key is nowhere but the keychain", async (t) => {
  const key = newKey();
  const sim = await startSim(t, key);
  const before = keychainEntries();

  const first = await launchApp(t);
  await connect(first, { name: "Main", key, baseUrl: sim.baseUrl });
  const count = await first.numbersLoaded();
  const expected = await sim.get("/phone_numbers/messaging?page[size]=1");
  assert.equal(Number((await count.getText()).replace(/[^0-9]/g, "")), expected.meta.total_results);
  assert.equal(await selectedAccountName(first), "Main");
  const added = keychainEntries().filter((e) => !before.includes(e));
  assert.equal(added.length, 1, "exactly one keychain entry for the new account");
  // Use the app a little more: settings, then back to numbers.
  await (await first.byTestId("nav-settings")).click();
  await first.byTestId("account-row");
  await first.stop();

  const second = await launchApp(t, { home: first.home });
  await second.numbersLoaded();
  assert.equal(await selectedAccountName(second), "Main");
  await second.stop();

  // The key must be in no file of the app's HOME, the suite's HOME (minus the keyring's own
  // encrypted store) or any log.
  const suiteHome = process.env.HOME;
  const hits = [
    ...filesContaining(first.home, key),
    ...filesContaining(suiteHome, key, [path.join(suiteHome, ".local/share/keyrings")]),
    // The simulator's own log is left out: it plays Telnyx and prints the key it accepts.
    ...filesContaining(artifacts, key).filter((file) => !file.endsWith(".sim.log")),
  ];
  assert.deepEqual(hits, [], "the API key leaked into files");
});

test("a key Telnyx refuses is reported and nothing is stored", async (t) => {
  const sim = await startSim(t, newKey());
  const before = keychainEntries();
  const app = await launchApp(t);
  await connect(app, { name: "Wrong", key: newKey(), baseUrl: sim.baseUrl });
  // One plain sentence under the key field, not a second title below the form.
  const error = await app.byTestId("connect-key-error");
  assert.equal(
    await error.getText(),
    "Telnyx did not accept this key. Copy it again from Telnyx portal → Account → API Keys.",
  );
  assert.equal(await (await app.byTestId("connect-key")).getAttribute("aria-invalid"), "true");
  assert.equal(await (await app.browser.$('[data-testid="error-notice"]')).isExisting(), false);
  const field = await (await app.byTestId("connect-key")).getLocation();
  const said = await error.getLocation();
  assert.ok(
    said.y > field.y && said.y - field.y < 120,
    `the sentence sits under the field (${field.y} → ${said.y})`,
  );
  assert.deepEqual(keychainEntries(), before);
  // Typing a new key clears it.
  await (await app.byTestId("connect-key")).setValue("KEYanother");
  assert.equal(await (await app.browser.$('[data-testid="connect-key-error"]')).isExisting(), false);
});

test("a setting out of range is explained at its field and the error clears once it is fixed", async (t) => {
  const app = await launchApp(t, { args: ["--demo"] });
  await app.numbersLoaded();
  await (await app.byTestId("nav-settings")).click();
  await (await app.browser.$('[data-testid="settings-advanced"] summary')).click();
  const input = await app.byTestId("setting-paging");
  // Select what is there and type over it (clearing a number field does not reach React in WebKit).
  const typeOver = async (text) => {
    await input.click();
    await app.browser.keys(["Control", "a"]);
    await app.browser.keys(text);
  };
  await typeOver("0");
  assert.equal(await input.getValue(), "0");
  await (await app.byTestId("setting-chunk")).click(); // leaves the field: it is saved
  const error = await app.byTestId("setting-paging-error");
  assert.match(await error.getText(), /16/);
  assert.equal(await input.getAttribute("aria-invalid"), "true");
  const field = await input.getLocation();
  const said = await error.getLocation();
  assert.ok(
    said.y > field.y && said.y - field.y < 120,
    `the error sits at its field (${field.y} → ${said.y})`,
  );
  await typeOver("4");
  await (await app.byTestId("setting-chunk")).click();
  await app.browser.waitUntil(
    async () => !(await (await app.browser.$('[data-testid="setting-paging-error"]')).isExisting()),
    { timeoutMsg: "the error went away once the value was valid" },
  );
  const saved = await app.browser.waitUntil(async () => (await input.getValue()) === "4");
  assert.ok(saved);
});

test("signing out removes the key from the keychain", async (t) => {
  const key = newKey();
  const sim = await startSim(t, key);
  const before = keychainEntries();
  const app = await launchApp(t);
  await connect(app, { name: "Temporary", key, baseUrl: sim.baseUrl });
  await app.numbersLoaded();
  assert.equal(keychainEntries().length, before.length + 1);

  await (await app.byTestId("nav-settings")).click();
  await (await app.byTestId("forget-account")).click();
  await (await app.byTestId("forget-confirm")).click();
  await app.byTestId("try-demo");
  assert.deepEqual(keychainEntries(), before);
});

test("without a keychain the app says so plainly and the demo still works", async (t) => {
  const key = newKey();
  const sim = await startSim(t, key);
  const app = await launchApp(t, {
    env: { DBUS_SESSION_BUS_ADDRESS: "unix:path=/nonexistent/number-desk-test-bus" },
  });
  await connect(app, { name: "No keychain", key, baseUrl: sim.baseUrl });
  const notice = await app.byTestId("error-notice");
  const text = await notice.getText();
  assert.match(text, /keychain/i);
  assert.doesNotMatch(text, /panic|undefined/i);
  await app.screenshot("-no-keychain");

  await (await app.byTestId("try-demo")).click();
  await app.numbersLoaded();
});

test("when Telnyx rate-limits the check, the form counts down and tries again by itself", async (t) => {
  const key = newKey();
  const sim = await startSim(t, key, ["--p-429", "1"]);
  const app = await launchApp(t);
  await connect(app, { name: "Busy", key, baseUrl: sim.baseUrl });
  const countdown = await app.byTestId("connect-countdown", 15_000);
  assert.match(await countdown.getText(), /Trying again in \d+ s/);
  await app.screenshot("-countdown");

  await sim.admin("POST", "/faults", { p_429: 0 });
  await app.numbersLoaded();
  assert.equal(await selectedAccountName(app), "Busy");
});

test("an unreadable settings file is kept as a backup and the app starts with defaults", async (t) => {
  const home = mkdtempSync(path.join(process.env.E2E_TMP ?? "/tmp", "home-corrupt-"));
  const dataDir = path.join(home, ".local/share", SERVICE);
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(path.join(dataDir, "settings.json"), '{"settings": {"theme": 42');

  const app = await launchApp(t, { home });
  await (await app.byTestId("try-demo")).click();
  await (await app.byTestId("nav-settings")).click();
  const notice = await app.byTestId("settings-recovered");
  assert.match(await notice.getText(), /could not be read/);
  const backups = readdirSync(dataDir).filter((name) => name.startsWith("settings.json.broken-"));
  assert.equal(backups.length, 1);
  assert.equal(readFileSync(path.join(dataDir, backups[0]), "utf8"), '{"settings": {"theme": 42');
});
