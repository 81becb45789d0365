import { describe, expect, it } from "vitest";
import { reportView } from "./changeReport";

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
