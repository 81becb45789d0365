// What a change will do, is doing and did, in words: pure functions the job dialog, the Assign
// board and Activity share (tested beside this file).
import type {
  BulkProgress,
  Job,
  JobItem,
  JobKind,
  JobSummary,
  Plan,
  ProfileSetting,
  ProfileSettingChange,
} from "../../lib/ipc";

const countFormat = new Intl.NumberFormat("en-US");

/** "1 number", "1,204 numbers". */
export function numbersWord(n: number): string {
  return n === 1 ? "1 number" : `${countFormat.format(n)} numbers`;
}

/** The preview's title: "Move 42 numbers to Support Line", "Unassign 3 numbers". */
export function planTitle(plan: Plan, kind: JobKind): string {
  const n = plan.counts.willMove + plan.counts.alreadyThere + plan.counts.cannot;
  switch (kind) {
    case "undo":
      return `Undo: put ${numbersWord(plan.counts.willMove)} back where ${plan.counts.willMove === 1 ? "it was" : "they were"}`;
    case "import":
      return `Import ${numbersWord(n)} from a file`;
    case "unassign":
      return `Take ${numbersWord(n)} off ${n === 1 ? "its profile" : "their profiles"}`;
    default:
      return `Move ${numbersWord(n)} to ${plan.targetName ?? "the profile"}`;
  }
}

/** The confirm button's words. */
export function confirmWords(plan: Plan, kind: JobKind): string {
  const n = plan.counts.willMove;
  if (n === 0) return "Nothing to change";
  if (kind === "undo") return `Undo for ${numbersWord(n)}`;
  if (kind === "unassign") return `Unassign ${numbersWord(n)}`;
  return `Move ${numbersWord(n)}`;
}

/** "Moved 120 · Failed 2 · Remaining 878 · about 12 s left". */
export function progressWords(p: BulkProgress): string {
  const parts = [
    `Moved ${countFormat.format(p.moved)}`,
    `Failed ${countFormat.format(p.failed)}`,
    `Remaining ${countFormat.format(p.remaining)}`,
  ];
  if (p.secondsLeft !== null && p.remaining > 0) parts.push(`about ${timeLeft(p.secondsLeft)} left`);
  return parts.join(" · ");
}

/** "12 s", "3 min". */
export function timeLeft(seconds: number): string {
  if (seconds < 60) return `${Math.max(1, Math.round(seconds))} s`;
  return `${Math.round(seconds / 60)} min`;
}

interface Counted {
  kind: JobKind;
  state: JobSummary["state"];
  counts: JobSummary["counts"];
  profileChange?: ProfileSettingChange | null;
}

/** A finished job's numbers counted by outcome (as desk-core's `JobCounts::of` counts them), with
 * its kind and state: what `outcomeWords`, `canUndo` and `retryCount` read. */
export function summaryOf(job: Job): Counted {
  const counts = { planned: 0, sent: 0, moved: 0, failed: 0, skipped: 0, notSent: 0, confirmed: 0 };
  for (const i of job.items) {
    counts[i.state] += 1;
    if (i.confirmed === true) counts.confirmed += 1;
  }
  return { kind: job.kind, state: job.state, counts, profileChange: job.profileChange };
}

/** A profile setting's value in words: "on", "off", "no webhook", the address, the countries. */
export function settingValueWords(s: ProfileSetting): string {
  switch (s.setting) {
    case "enabled":
      return s.value ? "on" : "off";
    case "webhookUrl":
      return s.value ?? "no webhook address";
    case "destinations":
      return s.value.length === 0
        ? "no countries"
        : s.value.includes("*")
          ? "every country"
          : s.value.join(", ");
  }
}

/** What a profile change does, in words: "Turn on “Sales”", "Set the webhook address of “Sales”". */
export function profileChangeTitle(c: ProfileSettingChange): string {
  const name = `“${c.profileName}”`;
  switch (c.after.setting) {
    case "enabled":
      return c.after.value ? `Turn on ${name}` : `Turn off ${name}`;
    case "webhookUrl":
      return c.after.value ? `Set the webhook address of ${name}` : `Remove the webhook address of ${name}`;
    case "destinations":
      return `Change the countries ${name} may text`;
  }
}

/** One sentence of what a profile change came to, with the values before and after. */
export function profileChangeWords(c: ProfileSettingChange, state: JobSummary["state"]): string {
  const values = `${settingValueWords(c.before)} → ${settingValueWords(c.after)}`;
  let text: string;
  switch (c.state) {
    case "moved":
      text = `Done: ${values}, confirmed by Telnyx.`;
      break;
    case "failed":
      text = `Not made: ${c.words ?? "Telnyx refused it."}${c.code ? ` (${c.code})` : ""}`;
      break;
    case "skipped":
      text = `Left as it was: ${c.words ?? ""}`.trim();
      break;
    default:
      text = `Sent (${values}); Telnyx's answer is not known yet.`;
  }
  return state === "running" ? `Cut short before it finished. ${text}` : text;
}

/** One sentence of what a change came to. */
export function outcomeWords(job: Counted): string {
  if (job.profileChange) return profileChangeWords(job.profileChange, job.state);
  const c = job.counts;
  const verb =
    job.kind === "unassign" ? "taken off their profiles" : job.kind === "undo" ? "put back" : "moved";
  const parts: string[] = [];
  const moved = `${numbersWord(c.moved)} ${verb}`;
  parts.push(c.moved > 0 && c.confirmed === c.moved ? `${moved}, each confirmed by Telnyx` : moved);
  if (c.failed > 0) parts.push(`${countFormat.format(c.failed)} failed`);
  if (c.skipped > 0) parts.push(`${countFormat.format(c.skipped)} skipped`);
  if (c.notSent > 0) parts.push(`${countFormat.format(c.notSent)} not sent (cancelled)`);
  const unsettled = c.planned + c.sent;
  if (unsettled > 0) parts.push(`${countFormat.format(unsettled)} not finished`);
  let text = `${parts.join(", ")}.`;
  if (job.state === "cancelled") text = `Cancelled. ${text}`;
  if (job.state === "running") text = `Cut short before it finished. ${text}`;
  return text;
}

/** The kind of a change in words, for Activity. */
export const kindWords: Record<JobKind, string> = {
  move: "Move",
  unassign: "Unassign",
  undo: "Undo",
  import: "Import",
  profileFix: "Profile fix",
};

/** The state of one number of a change, in words. */
export function itemWords(item: JobItem): string {
  switch (item.state) {
    case "moved":
      return item.confirmed === false ? "Moved, not yet confirmed by Telnyx" : "Moved";
    case "failed":
      return item.code ? `Failed (${item.code})` : "Failed";
    case "skipped":
      return "Skipped";
    case "notSent":
      return "Not sent";
    case "planned":
      return "Not sent yet";
    case "sent":
      return "Sent, outcome not known yet";
  }
}

/** Whether a change can be undone: it moved at least one number (or made its profile change) and
 * is not running. */
export function canUndo(job: Counted): boolean {
  if (job.profileChange) return job.profileChange.state === "moved" && job.state !== "running";
  return job.counts.moved > 0 && job.state !== "running";
}

/** How many numbers "Retry failed" would send again. */
export function retryCount(job: Counted): number {
  return job.counts.failed + job.counts.notSent;
}

/** Items in the order a person reads a result: failures first, then the rest as listed. */
export function resultOrder(job: Job): JobItem[] {
  const rank = (i: JobItem) =>
    i.state === "failed" ? 0 : i.state === "notSent" || i.state === "sent" ? 1 : 2;
  return [...job.items].sort((a, b) => rank(a) - rank(b));
}

/** "2 Dec 2026, 04:10" in the computer's time zone. */
export function whenWords(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });
}
