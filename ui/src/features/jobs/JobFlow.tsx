// One change from preview to result, in a dialog: the preview (nothing is sent before Confirm),
// the progress with Cancel, and the per-number result with Undo, Retry failed and Export. The
// Assign board, Activity and Troubleshoot all open changes through it.
import { useQueryClient } from "@tanstack/react-query";
import { type ReactNode, useEffect, useId, useRef, useState } from "react";
import { describeError } from "../../lib/errors";
import {
  type BulkProgress,
  type ImportPreview,
  type ItemState,
  ipc,
  type Job,
  type JobKind,
  type JobSummary,
  type Plan,
  type ProfileSettingChange,
  type ProfileSummary,
} from "../../lib/ipc";
import { queryKeys } from "../../lib/queryKeys";
import {
  canUndo,
  confirmWords,
  itemWords,
  numbersWord,
  outcomeWords,
  planTitle,
  profileChangeTitle,
  progressWords,
  resultOrder,
  retryCount,
  settingValueWords,
  summaryOf,
} from "./words";
import "./jobs.css";

/** What the dialog is asked to do. */
export type JobRequest =
  | { kind: "move"; selection: string[]; profileId: string | null }
  | { kind: "undo"; jobId: string }
  | { kind: "undoProfile"; jobId: string; change: ProfileSettingChange }
  | { kind: "retry"; jobId: string; count: number }
  | { kind: "import"; preview: ImportPreview };

/** The request that undoes `job`: its numbers put back, or its profile setting set back. */
export function undoRequest(job: Job | JobSummary): JobRequest {
  return job.profileChange
    ? { kind: "undoProfile", jobId: job.id, change: job.profileChange }
    : { kind: "undo", jobId: job.id };
}

type Stage =
  | { stage: "planning" }
  | { stage: "confirmProfile"; change: ProfileSettingChange }
  | { stage: "preview"; plan: Plan }
  | { stage: "running"; progress: BulkProgress | null; notes: string[]; cancelling: boolean }
  | { stage: "done"; job: Job }
  | { stage: "error"; error: unknown };

/** Rows shown per group before "and N more" (the export has them all). */
const SHOWN = 200;

function kindOf(request: JobRequest, plan: Plan | null): JobKind {
  if (request.kind === "move") return request.profileId ? "move" : "unassign";
  if (request.kind === "undo" || request.kind === "undoProfile") return "undo";
  if (request.kind === "import") return "import";
  return plan?.target.kind === "unassigned" ? "unassign" : "move";
}

export function JobFlow(props: {
  request: JobRequest;
  profiles: readonly ProfileSummary[];
  /** Called when the dialog closes; `changed`: a change ran (the lists are refreshed already). */
  onClose: (changed: boolean) => void;
}) {
  const queryClient = useQueryClient();
  const titleId = useId();
  const [request, setRequest] = useState<JobRequest>(props.request);
  const [stage, setStage] = useState<Stage>({ stage: "planning" });
  const [changed, setChanged] = useState(false);
  const dialog = useRef<HTMLDivElement>(null);
  const opener = useRef<Element | null>(null);

  // Focus returns to what opened the dialog when it closes.
  useEffect(() => {
    opener.current = document.activeElement;
    return () => {
      if (opener.current instanceof HTMLElement && opener.current.isConnected) opener.current.focus();
    };
  }, []);

  // Each request is previewed first (a retry has no preview beyond its count).
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new request (and only that) starts a new flow.
  useEffect(() => {
    let live = true;
    if (request.kind === "undoProfile") {
      setStage({ stage: "confirmProfile", change: request.change });
      return;
    }
    setStage({ stage: "planning" });
    const planFor = async (): Promise<Plan | null> => {
      switch (request.kind) {
        case "move":
          return ipc.previewMove(request.selection, request.profileId);
        case "undo":
          return ipc.previewUndo(request.jobId);
        case "import":
          return request.preview.plan;
        case "retry":
          return null;
      }
    };
    planFor().then(
      (plan) => {
        if (!live) return;
        if (plan) setStage({ stage: "preview", plan });
        else run();
      },
      (error) => live && setStage({ stage: "error", error }),
    );
    return () => {
      live = false;
    };
  }, [request]);

  useEffect(() => {
    if (stage.stage !== "running") dialog.current?.querySelector<HTMLElement>("[data-autofocus]")?.focus();
  }, [stage.stage]);

  function run() {
    const notes: string[] = [];
    setStage({ stage: "running", progress: null, notes, cancelling: false });
    const onProgress = (p: BulkProgress) => {
      if (p.note) notes.push(p.note);
      setStage((s) => (s.stage === "running" ? { ...s, progress: p, notes: [...notes] } : s));
    };
    let started: Promise<Job>;
    switch (request.kind) {
      case "move":
        started = ipc.runMove(request.selection, request.profileId, onProgress);
        break;
      case "undo":
      case "undoProfile":
        started = ipc.undoJob(request.jobId, onProgress);
        break;
      case "retry":
        started = ipc.retryFailed(request.jobId, onProgress);
        break;
      case "import":
        started = ipc.runImport(request.preview.check.rows, onProgress);
        break;
    }
    started
      .then(
        (job) => setStage({ stage: "done", job }),
        (error) => setStage({ stage: "error", error }),
      )
      .finally(() => {
        setChanged(true);
        for (const queryKey of queryKeys.afterChange) queryClient.invalidateQueries({ queryKey });
      });
  }

  const close = () => {
    if (stage.stage === "running") return;
    props.onClose(changed);
  };
  const profileName = (id: string | null) =>
    id
      ? (props.profiles.find((p) => p.id === id)?.name ?? "a profile no longer on the account")
      : "no profile";

  let title: string;
  let body: ReactNode;
  const kind = kindOf(request, stage.stage === "preview" ? stage.plan : null);
  switch (stage.stage) {
    case "planning":
      title = "Preparing the preview…";
      body = <p aria-live="polite">Working out what would change. Nothing is sent yet.</p>;
      break;
    case "preview":
      title = planTitle(stage.plan, kind);
      body = (
        <PreviewBody
          plan={stage.plan}
          kind={kind}
          request={request}
          onConfirm={run}
          onCancel={close}
          profileName={profileName}
        />
      );
      break;
    case "confirmProfile":
      title = `Undo: ${profileChangeTitle(stage.change)}`;
      body = <ConfirmProfileUndo change={stage.change} onConfirm={run} onCancel={close} />;
      break;
    case "running":
      title = request.kind === "undoProfile" ? "Changing the profile…" : "Changing numbers…";
      body = (
        <RunningBody
          stage={stage}
          onCancel={() => {
            setStage((s) => (s.stage === "running" ? { ...s, cancelling: true } : s));
            void ipc.cancelJob();
          }}
        />
      );
      break;
    case "done":
      title = stage.job.state === "cancelled" ? "Change cancelled" : "Change finished";
      body = (
        <DoneBody
          job={stage.job}
          profileName={profileName}
          onUndo={() => setRequest(undoRequest(stage.job))}
          onRetry={() =>
            setRequest({ kind: "retry", jobId: stage.job.id, count: retryCount(summaryOf(stage.job)) })
          }
          onClose={close}
        />
      );
      break;
    case "error":
      title = "The change could not be made";
      body = <ErrorBody error={stage.error} onClose={close} />;
      break;
  }

  return (
    <div className="dialog-backdrop">
      <div
        ref={dialog}
        className="dialog job-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        data-testid="job-dialog"
        data-stage={stage.stage}
        onKeyDown={(e) => {
          if (e.key === "Escape") {
            e.stopPropagation();
            close();
          }
        }}
      >
        <h2 id={titleId} data-testid="job-title">
          {title}
        </h2>
        {body}
      </div>
    </div>
  );
}

function PreviewBody(props: {
  plan: Plan;
  kind: JobKind;
  request: JobRequest;
  onConfirm: () => void;
  onCancel: () => void;
  profileName: (id: string | null) => string;
}) {
  const { plan } = props;
  const c = plan.counts;
  const problems = props.request.kind === "import" ? props.request.preview.check.problems : [];
  return (
    <>
      {props.request.kind === "import" ? (
        <p>
          {props.request.preview.fileName}: {numbersWord(props.request.preview.check.rows.length)} on usable
          rows
          {problems.length > 0
            ? `, ${problems.length} ${problems.length === 1 ? "row" : "rows"} that will not be used`
            : ""}
          .
        </p>
      ) : null}
      <p className="muted">Nothing has been sent to Telnyx yet.</p>
      <div className="plan-counts" data-testid="plan-counts">
        <Count label="Will move" value={c.willMove} testId="plan-will-move" />
        <Count label="Already there" value={c.alreadyThere} testId="plan-already-there" />
        <Count label="Cannot move" value={c.cannot} testId="plan-cannot" />
      </div>
      {plan.warnings.length > 0 ? (
        <ul className="plan-warnings" data-testid="plan-warnings">
          {plan.warnings.map((w) => (
            <li key={`${w.kind}-${w.text}`} data-kind={w.kind}>
              {w.text}
            </li>
          ))}
        </ul>
      ) : null}
      <div className="plan-groups">
        {plan.willMove.length > 0 ? (
          <Group title={`Will move (${c.willMove})`} testId="group-will-move" total={plan.willMove.length}>
            {plan.willMove.slice(0, SHOWN).map((m) => (
              <li key={m.id}>
                <span className="mono">{m.phoneNumber}</span>{" "}
                <span className="muted">
                  {m.fromName ?? props.profileName(m.from)} → {m.toName ?? props.profileName(m.to)}
                </span>
              </li>
            ))}
          </Group>
        ) : null}
        {plan.alreadyThere.length > 0 ? (
          <Group
            title={`Already there (${c.alreadyThere})`}
            testId="group-already-there"
            total={plan.alreadyThere.length}
          >
            {plan.alreadyThere.slice(0, SHOWN).map((m) => (
              <li key={m.id}>
                <span className="mono">{m.phoneNumber}</span>
              </li>
            ))}
          </Group>
        ) : null}
        {plan.cannot.length > 0 ? (
          <Group title={`Cannot move (${c.cannot})`} testId="group-cannot" total={plan.cannot.length} open>
            {plan.cannot.slice(0, SHOWN).map((r) => (
              <li key={`${r.id ?? ""}${r.phoneNumber}`}>
                <span className="mono">{r.phoneNumber}</span> <span>{r.why}</span>
              </li>
            ))}
          </Group>
        ) : null}
        {problems.length > 0 ? (
          <Group
            title={`Rows not used (${problems.length})`}
            testId="group-rows"
            total={problems.length}
            open
          >
            {problems.slice(0, SHOWN).map((p) => (
              <li key={`${p.line}-${p.kind}`}>
                Line {p.line}: {p.text}
              </li>
            ))}
          </Group>
        ) : null}
      </div>
      <div className="form-actions">
        <button
          type="button"
          className="button button-primary"
          data-testid="job-confirm"
          disabled={c.willMove === 0}
          data-autofocus={c.willMove > 0 ? true : undefined}
          onClick={props.onConfirm}
        >
          {confirmWords(plan, props.kind)}
        </button>
        <button
          type="button"
          className="button"
          data-testid="job-cancel"
          data-autofocus={c.willMove === 0 ? true : undefined}
          onClick={props.onCancel}
        >
          Cancel
        </button>
      </div>
    </>
  );
}

/** The undo of a profile change: the setting's value it goes back to, before anything is sent. */
function ConfirmProfileUndo(props: {
  change: ProfileSettingChange;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const c = props.change;
  return (
    <>
      <p data-testid="profile-undo-words">
        “{c.profileName}” goes back to {settingValueWords(c.before)} (it is {settingValueWords(c.after)} now).
        If someone has changed this setting since, nothing is sent and you are told.
      </p>
      <p className="muted">Nothing has been sent to Telnyx yet.</p>
      <div className="form-actions">
        <button
          type="button"
          className="button button-primary"
          data-testid="job-confirm"
          data-autofocus
          onClick={props.onConfirm}
        >
          Undo this change
        </button>
        <button type="button" className="button" data-testid="job-cancel" onClick={props.onCancel}>
          Cancel
        </button>
      </div>
    </>
  );
}

function Count(props: { label: string; value: number; testId: string }) {
  return (
    <div className="plan-count">
      <strong data-testid={props.testId}>{props.value.toLocaleString("en-US")}</strong>
      <span>{props.label}</span>
    </div>
  );
}

function Group(props: { title: string; testId: string; total: number; open?: boolean; children: ReactNode }) {
  return (
    <details className="plan-group" data-testid={props.testId} open={props.open}>
      <summary>{props.title}</summary>
      <ul>{props.children}</ul>
      {props.total > SHOWN ? (
        <p className="muted">…and {(props.total - SHOWN).toLocaleString("en-US")} more.</p>
      ) : null}
    </details>
  );
}

function RunningBody(props: { stage: Extract<Stage, { stage: "running" }>; onCancel: () => void }) {
  const p = props.stage.progress;
  const total = p?.total ?? 0;
  const settled = p ? p.moved + p.failed : 0;
  return (
    <>
      <div className="job-progress" aria-live="polite" data-testid="job-progress">
        <progress max={Math.max(total, 1)} value={settled} />
        <span data-testid="job-progress-words">{p ? progressWords(p) : "Starting…"}</span>
      </div>
      {props.stage.notes.length > 0 ? (
        <ul className="job-notes" data-testid="job-notes">
          {props.stage.notes.slice(-5).map((n, i) => (
            // Notes only grow; their position is their identity.
            // biome-ignore lint/suspicious/noArrayIndexKey: append-only log
            <li key={i}>{n}</li>
          ))}
        </ul>
      ) : null}
      <p className="muted">
        {props.stage.cancelling
          ? "Stopping: nothing new is sent; numbers already sent are followed to their outcome."
          : "You can keep this window open; every step is recorded, so nothing is lost if Number Desk closes."}
      </p>
      <div className="form-actions">
        <button
          type="button"
          className="button"
          data-testid="job-stop"
          disabled={props.stage.cancelling}
          onClick={props.onCancel}
        >
          {props.stage.cancelling ? "Stopping…" : "Cancel"}
        </button>
      </div>
    </>
  );
}

const outcomeFilters: { key: "all" | ItemState; label: string }[] = [
  { key: "all", label: "All" },
  { key: "moved", label: "Moved" },
  { key: "failed", label: "Failed" },
  { key: "skipped", label: "Skipped" },
  { key: "notSent", label: "Not sent" },
];

/** A change's numbers with their outcome, filterable; shared by the dialog and Activity. */
export function JobItems(props: { job: Job; profileName: (id: string | null) => string }) {
  const [only, setOnly] = useState<"all" | ItemState>("all");
  const items = resultOrder(props.job).filter((i) => only === "all" || i.state === only);
  const count = (k: "all" | ItemState) =>
    k === "all" ? props.job.items.length : props.job.items.filter((i) => i.state === k).length;
  return (
    <div className="job-items">
      <fieldset className="chip-row">
        <legend className="visually-hidden">Show numbers that are</legend>
        {outcomeFilters
          .filter((f) => f.key === "all" || count(f.key) > 0)
          .map((f) => (
            <button
              key={f.key}
              type="button"
              className="toggle-chip"
              aria-pressed={only === f.key}
              data-testid={`items-filter-${f.key}`}
              onClick={() => setOnly(f.key)}
            >
              {f.label} ({count(f.key).toLocaleString("en-US")})
            </button>
          ))}
      </fieldset>
      <ul className="job-item-list" data-testid="job-items">
        {items.slice(0, SHOWN).map((i) => (
          <li key={i.phoneNumber} data-state={i.state} data-testid="job-item">
            <span className="mono">{i.phoneNumber}</span>
            <span className={`item-state item-${i.state}`}>{itemWords(i)}</span>
            <span className="muted">
              {props.profileName(i.from)} → {props.profileName(i.to)}
            </span>
            {i.words ? <span className="item-why">{i.words}</span> : null}
          </li>
        ))}
      </ul>
      {items.length > SHOWN ? (
        <p className="muted">
          …and {(items.length - SHOWN).toLocaleString("en-US")} more (Export has them all).
        </p>
      ) : null}
    </div>
  );
}

function DoneBody(props: {
  job: Job;
  profileName: (id: string | null) => string;
  onUndo: () => void;
  onRetry: () => void;
  onClose: () => void;
}) {
  const summary = summaryOf(props.job);
  const [saved, setSaved] = useState<string | null>(null);
  const retry = retryCount(summary);
  return (
    <>
      <p className="job-outcome" data-testid="job-outcome" role="status">
        {props.job.profileChange ? `${profileChangeTitle(props.job.profileChange)}. ` : null}
        {outcomeWords(summary)}
      </p>
      {props.job.profileChange ? null : <JobItems job={props.job} profileName={props.profileName} />}
      {saved ? (
        <p className="muted" role="status">
          Saved as {saved}.
        </p>
      ) : null}
      <div className="form-actions">
        <button
          type="button"
          className="button button-primary"
          data-testid="job-close"
          data-autofocus
          onClick={props.onClose}
        >
          Close
        </button>
        {canUndo(summary) ? (
          <button type="button" className="button" data-testid="job-undo" onClick={props.onUndo}>
            Undo this change
          </button>
        ) : null}
        {retry > 0 ? (
          <button type="button" className="button" data-testid="job-retry" onClick={props.onRetry}>
            Retry {numbersWord(retry)}
          </button>
        ) : null}
        {props.job.profileChange ? null : (
          <button
            type="button"
            className="button"
            data-testid="job-export"
            onClick={() =>
              ipc.exportJobCsv(props.job.id, null).then(
                (name) => name && setSaved(name),
                () => undefined,
              )
            }
          >
            Export…
          </button>
        )}
      </div>
    </>
  );
}

function ErrorBody(props: { error: unknown; onClose: () => void }) {
  const view = describeError(props.error);
  return (
    <>
      <p role="alert" data-testid="job-error">
        {view.message}
      </p>
      <p className="muted">Activity shows what, if anything, changed before this happened.</p>
      <div className="form-actions">
        <button
          type="button"
          className="button"
          data-testid="job-close"
          data-autofocus
          onClick={props.onClose}
        >
          Close
        </button>
      </div>
    </>
  );
}
