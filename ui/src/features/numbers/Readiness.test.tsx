// @vitest-environment jsdom
import { cleanup, render } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import type { ListRow } from "../../lib/ipc";
import { HealthBar, ReadinessBadge } from "./Readiness";

afterEach(cleanup);

function tone(successRatio: number, spamRatio: number, messageCount = 100): string | undefined {
  const health: ListRow["health"] = { successRatio, spamRatio, messageCount, inboundOutboundRatio: 0.5 };
  const { container } = render(<HealthBar health={health} />);
  return container.querySelector(".health-fill")?.className.match(/health-(ok|warn|bad)/)?.[1];
}

describe("HealthBar", () => {
  // Readiness calls a number unhealthy below a 25% success ratio or above a 75% spam ratio,
  // compared as ratios: the bar must agree even where the rounded percents do not show it.
  it("is bad when the ratio is under the threshold but its percent rounds up to it", () => {
    expect(tone(0.246, 0.01)).toBe("bad");
    expect(tone(0.9, 0.754)).toBe("bad");
  });
  it("is not bad exactly at the thresholds, as readiness is not", () => {
    expect(tone(0.25, 0.01)).toBe("warn");
    expect(tone(0.9, 0.75)).toBe("ok");
  });
});

describe("ReadinessBadge", () => {
  it("names the first problem and how many more there are", () => {
    const { container } = render(
      <ReadinessBadge verdict="noProfile" problems={["noProfile", "tenDlcPending"]} />,
    );
    const badge = container.querySelector(".verdict");
    expect(badge?.querySelector(".verdict-more")?.textContent).toBe(" +1");
    expect(badge?.textContent).toContain("No profile");
    // Hovering lists them all; a screen reader hears them all.
    expect(badge?.getAttribute("title")).toBe("No profile · 10DLC in progress");
    expect(badge?.querySelector(".visually-hidden")?.textContent).toBe(", and 10DLC in progress");
  });
  it("is the verdict alone when there is one problem or none", () => {
    const { container } = render(<ReadinessBadge verdict="ready" problems={["ready"]} />);
    expect(container.textContent).toBe("Ready");
    expect(container.querySelector(".verdict-more")).toBeNull();
  });
});
