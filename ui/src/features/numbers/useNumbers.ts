// Server state of the Numbers screen: the list (with load progress) and profile changes that
// update the cached row at once and put it back when Telnyx refuses.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { ipc, type ListRow, type NumbersList } from "../../lib/ipc";
import { queryKeys } from "../../lib/queryKeys";
import { firstLook, replaceRow, withProfile } from "./cache";
import { createProgressStore } from "./progressStore";

export function useNumbersList() {
  const queryClient = useQueryClient();
  const account = useQuery({ queryKey: queryKeys.account, queryFn: ipc.currentAccount });
  const accountId = account.data?.id;
  const [progress] = useState(() => createProgressStore());
  const list = useQuery({
    queryKey: queryKeys.numbers(accountId),
    queryFn: ({ queryKey }) => {
      progress.set(null);
      // The first page is shown at once on a first load; a refresh keeps the whole old list
      // until the new one is complete (so it does not ask for a first look).
      const showFirstLook = !queryClient.getQueryData(queryKey);
      return ipc.loadNumbers(showFirstLook, (event) => {
        if (event.kind === "progress")
          progress.set({ pagesDone: event.pagesDone, totalPages: event.totalPages });
        // Channel messages can arrive after the command's result: a late first look must not
        // replace the whole list.
        else if (!queryClient.getQueryData(queryKey)) queryClient.setQueryData(queryKey, firstLook(event));
      });
    },
    enabled: accountId !== undefined,
    // A refresh brings a whole new list: comparing 10,000 rows deeply with the old one costs more
    // than it saves.
    structuralSharing: false,
  });
  return { list, progress, accountId };
}

export interface ProfileChange {
  id: string;
  /** The new profile, or `null` to unassign. */
  profileId: string | null;
}

export function useSetProfile(accountId: string | undefined) {
  const queryClient = useQueryClient();
  const key = queryKeys.numbers(accountId);
  return useMutation({
    mutationFn: (change: ProfileChange) => ipc.changeNumberProfile(change.id, change.profileId),
    onMutate: async (change): Promise<{ before: ListRow | undefined }> => {
      await queryClient.cancelQueries({ queryKey: key });
      const list = queryClient.getQueryData<NumbersList>(key);
      const before = list?.rows.find((r) => r.id === change.id);
      if (list) {
        queryClient.setQueryData<NumbersList>(
          key,
          replaceRow(list, change.id, (r) => withProfile(r, change.profileId, list.profiles)),
        );
      }
      return { before };
    },
    onError: (_error, change, context) => restore(change.id, context?.before),
    // The row as Telnyx holds it (or, when the outcome is unknown, as last known).
    onSuccess: (report, change, context) =>
      report.row ? keepRow(report.row) : restore(change.id, context?.before),
    onSettled: (_row, _error, change) => {
      queryClient.invalidateQueries({ queryKey: queryKeys.numberDetail(accountId, change.id) });
      queryClient.invalidateQueries({ queryKey: queryKeys.jobs(accountId) });
    },
  });

  function restore(id: string, before: ListRow | undefined) {
    if (!before) return;
    queryClient.setQueryData<NumbersList>(key, (list) => list && replaceRow(list, id, () => before));
  }
  function keepRow(row: ListRow) {
    queryClient.setQueryData<NumbersList>(key, (list) => list && replaceRow(list, row.id, () => row));
  }
}

/** "Check again": reads a number from Telnyx and reports whether it holds the intended profile. */
export function useCheckProfile(accountId: string | undefined) {
  const queryClient = useQueryClient();
  const key = queryKeys.numbers(accountId);
  return useMutation({
    mutationFn: (change: ProfileChange) => ipc.checkNumberProfile(change.id, change.profileId),
    onSuccess: (report) => {
      const row = report.row;
      if (row)
        queryClient.setQueryData<NumbersList>(key, (list) => list && replaceRow(list, row.id, () => row));
    },
    onSettled: (_report, _error, change) => {
      queryClient.invalidateQueries({ queryKey: queryKeys.numberDetail(accountId, change.id) });
    },
  });
}

/** Fetches again, by themselves, the pages of numbers the last load missed. */
export function useLoadMissing(accountId: string | undefined) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ipc.loadMissingNumbers,
    onSuccess: (list) => queryClient.setQueryData<NumbersList>(queryKeys.numbers(accountId), list),
  });
}
