import { useMutation, useQueryClient } from "@tanstack/react-query";
import { ErrorNotice } from "../../components/ErrorNotice";
import { ipc } from "../../lib/ipc";

/** First screen: try the demo account, or connect a real one. */
export function Welcome() {
  const queryClient = useQueryClient();
  const openDemo = useMutation({
    mutationFn: ipc.openDemo,
    onSuccess: (account) => queryClient.setQueryData(["account"], account),
  });

  return (
    <main className="welcome">
      <h1>Number Desk</h1>
      <p className="lead">
        See every phone number on your Telnyx account that can send and receive text messages, whether each
        one is ready, and put numbers on the right messaging profile.
      </p>
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
          <h2>Use your own account</h2>
          <p>Connecting with a Telnyx API key is coming soon; it is not available in this version yet.</p>
          <button type="button" className="button" data-testid="connect-account" disabled>
            Connect your Telnyx account (coming soon)
          </button>
        </div>
      </div>
      {openDemo.isError ? <ErrorNotice error={openDemo.error} onRetry={() => openDemo.mutate()} /> : null}
    </main>
  );
}
