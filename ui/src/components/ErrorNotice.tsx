import { describeError } from "../lib/errors";

/** A failure in words, with a retry button when trying again can help. */
export function ErrorNotice({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const view = describeError(error);
  return (
    <div className="notice notice-error" role="alert" data-testid="error-notice">
      <strong className="notice-title">{view.title}</strong>
      <p>{view.message}</p>
      {view.canRetry && onRetry ? (
        <button type="button" className="button" onClick={onRetry}>
          Try again
        </button>
      ) : null}
    </div>
  );
}
