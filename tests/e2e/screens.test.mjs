// Every screen at 1280×800 and 900×700, light and dark: screenshots for people to look at
// (tests/e2e/artifacts/screens-*.png) and a check that nothing spills out sideways or downwards.
import assert from "node:assert/strict";
import { test } from "node:test";
import { confirmAndOpenInActivity, openEnableFix } from "./flows.mjs";
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
  await openEnableFix(app);
  await confirmAndOpenInActivity(app);
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
