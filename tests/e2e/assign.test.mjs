// The Assign board and Activity in the real window on the demo account: a pointer drag of a
// selection onto a profile, the preview's counts, the run, the result, Undo, the keyboard paths
// (Move to… and a keyboard drag), Activity, and CSV import and export through the native dialogs.
// Every expectation is derived from what the simulator serves, and every change is checked there.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "node:test";
import { launchApp, startSim } from "./harness.mjs";
import { chooseFile } from "./nativeDialog.mjs";

async function openBoard(t, options = {}) {
  const app = await launchApp(t, { args: ["--demo"], ...options });
  await app.numbersLoaded();
  await (await app.byTestId("nav-assign")).click();
  await app.byTestId("board-row");
  return app;
}

async function profilesByName(app) {
  const profiles = await app.simAll("/v2/messaging_profiles");
  return new Map(profiles.map((p) => [p.name, p]));
}

/** Where each number is now, by E.164, from the simulator. */
async function whereNow(app) {
  const numbers = await app.simAll("/v2/phone_numbers/messaging");
  return new Map(numbers.map((n) => [n.phone_number, n.messaging_profile_id ?? null]));
}

/** Numbers ready to move onto `profile`: on another profile, SMS-capable long codes with a messaging
 * product they may use (what the planner needs to put them in "will move"). */
function movable(numbers, profileId, count) {
  return numbers
    .filter(
      (n) =>
        n.messaging_profile_id &&
        n.messaging_profile_id !== profileId &&
        n.features?.sms &&
        n.type === "longcode" &&
        (n.eligible_messaging_products ?? []).length > 0,
    )
    .slice(0, count);
}

async function search(app, text) {
  const box = await app.byTestId("board-search");
  await box.click();
  await app.browser.execute((el) => {
    el.select();
  }, box);
  await app.browser.keys(["Control", "a"]);
  await app.browser.keys("Backspace");
  for (const ch of text) await app.browser.keys(ch);
  await app.browser.waitUntil(async () => (await app.browser.$$('[data-testid="board-row"]')).length >= 1, {
    timeout: 10_000,
  });
}

async function rowOf(app, e164) {
  const row = await app.browser.$(`[data-testid="board-row"][data-number="${e164}"]`);
  await row.waitForDisplayed({ timeout: 10_000, timeoutMsg: `${e164} is not on the board` });
  return row;
}

async function centre(app, element) {
  return app.browser.execute((el) => {
    const r = el.getBoundingClientRect();
    return { x: Math.round(r.x + r.width / 2), y: Math.round(r.y + r.height / 2) };
  }, element);
}

/** A real pointer drag (pointerdown, several moves, pointerup); returns the drag chip's words. */
async function pointerDrag(app, from, to) {
  await app.browser.execute(() => window.getSelection()?.removeAllRanges());
  const a = await centre(app, from);
  const b = await centre(app, to);
  const pointer = app.browser.action("pointer", { parameters: { pointerType: "mouse" } });
  await pointer
    .move({ x: a.x, y: a.y, origin: "viewport" })
    .down({ button: 0 })
    .move({ x: a.x + 12, y: a.y + 4, origin: "viewport" })
    .move({ x: Math.round((a.x + b.x) / 2), y: Math.round((a.y + b.y) / 2), origin: "viewport" })
    .move({ x: b.x, y: b.y, origin: "viewport" })
    .move({ x: b.x + 2, y: b.y + 1, origin: "viewport" })
    .perform(true);
  const label = await (await app.byTestId("drag-chip", 5_000)).getText();
  await app.browser
    .action("pointer", { parameters: { pointerType: "mouse" } })
    .up({ button: 0 })
    .perform();
  return label;
}

async function stage(app, expected, timeout = 60_000) {
  await app.browser.waitUntil(
    async () => (await (await app.byTestId("job-dialog")).getAttribute("data-stage")) === expected,
    { timeout, timeoutMsg: `the change dialog did not reach "${expected}"` },
  );
}

const count = async (app, id) => Number((await (await app.byTestId(id)).getText()).replace(/\D/g, ""));

test("a dragged selection is previewed, moved, confirmed by Telnyx, and undone", async (t) => {
  const app = await openBoard(t);
  const profiles = await profilesByName(app);
  const target = profiles.get("Front Desk");
  assert.ok(target, "the demo account has a Front Desk profile");
  const numbers = await app.simAll("/v2/phone_numbers/messaging");
  const chosen = movable(numbers, target.id, 2);
  assert.equal(chosen.length, 2, "two movable numbers");
  const before = new Map(chosen.map((n) => [n.phone_number, n.messaging_profile_id]));
  const writesBefore = JSON.parse(await app.admin("GET", "/writes")).writes;

  // Select the first, search for the second and ctrl-click it: the selection survives the filter.
  await search(app, chosen[0].phone_number.slice(1));
  await (await rowOf(app, chosen[0].phone_number)).click();
  await search(app, chosen[1].phone_number.slice(1));
  const second = await rowOf(app, chosen[1].phone_number);
  await app.browser.execute((el) => {
    el.dispatchEvent(new MouseEvent("click", { bubbles: true, ctrlKey: true }));
  }, second);
  assert.match(await (await app.byTestId("selection-count")).getText(), /^2 selected/);

  const targetCard = await app.browser.$(`[data-testid="board-target"][data-target="${target.id}"]`);
  await app.browser.execute((el) => el.scrollIntoView({ block: "center" }), targetCard);
  const label = await pointerDrag(app, second, targetCard);
  assert.equal(label, "2 numbers → Front Desk");

  // The drop opens the preview; nothing was sent.
  await stage(app, "preview");
  assert.equal(await count(app, "plan-will-move"), 2);
  assert.equal(await count(app, "plan-already-there"), 0);
  assert.equal(await count(app, "plan-cannot"), 0);
  assert.equal(
    JSON.parse(await app.admin("GET", "/writes")).writes,
    writesBefore,
    "nothing sent before Confirm",
  );
  await app.screenshot("-preview");

  await (await app.byTestId("job-confirm")).click();
  await stage(app, "done");
  assert.match(
    await (await app.byTestId("job-outcome")).getText(),
    /^2 numbers moved, each confirmed by Telnyx/,
  );
  let now = await whereNow(app);
  for (const n of chosen)
    assert.equal(now.get(n.phone_number), target.id, `${n.phone_number} is on Front Desk`);
  await app.screenshot("-result");

  // Undo puts each back on its own previous profile, after its own preview.
  await (await app.byTestId("job-undo")).click();
  await stage(app, "preview");
  assert.equal(await count(app, "plan-will-move"), 2);
  await (await app.byTestId("job-confirm")).click();
  await stage(app, "done");
  now = await whereNow(app);
  for (const [e164, was] of before) assert.equal(now.get(e164), was, `${e164} is back where it was`);
  await (await app.byTestId("job-close")).click();

  // Activity: newest first, the undo above the move.
  await (await app.byTestId("nav-activity")).click();
  await app.byTestId("activity-item");
  const kinds = await app.browser
    .$$('[data-testid="activity-item"]')
    .map((el) => el.getAttribute("data-kind"));
  assert.deepEqual(kinds.slice(0, 2), ["undo", "move"]);
  const items = await app.browser.$$('[data-testid="activity-item"]');
  await (await items[1].$('[data-testid="activity-open"]')).click();
  await app.browser.waitUntil(async () => (await app.browser.$$('[data-testid="job-item"]').length) === 2, {
    timeout: 10_000,
  });
});

test("the keyboard moves numbers too: Move to… with type-ahead, and a keyboard drag", async (t) => {
  const app = await openBoard(t);
  const profiles = await profilesByName(app);
  const target = profiles.get("After-Hours Desk");
  const numbers = await app.simAll("/v2/phone_numbers/messaging");
  const [one] = movable(numbers, target.id, 1);
  await search(app, one.phone_number.slice(1));
  await (await rowOf(app, one.phone_number)).click();

  // Move to…: Enter opens the menu, typing narrows it, Enter picks, Enter confirms (the default).
  const moveTo = await app.byTestId("move-to");
  await app.browser.execute((el) => el.focus(), moveTo);
  await app.browser.keys("Enter");
  await app.byTestId("move-to-input");
  for (const ch of "after") await app.browser.keys(ch);
  const options = await app.browser.$$('[data-testid="move-to-option"]');
  assert.equal(options.length, 1, "typing 'after' leaves one profile");
  await app.browser.keys("Enter");
  await stage(app, "preview");
  assert.match(await (await app.byTestId("job-title")).getText(), /to After-Hours Desk$/);
  await app.browser.keys("Enter");
  await stage(app, "done");
  assert.equal((await whereNow(app)).get(one.phone_number), target.id);
  await app.browser.keys("Escape");

  // A keyboard drag: Enter picks the number up, an arrow goes to the first profile, Enter drops.
  const writes = JSON.parse(await app.admin("GET", "/writes")).writes;
  const row = await rowOf(app, one.phone_number);
  await app.browser.execute((el) => el.focus(), row);
  await app.browser.keys("Enter");
  await app.browser.keys("ArrowDown");
  await app.browser.keys("Enter");
  await stage(app, "preview");
  const first = await app.browser.$$('[data-testid="board-target"]')[0].getAttribute("data-name");
  assert.match(await (await app.byTestId("job-title")).getText(), new RegExp(`to ${first}$`));
  // Cancel: nothing is sent.
  await (await app.byTestId("job-cancel")).click();
  assert.equal(JSON.parse(await app.admin("GET", "/writes")).writes, writes);
});

test("CSV import checks every row before anything changes, and export neutralises formulas", async (t) => {
  const app = await openBoard(t);
  const profiles = await profilesByName(app);
  const target = profiles.get("Front Desk");
  const numbers = await app.simAll("/v2/phone_numbers/messaging");
  const [a, b] = movable(numbers, target.id, 2);
  const dir = mkdtempSync(path.join(tmpdir(), "number-desk-csv-"));
  const file = path.join(dir, "moves.csv");
  writeFileSync(
    file,
    [
      "phone_number,messaging_profile",
      `${a.phone_number},Front Desk`,
      `"${b.phone_number.slice(0, 3)} ${b.phone_number.slice(3)}",${target.id}`,
      "not a number,Front Desk",
      `${a.phone_number},Front Desk`,
      `${b.phone_number},Frnt Desk`,
    ].join("\r\n"),
  );
  const writes = JSON.parse(await app.admin("GET", "/writes")).writes;
  await (await app.byTestId("import-csv")).click();
  chooseFile("Import assignments", file);
  await stage(app, "preview");
  assert.equal(await count(app, "plan-will-move"), 2);
  const rows = await (await app.byTestId("group-rows")).getText();
  assert.match(rows, /Rows not used \(3\)/);
  assert.match(rows, /Line 4/);
  assert.match(rows, /Line 5/);
  assert.match(rows, /Line 6.*Front Desk/s, "an unknown profile suggests the near name");
  assert.equal(JSON.parse(await app.admin("GET", "/writes")).writes, writes, "nothing sent before Confirm");
  await (await app.byTestId("job-confirm")).click();
  await stage(app, "done");
  const now = await whereNow(app);
  assert.equal(now.get(a.phone_number), target.id);
  assert.equal(now.get(b.phone_number), target.id);
  await (await app.byTestId("job-close")).click();

  // Export every assignment through the Save dialog.
  const out = path.join(dir, "all.csv");
  await (await app.byTestId("export-all")).click();
  chooseFile("Export assignments", out);
  await app.byTestId("assign-done");
  const text = readFileSync(out, "utf8");
  const lines = text.trim().split("\r\n");
  assert.equal(lines[0], "phone_number,messaging_profile,messaging_profile_id");
  assert.equal(lines.length - 1, numbers.length);
  // No cell starts as a formula would: +E.164 numbers are written '+…, which spreadsheets show as text.
  const cells = lines.slice(1).flatMap((l) => l.split(","));
  assert.ok(
    cells.every((c) => !/^[=+\-@]/.test(c)),
    "no cell a spreadsheet would run as a formula",
  );
  assert.ok(
    lines.slice(1).some((l) => l.startsWith(`'${a.phone_number},Front Desk,`)),
    "the imported move is exported",
  );
});

test("a change cut short by a crash is found at the next start and finished, nothing sent twice", async (t) => {
  // A stand-in for Telnyx outside the app (the demo account lives and dies with the app), whose bulk
  // orders stay pending for 8 s, so the app is killed while its orders are in flight.
  const key = `KEY${randomBytes(24).toString("hex")}`;
  const sim = await startSim(t, key, ["--bulk-settle-ms", "8000"]);
  const first = await launchApp(t);
  await (await first.byTestId("connect-account")).click();
  await (await first.byTestId("connect-name")).setValue("Main");
  await (await first.byTestId("connect-key")).setValue(key);
  await first.browser.execute(() => {
    for (const d of document.querySelectorAll("details")) d.open = true;
  });
  await (await first.byTestId("connect-base-url")).setValue(sim.baseUrl);
  await (await first.byTestId("connect-submit")).click();
  await first.numbersLoaded();

  const profiles = new Map();
  for (const p of (await sim.get("/messaging_profiles?page[size]=250")).data) profiles.set(p.name, p);
  const from = profiles.get("Support Line");
  const to = profiles.get("Front Desk");
  const all = [];
  for (let page = 1; ; page++) {
    const body = await sim.get(`/phone_numbers/messaging?page[number]=${page}&page[size]=250`);
    all.push(...body.data);
    if (page >= body.meta.total_pages) break;
  }
  // The planner leaves out numbers that cannot text at all (no SMS or MMS, or no messaging product).
  const onFrom = all.filter((n) => n.messaging_profile_id === from.id);
  const canMove = (n) =>
    (n.features?.sms || n.features?.mms) && (n.eligible_messaging_products ?? []).length > 0;
  const moving = onFrom.filter(canMove).map((n) => n.phone_number);
  const staying = onFrom.filter((n) => !canMove(n)).map((n) => n.phone_number);
  assert.ok(moving.length > 250, "more numbers than one order holds");

  // Every number on Support Line, selected through the filter, moved to Front Desk.
  await first.browser.execute((id) => {
    window.location.hash = `#/assign?profile=${id}`;
  }, from.id);
  await first.byTestId("board-row");
  await (await first.byTestId("select-all-matching")).click();
  assert.match(
    await (await first.byTestId("selection-count")).getText(),
    new RegExp(`^${onFrom.length} selected`),
  );
  await (await first.byTestId("move-to")).click();
  for (const ch of "front") await first.browser.keys(ch);
  await first.browser.keys("Enter");
  await stage(first, "preview");
  await (await first.byTestId("job-confirm")).click();
  // While the orders are pending, the window shows the progress in numbers, with Cancel.
  const words = await first.byTestId("job-progress-words");
  await first.browser.waitUntil(async () => /Remaining [\d,]+/.test(await words.getText()), {
    timeout: 30_000,
  });
  assert.match(await words.getText(), /^Moved \d+ · Failed \d+ · Remaining [\d,]+/);
  assert.ok(await (await first.byTestId("job-stop")).isEnabled(), "Cancel is offered while it runs");
  await first.browser.waitUntil(async () => JSON.parse(await sim.admin("GET", "/writes")).bulk_orders >= 1, {
    timeout: 30_000,
    timeoutMsg: "no bulk order reached the simulator",
  });
  // The crash: the app is killed outright while its orders are pending.
  execFileSync("pkill", ["-KILL", "-x", "number-desk"]);
  await first.stop();
  const sentBefore = JSON.parse(await sim.admin("GET", "/writes"));

  const second = await launchApp(t, { home: first.home });
  await second.numbersLoaded();
  const banner = await second.byTestId("unfinished-jobs");
  assert.match(await banner.getText(), /A change was cut short/);
  await (await second.byTestId("finish-unfinished")).click();
  const outcome = await second.byTestId("unfinished-outcome", 120_000);
  assert.match(
    await outcome.getText(),
    new RegExp(`^Finished\\. ${moving.length.toLocaleString("en-US")} numbers moved`),
  );

  const after = new Map();
  for (let page = 1; ; page++) {
    const body = await sim.get(`/phone_numbers/messaging?page[number]=${page}&page[size]=250`);
    for (const n of body.data) after.set(n.phone_number, n.messaging_profile_id);
    if (page >= body.meta.total_pages) break;
  }
  for (const n of moving) assert.equal(after.get(n), to.id, `${n} ends on Front Desk`);
  for (const n of staying) assert.equal(after.get(n), from.id, `${n}, which cannot text, was left alone`);
  const writes = JSON.parse(await sim.admin("GET", "/writes"));
  assert.equal(writes.redundant, 0, "no number was sent again after it had moved");
  // Numbers in an order sent before the crash were not sent again (they were re-read instead).
  const again = Object.entries(writes.numbers).filter(
    ([n, c]) => (sentBefore.numbers[n] ?? 0) > 0 && c > sentBefore.numbers[n],
  );
  assert.deepEqual(again, [], "numbers already in a sent order were sent again");

  // Activity shows the finished change.
  await (await second.byTestId("nav-activity")).click();
  const item = await second.byTestId("activity-item");
  assert.equal(await item.getAttribute("data-state"), "finished");
});

test("the Numbers screen moves what its search and filters show with Move to…", async (t) => {
  const app = await launchApp(t, { args: ["--demo"] });
  await app.numbersLoaded();
  const profiles = await profilesByName(app);
  const target = profiles.get("Front Desk");
  const numbers = await app.simAll("/v2/phone_numbers/messaging");
  const [one] = movable(numbers, target.id, 1);
  const box = await app.byTestId("search");
  await box.click();
  for (const ch of one.phone_number.slice(1)) await app.browser.keys(ch);
  await app.browser.waitUntil(async () => (await count(app, "shown-count")) === 1, { timeout: 10_000 });
  const button = await app.byTestId("numbers-move-to");
  assert.equal(await button.getText(), "Move this number to…");
  await button.click();
  for (const ch of "front") await app.browser.keys(ch);
  await app.browser.keys("Enter");
  await stage(app, "preview");
  assert.equal(await count(app, "plan-will-move"), 1);
  await (await app.byTestId("job-confirm")).click();
  await stage(app, "done");
  assert.equal((await whereNow(app)).get(one.phone_number), target.id);

  // The demo account starts afresh with each run, and so does its record of changes.
  await app.stop();
  const again = await launchApp(t, { args: ["--demo"], home: app.home });
  await again.numbersLoaded();
  await (await again.byTestId("nav-activity")).click();
  await again.byTestId("activity-empty");
});

test("the Numbers screen moves the numbers picked with Shift-click, Ctrl-click and Space", async (t) => {
  const app = await launchApp(t, { args: ["--demo"] });
  await app.numbersLoaded();
  const target = (await profilesByName(app)).get("Front Desk");
  const rows = await app.browser.$$('[data-testid="number-row"]');
  const ids = [];
  for (const row of rows.slice(0, 6)) ids.push(await row.getAttribute("data-number-id"));
  const click = (id, mods) =>
    app.browser.execute(
      (rowId, m) =>
        document
          .querySelector(`[data-testid="number-row"][data-number-id="${rowId}"]`)
          ?.dispatchEvent(new MouseEvent("click", { bubbles: true, ...m })),
      id,
      mods,
    );
  // Ctrl-click the first, Shift-click the third (the three), Ctrl-click the fifth, Space on the sixth.
  await click(ids[0], { ctrlKey: true });
  await click(ids[2], { shiftKey: true });
  await click(ids[4], { ctrlKey: true });
  await app.browser.execute(() => document.querySelector('[data-testid="number-grid"]')?.focus());
  await app.browser.keys("ArrowDown");
  await app.browser.keys(" ");
  const picked = await app.browser.execute(() =>
    [...document.querySelectorAll('[data-testid="number-row"][data-picked]')].map((r) =>
      r.getAttribute("data-number-id"),
    ),
  );
  assert.deepEqual(picked.sort(), [ids[0], ids[1], ids[2], ids[4], ids[5]].sort());
  assert.ok(!(await app.browser.$('[data-testid="detail-panel"]').isExisting()), "picking opens no details");
  const button = await app.byTestId("numbers-move-picked");
  assert.equal(await button.getText(), "Move 5 selected to…");
  await app.screenshot("-picked");

  const fourthBefore = (await app.simAll("/v2/phone_numbers/messaging")).find((n) => n.id === ids[3]);
  const writes = JSON.parse(await app.admin("GET", "/writes")).writes;
  await button.click();
  for (const ch of "front") await app.browser.keys(ch);
  await app.browser.keys("Enter");
  await stage(app, "preview");
  const planned =
    (await count(app, "plan-will-move")) +
    (await count(app, "plan-already-there")) +
    (await count(app, "plan-cannot"));
  assert.equal(planned, 5, "the preview holds the five picked numbers");
  const willMove = await count(app, "plan-will-move");
  assert.equal(JSON.parse(await app.admin("GET", "/writes")).writes, writes, "nothing sent before Confirm");
  await (await app.byTestId("job-confirm")).click();
  await stage(app, "done");
  const numbers = await app.simAll("/v2/phone_numbers/messaging");
  const onTarget = ids
    .filter((_, i) => i !== 3)
    .filter((id) => numbers.find((n) => n.id === id)?.messaging_profile_id === target.id);
  assert.ok(
    onTarget.length >= willMove && willMove > 0,
    `${onTarget.length} on Front Desk, ${willMove} moved`,
  );
  const fourth = numbers.find((n) => n.id === ids[3]);
  assert.equal(
    fourth.messaging_profile_id,
    fourthBefore.messaging_profile_id,
    "the unpicked fourth is untouched",
  );
  await (await app.byTestId("job-close")).click();
  // The selection is done with: the list's Move to… is back.
  await app.byTestId("numbers-move-to");
  assert.equal(await app.browser.$$('[data-testid="number-row"][data-picked]').length, 0);
});
