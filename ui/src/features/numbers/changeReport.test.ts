import { describe, expect, it } from "vitest";
import type { JobItem } from "../../lib/ipc";
import { changeView, reportView } from "./changeReport";

const subject = "(212) 555-0100";
const lostAnswer = "The connection to Telnyx was lost before its answer arrived.";

describe("reportView", () => {
  it("says the change is made when Telnyx answered", () => {
    const view = reportView(subject, "Support Line", { outcome: { outcome: "made" }, lostAnswer: null });
    expect(view).toEqual({ tone: "done", text: `${subject} is now on Support Line.`, checkAgain: false });
    expect(reportView(subject, null, { outcome: { outcome: "made" }, lostAnswer: null }).text).toBe(
      `${subject} is no longer on a messaging profile.`,
    );
  });

  it("says Telnyx did make the change when the answer was lost but the read shows it", () => {
    const view = reportView(subject, "Support Line", { outcome: { outcome: "madeAfterAll" }, lostAnswer });
    expect(view.tone).toBe("done");
    expect(view.text).toContain("is now on Support Line");
    expect(view.text).toContain("Telnyx did make the change");
    expect(view.text).not.toMatch(/not changed/);
  });

  it("says Telnyx did not make the change only when a read shows it", () => {
    const view = reportView(subject, "Support Line", { outcome: { outcome: "notMade" }, lostAnswer });
    expect(view.tone).toBe("error");
    expect(view.text).toContain("Telnyx did not make the change");
    const checked = reportView(subject, null, { outcome: { outcome: "notMade" }, lostAnswer: null });
    expect(checked.text).toContain("is not off its messaging profile");
  });

  it("never says 'not changed' when the outcome is unknown, and offers to check again", () => {
    const readFailure = "Telnyx's answer to GET /phone_numbers/{id}/messaging arrived cut off.";
    const view = reportView(subject, "Support Line", {
      outcome: { outcome: "unknown", readFailure },
      lostAnswer,
    });
    expect(view).toMatchObject({ tone: "unknown", checkAgain: true });
    expect(view.text).toContain("can't tell whether");
    expect(view.text).not.toContain("/phone_numbers"); // no request paths in what a person reads
    expect(view.text).not.toMatch(/was not changed|is now on/);
  });
});

describe("changeView", () => {
  const plan = {
    target: { kind: "profile" as const, id: "p" },
    targetName: "Front Desk",
    willMove: [],
    alreadyThere: [],
    cannot: [],
    warnings: [
      {
        kind: "stillBlocked" as const,
        count: 1,
        text: "1 number still cannot text: it needs a 10DLC campaign.",
      },
      { kind: "unassignStopsMessaging" as const, count: 1, text: "not shown after the move" },
    ],
    counts: { willMove: 1, alreadyThere: 0, cannot: 0 },
  };
  const item: JobItem = {
    numberId: "n",
    phoneNumber: "+12125550100",
    from: null,
    to: "p",
    state: "moved",
    orderId: null,
    code: null,
    words: null,
    confirmed: true,
    attempts: 1,
  };
  const job = (over: Partial<JobItem>) => ({
    id: "j",
    account: "demo",
    createdAt: "2026-12-02T04:00:00Z",
    who: "Demo account",
    kind: "move" as const,
    state: "finished" as const,
    undoes: null,
    items: [{ ...item, ...over }],
    profileChange: null,
  });

  it("a moved number says so, what still stands in the way, and offers Undo", () => {
    const v = changeView("(212) 555-0100", "Front Desk", { job: job({}), plan, row: null });
    expect(v.tone).toBe("done");
    expect(v.text).toBe(
      "(212) 555-0100 is now on Front Desk. 1 number still cannot text: it needs a 10DLC campaign.",
    );
    expect(v.undo).toBe(true);
  });

  it("a refused number is not changed, with Telnyx's reason; an unsettled one offers Check again", () => {
    const failed = changeView("(212) 555-0100", "Front Desk", {
      job: job({ state: "failed", words: "Telnyx refused it (error 10015)." }),
      plan,
      row: null,
    });
    expect(failed).toMatchObject({ tone: "error", undo: false, checkAgain: false });
    expect(failed.text).toBe("(212) 555-0100 was not changed. Telnyx refused it (error 10015).");
    const open = changeView("(212) 555-0100", "Front Desk", { job: job({ state: "sent" }), plan, row: null });
    expect(open).toMatchObject({ tone: "unknown", checkAgain: true, undo: false });
    expect(open.text).not.toMatch(/was not changed/);
  });
});
