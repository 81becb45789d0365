// Numbers screen benchmark in the real window, against a standalone simulator (a stand-in for
// api.telnyx.com, in its own process so the app's memory is the app's alone) serving a generated
// account of BENCH_NUMBERS numbers (default 10,000) with BENCH_LATENCY_MS per request (default 80).
// Run it with:  bash .ci/dev bench   (or, after a build:  bash tests/e2e/run.sh tests/bench/numbers.mjs;
// E2E_APP picks the build, e.g. target/release/number-desk)
//
// The baseline, measured in the same run against the same simulator: listing every number the way
// the client does (page[size]=250, 8 requests in flight) with plain fetch() from Node — the network
// floor any app showing the list must pay. Prints ratios to it, keystroke-to-list times and the
// app's memory (PSS summed over its process and every child process, e.g. WebKit's; each process
// also split into anonymous memory and file pages) against a blank WebKit window's.
// BENCH_SMAPS_DIR=dir keeps each measured process's /proc/PID/smaps there, for a closer look.

import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { launchApp, startSim } from "../e2e/harness.mjs";

const size = Number(process.env.BENCH_NUMBERS ?? 10_000);
const latency = Number(process.env.BENCH_LATENCY_MS ?? 80);
const concurrency = 8;
/** How many refreshes before the second memory reading (BENCH_REFRESHES, default 3). */
const refreshCount = Number(process.env.BENCH_REFRESHES ?? 3);

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
  return treePssMiB(
    (pid) =>
      readProc(pid, "cmdline").split("\0")[0].endsWith("/number-desk") &&
      readProc(pid, "environ").split("\0").includes(`HOME=${home}`),
  );
}

/** PSS in MiB of the processes `isRoot` picks and all their descendants. */
function treePssMiB(isRoot) {
  const pids = readdirSync("/proc").filter((d) => /^\d+$/.test(d));
  const parent = new Map();
  for (const pid of pids) {
    const stat = readProc(pid, "stat");
    const ppid = stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1];
    parent.set(pid, ppid);
  }
  const roots = pids.filter(isRoot);
  const inTree = (pid) => {
    for (let p = pid, hops = 0; p && p !== "0" && hops < 64; p = parent.get(p), hops++)
      if (roots.includes(p)) return true;
    return false;
  };
  let kib = 0;
  const names = [];
  for (const pid of pids.filter(inTree)) {
    const rollup = readProc(pid, "smaps_rollup");
    const field = (name) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, "m").exec(rollup)?.[1] ?? NaN);
    const pss = field("Pss");
    if (Number.isNaN(pss)) continue;
    kib += pss;
    const comm = readProc(pid, "comm").trim();
    // Anonymous memory (heaps, the JS heap, stacks) apart from file pages (libraries, fonts, ICU).
    const mib = (k) => Math.round(k / 1024);
    names.push(`${comm} ${mib(pss)} MiB (anon ${mib(field("Pss_Anon"))}, file ${mib(field("Pss_File"))})`);
    if (smapsDir && smapsLabel) {
      mkdirSync(smapsDir, { recursive: true });
      writeFileSync(`${smapsDir}/${smapsLabel}-${comm}-${pid}.smaps`, readProc(pid, "smaps"));
    }
  }
  // WebKit processes on the machine outside this tree (another app's): PSS splits a shared
  // library's pages among every process that maps it, so while they run this PSS reads low.
  const others = pids.filter(
    (pid) => !inTree(pid) && /WebKit(Web|Network|GPU)Process/.test(readProc(pid, "cmdline")),
  ).length;
  return { mib: kib / 1024, processes: names, others };
}

/** BENCH_SMAPS_DIR: where to keep each measured process's /proc/PID/smaps, for a closer look. */
const smapsDir = process.env.BENCH_SMAPS_DIR;
let smapsLabel = null;

/**
 * The memory floor: a blank WebKitGTK 4.1 window of the same size (tests/bench/blank_window.py, no
 * app code), with the WebKit environment Number Desk chooses for itself on this machine
 * (src-tauri/src/rendering.rs: JavaScriptCore's small-heap mode; without a GPU render node no GL
 * compositing and no DMA-BUF renderer). Measured alone, before the app starts, 3 s after it loaded,
 * like the app. Returns the PSS of the window's process and its WebKit children.
 */
async function blankWindowPss(width, height) {
  const env = { ...process.env, JSC_forceMiniVMMode: process.env.JSC_forceMiniVMMode ?? "1" };
  const gpu = (() => {
    try {
      return readdirSync("/dev/dri").some((n) => n.startsWith("renderD"));
    } catch {
      return false;
    }
  })();
  if (!gpu && env.WEBKIT_DISABLE_COMPOSITING_MODE === undefined) {
    env.WEBKIT_DISABLE_COMPOSITING_MODE = "1";
    env.WEBKIT_DISABLE_DMABUF_RENDERER ??= "1";
  }
  const script = fileURLToPath(new URL("./blank_window.py", import.meta.url));
  const child = spawn("/usr/bin/python3", [script, String(width), String(height)], {
    env,
    stdio: ["ignore", "pipe", "inherit"],
  });
  try {
    await new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error("the blank WebKit window did not load in 30 s")),
        30_000,
      );
      child.stdout.on("data", (chunk) => {
        if (String(chunk).includes("ready")) {
          clearTimeout(timer);
          resolve();
        }
      });
      child.on("exit", (code) => reject(new Error(`the blank WebKit window exited (${code})`)));
    });
    await new Promise((r) => setTimeout(r, 3000));
    smapsLabel = "blank";
    return treePssMiB((pid) => pid === String(child.pid));
  } finally {
    child.kill("SIGTERM");
    await new Promise((r) => setTimeout(r, 500));
  }
}

/** Lists every number as the client does, from Node: the baseline. Returns milliseconds. */
async function rawListing(sim) {
  const t0 = performance.now();
  const first = await sim.get("/phone_numbers/messaging?page[number]=1&page[size]=250");
  const pages = first.meta.total_pages;
  let next = 2;
  const worker = async () => {
    while (next <= pages) {
      const page = next++;
      await sim.get(`/phone_numbers/messaging?page[number]=${page}&page[size]=250`);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return performance.now() - t0;
}

async function connect(app, key, baseUrl) {
  await (await app.byTestId("connect-account")).click();
  await (await app.byTestId("connect-name")).setValue("Bench");
  await (await app.byTestId("connect-key")).setValue(key);
  await app.browser.execute(() => {
    for (const d of document.querySelectorAll("details")) d.open = true;
  });
  await (await app.byTestId("connect-base-url")).setValue(baseUrl);
}

/** In the window: clicks `selector`, then times until the numbers page holds the whole list. */
function clickAndTime(app, selector) {
  return app.browser.executeAsync((selector, done) => {
    const t0 = performance.now();
    let firstRows = null;
    document.querySelector(selector).click();
    const poll = () => {
      const page = document.querySelector('[data-testid="numbers-page"]');
      if (firstRows === null && document.querySelector('[data-testid="number-row"]'))
        firstRows = performance.now() - t0;
      if (page && page.dataset.state === "loaded" && performance.now() - t0 > 20)
        done({ rows: firstRows, full: performance.now() - t0 });
      else setTimeout(poll, 5);
    };
    setTimeout(poll, 5);
  }, selector);
}

test(`numbers screen at ${size} numbers and ${latency} ms latency`, { timeout: 900_000 }, async (t) => {
  const key = `KEY${randomBytes(24).toString("hex")}`;
  const sim = await startSim(t, key, ["--size", String(size), "--latency-ms", String(latency)]);
  const baselines = [];
  for (let i = 0; i < 3; i++) baselines.push(await rawListing(sim));
  const baseline = Math.min(...baselines);
  // Before the app starts: two WebKit apps at once would split their shared libraries' PSS.
  const blank = await blankWindowPss(1280, 800);

  const app = await launchApp(t);
  await connect(app, key, sim.baseUrl);
  // Connecting checks the key (one request), stores it, then opens Numbers on the new account.
  const opened = await clickAndTime(app, '[data-testid="connect-submit"]');
  const count = async () => Number((await (await app.byTestId("shown-count")).getText()).replace(/\D/g, ""));
  if ((await count()) !== size) throw new Error(`expected ${size} numbers, saw ${await count()}`);
  // The first load's own time, from the Numbers screen asking for the list to the rows decoded in
  // the window (the connect click above also includes checking the key and storing it).
  const openSteps = await app.browser.execute(() =>
    Object.fromEntries(performance.getEntriesByType("measure").map((m) => [m.name, Math.round(m.duration)])),
  );
  // Memory with the list loaded once (and the heap trim after a load done).
  await new Promise((r) => setTimeout(r, 3000));
  smapsLabel = "loaded";
  const memoryLoaded = appPssMiB(app.home);

  // Refresh: from the click to the whole new list on screen, and where the time went (the UI's
  // performance measures: the command round trip, then sorting, options and filtering in the page).
  const refreshes = [];
  const steps = [];
  for (let i = 0; i < refreshCount; i++) {
    await app.browser.execute(() => performance.clearMeasures());
    refreshes.push((await clickAndTime(app, '[data-testid="refresh"]')).full);
    steps.push(
      await app.browser.execute(() =>
        Object.fromEntries(
          performance.getEntriesByType("measure").map((m) => [m.name, Math.round(m.duration)]),
        ),
      ),
    );
  }
  // The app's log line "numbers loaded … ms=N" (plain text: the app colours only a terminal).
  const log = readFileSync(app.logPath, "utf8");
  const backendMs = [...log.matchAll(/numbers loaded.* ms=(\d+)/g)].map((m) => Number(m[1])).slice(-3);

  // Keystroke to filtered list: type a query one key at a time; each key is timed from the input
  // event to the list in the DOM, and to the next frame (after the browser has laid it out).
  const timings = await app.browser.executeAsync((done) => {
    const input = document.querySelector('[data-testid="search"]');
    const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value").set;
    const keys = [
      "2",
      "21",
      "212",
      "2125",
      "212",
      "21",
      "2",
      "",
      "5",
      "55",
      "555",
      "5550",
      "555",
      "55",
      "5",
      "",
    ];
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
  // Memory again after three refreshes and the typing (their garbage may not be collected yet).
  await new Promise((r) => setTimeout(r, 3000));
  smapsLabel = "refreshed";
  const memory = appPssMiB(app.home);

  // The client benchmark's floor (crates/telnyx-client/examples/bench_paging.rs): the first page,
  // then the rest 8 at a time, each a round trip of `latency`, with no time spent on anything else.
  const pages = Math.ceil(size / 250);
  const floor = latency * (1 + Math.ceil((pages - 1) / concurrency));
  // The next start of the app, on the same account: the Numbers screen opens at once and loads
  // the list, expecting the sizes it remembered from the last run (one round trip less).
  await app.stop();
  const again = await launchApp(t, { home: app.home });
  await again.numbersLoaded();
  const restartSteps = await again.browser.execute(() =>
    Object.fromEntries(performance.getEntriesByType("measure").map((m) => [m.name, Math.round(m.duration)])),
  );

  const report = {
    numbers: size,
    latencyMs: latency,
    app: process.env.E2E_APP,
    clientFloorMs: floor,
    baselineMs: Math.round(baseline),
    connectToFirstRowsMs: Math.round(opened.rows),
    connectToFullListMs: Math.round(opened.full),
    refreshToFullListMs: refreshes.map(Math.round),
    refreshVsBaseline: +(Math.min(...refreshes) / baseline).toFixed(2),
    refreshMedianVsBaseline: +(median(refreshes) / baseline).toFixed(2),
    refreshVsClientFloor: +(Math.min(...refreshes) / floor).toFixed(2),
    refreshMedianVsClientFloor: +(median(refreshes) / floor).toFixed(2),
    connectVsClientFloor: +(opened.full / floor).toFixed(2),
    openLoadMs: openSteps["numbers:call"],
    openLoadVsClientFloor: +(openSteps["numbers:call"] / floor).toFixed(2),
    restartLoadMs: restartSteps["numbers:call"],
    restartLoadVsClientFloor: +(restartSteps["numbers:call"] / floor).toFixed(2),
    refreshBackendMs: backendMs,
    refreshSteps: steps,
    keystrokeMedianMs: {
      toDom: +median(timings.map((x) => x.sync)).toFixed(1),
      toFrame: +median(timings.map((x) => x.frame)).toFixed(1),
    },
    keystrokeMaxMs: +Math.max(...timings.map((x) => x.frame)).toFixed(1),
    // Other WebKit processes running while each figure was taken (blank, loaded, after refreshes).
    otherWebKitProcesses: [blank.others, memoryLoaded.others, memory.others],
    blankWindowPssMiB: Math.round(blank.mib),
    blankWindowProcesses: blank.processes,
    pssLoadedVsBlankWindow: +(memoryLoaded.mib / blank.mib).toFixed(2),
    pssAfterRefreshesVsBlankWindow: +(memory.mib / blank.mib).toFixed(2),
    pssMiBLoaded: Math.round(memoryLoaded.mib),
    processesLoaded: memoryLoaded.processes,
    pssMiBAfterRefreshes: Math.round(memory.mib),
    processesAfterRefreshes: memory.processes,
  };
  if (report.otherWebKitProcesses.some((n) => n > 0))
    console.log(
      `BENCH warning: other WebKit processes shared the libraries while measuring (${report.otherWebKitProcesses}): PSS reads low`,
    );
  console.log(`BENCH ${JSON.stringify(report)}`);
  await again.screenshot("-bench");
});
