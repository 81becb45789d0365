// The window stays on Number Desk's own pages: a script that tries to navigate it elsewhere (another
// loopback origin, a data: page, a remote site) is refused, the app's page and its IPC bridge stay,
// and the attempt is logged by origin only.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { launchApp } from "./harness.mjs";

test("the window cannot be navigated away from the app", async (t) => {
  const app = await launchApp(t, { args: ["--demo"] });
  await app.numbersLoaded();
  const own = await app.browser.execute(() => location.origin);

  const targets = [
    `${app.simBase}/_sim/state?from=window`,
    "data:text/html,<h1>not the app</h1>",
    "https://example.invalid/phish",
  ];
  for (const target of targets) {
    await app.browser.execute((url) => {
      window.location.href = url;
    }, target);
    await app.browser.pause(700);
    const now = await app.browser.execute(() => ({
      origin: location.origin,
      bridge: typeof window.__TAURI_INTERNALS__,
      page: Boolean(document.querySelector('[data-testid="numbers-page"]')),
    }));
    assert.deepEqual(now, { origin: own, bridge: "object", page: true }, `after navigating to ${target}`);
  }

  // A link the page might render (target=_self) is refused the same way.
  await app.browser.execute((url) => {
    const a = document.createElement("a");
    a.href = url;
    a.textContent = "away";
    document.body.append(a);
    a.click();
  }, `${app.simBase}/v2/messaging_profiles`);
  await app.browser.pause(700);
  assert.equal(await app.browser.execute(() => location.origin), own);
  assert.ok(await (await app.byTestId("numbers-count")).isDisplayed());

  const log = readFileSync(app.logPath, "utf8");
  assert.match(log, /refused to navigate the window away from Number Desk/);
  assert.doesNotMatch(log, /from=window|\/phish/, "the log names the origin only");
});
