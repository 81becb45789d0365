// Numbers screen benchmark in the real window: a generated account of NUMBER_DESK_DEMO_SIZE numbers
// (default 10,000) with NUMBER_DESK_DEMO_LATENCY_MS of simulated latency (default 80 ms).
// Run under the E2E environment:  bash tests/e2e/run.sh tests/bench/numbers.mjs
// Prints: time to the full list (cold start and refresh), keystroke-to-filtered-list times, and
// the app's memory (PSS summed over its process and every child process, e.g. WebKit's).
import { readdirSync, readFileSync } from "node:fs";
import { test } from "node:test";
import { launchApp } from "../e2e/harness.mjs";

const size = Number(process.env.NUMBER_DESK_DEMO_SIZE ?? 10_000);
const latency = Number(process.env.NUMBER_DESK_DEMO_LATENCY_MS ?? 80);

function median(values) {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function readProc(pid, file) {
  try {
    return readFileSync(`/proc/${pid}/${file}`, "utf8");
  } catch {
    return "";
  }
}

/** PSS in MiB of the app started with `home` and all its descendants. */
function appPssMiB(home) {
  const pids = readdirSync("/proc").filter((d) => /^\d+$/.test(d));
  const parent = new Map();
  for (const pid of pids) {
    const stat = readProc(pid, "stat");
    const ppid = stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1];
    parent.set(pid, ppid);
  }
  const roots = pids.filter(
    (pid) =>
      readProc(pid, "cmdline").split("\0")[0].endsWith("/number-desk") &&
      readProc(pid, "environ").split("\0").includes(`HOME=${home}`),
  );
  const inTree = (pid) => {
    for (let p = pid, hops = 0; p && p !== "0" && hops < 64; p = parent.get(p), hops++)
      if (roots.includes(p)) return true;
    return false;
  };
  let kib = 0;
  const names = [];
  for (const pid of pids.filter(inTree)) {
    const match = /^Pss:\s+(\d+) kB/m.exec(readProc(pid, "smaps_rollup"));
    if (match) {
      kib += Number(match[1]);
      names.push(`${readProc(pid, "comm").trim()} ${Math.round(Number(match[1]) / 1024)} MiB`);
    }
  }
  return { mib: kib / 1024, processes: names };
}

test(`numbers screen at ${size} numbers and ${latency} ms latency`, { timeout: 600_000 }, async (t) => {
  const launched = Date.now();
  const app = await launchApp(t, {
    args: ["--demo"],
    env: { NUMBER_DESK_DEMO_SIZE: String(size), NUMBER_DESK_DEMO_LATENCY_MS: String(latency) },
  });
  const count = async () => Number((await (await app.byTestId("shown-count", 120_000)).getText()).replace(/\D/g, ""));
  await app.browser.waitUntil(async () => (await count()) === size, { timeout: 120_000, interval: 50 });
  const cold = Date.now() - launched;

  // Refresh: from the click to the full list with the button usable again.
  const refreshes = [];
  for (let i = 0; i < 3; i++) {
    const ms = await app.browser.executeAsync((done) => {
      const button = document.querySelector('[data-testid="refresh"]');
      const t0 = performance.now();
      button.click();
      const poll = () => {
        const b = document.querySelector('[data-testid="refresh"]');
        if (b && !b.disabled && performance.now() - t0 > 20) done(performance.now() - t0);
        else setTimeout(poll, 5);
      };
      setTimeout(poll, 5);
    });
    refreshes.push(ms);
  }

  // Keystroke to filtered list: type a query one key at a time; each key is timed from the input
  // event to the next painted frame (the list and counts are rendered synchronously before it).
  const timings = await app.browser.executeAsync((done) => {
    const input = document.querySelector('[data-testid="search"]');
    const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value").set;
    const keys = ["2", "21", "212", "2125", "212", "21", "2", "", "5", "55", "555", "5550", "555", "55", "5", ""];
    const out = [];
    let i = 0;
    const next = () => {
      if (i >= keys.length) return done(out);
      const t0 = performance.now();
      setter.call(input, keys[i++]);
      input.dispatchEvent(new Event("input", { bubbles: true }));
      const sync = performance.now() - t0;
      requestAnimationFrame(() => {
        out.push({ sync, frame: performance.now() - t0 });
        setTimeout(next, 30);
      });
    };
    input.focus();
    next();
  });
  // The same frame wait with nothing changed: what the display itself adds (Xvfb paints slowly).
  const idleFrames = await app.browser.executeAsync((done) => {
    const out = [];
    const next = () => {
      if (out.length >= 10) return done(out);
      const t0 = performance.now();
      requestAnimationFrame(() => {
        out.push(performance.now() - t0);
        setTimeout(next, 30);
      });
    };
    next();
  });
  const memory = appPssMiB(app.home);

  const report = {
    numbers: size,
    latencyMs: latency,
    coldStartToFullListMs: cold,
    refreshToFullListMs: refreshes.map(Math.round),
    keystrokeMedianMs: { toDom: +median(timings.map((x) => x.sync)).toFixed(1), toFrame: +median(timings.map((x) => x.frame)).toFixed(1) },
    idleFrameMedianMs: +median(idleFrames).toFixed(1),
    keystrokeMaxMs: +Math.max(...timings.map((x) => x.frame)).toFixed(1),
    pssMiB: Math.round(memory.mib),
    processes: memory.processes,
  };
  console.log(`BENCH ${JSON.stringify(report)}`);
  await app.screenshot("-bench");
});
