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
};
