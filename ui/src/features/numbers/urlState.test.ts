import { describe, expect, it } from "vitest";
import { emptyFilters } from "./model";
import {
  defaultListState,
  MAX_QUERY_IN_URL,
  nextSort,
  parseListState,
  serializeListState,
  toggleFilter,
} from "./urlState";

describe("URL state", () => {
  it("round-trips search, filters, sort and the open number", () => {
    const state = {
      q: "+1 212",
      filters: {
        ...emptyFilters(),
        group: ["actionNeeded", "waiting"],
        profile: ["p-1", "unassigned"],
        readiness: ["noWebhook"],
      },
      sort: { key: "health" as const, dir: "desc" as const },
      open: "123",
    };
    const query = serializeListState(state);
    expect(parseListState(query)).toEqual(state);
    expect(parseListState(`?${query}`)).toEqual(state);
    expect(query).toContain("group=actionNeeded&group=waiting");
  });
  it("writes nothing for the default state and ignores nonsense", () => {
    expect(serializeListState(defaultListState())).toBe("");
    expect(parseListState("sort=bogus&dir=sideways&number=")).toEqual(defaultListState());
  });
  it("keeps at most MAX_QUERY_IN_URL characters of a search in the URL", () => {
    const huge = "5".repeat(100_000);
    const query = serializeListState({ ...defaultListState(), q: huge });
    expect(query.length).toBeLessThan(MAX_QUERY_IN_URL + 10);
    expect(parseListState(query).q).toBe("5".repeat(MAX_QUERY_IN_URL));
    expect(parseListState(`q=${"7".repeat(5000)}`).q.length).toBe(MAX_QUERY_IN_URL);
  });
  it("toggles a filter value and flips the sort", () => {
    const once = toggleFilter(emptyFilters(), "tag", "vip");
    expect(once.tag).toEqual(["vip"]);
    expect(toggleFilter(once, "tag", "vip").tag).toEqual([]);
    expect(nextSort({ key: "number", dir: "asc" }, "number")).toEqual({ key: "number", dir: "desc" });
    expect(nextSort({ key: "number", dir: "desc" }, "type")).toEqual({ key: "type", dir: "asc" });
  });
});
