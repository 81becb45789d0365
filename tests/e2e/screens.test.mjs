// Every screen at 1280×800 and 900×700, light and dark: screenshots for people to look at
// (tests/e2e/artifacts/screens-*.png) and a check that nothing spills out sideways or downwards.
import assert from "node:assert/strict";
import { test } from "node:test";
import { launchApp } from "./harness.mjs";

const sizes = [
  [1280, 800],
  [900, 700],
];
const screens = ["numbers", "assign", "troubleshoot", "activity", "settings"];

test("every screen fits the window in both themes", async (t) => {
  const app = await launchApp(t, { args: ["--demo"] });
  await app.numbersLoaded();
  for (const theme of ["light", "dark"]) {
    await app.browser.execute((value) => document.documentElement.setAttribute("data-theme", value), theme);
    for (const [width, height] of sizes) {
      await app.browser.setWindowSize(width, height);
      for (const screen of screens) {
        await (await app.byTestId(`nav-${screen}`)).click();
        await app.browser.pause(300);
        const overflow = await app.browser.execute(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        );
        assert.ok(overflow <= 1, `${screen} at ${width}×${height} (${theme}) is ${overflow}px too wide`);
        // The frame is the window: the document never scrolls (the top bar stays in view).
        const tall = await app.browser.execute(
          () => document.documentElement.scrollHeight - document.documentElement.clientHeight,
        );
        assert.ok(
          tall <= 1,
          `${screen} at ${width}×${height} (${theme}) is ${tall}px taller than the window`,
        );
        await app.screenshot(`-${screen}-${width}x${height}-${theme}`);
      }
    }
  }
});

test("Activity with a profile fix opened fits the window in both themes", async (t) => {
  const app = await launchApp(t, { args: ["--demo"] });
  await app.numbersLoaded();
  // A fix made in Troubleshoot: the demo's disabled profile turned back on.
  await (await app.byTestId("nav-troubleshoot")).click();
  await (await app.byTestId("symptom-check")).click();
  const input = await app.byTestId("number-input");
  await input.setValue("+12125550109");
  await (await app.byTestId("number-check")).click();
  const fix = await app.browser.$('[data-testid="fix-button"][data-fix="enableProfile"]');
  await fix.waitForExist({ timeout: 30_000 });
  await fix.click();
  await (await app.byTestId("fix-confirm")).click();
  await app.byTestId("fix-done");
  await (await app.byTestId("nav-activity")).click();
  const item = await app.browser.$('[data-testid="activity-item"][data-kind="profileFix"]');
  await item.waitForExist({ timeout: 10_000 });
  await (await item.$('[data-testid="activity-open"]')).click();
  await item.$('[data-testid="activity-setting"]').waitForExist();
  for (const theme of ["light", "dark"]) {
    await app.browser.execute((value) => document.documentElement.setAttribute("data-theme", value), theme);
    for (const [width, height] of sizes) {
      await app.browser.setWindowSize(width, height);
      await app.browser.pause(300);
      const overflow = await app.browser.execute(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      assert.ok(overflow <= 1, `activity at ${width}×${height} (${theme}) is ${overflow}px too wide`);
      await app.screenshot(`-activity-fix-${width}x${height}-${theme}`);
    }
  }
});
