// Shown on every screen when a change was cut short (Number Desk closed or crashed mid-change):
// finishing it re-reads the numbers from Telnyx first, so nothing is sent twice.
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { describeError } from "../../lib/errors";
import { type BulkProgress, ipc, type JobSummary } from "../../lib/ipc";
import { queryKeys } from "../../lib/queryKeys";
import { numbersWord, outcomeWords, profileChangeTitle, progressWords, summaryOf } from "../jobs/words";

export function UnfinishedBanner(props: { accountId: string }) {
  const queryClient = useQueryClient();
  const unfinished = useQuery({
    queryKey: queryKeys.unfinishedJobs(props.accountId),
    queryFn: ipc.unfinishedJobs,
  });
  const [progress, setProgress] = useState<BulkProgress | null>(null);
  const [state, setState] = useState<"idle" | "running" | "done" | "error">("idle");
  const [text, setText] = useState("");
  const jobs = unfinished.data ?? [];
  if (state === "idle" && jobs.length === 0) return null;

  const finish = () => {
    setState("running");
    ipc
      .finishUnfinishedJobs(setProgress)
      .then(
        (done) => {
          setState("done");
          setText(done.map((j) => outcomeWords(summaryOf(j))).join(" "));
        },
        (error) => {
          setState("error");
          setText(describeError(error).message);
        },
      )
      .finally(() => {
        for (const queryKey of queryKeys.afterChange) queryClient.invalidateQueries({ queryKey });
      });
  };

  return (
    <div
      className={`notice ${state === "error" ? "notice-error" : "notice-warn"}`}
      role="status"
      data-testid="unfinished-jobs"
    >
      {state === "idle" ? (
        <>
          <strong className="notice-title">A change was cut short</strong>
          <p>
            A change stopped before it finished (Number Desk closed, or Telnyx stopped answering):{" "}
            {unfinishedWords(jobs)} Finishing first asks Telnyx where each number is now and what each profile
            holds, then sends only what did not take effect.
          </p>
          <button
            type="button"
            className="button button-primary"
            data-testid="finish-unfinished"
            onClick={finish}
          >
            Finish the change
          </button>
        </>
      ) : null}
      {state === "running" ? (
        <p aria-live="polite">{progress ? progressWords(progress) : "Checking with Telnyx…"}</p>
      ) : null}
      {state === "done" || state === "error" ? (
        <>
          <p data-testid="unfinished-outcome">{state === "done" ? `Finished. ${text}` : text}</p>
          <button type="button" className="link-button" onClick={() => setState("idle")}>
            OK
          </button>
        </>
      ) : null}
    </div>
  );
}

/** What is not finished: "12 numbers of that change are not finished." and, for a change to a
 * profile, its title. */
export function unfinishedWords(jobs: readonly JobSummary[]): string {
  const moves = jobs.filter((j) => !j.profileChange);
  const parts: string[] = [];
  if (moves.length > 0) {
    const left = moves.reduce((n, j) => n + j.counts.planned + j.counts.sent, 0);
    parts.push(
      `${numbersWord(left)} of ${moves.length === 1 ? "that change are" : `${moves.length} changes are`} not finished.`,
    );
  }
  for (const j of jobs) {
    if (j.profileChange)
      parts.push(`${profileChangeTitle(j.profileChange)}: Telnyx's answer is not known yet.`);
  }
  return parts.join(" ");
}
