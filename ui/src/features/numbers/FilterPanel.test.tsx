// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { ListRow } from "../../lib/ipc";
import { FilterPanel } from "./FilterPanel";
import { applyList, emptyFilters, type FacetKey, type Filters, facetOptions, prepare } from "./model";

afterEach(cleanup);

function row(
  id: string,
  verdict: ListRow["verdict"],
  group: ListRow["group"],
  problems: ListRow["problems"],
): ListRow {
  return {
    id,
    phoneNumber: `+1212555010${id}`,
    display: id,
    typeLabel: "Local (long code)",
    numberType: "longCode",
    countryCode: "US",
    countryName: "United States",
    profileId: null,
    profileName: null,
    sms: true,
    mms: false,
    health: null,
    tags: [],
    verdict,
    group,
    problems,
  };
}

const rows = [
  row("1", "ready", "ready", ["ready"]),
  row("2", "noProfile", "actionNeeded", ["noProfile", "tenDlcPending"]),
  row("3", "tenDlcPending", "waiting", ["tenDlcPending"]),
];

function panel(filters: Filters, onSet = vi.fn()) {
  const { counts } = applyList(prepare(rows), "", filters);
  render(
    <FilterPanel
      options={facetOptions(rows, [])}
      counts={counts}
      filters={filters}
      onToggle={() => {}}
      onSet={onSet}
      onClear={() => {}}
    />,
  );
  return onSet;
}

describe("FilterPanel", () => {
  it("shows everything that can't text in one click, with its count", () => {
    const onSet = panel(emptyFilters());
    expect(screen.getByTestId("count-cannot-text").textContent).toBe("2");
    const button = screen.getByTestId("filter-cannot-text");
    expect(button.getAttribute("aria-pressed")).toBe("false");
    fireEvent.click(button);
    expect(onSet).toHaveBeenCalledWith("group" satisfies FacetKey, ["actionNeeded", "waiting"]);
  });
  it("clears the group filter on a second click", () => {
    const onSet = panel({ ...emptyFilters(), group: ["actionNeeded", "waiting"] });
    const button = screen.getByTestId("filter-cannot-text");
    expect(button.getAttribute("aria-pressed")).toBe("true");
    fireEvent.click(button);
    expect(onSet).toHaveBeenCalledWith("group", []);
  });
  it("counts a number under each of its problems, listed under their group", () => {
    panel(emptyFilters());
    expect(screen.getByTestId("count-readiness-tenDlcPending").textContent).toBe("2");
    expect(screen.getByTestId("count-readiness-noProfile").textContent).toBe("1");
    expect(screen.getByTestId("count-group-ready").textContent).toBe("1");
    const headings = [...document.querySelectorAll(".facet-heading")].map((h) => h.textContent);
    expect(headings).toEqual(["Action needed", "Waiting"]);
  });
});
