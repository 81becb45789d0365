// Turns any failure into words for a person: a short title, the backend's sentence, and whether
// trying again can help.
import { CommandError, type IpcError } from "./ipc";

export interface ErrorView {
  title: string;
  message: string;
  canRetry: boolean;
}

const titles: Record<IpcError["kind"], string> = {
  notConnected: "No account is open",
  invalidKey: "Telnyx did not accept the API key",
  rateLimited: "Telnyx asked us to slow down",
  telnyxRejected: "Telnyx said no",
  network: "Cannot reach Telnyx",
  keychain: "The keychain is not available",
  keyMissing: "Please connect this account again",
  validation: "Please check what you entered",
  internal: "Something went wrong",
};

const retryable: ReadonlySet<IpcError["kind"]> = new Set(["rateLimited", "network", "internal"]);

export function describeError(error: unknown): ErrorView {
  if (error instanceof CommandError) {
    return {
      title: titles[error.error.kind],
      message: error.error.message,
      canRetry: retryable.has(error.error.kind),
    };
  }
  return {
    title: titles.internal,
    message: error instanceof Error ? error.message : String(error),
    canRetry: true,
  };
}

/** Failures after which a change may have been made at Telnyx all the same: the request may have
 * reached it (a timeout, a dropped connection, an answer cut off or of an unknown shape). */
const outcomeUnknown: ReadonlySet<IpcError["kind"]> = new Set(["network", "internal"]);

/** What to tell a person when changing `subject` failed: "was not changed" only when Telnyx said
 * no or nothing was sent; otherwise that the change may or may not have been made. */
export function changeFailureText(subject: string, error: unknown): string {
  const { message } = describeError(error);
  const unknown = !(error instanceof CommandError) || outcomeUnknown.has(error.error.kind);
  return unknown
    ? `${subject} may or may not have been changed. ${message}`
    : `${subject} was not changed. ${message}`;
}
