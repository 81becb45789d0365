// Accessibility in the real window: axe-core (WCAG 2 A and AA rules, colour contrast included) on
// every screen and every dialog, in the light and the dark theme. Any serious or critical finding
// fails the test, listed with the element it is about.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { test } from "node:test";
import { confirmAndOpenInActivity, openEnableFix } from "./flows.mjs";
import { launchApp } from "./harness.mjs";

const require = createRequire(new URL("../../ui/package.json", import.meta.url));
const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

/** Runs axe on the page; returns the serious and critical violations in words. */
async function audit(app, where) {
  const hasAxe = await app.browser.execute(() => typeof window.axe !== "undefined");
  if (!hasAxe) await app.browser.execute(axeSource);
  const result = await app.browser.executeAsync((done) => {
    window.axe
      .run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } })
      .then((r) =>
        done(
          r.violations
            .filter((v) => v.impact === "serious" || v.impact === "critical")
            .map((v) => ({
              id: v.id,
              impact: v.impact,
              help: v.help,
              nodes: v.nodes.slice(0, 5).map((n) => `${n.target.join(" ")}: ${n.failureSummary}`),
            })),
        ),
      )
      .catch((e) => done([{ id: "axe-error", impact: "critical", help: String(e), nodes: [] }]));
  });
  return result.map((v) => `${where}: [${v.impact}] ${v.id} — ${v.help}\n    ${v.nodes.join("\n    ")}`);
}

async function setTheme(app, theme) {
  await app.browser.execute((value) => document.documentElement.setAttribute("data-theme", value), theme);
  await app.browser.pause(100);
}

test("every screen and dialog has no serious or critical accessibility finding, in both themes", async (t) => {
  const app = await launchApp(t, { args: ["--demo"] });
  await app.numbersLoaded();
  const findings = [];
  for (const theme of ["light", "dark"]) {
    await setTheme(app, theme);
    for (const screen of ["numbers", "assign", "troubleshoot", "activity", "settings"]) {
      await (await app.byTestId(`nav-${screen}`)).click();
      await app.browser.pause(400);
      findings.push(...(await audit(app, `${screen} (${theme})`)));
    }

    // The Numbers screen's detail panel and its change dialog.
    await (await app.byTestId("nav-numbers")).click();
    await app.byTestId("number-grid");
    const firstRow = await app.browser.$('[data-testid="number-row"]');
    await firstRow.click();
    await app.byTestId("detail-assign");
    findings.push(...(await audit(app, `detail panel (${theme})`)));
    await (await app.byTestId("detail-assign")).click();
    await app.byTestId("change-dialog");
    findings.push(...(await audit(app, `change dialog (${theme})`)));
    await (await app.byTestId("change-cancel")).click();
    await app.browser.keys("Escape");

    // The Assign board's Move to… menu and the change preview.
    await (await app.byTestId("nav-assign")).click();
    await (await app.byTestId("board-row")).click();
    await (await app.byTestId("move-to")).click();
    await app.byTestId("move-to-menu");
    findings.push(...(await audit(app, `Move to… menu (${theme})`)));
    await app.browser.keys("Enter");
    const dialog = await app.byTestId("job-dialog");
    await app.browser.waitUntil(async () => (await dialog.getAttribute("data-stage")) === "preview");
    await app.browser.execute(() => {
      for (const d of document.querySelectorAll("details")) d.open = true;
    });
    findings.push(...(await audit(app, `change preview (${theme})`)));
    await (await app.byTestId("job-cancel")).click();
  }

  // A profile fix from Troubleshoot, then Activity with it opened and its Undo confirmation.
  await openEnableFix(app);
  for (const theme of ["light", "dark"]) {
    await setTheme(app, theme);
    findings.push(...(await audit(app, `profile fix dialog (${theme})`)));
  }
  const item = await confirmAndOpenInActivity(app);
  await (await item.$('[data-testid="activity-undo"]')).click();
  await app.byTestId("profile-undo-words");
  for (const theme of ["light", "dark"]) {
    await setTheme(app, theme);
    findings.push(...(await audit(app, `profile undo confirmation over Activity (${theme})`)));
  }
  await (await app.byTestId("job-cancel")).click();
  for (const theme of ["light", "dark"]) {
    await setTheme(app, theme);
    findings.push(...(await audit(app, `Activity with a profile fix opened (${theme})`)));
  }
  assert.deepEqual(findings, [], `accessibility findings:\n${findings.join("\n")}`);
});
