import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type ReactNode, useId, useState } from "react";
import { ErrorNotice } from "../../components/ErrorNotice";
import { switchAccountCache } from "../../lib/accountCache";
import { describeError } from "../../lib/errors";
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
      {update.isError && update.variables?.type === "theme" ? <ErrorNotice error={update.error} /> : null}

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

      <details className="advanced" data-testid="settings-advanced">
        <summary>Advanced</summary>
        <p className="muted">
          For support engineers and unusual networks; the defaults suit almost everyone.
        </p>
        <NumberSetting
          label="Pages fetched at once"
          help="How many pages of a long list Number Desk asks Telnyx for at the same time (1–16)."
          value={view.settings.pagingConcurrency}
          testId="setting-paging"
          save={(value) => update.mutateAsync({ type: "pagingConcurrency", value })}
        />
        <NumberSetting
          label="Numbers per bulk request"
          help="How many numbers one bulk change sends to Telnyx at a time (1–1000)."
          value={view.settings.bulkChunkSize}
          testId="setting-chunk"
          save={(value) => update.mutateAsync({ type: "bulkChunkSize", value })}
        />
        <TextSetting
          label="API address for new connections"
          help={`Normally ${view.defaultApiBaseUrl}. Support engineers may point it at a proxy or a simulator; it must start with https:// unless it is on this computer. Leave empty for the default.`}
          value={view.settings.apiBaseUrl}
          testId="setting-base-url"
          save={(url) => update.mutateAsync({ type: "apiBaseUrl", url })}
        />
      </details>
    </section>
  );
}

/** A setting's own error, shown at its field; cleared as soon as the person edits the value and
 * whenever a save succeeds. */
function useFieldError() {
  const [error, setError] = useState<string | null>(null);
  const run = (save: () => Promise<unknown>) =>
    save().then(
      () => setError(null),
      (e: unknown) => setError(describeError(e).message),
    );
  return { error, setError, run };
}

function Field(props: {
  id: string;
  label: string;
  help: string;
  error: string | null;
  testId: string;
  children: ReactNode;
}) {
  return (
    <div className="setting">
      <label htmlFor={props.id}>{props.label}</label>
      {props.children}
      {props.error ? (
        <p
          className="field-error"
          id={`${props.id}-error`}
          role="alert"
          data-testid={`${props.testId}-error`}
        >
          {props.error}
        </p>
      ) : null}
      <p className="muted" id={`${props.id}-help`}>
        {props.help}
      </p>
    </div>
  );
}

function NumberSetting(props: {
  label: string;
  help: string;
  value: number;
  testId: string;
  save: (value: number) => Promise<unknown>;
}) {
  const id = useId();
  const [draft, setDraft] = useState(String(props.value));
  const field = useFieldError();
  return (
    <Field id={id} label={props.label} help={props.help} error={field.error} testId={props.testId}>
      <input
        id={id}
        type="number"
        inputMode="numeric"
        data-testid={props.testId}
        value={draft}
        aria-invalid={field.error ? true : undefined}
        aria-describedby={field.error ? `${id}-error ${id}-help` : `${id}-help`}
        onChange={(e) => {
          setDraft(e.target.value);
          field.setError(null);
        }}
        onBlur={() => {
          const value = Number(draft);
          // Values the backend cannot even receive (a u32) are refused here; the range is its call.
          if (draft.trim() === "" || !Number.isInteger(value) || value < 0 || value > 4_294_967_295)
            field.setError("Please enter a whole number.");
          else if (value !== props.value) field.run(() => props.save(value));
        }}
      />
    </Field>
  );
}

function TextSetting(props: {
  label: string;
  help: string;
  value: string;
  testId: string;
  save: (value: string) => Promise<unknown>;
}) {
  const id = useId();
  const [draft, setDraft] = useState(props.value);
  const field = useFieldError();
  return (
    <Field id={id} label={props.label} help={props.help} error={field.error} testId={props.testId}>
      <input
        id={id}
        data-testid={props.testId}
        value={draft}
        aria-invalid={field.error ? true : undefined}
        aria-describedby={field.error ? `${id}-error ${id}-help` : `${id}-help`}
        onChange={(e) => {
          setDraft(e.target.value);
          field.setError(null);
        }}
        onBlur={() => {
          if (draft !== props.value) field.run(() => props.save(draft));
        }}
      />
    </Field>
  );
}
