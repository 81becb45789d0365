// Page-side security probes: a script inside the real app window tries every way a page has to reach
// a listening loopback server (fetch, XHR, WebSocket, beacon, image, stylesheet, script, frame, form,
// new window, navigation), to run code from text (eval, Function, string timers, inline script), and
// to call plugin commands the window was never granted. A probe is *blocked* only when the page saw
// a failure and the listening server received nothing. Then an account is connected with a known
// fake key, for the reliability report's key-leak scan. Results go to probes.json in
// $RELIABILITY_RESULTS (else the E2E artifacts) for `bash .ci/dev reliability`.
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import { test } from "node:test";
import { freePort, launchApp, startSim } from "./harness.mjs";

/** The fake key the window connects with; the reliability harness scans every file for it. */
const E2E_KEY = "KEYreliabilityE2E0000fake0000key0000probe";
const out =
  process.env.RELIABILITY_RESULTS ?? process.env.E2E_ARTIFACTS ?? path.join(import.meta.dirname, "artifacts");
const results = { probes: [], homes: [], suiteHome: process.env.HOME };
const save = () => writeFileSync(path.join(out, "probes.json"), JSON.stringify(results, null, 2));

/** A loopback server that records the path of every request (and WebSocket upgrade) it receives. */
async function listener(t) {
  const hits = [];
  const server = http.createServer((req, res) => {
    hits.push(req.url);
    res.writeHead(200, { "Content-Type": "text/plain", "Access-Control-Allow-Origin": "*" });
    res.end("reached");
  });
  server.on("upgrade", (req, socket) => {
    hits.push(req.url);
    socket.destroy();
  });
  const port = await freePort();
  await new Promise((resolve) => server.listen(port, "127.0.0.1", resolve));
  t.after(() => server.close());
  return { hits, origin: `http://127.0.0.1:${port}`, port };
}

/** Runs `attempt` (a function of (target, done)) in the page; returns what the page saw. */
async function inPage(app, attempt, target) {
  try {
    return await app.browser.executeAsync(attempt, target);
  } catch (error) {
    return `the driver failed: ${String(error).slice(0, 120)}`;
  }
}

// Each attempt calls done(text): "failed: …" when the page saw the attempt fail. They run inside
// the page, so they are written for the browser (no closures over this file).
const network = [
  [
    "fetch",
    "fetch() a loopback URL",
    (url, done) =>
      fetch(url).then(
        (r) => done(`reached: status ${r.status}`),
        (e) => done(`failed: ${e}`),
      ),
  ],
  [
    "fetch (no-cors)",
    "fetch(url, {mode: 'no-cors'})",
    (url, done) =>
      fetch(url, { mode: "no-cors" }).then(
        () => done("reached (opaque answer)"),
        (e) => done(`failed: ${e}`),
      ),
  ],
  [
    "XHR",
    "XMLHttpRequest GET",
    (url, done) => {
      const x = new XMLHttpRequest();
      x.onload = () => done(`reached: status ${x.status}`);
      x.onerror = () => done("failed: error event");
      try {
        x.open("GET", url);
        x.send();
      } catch (e) {
        done(`failed: ${e}`);
      }
    },
  ],
  [
    "WebSocket",
    "new WebSocket('ws://127.0.0.1:…')",
    (url, done) => {
      try {
        const ws = new WebSocket(url.replace("http://", "ws://"));
        ws.onopen = () => done("reached: open");
        ws.onerror = () => done("failed: error event");
      } catch (e) {
        done(`failed: ${e}`);
      }
    },
  ],
  [
    "beacon",
    "navigator.sendBeacon()",
    (url, done) => {
      try {
        const queued = navigator.sendBeacon(url, "x");
        setTimeout(() => done(queued ? "queued by the page" : "failed: refused"), 800);
      } catch (e) {
        done(`failed: ${e}`);
      }
    },
  ],
  [
    "image",
    "new Image().src",
    (url, done) => {
      const img = new Image();
      img.onload = () => done("reached: loaded");
      img.onerror = () => done("failed: error event");
      img.src = url;
    },
  ],
  [
    "stylesheet",
    "<link rel=stylesheet href>",
    (url, done) => {
      const link = document.createElement("link");
      link.rel = "stylesheet";
      link.href = url;
      link.onload = () => done("reached: loaded");
      link.onerror = () => done("failed: error event");
      document.head.append(link);
    },
  ],
  [
    "script",
    "<script src> from another origin",
    (url, done) => {
      const s = document.createElement("script");
      s.src = url;
      s.onload = () => done("reached: loaded");
      s.onerror = () => done("failed: error event");
      document.head.append(s);
    },
  ],
  [
    "frame",
    "<iframe src>",
    (url, done) => {
      const f = document.createElement("iframe");
      f.src = url;
      document.body.append(f);
      setTimeout(() => {
        let seen = "unknown";
        try {
          seen = f.contentDocument?.body?.textContent ?? "no document";
        } catch (e) {
          seen = `cross-origin (${e.name})`;
        }
        f.remove();
        done(seen.includes("reached") ? "reached: frame loaded" : `failed: frame shows ${seen || "nothing"}`);
      }, 1200);
    },
  ],
  [
    "form",
    "<form action method=post> submitted",
    (url, done) => {
      const form = document.createElement("form");
      form.action = url;
      form.method = "post";
      form.target = "probe-sink";
      const sink = document.createElement("iframe");
      sink.name = "probe-sink";
      document.body.append(sink, form);
      try {
        form.submit();
      } catch (e) {
        done(`failed: ${e}`);
        return;
      }
      setTimeout(() => {
        form.remove();
        sink.remove();
        done("submitted by the page");
      }, 1200);
    },
  ],
  [
    "new window",
    "window.open()",
    (url, done) => {
      let w = null;
      try {
        w = window.open(url, "_blank");
      } catch (e) {
        done(`failed: ${e}`);
        return;
      }
      setTimeout(() => done(w ? "a window object came back" : "failed: no window"), 1200);
    },
  ],
];

const code = [
  [
    "eval",
    "eval('6*7')",
    (_, done) => {
      try {
        // biome-ignore lint/security/noGlobalEval: the probe is that the page's policy refuses eval.
        done(`ran: ${eval("6*7")}`);
      } catch (e) {
        done(`failed: ${e}`);
      }
    },
  ],
  [
    "eval (Function)",
    "new Function('return 6*7')()",
    (_, done) => {
      try {
        done(`ran: ${new Function("return 6*7")()}`);
      } catch (e) {
        done(`failed: ${e}`);
      }
    },
  ],
  [
    "eval (string timer)",
    "setTimeout('window.__probe = 1')",
    (_, done) => {
      window.__probe = 0;
      try {
        setTimeout("window.__probe = 1", 0);
      } catch (e) {
        done(`failed: ${e}`);
        return;
      }
      setTimeout(() => done(window.__probe === 1 ? "ran" : "failed: did not run"), 300);
    },
  ],
  [
    "inline script",
    "<script> element with text",
    (_, done) => {
      window.__inline = 0;
      const s = document.createElement("script");
      s.textContent = "window.__inline = 1";
      document.body.append(s);
      setTimeout(() => done(window.__inline === 1 ? "ran" : "failed: did not run"), 300);
    },
  ],
  [
    "inline handler",
    "<img onerror=…>",
    (_, done) => {
      window.__handler = 0;
      const holder = document.createElement("div");
      holder.innerHTML = '<img src="data:," onerror="window.__handler = 1">';
      document.body.append(holder);
      setTimeout(() => {
        holder.remove();
        done(window.__handler === 1 ? "ran" : "failed: did not run");
      }, 500);
    },
  ],
];

/** Plugin commands the window's capability (`src-tauri/capabilities/default.json`) does not grant. */
const ungranted = [
  ["plugin:fs|read_text_file", { path: "/etc/passwd" }],
  ["plugin:shell|execute", { program: "sh", args: ["-c", "id"] }],
  ["plugin:shell|open", { path: "https://example.invalid" }],
  ["plugin:opener|open_url", { url: "https://example.invalid" }],
  ["plugin:http|fetch", { clientConfig: { url: "https://example.invalid", method: "GET" } }],
  ["plugin:store|load", { path: "settings.json" }],
  ["plugin:process|restart", {}],
  ["plugin:webview|create_webview_window", { options: { label: "probe", url: "https://example.invalid" } }],
  ["plugin:window|set_title", { label: "main", value: "probed" }],
  ["plugin:window|close", { label: "main" }],
];

test("scripts in the window reach nothing outside the app", async (t) => {
  const sink = await listener(t);
  const app = await launchApp(t, { args: ["--demo"] });
  await app.numbersLoaded();

  const record = (name, attempt, observed, blocked) => {
    results.probes.push({ name, attempt, observed, blocked });
    save();
  };
  for (const [name, attempt, fn] of network) {
    const target = `${sink.origin}/probe-${name.replace(/[^a-z]+/gi, "-")}`;
    const seen = await inPage(app, fn, target);
    await app.browser.pause(300);
    const reached = sink.hits.filter((h) => h.startsWith(new URL(target).pathname));
    record(
      name,
      attempt,
      `${seen}; server received ${reached.length} request(s)`,
      reached.length === 0 && !String(seen).startsWith("reached"),
    );
  }
  for (const [name, attempt, fn] of code) {
    const seen = await inPage(app, fn, "");
    record(name, attempt, seen, String(seen).startsWith("failed"));
  }
  for (const [command, args] of ungranted) {
    const seen = await inPage(
      app,
      (call, done) => {
        const [cmd, payload] = JSON.parse(call);
        try {
          window.__TAURI_INTERNALS__.invoke(cmd, payload).then(
            (v) => done(`allowed: ${JSON.stringify(v)?.slice(0, 80)}`),
            (e) => done(`failed: ${String(e?.message ?? e).slice(0, 140)}`),
          );
        } catch (e) {
          done(`failed: ${e}`);
        }
      },
      JSON.stringify([command, args]),
    );
    record(`plugin command ${command}`, `invoke("${command}")`, seen, String(seen).startsWith("failed"));
  }
  const title = await app.browser.getTitle().catch(() => "window gone");
  assert.equal(title, "Number Desk", "the window is still there with its title");

  // Navigation last: a window that left would take the page with it.
  for (const [name, attempt, go] of [
    ["navigation", "location.href = loopback URL", (url) => window.location.assign(url)],
    [
      "navigation (data:)",
      "location.href = data: page",
      () => window.location.assign("data:text/html,<h1>x</h1>"),
    ],
    [
      "navigation (meta refresh)",
      "<meta http-equiv=refresh>",
      (url) => {
        const m = document.createElement("meta");
        m.httpEquiv = "refresh";
        m.content = `0;url=${url}`;
        document.head.append(m);
      },
    ],
  ]) {
    const target = `${sink.origin}/probe-nav-${results.probes.length}`;
    await app.browser.execute(go, target).catch(() => {});
    await app.browser.pause(1200);
    const still = await app.browser
      .execute(() => ({ origin: location.origin, bridge: typeof window.__TAURI_INTERNALS__ }))
      .catch((e) => ({ origin: `unknown (${e})`, bridge: "?" }));
    const reached = sink.hits.filter((h) => h.startsWith(new URL(target).pathname));
    const stayed = still.origin.startsWith("tauri://") || still.origin.includes("tauri.localhost");
    record(
      name,
      attempt,
      `window at ${still.origin}; server received ${reached.length} request(s)`,
      stayed && reached.length === 0,
    );
  }

  const open = results.probes.filter((p) => !p.blocked);
  assert.deepEqual(open, [], "every probe is blocked");
});

test("an account connected in the window with a known fake key (for the key-leak scan)", async (t) => {
  const sim = await startSim(t, E2E_KEY);
  const app = await launchApp(t);
  results.homes.push(app.home);
  save();
  await (await app.byTestId("connect-account")).click();
  await (await app.byTestId("connect-name")).setValue("Probe");
  await (await app.byTestId("connect-key")).setValue(E2E_KEY);
  await app.browser.execute(() => {
    for (const d of document.querySelectorAll("details")) d.open = true;
  });
  await (await app.byTestId("connect-base-url")).setValue(sim.baseUrl);
  await (await app.byTestId("connect-submit")).click();
  await app.numbersLoaded();
  await (await app.byTestId("nav-settings")).click();
  await app.byTestId("account-row");
  await app.stop();
  results.connected = true;
  save();
});
