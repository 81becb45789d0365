// Readiness a person can act on, end to end on the demo account: "Can't text" in one click, every
// problem of a number, and the webhook as part of readiness. Every figure is derived here from
// what the simulator serves (its Telnyx API), never hard-coded and never read from the app.
import assert from "node:assert/strict";
import { test } from "node:test";
import { launchApp } from "./harness.mjs";

async function openNumbers(t) {
  const app = await launchApp(t, { args: ["--demo"] });
  await app.numbersLoaded();
  await app.byTestId("number-grid");
  return app;
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

/** Every 10DLC assignment (`records`, `recordsPerPage`, FACTS.md §6). */
async function allCampaigns(app) {
  const out = [];
  for (let page = 1; ; page++) {
    const body = await app.sim("GET", `/v2/10dlc/phone_number_campaigns?page=${page}&recordsPerPage=500`);
    out.push(...body.records);
    if (out.length >= body.totalRecords || body.records.length === 0) return out;
  }
}

/** Every toll-free verification request (`page`, `page_size`, FACTS.md §7). */
async function allVerifications(app) {
  const out = [];
  for (let page = 1; ; page++) {
    const body = await app.sim(
      "GET",
      `/v2/messaging_tollfree/verification/requests?page=${page}&page_size=100`,
    );
    out.push(...body.records);
    if (out.length >= body.total_records || body.records.length === 0) return out;
  }
}

/** Inventory statuses that keep a number from texting (FACTS.md §5); `active`, `port-out-pending`
 * and statuses nobody knows do not. */
const notActive = new Set([
  "purchase-pending",
  "purchase-failed",
  "port-pending",
  "port-failed",
  "deleted",
  "emergency-only",
  "ported-out",
  "requirement-info-pending",
  "requirement-info-under-review",
  "requirement-info-exception",
  "provision-pending",
]);

/** What a profile's webhook address means for incoming texts: none, one Telnyx's servers cannot
 * reach (not a web address, or on the admin's own computer or network), plain http, or https. */
function webhookOf(profile) {
  const address = (profile.webhook_url ?? "").trim();
  if (address === "") return "none";
  let url;
  try {
    url = new URL(address);
  } catch {
    return "unreachable";
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return "unreachable";
  const host = url.hostname.replace(/^\[|\]$/g, "");
  const local =
    host === "localhost" ||
    host === "::1" ||
    (!host.includes(".") && !host.includes(":")) ||
    /^(127|10)\./.test(host) ||
    /^192\.168\./.test(host) ||
    /^172\.(1[6-9]|2\d|3[01])\./.test(host) ||
    /\.(local|localhost|internal)$/.test(host);
  if (local) return "unreachable";
  return url.protocol === "http:" ? "http" : "https";
}

/** The simulator's account, joined as the app joins it, with "can this number text?" decided from
 * the fact sheet's chain: active, SMS or MMS, an existing enabled profile whose webhook Telnyx can
 * reach, the registration its type needs (US long code: an ASSIGNED 10DLC campaign; US/CA
 * toll-free: Verified), and health within Telnyx's thresholds. */
async function account(app) {
  const [numbers, profiles, inventory, campaigns, verifications] = await Promise.all([
    app.simAll("/v2/phone_numbers/messaging"),
    app.simAll("/v2/messaging_profiles"),
    app.simAll("/v2/phone_numbers"),
    allCampaigns(app),
    allVerifications(app),
  ]);
  const profileById = new Map(profiles.map((p) => [p.id, p]));
  const statusById = new Map(inventory.map((p) => [p.id, p.status]));
  const statusByNumber = new Map(inventory.map((p) => [digits(p.phone_number), p.status]));
  const assigned = new Set(
    campaigns.filter((c) => c.assignmentStatus === "ASSIGNED").map((c) => digits(c.phoneNumber)),
  );
  const verified = new Set(
    verifications
      .filter((v) => v.verificationStatus === "Verified")
      .flatMap((v) => v.phoneNumbers.map((p) => digits(p.phoneNumber))),
  );
  const campaignOf = new Map(campaigns.map((c) => [digits(c.phoneNumber), c.assignmentStatus]));
  const ratio = (x) => typeof x === "number" && x >= 0 && x <= 1;
  const judged = numbers.map((n) => {
    const d = digits(n.phone_number);
    const status = statusById.get(n.id) ?? statusByNumber.get(d);
    const profile = n.messaging_profile_id ? profileById.get(n.messaging_profile_id) : undefined;
    const type = String(n.type ?? "").replace(/[-_]/g, "");
    const country = String(n.country_code ?? "").toUpperCase();
    const webhook = profile ? webhookOf(profile) : null;
    let registered = true;
    if (type === "longcode" && country === "US") registered = assigned.has(d);
    if (type === "tollfree" && (country === "US" || country === "CA")) registered = verified.has(d);
    const h = n.health;
    const unhealthy =
      h && h.message_count > 0 && ratio(h.success_ratio) && ratio(h.spam_ratio)
        ? h.success_ratio < 0.25 || h.spam_ratio > 0.75
        : false;
    const canText =
      !notActive.has(status) &&
      Boolean(n.features?.sms || n.features?.mms) &&
      profile !== undefined &&
      profile.enabled !== false &&
      (webhook === "https" || webhook === "http") &&
      registered &&
      !unhealthy;
    return { n, d, status, profile, type, country, webhook, campaign: campaignOf.get(d), canText };
  });
  return { numbers, profiles, judged };
}

test("“Can't text” in one click shows every number the simulator's account says cannot text", async (t) => {
  const app = await openNumbers(t);
  const { numbers, judged } = await account(app);
  const cannot = judged.filter((j) => !j.canText).length;
  assert.ok(cannot > 0 && cannot < numbers.length);

  // The groups count each number once; together they are the whole account.
  const groups = ["actionNeeded", "waiting", "ready"];
  let sum = 0;
  for (const g of groups) sum += await countOf(app, `count-group-${g}`);
  assert.equal(sum, numbers.length);
  assert.equal(await countOf(app, "count-group-ready"), numbers.length - cannot);

  assert.equal(await countOf(app, "count-cannot-text"), cannot);
  const button = await app.byTestId("filter-cannot-text");
  await button.click();
  await waitForShown(app, cannot, "Can't text");
  assert.equal(await button.getAttribute("aria-pressed"), "true");
  const hash = decodeURIComponent(await app.browser.execute(() => window.location.hash));
  assert.match(hash, /group=actionNeeded&group=waiting/);
  for (const badge of await app.browser.$$('[data-testid="row-readiness"]'))
    assert.notEqual((await badge.getText()).trim(), "Ready");
  await app.screenshot("-cannot-text");

  // Back undoes it; a second click clears it too.
  await app.browser.back();
  await waitForShown(app, numbers.length, "Back after Can't text");
  await (await app.byTestId("filter-cannot-text")).click();
  await waitForShown(app, cannot, "Can't text again");
  await (await app.byTestId("filter-cannot-text")).click();
  await waitForShown(app, numbers.length, "Can't text cleared");
});

test("a number with two problems shows both: in its badge, its checklist and the problem filter", async (t) => {
  const app = await openNumbers(t);
  const { judged } = await account(app);
  // A US long code on no profile whose 10DLC is not done either (206-555-0107 in the demo).
  const two = judged.find(
    (j) =>
      !j.n.messaging_profile_id &&
      j.type === "longcode" &&
      j.country === "US" &&
      !notActive.has(j.status) &&
      (j.n.features?.sms || j.n.features?.mms) &&
      j.campaign !== "ASSIGNED",
  );
  assert.ok(two, "the demo account has an unassigned US long code without a finished 10DLC assignment");
  const tenDlc = two.campaign === "PENDING_ASSIGNMENT" ? "tenDlcPending" : "needs10dlcCampaign";

  // The number counts under each problem: both filters find it.
  for (const problem of ["noProfile", tenDlc]) {
    await (await app.byTestId(`filter-readiness-${problem}`)).click();
    const search = await app.byTestId("search");
    await search.click();
    await search.clearValue();
    await search.setValue(two.n.phone_number);
    await waitForShown(app, 1, `${two.n.phone_number} under ${problem}`);
    await (await app.byTestId(`filter-readiness-${problem}`)).click();
  }
  await waitForShown(app, 1, "the number alone");
  const badge = await app.byTestId("row-readiness");
  assert.match(await badge.getText(), /^No profile \+1/);
  await (await app.byTestId("number-row")).click();
  await app.byTestId("detail-panel");
  await app.browser.waitUntil(
    async () => (await app.browser.$$('[data-testid="detail-problem"]')).length === 2,
    {
      timeoutMsg: "the detail panel lists both problems",
    },
  );
  const verdicts = [];
  for (const li of await app.browser.$$('[data-testid="detail-problem"]'))
    verdicts.push(await li.getAttribute("data-verdict"));
  assert.deepEqual(verdicts, ["noProfile", tenDlc]);
  assert.equal(await (await app.byTestId("detail-group")).getText(), "Action needed");
  if (tenDlc === "tenDlcPending") {
    assert.match(await (await app.byTestId("detail-waiting-on")).getText(), /Telnyx and the mobile carriers/);
  }
  // No raw Telnyx value in what the panel says (the Details JSON keeps them).
  const words = await (await app.byTestId("detail-problems")).getText();
  assert.doesNotMatch(words, /PENDING_ASSIGNMENT|FAILED_ASSIGNMENT|purchase-pending/);

  // The glossary: the 10DLC line explains the word on keyboard focus.
  await app.browser.execute(() => document.querySelector('[data-testid="term-tenDlc"]')?.focus());
  const tip = await app.browser.$('[data-testid="term-tip-tenDlc"]');
  await tip.waitForDisplayed({ timeoutMsg: "the 10DLC explanation shows on focus" });
  assert.match(await tip.getText(), /US registration/);
  await app.screenshot("-two-problems");
});

test("numbers on a profile without a webhook, or with one Telnyx cannot reach, are flagged", async (t) => {
  const app = await openNumbers(t);
  const { profiles, judged } = await account(app);
  const on = (kind) => judged.filter((j) => j.profile && j.webhook === kind);
  const none = on("none");
  const unreachable = on("unreachable");
  const http = on("http");
  assert.ok(none.length > 0, "the demo account has a profile without a webhook address");
  assert.ok(http.length > 0, "the demo account has a profile with an http:// webhook");
  assert.ok(profiles.some((p) => (p.webhook_url ?? "") === ""));

  for (const [problem, expected] of [
    ["noWebhook", none],
    ["webhookUnreachable", unreachable],
    ["webhookNotEncrypted", http],
  ]) {
    if (expected.length === 0) continue;
    assert.equal(await countOf(app, `count-readiness-${problem}`), expected.length, problem);
    await (await app.byTestId(`filter-readiness-${problem}`)).click();
    await waitForShown(app, expected.length, problem);
    await (await app.byTestId(`filter-readiness-${problem}`)).click();
  }

  // One of them, opened: the panel says where incoming texts go, in words.
  const number = none[0].n;
  const search = await app.byTestId("search");
  await search.click();
  await search.setValue(number.phone_number);
  await waitForShown(app, 1, "the no-webhook number");
  await (await app.byTestId("number-row")).click();
  await app.byTestId("detail-panel");
  await app.browser.waitUntil(
    async () =>
      /Incoming texts go nowhere: the profile “.+” has no webhook address/.test(
        await (await app.byTestId("detail-panel")).getText(),
      ),
    { timeoutMsg: "the detail panel names the missing webhook" },
  );
  assert.doesNotMatch(await (await app.byTestId("detail-group")).getText(), /^Ready$/);
});
