// The Troubleshoot screen in the real window on the demo account: the wizard reaches the diagnosis
// crates/telnyx-sim/DEMO.md states for broken numbers, one-click fixes change what the simulator's
// Telnyx API serves and make the re-check pass, the error-code lookup, the account scan and the
// entry from the Numbers screen. Expected diagnoses are read from DEMO.md; the facts behind them
// and the effect of each fix are read from the simulator's API.
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync } from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { DEMO_API_KEY, launchApp } from "./harness.mjs";
import { chooseFile } from "./nativeDialog.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/** DEMO.md's "What the Troubleshoot wizard finds": number → { symptom, first finding }. */
function demoTable() {
  const text = readFileSync(path.join(root, "crates/telnyx-sim/DEMO.md"), "utf8");
  const start = text.indexOf("## What the Troubleshoot wizard finds");
  assert.ok(start >= 0, "DEMO.md has the wizard's table");
  const section = text.slice(start);
  const end = section.indexOf("\n## ", 3);
  const rows = new Map();
  for (const line of (end < 0 ? section : section.slice(0, end)).split("\n")) {
    if (!line.startsWith("| `")) continue;
    const cells = line.split("|").map((c) => c.trim().replace(/^`|`$/g, ""));
    rows.set(cells[1], { symptom: cells[2], first: cells[3] });
  }
  return rows;
}

async function openTroubleshoot(t) {
  const app = await launchApp(t, { args: ["--demo"] });
  await (await app.byTestId("nav-troubleshoot")).click();
  await app.byTestId("symptom-picker");
  return app;
}

/** The messaging record of one number, from the simulator. */
async function messagingOf(app, number) {
  const body = await app.sim(
    "GET",
    `/v2/phone_numbers/messaging?filter[phone_number]=${encodeURIComponent(number)}`,
  );
  return body.data.find((n) => n.phone_number === number) ?? null;
}

/** Through the pickers: the symptom, then the number typed as a person would, then Check. */
async function runWizard(app, symptom, number) {
  const picker = await app.browser.$('[data-testid="symptom-picker"]');
  if (!(await picker.isExisting())) {
    await (await app.browser.$("button=Change")).click();
    await app.byTestId("symptom-picker");
  }
  await (await app.byTestId(`symptom-${symptom}`)).click();
  const input = await app.byTestId("number-input");
  await input.click();
  await input.setValue(number);
  await app.browser.waitUntil(async () => (await input.getValue()) === number, {
    timeoutMsg: `the number field did not take ${number}`,
  });
  await (await app.byTestId("number-check")).click();
  return diagnosisShown(app, number);
}

/** Waits for the diagnosis of `number` and returns what the window shows of it. */
async function diagnosisShown(app, number, timeout = 30_000) {
  await app.browser.waitUntil(
    async () =>
      (await app.browser.execute(
        () => document.querySelector('[data-testid="chosen-number"]')?.textContent,
      )) === number && (await app.browser.$('[data-testid="diagnosis"]').isExisting()),
    { timeout, timeoutMsg: `no diagnosis of ${number} within ${timeout} ms` },
  );
  return app.browser.execute(() => ({
    first: document.querySelector('[data-testid="diagnosis"]')?.getAttribute("data-first-finding"),
    summary: document.querySelector('[data-testid="diagnosis-summary"]')?.textContent ?? "",
    checks: [...document.querySelectorAll('[data-testid="check-line"]')].map((l) => ({
      name: l.getAttribute("data-name"),
      state: l.getAttribute("data-state"),
    })),
    fixes: [...document.querySelectorAll('[data-testid="fix-button"]')].map((b) =>
      b.getAttribute("data-fix"),
    ),
  }));
}

/** Clicks "Check again" and waits for the new run to end. */
async function waitForRecheck(app) {
  await app.browser.waitUntil(
    async () =>
      (await app.browser.$('[data-testid="changes"]').isExisting()) &&
      !(await app.browser.$('[data-testid="check-line"][data-state="running"]').isExisting()),
    { timeout: 30_000, timeoutMsg: "the re-check did not finish" },
  );
}

test("the wizard reaches DEMO.md's diagnosis for broken numbers, backed by the simulator's data", async (t) => {
  const table = demoTable();
  const app = await openTroubleshoot(t);
  const profiles = (await app.sim("GET", "/v2/messaging_profiles?page[size]=250")).data;

  // No profile: the simulator holds none for it; the fix offered is assigning it.
  const unassigned = "+12125550104";
  assert.equal((await messagingOf(app, unassigned)).messaging_profile_id, null);
  let shown = await runWizard(app, table.get(unassigned).symptom, unassigned);
  assert.equal(shown.first, table.get(unassigned).first, shown.summary);
  assert.ok(shown.fixes.includes("assignProfile"), `fixes offered: ${shown.fixes}`);
  assert.ok(
    shown.checks.some((c) => c.name === "profile" && c.state === "failed"),
    JSON.stringify(shown.checks),
  );

  // On a disabled profile: the summary names the profile the simulator says is off.
  const onDisabled = "+12125550109";
  const profileId = (await messagingOf(app, onDisabled)).messaging_profile_id;
  const profile = profiles.find((p) => p.id === profileId);
  assert.equal(profile.enabled, false, "the demo's profile is disabled");
  shown = await runWizard(app, table.get(onDisabled).symptom, onDisabled);
  assert.equal(shown.first, table.get(onDisabled).first, shown.summary);
  assert.ok(shown.summary.includes(profile.name), `"${shown.summary}" names ${profile.name}`);
  assert.ok(shown.fixes.includes("enableProfile"));

  // No 10DLC campaign: the simulator answers 404 for its assignment.
  const noCampaign = "+12125550103";
  await assert.rejects(
    app.sim("GET", `/v2/10dlc/phone_number_campaigns/${encodeURIComponent(noCampaign)}`),
    /404/,
  );
  shown = await runWizard(app, table.get(noCampaign).symptom, noCampaign);
  assert.equal(shown.first, table.get(noCampaign).first, shown.summary);
  assert.ok(
    shown.checks.some((c) => c.name === "compliance" && c.state === "failed"),
    JSON.stringify(shown.checks),
  );

  // Toll-free verification rejected, with the reason the simulator holds.
  const rejected = "+18005550102";
  const verification = (
    await app.sim(
      "GET",
      `/v2/messaging_tollfree/verification/requests?page=1&page_size=10&phone_number=${encodeURIComponent(rejected)}`,
    )
  ).records[0];
  assert.equal(verification.verificationStatus, "Rejected");
  shown = await runWizard(app, table.get(rejected).symptom, rejected);
  assert.equal(shown.first, table.get(rejected).first, shown.summary);

  // A number not on the account at all, pasted in another written form.
  const stranger = "+19995550123";
  assert.equal(await messagingOf(app, stranger), null);
  shown = await runWizard(app, table.get(stranger).symptom, "(999) 555-0123");
  assert.equal(shown.first, table.get(stranger).first, shown.summary);

  // Each check opens to what it found.
  const line = await app.browser.$('[data-testid="check-line"] button');
  await line.click();
  assert.notEqual((await (await app.byTestId("check-detail")).getText()).trim(), "");
});

test("turning a disabled profile back on: confirmed, made at Telnyx, and the re-check passes", async (t) => {
  const table = demoTable();
  const app = await openTroubleshoot(t);
  const number = "+12125550109";
  const profileId = (await messagingOf(app, number)).messaging_profile_id;
  const before = (await app.sim("GET", `/v2/messaging_profiles/${profileId}`)).data;
  assert.equal(before.enabled, false);

  const shown = await runWizard(app, table.get(number).symptom, number);
  assert.equal(shown.first, "profileDisabled");
  assert.ok(shown.checks.some((c) => c.name === "profileEnabled" && c.state === "failed"));
  await (await app.browser.$('[data-testid="fix-button"][data-fix="enableProfile"]')).click();
  const consequence = await (await app.byTestId("fix-consequence")).getText();
  assert.ok(consequence.includes(before.name), `the confirmation states the consequence: ${consequence}`);
  // Nothing is sent before the confirmation.
  assert.equal((await app.sim("GET", `/v2/messaging_profiles/${profileId}`)).data.enabled, false);
  await (await app.byTestId("fix-confirm")).click();
  await app.byTestId("fix-done");
  await waitForRecheck(app);

  const after = await diagnosisShown(app, number);
  assert.notEqual(after.first, "profileDisabled", after.summary);
  assert.ok(
    after.checks.some((c) => c.name === "profileEnabled" && c.state === "passed"),
    JSON.stringify(after.checks),
  );
  assert.ok(!after.fixes.includes("enableProfile"));
  const changes = await app.browser.execute(() =>
    [...document.querySelectorAll('[data-testid="change"]')].map((c) => c.className),
  );
  assert.ok(
    changes.some((c) => c.includes("change-better")),
    `what changed: ${changes}`,
  );
  const profile = (await app.sim("GET", `/v2/messaging_profiles/${profileId}`)).data;
  assert.equal(profile.enabled, true, "the simulator's profile is enabled");
  assert.deepEqual(profile.whitelisted_destinations, before.whitelisted_destinations, "nothing else changed");
  assert.match(await (await app.byTestId("fix-done")).getText(), /in Activity, where you can undo it/);

  // Activity lists the fix with the value before and after, and Undo turns the profile off again.
  await (await app.byTestId("nav-activity")).click();
  const item = await app.browser.$('[data-testid="activity-item"][data-kind="profileFix"]');
  await item.waitForExist({ timeout: 10_000, timeoutMsg: "Activity does not list the profile fix" });
  assert.match(await item.getText(), new RegExp(`Turn on “${before.name}”`));
  assert.match(
    await (await item.$('[data-testid="activity-outcome"]')).getText(),
    /off → on, confirmed by Telnyx/,
  );
  await (await item.$('[data-testid="activity-open"]')).click();
  assert.equal(await (await item.$('[data-testid="setting-before"]')).getText(), "off");
  assert.equal(await (await item.$('[data-testid="setting-after"]')).getText(), "on");
  await (await item.$('[data-testid="activity-undo"]')).click();
  assert.match(
    await (await app.byTestId("profile-undo-words")).getText(),
    /goes back to off \(it is on now\)/,
  );
  assert.equal(
    (await app.sim("GET", `/v2/messaging_profiles/${profileId}`)).data.enabled,
    true,
    "nothing is sent before Undo is confirmed",
  );
  await (await app.byTestId("job-confirm")).click();
  await app.browser.waitUntil(
    async () => (await (await app.byTestId("job-dialog")).getAttribute("data-stage")) === "done",
    { timeout: 15_000, timeoutMsg: "the undo did not finish" },
  );
  assert.match(await (await app.byTestId("job-outcome")).getText(), /Turn off “.*”\. Done: on → off/);
  assert.equal((await app.sim("GET", `/v2/messaging_profiles/${profileId}`)).data.enabled, false);
  await (await app.byTestId("job-close")).click();
  const kinds = await app.browser.execute(() =>
    [...document.querySelectorAll('[data-testid="activity-item"]')].map((i) => i.getAttribute("data-kind")),
  );
  assert.deepEqual(
    kinds.slice(0, 2),
    ["undo", "profileFix"],
    "the undo is listed first, as a change of its own",
  );
});

test("assigning an unassigned number goes through the preview and the journal, and the re-check passes", async (t) => {
  const table = demoTable();
  const app = await openTroubleshoot(t);
  const number = "+12125550104";
  const record = await messagingOf(app, number);
  assert.equal(record.messaging_profile_id, null);

  await runWizard(app, table.get(number).symptom, number);
  await (await app.browser.$('[data-testid="fix-button"][data-fix="assignProfile"]')).click();
  const select = await app.byTestId("fix-profile-select");
  const chosen = await select.getValue();
  assert.ok(chosen, "a profile is chosen");
  const counts = await app.byTestId("fix-preview-counts");
  await app.browser.waitUntil(async () => /Will move: 1\b/.test(await counts.getText()), {
    timeoutMsg: "the preview says one number will move",
  });
  // The preview sent nothing.
  assert.equal((await messagingOf(app, number)).messaging_profile_id, null);
  await (await app.byTestId("fix-confirm")).click();
  await app.byTestId("fix-done", 60_000);
  await waitForRecheck(app);

  const after = await diagnosisShown(app, number);
  assert.notEqual(after.first, "noProfile", after.summary);
  assert.ok(
    after.checks.some((c) => c.name === "profile" && c.state === "passed"),
    JSON.stringify(after.checks),
  );
  assert.equal(
    (await messagingOf(app, number)).messaging_profile_id,
    chosen,
    "the simulator holds the new profile",
  );
  // It went through the bulk runner and its journal (the app logs every finished change).
  const log = readFileSync(app.logPath, "utf8");
  assert.match(log, /change finished.*kind="?move.*moved=1/);
});

test("the error-code lookup explains a pasted code and says when a code is unknown", async (t) => {
  const app = await openTroubleshoot(t);
  await (await app.byTestId("view-codes")).click();
  const input = await app.byTestId("code-input");
  await input.click();
  await input.setValue("error 40305");
  await (await app.byTestId("code-lookup")).click();
  const result = await app.byTestId("code-result");
  assert.equal(await result.getAttribute("data-known"), "true");
  assert.match(await (await app.byTestId("code-title")).getText(), /^40305: /);
  assert.match(await (await app.byTestId("code-meaning")).getText(), /profile/i);

  // A code Number Desk does not know is said to be unknown, not guessed at.
  await app.browser.execute(() => {
    const field = document.querySelector('[data-testid="code-input"]');
    const set = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value").set;
    set.call(field, "");
    field.dispatchEvent(new Event("input", { bubbles: true }));
  });
  await input.setValue("49999");
  await app.browser.waitUntil(async () => (await input.getValue()) === "49999");
  await (await app.byTestId("code-lookup")).click();
  await app.browser.waitUntil(
    async () => (await (await app.byTestId("code-result")).getAttribute("data-known")) === "false",
    { timeoutMsg: "49999 is reported as unknown" },
  );
  assert.equal(await (await app.byTestId("code-title")).getText(), "49999");
  assert.match(await (await app.byTestId("code-meaning")).getText(), /49999/);
});

test("the scan groups the account's problems by cause, each opening to its numbers", async (t) => {
  const app = await openTroubleshoot(t);
  // Numbers on disabled profiles, counted from the simulator.
  const profiles = (await app.sim("GET", "/v2/messaging_profiles?page[size]=250")).data;
  let onDisabled = 0;
  for (const p of profiles.filter((p) => p.enabled === false)) {
    const body = await app.sim("GET", `/v2/messaging_profiles/${p.id}/phone_numbers?page[size]=1`);
    onDisabled += body.meta.total_results;
  }
  assert.ok(onDisabled > 0);

  await (await app.byTestId("view-scan")).click();
  await app.byTestId("scan", 60_000);
  const groups = await app.browser.execute(() =>
    [...document.querySelectorAll('[data-testid="scan-group"]')].map((g) => ({
      code: g.getAttribute("data-code"),
      count: Number(g.getAttribute("data-count")),
    })),
  );
  const disabled = groups.filter((g) => g.code === "profileDisabled").reduce((n, g) => n + g.count, 0);
  assert.equal(disabled, onDisabled, JSON.stringify(groups));
  // Largest first within each severity.
  const severities = await app.browser.execute(() =>
    [...document.querySelectorAll('[data-testid="scan-group"] .severity')].map((s) => s.className),
  );
  for (let i = 1; i < groups.length; i++) {
    if (severities[i] === severities[i - 1])
      assert.ok(
        groups[i].count <= groups[i - 1].count,
        `groups ${i - 1} and ${i}: ${JSON.stringify(groups)}`,
      );
  }
  const problems = await app.browser.execute(
    () => [...document.querySelectorAll('[data-testid="scan-group"] .severity-problem')].length,
  );
  assert.ok(problems > 0);
  // Open the disabled-profile group and troubleshoot one of its numbers.
  await app.browser.execute(() =>
    document.querySelector('[data-testid="scan-group"][data-code="profileDisabled"] summary')?.click(),
  );
  const first = await app.browser.$(
    '[data-testid="scan-group"][data-code="profileDisabled"] [data-testid="scan-number"]',
  );
  await first.waitForDisplayed();
  const number = await first.getText();
  await first.click();
  const shown = await diagnosisShown(app, number);
  assert.equal(shown.first, "profileDisabled");
});

test("Troubleshoot this number, from the Numbers screen's row menu, opens the wizard pre-filled", async (t) => {
  const app = await launchApp(t, { args: ["--demo"] });
  await app.numbersLoaded();
  const row = await app.byTestId("row-menu");
  const number = await app.browser.execute(
    () =>
      document.querySelector('[data-testid="row-menu"]')?.closest("tr")?.getAttribute("data-number-id") ?? "",
  );
  assert.ok(number);
  await row.click();
  await (await app.byTestId("menu-troubleshoot")).click();
  await app.byTestId("diagnosis", 30_000);
  const shownNumber = await (await app.byTestId("chosen-number")).getText();
  const record = (await app.simAll("/v2/phone_numbers/messaging")).find((n) => n.id === number);
  assert.equal(shownNumber, record.phone_number);
});

test("fix all in a scan group assigns its numbers through one preview and one journalled change", async (t) => {
  const app = await openTroubleshoot(t);
  await (await app.byTestId("view-scan")).click();
  await app.byTestId("scan", 60_000);
  // The largest group of numbers without a profile, and its numbers (listed in the closed group).
  const group = await app.browser.execute(() => {
    const g = document.querySelector('[data-testid="scan-group"][data-code="noProfile"]');
    return {
      title: g?.querySelector(".scan-title")?.textContent ?? "",
      count: Number(g?.getAttribute("data-count")),
      numbers: [...(g?.querySelectorAll('[data-testid="scan-number"]') ?? [])].map((b) => b.textContent),
    };
  });
  assert.ok(group.count > 1, JSON.stringify(group));
  assert.equal(group.numbers.length, Math.min(group.count, 200));
  const before = new Map((await app.simAll("/v2/phone_numbers/messaging")).map((n) => [n.phone_number, n]));
  for (const n of group.numbers)
    assert.equal(before.get(n)?.messaging_profile_id, null, `${n} has no profile`);

  await app.browser.execute(() =>
    document.querySelector('[data-testid="scan-group"][data-code="noProfile"] summary')?.click(),
  );
  await (
    await app.browser.$('[data-testid="scan-group"][data-code="noProfile"] [data-testid="scan-fix-all"]')
  ).click();
  const chosen = await (await app.byTestId("fix-profile-select")).getValue();
  const counts = await app.byTestId("fix-preview-counts");
  await app.browser.waitUntil(async () => /Will move: \d+/.test(await counts.getText()), {
    timeoutMsg: "the preview's counts",
  });
  const [willMove, already, cannot] = (await counts.getText()).match(/\d+/g).map(Number);
  assert.equal(willMove + already + cannot, group.count, await counts.getText());
  assert.ok(willMove > 0);
  await (await app.byTestId("fix-confirm")).click();
  await app.byTestId("fix-done", 120_000);

  // The simulator holds the chosen profile for every number the preview said would move.
  const after = new Map((await app.simAll("/v2/phone_numbers/messaging")).map((n) => [n.phone_number, n]));
  const moved = group.numbers.filter((n) => after.get(n)?.messaging_profile_id === chosen).length;
  assert.equal(moved, Math.min(willMove, group.numbers.length));
  // The scan, run again, counts only those left.
  await app.browser.waitUntil(
    async () =>
      (await app.browser.execute((title) => {
        const g = [...document.querySelectorAll('[data-testid="scan-group"][data-code="noProfile"]')].find(
          (x) => x.querySelector(".scan-title")?.textContent === title,
        );
        return g ? Number(g.getAttribute("data-count")) : 0;
      }, group.title)) ===
      group.count - willMove,
    { timeout: 60_000, timeoutMsg: `the scan still counts the moved numbers in "${group.title}"` },
  );
});

test("setting a webhook URL: an http:// address is refused with nothing sent, a test text reaches a loopback server, an https:// one is set", async (t) => {
  const table = demoTable();
  const app = await openTroubleshoot(t);
  const number = "+12125550110";
  const profileId = (await messagingOf(app, number)).messaging_profile_id;
  const before = (await app.sim("GET", `/v2/messaging_profiles/${profileId}`)).data;
  assert.ok(!before.webhook_url, "the demo's profile has no webhook URL");

  // "Check a number" rather than DEMO.md's inbound symptom: that one also sends a test delivery to
  // the profile's webhook, which after the fix would be a public address off this machine.
  const shown = await runWizard(app, "check", number);
  assert.equal(shown.first, table.get(number).first, shown.summary);
  await (await app.browser.$('[data-testid="fix-button"][data-fix="setWebhookUrl"]')).click();
  const field = await app.byTestId("fix-url");
  await field.click();
  await field.setValue("http://hooks.example.com/in");
  await (await app.byTestId("fix-confirm")).click();
  const refusal = await app.browser.$('[data-testid="fix-dialog"] [data-testid="error-notice"]');
  await refusal.waitForDisplayed({ timeoutMsg: "the http:// address is refused" });
  assert.match(await refusal.getText(), /https:\/\//);
  assert.ok(
    !(await app.sim("GET", `/v2/messaging_profiles/${profileId}`)).data.webhook_url,
    "nothing was sent",
  );

  await (await app.byTestId("fix-cancel")).click();

  // A test incoming text to a server of this test, on loopback (the one place besides https://
  // that Number Desk sends a test to).
  const received = [];
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (c) => {
      body += c;
    });
    req.on("end", () => {
      received.push({ method: req.method, url: req.url, body: JSON.parse(body) });
      res.writeHead(200).end("ok");
    });
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  t.after(() => server.close());
  const local = `http://127.0.0.1:${server.address().port}/telnyx/in`;
  await (await app.browser.$('[data-testid="fix-button"][data-fix="setWebhookUrl"]')).click();
  const testField = await app.byTestId("fix-url");
  await testField.click();
  await testField.setValue(local);
  await app.browser.waitUntil(async () => (await testField.getValue()) === local);
  await (await app.byTestId("fix-test-webhook")).click();
  const result = await app.byTestId("fix-test-result");
  assert.equal(await result.getAttribute("data-outcome"), "delivered", await result.getText());
  assert.equal(received.length, 1);
  assert.equal(received[0].method, "POST");
  assert.equal(received[0].url, "/telnyx/in");
  assert.equal(received[0].body.data.event_type, "message.received");
  assert.equal(received[0].body.meta.test, true);
  assert.ok(!JSON.stringify(received[0].body).includes("KEYdemo"), "no account secret in the test");
  // Testing sent nothing to Telnyx.
  assert.ok(!(await app.sim("GET", `/v2/messaging_profiles/${profileId}`)).data.webhook_url);

  // A fresh dialog, a public https:// address.
  await (await app.byTestId("fix-cancel")).click();
  await (await app.browser.$('[data-testid="fix-button"][data-fix="setWebhookUrl"]')).click();
  const again = await app.byTestId("fix-url");
  await again.click();
  const url = "https://hooks.example.com/telnyx/reminders";
  await again.setValue(url);
  await app.browser.waitUntil(async () => (await again.getValue()) === url);
  await (await app.byTestId("fix-confirm")).click();
  await app.byTestId("fix-done");
  await waitForRecheck(app);
  const after = await diagnosisShown(app, number);
  assert.notEqual(after.first, "noWebhookUrl", after.summary);
  assert.ok(!after.fixes.includes("setWebhookUrl"), JSON.stringify(after.fixes));
  assert.equal((await app.sim("GET", `/v2/messaging_profiles/${profileId}`)).data.webhook_url, url);
});

test("cannot assign: the profile tried and Telnyx's error code are part of the dry check", async (t) => {
  const app = await openTroubleshoot(t);
  const profiles = (await app.sim("GET", "/v2/messaging_profiles?page[size]=250")).data;
  const disabled = profiles.find((p) => p.enabled === false);
  assert.ok(disabled, "the demo has a disabled profile");
  const number = "+12125550110";
  const before = (await messagingOf(app, number)).messaging_profile_id;

  await (await app.byTestId("symptom-cannotAssign")).click();
  const input = await app.byTestId("number-input");
  await input.click();
  await input.setValue(number);
  await (await app.byTestId("tried-profile")).selectByAttribute("value", disabled.id);
  const code = await app.byTestId("tried-code");
  await code.click();
  await code.setValue("10015");
  await app.browser.waitUntil(async () => (await code.getValue()) === "10015");
  await (await app.byTestId("number-check")).click();
  const shown = await diagnosisShown(app, number);
  assert.equal(shown.first, "targetProfileDisabled", shown.summary);
  assert.ok(shown.summary.includes(disabled.name), shown.summary);
  const codes = await app.browser.execute(() =>
    [...document.querySelectorAll('[data-testid="finding"]')].map((f) => f.getAttribute("data-code")),
  );
  assert.ok(codes.includes("telnyxErrorExplained"), JSON.stringify(codes));
  assert.match(await (await app.byTestId("chosen-tried")).getText(), new RegExp(`${disabled.name}.*10015`));
  // A dry check: nothing was changed to find out.
  assert.equal((await messagingOf(app, number)).messaging_profile_id, before);
});

test("the wizard works from the keyboard: a symptom, a typed number, Enter, a check opened", async (t) => {
  const app = await openTroubleshoot(t);
  await app.browser.execute(() => document.querySelector('[data-testid="symptom-check"]')?.focus());
  await app.browser.keys("Enter");
  const input = await app.byTestId("number-input");
  assert.equal(
    await app.browser.execute(() => document.activeElement?.getAttribute("data-testid")),
    "number-input",
    "the number field takes focus",
  );
  for (const key of "2125550109") await app.browser.keys(key);
  await app.browser.waitUntil(async () => (await input.getValue()) === "2125550109");
  await app.browser.keys("Enter");
  const shown = await diagnosisShown(app, "2125550109");
  assert.equal(shown.first, "profileDisabled", shown.summary);
  // The first check line, focused, opens with Enter.
  await app.browser.execute(() => document.querySelector('[data-testid="check-line"] button')?.focus());
  await app.browser.keys("Enter");
  assert.equal(
    await app.browser.execute(() =>
      document.querySelector('[data-testid="check-line"] button')?.getAttribute("aria-expanded"),
    ),
    "true",
  );
  await app.byTestId("check-detail");
});

test("the support report is saved through the native Save dialog, without the key or the webhook secret", async (t) => {
  const app = await openTroubleshoot(t);
  // A number on a new profile: Telnyx gives every new profile a webhook signing secret.
  const number = "+12125550104";
  const created = (
    await app.sim("POST", "/v2/messaging_profiles", {
      name: "Report test",
      whitelisted_destinations: ["US"],
      webhook_url: "https://hooks.example.com/in",
    })
  ).data;
  assert.ok(created.v1_secret, "the simulator gives the new profile a secret");
  const { id } = await messagingOf(app, number);
  await app.sim("PATCH", `/v2/phone_numbers/${id}/messaging`, { messaging_profile_id: created.id });
  await runWizard(app, "check", number);

  const dir = mkdtempSync(path.join(tmpdir(), "number-desk-report-"));
  const out = path.join(dir, "report.md");
  await (await app.byTestId("export-report")).click();
  chooseFile("Export support report", out);
  const done = await app.byTestId("export-done");
  assert.match(await done.getText(), /Saved report\.md\./);
  const report = readFileSync(out, "utf8");
  assert.ok(report.includes(number), "the report names the number");
  assert.ok(report.includes("Report test"), "and its profile");
  assert.match(report, /Symptom: Check a number/);
  assert.ok(!report.includes(DEMO_API_KEY), "the API key is not in the report");
  assert.ok(!report.includes(created.v1_secret), "the webhook secret is not in the report");
});

test("the checklist is live: each question to Telnyx shows as asked, then answered", async (t) => {
  const app = await openTroubleshoot(t);
  // Slow answers (600 ms each), so the questions can be seen while they are out.
  await app.admin("POST", "/faults", { latency_ms: 600 });
  await (await app.byTestId("symptom-check")).click();
  const input = await app.byTestId("number-input");
  await input.setValue("+12125550109");
  await (await app.byTestId("number-check")).click();
  // While the answers are out: the questions, asking.
  await app.browser.waitUntil(
    async () => (await app.browser.$$('[data-testid="ask-line"][data-state="asking"]').length) >= 4,
    { timeout: 10_000, timeoutMsg: "the questions were not shown while they were out" },
  );
  const asking = await app.browser.execute(() =>
    [...document.querySelectorAll('[data-testid="ask-line"]')].map((l) => l.getAttribute("data-question")),
  );
  assert.ok(asking.includes("messagingSettings") && asking.includes("numberRecord"), asking.join());
  await app.screenshot("-asking");
  assert.ok(
    !(await app.browser.$('[data-testid="diagnosis"]').isExisting()),
    "no diagnosis before the answers",
  );
  // Round 2 (the number's profile) is asked once round 1 is answered; then the checklist and diagnosis.
  await app.browser.waitUntil(
    async () => app.browser.$('[data-testid="ask-line"][data-question="profile"]').isExisting(),
    { timeout: 10_000, timeoutMsg: "the profile was never asked" },
  );
  await app.admin("DELETE", "/faults");
  const shown = await diagnosisShown(app, "+12125550109");
  assert.equal(shown.first, "profileDisabled");
  assert.match(
    await (await app.byTestId("asked-summary")).getText(),
    /^\d+ questions answered in \d+\.\d s\.$/,
  );
  await app.screenshot("-answered");
});

test("allowing a country: confirmed, added at Telnyx beside the others, the re-check passes, and Activity undoes it", async (t) => {
  const table = demoTable();
  const app = await openTroubleshoot(t);
  const number = "+19145550100";
  const profileId = (await messagingOf(app, number)).messaging_profile_id;
  const before = (await app.sim("GET", `/v2/messaging_profiles/${profileId}`)).data;
  assert.ok(!before.whitelisted_destinations.includes("GB"));

  const shown = await runWizard(app, table.get(number).symptom, number);
  assert.equal(shown.first, "destinationNotAllowed");
  await (await app.browser.$('[data-testid="fix-button"][data-fix="addDestinationCountry"]')).click();
  assert.match(await (await app.byTestId("fix-consequence")).getText(), /GB|United Kingdom/);
  assert.deepEqual(
    (await app.sim("GET", `/v2/messaging_profiles/${profileId}`)).data.whitelisted_destinations,
    before.whitelisted_destinations,
    "nothing is sent before the confirmation",
  );
  await (await app.byTestId("fix-confirm")).click();
  await app.byTestId("fix-done");
  await waitForRecheck(app);
  const after = await diagnosisShown(app, number);
  assert.notEqual(after.first, "destinationNotAllowed", after.summary);
  assert.deepEqual(
    (await app.sim("GET", `/v2/messaging_profiles/${profileId}`)).data.whitelisted_destinations,
    [...before.whitelisted_destinations, "GB"],
  );

  await (await app.byTestId("nav-activity")).click();
  const item = await app.browser.$('[data-testid="activity-item"][data-kind="profileFix"]');
  await item.waitForExist({ timeout: 10_000 });
  await (await item.$('[data-testid="activity-undo"]')).click();
  await (await app.byTestId("job-confirm")).click();
  await app.browser.waitUntil(
    async () => (await (await app.byTestId("job-dialog")).getAttribute("data-stage")) === "done",
    { timeout: 15_000, timeoutMsg: "the undo did not finish" },
  );
  assert.deepEqual(
    (await app.sim("GET", `/v2/messaging_profiles/${profileId}`)).data.whitelisted_destinations,
    before.whitelisted_destinations,
    "Undo puts the countries back as they were",
  );
});
