// Activity: every change made from Number Desk on this account, newest first, with its outcome,
// Undo where possible, and each change's numbers (filterable, exportable).
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { ErrorNotice } from "../../components/ErrorNotice";
import { describeError } from "../../lib/errors";
import { ipc, type JobSummary, type NumbersList } from "../../lib/ipc";
import { queryKeys } from "../../lib/queryKeys";
import { JobFlow, JobItems, type JobRequest, undoRequest } from "../jobs/JobFlow";
import {
  canUndo,
  kindWords,
  numbersWord,
  outcomeWords,
  profileChangeTitle,
  retryCount,
  settingValueWords,
  whenWords,
} from "../jobs/words";
import "../jobs/jobs.css";
import "./activity.css";

export function ActivityPage() {
  const account = useQuery({ queryKey: queryKeys.account, queryFn: ipc.currentAccount });
  const accountId = account.data?.id;
  const jobs = useQuery({
    queryKey: queryKeys.jobs(accountId),
    queryFn: ipc.listJobs,
    enabled: accountId !== undefined,
  });
  // Profile names for the numbers' from → to (the Numbers list's, when it was loaded).
  const numbers = useQuery<NumbersList>({ queryKey: queryKeys.numbers(accountId), enabled: false });
  const profiles = numbers.data?.profiles ?? [];
  const [open, setOpen] = useState<string | null>(null);
  const [request, setRequest] = useState<JobRequest | null>(null);

  return (
    <section className="page activity-page" aria-labelledby="page-title" data-testid="activity-page">
      <div className="page-head">
        <h1 id="page-title">Activity</h1>
      </div>
      <p className="muted">
        Every change Number Desk made to this account's numbers and messaging profiles, newest first. Each is
        recorded on this computer before it starts, so a change cut short can be finished and any change can
        be undone.
      </p>
      {jobs.isError ? <ErrorNotice error={jobs.error} onRetry={() => jobs.refetch()} /> : null}
      {jobs.isPending && accountId !== undefined ? <p>Loading the record of changes…</p> : null}
      {jobs.data && jobs.data.length === 0 ? (
        <div className="notice" data-testid="activity-empty">
          No changes yet. Changes you make on the Assign screen, the Numbers screen or in Troubleshoot appear
          here.
        </div>
      ) : null}
      {jobs.data && jobs.data.length > 0 ? (
        <ul className="activity-list" data-testid="activity-list">
          {jobs.data.map((job) => (
            <JobRow
              key={job.id}
              job={job}
              open={open === job.id}
              onToggle={() => setOpen(open === job.id ? null : job.id)}
              onUndo={() => setRequest(undoRequest(job))}
              onRetry={() => setRequest({ kind: "retry", jobId: job.id, count: retryCount(job) })}
              profileName={(id) =>
                id ? (profiles.find((p) => p.id === id)?.name ?? "another profile") : "no profile"
              }
            />
          ))}
        </ul>
      ) : null}
      {request ? <JobFlow request={request} profiles={profiles} onClose={() => setRequest(null)} /> : null}
    </section>
  );
}

function JobRow(props: {
  job: JobSummary;
  open: boolean;
  onToggle: () => void;
  onUndo: () => void;
  onRetry: () => void;
  profileName: (id: string | null) => string;
}) {
  const { job } = props;
  const total = Object.entries(job.counts)
    .filter(([k]) => k !== "confirmed")
    .reduce((n, [, v]) => n + v, 0);
  const change = job.profileChange;
  const detail = useQuery({
    queryKey: queryKeys.job(job.account, job.id),
    queryFn: () => ipc.jobDetail(job.id),
    enabled: props.open && !change,
  });
  const [saved, setSaved] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  return (
    <li className="activity-item" data-testid="activity-item" data-kind={job.kind} data-state={job.state}>
      <div className="activity-head">
        <button
          type="button"
          className="activity-toggle"
          aria-expanded={props.open}
          data-testid="activity-open"
          onClick={props.onToggle}
        >
          <strong>{kindWords[job.kind]}</strong> · {change ? profileChangeTitle(change) : numbersWord(total)}{" "}
          ·{" "}
          <span className="muted">
            {whenWords(job.createdAt)} by {job.who}
          </span>
        </button>
        <span className="activity-actions">
          {canUndo(job) ? (
            <button type="button" className="button" data-testid="activity-undo" onClick={props.onUndo}>
              Undo
            </button>
          ) : null}
          {retryCount(job) > 0 && job.state !== "running" ? (
            <button type="button" className="button" data-testid="activity-retry" onClick={props.onRetry}>
              Retry failed
            </button>
          ) : null}
        </span>
      </div>
      <p className="activity-outcome" data-testid="activity-outcome">
        {outcomeWords(job)}
      </p>
      {props.open && change ? (
        <dl className="activity-detail activity-setting" data-testid="activity-setting">
          <dt>Before</dt>
          <dd data-testid="setting-before">{settingValueWords(change.before)}</dd>
          <dt>After</dt>
          <dd data-testid="setting-after">{settingValueWords(change.after)}</dd>
          {change.words ? (
            <>
              <dt>Why</dt>
              <dd>{change.words}</dd>
            </>
          ) : null}
        </dl>
      ) : null}
      {props.open && !change ? (
        <div className="activity-detail">
          {detail.isError ? <p role="alert">{describeError(detail.error).message}</p> : null}
          {detail.data ? (
            <>
              <JobItems job={detail.data} profileName={props.profileName} />
              <button
                type="button"
                className="button"
                data-testid="activity-export"
                onClick={() =>
                  ipc.exportJobCsv(job.id, null).then(
                    (name) => name && setSaved(name),
                    (e) => setError(describeError(e).message),
                  )
                }
              >
                Export to CSV…
              </button>
              {saved ? <span className="muted"> Saved as {saved}.</span> : null}
              {error ? <p role="alert">{error}</p> : null}
            </>
          ) : (
            <p>Loading…</p>
          )}
        </div>
      ) : null}
    </li>
  );
}
