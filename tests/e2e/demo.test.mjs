// The demo account end to end: the window shows what the simulator serves, and a Telnyx that
// cannot be reached is reported in words.
import assert from "node:assert/strict";
import { test } from "node:test";
import { launchApp } from "./harness.mjs";

test("the demo account shows the simulator's number count and profile names", async (t) => {
  const app = await launchApp(t);
  await (await app.byTestId("try-demo")).click();

  const count = await app.numbersLoaded();
  const shown = Number((await count.getText()).replace(/[^0-9]/g, ""));
  const expected = await app.sim("GET", "/v2/phone_numbers/messaging?page[size]=1");
  assert.ok(expected.meta.total_results > 0, "the demo account should have numbers");
  assert.equal(shown, expected.meta.total_results);

  const profiles = await app.simAll("/v2/messaging_profiles");
  const names = [];
  for (const element of await app.browser.$$('[data-testid="profile-name"]'))
    names.push(await element.getText());
  assert.deepEqual(names.sort(), profiles.map((p) => p.name).sort());
  assert.match(await (await app.byTestId("account-name")).getText(), /Demo/);
});

test("a Telnyx that cannot be reached is reported in plain words", async (t) => {
  const app = await launchApp(t);
  await (await app.byTestId("try-demo")).click();
  await app.numbersLoaded();

  await app.admin("POST", "/listener/stop");
  await (await app.byTestId("refresh")).click();

  const notice = await app.byTestId("error-notice");
  const text = await notice.getText();
  assert.match(text, /Cannot reach Telnyx/);
  assert.doesNotMatch(text, /panic|undefined|stack/i);
  await app.screenshot("-error");
});

test("--demo opens the demo account straight away", async (t) => {
  const app = await launchApp(t, { args: ["--demo"] });
  await app.numbersLoaded();
  assert.match(await (await app.byTestId("account-name")).getText(), /Demo/);
});
