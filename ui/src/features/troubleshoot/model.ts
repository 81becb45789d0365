// The Troubleshoot screen's logic without React: how a check line is shown, which one-click fixes a
// diagnosis offers, what changed between two runs, the number search, and the screen's URL.
import type { Asked, CheckLine, Diagnosis, FixAction, ListRow, Outcome, Symptom } from "../../lib/ipc";
import { symptomCatalogue } from "../../lib/ipc";

export type LineState = "running" | "passed" | "failed" | "couldNotCheck" | "waiting" | "warning" | "skipped";

/** How a check's outcome is shown: its state, icon and words. */
export function lineView(outcome: Outcome): { state: LineState; icon: string; words: string } {
  switch (outcome) {
    case "passed":
      return { state: "passed", icon: "✓", words: "Passed" };
    case "failed":
      return { state: "failed", icon: "✗", words: "Failed" };
    case "waiting":
      return { state: "waiting", icon: "⏳", words: "In progress at Telnyx" };
    case "warning":
      return { state: "warning", icon: "!", words: "Worth a look" };
    case "couldNotCheck":
    case "unknown":
      return { state: "couldNotCheck", icon: "?", words: "Could not check" };
    case "notApplicable":
      return { state: "skipped", icon: "–", words: "Does not apply" };
  }
}

/** The questions of a run with `a` in: a question already listed takes its new state in place. */
export function withAsked(asked: readonly Asked[], a: Asked): Asked[] {
  const i = asked.findIndex((x) => x.question === a.question);
  if (i < 0) return [...asked, a];
  const next = [...asked];
  next[i] = a;
  return next;
}

/** One question of the live checklist, as a line looks. */
export function askView(a: Asked): { state: LineState; icon: string; words: string } {
  switch (a.state) {
    case "asking":
      return { state: "running", icon: "⟳", words: "Asking…" };
    case "answered":
      return { state: "passed", icon: "✓", words: "Answered" };
    case "failed":
      return { state: "couldNotCheck", icon: "?", words: "Could not ask" };
  }
}

/** After a run: "7 questions answered in 0.2 s" (and how many could not be asked). */
export function askedSummary(asked: readonly Asked[]): string {
  if (asked.length === 0) return "";
  const failed = asked.filter((a) => a.state === "failed").length;
  const answered = asked.length - failed;
  const seconds = Math.max(...asked.map((a) => a.atMs)) / 1000;
  const time = seconds < 10 ? seconds.toFixed(1) : Math.round(seconds).toString();
  const n = (k: number) => (k === 1 ? "1 question" : `${k} questions`);
  return failed > 0
    ? `${n(answered)} answered, ${failed} could not be asked, in ${time} s.`
    : `${n(answered)} answered in ${time} s.`;
}

/** A one-click fix a diagnosis offers, with the consequence its confirmation states. */
export interface OfferedFix {
  key: string;
  action: FixAction;
  consequence: string;
  /** The finding it fixes. */
  title: string;
}

export function fixKey(action: FixAction): string {
  switch (action.action) {
    case "assignProfile":
      return `assign:${action.phoneNumberId}`;
    case "enableProfile":
      return `enable:${action.profileId}`;
    case "setWebhookUrl":
      return `webhook:${action.profileId}`;
    case "addDestinationCountry":
      return `country:${action.profileId}:${action.country}`;
  }
}

/** The one-click fixes of a diagnosis's problems and warnings, each once, in findings order. */
export function offeredFixes(diagnosis: Diagnosis): OfferedFix[] {
  const seen = new Set<string>();
  const out: OfferedFix[] = [];
  for (const f of diagnosis.findings) {
    if (f.fix.kind !== "action") continue;
    if (f.severity !== "problem" && f.severity !== "warning") continue;
    const key = fixKey(f.fix.action);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ key, action: f.fix.action, consequence: f.fix.consequence, title: f.title });
  }
  return out;
}

/** The button's words for a fix. */
export function fixLabel(action: FixAction): string {
  switch (action.action) {
    case "assignProfile":
      return "Assign to a profile…";
    case "enableProfile":
      return `Turn on “${action.profileName}”…`;
    case "setWebhookUrl":
      return `Set the webhook URL of “${action.profileName}”…`;
    case "addDestinationCountry":
      return `Allow ${action.country} on “${action.profileName}”…`;
  }
}

export interface CheckChange {
  label: string;
  before: LineState;
  after: LineState;
  /** Better, worse, or different. */
  direction: "better" | "worse" | "other";
}

const rank: Record<LineState, number> = {
  failed: 0,
  couldNotCheck: 1,
  waiting: 2,
  warning: 3,
  running: 4,
  skipped: 5,
  passed: 6,
};

/** What changed between two runs of the checks: the lines whose outcome differs. */
export function changesBetween(before: readonly CheckLine[], after: readonly CheckLine[]): CheckChange[] {
  const out: CheckChange[] = [];
  for (const line of after) {
    const old = before.find((b) => b.name === line.name);
    if (!old) continue;
    const a = lineView(old.outcome).state;
    const b = lineView(line.outcome).state;
    if (a === b) continue;
    const direction = rank[b] > rank[a] ? "better" : rank[b] < rank[a] ? "worse" : "other";
    out.push({ label: line.label, before: a, after: b, direction });
  }
  return out;
}

/** Digits of what was typed, for matching numbers written any way. */
function digits(s: string): string {
  return s.replace(/\D/g, "");
}

/** The account's numbers matching a search (digits in any written form, or a profile name). */
export function matchNumbers(rows: readonly ListRow[], query: string, limit = 8): ListRow[] {
  const q = query.trim().toLowerCase();
  if (!q) return [];
  const d = digits(q);
  const out: ListRow[] = [];
  for (const row of rows) {
    const byDigits = d.length >= 3 && digits(row.phoneNumber).includes(d);
    const byName = d.length === 0 && (row.profileName ?? "").toLowerCase().includes(q);
    if (byDigits || byName) {
      out.push(row);
      if (out.length >= limit) break;
    }
  }
  return out;
}

export function isSymptom(s: string | null): s is Symptom {
  return symptomCatalogue.some((c) => c.symptom === s);
}

/** The screen's state in its URL: `number`, `symptom`, and `view` (`wizard`, `scan`, `codes`). */
export interface TroubleState {
  number: string;
  symptom: Symptom | null;
  view: "wizard" | "scan" | "codes";
  /** For "cannot assign": the profile it was tried to (id) and the error Telnyx gave, if known. */
  profile?: string;
  code?: string;
}

export function readTroubleQuery(query: string): TroubleState {
  const p = new URLSearchParams(query);
  const symptom = p.get("symptom");
  const view = p.get("view");
  const state: TroubleState = {
    number: p.get("number") ?? "",
    symptom: isSymptom(symptom) ? symptom : null,
    view: view === "scan" || view === "codes" ? view : "wizard",
  };
  if (state.symptom === "cannotAssign") {
    if (p.get("profile")) state.profile = p.get("profile") ?? "";
    if (p.get("code")) state.code = p.get("code") ?? "";
  }
  return state;
}

export function writeTroubleQuery(state: TroubleState): string {
  const p = new URLSearchParams();
  if (state.view !== "wizard") p.set("view", state.view);
  if (state.symptom) p.set("symptom", state.symptom);
  if (state.number) p.set("number", state.number);
  if (state.symptom === "cannotAssign") {
    if (state.profile) p.set("profile", state.profile);
    if (state.code) p.set("code", state.code);
  }
  return p.toString();
}

/** The Troubleshoot screen's address for one number (from the Numbers screen). */
export function troubleshootHash(phoneNumber: string): string {
  return `#/troubleshoot?${writeTroubleQuery({ number: phoneNumber, symptom: "check", view: "wizard" })}`;
}
