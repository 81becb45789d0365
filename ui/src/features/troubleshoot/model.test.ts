import { describe, expect, it } from "vitest";
import type { Asked, CheckLine, Diagnosis, Finding, ListRow } from "../../lib/ipc";
import {
  askedSummary,
  askView,
  changesBetween,
  lineView,
  matchNumbers,
  offeredFixes,
  readTroubleQuery,
  troubleshootHash,
  withAsked,
  writeTroubleQuery,
} from "./model";

function finding(partial: Partial<Finding>): Finding {
  return {
    code: "profileDisabled",
    severity: "problem",
    title: "t",
    explanation: "e",
    evidence: [],
    fix: { kind: "nothing" },
    answersSymptom: true,
    ...partial,
  };
}

function diagnosis(findings: Finding[]): Diagnosis {
  return { input: "x", phoneNumber: "+12125550109", symptom: "check", summary: "s", checks: [], findings };
}

const enable = {
  kind: "action" as const,
  action: { action: "enableProfile" as const, profileId: "p1", profileName: "Old Alerts" },
  consequence: "Every number on it texts again.",
};

describe("offeredFixes", () => {
  it("offers each one-click fix of a problem or warning once", () => {
    const d = diagnosis([
      finding({ fix: enable, title: "Old Alerts is off" }),
      finding({ fix: enable, code: "recentErrors" }),
      finding({
        severity: "warning",
        fix: {
          kind: "action",
          action: {
            action: "setWebhookUrl",
            profileId: "p2",
            profileName: "Front Desk",
            currentUrl: "http://x",
          },
          consequence: "c",
        },
      }),
      finding({ severity: "advice", fix: { kind: "steps", portalPage: null, steps: ["a"] } }),
      finding({
        severity: "history",
        fix: {
          kind: "action",
          action: { action: "addDestinationCountry", profileId: "p1", profileName: "S", country: "GB" },
          consequence: "c",
        },
      }),
    ]);
    const fixes = offeredFixes(d);
    expect(fixes.map((f) => f.key)).toEqual(["enable:p1", "webhook:p2"]);
    expect(fixes[0]?.consequence).toBe("Every number on it texts again.");
    expect(fixes[0]?.title).toBe("Old Alerts is off");
  });

  it("offers nothing when no finding has an action", () => {
    expect(offeredFixes(diagnosis([finding({ fix: { kind: "wait", what: "w" } })]))).toEqual([]);
  });
});

describe("changesBetween", () => {
  const line = (name: CheckLine["name"], outcome: CheckLine["outcome"]): CheckLine => ({
    name,
    label: name,
    outcome,
    detail: "",
  });
  it("lists only the lines whose state changed, with the direction", () => {
    const before = [line("profileEnabled", "failed"), line("health", "passed"), line("webhook", "passed")];
    const after = [
      line("profileEnabled", "passed"),
      line("health", "passed"),
      line("webhook", "couldNotCheck"),
    ];
    expect(changesBetween(before, after)).toEqual([
      { label: "profileEnabled", before: "failed", after: "passed", direction: "better" },
      { label: "webhook", before: "passed", after: "couldNotCheck", direction: "worse" },
    ]);
  });
  it("treats unknown like could-not-check", () => {
    expect(lineView("unknown").state).toBe("couldNotCheck");
    expect(changesBetween([line("health", "unknown")], [line("health", "couldNotCheck")])).toEqual([]);
  });
});

describe("matchNumbers", () => {
  const row = (phoneNumber: string, profileName: string | null) =>
    ({ id: phoneNumber, phoneNumber, display: phoneNumber, profileName }) as ListRow;
  const rows = [
    row("+12125550100", "Support Line"),
    row("+12125550109", "Old Alerts"),
    row("+18005550100", null),
  ];
  it("matches digits written any way", () => {
    expect(matchNumbers(rows, "(212) 555-0109").map((r) => r.phoneNumber)).toEqual(["+12125550109"]);
    expect(matchNumbers(rows, "5550100").map((r) => r.phoneNumber)).toEqual(["+12125550100", "+18005550100"]);
  });
  it("matches profile names, and nothing for a blank or too short search", () => {
    expect(matchNumbers(rows, "old al").map((r) => r.phoneNumber)).toEqual(["+12125550109"]);
    expect(matchNumbers(rows, "  ")).toEqual([]);
    expect(matchNumbers(rows, "21")).toEqual([]);
  });
  it("stops at the limit", () => {
    expect(matchNumbers(rows, "555", 2)).toHaveLength(2);
  });
});

describe("the screen's URL", () => {
  it("reads what it writes", () => {
    const state = { number: "+1 212 555 0109", symptom: "filtered" as const, view: "wizard" as const };
    expect(readTroubleQuery(writeTroubleQuery(state))).toEqual(state);
    expect(readTroubleQuery("view=scan")).toEqual({ number: "", symptom: null, view: "scan" });
  });
  it("keeps the tried profile and error code for 'cannot assign' only", () => {
    const state = {
      number: "+12125550110",
      symptom: "cannotAssign" as const,
      view: "wizard" as const,
      profile: "p2",
      code: "40305",
    };
    expect(readTroubleQuery(writeTroubleQuery(state))).toEqual(state);
    expect(writeTroubleQuery({ ...state, symptom: "check" })).toBe("symptom=check&number=%2B12125550110");
    expect(readTroubleQuery("symptom=filtered&number=1&profile=p2&code=1")).toEqual({
      number: "1",
      symptom: "filtered",
      view: "wizard",
    });
  });
  it("ignores an unknown symptom or view", () => {
    expect(readTroubleQuery("symptom=bogus&view=nope")).toEqual({
      number: "",
      symptom: null,
      view: "wizard",
    });
  });
  it("links a number from the Numbers screen", () => {
    expect(troubleshootHash("+12125550109")).toBe("#/troubleshoot?symptom=check&number=%2B12125550109");
  });
});

describe("the live questions", () => {
  const asked = (question: Asked["question"], state: Asked["state"], atMs = 10): Asked => ({
    question,
    words: question,
    state,
    why: state === "failed" ? "Telnyx refused it." : null,
    atMs,
  });

  it("keep each question once, in the order first asked, with its latest state", () => {
    let list = withAsked([], asked("messagingSettings", "asking"));
    list = withAsked(list, asked("numberRecord", "asking"));
    list = withAsked(list, asked("messagingSettings", "answered", 90));
    expect(list.map((a) => [a.question, a.state])).toEqual([
      ["messagingSettings", "answered"],
      ["numberRecord", "asking"],
    ]);
    expect(askView(list[1] as Asked)).toMatchObject({ state: "running", words: "Asking…" });
    expect(askView(asked("profile", "failed"))).toMatchObject({
      state: "couldNotCheck",
      words: "Could not ask",
    });
  });

  it("sum up a run: how many answered, how many could not be asked, and how long it took", () => {
    expect(askedSummary([])).toBe("");
    expect(
      askedSummary([asked("messagingSettings", "answered", 95), asked("profile", "answered", 180)]),
    ).toBe("2 questions answered in 0.2 s.");
    expect(askedSummary([asked("messagingSettings", "answered", 95), asked("profile", "failed", 1234)])).toBe(
      "1 question answered, 1 could not be asked, in 1.2 s.",
    );
  });
});
