// Shown on every screen when a change was cut short (Number Desk closed or crashed mid-change):
// finishing it re-reads the numbers from Telnyx first, so nothing is sent twice.
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { describeError } from "../../lib/errors";
import { type BulkProgress, ipc } from "../../lib/ipc";
import { queryKeys } from "../../lib/queryKeys";
import { numbersWord, outcomeWords, progressWords, summaryOf } from "../jobs/words";

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

  const left = jobs.reduce((n, j) => n + j.counts.planned + j.counts.sent, 0);
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
            {numbersWord(left)} of {jobs.length === 1 ? "that change are" : `${jobs.length} changes are`} not
            finished. Finishing first asks Telnyx where each number is now, then sends only what did not take
            effect.
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
