import { describe, expect, it } from "vitest";
import { clickSelect, countSelectedIn, dragged, emptySelection, prune, selectAll } from "./selection";

const rows = ["a", "b", "c", "d", "e"];
const plain = { range: false, toggle: false };
const ids = (s: { ids: ReadonlySet<string> }) => [...s.ids].sort();

describe("selection", () => {
  it("a plain click selects one row and sets the anchor", () => {
    const s = clickSelect(selectAll(emptySelection, rows), rows, "c", plain);
    expect(ids(s)).toEqual(["c"]);
    expect(s.anchor).toBe("c");
  });

  it("ctrl/cmd-click adds and removes one row", () => {
    let s = clickSelect(emptySelection, rows, "a", plain);
    s = clickSelect(s, rows, "d", { range: false, toggle: true });
    expect(ids(s)).toEqual(["a", "d"]);
    s = clickSelect(s, rows, "a", { range: false, toggle: true });
    expect(ids(s)).toEqual(["d"]);
  });

  it("shift-click selects the range from the anchor in the order shown, either direction", () => {
    let s = clickSelect(emptySelection, rows, "d", plain);
    s = clickSelect(s, rows, "b", { range: true, toggle: false });
    expect(ids(s)).toEqual(["b", "c", "d"]);
    expect(s.anchor).toBe("d");
    s = clickSelect(s, rows, "e", { range: true, toggle: false });
    expect(ids(s)).toEqual(["d", "e"]);
    // With ctrl as well, the range is added to what was selected.
    s = clickSelect(clickSelect(emptySelection, rows, "a", plain), rows, "a", {
      range: false,
      toggle: false,
    });
    s = clickSelect({ ...s, anchor: "c" }, rows, "d", { range: true, toggle: true });
    expect(ids(s)).toEqual(["a", "c", "d"]);
  });

  it("select all matching keeps what was selected outside the filter", () => {
    const s = selectAll(clickSelect(emptySelection, rows, "a", plain), ["c", "d"]);
    expect(ids(s)).toEqual(["a", "c", "d"]);
    expect(countSelectedIn(s, ["c", "d", "e"])).toBe(2);
  });

  it("a refresh drops numbers no longer on the account and says how many", () => {
    const s = selectAll(emptySelection, rows);
    const { selection, dropped } = prune({ ...s, anchor: "e" }, new Set(["a", "b", "c"]));
    expect(dropped).toBe(2);
    expect(ids(selection)).toEqual(["a", "b", "c"]);
    expect(selection.anchor).toBeNull();
    const same = prune(selection, new Set(rows));
    expect(same.dropped).toBe(0);
    expect(same.selection).toBe(selection);
  });

  it("a drag carries the selection when it starts on a selected row, else only that row", () => {
    const s = selectAll(emptySelection, ["a", "b"]);
    expect(dragged(s, "a").sort()).toEqual(["a", "b"]);
    expect(dragged(s, "c")).toEqual(["c"]);
  });
});
