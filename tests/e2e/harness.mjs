// End-to-end harness: launches the real Number Desk window through tauri-driver, gives every app
// its own HOME, talks to the app's demo simulator over loopback, saves a screenshot per test and
// stops every process it started.
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, openSync, writeSync } from "node:fs";
import { createRequire } from "node:module";
import net from "node:net";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const uiRequire = createRequire(path.join(here, "../../ui/package.json"));
const { remote } = await import(pathToFileURL(uiRequire.resolve("webdriverio")).href);

/** The demo simulator's fixed, public key (crates/telnyx-sim: DEMO_API_KEY). Not a secret. */
export const DEMO_API_KEY = "KEYdemo0000NUMBERDESK0000simulator";

const app = process.env.E2E_APP;
const simBinary = process.env.E2E_SIM ?? path.join(here, "../../target/debug/telnyx-sim");
const tmpRoot = process.env.E2E_TMP ?? "/tmp";
const artifacts = process.env.E2E_ARTIFACTS ?? path.join(here, "artifacts");

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function waitForPort(port, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const open = await new Promise((resolve) => {
      const socket = net.connect(port, "127.0.0.1");
      socket.once("connect", () => {
        socket.destroy();
        resolve(true);
      });
      socket.once("error", () => resolve(false));
    });
    if (open) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`nothing listened on 127.0.0.1:${port} within ${timeoutMs} ms`);
}

/**
 * Starts the standalone simulator (a stand-in for api.telnyx.com) with the demo account and `key`
 * as its only accepted API key. Stopped when the test ends.
 */
export async function startSim(t, key, extraArgs = []) {
  const port = await freePort();
  mkdirSync(artifacts, { recursive: true });
  const log = openSync(path.join(artifacts, `${safeName(t.name)}.sim.log`), "a");
  const child = spawn(simBinary, ["--port", String(port), "--api-key", key, ...extraArgs], {
    stdio: ["ignore", log, log],
    detached: true,
  });
  t.after(() => {
    try {
      process.kill(-child.pid, "SIGTERM");
    } catch {}
  });
  await waitForPort(port, 15_000);
  const baseUrl = `http://127.0.0.1:${port}/v2`;
  return {
    baseUrl,
    /** The simulator's loopback admin API (`/_sim/...`). */
    async admin(method, adminPath, body) {
      const response = await fetch(`http://127.0.0.1:${port}/_sim${adminPath}`, {
        method,
        headers: { "Content-Type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      if (!response.ok) throw new Error(`${method} /_sim${adminPath} → ${response.status}`);
      return response.text();
    },
    async get(apiPath) {
      const response = await fetch(`${baseUrl}${apiPath}`, { headers: { Authorization: `Bearer ${key}` } });
      if (!response.ok) throw new Error(`GET ${apiPath} → ${response.status}`);
      return response.json();
    },
  };
}

/** Max bytes kept of one test's app log: tauri-driver 2.1 prints a line per failed accept in a
 * busy loop (once seen filling 3.7 GB in two minutes); the rest is read and dropped. */
const LOG_CAP = 20 * 1024 * 1024;

/** A sink for the app's (and its driver's) output, appended to `file` up to {@link LOG_CAP}. */
function cappedLog(file) {
  const fd = openSync(file, "a");
  let kept = 0;
  return (chunk) => {
    if (kept >= LOG_CAP) return;
    const room = LOG_CAP - kept;
    const part = chunk.length > room ? chunk.subarray(0, room) : chunk;
    kept += part.length;
    try {
      writeSync(fd, part);
      if (kept >= LOG_CAP) writeSync(fd, "\n[log cut at 20 MiB]\n");
    } catch {}
  };
}

const isStale = (text) => /stale element/i.test(String(text ?? ""));

/** Runs a WebDriver find again (up to 8 times, 50–400 ms apart) while it throws "stale element"
 * (webdriver throws it; only "no such element" comes back as a value). */
export async function retryStaleFind(find) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await find();
    } catch (error) {
      if (attempt >= 8 || !isStale(error?.message)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50 * attempt));
    }
  }
}

function safeName(text) {
  return text
    .replace(/[^a-z0-9]+/gi, "-")
    .replace(/^-|-$/g, "")
    .toLowerCase();
}

/**
 * Starts the app for test `t`. Options: `home` (reuse a HOME from an earlier launch), `args`,
 * `env` (extra environment). Returns helpers; always call `stop()` (use `t.after`).
 */
export async function launchApp(t, options = {}) {
  const name = safeName(t.name);
  const home = options.home ?? mkdtempSync(path.join(tmpRoot, `home-${name}-`));
  const simPort = options.simPort ?? (await freePort());
  const driverPort = await freePort();
  const nativePort = await freePort();
  mkdirSync(artifacts, { recursive: true });
  const logPath = path.join(artifacts, `${name}.log`);
  const log = cappedLog(logPath);
  const env = {
    ...process.env,
    HOME: home,
    XDG_CONFIG_HOME: path.join(home, ".config"),
    XDG_DATA_HOME: path.join(home, ".local/share"),
    XDG_CACHE_HOME: path.join(home, ".cache"),
    NUMBER_DESK_DEMO_PORT: String(simPort),
    NUMBER_DESK_LOG: "info",
    ...options.env,
  };
  const driver = spawn("tauri-driver", ["--port", String(driverPort), "--native-port", String(nativePort)], {
    env,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  driver.stdout.on("data", log);
  driver.stderr.on("data", log);
  let stopped = false;
  const killDriver = () => {
    if (stopped) return;
    stopped = true;
    try {
      process.kill(-driver.pid, "SIGTERM");
    } catch {}
    setTimeout(() => {
      try {
        process.kill(-driver.pid, "SIGKILL");
      } catch {}
    }, 2000).unref();
  };
  let browser;
  try {
    await waitForPort(driverPort, 15_000);
    browser = await remote({
      hostname: "127.0.0.1",
      port: driverPort,
      logLevel: "warn",
      connectionRetryCount: 1,
      capabilities: {
        "tauri:options": { application: app, args: options.args ?? [] },
        "wdio:enforceWebDriverClassic": true,
      },
    });
  } catch (error) {
    killDriver();
    throw error;
  }
  // WebKitWebDriver finds a node and then makes a handle for it in a second step; when React
  // replaces the node in between, the find itself answers "stale element" (seen in CI on
  // `[data-testid="fix-done"]`). webdriverio refetches a stale element for element commands, but not
  // a stale find: ask again, as a person looking a moment later would.
  for (const command of ["findElement", "findElements"]) {
    browser.overwriteCommand(command, (original, ...args) => retryStaleFind(() => original(...args)));
  }

  const simBase = `http://127.0.0.1:${simPort}`;
  const handle = {
    /** The demo simulator's origin (`http://127.0.0.1:PORT`), a loopback page the window must not reach. */
    simBase,
    browser,
    home,
    simPort,
    /** The app's log (stdout and stderr), appended to by every launch of this test. */
    logPath,
    /** Calls the demo simulator's Telnyx API (as Telnyx would be called) and returns the JSON. */
    async sim(method, apiPath, body) {
      const response = await fetch(`${simBase}${apiPath}`, {
        method,
        headers: { Authorization: `Bearer ${DEMO_API_KEY}`, "Content-Type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();
      if (!response.ok) throw new Error(`${method} ${apiPath} → ${response.status}: ${text}`);
      return text ? JSON.parse(text) : null;
    },
    /** Every record of a paginated Telnyx list, following meta.total_pages. */
    async simAll(apiPath) {
      const out = [];
      for (let page = 1; ; page++) {
        const sep = apiPath.includes("?") ? "&" : "?";
        const body = await handle.sim("GET", `${apiPath}${sep}page[number]=${page}&page[size]=250`);
        out.push(...body.data);
        if (page >= body.meta.total_pages) return out;
      }
    },
    /** Calls the simulator's loopback admin API (`/_sim/...`). */
    async admin(method, adminPath, body) {
      const response = await fetch(`${simBase}/_sim${adminPath}`, {
        method,
        headers: { "Content-Type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      if (!response.ok) throw new Error(`${method} /_sim${adminPath} → ${response.status}`);
      return response.text();
    },
    /** Waits for an element by test id and returns it. */
    async byTestId(id, timeout = 30_000) {
      const element = await browser.$(`[data-testid="${id}"]`);
      await element.waitForDisplayed({ timeout, timeoutMsg: `"${id}" did not appear within ${timeout} ms` });
      return element;
    },
    /** Waits until the Numbers screen holds the whole account (not a first look, not loading) and
     * returns the element with the total count. */
    async numbersLoaded(timeout = 60_000) {
      const page = await browser.$('[data-testid="numbers-page"][data-state="loaded"]');
      await page.waitForExist({
        timeout,
        timeoutMsg: `the numbers list did not finish loading within ${timeout} ms`,
      });
      return handle.byTestId("numbers-count", timeout);
    },
    async screenshot(suffix = "") {
      const shot = browser.saveScreenshot(path.join(artifacts, `${name}${suffix}.png`));
      // WebKitWebDriver's screenshot waits for the page's next rendering update. With WebKit's CPU
      // painter (the app's choice without a GPU, as under Xvfb) none comes while nothing on the
      // page changes, and the screenshot would hang for two minutes: make one.
      const nudge = setInterval(() => {
        browser
          .execute(() => {
            document.body.style.outline = document.body.style.outline ? "" : "1px solid transparent";
          })
          .catch(() => {});
      }, 250);
      try {
        await shot;
      } finally {
        clearInterval(nudge);
        await browser.execute(() => document.body.style.removeProperty("outline")).catch(() => {});
      }
    },
    async stop() {
      if (stopped) return;
      try {
        await handle.screenshot();
      } catch {}
      try {
        await browser.deleteSession();
      } catch {}
      killDriver();
    },
  };
  t.after(() => handle.stop());
  return handle;
}
