// The Numbers screen's layout in the real window: at 900×700 every column that matters is on screen
// without scrolling sideways, the open detail panel never hides the row being looked at, and the
// row's ⋯ menu works from the keyboard (WAI-ARIA menu button).
import assert from "node:assert/strict";
import { test } from "node:test";
import { launchApp } from "./harness.mjs";

/** Opens the demo account at the given window size and waits until the list is loaded. */
async function openNumbers(t, width, height) {
  const app = await launchApp(t, { args: ["--demo"] });
  await app.byTestId("number-grid", 60_000);
  await app.browser.setWindowSize(width, height);
  await app.browser.pause(400);
  return app;
}

/** Where the first rows' key cells sit, and whether the list scrolls sideways. */
function measure() {
  const grid = document.querySelector('[data-testid="number-grid"]');
  const scroller = grid.parentElement;
  const rows = [...document.querySelectorAll('[data-testid="number-row"]')].slice(0, 8);
  const cut = (el) => (el ? el.scrollWidth > el.clientWidth + 1 : false);
  return {
    innerWidth: window.innerWidth,
    gridScroll: scroller.scrollWidth - scroller.clientWidth,
    tableScroll: grid.scrollWidth - grid.clientWidth,
    pageScroll: document.documentElement.scrollWidth - document.documentElement.clientWidth,
    rows: rows.map((row) => {
      const readiness = row.querySelector('[data-testid="row-readiness"]');
      const profile = row.querySelector('[data-testid="row-profile"]');
      const number = row.querySelector(".cell-number");
      const menu = row.querySelector('[data-testid="row-menu"]');
      const badge = readiness.querySelector(".verdict") ?? readiness;
      const box = readiness.getBoundingClientRect();
      return {
        id: row.getAttribute("data-number-id"),
        readinessLeft: box.left,
        readinessRight: box.right,
        profileRight: profile.getBoundingClientRect().right,
        menuRight: menu.getBoundingClientRect().right,
        profileWidth: profile.getBoundingClientRect().width,
        numberCut: cut(number.querySelector(".number-main") ?? number),
        badgeCut: cut(readiness) || cut(badge),
        text: row.textContent,
      };
    }),
  };
}

test("at 900×700 number, profile and readiness are on screen without sideways scrolling", async (t) => {
  const app = await openNumbers(t, 900, 700);
  const m = await app.browser.execute(measure);
  assert.ok(m.rows.length > 0, "rows are shown");
  assert.ok(m.gridScroll <= 1, `the list scrolls sideways by ${m.gridScroll}px`);
  assert.ok(m.pageScroll <= 1, `the page scrolls sideways by ${m.pageScroll}px`);
  for (const row of m.rows) {
    assert.ok(row.readinessRight <= m.innerWidth, `readiness of ${row.id} ends at ${row.readinessRight}`);
    assert.ok(row.profileRight <= m.innerWidth, `profile of ${row.id} ends at ${row.profileRight}`);
    assert.ok(row.menuRight <= m.innerWidth, `⋯ of ${row.id} ends at ${row.menuRight}`);
    assert.ok(row.profileWidth >= 80, `profile of ${row.id} is only ${row.profileWidth}px wide`);
    assert.ok(!row.numberCut, `the number of ${row.id} is cut off`);
    assert.ok(!row.badgeCut, `the readiness badge of ${row.id} is cut off`);
  }
  // The filters are still reachable: a toggle opens them, Escape closes them again. The longest
  // readiness label is shown whole too.
  const toggle = await app.byTestId("filters-toggle");
  await toggle.click();
  const longest = "filter-readiness-needsTollFreeVerification";
  await (await app.byTestId(longest)).click();
  await app.browser.waitUntil(async () => {
    const badges = await app.browser.$$('[data-testid="row-readiness"]');
    const text = badges.length > 0 ? await badges[0].getText() : "";
    // The badge may add how many more problems the number has ("… +1").
    return text.replace(/\s+/g, " ").startsWith("Needs toll-free verification");
  });
  await app.browser.keys("Escape");
  await app.browser.waitUntil(
    async () => !(await (await app.browser.$(`[data-testid="${longest}"]`)).isDisplayed()),
    {
      timeoutMsg: "Escape closes the filters",
    },
  );
  for (const row of (await app.browser.execute(measure)).rows)
    assert.ok(!row.badgeCut, `the readiness badge of ${row.id} is cut off`);
  assert.equal(
    await app.browser.execute(() => document.activeElement?.getAttribute("data-testid")),
    "filters-toggle",
  );
  await app.screenshot("-900");
});

test("at 1280×800 the number and its readiness are shown in full", async (t) => {
  const app = await openNumbers(t, 1280, 800);
  const m = await app.browser.execute(measure);
  assert.ok(m.gridScroll <= 1, `the list scrolls sideways by ${m.gridScroll}px`);
  for (const row of m.rows) {
    assert.ok(!row.numberCut, `the number of ${row.id} is cut off`);
    assert.ok(!row.badgeCut, `the readiness badge of ${row.id} is cut off`);
  }
});

/** The centre of the open row's readiness badge, and whether the panel covers it. */
function openRowCovered() {
  const row = document.querySelector('[data-testid="number-row"][aria-selected="true"]');
  if (!row) return { error: "no open row" };
  const badge = row.querySelector('[data-testid="row-readiness"] .verdict');
  const number = row.querySelector(".cell-number");
  const hit = (el) => {
    const box = el.getBoundingClientRect();
    const x = box.left + box.width / 2;
    const y = box.top + box.height / 2;
    const top = document.elementFromPoint(x, y);
    return {
      x,
      y,
      inside: Boolean(top && row.contains(top)),
      what: top ? `${top.tagName.toLowerCase()}.${top.className}` : "nothing",
    };
  };
  return { badge: hit(badge), number: hit(number) };
}

test("the open detail panel does not cover the open row", async (t) => {
  const app = await openNumbers(t, 1280, 800);
  const rows = await app.browser.$$('[data-testid="number-row"]');
  await rows[1].click();
  await app.byTestId("detail-panel");
  await app.browser.pause(300);
  const wide = await app.browser.execute(openRowCovered);
  assert.ok(!wide.error, wide.error);
  assert.ok(wide.badge.inside, `at 1280×800 the readiness badge is covered by ${wide.badge.what}`);
  assert.ok(wide.number.inside, `at 1280×800 the number is covered by ${wide.number.what}`);
  // Focus went into the panel.
  assert.ok(
    await app.browser.execute(() =>
      document.querySelector('[data-testid="detail-panel"]')?.contains(document.activeElement),
    ),
    "focus is in the panel",
  );
  await app.screenshot("-split");

  await app.browser.setWindowSize(900, 700);
  await app.browser.pause(400);
  const narrow = await app.browser.execute(openRowCovered);
  assert.ok(narrow.number.inside, `at 900×700 the open number is covered by ${narrow.number.what}`);
  await app.screenshot("-drawer");
  await app.byTestId("detail-close");

  // Escape closes the panel and focus goes back to the list.
  await app.browser.execute(() => document.getElementById("detail-title")?.focus());
  await app.browser.keys("Escape");
  await app.browser.waitUntil(
    async () => !(await (await app.browser.$('[data-testid="detail-panel"]')).isExisting()),
    { timeoutMsg: "Escape closes the panel" },
  );
  assert.equal(
    await app.browser.execute(() => document.activeElement?.getAttribute("data-testid")),
    "number-grid",
  );
});

test("the row menu is a keyboard menu: arrows move, Escape closes and returns to ⋯", async (t) => {
  const app = await openNumbers(t, 1280, 800);
  await app.byTestId("row-menu");
  const rowId = await app.browser.execute(() =>
    document.querySelector('[data-testid="row-menu"]')?.closest("tr")?.getAttribute("data-number-id"),
  );
  // Opened from the keyboard: ⋯ focused, Enter.
  await app.browser.execute(() => document.querySelector('[data-testid="row-menu"]')?.focus());
  await app.browser.keys("Enter");
  await app.byTestId("menu-details");
  const focused = () => app.browser.execute(() => document.activeElement?.getAttribute("data-testid"));
  assert.equal(await focused(), "menu-details", "the first item has focus");
  await app.browser.keys("ArrowDown");
  assert.equal(await focused(), "menu-assign", "ArrowDown moves to the second item");
  await app.browser.keys("ArrowUp");
  await app.browser.keys("ArrowUp");
  const last = await app.browser.execute(
    () => [...document.querySelectorAll('[role="menuitem"]')].pop()?.getAttribute("data-testid") ?? "",
  );
  assert.equal(await focused(), last, "ArrowUp from the first item wraps to the last");
  await app.browser.keys("Home");
  assert.equal(await focused(), "menu-details", "Home goes to the first item");
  await app.browser.keys("Escape");
  await app.browser.waitUntil(async () => !(await (await app.browser.$('[role="menu"]')).isExisting()), {
    timeoutMsg: "Escape closes the menu",
  });
  const back = await app.browser.execute(() => ({
    id: document.activeElement?.getAttribute("data-testid"),
    row: document.activeElement?.closest("tr")?.getAttribute("data-number-id"),
    expanded: document.activeElement?.getAttribute("aria-expanded"),
  }));
  assert.deepEqual(back, { id: "row-menu", row: rowId, expanded: "false" });

  // Enter on an item activates it; a click opens the menu too.
  await (await app.byTestId("row-menu")).click();
  await app.byTestId("menu-details");
  await app.browser.keys("Enter");
  await app.byTestId("detail-panel");
});
