// The Numbers screen end to end on the demo account: counts, filters, search, details and profile
// changes are compared with what the simulator itself serves — never with hard-coded figures.
import assert from "node:assert/strict";
import { test } from "node:test";
import { launchApp } from "./harness.mjs";

/** Opens the demo account and waits until the list is loaded. */
async function openNumbers(t) {
  const app = await launchApp(t, { args: ["--demo"] });
  await app.numbersLoaded();
  await app.byTestId("number-grid");
  return app;
}

/** The profile cell of the first listed row (its text even where the detail panel covers it). */
async function rowProfile(app) {
  const cell = await app.browser.$('[data-testid="row-profile"]');
  await cell.waitForExist();
  return (await cell.getProperty("textContent")).trim();
}

async function countOf(app, id) {
  return Number((await (await app.byTestId(id)).getText()).replace(/[^0-9]/g, ""));
}

async function waitForShown(app, expected, what) {
  await app.browser.waitUntil(async () => (await countOf(app, "shown-count")) === expected, {
    timeout: 10_000,
    timeoutMsg: `${what}: expected ${expected} numbers shown, saw ${await countOf(app, "shown-count")}`,
  });
}

const digits = (s) => String(s).replace(/\D/g, "");
async function typeSearch(app, text) {
  const search = await app.byTestId("search");
  await search.click();
  await search.clearValue();
  await search.setValue(text);
}

/** Searches a number and opens its detail panel. */
async function openDetail(app, number) {
  await typeSearch(app, number.phone_number);
  await waitForShown(app, 1, "search by the full number");
  await (await app.byTestId("number-row")).click();
  await app.byTestId("detail-panel");
}

test("filters by profile and by readiness show the simulator's counts, and Back undoes a filter", async (t) => {
  const app = await openNumbers(t);
  const numbers = await app.simAll("/v2/phone_numbers/messaging");
  const profiles = await app.simAll("/v2/messaging_profiles");
  assert.equal(await countOf(app, "numbers-count"), numbers.length);
  assert.equal(await countOf(app, "shown-count"), numbers.length);

  // Every profile, one at a time: the option's count and the list match the simulator.
  const knownIds = new Set(profiles.map((p) => p.id));
  for (const profile of profiles) {
    const expected = numbers.filter((n) => n.messaging_profile_id === profile.id).length;
    assert.equal(await countOf(app, `count-profile-${profile.id}`), expected, profile.name);
    await (await app.byTestId(`filter-profile-${profile.id}`)).click();
    await waitForShown(app, expected, `profile ${profile.name}`);
    await (await app.byTestId(`filter-profile-${profile.id}`)).click();
    await waitForShown(app, numbers.length, "profile filter cleared");
  }
  const unassigned = numbers.filter((n) => !n.messaging_profile_id).length;
  assert.ok(unassigned > 0, "the demo account has numbers without a profile");
  await (await app.byTestId("filter-profile-unassigned")).click();
  await waitForShown(app, unassigned, "No profile");
  assert.match(
    decodeURIComponent(await app.browser.execute(() => window.location.hash)),
    /profile=unassigned/,
  );
  await app.browser.back();
  await waitForShown(app, numbers.length, "Back after choosing No profile");
  assert.equal(await (await app.byTestId("filter-profile-unassigned")).isSelected(), false);

  // The problem "No profile", derived independently from the simulator's lists: every number
  // without a profile that exists counts under it, whatever else is wrong with it (a number counts
  // under each of its problems); where it is the first problem, the badge names it.
  const noProfile = numbers.filter(
    (n) => !(n.messaging_profile_id && knownIds.has(n.messaging_profile_id)),
  ).length;
  assert.ok(noProfile > 0);
  assert.equal(await countOf(app, "count-readiness-noProfile"), noProfile);
  await (await app.byTestId("filter-readiness-noProfile")).click();
  await waitForShown(app, noProfile, "readiness No profile");
  // (textContent: the rows kept just outside the scrolled view have no visible text.)
  for (const badge of await app.browser.$$('[data-testid="row-readiness"] .verdict')) {
    const text = await badge.getProperty("textContent");
    assert.match(text, /No profile/, text);
  }

  // Combined with a profile: a profile's numbers all have one, so nothing is left.
  const first = profiles[0];
  await (await app.byTestId(`filter-profile-${first.id}`)).click();
  const empty = await (await app.byTestId("no-matches")).getText();
  assert.equal(await countOf(app, "shown-count"), 0);
  // It names what narrows the list.
  assert.match(empty, new RegExp(`No profile \\(Problem\\) and ${first.name} \\(Messaging profile\\)`));
  // The readiness groups count each number once: together they are the whole account.
  await (await app.byTestId("clear-filters")).click();
  await waitForShown(app, numbers.length, "filters cleared");
  let sum = 0;
  for (const el of await app.browser.$$('[data-testid^="count-group-"]'))
    sum += Number(digits(await el.getText()));
  assert.equal(sum, numbers.length);
  await app.screenshot("-filtered");
});

test("a number is found however its digits are typed", async (t) => {
  const app = await openNumbers(t);
  const numbers = await app.simAll("/v2/phone_numbers/messaging");
  const number = numbers.find((n) => digits(n.phone_number).length === 11 && n.phone_number.startsWith("+1"));
  assert.ok(number, "the demo account has a North American number");
  const d = digits(number.phone_number);
  for (const typed of [
    number.phone_number,
    d,
    `+${d[0]} ${d.slice(1, 4)}-${d.slice(4, 7)}-${d.slice(7)}`,
    `(${d.slice(1, 4)}) ${d.slice(4, 7)} ${d.slice(7)}`,
  ]) {
    await typeSearch(app, typed);
    const expected = numbers.filter((n) => digits(n.phone_number).includes(digits(typed))).length;
    await waitForShown(app, expected, `search ${typed}`);
    const ids = [];
    for (const row of await app.browser.$$('[data-testid="number-row"]'))
      ids.push(await row.getAttribute("data-number-id"));
    assert.ok(ids.includes(number.id), `${typed} finds ${number.phone_number}`);
  }
  await typeSearch(app, "+0 000-000");
  await app.byTestId("no-matches");
});

/** The ids and shown numbers of the listed rows, in order. */
async function listed(app) {
  const out = [];
  for (const row of await app.browser.$$('[data-testid="number-row"]')) {
    const main = await row.$(".number-main");
    // Its text even where the detail panel covers it.
    out.push({
      id: await row.getAttribute("data-number-id"),
      shown: (await main.getProperty("textContent")).trim(),
    });
  }
  return out;
}

test("GB and DE numbers read in their national format, and a search finds the number itself first", async (t) => {
  const app = await openNumbers(t);
  const numbers = await app.simAll("/v2/phone_numbers/messaging");
  // The showcase's GB mobile and Berlin numbers (crates/telnyx-sim/DEMO.md), as people there
  // write them; the E.164 form stays on hover.
  for (const [e164, national, country] of [
    ["+447700900000", "07700 900000", "GB"],
    ["+493023125000", "030 23125000", "DE"],
  ]) {
    const number = numbers.find((n) => n.phone_number === e164);
    assert.ok(number, `the demo account has ${e164}`);
    assert.equal(number.country_code, country);
    await typeSearch(app, e164);
    await waitForShown(app, 1, `search ${e164}`);
    const [row] = await listed(app);
    assert.deepEqual(row, { id: number.id, shown: national });
    const cell = await app.browser.$('[data-testid="number-row"] .cell-number');
    assert.match(await cell.getAttribute("title"), new RegExp(`^\\${e164} `));
    // Typed the way it is shown, it is found too, and first.
    await typeSearch(app, national);
    await app.browser.waitUntil(async () => (await listed(app))[0]?.id === number.id, {
      timeout: 10_000,
      timeoutMsg: `${national} does not list ${e164} first`,
    });
  }
  // A short code's digits are inside many numbers; the short code itself comes first.
  const short = numbers.find((n) => n.phone_number === "55501");
  assert.ok(short, "the demo account has the short code 55501");
  await typeSearch(app, "55501");
  const expected = numbers.filter((n) => digits(n.phone_number).includes("55501")).length;
  await waitForShown(app, expected, "search 55501");
  assert.ok(expected > 1, "55501 is inside other numbers too");
  assert.deepEqual((await listed(app))[0], { id: short.id, shown: "55501" });
});

test("the detail panel shows what the simulator holds for the number", async (t) => {
  const app = await openNumbers(t);
  const numbers = await app.simAll("/v2/phone_numbers/messaging");
  const profiles = await app.simAll("/v2/messaging_profiles");
  const listed = numbers.find((n) => n.messaging_profile_id && n.features?.sms && n.health) ?? numbers[0];
  const { data: record } = await app.sim("GET", `/v2/phone_numbers/${listed.id}/messaging`);
  await openDetail(app, record);

  assert.equal(await (await app.byTestId("detail-e164")).getText(), record.phone_number);
  const profile = profiles.find((p) => p.id === record.messaging_profile_id);
  assert.equal(await (await app.byTestId("detail-profile")).getText(), profile ? profile.name : "None");
  const typeWords = {
    "long-code": /Local/,
    longcode: /Local/,
    "toll-free": /Toll-free/,
    tollfree: /Toll-free/,
  };
  const type = typeWords[record.type] ?? /Short code|Unknown/;
  assert.match(await (await app.byTestId("detail-type")).getText(), type);
  assert.match(
    await (await app.byTestId("detail-country")).getText(),
    new RegExp(`\\(${record.country_code}\\)`),
  );
  assert.equal(await (await app.byTestId("detail-sms")).getText(), record.features?.sms ? "Yes" : "No");
  assert.equal(await (await app.byTestId("detail-mms")).getText(), record.features?.mms ? "Yes" : "No");
  // The reason, the fix and the products come with the number's detail (not with the list row).
  await app.browser.waitUntil(async () => (await (await app.byTestId("detail-products")).getText()) !== "…", {
    timeoutMsg: "the detail arrived",
  });
  assert.notEqual(await (await app.byTestId("detail-reason")).getText(), "…");
  const products = await (await app.byTestId("detail-products")).getText();
  for (const p of record.eligible_messaging_products ?? []) assert.match(products, new RegExp(p));
  await app.browser.waitUntil(
    async () => (await app.browser.$$('[data-testid="detail-checklist"] li')).length === 7,
    {
      timeoutMsg: "the readiness checklist has its seven checks",
    },
  );
  await (await app.browser.$("summary=Details")).click();
  const raw = JSON.parse(await (await app.byTestId("detail-raw")).getText());
  assert.equal(raw.id, record.id);
  assert.equal(raw.phone_number, record.phone_number);
  await app.screenshot("-detail");
});

test("assign and unassign change the number at Telnyx and in the list", async (t) => {
  const app = await openNumbers(t);
  const numbers = await app.simAll("/v2/phone_numbers/messaging");
  const profiles = await app.simAll("/v2/messaging_profiles");
  const number = numbers.find((n) => !n.messaging_profile_id && n.features?.sms);
  assert.ok(number, "the demo account has an unassigned number that can text");
  const target = profiles.find((p) => p.enabled !== false);
  await openDetail(app, number);
  assert.equal(await rowProfile(app), "None");

  await (await app.byTestId("detail-assign")).click();
  await (await app.byTestId("change-profile-select")).selectByAttribute("value", target.id);
  assert.match(await (await app.byTestId("change-consequence")).getText(), new RegExp(target.name));
  await (await app.byTestId("change-confirm")).click();
  await app.byTestId("change-done");
  const assigned = await app.sim("GET", `/v2/phone_numbers/${number.id}/messaging`);
  assert.equal(assigned.data.messaging_profile_id, target.id);
  assert.equal(await rowProfile(app), target.name);
  assert.equal(await (await app.byTestId("detail-profile")).getText(), target.name);

  await (await app.byTestId("detail-unassign")).click();
  assert.match(
    await (await app.byTestId("change-consequence")).getText(),
    /stop receiving incoming-message webhooks and cannot send through/,
  );
  await (await app.byTestId("change-confirm")).click();
  await app.browser.waitUntil(async () =>
    /no longer on a messaging profile/.test(await (await app.byTestId("change-done")).getText()),
  );
  const unassigned = await app.sim("GET", `/v2/phone_numbers/${number.id}/messaging`);
  assert.ok(!unassigned.data.messaging_profile_id, "Telnyx has the number without a profile");
  assert.equal(await rowProfile(app), "None");
  await app.screenshot("-unassigned");

  // Each change is journalled like a bulk one: Undo puts the number back on its profile.
  await (await app.byTestId("change-undo")).click();
  const dialog = await app.byTestId("job-dialog");
  await app.browser.waitUntil(async () => (await dialog.getAttribute("data-stage")) === "preview");
  await (await app.byTestId("job-confirm")).click();
  await app.browser.waitUntil(async () => (await dialog.getAttribute("data-stage")) === "done", {
    timeout: 30_000,
  });
  const undone = await app.sim("GET", `/v2/phone_numbers/${number.id}/messaging`);
  assert.equal(undone.data.messaging_profile_id, target.id, "Undo put the number back on its profile");
  await (await app.byTestId("job-close")).click();
  await (await app.byTestId("nav-activity")).click();
  await app.byTestId("activity-item");
  const kinds = await app.browser
    .$$('[data-testid="activity-item"]')
    .map((el) => el.getAttribute("data-kind"));
  assert.deepEqual(kinds, ["undo", "unassign", "move"], "Activity lists the three changes, newest first");
});

test("a refused assignment is explained and the row stays as it was", async (t) => {
  const app = await openNumbers(t);
  const numbers = await app.simAll("/v2/phone_numbers/messaging");
  const profiles = await app.simAll("/v2/messaging_profiles");
  const number = numbers.find((n) => !n.messaging_profile_id && n.features?.sms);
  await app.admin("POST", "/faults", {
    fail_next_patch: { code: "10015", detail: "The messaging profile cannot be used with this number." },
  });

  // This time from the row's menu.
  await typeSearch(app, number.phone_number);
  await waitForShown(app, 1, "search");
  await (await app.byTestId("row-menu")).click();
  await (await app.byTestId("menu-assign")).click();
  await (await app.byTestId("change-profile-select")).selectByAttribute("value", profiles[0].id);
  await (await app.byTestId("change-confirm")).click();

  const error = await (await app.byTestId("change-error")).getText();
  assert.match(error, /was not changed/);
  assert.match(error, /error 10015/);
  assert.match(error, /cannot be used with this number/);
  await app.browser.waitUntil(async () => (await rowProfile(app)) === "None", {
    timeoutMsg: "the row went back to no profile",
  });
  const after = await app.sim("GET", `/v2/phone_numbers/${number.id}/messaging`);
  assert.ok(!after.data.messaging_profile_id);
  await app.screenshot("-refused");
});

test("a change whose answer is lost is read back, never reported as not changed", async (t) => {
  const app = await openNumbers(t);
  const numbers = await app.simAll("/v2/phone_numbers/messaging");
  const profiles = await app.simAll("/v2/messaging_profiles");
  const number = numbers.find((n) => !n.messaging_profile_id && n.features?.sms);
  const target = profiles.find((p) => p.enabled !== false);
  await openDetail(app, number);
  await (await app.byTestId("detail-assign")).click();
  await (await app.byTestId("change-profile-select")).selectByAttribute("value", target.id);
  // Every answer from Telnyx arrives cut off: the change is made, but nothing can be read.
  await app.admin("PUT", "/faults", { p_malformed: 1 });
  await (await app.byTestId("change-confirm")).click();
  const unknown = await (await app.byTestId("change-unknown", 60_000)).getText();
  assert.match(unknown, /can't tell whether/);
  assert.doesNotMatch(unknown, /was not changed/);
  await app.screenshot("-unknown");
  // Telnyx holds the change; once answers are readable again, checking says so.
  await app.admin("DELETE", "/faults");
  const held = await app.sim("GET", `/v2/phone_numbers/${number.id}/messaging`);
  assert.equal(held.data.messaging_profile_id, target.id);
  await (await app.byTestId("check-again")).click();
  await app.browser.waitUntil(
    async () => /The change was made/.test(await (await app.byTestId("change-done")).getText()),
    { timeout: 30_000, timeoutMsg: "checking again reports the change as made" },
  );
  assert.equal(await rowProfile(app), target.name);
});

test("pages of numbers that never arrive leave the rest on screen and can be loaded by themselves", async (t) => {
  const app = await openNumbers(t);
  const total = (await app.simAll("/v2/phone_numbers/messaging")).length;
  assert.ok(total > 250, "the demo account has more than one page of numbers");
  await app.admin("POST", "/faults", {
    refuse_lists: [{ path: "/phone_numbers/messaging", code: "10007", status: 500, page: 2 }],
  });
  await (await app.byTestId("refresh")).click();
  const notice = await app.byTestId("missing-numbers", 120_000);
  assert.match(await notice.getText(), /did not send about \d+ of this account's numbers \(numbers 251–500/);
  const shown = await countOf(app, "shown-count");
  assert.ok(shown > 0 && shown < total, `some numbers shown (${shown} of ${total})`);
  await app.screenshot("-missing-pages");
  await app.admin("DELETE", "/faults");
  await (await app.byTestId("load-missing")).click();
  await app.browser.waitUntil(
    async () => !(await (await app.browser.$('[data-testid="missing-numbers"]')).isExisting()),
    { timeout: 60_000, timeoutMsg: "the notice went away once the missing numbers arrived" },
  );
  await waitForShown(app, total, "every number after loading the missing page");
});

test("the keyboard reaches search, the list, details and assign", async (t) => {
  const app = await openNumbers(t);
  await app.browser.keys("/");
  assert.equal(
    await app.browser.execute(() => document.activeElement?.getAttribute("data-testid")),
    "search",
  );
  await app.browser.keys("1");
  await app.browser.keys("2");
  // ↓ from the search goes straight to the list, past the filters.
  await app.browser.keys("ArrowDown");
  assert.equal(
    await app.browser.execute(() => document.activeElement?.getAttribute("data-testid")),
    "number-grid",
  );
  await app.browser.keys("ArrowDown");
  await app.browser.keys("Enter");
  await app.byTestId("detail-panel");
  const rows = await app.browser.$$('[data-testid="number-row"]');
  const second = await rows[1].getAttribute("data-number-id");
  assert.equal(await rows[1].getAttribute("aria-selected"), "true");
  assert.match(await app.browser.execute(() => window.location.hash), new RegExp(`number=${second}`));
  await app.browser.execute(() => document.querySelector('[data-testid="number-grid"]')?.focus());
  await app.browser.keys("a");
  await app.byTestId("change-dialog");
  await app.browser.keys("Escape");
  await app.browser.waitUntil(
    async () => !(await (await app.browser.$('[data-testid="change-dialog"]')).isExisting()),
  );
  const focused = () => app.browser.execute(() => document.activeElement?.getAttribute("data-testid"));
  assert.equal(await focused(), "number-grid", "focus returns to the list after Escape");
  // Confirmed with Enter, the dialog also gives focus back to the list.
  await app.browser.keys("a");
  const select = await app.byTestId("change-profile-select");
  const options = await select.$$("option:not([disabled])");
  await select.selectByAttribute("value", await options[0].getAttribute("value"));
  const confirm = await app.byTestId("change-confirm");
  await confirm.waitForEnabled({ timeout: 10_000 });
  await app.browser.execute((el) => el.focus(), confirm);
  await app.browser.keys("Enter");
  await app.byTestId("change-done", 30_000);
  assert.equal(await focused(), "number-grid", "focus returns to the list after Enter");
});

/** The readiness badge's first problem (without "+N more") of the only row shown after searching
 * `number`. */
async function readinessOf(app, number) {
  await typeSearch(app, number);
  await waitForShown(app, 1, `search ${number}`);
  const text = await (await app.byTestId("row-readiness")).getText();
  return text.replace(/\s*\+\d+[\s\S]*$/, "").trim();
}

test("the first page is usable while the rest loads, and says its checks are on their way", async (t) => {
  // 2.5 s per request: the first page arrives seconds before the last of the demo's numbers.
  const app = await launchApp(t, { args: ["--demo"], env: { NUMBER_DESK_DEMO_LATENCY_MS: "2500" } });
  await app.browser
    .$('[data-testid="numbers-page"][data-state="loading"] [data-testid="first-look"]')
    .waitForExist({
      timeout: 60_000,
      timeoutMsg: "no first look while the list was loading",
    });
  // The first page is 250 numbers (page[size]=250), and already usable: a search narrows it, and
  // a number whose 10DLC list has not arrived is "Checking…", not a guessed verdict. The headline
  // says what is known: 250 of about as many as Telnyx announced, loading.
  // (Read before asking the simulator, whose answers take 2.5 s here.)
  const shown = await countOf(app, "shown-count");
  const about = await countOf(app, "numbers-count");
  const headline = await (await app.browser.$('[data-testid="numbers-page"] .headline')).getText();
  assert.equal(await readinessOf(app, "+12125550100"), "Checking…");
  const announced = (await app.sim("GET", "/v2/phone_numbers/messaging?page[size]=1")).meta.total_results;
  assert.equal(shown, 250);
  assert.equal(about, announced);
  assert.match(headline, /^Showing 250 of about [\d,]+ numbers, loading/);
  await app.screenshot("-first-look");
  const loaded = await app.numbersLoaded();
  const total = (await app.sim("GET", "/v2/phone_numbers/messaging?page[size]=1")).meta.total_results;
  assert.ok(total > 250);
  assert.equal(Number((await loaded.getText()).replace(/\D/g, "")), total);
  assert.equal(await readinessOf(app, "+12125550100"), "Ready");
  assert.equal(await (await app.browser.$('[data-testid="first-look"]')).isExisting(), false);
});

test("a compliance list Telnyx refuses is named, its numbers say Couldn't check, the rest is judged", async (t) => {
  const app = await openNumbers(t);
  await app.admin("POST", "/faults", {
    refuse_lists: [{ path: "/10dlc/phone_number_campaigns", detail: "This account has no 10DLC access." }],
  });
  await (await app.byTestId("refresh")).click();
  const notice = await app.byTestId("unavailable-lists", 60_000);
  const text = await notice.getText();
  assert.match(text, /could not load the 10DLC campaign assignments/);
  assert.match(text, /error 10010: This account has no 10DLC access/);
  await app.screenshot("-unavailable");
  assert.equal(await readinessOf(app, "+12125550100"), "Couldn't check");
  // Numbers that need no 10DLC, and failures found before compliance, are judged as before.
  assert.equal(await readinessOf(app, "+18005550100"), "Ready");
  assert.equal(await readinessOf(app, "+12125550104"), "No profile");

  await app.admin("DELETE", "/faults");
  await (await app.browser.$("button=Try again")).click();
  await app.numbersLoaded();
  await app.browser.waitUntil(
    async () => !(await (await app.browser.$('[data-testid="unavailable-lists"]')).isExisting()),
    {
      timeoutMsg: "the notice went away once the list loaded",
    },
  );
  assert.equal(await readinessOf(app, "+12125550100"), "Ready");
});

test("an account without profiles can create one here and put a number on it", async (t) => {
  const app = await openNumbers(t);
  for (const profile of await app.simAll("/v2/messaging_profiles"))
    await app.sim("DELETE", `/v2/messaging_profiles/${profile.id}`);
  await (await app.byTestId("refresh")).click();
  await app.byTestId("no-profiles", 60_000);
  await app.numbersLoaded();

  // A mistake is explained before anything is sent.
  await (await app.byTestId("profile-name-input")).setValue("Front Desk");
  const destinations = await app.byTestId("profile-destinations-input");
  await destinations.clearValue();
  await destinations.setValue("USA");
  await (await app.byTestId("profile-create")).click();
  assert.match(
    await (await app.byTestId("error-notice")).getText(),
    /“USA” is not a two-letter country code/,
  );
  assert.deepEqual(await app.simAll("/v2/messaging_profiles"), []);

  await destinations.clearValue();
  await destinations.setValue("us, ca");
  await (await app.byTestId("profile-webhook-input")).setValue("https://example.com/texts");
  await (await app.byTestId("profile-create")).click();
  assert.match(await (await app.byTestId("change-done")).getText(), /Front Desk is ready/);
  const [created] = await app.simAll("/v2/messaging_profiles");
  assert.equal(created.name, "Front Desk");
  assert.deepEqual(created.whitelisted_destinations, ["US", "CA"]);
  assert.equal(created.webhook_url, "https://example.com/texts");
  await app.screenshot("-profile-created");

  // The new profile takes a number at once, without a refresh.
  const number = (await app.simAll("/v2/phone_numbers/messaging")).find((n) => n.features?.sms);
  await openDetail(app, number);
  await (await app.byTestId("detail-assign")).click();
  await (await app.byTestId("change-profile-select")).selectByAttribute("value", created.id);
  await (await app.byTestId("change-confirm")).click();
  await app.browser.waitUntil(
    async () => /is now on Front Desk/.test(await (await app.byTestId("change-done")).getText()),
    {
      timeoutMsg: "the number went onto the new profile",
    },
  );
  const after = await app.sim("GET", `/v2/phone_numbers/${number.id}/messaging`);
  assert.equal(after.data.messaging_profile_id, created.id);
});
