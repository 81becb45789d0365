import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useId } from "react";
import { switchAccountCache } from "../lib/accountCache";
import { type AccountSummary, ipc } from "../lib/ipc";
import { queryKeys } from "../lib/queryKeys";
import { ErrorNotice } from "./ErrorNotice";
import "./AccountSwitcher.css";

const CONNECT_NEW = "__connect__";

/** The header's account picker: every connected account plus the demo, and "Connect another…". */
export function AccountSwitcher({
  account,
  onConnectNew,
}: {
  account: AccountSummary;
  onConnectNew: () => void;
}) {
  const id = useId();
  const queryClient = useQueryClient();
  const accounts = useQuery({ queryKey: queryKeys.accounts, queryFn: ipc.listAccounts });
  const switchTo = useMutation({
    mutationFn: ipc.switchAccount,
    onSuccess: (next) => {
      switchAccountCache(queryClient, next);
    },
  });

  return (
    <div className="account-switcher">
      <label htmlFor={id} className="visually-hidden">
        Account
      </label>
      <select
        id={id}
        data-testid="account-switcher"
        value={account.id}
        disabled={switchTo.isPending}
        onChange={(event) => {
          if (event.target.value === CONNECT_NEW) onConnectNew();
          else switchTo.mutate(event.target.value);
        }}
      >
        {(accounts.data?.accounts ?? [account]).map((a) => (
          <option key={a.id} value={a.id}>
            {a.demo ? "Demo account" : a.name}
          </option>
        ))}
        <option value={CONNECT_NEW}>Connect another account…</option>
      </select>
      {account.demo ? (
        <span className="badge badge-demo" data-testid="account-name" title="The demo account: made-up data">
          Demo
        </span>
      ) : null}
      {switchTo.isError ? <ErrorNotice error={switchTo.error} /> : null}
    </div>
  );
}
