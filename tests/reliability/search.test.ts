// Hostile search inputs for the reliability report (`bash .ci/dev reliability`): the Numbers
// screen's search (`ui/src/features/numbers/model.ts`) and its URL state (`urlState.ts`), table-driven.
// Each case's input, expectation and observation go to $RELIABILITY_RESULTS/search.json for the
// report; the test also fails on its own when a case does not hold.
// Run: ui/node_modules/.bin/vitest run --config tests/reliability/vitest.config.mjs
import { writeFileSync } from "node:fs";
import path from "node:path";
import type { ListRow } from "../../ui/src/lib/ipc";
import { applyList, emptyFilters, prepare, searchDigits } from "../../ui/src/features/numbers/model";
import {
  defaultListState,
  MAX_QUERY_IN_URL,
  parseListState,
  serializeListState,
} from "../../ui/src/features/numbers/urlState";

function row(id: string, phoneNumber: string, profileName: string | null, tags: string[] = []): ListRow {
  return {
    id,
    phoneNumber,
    display: phoneNumber,
    typeLabel: "Local (long code)",
    numberType: "longCode",
    countryCode: "US",
    countryName: "United States",
    profileId: profileName ? `p-${id}` : null,
    profileName,
    sms: true,
    mms: false,
    health: null,
    tags,
    verdict: "ready",
  } as ListRow;
}

const rows = [
  row("1", "+12125550100", "Support", ["vip"]),
  row("2", "+12125550101", "Sales (East)"),
  row("3", "+18005550102", null, ["a.*b"]),
  row("4", "+447700900123", "Front Desk"),
  row("5", "55501", null),
];
const prepared = prepare(rows);

/** The ids a search shows, and how long it took. */
function search(q: string): { ids: string; ms: number } {
  const started = performance.now();
  const result = applyList(prepared, q, emptyFilters());
  return { ids: result.rows.map((r) => r.id).join(",") || "none", ms: performance.now() - started };
}

interface Case {
  area: string;
  input: string;
  expected: string;
  observed: string;
  pass: boolean;
}
const cases: Case[] = [];

function searchCase(input: string, expectedIds: string, what = "search box") {
  let observed: string;
  let pass: boolean;
  try {
    const { ids, ms } = search(input);
    observed = `rows ${ids} in ${ms.toFixed(1)} ms`;
    pass = ids === expectedIds && ms < 1000;
  } catch (error) {
    observed = `threw ${String(error)}`;
    pass = false;
  }
  cases.push({ area: what, input, expected: `rows ${expectedIds}`, observed, pass });
}

const big = "1".repeat(100_000);
const bigText = "a".repeat(100_000);
searchCase("２１２５５５０１００", "1"); // fullwidth digits
searchCase("٢١٢٥٥٥٠١٠١", "2"); // Arabic-Indic
searchCase("۸۰۰", "3"); // Extended Arabic-Indic (Persian)
searchCase("२१२५५५", "1,2"); // Devanagari
searchCase("+1 (212) 555-0100", "1");
searchCase("\u202E212\u202C", "1,2"); // bidi override around digits
searchCase("2\u200B1\u200B2", "1,2"); // zero-width spaces between digits
searchCase(big, "none", "search box, 100 KB of digits");
searchCase(bigText, "none", "search box, 100 KB of letters");
searchCase(".*", "3", "search box, regex metacharacters"); // only the tag that literally holds ".*"
searchCase("[a-z]+", "none", "search box, regex metacharacters");
searchCase("(East)", "2", "search box, regex metacharacters");
searchCase("^$|\\", "none", "search box, regex metacharacters");
searchCase("\0", "none", "search box, NUL");
searchCase("   ", "1,2,3,4,5", "search box, only spaces");
searchCase("SUPPORT", "1", "search box, case");
searchCase("📞", "none", "search box, emoji");
searchCase("<img src=x onerror=alert()>", "none", "search box, markup");
searchCase("<b>1</b>", "1,2,3,4,5", "search box, markup with a digit"); // digits match anywhere, by design

function urlCase(what: string, input: string, expected: string, check: () => [string, boolean]) {
  let observed: string;
  let pass: boolean;
  try {
    [observed, pass] = check();
  } catch (error) {
    observed = `threw ${String(error)}`;
    pass = false;
  }
  cases.push({ area: `URL state, ${what}`, input, expected, observed, pass });
}

urlCase("100 KB search", `q=${"1".repeat(20)}… (100,000 digits)`, `at most ${MAX_QUERY_IN_URL} chars kept`, () => {
  const state = { ...defaultListState(), q: big };
  const url = serializeListState(state);
  const back = parseListState(`q=${encodeURIComponent(big)}`);
  return [
    `URL ${url.length} chars, parsed q ${back.q.length} chars`,
    url.length <= MAX_QUERY_IN_URL + 2 && back.q.length <= MAX_QUERY_IN_URL,
  ];
});
urlCase("broken escape", "q=%E0%A4%A&sort=%", "parsed, no throw", () => {
  const s = parseListState("q=%E0%A4%A&sort=%");
  return [`q ${JSON.stringify(s.q)}, sort ${s.sort.key}`, s.sort.key === "number"];
});
urlCase("unknown sort", "sort=constructor&dir=__proto__", "default sort", () => {
  const s = parseListState("sort=constructor&dir=__proto__");
  return [`sort ${s.sort.key} ${s.sort.dir}`, s.sort.key === "number" && s.sort.dir === "asc"];
});
urlCase("prototype keys", "__proto__=x&constructor=y&profile=p-1", "filters only from known keys", () => {
  const s = parseListState("__proto__=x&constructor=y&profile=p-1");
  const polluted = ({} as Record<string, unknown>).x !== undefined;
  return [
    `profile ${JSON.stringify(s.filters.profile)}, prototype polluted: ${polluted}`,
    !polluted && s.filters.profile.length === 1,
  ];
});
urlCase("NUL and bidi in q", "q=%00%E2%80%AE212", "kept as text, round-trips", () => {
  const s = parseListState("q=%00%E2%80%AE212");
  const again = parseListState(serializeListState(s));
  return [`q ${JSON.stringify(s.q)}, digits ${searchDigits(s.q)}`, again.q === s.q && searchDigits(s.q) === "212"];
});

test("hostile searches are handled", () => {
  const out = process.env.RELIABILITY_RESULTS;
  if (out) writeFileSync(path.join(out, "search.json"), JSON.stringify(cases, null, 2));
  const failed = cases.filter((c) => !c.pass);
  expect(failed).toEqual([]);
  expect(cases.length).toBeGreaterThanOrEqual(20);
});
