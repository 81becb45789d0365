import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { ErrorNotice } from "../../components/ErrorNotice";
import { ipc, type ScanGroup, type Severity } from "../../lib/ipc";
import { queryKeys } from "../../lib/queryKeys";
import { useNumbersList } from "../numbers/useNumbers";
import { FixDialog } from "./FixDialog";
import { fixKey } from "./model";

const severityWords: Record<Severity, string> = {
  problem: "Problem",
  couldNotCheck: "Could not check",
  warning: "Warning",
  advice: "Advice",
  history: "History",
};

/** The same rules over every number of the account, grouped by cause, largest first. */
export function ScanView(props: { accountId: string | undefined; onOpen: (phoneNumber: string) => void }) {
  const queryClient = useQueryClient();
  const { list } = useNumbersList();
  const [fixing, setFixing] = useState<ScanGroup | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const scan = useQuery({
    queryKey: ["troubleshoot-scan", props.accountId ?? ""],
    queryFn: ipc.scanAccount,
    enabled: props.accountId !== undefined,
  });
  if (scan.isPending) return <p className="muted">Scanning every number of the account…</p>;
  if (scan.isError) return <ErrorNotice error={scan.error} onRetry={() => scan.refetch()} />;
  const report = scan.data;
  return (
    <div className="scan" data-testid="scan">
      <div className="scan-head">
        <p data-testid="scan-summary">
          {report.scanned.toLocaleString()} numbers checked: {report.withoutProblems.toLocaleString()} without
          a problem, {report.groups.length} causes found.
        </p>
        <button
          type="button"
          className="button"
          disabled={scan.isFetching}
          onClick={() => scan.refetch()}
          data-testid="scan-again"
        >
          {scan.isFetching ? "Scanning…" : "Scan again"}
        </button>
      </div>
      {done ? (
        <p className="notice" role="status" data-testid="fix-done">
          {done}
        </p>
      ) : null}
      <ul className="scan-groups">
        {report.groups.map((g) => (
          <li key={`${g.code}:${g.title}`} data-testid="scan-group" data-code={g.code} data-count={g.count}>
            <details>
              <summary>
                <span className={`severity severity-${g.severity}`}>{severityWords[g.severity]}</span>{" "}
                <span className="scan-title">{g.title}</span>{" "}
                <span className="scan-count" data-testid="scan-count">
                  {g.count.toLocaleString()} {g.count === 1 ? "number" : "numbers"}
                </span>
              </summary>
              {g.fixIsSafe && g.fix.kind === "action" ? (
                <button
                  type="button"
                  className="button button-primary scan-fix"
                  data-testid="scan-fix-all"
                  onClick={() => {
                    setDone(null);
                    setFixing(g);
                  }}
                >
                  Fix all in this group…
                </button>
              ) : null}
              <ul className="scan-numbers">
                {g.numbers.slice(0, 200).map((n) => (
                  <li key={n.id}>
                    <button
                      type="button"
                      className="link-button"
                      data-testid="scan-number"
                      onClick={() => props.onOpen(n.phoneNumber)}
                    >
                      {n.phoneNumber}
                    </button>
                  </li>
                ))}
              </ul>
              {g.numbers.length > 200 ? (
                <p className="muted">
                  The first 200 of {g.count.toLocaleString()}; filter the Numbers screen to see them all.
                </p>
              ) : null}
            </details>
          </li>
        ))}
      </ul>
      {fixing && fixing.fix.kind === "action" ? (
        <FixDialog
          fix={{
            key: fixKey(fixing.fix.action),
            action: fixing.fix.action,
            consequence: fixing.fix.consequence,
            title: fixing.title,
          }}
          selection={
            fixing.fix.action.action === "assignProfile" ? fixing.numbers.map((n) => n.id) : undefined
          }
          profiles={list.data?.profiles ?? []}
          onCancel={() => setFixing(null)}
          onDone={async (message) => {
            setFixing(null);
            setDone(message);
            // The scan reads the loaded lists: load them again (with the change), then scan.
            await queryClient.invalidateQueries({ queryKey: queryKeys.numbers(props.accountId) });
            await scan.refetch();
          }}
        />
      ) : null}
    </div>
  );
}
