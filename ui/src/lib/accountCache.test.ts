import { QueryClient, QueryObserver } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";
import { ACCOUNT_KEY, switchAccountCache } from "./accountCache";
import type { AccountSummary } from "./ipc";

const demo: AccountSummary = { id: "demo", name: "Demo account", demo: true };
const main: AccountSummary = { id: "a1", name: "Main", demo: false };

describe("switchAccountCache", () => {
  it("drops the old account's data and tells live observers about the new account", () => {
    const client = new QueryClient();
    client.setQueryData(ACCOUNT_KEY, demo);
    client.setQueryData(["numbers-overview"], { totalNumbers: 5, profiles: [] });
    const seen: (AccountSummary | null | undefined)[] = [];
    const observer = new QueryObserver<AccountSummary | null>(client, {
      queryKey: ACCOUNT_KEY,
      enabled: false,
    });
    const unsubscribe = observer.subscribe((result) => seen.push(result.data));

    switchAccountCache(client, main);

    expect(client.getQueryData(["numbers-overview"])).toBeUndefined();
    expect(seen.at(-1)).toEqual(main);
    unsubscribe();
  });
});
