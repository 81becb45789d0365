import { QueryClient, QueryObserver } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";
import { switchAccountCache } from "./accountCache";
import type { AccountSummary } from "./ipc";
import { queryKeys } from "./queryKeys";

const demo: AccountSummary = { id: "demo", name: "Demo account", demo: true };
const main: AccountSummary = { id: "a1", name: "Main", demo: false };

describe("switchAccountCache", () => {
  it("drops the old account's data and tells live observers about the new account", () => {
    const client = new QueryClient();
    client.setQueryData(queryKeys.account, demo);
    client.setQueryData(queryKeys.numbers(demo.id), { rows: [], profiles: [] });
    const seen: (AccountSummary | null | undefined)[] = [];
    const observer = new QueryObserver<AccountSummary | null>(client, {
      queryKey: queryKeys.account,
      enabled: false,
    });
    const unsubscribe = observer.subscribe((result) => seen.push(result.data));

    switchAccountCache(client, main);

    expect(client.getQueryData(queryKeys.numbers(demo.id))).toBeUndefined();
    expect(seen.at(-1)).toEqual(main);
    unsubscribe();
  });
});
