// The one module that talks to the Tauri backend. Features import from here, never from the
// generated bindings or @tauri-apps/* directly.

import { Channel } from "@tauri-apps/api/core";
import {
  type AccountSummary,
  type AccountsView_Serialize,
  type Asked_Deserialize,
  type Asked_Serialize,
  type BulkProgress_Deserialize,
  type BulkProgress_Serialize,
  type ChangeOutcome,
  type CheckLine,
  type CodeExplanation_Serialize,
  type ConnectInput,
  commands,
  type DiagnoseRequest_Deserialize,
  type Diagnosis_Serialize,
  type Evidence,
  type Finding_Serialize,
  type Fix_Serialize,
  type FixAction_Serialize,
  GLOSSARY,
  type GlossaryEntry,
  type GroupLabel,
  HEALTH_THRESHOLDS,
  type HealthView,
  type ImportPreview_Serialize,
  type ImportRow,
  type IpcError_Serialize,
  type ItemState,
  type Job_Serialize,
  type JobItem_Serialize,
  type JobKind,
  type JobSummary_Serialize,
  type ListRow_Serialize,
  type LoadEvent_Deserialize,
  type LoadEvent_Serialize,
  type LoadProgress,
  type NewProfile,
  type NumberChange_Serialize,
  type NumberDetail_Serialize,
  type NumberRow_Serialize,
  type NumbersList_Serialize,
  type Outcome,
  type Plan_Serialize,
  type PlannedMove_Serialize,
  type Problem_Serialize,
  type ProfileChangeReport_Serialize,
  type ProfileFix,
  type ProfileFixed_Serialize,
  type ProfileSetting_Serialize,
  type ProfileSettingChange_Serialize,
  type ProfileSummary,
  READINESS_GROUPS,
  type ReadinessGroup,
  type Refused_Serialize,
  type RowColumns_Serialize,
  type ScanGroup_Serialize,
  type ScanReport_Serialize,
  type Settings_Serialize,
  type SettingsEdit,
  type SettingsView_Serialize,
  type Severity,
  SYMPTOMS,
  type Symptom,
  type SymptomLabel,
  type Term,
  type Theme,
  type Tone,
  VERDICTS,
  type Verdict,
  type VerdictLabel,
  type Warning,
  type WebhookTestResult_Serialize,
} from "../bindings";
import { rowsOf } from "./rowColumns";
import { measure } from "./timing";

// The bindings describe both directions of a type; the UI only ever receives the `_Serialize` side.
export type AccountsView = AccountsView_Serialize;
export type IpcError = IpcError_Serialize;
export type Settings = Settings_Serialize;
export type SettingsView = SettingsView_Serialize;
export type NumberDetail = NumberDetail_Serialize;
export type NumberChange = NumberChange_Serialize;
export type NumberRow = NumberRow_Serialize;
export type ListRow = ListRow_Serialize;
export type Problem = Problem_Serialize;
export type ProfileChangeReport = ProfileChangeReport_Serialize;
export type Plan = Plan_Serialize;
export type PlannedMove = PlannedMove_Serialize;
export type Refused = Refused_Serialize;
export type Job = Job_Serialize;
export type JobItem = JobItem_Serialize;
export type JobSummary = JobSummary_Serialize;
export type BulkProgress = BulkProgress_Serialize;
export type ImportPreview = ImportPreview_Serialize;
export type ProfileSettingChange = ProfileSettingChange_Serialize;
export type ProfileFixed = ProfileFixed_Serialize;
export type ProfileSetting = ProfileSetting_Serialize;
/** The list's rows as the backend sends them, column by column (see rowColumns.ts). */
export type RowColumns = RowColumns_Serialize;
/** The list as the screen holds it: one object per row (the backend sends columns). */
export type NumbersList = Omit<NumbersList_Serialize, "rows"> & { rows: ListRow[] };
export type LoadEvent =
  | Exclude<LoadEvent_Serialize, { kind: "firstLook" }>
  | ({ kind: "firstLook" } & NumbersList);
// Troubleshoot
export type CodeExplanation = CodeExplanation_Serialize;
/** One question of a diagnosis, asked or answered (the live checklist). */
export type Asked = Asked_Serialize;
export type DiagnoseRequest = DiagnoseRequest_Deserialize;
export type Diagnosis = Diagnosis_Serialize;
export type Finding = Finding_Serialize;
export type Fix = Fix_Serialize;
export type FixAction = FixAction_Serialize;
export type ScanGroup = ScanGroup_Serialize;
export type ScanReport = ScanReport_Serialize;
export type WebhookTestResult = WebhookTestResult_Serialize;
export type { CheckLine, Evidence, Outcome, ProfileFix, Severity, Symptom, SymptomLabel };
/** The Troubleshoot screen's symptoms in the picker's order, with desk-core's words. */
export const symptomCatalogue: readonly SymptomLabel[] = SYMPTOMS;

export type {
  AccountSummary,
  ChangeOutcome,
  ConnectInput,
  GlossaryEntry,
  GroupLabel,
  HealthView,
  ImportRow,
  ItemState,
  JobKind,
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
  Warning,
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

function progressChannel(onProgress: (p: BulkProgress) => void): Channel<BulkProgress_Deserialize> {
  const channel = new Channel<BulkProgress_Deserialize>();
  channel.onmessage = (message) => onProgress(message as BulkProgress);
  return channel;
}

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
  /** Fetches again the pages of numbers the last load missed: the whole list, with them. */
  loadMissingNumbers: () =>
    unwrap(() => commands.loadMissingNumbers()).then(
      (list): NumbersList => ({ ...list, rows: rowsOf(list.rows) }),
    ),
  numberDetail: (id: string) => unwrap(() => commands.numberDetail(id)),
  /** Puts a number on a profile, or takes it off its profile with `null`, as a journalled change of
   * one number; returns the change, its preview's warnings and the row read back from Telnyx. */
  changeNumberProfile: (id: string, profileId: string | null) =>
    unwrap(() => commands.changeNumberProfile(id, profileId)),
  /** Reads a number from Telnyx: is it on `profileId` (or on none, for `null`)? */
  checkNumberProfile: (id: string, profileId: string | null) =>
    unwrap(() => commands.checkNumberProfile(id, profileId)),
  /** Creates a messaging profile; a form Telnyx would refuse is refused first, in words. */
  createMessagingProfile: (profile: NewProfile) => unwrap(() => commands.createMessagingProfile(profile)),
  /** The preview of moving numbers (ids) onto a profile, or off every profile (`null`). */
  previewMove: (selection: string[], profileId: string | null) =>
    unwrap(() => commands.previewMove(selection, profileId)),
  runMove: (selection: string[], profileId: string | null, onProgress: (p: BulkProgress) => void) =>
    unwrap(() => commands.runMove(selection, profileId, progressChannel(onProgress))),
  /** Asks the running change to stop sending (false: none was running). */
  cancelJob: () => unwrap(() => commands.cancelJob().then((data) => ({ status: "ok" as const, data }))),
  previewUndo: (jobId: string) => unwrap(() => commands.previewUndo(jobId)),
  undoJob: (jobId: string, onProgress: (p: BulkProgress) => void) =>
    unwrap(() => commands.undoJob(jobId, progressChannel(onProgress))),
  retryFailed: (jobId: string, onProgress: (p: BulkProgress) => void) =>
    unwrap(() => commands.retryFailed(jobId, progressChannel(onProgress))),
  listJobs: () => unwrap(() => commands.listJobs()),
  jobDetail: (jobId: string) => unwrap(() => commands.jobDetail(jobId)),
  unfinishedJobs: () => unwrap(() => commands.unfinishedJobs()),
  finishUnfinishedJobs: (onProgress: (p: BulkProgress) => void) =>
    unwrap(() => commands.finishUnfinishedJobs(progressChannel(onProgress))),
  /** Opens the native Open dialog; `null` when it was closed. The file is read by the backend. */
  importCsv: () => unwrap(() => commands.importCsv()),
  runImport: (rows: ImportRow[], onProgress: (p: BulkProgress) => void) =>
    unwrap(() => commands.runImport(rows, progressChannel(onProgress))),
  /** Saves assignments as CSV through the Save dialog: the file's name, `null` when closed. */
  exportAssignmentsCsv: (ids: string[] | null) => unwrap(() => commands.exportAssignmentsCsv(ids)),
  exportJobCsv: (jobId: string, only: ItemState[] | null) => unwrap(() => commands.exportJobCsv(jobId, only)),
  getSettings: () => unwrap(() => commands.getSettings()),
  updateSettings: (edit: SettingsEdit) => unwrap(() => commands.updateSettings(edit)),
  // Troubleshoot
  /** Every check of one number for a symptom, the findings and the diagnosis in one sentence;
   * `onAsked` hears each question behind the checks as it is asked and answered. */
  diagnoseNumber: (request: DiagnoseRequest, onAsked: (a: Asked) => void = () => {}) => {
    const channel = new Channel<Asked_Deserialize>();
    channel.onmessage = (message) => onAsked(message as Asked);
    return unwrap(() => commands.diagnoseNumber(request, channel));
  },
  /** One test delivery to a webhook URL. */
  testWebhook: (url: string) => commands.testWebhook(url),
  /** A Telnyx error code explained. */
  explainErrorCode: (code: string) => commands.explainErrorCode(code),
  /** The diagnosis rules over every number of the account, grouped by cause. */
  scanAccount: () => unwrap(() => commands.scanAccount()),
  /** A one-click fix to a messaging profile, journalled (`job`: null when nothing was sent). */
  applyProfileFix: (fix: ProfileFix) => unwrap(() => commands.applyProfileFix(fix)),
  /** Saves the support report through the Save dialog; the file's name, `null` when closed. */
  exportSupportReport: (request: DiagnoseRequest) => unwrap(() => commands.exportSupportReport(request)),
};
