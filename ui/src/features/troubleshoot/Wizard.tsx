import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useId, useRef, useState } from "react";
import { ErrorNotice } from "../../components/ErrorNotice";
import { type Asked, type Diagnosis, type Finding, ipc, type Symptom, symptomCatalogue } from "../../lib/ipc";
import { queryKeys } from "../../lib/queryKeys";
import { useNumbersList } from "../numbers/useNumbers";
import { FixDialog } from "./FixDialog";
import {
  askedSummary,
  askView,
  type CheckChange,
  changesBetween,
  fixLabel,
  lineView,
  matchNumbers,
  type OfferedFix,
  offeredFixes,
  type TroubleState,
  withAsked,
} from "./model";

const severityWords: Record<Finding["severity"], string> = {
  problem: "Problem",
  couldNotCheck: "Could not check",
  warning: "Warning",
  advice: "Advice",
  history: "History",
};

/** Step 1: what is wrong, in the admin's words. */
function SymptomPicker(props: { onPick: (s: Symptom) => void }) {
  return (
    <fieldset className="symptoms" data-testid="symptom-picker">
      <legend>What is wrong?</legend>
      {symptomCatalogue.map((s) => (
        <button
          key={s.symptom}
          type="button"
          className="symptom"
          data-testid={`symptom-${s.symptom}`}
          onClick={() => props.onPick(s.symptom)}
        >
          {s.label}
        </button>
      ))}
    </fieldset>
  );
}

/** Step 2: which number: a search of the account's numbers, or any number typed or pasted. */
function NumberPicker(props: {
  initial: string;
  /** Also ask which profile it was tried to and what error Telnyx gave ("cannot assign"). */
  askAssignment: boolean;
  onPick: (n: string, tried: { profile: string; code: string }) => void;
}) {
  const { list } = useNumbersList();
  const [text, setText] = useState(props.initial);
  const [profile, setProfile] = useState("");
  const [code, setCode] = useState("");
  const inputId = useId();
  const profileId = useId();
  const codeId = useId();
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);
  const matches = matchNumbers(list.data?.rows ?? [], text);
  return (
    <form
      className="number-picker"
      data-testid="number-picker"
      onSubmit={(e) => {
        e.preventDefault();
        if (text.trim()) props.onPick(text.trim(), { profile, code: code.trim() });
      }}
    >
      <label htmlFor={inputId}>Which number? Search the account, or paste a number in any form.</label>
      <div className="number-picker-row">
        <input
          id={inputId}
          ref={input}
          type="text"
          value={text}
          autoComplete="off"
          placeholder="+1 212 555 0100"
          onChange={(e) => setText(e.target.value)}
          data-testid="number-input"
        />
        <button
          type="submit"
          className="button button-primary"
          disabled={!text.trim()}
          data-testid="number-check"
        >
          Check
        </button>
      </div>
      {props.askAssignment ? (
        <div className="assign-tried">
          <label htmlFor={profileId}>The profile you tried to assign it to (if you know)</label>
          <select
            id={profileId}
            value={profile}
            onChange={(e) => setProfile(e.target.value)}
            data-testid="tried-profile"
          >
            <option value="">Not sure</option>
            {(list.data?.profiles ?? []).map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
          <label htmlFor={codeId}>The error code Telnyx gave (if any)</label>
          <input
            id={codeId}
            type="text"
            value={code}
            autoComplete="off"
            placeholder="10015"
            onChange={(e) => setCode(e.target.value)}
            data-testid="tried-code"
          />
        </div>
      ) : null}
      {list.isPending ? <p className="muted">Loading the account's numbers for the search…</p> : null}
      {matches.length > 0 ? (
        <ul className="number-matches" aria-label="Numbers on this account">
          {matches.map((row) => (
            <li key={row.id}>
              <button
                type="button"
                className="link-button"
                data-testid="number-option"
                onClick={() => props.onPick(row.phoneNumber, { profile, code: code.trim() })}
              >
                {row.display}
              </button>{" "}
              <span className="muted">{row.profileName ?? "no profile"}</span>
            </li>
          ))}
        </ul>
      ) : null}
    </form>
  );
}

function FindingItem({ finding }: { finding: Finding }) {
  const fix = finding.fix;
  return (
    <li className={`finding finding-${finding.severity}`} data-testid="finding" data-code={finding.code}>
      <details>
        <summary>
          <span className={`severity severity-${finding.severity}`}>{severityWords[finding.severity]}</span>{" "}
          {finding.title}
        </summary>
        <p>{finding.explanation}</p>
        {fix.kind === "steps" ? (
          <div>
            <strong>What to do:</strong>
            <ol>
              {fix.steps.map((s) => (
                <li key={s}>{s}</li>
              ))}
            </ol>
            {fix.portalPage ? <p className="muted">In the Telnyx portal: {fix.portalPage}</p> : null}
          </div>
        ) : null}
        {fix.kind === "wait" ? (
          <p>
            <strong>What to do:</strong> wait — {fix.what}
          </p>
        ) : null}
        {finding.evidence.length > 0 ? (
          <dl className="evidence" data-testid="evidence">
            {finding.evidence.map((e) => (
              <div key={`${e.field}=${e.value}`}>
                <dt>{e.field}</dt>
                <dd>
                  <code>{e.value}</code>
                </dd>
              </div>
            ))}
          </dl>
        ) : null}
      </details>
    </li>
  );
}

/** A checklist line's icon, label and state in words (a check's, or a question's while it is out). */
function LineHead(props: { view: { icon: string; words: string }; label: string }) {
  return (
    <>
      <span className="ts-check-icon" aria-hidden="true">
        {props.view.icon}
      </span>
      <span className="ts-check-label">{props.label}</span>
      <span className="ts-check-state">{props.view.words}</span>
    </>
  );
}

function Checklist(props: { diagnosis: Diagnosis | null; running: boolean; asked: readonly Asked[] }) {
  const [open, setOpen] = useState<string | null>(null);
  const lines = props.diagnosis?.checks ?? [];
  if (props.running)
    // Live: each question behind the checks, as Telnyx answers it.
    return (
      <ol className="ts-checklist" aria-label="Questions to Telnyx" aria-busy="true" data-testid="ask-list">
        {props.asked.length === 0 ? (
          <li className="ts-check ts-check-running" data-testid="check-line" data-state="running">
            <span className="ts-check-icon" aria-hidden="true">
              ⟳
            </span>{" "}
            Asking Telnyx about the number, its profile, its registration and its recent messages…
          </li>
        ) : (
          props.asked.map((a) => {
            const view = askView(a);
            return (
              <li
                key={a.question}
                className={`ts-check ts-ask-line ts-check-${view.state}`}
                data-testid="ask-line"
                data-question={a.question}
                data-state={a.state}
              >
                <span className="ts-check-head ts-ask">
                  <LineHead view={view} label={a.words} />
                </span>
                {a.why ? <p className="ts-check-detail">{a.why}</p> : null}
              </li>
            );
          })
        )}
      </ol>
    );
  return (
    <ol className="ts-checklist" aria-label="Checks" aria-busy={props.running}>
      {lines.map((line) => {
        const view = lineView(line.outcome);
        const expanded = open === line.name;
        return (
          <li
            key={line.name}
            className={`ts-check ts-check-${view.state}`}
            data-testid="check-line"
            data-name={line.name}
            data-state={view.state}
          >
            <button
              type="button"
              className="ts-check-head"
              aria-expanded={expanded}
              onClick={() => setOpen(expanded ? null : line.name)}
            >
              <LineHead view={view} label={line.label} />
            </button>
            {expanded ? (
              <p className="ts-check-detail" data-testid="check-detail">
                {line.detail}
              </p>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}

function Changes({ changes }: { changes: CheckChange[] }) {
  return (
    <div className="changes" data-testid="changes" aria-live="polite">
      <h3>What changed since the last check</h3>
      {changes.length === 0 ? (
        <p className="muted">Nothing: every check came out as before.</p>
      ) : (
        <ul>
          {changes.map((c) => (
            <li key={c.label} className={`change change-${c.direction}`} data-testid="change">
              {c.label}: {lineView(stateOutcome(c.before)).words} → {lineView(stateOutcome(c.after)).words}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function stateOutcome(state: CheckChange["before"]) {
  switch (state) {
    case "skipped":
      return "notApplicable" as const;
    case "running":
      return "unknown" as const;
    default:
      return state;
  }
}

interface Run {
  diagnosis: Diagnosis | null;
  previous: Diagnosis | null;
  running: boolean;
  error: unknown;
  /** The questions of the current (or last) run, as asked and answered. */
  asked: Asked[];
}

/** Symptom → number → live checklist → diagnosis → fixes → check again. */
export function Wizard(props: {
  state: TroubleState;
  update: (next: Partial<TroubleState>, push: boolean) => void;
}) {
  const { state, update } = props;
  const queryClient = useQueryClient();
  const { list, accountId } = useNumbersList();
  const [run, setRun] = useState<Run>({
    diagnosis: null,
    previous: null,
    running: false,
    error: null,
    asked: [],
  });
  const [nonce, setNonce] = useState(0);
  const [fixing, setFixing] = useState<OfferedFix | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [exporting, setExporting] = useState(false);
  const [exported, setExported] = useState<{ text: string } | { error: unknown } | null>(null);
  const symptom = state.symptom;
  const number = state.number;
  const tried = symptom === "cannotAssign" ? { targetProfileId: state.profile, errorCode: state.code } : {};
  const request = symptom ? { number, symptom, ...tried } : null;
  const requestKey = JSON.stringify(request);

  // A new question (number, symptom, tried profile or code) starts afresh (declared first: it runs
  // before the new run starts).
  // biome-ignore lint/correctness/useExhaustiveDependencies: a change of the question is the trigger.
  useEffect(() => {
    setRun({ diagnosis: null, previous: null, running: false, error: null, asked: [] });
    setNotice(null);
    setExported(null);
  }, [requestKey]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: the question (`requestKey`) and `nonce` ask for a run.
  useEffect(() => {
    if (!request || !number) return;
    let live = true;
    setRun((r) => ({ ...r, running: true, error: null, asked: [] }));
    ipc
      .diagnoseNumber(request, (a) => {
        if (live) setRun((r) => ({ ...r, asked: withAsked(r.asked, a) }));
      })
      .then((d) => {
        if (live)
          setRun((r) => ({
            ...r,
            diagnosis: d,
            previous:
              r.diagnosis && r.diagnosis.input === d.input && r.diagnosis.symptom === d.symptom
                ? r.diagnosis
                : null,
            running: false,
            error: null,
          }));
      })
      .catch((error) => {
        if (live) setRun((r) => ({ ...r, running: false, error }));
      });
    return () => {
      live = false;
    };
  }, [requestKey, nonce]);

  if (!symptom) return <SymptomPicker onPick={(s) => update({ symptom: s, number: "" }, true)} />;
  const symptomLabel = symptomCatalogue.find((s) => s.symptom === symptom)?.label ?? symptom;

  const head = (
    <div className="wizard-head">
      <p>
        <span className="muted">Symptom:</span> <strong data-testid="chosen-symptom">{symptomLabel}</strong>{" "}
        <button
          type="button"
          className="link-button"
          onClick={() => update({ symptom: null, number: "" }, true)}
        >
          Change
        </button>
      </p>
      {state.profile || state.code ? (
        <p data-testid="chosen-tried">
          <span className="muted">Tried:</span>{" "}
          {state.profile
            ? (list.data?.profiles.find((p) => p.id === state.profile)?.name ?? state.profile)
            : "a profile"}
          {state.code ? `, error ${state.code}` : ""}
        </p>
      ) : null}
      {number ? (
        <p>
          <span className="muted">Number:</span> <strong data-testid="chosen-number">{number}</strong>{" "}
          <button type="button" className="link-button" onClick={() => update({ number: "" }, true)}>
            Another number
          </button>
        </p>
      ) : null}
    </div>
  );
  if (!number)
    return (
      <>
        {head}
        <NumberPicker
          initial=""
          askAssignment={symptom === "cannotAssign"}
          onPick={(n, tried) =>
            update({ number: n, profile: tried.profile || undefined, code: tried.code || undefined }, true)
          }
        />
      </>
    );

  const d = run.diagnosis;
  const fixes = d && !run.running ? offeredFixes(d) : [];
  const changes = d && run.previous && !run.running ? changesBetween(run.previous.checks, d.checks) : null;
  const checkAgain = () => setNonce((n) => n + 1);

  return (
    <>
      {head}
      <Checklist diagnosis={d} running={run.running} asked={run.asked} />
      {d && !run.running && run.asked.length > 0 ? (
        <p className="muted ts-asked" data-testid="asked-summary">
          {askedSummary(run.asked)}
        </p>
      ) : null}
      {run.error ? <ErrorNotice error={run.error} onRetry={checkAgain} /> : null}
      {d && !run.running ? (
        <div className="diagnosis" data-testid="diagnosis" data-first-finding={d.findings[0]?.code ?? ""}>
          <h2>Diagnosis</h2>
          <p className="diagnosis-summary" data-testid="diagnosis-summary">
            {d.summary}
          </p>
          {fixes.length > 0 ? (
            <div className="fixes">
              {fixes.map((f) => (
                <button
                  key={f.key}
                  type="button"
                  className="button button-primary"
                  data-testid="fix-button"
                  data-fix={f.action.action}
                  onClick={() => {
                    setNotice(null);
                    setFixing(f);
                  }}
                >
                  {fixLabel(f.action)}
                </button>
              ))}
            </div>
          ) : null}
          {notice ? (
            <p className="notice" role="status" data-testid="fix-done">
              {notice}
            </p>
          ) : null}
          {changes ? <Changes changes={changes} /> : null}
          {d.findings.length > 0 ? (
            <>
              <h3>Findings</h3>
              <ul className="findings">
                {d.findings.map((f) => (
                  <FindingItem key={`${f.code}:${f.title}`} finding={f} />
                ))}
              </ul>
            </>
          ) : null}
        </div>
      ) : null}
      <div className="form-actions">
        <button
          type="button"
          className="button"
          data-testid="check-again"
          disabled={run.running}
          onClick={checkAgain}
        >
          Check again
        </button>
        <button
          type="button"
          className="button"
          data-testid="export-report"
          disabled={run.running || exporting || !d}
          onClick={async () => {
            setExporting(true);
            setExported(null);
            try {
              const name = await ipc.exportSupportReport({ number, symptom, ...tried });
              setExported(name ? { text: `Saved ${name}.` } : null);
            } catch (error) {
              setExported({ error });
            } finally {
              setExporting(false);
            }
          }}
        >
          Export support report…
        </button>
      </div>
      {exported && "text" in exported ? (
        <p className="muted" role="status" data-testid="export-done">
          {exported.text} The API key, webhook secrets and message texts are left out.
        </p>
      ) : null}
      {exported && "error" in exported ? <ErrorNotice error={exported.error} /> : null}
      {fixing ? (
        <FixDialog
          fix={fixing}
          profiles={list.data?.profiles ?? []}
          onCancel={() => setFixing(null)}
          onDone={(message) => {
            setFixing(null);
            setNotice(message);
            queryClient.invalidateQueries({ queryKey: queryKeys.numbers(accountId) });
            checkAgain();
          }}
        />
      ) : null}
    </>
  );
}
