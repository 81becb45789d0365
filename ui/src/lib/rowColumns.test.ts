import { describe, expect, it } from "vitest";
import fixture from "./fixtures/row-columns.json";
import type { ListRow, RowColumns } from "./ipc";
import { rowsOf } from "./rowColumns";

// Written by desk-core's test `the_windows_fixture_is_current`: columns as the backend sends them
// and the rows the backend's own decoder gets from them.
const columns = fixture.columns as RowColumns;
const rows = fixture.rows as ListRow[];

describe("rowsOf", () => {
  it("rebuilds the rows the backend rebuilds from the same columns", () => {
    expect(rowsOf(columns)).toEqual(rows);
  });
  it("covers a number on no profile, one whose profile is gone, and one without health", () => {
    const decoded = rowsOf(columns);
    expect(decoded.map((r) => [r.profileId, r.profileName])).toEqual([
      ["p-1", "Support"],
      [null, null],
      ["p-gone", null],
    ]);
    expect(decoded[1]?.health).toBeNull();
    expect(decoded[1]?.numberType).toBe("tollFree");
  });
  it("gives no rows for empty columns", () => {
    const empty = Object.fromEntries(Object.keys(columns).map((k) => [k, []])) as unknown as RowColumns;
    expect(rowsOf(empty)).toEqual([]);
  });
});
