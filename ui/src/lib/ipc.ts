// The one module that talks to the Tauri backend. Features import from here, never from the
// generated bindings or @tauri-apps/* directly.

import { Channel } from "@tauri-apps/api/core";
import {
  type AccountSummary,
  type AccountsView_Serialize,
  type ConnectInput,
  commands,
  GLOSSARY,
  type GlossaryEntry,
  type GroupLabel,
  HEALTH_THRESHOLDS,
  type HealthView,
  type IpcError_Serialize,
  type ListRow_Serialize,
  type LoadEvent_Deserialize,
  type LoadEvent_Serialize,
  type LoadProgress,
  type NewProfile,
  type NumberDetail_Serialize,
  type NumberRow_Serialize,
  type NumbersList_Serialize,
  type Problem_Serialize,
  type ProfileSummary,
  READINESS_GROUPS,
  type ReadinessGroup,
  type RowColumns_Serialize,
  type Settings_Serialize,
  type SettingsEdit,
  type SettingsView_Serialize,
  type Term,
  type Theme,
  type Tone,
  VERDICTS,
  type Verdict,
  type VerdictLabel,
} from "../bindings";
import { rowsOf } from "./rowColumns";
import { measure } from "./timing";

// The bindings describe both directions of a type; the UI only ever receives the `_Serialize` side.
export type AccountsView = AccountsView_Serialize;
export type IpcError = IpcError_Serialize;
export type Settings = Settings_Serialize;
export type SettingsView = SettingsView_Serialize;
export type NumberDetail = NumberDetail_Serialize;
export type NumberRow = NumberRow_Serialize;
export type ListRow = ListRow_Serialize;
export type Problem = Problem_Serialize;
/** The list's rows as the backend sends them, column by column (see rowColumns.ts). */
export type RowColumns = RowColumns_Serialize;
/** The list as the screen holds it: one object per row (the backend sends columns). */
export type NumbersList = Omit<NumbersList_Serialize, "rows"> & { rows: ListRow[] };
export type LoadEvent =
  | Exclude<LoadEvent_Serialize, { kind: "firstLook" }>
  | ({ kind: "firstLook" } & NumbersList);
export type {
  AccountSummary,
  ConnectInput,
  GlossaryEntry,
  GroupLabel,
  HealthView,
  LoadProgress,
  NewProfile,
  ProfileSummary,
  ReadinessGroup,
  SettingsEdit,
  Term,
  Theme,
  Tone,
  Verdict,
  VerdictLabel,
};

/** Readiness's verdicts in precedence order, each with its badge words and tone, and the health
 * thresholds it judges by: desk-core's own values, exported into the bindings, not copies. */
export const verdictCatalogue: readonly VerdictLabel[] = VERDICTS;
/** Act, wait, or fine: readiness's groups, most pressing first, from desk-core. */
export const readinessGroups: readonly GroupLabel[] = READINESS_GROUPS;
/** The five terms a person may not know, each with one line of explanation, from desk-core. */
export const glossary: readonly GlossaryEntry[] = GLOSSARY;
export const healthThresholds: { readonly minSuccessRatio: number; readonly maxSpamRatio: number } =
  HEALTH_THRESHOLDS;

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
  connectAccount: (input: ConnectInput) => unwrap(() => commands.connectAccount(input)),
  switchAccount: (id: string) => unwrap(() => commands.switchAccount(id)),
  forgetAccount: (id: string) => unwrap(() => commands.forgetAccount(id)),
  listAccounts: () => unwrap(() => commands.listAccounts()),
  /** Every messaging number as a row; `onEvent` hears pages done / total while they arrive, and
   * (with `firstLook`) a first look at the first page when there are more. */
  loadNumbers: (firstLook: boolean, onEvent: (event: LoadEvent) => void) => {
    // The channel only ever carries what the backend serializes.
    const channel = new Channel<LoadEvent_Deserialize>();
    channel.onmessage = (message) => {
      const event = message as LoadEvent_Serialize;
      onEvent(event.kind === "firstLook" ? { ...event, rows: rowsOf(event.rows) } : event);
    };
    const start = performance.now();
    return unwrap(() => commands.loadNumbers(firstLook, channel))
      .then((list): NumbersList => {
        measure("numbers:invoke", start);
        const decoded = performance.now();
        const rows = rowsOf(list.rows);
        measure("numbers:rows", decoded);
        return { ...list, rows };
      })
      .finally(() => measure("numbers:call", start));
  },
  numberDetail: (id: string) => unwrap(() => commands.numberDetail(id)),
  /** Puts a number on a profile, or takes it off its profile with `null`. */
  setNumberProfile: (id: string, profileId: string | null) =>
    unwrap(() => commands.setNumberProfile(id, profileId)),
  /** Creates a messaging profile; a form Telnyx would refuse is refused first, in words. */
  createMessagingProfile: (profile: NewProfile) => unwrap(() => commands.createMessagingProfile(profile)),
  getSettings: () => unwrap(() => commands.getSettings()),
  updateSettings: (edit: SettingsEdit) => unwrap(() => commands.updateSettings(edit)),
};
