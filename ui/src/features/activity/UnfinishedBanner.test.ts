import { describe, expect, it } from "vitest";
import type { JobSummary } from "../../lib/ipc";
import { unfinishedWords } from "./UnfinishedBanner";

const counts = { planned: 0, sent: 0, moved: 0, failed: 0, skipped: 0, notSent: 0, confirmed: 0 };
const job = (over: Partial<JobSummary>): JobSummary => ({
  id: "j",
  account: "demo",
  createdAt: "2026-12-02T08:00:00Z",
  who: "Demo account",
  kind: "move",
  state: "running",
  undoes: null,
  counts,
  profileChange: null,
  ...over,
});

describe("unfinishedWords", () => {
  it("counts the numbers of moves left, and names a profile change instead of counting no numbers", () => {
    const move = job({ counts: { ...counts, planned: 3, sent: 2, moved: 5 } });
    const fix = job({
      kind: "profileFix",
      profileChange: {
        profileId: "p",
        profileName: "Old Alerts",
        before: { setting: "enabled", value: false },
        after: { setting: "enabled", value: true },
        state: "sent",
        code: null,
        words: null,
      },
    });
    expect(unfinishedWords([move])).toBe("5 numbers of that change are not finished.");
    expect(unfinishedWords([fix])).toBe("Turn on “Old Alerts”: Telnyx's answer is not known yet.");
    expect(unfinishedWords([move, move, fix])).toBe(
      "10 numbers of 2 changes are not finished. Turn on “Old Alerts”: Telnyx's answer is not known yet.",
    );
  });
});
