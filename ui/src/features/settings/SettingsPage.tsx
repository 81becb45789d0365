import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { ErrorNotice } from "../../components/ErrorNotice";
import { switchAccountCache } from "../../lib/accountCache";
import { type AccountSummary, ipc, type SettingsEdit, type Theme } from "../../lib/ipc";
import { queryKeys } from "../../lib/queryKeys";
import "./settings.css";

const themes: { value: Theme; label: string }[] = [
  { value: "system", label: "Same as the system" },
  { value: "light", label: "Light" },
  { value: "dark", label: "Dark" },
];

/** Theme, accounts (sign out), and advanced options. */
export function SettingsPage({ account }: { account: AccountSummary }) {
  const ids = useId();
  const queryClient = useQueryClient();
  const settings = useQuery({ queryKey: queryKeys.settings, queryFn: ipc.getSettings });
  const accounts = useQuery({ queryKey: queryKeys.accounts, queryFn: ipc.listAccounts });
  const update = useMutation({
    mutationFn: (edit: SettingsEdit) => ipc.updateSettings(edit),
    onSuccess: (view) => queryClient.setQueryData(queryKeys.settings, view),
  });
  const forget = useMutation({
    mutationFn: ipc.forgetAccount,
    onSuccess: (view, id) => {
      queryClient.setQueryData(queryKeys.accounts, view);
      if (id === account.id) {
        switchAccountCache(queryClient, null);
      }
    },
  });
  const [confirming, setConfirming] = useState<string | null>(null);

  if (settings.isPending) return <p>Loading settings…</p>;
  if (settings.isError) return <ErrorNotice error={settings.error} onRetry={() => settings.refetch()} />;
  const view = settings.data;

  return (
    <section className="page settings" aria-labelledby="page-title">
      <h1 id="page-title">Settings</h1>
      {view.recoveryNotice ? (
        <div className="notice" role="status" data-testid="settings-recovered">
          {view.recoveryNotice}
        </div>
      ) : null}

      <fieldset>
        <legend>Theme</legend>
        {themes.map((t) => (
          <label key={t.value} className="radio">
            <input
              type="radio"
              name={`${ids}-theme`}
              value={t.value}
              data-testid={`theme-${t.value}`}
              checked={view.settings.theme === t.value}
              onChange={() => update.mutate({ type: "theme", theme: t.value })}
            />
            {t.label}
          </label>
        ))}
      </fieldset>

      <h2>Accounts</h2>
      <p className="muted">
        API keys are kept only in this computer's keychain. Signing out removes the key from the keychain and
        forgets the account on this computer; the account itself at Telnyx is not changed.
      </p>
      <ul className="account-list">
        {(accounts.data?.accounts ?? [])
          .filter((a) => !a.demo)
          .map((a) => (
            <li key={a.id} data-testid="account-row">
              <span>{a.name}</span>
              {confirming === a.id ? (
                <span className="inline-confirm">
                  Remove the key of “{a.name}” from this computer?
                  <button
                    type="button"
                    className="button button-danger"
                    data-testid="forget-confirm"
                    onClick={() => {
                      setConfirming(null);
                      forget.mutate(a.id);
                    }}
                  >
                    Sign out
                  </button>
                  <button type="button" className="button" onClick={() => setConfirming(null)}>
                    Keep
                  </button>
                </span>
              ) : (
                <button
                  type="button"
                  className="button"
                  data-testid="forget-account"
                  onClick={() => setConfirming(a.id)}
                >
                  Sign out…
                </button>
              )}
            </li>
          ))}
        {accounts.data?.accounts.every((a) => a.demo) ? (
          <li className="muted">No Telnyx account is connected yet; only the demo account is available.</li>
        ) : null}
      </ul>
      {forget.isError ? <ErrorNotice error={forget.error} /> : null}

      <h2>Advanced</h2>
      <NumberSetting
        label="Pages fetched at once"
        help="How many pages of a long list Number Desk asks Telnyx for at the same time (1–16)."
        value={view.settings.pagingConcurrency}
        testId="setting-paging"
        onSave={(value) => update.mutate({ type: "pagingConcurrency", value })}
      />
      <NumberSetting
        label="Numbers per bulk request"
        help="How many numbers one bulk change sends to Telnyx at a time (1–1000)."
        value={view.settings.bulkChunkSize}
        testId="setting-chunk"
        onSave={(value) => update.mutate({ type: "bulkChunkSize", value })}
      />
      <TextSetting
        label="API address for new connections"
        help={`Normally ${view.defaultApiBaseUrl}. Support engineers may point it at a proxy or a simulator; it must start with https:// unless it is on this computer. Leave empty for the default.`}
        value={view.settings.apiBaseUrl}
        testId="setting-base-url"
        onSave={(url) => update.mutate({ type: "apiBaseUrl", url })}
      />
      {update.isError ? <ErrorNotice error={update.error} /> : null}
    </section>
  );
}

function NumberSetting(props: {
  label: string;
  help: string;
  value: number;
  testId: string;
  onSave: (value: number) => void;
}) {
  const id = useId();
  const [draft, setDraft] = useState(String(props.value));
  return (
    <div className="setting">
      <label htmlFor={id}>{props.label}</label>
      <input
        id={id}
        type="number"
        inputMode="numeric"
        data-testid={props.testId}
        value={draft}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={() => {
          const value = Number(draft);
          if (Number.isInteger(value) && value !== props.value) props.onSave(value);
        }}
      />
      <p className="muted">{props.help}</p>
    </div>
  );
}

function TextSetting(props: {
  label: string;
  help: string;
  value: string;
  testId: string;
  onSave: (value: string) => void;
}) {
  const id = useId();
  const [draft, setDraft] = useState(props.value);
  return (
    <div className="setting">
      <label htmlFor={id}>{props.label}</label>
      <input
        id={id}
        data-testid={props.testId}
        value={draft}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={() => {
          if (draft !== props.value) props.onSave(draft);
        }}
      />
      <p className="muted">{props.help}</p>
    </div>
  );
}
