// The Numbers screen's list logic, pure: search normalisation, filters, facet counts, sorting and
// health tones. Components only call these; the tests beside this file pin their behaviour.
import {
  type GroupLabel,
  healthThresholds,
  type ListRow,
  type ProfileSummary,
  type ReadinessGroup,
  readinessGroups,
  type Verdict,
  type VerdictLabel,
  verdictCatalogue,
} from "../../lib/ipc";

/** The filters, in the order the panel shows them. `group` is act / wait / ready; `readiness` is
 * the problems (a number counts under each of its problems). */
export const facetKeys = ["group", "readiness", "profile", "type", "country", "tag"] as const;
export type FacetKey = (typeof facetKeys)[number];
export type Filters = Record<FacetKey, readonly string[]>;

export const sortKeys = ["number", "type", "country", "profile", "readiness", "health"] as const;
export type SortKey = (typeof sortKeys)[number];
export type SortDir = "asc" | "desc";
export interface Sort {
  key: SortKey;
  dir: SortDir;
}

/** Facet key of numbers without a profile (profile ids are UUIDs, so it cannot clash). */
export const NO_PROFILE = "unassigned";
/** Facet key of numbers without a country. */
export const UNKNOWN_COUNTRY = "unknown";

export const facetTitles: Record<FacetKey, string> = {
  group: "Readiness",
  readiness: "Problem",
  profile: "Messaging profile",
  type: "Type",
  country: "Country",
  tag: "Tag",
};

/** Every verdict in the backend's precedence order, with its badge words and tone (desk-core's
 * catalogue, from the bindings). */
export const verdicts: readonly VerdictLabel[] = verdictCatalogue;
/** Act, wait, or fine, most pressing first (desk-core's catalogue, from the bindings). */
export const groups: readonly GroupLabel[] = readinessGroups;
/** The groups of "everything that can't text" (Action needed and Waiting), as desk-core says. */
export const cannotTextGroups: readonly ReadinessGroup[] = groups
  .filter((g) => g.cannotText)
  .map((g) => g.key);
const verdictByKey = new Map<string, VerdictLabel>(verdicts.map((v) => [v.key, v]));

/** The words of a verdict (its key when the catalogue lacks it). */
export function verdictLabel(verdict: Verdict): VerdictLabel | undefined {
  return verdictByKey.get(verdict);
}

/** True when the group filter is exactly "everything that can't text". */
export function isCannotText(chosen: readonly string[]): boolean {
  return chosen.length === cannotTextGroups.length && cannotTextGroups.every((g) => chosen.includes(g));
}
const verdictRank = new Map<string, number>(verdicts.map((v, i) => [v.key, i]));

export function emptyFilters(): Filters {
  return { group: [], readiness: [], profile: [], type: [], country: [], tag: [] };
}

/** The values a row has for one facet (a tag facet can have several, or none). */
export function facetValues(row: ListRow, key: FacetKey): readonly string[] {
  switch (key) {
    case "profile":
      return [row.profileId ?? NO_PROFILE];
    case "type":
      return [row.numberType];
    case "country":
      return [row.countryCode ?? UNKNOWN_COUNTRY];
    case "group":
      return [row.group];
    case "readiness":
      // Every problem: a number with two problems counts under both.
      return row.problems;
    case "tag":
      return row.tags;
  }
}

const ANY_DIGIT = /\p{Nd}/u;
const NOT_PLAIN_ASCII = /[^ -~]/;
const NON_DIGITS = /[^0-9]+/g;

/** The value (0–9) of a decimal digit of any script. Unicode keeps every script's digits as one
 * unbroken run of ten, zero first, so the value is the position in its run (some runs follow each
 * other, as the mathematical digits do, hence the remainder). */
function digitValue(char: string): number {
  const code = char.codePointAt(0) ?? 0;
  let back = 0;
  while (back < 60 && ANY_DIGIT.test(String.fromCodePoint(code - back - 1))) back++;
  return back % 10;
}

/** Only the digits of a search, in ASCII: "+1 (212) 555-01" and "1-212-55501" both become
 * "121255501", and digits of other scripts count too (fullwidth "１２１２", Arabic-Indic "٢١٢"). */
export function searchDigits(query: string): string {
  // Most text is plain ASCII (every number the API gives): one regular expression does it.
  if (!NOT_PLAIN_ASCII.test(query)) return query.replace(NON_DIGITS, "");
  let out = "";
  for (const char of query) {
    if (char >= "0" && char <= "9") out += char;
    else if (ANY_DIGIT.test(char)) out += String(digitValue(char));
  }
  return out;
}

/** A row prepared for fast search: its digits computed once. */
export interface Prepared {
  row: ListRow;
  /** The E.164 digits: "447700900000". */
  digits: string;
  /** The digits of the number as shown, in its country's national format: "07700900000". */
  national: string;
  /** The national (significant) number, without calling code or trunk prefix: "7700900000". */
  significant: string;
  text: string;
}

/** The national significant number: the longest tail the E.164 digits and the national form's
 * digits share ("447700900000" and "07700900000" → "7700900000"; "12125550100" and "2125550100"
 * → "2125550100"), so the window needs no table of calling codes or trunk prefixes. */
export function significantDigits(e164: string, national: string): string {
  let n = 0;
  while (
    n < e164.length &&
    n < national.length &&
    e164[e164.length - 1 - n] === national[national.length - 1 - n]
  )
    n++;
  return n === 0 ? e164 : e164.slice(e164.length - n);
}

export function prepare(rows: readonly ListRow[]): Prepared[] {
  return rows.map((row) => {
    const digits = searchDigits(row.phoneNumber);
    const national = searchDigits(row.display);
    return {
      row,
      digits,
      national,
      significant: significantDigits(digits, national),
      text: `${row.profileName ?? ""} ${row.tags.join(" ")}`.toLowerCase(),
    };
  });
}

/** How a row matches a search, best first. */
export const MatchRank = { exact: 0, starts: 1, contains: 2 } as const;
export type MatchRank = (typeof MatchRank)[keyof typeof MatchRank];

/** A compiled search, ranking each row (`null`: no match). Digits, however typed, match the
 * number: the number itself (in E.164, national or national-significant digits) ranks first,
 * then numbers that start with them, then numbers that contain them anywhere. A query without
 * digits matches the profile name or tags. An empty query matches everything. */
export function searchRanker(query: string): (p: Prepared) => MatchRank | null {
  const trimmed = query.trim();
  if (trimmed === "") return () => MatchRank.contains;
  const q = searchDigits(trimmed);
  if (q !== "") {
    return (p) => {
      if (!p.digits.includes(q) && !p.national.includes(q)) return null;
      if (q === p.digits || q === p.national || q === p.significant) return MatchRank.exact;
      if (p.significant.startsWith(q) || p.national.startsWith(q) || p.digits.startsWith(q)) {
        return MatchRank.starts;
      }
      return MatchRank.contains;
    };
  }
  const text = trimmed.toLowerCase();
  return (p) => (p.text.includes(text) ? MatchRank.contains : null);
}

/** Whether a row matches the search at all ({@link searchRanker}). */
export function searchMatcher(query: string): (p: Prepared) => boolean {
  const rank = searchRanker(query);
  return (p) => rank(p) !== null;
}

function passes(row: ListRow, key: FacetKey, chosen: readonly string[]): boolean {
  if (chosen.length === 0) return true;
  return facetValues(row, key).some((v) => chosen.includes(v));
}

export type FacetCountMap = Record<FacetKey, Map<string, number>>;

export interface ListResult {
  /** Rows passing the search and every filter: the number searched for first, then numbers
   * starting with the digits, then the rest ({@link searchRanker}), each in the order given. */
  rows: ListRow[];
  /** For each facet, how many rows each value would show with the search and the *other* filters
   * applied (the usual faceted-search count, so choosing a second value adds rather than empties). */
  counts: FacetCountMap;
}

/** Filters `prepared` (already sorted) and counts the facets in one pass. */
export function applyList(prepared: readonly Prepared[], query: string, filters: Filters): ListResult {
  const rank = searchRanker(query);
  const counts: FacetCountMap = {
    group: new Map(),
    profile: new Map(),
    type: new Map(),
    country: new Map(),
    readiness: new Map(),
    tag: new Map(),
  };
  const active = facetKeys.filter((k) => filters[k].length > 0);
  // One list per rank, joined at the end: a stable order within each.
  const ranked: [ListRow[], ListRow[], ListRow[]] = [[], [], []];
  for (const p of prepared) {
    const r = rank(p);
    if (r === null) continue;
    const row = p.row;
    let failing: FacetKey | null = null;
    let failures = 0;
    for (const key of active) {
      if (!passes(row, key, filters[key])) {
        failures++;
        failing = key;
        if (failures > 1) break;
      }
    }
    if (failures > 1) continue;
    if (failures === 1 && failing) {
      bump(counts[failing], facetValues(row, failing));
      continue;
    }
    ranked[r].push(row);
    for (const key of facetKeys) bump(counts[key], facetValues(row, key));
  }
  const [exact, starts, contains] = ranked;
  const rows = exact.length + starts.length === 0 ? contains : [...exact, ...starts, ...contains];
  return { rows, counts };
}

function bump(map: Map<string, number>, values: readonly string[]): void {
  for (const v of values) map.set(v, (map.get(v) ?? 0) + 1);
}

export interface FacetOption {
  key: string;
  label: string;
  /** For a problem: the group it belongs to (the panel shows the problems under their group). */
  group?: ReadinessGroup;
}

/** The options each filter offers: the three readiness groups; every problem present; every profile
 * of the account (with "No profile"), and every type, country and tag present. Counts come from
 * {@link applyList}. */
export function facetOptions(
  rows: readonly ListRow[],
  profiles: readonly ProfileSummary[],
): Record<FacetKey, FacetOption[]> {
  const types = new Map<string, string>();
  const countries = new Map<string, string>();
  const tags = new Set<string>();
  const missingProfiles = new Set<string>();
  const seenVerdicts = new Set<Verdict>();
  const known = new Set(profiles.map((p) => p.id));
  for (const row of rows) {
    for (const v of row.problems) seenVerdicts.add(v);
    types.set(row.numberType, row.typeLabel);
    countries.set(row.countryCode ?? UNKNOWN_COUNTRY, row.countryName);
    for (const t of row.tags) tags.add(t);
    if (row.profileId && !known.has(row.profileId)) missingProfiles.add(row.profileId);
  }
  const byLabel = (a: FacetOption, b: FacetOption) => a.label.localeCompare(b.label);
  return {
    group: groups.map((g) => ({ key: g.key, label: g.label })),
    // Only the problems some number has (a short list), group by group (Action needed, Waiting,
    // then advice), in precedence order within a group; "ready" itself is a group.
    readiness: groups.flatMap((g) =>
      verdicts
        .filter((v) => v.group === g.key && v.key !== "ready" && seenVerdicts.has(v.key))
        .map((v) => ({ key: v.key, label: v.label, group: v.group })),
    ),
    profile: [
      ...profiles.map((p) => ({ key: p.id, label: p.name })).sort(byLabel),
      { key: NO_PROFILE, label: "No profile" },
      ...[...missingProfiles].map((id) => ({ key: id, label: `Missing profile (${id.slice(0, 8)}…)` })),
    ],
    type: [...types].map(([key, label]) => ({ key, label })).sort(byLabel),
    country: [...countries]
      .map(([key, label]) => ({ key, label: key === UNKNOWN_COUNTRY ? label : `${flag(key)} ${label}` }))
      .sort((a, b) => a.label.replace(/^\S+ /, "").localeCompare(b.label.replace(/^\S+ /, ""))),
    tag: [...tags].sort().map((t) => ({ key: t, label: t })),
  };
}

/** The flag emoji of an ISO 3166 alpha-2 code ("GB" → 🇬🇧); empty for anything else. */
export function flag(code: string | null): string {
  if (!code || !/^[A-Za-z]{2}$/.test(code)) return "";
  const base = 0x1f1e6;
  const upper = code.toUpperCase();
  return String.fromCodePoint(base + upper.charCodeAt(0) - 65, base + upper.charCodeAt(1) - 65);
}

function compareKey(row: ListRow, key: SortKey): string | number {
  switch (key) {
    case "number":
      return row.phoneNumber.replace(/\D+/g, "");
    case "type":
      return row.typeLabel;
    case "country":
      return row.countryName;
    case "profile":
      // Numbers without a profile sort last when ascending.
      return row.profileName ?? "\uffff";
    case "readiness":
      return verdictRank.get(row.verdict) ?? 99;
    case "health":
      return row.health?.successRatio ?? -1;
  }
}

const collator = new Intl.Collator("en");

/** A sorted copy; ties keep the number order so the list never jumps. */
export function sortRows(rows: readonly ListRow[], sort: Sort): ListRow[] {
  const keyed = rows.map((row) => ({ row, k: compareKey(row, sort.key), n: row.phoneNumber }));
  const sign = sort.dir === "asc" ? 1 : -1;
  keyed.sort((a, b) => {
    const c =
      typeof a.k === "number" && typeof b.k === "number"
        ? a.k - b.k
        : sort.key === "number"
          ? cmp(String(a.k), String(b.k))
          : collator.compare(String(a.k), String(b.k));
    if (c !== 0) return c * sign;
    return cmp(a.n, b.n);
  });
  return keyed.map((x) => x.row);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export type HealthTone = "ok" | "warn" | "bad";

/** Under this share delivered, a health bar that is not bad is amber: the list's own hint, not a
 * readiness rule. */
const WARN_BELOW_SUCCESS = 0.8;

function isRatio(x: number | null): x is number {
  return typeof x === "number" && x >= 0 && x <= 1;
}

/** The colour of a number's health bar, judged as readiness judges health
 * (crates/desk-core/src/readiness/health.rs, `judge_health`): nothing to judge (`null`) without
 * messages or with a ratio outside 0–1; "bad" below its success threshold or above its spam
 * threshold, compared as ratios, never as rounded percents. A shared fixture pins the two. */
export function healthTone(health: ListRow["health"]): HealthTone | null {
  if (!health || health.messageCount <= 0) return null;
  const { successRatio, spamRatio } = health;
  if (!isRatio(successRatio) || !isRatio(spamRatio)) return null;
  const { minSuccessRatio, maxSpamRatio } = healthThresholds;
  if (successRatio < minSuccessRatio || spamRatio > maxSpamRatio) return "bad";
  return successRatio < WARN_BELOW_SUCCESS ? "warn" : "ok";
}

/** Why a search shows nothing, naming what narrows it: "Nothing on Support Line or Old Alerts
 * (Messaging profile) and Action needed (Readiness) has “212 555”." */
export function noMatchWords(
  query: string,
  filters: Filters,
  options: Record<FacetKey, readonly FacetOption[]>,
): string {
  const active = facetKeys.filter((k) => filters[k].length > 0);
  const named = active.map((k) => {
    const labels = filters[k].map((v) => options[k].find((o) => o.key === v)?.label ?? v);
    const list = labels.length > 1 ? `${labels.slice(0, -1).join(", ")} or ${labels.at(-1)}` : labels[0];
    return `${list} (${facetTitles[k]})`;
  });
  const q = query.trim();
  if (named.length === 0) return q ? `No number on this account has “${q}” in it. Try other digits.` : "";
  const within = named.join(" and ");
  return q
    ? `No number matching ${within} has “${q}” in it. The filters may hide it: search all numbers instead.`
    : `No number matches ${within}. Clear a filter to see more.`;
}
