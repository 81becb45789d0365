// Every TanStack Query key of the app, in one place: a query and the mutations that update or
// invalidate it must spell its key the same way. Data of one account carries the account's id in
// its key, so nothing cached for one account is ever read back under another.

export const queryKeys = {
  /** The open account (`null` when none is open); the one query an account switch keeps. */
  account: ["account"] as const,
  /** Every connected account, and the demo. */
  accounts: ["accounts"] as const,
  /** The settings view. */
  settings: ["settings"] as const,
  /** The Numbers screen's list (rows and profiles) of an account. */
  numbers: (accountId: string | undefined) => ["numbers", accountId ?? ""] as const,
  /** One number's detail (row and Telnyx record) on an account. */
  numberDetail: (accountId: string | undefined, id: string) =>
    ["number-detail", accountId ?? "", id] as const,
  /** The changes (jobs) of an account, newest first, for Activity. */
  jobs: (accountId: string | undefined) => ["jobs", accountId ?? ""] as const,
  /** One change with its numbers. */
  job: (accountId: string | undefined, id: string) => ["jobs", accountId ?? "", id] as const,
  /** Changes of an account cut short, to finish. */
  unfinishedJobs: (accountId: string | undefined) => ["unfinished-jobs", accountId ?? ""] as const,
  /** Prefixes: what a finished change makes stale on every account. */
  afterChange: [["numbers"], ["number-detail"], ["jobs"], ["unfinished-jobs"]] as const,
  /** Prefixes: what any journalled change makes stale (its callers reload the numbers themselves). */
  afterJournal: [["jobs"], ["unfinished-jobs"]] as const,
};
