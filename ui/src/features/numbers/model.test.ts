import { describe, expect, it } from "vitest";
import healthFixture from "../../lib/fixtures/health.json";
import { healthThresholds, type ListRow, verdictCatalogue } from "../../lib/ipc";
import { rowsOf } from "../../lib/rowColumns";
import {
  applyList,
  cannotTextGroups,
  emptyFilters,
  facetOptions,
  flag,
  healthTone,
  isCannotText,
  NO_PROFILE,
  noMatchWords,
  prepare,
  searchDigits,
  searchMatcher,
  significantDigits,
  sortRows,
} from "./model";

function row(over: Partial<ListRow> & { id: string; phoneNumber: string }): ListRow {
  const verdict = over.verdict ?? "ready";
  const problems = over.problems ?? [verdict];
  // As desk-core groups them: the most pressing group among the problems.
  const order = ["actionNeeded", "waiting", "ready"] as const;
  const group =
    order.find((g) => problems.some((p) => verdictCatalogue.find((v) => v.key === p)?.group === g)) ??
    "ready";
  return {
    display: over.phoneNumber,
    typeLabel: "Local (long code)",
    numberType: "longCode",
    countryCode: "US",
    countryName: "United States",
    profileId: null,
    profileName: null,
    sms: true,
    mms: false,
    health: null,
    tags: [],
    verdict,
    group,
    problems,
    ...over,
  };
}

const rows: ListRow[] = [
  row({ id: "1", phoneNumber: "+12125550100", profileId: "p1", profileName: "Support", tags: ["vip"] }),
  row({
    id: "2",
    phoneNumber: "+18005550101",
    numberType: "tollFree",
    typeLabel: "Toll-free",
    profileId: "p2",
    profileName: "Alerts",
    verdict: "needsTollFreeVerification",
  }),
  row({
    id: "3",
    phoneNumber: "+447700900000",
    countryCode: "GB",
    countryName: "United Kingdom",
    tags: ["vip", "uk"],
    verdict: "noProfile",
    problems: ["noProfile", "tenDlcPending"],
  }),
  row({
    id: "4",
    phoneNumber: "+13035550199",
    profileId: "p1",
    profileName: "Sales",
    verdict: "tenDlcPending",
  }),
];

describe("search", () => {
  it("keeps only digits", () => {
    expect(searchDigits("+1 (212) 555-01")).toBe("121255501");
  });
  it.each([
    ["fullwidth", "１２１２", "1212"],
    ["Arabic-Indic", "٢١٢ ٥٥٥", "212555"],
    ["Eastern Arabic-Indic", "۰۱۲۳۴۵۶۷۸۹", "0123456789"],
    ["Devanagari", "२१२", "212"],
    ["Bengali", "০৯", "09"],
    ["mathematical monospace (the fifth run of ten in a row)", "𝟶𝟷𝟿", "019"],
    ["mixed with ASCII", "+1 (２１２) 5５5", "1212555"],
  ])("reads %s digits as ASCII", (_script, query, digits) => {
    expect(searchDigits(query)).toBe(digits);
  });
  it("finds a number typed in fullwidth digits", () => {
    const all = prepare(rows);
    expect(all.filter(searchMatcher("＋１ ２１２ ５５５")).length).toBe(1);
  });
  it.each([
    ["", 4],
    ["+1 212 555", 1],
    ["1-212-555-0100", 1],
    ["0101", 1],
    ["7700 900", 1],
    ["555", 3],
    ["support", 1],
    ["VIP", 2],
    ["999", 0],
  ])("%j matches %i rows", (query, n) => {
    const match = searchMatcher(query);
    expect(prepare(rows).filter(match)).toHaveLength(n);
  });
});

describe("search order", () => {
  // Displays as desk-core gives them (each country's national format).
  const numbers: ListRow[] = [
    row({ id: "a", phoneNumber: "+12125555501", display: "(212) 555-5501" }),
    row({ id: "gb", phoneNumber: "+447700955501", display: "07700 955501", countryCode: "GB" }),
    row({ id: "sc", phoneNumber: "55501", display: "55501", numberType: "shortCode" }),
    row({ id: "c", phoneNumber: "+13055501234", display: "(305) 550-1234" }),
    row({ id: "sc6", phoneNumber: "555012", display: "555012", numberType: "shortCode" }),
    row({ id: "uk", phoneNumber: "+447700900000", display: "07700 900000", countryCode: "GB" }),
    row({ id: "de", phoneNumber: "+493023125000", display: "030 23125000", countryCode: "DE" }),
  ];
  const order = (query: string) => applyList(prepare(numbers), query, emptyFilters()).rows.map((r) => r.id);

  it("puts the number itself first, then numbers starting with the digits, then the rest in order", () => {
    expect(order("55501")).toEqual(["sc", "sc6", "a", "gb", "c"]);
  });
  it.each([
    ["the national form with its trunk prefix", "07700 900000"],
    ["the national significant number", "7700900000"],
    ["E.164", "+44 7700 900000"],
    ["E.164 in fullwidth digits", "＋４４ ７７００ ９０００００"],
  ])("finds a UK number typed as %s first", (_form, query) => {
    expect(order(query)[0]).toBe("uk");
  });
  it("ranks numbers whose national number starts with the digits before the others", () => {
    expect(order("0770")).toEqual(["gb", "uk"]);
    expect(order("030 231")).toEqual(["de"]);
    expect(order("2125")).toEqual(["a"]);
    expect(order("900000")).toEqual(["uk"]);
    // The short codes start with 555; the others only contain it, though listed first.
    expect(order("555")).toEqual(["sc", "sc6", "a", "gb", "c"]);
  });
  it("keeps the given order when nothing is typed or the search is words", () => {
    expect(order("")).toEqual(numbers.map((r) => r.id));
  });
  it("reads the national significant number from the two forms", () => {
    expect(significantDigits("447700900000", "07700900000")).toBe("7700900000");
    expect(significantDigits("12125550100", "2125550100")).toBe("2125550100");
    expect(significantDigits("55501", "55501")).toBe("55501");
    expect(significantDigits("12125550100", "")).toBe("12125550100");
  });
  it("stays quick on 10,000 rows", () => {
    const many = Array.from({ length: 10_000 }, (_, i) =>
      row({
        id: String(i),
        phoneNumber: `+1212555${String(i).padStart(4, "0")}`,
        display: `(212) 555-${String(i).padStart(4, "0")}`,
      }),
    );
    const prepared = prepare(many);
    const started = performance.now();
    for (const q of ["5", "55", "555", "5550", "55501", "2125550100"]) applyList(prepared, q, emptyFilters());
    const perKeystroke = (performance.now() - started) / 6;
    console.info(`search: ${perKeystroke.toFixed(2)} ms a keystroke on 10,000 rows`);
    expect(applyList(prepared, "2125550100", emptyFilters()).rows[0]?.id).toBe("100");
  });
});

describe("applyList", () => {
  it("combines filters and counts each facet against the others", () => {
    const filters = { ...emptyFilters(), profile: [NO_PROFILE, "p1"], tag: ["vip"] };
    const { rows: shown, counts } = applyList(prepare(rows), "", filters);
    expect(shown.map((r) => r.id)).toEqual(["1", "3"]);
    // Profile counts ignore the profile filter but honour the tag filter.
    expect(counts.profile.get("p1")).toBe(1);
    expect(counts.profile.get(NO_PROFILE)).toBe(1);
    expect(counts.profile.get("p2")).toBeUndefined();
    // Tag counts ignore the tag filter but honour the profile filter.
    expect(counts.tag.get("vip")).toBe(2);
    expect(counts.tag.get("uk")).toBe(1);
    expect(counts.readiness.get("ready")).toBe(1);
  });
  it("counts a number under each of its problems, and finds it under either", () => {
    const { counts } = applyList(prepare(rows), "", emptyFilters());
    expect(counts.readiness.get("noProfile")).toBe(1);
    expect(counts.readiness.get("tenDlcPending")).toBe(2);
    for (const problem of ["noProfile", "tenDlcPending"]) {
      const { rows: shown } = applyList(prepare(rows), "", { ...emptyFilters(), readiness: [problem] });
      expect(shown.map((r) => r.id)).toContain("3");
    }
    // The groups count each number once: together they are the whole list.
    expect(counts.group.get("actionNeeded")).toBe(2);
    expect(counts.group.get("waiting")).toBe(1);
    expect(counts.group.get("ready")).toBe(1);
  });
  it("shows everything that can't text with one filter", () => {
    expect(cannotTextGroups).toEqual(["actionNeeded", "waiting"]);
    expect(isCannotText(["waiting", "actionNeeded"])).toBe(true);
    expect(isCannotText(["waiting"])).toBe(false);
    const { rows: shown, counts } = applyList(prepare(rows), "", {
      ...emptyFilters(),
      group: [...cannotTextGroups],
    });
    expect(shown.map((r) => r.id)).toEqual(["2", "3", "4"]);
    // The group counts ignore the group filter itself.
    expect(counts.group.get("ready")).toBe(1);
  });
  it("applies the search before counting", () => {
    const { rows: shown, counts } = applyList(prepare(rows), "+44", emptyFilters());
    expect(shown).toHaveLength(1);
    expect(counts.country.get("GB")).toBe(1);
    expect(counts.country.get("US")).toBeUndefined();
  });
});

describe("facetOptions", () => {
  it("lists every profile, No profile, the groups and the problems present", () => {
    const options = facetOptions(rows, [
      { id: "p1", name: "Support", enabled: true, hasWebhook: true },
      { id: "p3", name: "Empty", enabled: true, hasWebhook: true },
    ]);
    expect(options.profile.map((o) => o.key)).toEqual(["p3", "p1", NO_PROFILE, "p2"]);
    expect(options.group.map((o) => o.key)).toEqual(["actionNeeded", "waiting", "ready"]);
    // Only the problems some number has, group by group, in precedence order within a group.
    expect(options.readiness).toEqual([
      { key: "noProfile", label: "No profile", group: "actionNeeded" },
      { key: "needsTollFreeVerification", label: "Needs toll-free verification", group: "actionNeeded" },
      { key: "tenDlcPending", label: "10DLC in progress", group: "waiting" },
    ]);
    expect(options.country.map((o) => o.key)).toEqual(["GB", "US"]);
    expect(options.tag.map((o) => o.key)).toEqual(["uk", "vip"]);
    expect(options.readiness.map((o) => o.key)).not.toContain("checking");
  });

  it("offers Couldn't check only while a number has it", () => {
    const first = rows[0];
    if (!first) throw new Error("no rows");
    expect(facetOptions(rows, []).readiness.map((o) => o.key)).not.toContain("unchecked");
    const unchecked = { ...first, verdict: "unchecked" as const, problems: ["unchecked" as const] };
    const options = facetOptions([unchecked, ...rows.slice(1)], []);
    expect(options.readiness.map((o) => o.key)).toContain("unchecked");
    expect(options.readiness.map((o) => o.key)).not.toContain("checking");
  });
});

describe("sortRows", () => {
  it("sorts by readiness precedence and by number for ties", () => {
    const sorted = sortRows(rows, { key: "readiness", dir: "asc" });
    expect(sorted.map((r) => r.id)).toEqual(["3", "4", "2", "1"]);
    expect(sortRows(rows, { key: "readiness", dir: "desc" }).map((r) => r.id)).toEqual(["1", "2", "4", "3"]);
  });
  it("puts numbers without a profile last", () => {
    expect(sortRows(rows, { key: "profile", dir: "asc" }).map((r) => r.id)).toEqual(["2", "4", "1", "3"]);
  });
});

describe("flag", () => {
  it("turns a country code into its flag", () => {
    expect(flag("gb")).toBe("🇬🇧");
    expect(flag(null)).toBe("");
    expect(flag("unknown")).toBe("");
  });
});

describe("healthTone", () => {
  // Written by desk-core's test `the_windows_health_fixture_is_current`: health figures as the list's
  // columns carry them, and how readiness judged the figures Telnyx gave (either side of each
  // threshold, within a rounding of it, on it, no messages, ratios outside 0–1).
  it("calls bad exactly what readiness calls unhealthy, and judges nothing it does not", () => {
    expect(healthFixture.thresholds).toEqual(healthThresholds);
    const rows = rowsOf(healthFixture.columns as unknown as Parameters<typeof rowsOf>[0]);
    expect(rows).toHaveLength(healthFixture.readiness.length);
    const judged = rows.map((row) => {
      const tone = healthTone(row.health);
      return tone === null ? "notJudged" : tone === "bad" ? "unhealthy" : "healthy";
    });
    expect(judged).toEqual(healthFixture.readiness);
  });
  it("is amber under 80% delivered when not bad", () => {
    const health = { successRatio: 0.79, spamRatio: 0.1, messageCount: 5, inboundOutboundRatio: 1 };
    expect(healthTone(health)).toBe("warn");
    expect(healthTone({ ...health, successRatio: 0.8 })).toBe("ok");
    expect(healthTone({ ...health, messageCount: 0 })).toBeNull();
    expect(healthTone(null)).toBeNull();
  });
});

describe("noMatchWords", () => {
  const options = {
    group: [{ key: "actionNeeded", label: "Action needed" }],
    readiness: [],
    profile: [
      { key: "p1", label: "Support Line" },
      { key: "p2", label: "Old Alerts" },
    ],
    type: [],
    country: [],
    tag: [],
  };
  it("names every active filter and the search", () => {
    const filters = { ...emptyFilters(), profile: ["p1", "p2"], group: ["actionNeeded"] };
    expect(noMatchWords("212 555", filters, options)).toBe(
      "No number matching Action needed (Readiness) and Support Line or Old Alerts (Messaging profile) has “212 555” in it. The filters may hide it: search all numbers instead.",
    );
    expect(noMatchWords("", { ...emptyFilters(), profile: ["p1"] }, options)).toBe(
      "No number matches Support Line (Messaging profile). Clear a filter to see more.",
    );
    expect(noMatchWords("999", emptyFilters(), options)).toBe(
      "No number on this account has “999” in it. Try other digits.",
    );
  });
});
