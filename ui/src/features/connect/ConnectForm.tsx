import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useEffect, useId, useState } from "react";
import { ErrorNotice } from "../../components/ErrorNotice";
import { switchAccountCache } from "../../lib/accountCache";
import { CommandError, ipc } from "../../lib/ipc";
import { retryDelaySeconds } from "./countdown";
import "./connect.css";

/**
 * Connect a Telnyx account: the key is checked with Telnyx before anything is stored, then kept
 * only in the operating system's keychain. The field is cleared as soon as the key is accepted.
 */
export function ConnectForm({ initialName = "", onCancel }: { initialName?: string; onCancel?: () => void }) {
  const queryClient = useQueryClient();
  const ids = useId();
  const [name, setName] = useState(initialName);
  const [apiKey, setApiKey] = useState("");
  const [showKey, setShowKey] = useState(false);
  const [baseUrl, setBaseUrl] = useState("");
  const [waitSeconds, setWaitSeconds] = useState<number | null>(null);

  const connect = useMutation({
    mutationFn: () => ipc.connectAccount({ name, apiKey, baseUrl }),
    onSuccess: (account) => {
      setApiKey("");
      switchAccountCache(queryClient, account);
    },
    onError: (error) => {
      if (error instanceof CommandError && error.error.kind === "rateLimited") {
        setWaitSeconds(retryDelaySeconds(error.error.retryAfterSeconds));
      }
    },
  });

  // Rate limited: count down visibly, then try again by itself.
  const { mutate } = connect;
  useEffect(() => {
    if (waitSeconds === null) return;
    if (waitSeconds <= 0) {
      setWaitSeconds(null);
      mutate();
      return;
    }
    const timer = setTimeout(() => setWaitSeconds((s) => (s === null ? null : s - 1)), 1000);
    return () => clearTimeout(timer);
  }, [waitSeconds, mutate]);

  // A refused key is said in one sentence under the key field, where the eye already is.
  const keyRefused =
    connect.isError && connect.error instanceof CommandError && connect.error.error.kind === "invalidKey"
      ? connect.error.error.message
      : null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setWaitSeconds(null);
    connect.mutate();
  };

  return (
    <form className="connect-form" onSubmit={submit} aria-labelledby={`${ids}-title`}>
      <h2 id={`${ids}-title`}>Connect your Telnyx account</h2>
      <p className="muted">
        Paste an API key from the Telnyx portal (Account → API Keys). Number Desk checks it with Telnyx, then
        keeps it only in this computer's keychain.
      </p>
      <label htmlFor={`${ids}-name`}>Account name (optional)</label>
      <input
        id={`${ids}-name`}
        data-testid="connect-name"
        value={name}
        placeholder="Main"
        maxLength={60}
        onChange={(e) => setName(e.target.value)}
      />
      <label htmlFor={`${ids}-key`}>API key</label>
      <div className="key-field">
        <input
          id={`${ids}-key`}
          data-testid="connect-key"
          type={showKey ? "text" : "password"}
          autoComplete="off"
          spellCheck={false}
          value={apiKey}
          required
          aria-invalid={keyRefused ? true : undefined}
          aria-describedby={keyRefused ? `${ids}-key-error` : undefined}
          onChange={(e) => {
            setApiKey(e.target.value);
            if (keyRefused) connect.reset();
          }}
        />
        <button
          type="button"
          className="button"
          aria-pressed={showKey}
          onClick={() => setShowKey((v) => !v)}
          data-testid="connect-toggle-key"
        >
          {showKey ? "Hide" : "Show"}
        </button>
      </div>
      {keyRefused ? (
        <p className="field-error" id={`${ids}-key-error`} role="alert" data-testid="connect-key-error">
          {keyRefused}
        </p>
      ) : null}
      <details>
        <summary>Advanced</summary>
        <label htmlFor={`${ids}-url`}>API address</label>
        <input
          id={`${ids}-url`}
          data-testid="connect-base-url"
          value={baseUrl}
          placeholder="https://api.telnyx.com/v2"
          onChange={(e) => setBaseUrl(e.target.value)}
        />
        <p className="muted">Leave empty for Telnyx. Only addresses on this computer may use http://.</p>
      </details>
      {waitSeconds !== null ? (
        <p className="notice" role="status" data-testid="connect-countdown">
          Telnyx asked us to wait a moment. Trying again in {waitSeconds} s…
        </p>
      ) : null}
      {connect.isError && waitSeconds === null && !keyRefused ? (
        <ErrorNotice error={connect.error} onRetry={() => connect.mutate()} />
      ) : null}
      <div className="form-actions">
        <button
          type="submit"
          className="button button-primary"
          data-testid="connect-submit"
          disabled={connect.isPending || apiKey.trim() === ""}
        >
          {connect.isPending ? "Checking the key with Telnyx…" : "Connect"}
        </button>
        {onCancel ? (
          <button type="button" className="button" onClick={onCancel}>
            Cancel
          </button>
        ) : null}
      </div>
    </form>
  );
}
