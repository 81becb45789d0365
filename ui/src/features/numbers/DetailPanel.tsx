import { useQuery } from "@tanstack/react-query";
import { type ReactNode, useEffect, useRef, useState } from "react";
import { ErrorNotice } from "../../components/ErrorNotice";
import { Term } from "../../components/Term";
import { healthThresholds, ipc, type ListRow, type Problem } from "../../lib/ipc";
import { queryKeys } from "../../lib/queryKeys";
import { troubleshootHash } from "../troubleshoot/model";
import { flag, groups } from "./model";
import { ReadinessBadge } from "./Readiness";

const stateWords: Record<string, string> = {
  passed: "Passed",
  failed: "Needs action",
  waiting: "In progress",
  warning: "Worth a look",
  unknown: "Not known",
  notApplicable: "Does not apply",
};
const stateIcons: Record<string, string> = {
  passed: "✓",
  failed: "✗",
  waiting: "⏳",
  warning: "!",
  unknown: "?",
  notApplicable: "–",
};

function groupLabel(key: string): string {
  return groups.find((g) => g.key === key)?.label ?? key;
}

/** One problem: its words and group, why, what to do, and for one in progress who is acting. */
function ProblemItem(props: { problem: Problem; first: boolean; alone: boolean }) {
  const p = props.problem;
  return (
    <li className={`problem problem-${p.group}`} data-testid="detail-problem" data-verdict={p.verdict}>
      {/* A lone problem is the badge above; several are named one by one. */}
      {props.alone ? null : (
        <div className="problem-head">
          <strong>{p.label}</strong>{" "}
          <span className={`group-tag group-${p.group}`}>{groupLabel(p.group)}</span>
        </div>
      )}
      <p data-testid={props.first ? "detail-reason" : undefined}>{p.reason}</p>
      {p.waitingOn ? (
        <p className="muted" data-testid="detail-waiting-on">
          In the hands of {p.waitingOn}
          {p.usualTime ? `; ${p.usualTime}` : ""}.
        </p>
      ) : null}
      <p>
        <strong>What to do: </strong>
        {p.fix}
      </p>
    </li>
  );
}

function Field(props: { label: ReactNode; explain: string; testId: string; children: ReactNode }) {
  return (
    <div className="field">
      <dt>{props.label}</dt>
      <dd>
        <div data-testid={props.testId}>{props.children}</div>
        <p className="muted field-explain">{props.explain}</p>
      </dd>
    </div>
  );
}

function Ratio(props: { label: string; ratio: number | null; tone: string }) {
  const pct = props.ratio === null ? null : Math.round(Math.min(1, Math.max(0, props.ratio)) * 100);
  return (
    <div className="ratio">
      <span className="ratio-label">{props.label}</span>
      <span className="ratio-bar" aria-hidden="true">
        <span className={`health-fill health-${props.tone}`} style={{ width: `${pct ?? 0}%` }} />
      </span>
      <span className="ratio-value">{pct === null ? "unknown" : `${pct}%`}</span>
    </div>
  );
}

/** Everything about one number, in words, with its checklist and the raw record. */
export function DetailPanel(props: {
  row: ListRow;
  accountId: string | undefined;
  busy: boolean;
  onAssign: () => void;
  onUnassign: () => void;
  onClose: () => void;
}) {
  const { row } = props;
  const heading = useRef<HTMLHeadingElement>(null);
  const panel = useRef<HTMLElement>(null);
  const [copied, setCopied] = useState(false);
  const detail = useQuery({
    queryKey: queryKeys.numberDetail(props.accountId, row.id),
    queryFn: () => ipc.numberDetail(row.id),
  });
  // When the panel closes, focus goes back to where it was when it opened (the list, as a rule) rather
  // than being dropped on the page; if that is gone (a row menu), to the list itself. Declared before
  // the effect that focuses the heading, so it sees where focus was.
  useEffect(() => {
    const before = document.activeElement;
    const panelElement = panel.current;
    return () => {
      const now = document.activeElement;
      if (now && now !== document.body && !panelElement?.contains(now) && now.isConnected) return;
      const back =
        before instanceof HTMLElement && before.isConnected && before !== document.body
          ? before
          : document.querySelector<HTMLElement>('[role="grid"]');
      back?.focus();
    };
  }, []);
  // biome-ignore lint/correctness/useExhaustiveDependencies: focus moves to the panel when another number opens.
  useEffect(() => {
    heading.current?.focus();
    setCopied(false);
  }, [row.id]);
  // The list row is current (it changes at once on assign); the rest comes with the detail.
  const full = detail.data?.row;
  const h = row.health;
  const delivered = h?.successRatio ?? null;
  const spam = h?.spamRatio ?? null;

  return (
    <aside
      ref={panel}
      className="detail-panel"
      aria-labelledby="detail-title"
      data-testid="detail-panel"
      onKeyDown={(e) => {
        if (e.key === "Escape") props.onClose();
      }}
    >
      <div className="detail-head">
        <h2 id="detail-title" tabIndex={-1} ref={heading}>
          {row.display}
        </h2>
        <button
          type="button"
          className="button detail-close"
          aria-label="Close details"
          aria-keyshortcuts="Escape"
          data-testid="detail-close"
          onClick={props.onClose}
        >
          <span aria-hidden="true">✕ </span>Close
        </button>
      </div>
      <div className="detail-verdict">
        <div className="detail-verdict-head">
          <ReadinessBadge verdict={row.verdict} problems={row.problems} />
          <span className={`group-tag group-${row.group}`} data-testid="detail-group">
            {groupLabel(row.group)}
          </span>
        </div>
        {full && full.readiness.problems.length > 0 ? (
          <>
            {full.readiness.problems.length > 1 ? (
              <p className="muted">{full.readiness.problems.length} problems, the first to fix first:</p>
            ) : null}
            <ol
              className={`problems${full.readiness.problems.length === 1 ? " problems-alone" : ""}`}
              data-testid="detail-problems"
            >
              {full.readiness.problems.map((p, i, all) => (
                <ProblemItem
                  key={`${p.verdict}:${p.reason}`}
                  problem={p}
                  first={i === 0}
                  alone={all.length === 1}
                />
              ))}
            </ol>
          </>
        ) : (
          <>
            <p data-testid="detail-reason">{full?.readiness.reason ?? "…"}</p>
            <p>
              <strong>What to do: </strong>
              {full?.readiness.fix ?? "…"}
            </p>
          </>
        )}
      </div>
      <div className="form-actions">
        <button
          type="button"
          className="button button-primary"
          data-testid="detail-assign"
          disabled={props.busy}
          onClick={props.onAssign}
          aria-keyshortcuts="a"
        >
          {row.profileId ? "Move to…" : "Assign to a profile…"}
        </button>
        {row.profileId ? (
          <button
            type="button"
            className="button"
            data-testid="detail-unassign"
            disabled={props.busy}
            onClick={props.onUnassign}
          >
            Unassign…
          </button>
        ) : null}
        <button
          type="button"
          className="button"
          data-testid="detail-troubleshoot"
          onClick={() => {
            window.location.hash = troubleshootHash(row.phoneNumber);
          }}
        >
          Troubleshoot this number
        </button>
      </div>
      <dl className="fields">
        <Field
          label="Phone number"
          testId="detail-phone"
          explain="The number people text. The second form is how Telnyx and other systems write it."
        >
          {row.display} <code data-testid="detail-e164">{row.phoneNumber}</code>{" "}
          <span className="muted">
            (<Term term="e164" />)
          </span>{" "}
          <button
            type="button"
            className="link-button"
            onClick={() => {
              navigator.clipboard
                ?.writeText(row.phoneNumber)
                .then(() => setCopied(true))
                .catch(() => setCopied(false));
            }}
          >
            {copied ? "Copied" : "Copy"}
          </button>
        </Field>
        <Field
          label={<Term term="messagingProfile" />}
          testId="detail-profile"
          explain="The profile holds the settings the number texts with: where incoming messages are sent (webhook) and sending rules. A number texts only through a profile."
        >
          {row.profileName ?? (row.profileId ? "A profile that is no longer on the account" : "None")}
        </Field>
        <Field
          label="Type"
          testId="detail-type"
          explain="Local numbers in the US need a 10DLC campaign, toll-free numbers need verification, and short codes are set up by Telnyx."
        >
          {row.typeLabel}
        </Field>
        <Field
          label="Country"
          testId="detail-country"
          explain="Where the number is registered; rules differ by country."
        >
          <span aria-hidden="true">{flag(row.countryCode)} </span>
          {row.countryName}
          {row.countryCode ? ` (${row.countryCode})` : ""}
        </Field>
        <Field
          label="Text messages (SMS)"
          testId="detail-sms"
          explain="Whether the number can send and receive ordinary texts."
        >
          {row.sms ? "Yes" : "No"}
        </Field>
        <Field
          label="Picture messages (MMS)"
          testId="detail-mms"
          explain="Whether the number can send and receive pictures and other media."
        >
          {row.mms ? "Yes" : "No"}
        </Field>
        <Field
          label="Health"
          testId="detail-health"
          explain={`How carriers treated this number's recent messages. Telnyx counts a number as unhealthy below ${Math.round(healthThresholds.minSuccessRatio * 100)}% delivered or above ${Math.round(healthThresholds.maxSpamRatio * 100)}% flagged as spam.`}
        >
          {h && h.messageCount > 0 ? (
            <div className="health-picture">
              <Ratio
                label="Delivered"
                ratio={delivered}
                tone={delivered !== null && delivered < healthThresholds.minSuccessRatio ? "bad" : "ok"}
              />
              <Ratio
                label="Flagged as spam"
                ratio={spam}
                tone={spam !== null && spam > healthThresholds.maxSpamRatio ? "bad" : "warn"}
              />
              <span className="muted">
                Based on {h.messageCount.toLocaleString("en-US")} messages
                {h.inboundOutboundRatio !== null
                  ? `; ${h.inboundOutboundRatio.toFixed(2)} received for every one sent`
                  : ""}
                .
              </span>
            </div>
          ) : (
            "No messages yet, so no health figures."
          )}
        </Field>
        <Field
          label="Eligible messaging products"
          testId="detail-products"
          explain="The kinds of messaging Telnyx allows on this number (A2P is business messaging to people; P2P is person to person)."
        >
          {!full
            ? "…"
            : full.eligibleMessagingProducts.length > 0
              ? full.eligibleMessagingProducts.join(", ")
              : "None listed"}
        </Field>
        {row.tags.length > 0 ? (
          <Field label="Tags" testId="detail-tags" explain="Labels your team put on the number in Telnyx.">
            {row.tags.join(", ")}
          </Field>
        ) : null}
      </dl>
      <h3>Readiness checklist</h3>
      {detail.isPending ? <p className="muted">Loading the checklist…</p> : null}
      <ol className="checklist" data-testid="detail-checklist">
        {(detail.data?.row.readiness.checks ?? []).map((c) => (
          <li key={c.key} className={`check check-${c.state}`}>
            <span className="check-icon" aria-hidden="true">
              {stateIcons[c.state] ?? "?"}
            </span>
            <span>
              <strong>{c.term ? <Term term={c.term}>{c.label}</Term> : c.label}</strong>{" "}
              <span className="visually-hidden">{stateWords[c.state]}: </span>
              {c.detail}
            </span>
          </li>
        ))}
      </ol>
      <details className="raw">
        <summary>Details</summary>
        {detail.isError ? <ErrorNotice error={detail.error} onRetry={() => detail.refetch()} /> : null}
        <pre data-testid="detail-raw">{detail.data ? detail.data.rawJson : "Loading…"}</pre>
      </details>
    </aside>
  );
}
