import { describe, expect, it } from "vitest";
import type { JobItem, Plan, ProfileSettingChange } from "../../lib/ipc";
import {
  canUndo,
  confirmWords,
  itemWords,
  outcomeWords,
  planTitle,
  profileChangeTitle,
  progressWords,
  retryCount,
  summaryOf,
} from "./words";

const counts = { planned: 0, sent: 0, moved: 0, failed: 0, skipped: 0, notSent: 0, confirmed: 0 };
const plan = (willMove: number, alreadyThere = 0, cannot = 0): Plan => ({
  target: { kind: "profile", id: "p" },
  targetName: "Support Line",
  willMove: [],
  alreadyThere: [],
  cannot: [],
  warnings: [],
  counts: { willMove, alreadyThere, cannot },
});

describe("change words", () => {
  it("titles and confirm buttons name the numbers and the target", () => {
    expect(planTitle(plan(40, 1, 1), "move")).toBe("Move 42 numbers to Support Line");
    expect(planTitle(plan(1), "unassign")).toBe("Take 1 number off its profile");
    expect(confirmWords(plan(1204), "move")).toBe("Move 1,204 numbers");
    expect(confirmWords(plan(0, 3), "move")).toBe("Nothing to change");
    expect(confirmWords(plan(2), "undo")).toBe("Undo for 2 numbers");
  });

  it("progress counts and time left", () => {
    expect(
      progressWords({
        jobId: "j",
        total: 1000,
        moved: 120,
        failed: 2,
        remaining: 878,
        secondsLeft: 12.4,
        note: null,
        step: "polled",
      }),
    ).toBe("Moved 120 · Failed 2 · Remaining 878 · about 12 s left");
    expect(
      progressWords({
        jobId: "j",
        total: 10,
        moved: 10,
        failed: 0,
        remaining: 0,
        secondsLeft: 0,
        note: null,
        step: "finished",
      }),
    ).toBe("Moved 10 · Failed 0 · Remaining 0");
  });

  it("outcomes say what did and did not happen", () => {
    expect(
      outcomeWords({
        kind: "move",
        state: "finished",
        counts: { ...counts, moved: 41, confirmed: 41, failed: 1, skipped: 3 },
      }),
    ).toBe("41 numbers moved, each confirmed by Telnyx, 1 failed, 3 skipped.");
    expect(
      outcomeWords({
        kind: "move",
        state: "cancelled",
        counts: { ...counts, moved: 5, confirmed: 4, notSent: 95 },
      }),
    ).toBe("Cancelled. 5 numbers moved, 95 not sent (cancelled).");
    expect(
      outcomeWords({ kind: "undo", state: "finished", counts: { ...counts, moved: 1, confirmed: 1 } }),
    ).toBe("1 number put back, each confirmed by Telnyx.");
  });

  it("undo needs a moved number; retry counts failed and unsent numbers", () => {
    expect(canUndo({ kind: "move", state: "finished", counts: { ...counts, skipped: 3 } })).toBe(false);
    expect(canUndo({ kind: "move", state: "running", counts: { ...counts, moved: 3 } })).toBe(false);
    expect(canUndo({ kind: "move", state: "cancelled", counts: { ...counts, moved: 3 } })).toBe(true);
    expect(
      retryCount({ kind: "move", state: "cancelled", counts: { ...counts, failed: 2, notSent: 5 } }),
    ).toBe(7);
  });

  it("a moved number Telnyx does not yet report on its target says so", () => {
    const item: JobItem = {
      numberId: "1",
      phoneNumber: "+12125550100",
      from: null,
      to: "p",
      state: "moved",
      orderId: null,
      code: null,
      words: null,
      confirmed: false,
      attempts: 1,
    };
    expect(itemWords(item)).toBe("Moved, not yet confirmed by Telnyx");
    expect(itemWords({ ...item, state: "failed", code: "10015" })).toBe("Failed (10015)");
  });
});

describe("summaryOf", () => {
  it("counts a job's numbers by outcome, and the confirmed among the moved", () => {
    const item = (state: JobItem["state"], confirmed: boolean | null): JobItem => ({
      numberId: "n",
      phoneNumber: "+12125550100",
      from: null,
      to: "p",
      state,
      orderId: null,
      code: null,
      words: null,
      confirmed,
      attempts: 1,
    });
    const s = summaryOf({
      id: "j",
      account: "demo",
      createdAt: "2026-12-02T04:00:00Z",
      who: "Demo account",
      kind: "move",
      state: "finished",
      undoes: null,
      items: [item("moved", true), item("moved", false), item("failed", null), item("notSent", null)],
      profileChange: null,
    });
    expect(s).toEqual({
      kind: "move",
      state: "finished",
      counts: { planned: 0, sent: 0, moved: 2, failed: 1, skipped: 0, notSent: 1, confirmed: 1 },
      profileChange: null,
    });
  });
});

describe("profile changes", () => {
  const change = (over: Partial<ProfileSettingChange> = {}): ProfileSettingChange => ({
    profileId: "p1",
    profileName: "Old Alerts",
    before: { setting: "webhookUrl", value: null },
    after: { setting: "webhookUrl", value: "https://hooks.example.com/in" },
    state: "moved",
    code: null,
    words: null,
    ...over,
  });
  const summary = (c: ProfileSettingChange, state: "finished" | "running" = "finished") => ({
    kind: "profileFix" as const,
    state,
    counts,
    profileChange: c,
  });

  it("say what changed, from what to what, and whether Telnyx made it", () => {
    expect(profileChangeTitle(change())).toBe("Set the webhook address of “Old Alerts”");
    expect(outcomeWords(summary(change()))).toBe(
      "Done: no webhook address → https://hooks.example.com/in, confirmed by Telnyx.",
    );
    const on = change({
      before: { setting: "enabled", value: false },
      after: { setting: "enabled", value: true },
    });
    expect(profileChangeTitle(on)).toBe("Turn on “Old Alerts”");
    expect(outcomeWords(summary(on))).toBe("Done: off → on, confirmed by Telnyx.");
    const countries = change({
      before: { setting: "destinations", value: ["US"] },
      after: { setting: "destinations", value: ["US", "GB"] },
    });
    expect(outcomeWords(summary(countries))).toBe("Done: US → US, GB, confirmed by Telnyx.");
    expect(
      outcomeWords(summary(change({ state: "failed", code: "10015", words: "Telnyx refused it." }))),
    ).toBe("Not made: Telnyx refused it. (10015)");
    expect(outcomeWords(summary(change({ state: "sent" }), "running"))).toMatch(
      /^Cut short before it finished/,
    );
  });

  it("can be undone only once made and finished; nothing to retry", () => {
    expect(canUndo(summary(change()))).toBe(true);
    expect(canUndo(summary(change({ state: "failed" })))).toBe(false);
    expect(canUndo(summary(change({ state: "sent" }), "running"))).toBe(false);
    expect(retryCount(summary(change({ state: "failed" })))).toBe(0);
  });
});
