// The one module that talks to the Tauri backend. Features import from here, never from the
// generated bindings or @tauri-apps/* directly.
import { type AccountSummary, commands, type IpcError, type NumbersOverview } from "../bindings";

export type { AccountSummary, IpcError, NumbersOverview };

/** A command failed; `error` is the backend's typed error with a sentence fit to show. */
export class CommandError extends Error {
  readonly error: IpcError;
  constructor(error: IpcError) {
    super(error.message);
    this.name = "CommandError";
    this.error = error;
  }
}

type CommandResult<T> = { status: "ok"; data: T } | { status: "error"; error: IpcError };

async function unwrap<T>(call: () => Promise<CommandResult<T>>): Promise<T> {
  let result: CommandResult<T>;
  try {
    result = await call();
  } catch (thrown) {
    // Framework-level failures (unknown command, permission denied) arrive as plain strings.
    throw new CommandError({
      kind: "internal",
      message: `Number Desk's window could not talk to its backend (${String(thrown)}).`,
    });
  }
  if (result.status === "error") throw new CommandError(result.error);
  return result.data;
}

export const ipc = {
  openDemo: () => unwrap(() => commands.openDemo()),
  currentAccount: () => unwrap(() => commands.currentAccount()),
  numbersOverview: () => unwrap(() => commands.numbersOverview()),
};
