// Steps several E2E files take on the demo account, as a person would take them in the window.

/** Troubleshoot → Check a number → the demo's number on its disabled profile (+12125550109) →
 * "Turn on…": leaves the fix's confirmation open. */
export async function openEnableFix(app) {
  await (await app.byTestId("nav-troubleshoot")).click();
  await (await app.byTestId("symptom-check")).click();
  await (await app.byTestId("number-input")).setValue("+12125550109");
  await (await app.byTestId("number-check")).click();
  const fix = await app.browser.$('[data-testid="fix-button"][data-fix="enableProfile"]');
  await fix.waitForExist({ timeout: 30_000 });
  await fix.click();
  await app.byTestId("fix-confirm");
}

/** Confirms the open fix, goes to Activity and opens the profile fix there; returns its item. */
export async function confirmAndOpenInActivity(app) {
  await (await app.byTestId("fix-confirm")).click();
  await app.byTestId("fix-done");
  await (await app.byTestId("nav-activity")).click();
  const item = await app.browser.$('[data-testid="activity-item"][data-kind="profileFix"]');
  await item.waitForExist({ timeout: 10_000, timeoutMsg: "Activity does not list the profile fix" });
  await (await item.$('[data-testid="activity-open"]')).click();
  await item.$('[data-testid="activity-setting"]').waitForExist();
  return item;
}
