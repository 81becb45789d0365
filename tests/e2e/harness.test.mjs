// The harness itself, in the real window: finding an element that the page keeps replacing (as
// React does when a list or a dialog re-renders) never fails a test with "stale element". CI once
// failed a Troubleshoot test that way: WebKitWebDriver found `[data-testid="fix-done"]` and the node
// was gone before its handle was made.
import assert from "node:assert/strict";
import test from "node:test";
import { launchApp } from "./harness.mjs";

test("finding an element the page keeps replacing asks again rather than failing as stale", async (t) => {
  const app = await launchApp(t, { args: ["--demo"] });
  await app.byTestId("account-name");
  // A node replaced in bursts, as a re-rendering list or dialog does: ten replacements as fast as
  // the page's task queue allows (a MessageChannel has no timer clamping), then 25 ms still, for as
  // long as the test runs.
  await app.browser.execute(() => {
    const host = document.createElement("div");
    document.body.append(host);
    const channel = new MessageChannel();
    let n = 0;
    channel.port1.onmessage = () => {
      if (window.__churnStop) return;
      const node = document.createElement("span");
      node.dataset.testid = "churn";
      node.textContent = String(++n);
      host.replaceChildren(node);
      if (n % 10 === 0) setTimeout(() => channel.port2.postMessage(0), 25);
      else channel.port2.postMessage(0);
    };
    channel.port2.postMessage(0);
  });
  t.after(() => app.browser.execute(() => (window.__churnStop = true)).catch(() => {}));

  // The harness's own wait (what failed in CI) and a plain find of every match, 100 times each (without the harness's second ask, the first few fail).
  for (let i = 0; i < 100; i++) {
    const element = await app.byTestId("churn", 5_000);
    assert.ok(element.elementId, "a node was found");
    const all = await app.browser.$$('[data-testid="churn"]');
    assert.ok(all.length <= 1, "one node at a time");
  }
});
