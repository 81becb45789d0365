import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { ErrorNotice } from "../../components/ErrorNotice";
import { switchAccountCache } from "../../lib/accountCache";
import { CommandError, ipc } from "../../lib/ipc";
import { ConnectForm } from "../connect/ConnectForm";
import "./welcome.css";

/**
 * First screen: try the demo account, or connect a real one. `startupError` is why the account
 * used last could not be reopened (a key gone from the keychain, no keychain at all).
 */
export function Welcome({ startupError }: { startupError?: unknown }) {
  const queryClient = useQueryClient();
  const reconnectName =
    startupError instanceof CommandError && startupError.error.kind === "keyMissing"
      ? startupError.error.accountName
      : undefined;
  const [connecting, setConnecting] = useState(reconnectName !== undefined);
  const openDemo = useMutation({
    mutationFn: ipc.openDemo,
    onSuccess: (account) => {
      switchAccountCache(queryClient, account);
    },
  });

  return (
    <main className="welcome">
      <h1>Number Desk</h1>
      <p className="lead">
        See every phone number on your Telnyx account that can send and receive text messages, whether each
        one is ready, and put numbers on the right messaging profile.
      </p>
      {startupError ? <ErrorNotice error={startupError} /> : null}
      <div className="choices">
        <div className="choice">
          <h2>Look around first</h2>
          <p>A made-up account with about 1,500 numbers. Nothing you do there touches a real account.</p>
          <button
            type="button"
            className="button button-primary"
            data-testid="try-demo"
            disabled={openDemo.isPending}
            onClick={() => openDemo.mutate()}
          >
            {openDemo.isPending ? "Opening the demo account…" : "Try the demo account"}
          </button>
        </div>
        <div className="choice">
          {connecting ? (
            <ConnectForm initialName={reconnectName ?? ""} onCancel={() => setConnecting(false)} />
          ) : (
            <>
              <h2>Use your own account</h2>
              <p>You need an API key from the Telnyx portal. It is kept only in this computer's keychain.</p>
              <button
                type="button"
                className="button"
                data-testid="connect-account"
                onClick={() => setConnecting(true)}
              >
                Connect your Telnyx account
              </button>
            </>
          )}
        </div>
      </div>
      {openDemo.isError ? <ErrorNotice error={openDemo.error} onRetry={() => openDemo.mutate()} /> : null}
    </main>
  );
}
