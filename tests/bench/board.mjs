// The Assign board's responsiveness in the real window: 10,000 numbers (BENCH_NUMBERS) on a
// standalone simulator, a selection of 5,000, then keystrokes in the board's search and frames
// during a pointer drag of the whole selection across the profiles. Run by `bash .ci/dev bench`
// (or, after a build: bash tests/e2e/run.sh tests/bench/board.mjs; E2E_APP picks the build).
//
// Baselines in the same run: the same keystrokes with nothing selected, and the frames of the same
// pointer path over the page while nothing is dragged. The target: keystroke and drag
// frames under 50 ms.
import { randomBytes } from "node:crypto";
import { test } from "node:test";
import { launchApp, startSim } from "../e2e/harness.mjs";

const size = Number(process.env.BENCH_NUMBERS ?? 10_000);
const selected = Math.min(5_000, size);

function median(values) {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** Types `keys` into the board's search one at a time; per key, ms to the next frame. */
function typeTimed(app, keys) {
  return app.browser.executeAsync((keys, done) => {
    const input = document.querySelector('[data-testid="board-search"]');
    const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value").set;
    const out = [];
    let i = 0;
    const next = () => {
      if (i >= keys.length) return done(out);
      const t0 = performance.now();
      setter.call(input, keys[i++]);
      input.dispatchEvent(new Event("input", { bubbles: true }));
      requestAnimationFrame(() => {
        out.push(performance.now() - t0);
        setTimeout(next, 30);
      });
    };
    input.focus();
    next();
  }, keys);
}

/** Records frame-to-frame times until `stopFrames` is called (window.__frames). */
function startFrames(app) {
  return app.browser.execute(() => {
    window.__frames = [];
    window.__framesOn = true;
    let last = performance.now();
    const tick = (now) => {
      window.__frames.push(now - last);
      last = now;
      if (window.__framesOn) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
}
function stopFrames(app) {
  return app.browser.execute(() => {
    window.__framesOn = false;
    return window.__frames.slice(1);
  });
}

async function centre(app, selector, nth = 0) {
  return app.browser.execute(
    (selector, nth) => {
      const r = document.querySelectorAll(selector)[nth].getBoundingClientRect();
      return { x: Math.round(r.x + r.width / 2), y: Math.round(r.y + r.height / 2) };
    },
    selector,
    nth,
  );
}

/** The pointer path from `a` over every target and back, pressed (a drag) or not. */
async function sweep(app, a, targets, pressed) {
  let pointer = app.browser.action("pointer", { parameters: { pointerType: "mouse" } });
  pointer = pointer.move({ x: a.x, y: a.y, origin: "viewport" });
  if (pressed) pointer = pointer.down({ button: 0 });
  pointer = pointer.move({ x: a.x + 12, y: a.y + 4, origin: "viewport" });
  for (let pass = 0; pass < 2; pass++)
    for (const b of targets) {
      pointer = pointer
        .move({ x: Math.round((a.x + b.x) / 2), y: Math.round((a.y + b.y) / 2), origin: "viewport" })
        .move({ x: b.x, y: b.y, origin: "viewport" })
        .pause(40);
    }
  // Back over the list, where a drop changes nothing.
  pointer = pointer.move({ x: a.x, y: a.y, origin: "viewport" }).pause(40);
  if (pressed) pointer = pointer.up({ button: 0 });
  await pointer.perform();
}

test(`assign board at ${size} numbers with ${selected} selected`, { timeout: 900_000 }, async (t) => {
  const key = `KEY${randomBytes(24).toString("hex")}`;
  const sim = await startSim(t, key, ["--size", String(size)]);
  const app = await launchApp(t);
  await (await app.byTestId("connect-account")).click();
  await (await app.byTestId("connect-name")).setValue("Bench");
  await (await app.byTestId("connect-key")).setValue(key);
  await app.browser.execute(() => {
    for (const d of document.querySelectorAll("details")) d.open = true;
  });
  await (await app.byTestId("connect-base-url")).setValue(sim.baseUrl);
  await (await app.byTestId("connect-submit")).click();
  await app.numbersLoaded(120_000);
  await (await app.byTestId("nav-assign")).click();
  await app.byTestId("board-row");

  const keys = ["1", "12", "120", "12", "1", "", "5", "55", "5", ""];
  const idle = await typeTimed(app, keys);

  // Select rows 0..selected-1: click the first, scroll, shift-click the last.
  await (await app.browser.$('[data-testid="board-row"][data-index="0"]')).click();
  await app.browser.execute((n) => {
    const list = document.querySelector('[data-testid="board-list"]');
    list.scrollTop = (n - 1) * 44;
  }, selected);
  const last = await app.browser.$(`[data-testid="board-row"][data-index="${selected - 1}"]`);
  await last.waitForExist({ timeout: 10_000 });
  const clickMs = await app.browser.executeAsync((index, done) => {
    const el = document.querySelector(`[data-testid="board-row"][data-index="${index}"]`);
    const t0 = performance.now();
    el.dispatchEvent(new MouseEvent("click", { bubbles: true, shiftKey: true }));
    requestAnimationFrame(() => done(performance.now() - t0));
  }, selected - 1);
  const count = await (await app.byTestId("selection-count")).getText();
  if (!count.startsWith(`${selected.toLocaleString("en-US")} selected`))
    throw new Error(`expected ${selected} selected, saw "${count}"`);
  const busy = await typeTimed(app, keys);

  // Frames during a drag of the whole selection over every target, and along the same path
  // without a drag (the baseline).
  await app.browser.execute(() => {
    document.querySelector('[data-testid="board-list"]').scrollTop = 0;
  });
  await app.browser.$('[data-testid="board-row"][data-index="0"]').waitForExist({ timeout: 10_000 });
  const a = await centre(app, '[data-testid="board-row"][data-index="0"]');
  const targets = [];
  const n = (await app.browser.$$('[data-testid="board-target"]')).length;
  const height = await app.browser.execute(() => window.innerHeight);
  for (let i = 0; i < n; i++) {
    const c = await centre(app, '[data-testid="board-target"]', i);
    // Targets scrolled out of the profiles column are left out (a pointer cannot reach them).
    if (c.y > 0 && c.y < height - 4) targets.push(c);
  }
  await startFrames(app);
  await sweep(app, a, targets, false);
  const hoverFrames = await stopFrames(app);
  await startFrames(app);
  await sweep(app, a, targets, true);
  const dragFrames = await stopFrames(app);
  const opened = await app.browser.$('[data-testid="job-dialog"]').isExisting();

  const report = {
    numbers: size,
    selected,
    app: process.env.E2E_APP,
    shiftClickSelectMs: +clickMs.toFixed(1),
    keystrokeNoSelectionMedianMs: +median(idle).toFixed(1),
    keystrokeNoSelectionMaxMs: +Math.max(...idle).toFixed(1),
    keystrokeWithSelectionMedianMs: +median(busy).toFixed(1),
    keystrokeWithSelectionMaxMs: +Math.max(...busy).toFixed(1),
    keystrokeSelectionVsNone: +(median(busy) / median(idle)).toFixed(2),
    hoverFrameMedianMs: +median(hoverFrames).toFixed(1),
    hoverFrameMaxMs: +Math.max(...hoverFrames).toFixed(1),
    dragFrameMedianMs: +median(dragFrames).toFixed(1),
    dragFrameMaxMs: +Math.max(...dragFrames).toFixed(1),
    dragFrames: dragFrames.length,
    dragFramesOver50Ms: dragFrames.filter((f) => f > 50).length,
    dragFrameP95Ms: +[...dragFrames].sort((x, y) => x - y)[Math.floor(dragFrames.length * 0.95)].toFixed(1),
    dragVsHoverMedian: +(median(dragFrames) / median(hoverFrames)).toFixed(2),
    dropOverListOpenedPreview: opened,
  };
  console.log(`BENCH ${JSON.stringify(report)}`);
  await app.screenshot("-bench");
});
