// When the open account changes, nothing cached for the previous account may show under the new
// one. Every query but the current-account query is dropped; that one is updated in place (removing
// it would detach the App's observer, which then never sees the new account).
import type { QueryClient } from "@tanstack/react-query";
import type { AccountSummary } from "./ipc";
import { queryKeys } from "./queryKeys";

export function switchAccountCache(queryClient: QueryClient, account: AccountSummary | null): void {
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== queryKeys.account[0] });
  queryClient.setQueryData(queryKeys.account, account);
}
