import { describe, expect, it } from "vitest";
import { createProgressStore } from "./progressStore";

describe("createProgressStore", () => {
  it("keeps the latest progress and notifies once per scheduled batch", () => {
    const batches: (() => void)[] = [];
    const store = createProgressStore((notify) => batches.push(notify));
    let heard = 0;
    const unsubscribe = store.subscribe(() => {
      heard++;
    });
    for (let page = 1; page <= 40; page++) store.set({ pagesDone: page, totalPages: 40 });
    expect(store.get()).toEqual({ pagesDone: 40, totalPages: 40 });
    expect(batches).toHaveLength(1);
    expect(heard).toBe(0);
    batches[0]?.();
    expect(heard).toBe(1);
    store.set(null);
    expect(batches).toHaveLength(2);
    unsubscribe();
    batches[1]?.();
    expect(heard).toBe(1);
    expect(store.get()).toBeNull();
  });
});
