// What to tell a person after changing a number's profile, from the backend's report: made, made
// after all (the answer was lost, a read shows the change), not made, or unknown (offer to check
// again). Never "not changed" when Number Desk cannot tell.
import type { ChangeOutcome, NumberChange } from "../../lib/ipc";

export interface ReportView {
  tone: "done" | "error" | "unknown";
  text: string;
  /** Whether to offer "Check again" (the outcome is still unknown). */
  checkAgain: boolean;
}

/** `profileName`: the target's name, or `null` when the change takes the number off its profile. */
export function reportView(
  subject: string,
  profileName: string | null,
  report: { outcome: ChangeOutcome; lostAnswer: string | null },
): ReportView {
  const made = profileName
    ? `${subject} is now on ${profileName}.`
    : `${subject} is no longer on a messaging profile.`;
  const wanted = profileName ? `on ${profileName}` : "off its messaging profile";
  // The technical "why" of a lost answer stays in the log: the person needs what Telnyx holds.
  switch (report.outcome.outcome) {
    case "made":
      return { tone: "done", text: made, checkAgain: false };
    case "madeAfterAll":
      return {
        tone: "done",
        text: report.lostAnswer
          ? `${made} Telnyx's answer to the change was lost, so Number Desk read the number back: Telnyx did make the change.`
          : `Checked with Telnyx: ${made} The change was made.`,
        checkAgain: false,
      };
    case "notMade":
      return {
        tone: "error",
        text: report.lostAnswer
          ? `${subject} was not changed: Telnyx's answer was lost, and reading the number back shows Telnyx did not make the change. You can try again.`
          : `Checked with Telnyx: ${subject} is not ${wanted}, so the change was not made. You can try again.`,
        checkAgain: false,
      };
    case "unknown":
      return {
        tone: "unknown",
        text: report.lostAnswer
          ? `Number Desk can't tell whether ${subject} was changed: Telnyx's answer to the change was lost, and reading the number back failed too. Check again in a moment, before changing it once more.`
          : `Number Desk can't tell whether ${subject} was changed: reading the number back from Telnyx failed. Check again in a moment.`,
        checkAgain: true,
      };
  }
}

/** Warnings that still matter once the number has moved: what stands in the way of texting. */
const afterMove = new Set(["stillBlocked", "targetDisabled", "targetNoWebhook", "targetWebhookNotHttps"]);

/** What to tell a person after a one-number change made through the runner and journal. */
export function changeView(
  subject: string,
  profileName: string | null,
  change: NumberChange,
): ReportView & { undo: boolean } {
  const item = change.job.items[0];
  if (item?.state === "moved") {
    const made = profileName
      ? `${subject} is now on ${profileName}.`
      : `${subject} is no longer on a messaging profile.`;
    const still = change.plan.warnings.filter((w) => afterMove.has(w.kind)).map((w) => w.text);
    return { tone: "done", text: [made, ...still].join(" "), checkAgain: false, undo: true };
  }
  if (item?.state === "failed") {
    return {
      tone: "error",
      text: `${subject} was not changed. ${item.words ?? "Telnyx did not take the change."}`,
      checkAgain: false,
      undo: false,
    };
  }
  return {
    tone: "unknown",
    text: `Number Desk can't tell whether ${subject} was changed yet. Check again in a moment, before changing it once more.`,
    checkAgain: true,
    undo: false,
  };
}
