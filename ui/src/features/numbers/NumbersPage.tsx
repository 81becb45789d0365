import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from "react";
import { ErrorNotice } from "../../components/ErrorNotice";
import { changeFailureText, describeError } from "../../lib/errors";
import { CommandError, type ListRow } from "../../lib/ipc";
import { useHashQuery } from "../../lib/route";
import { timed } from "../../lib/timing";
import { MoveToMenu } from "../assign/MoveToMenu";
import { type ClickMods, clickSelect, emptySelection, prune, type Selection } from "../assign/selection";
import { JobFlow, type JobRequest } from "../jobs/JobFlow";
import { troubleshootHash } from "../troubleshoot/model";
import { type ChangeMode, ChangeProfileDialog } from "./ChangeProfileDialog";
import { CreateProfileForm } from "./CreateProfileForm";
import { changeView, reportView } from "./changeReport";
import { DetailPanel } from "./DetailPanel";
import { FilterPanel } from "./FilterPanel";
import {
  applyList,
  emptyFilters,
  type FacetKey,
  facetKeys,
  facetOptions,
  noMatchWords,
  prepare,
  sortRows,
} from "./model";
import { NumberTable, type RowAction } from "./NumberTable";
import type { ProgressStore } from "./progressStore";
import { type ListState, nextSort, parseListState, serializeListState, toggleFilter } from "./urlState";
import {
  type ProfileChange,
  useCheckProfile,
  useLoadMissing,
  useNumbersList,
  useSetProfile,
} from "./useNumbers";
import "./numbers.css";

const countFormat = new Intl.NumberFormat("en-US");

function isTyping(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName))
  );
}

interface Pending {
  row: ListRow;
  mode: ChangeMode;
}

interface Outcome {
  tone: "error" | "done" | "unknown";
  text: string;
  /** The change to check again with Telnyx, when its outcome is unknown. */
  check?: { change: ProfileChange; subject: string; profileName: string | null };
  /** The change (job) to offer Undo for, once it was made. */
  undoJob?: string;
}

/** Pages done / total while the account loads; re-renders alone (see `progressStore`). */
function LoadProgressBar({ store }: { store: ProgressStore }) {
  const progress = useSyncExternalStore(store.subscribe, store.get);
  return (
    <div className="load-progress" aria-live="polite" data-testid="load-progress">
      <progress max={progress?.totalPages ?? 1} value={progress?.pagesDone ?? 0} />
      <span>Loading the account's numbers and their checks…</span>
    </div>
  );
}

/** Every messaging number of the account, its readiness, filters, details and profile changes. */
export function NumbersPage() {
  const { list, progress, accountId } = useNumbersList();
  const setProfile = useSetProfile(accountId);
  const checkProfile = useCheckProfile(accountId);
  const loadMissing = useLoadMissing(accountId);
  const [query, setQuery] = useHashQuery("numbers");
  const state = useMemo(() => parseListState(query), [query]);
  const update = useCallback(
    (next: Partial<ListState>, push = true) => setQuery(serializeListState({ ...state, ...next }), push),
    [state, setQuery],
  );
  const [pending, setPending] = useState<Pending | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [flow, setFlow] = useState<JobRequest | null>(null);
  const [busyIds, setBusyIds] = useState<ReadonlySet<string>>(new Set());
  // Numbers selected for a move (by id: kept across filters and scrolling, like the Assign board's).
  const [picked, setPicked] = useState<Selection>(emptySelection);
  const search = useRef<HTMLInputElement>(null);

  const data = list.data;
  // Sorting 10,000 rows is the costly step: redone only when the rows or the sort really change,
  // not on every keystroke (each parse of the URL yields a new, equal sort object).
  const { key: sortKey, dir: sortDir } = state.sort;
  const sorted = useMemo(
    () => timed("numbers:sort", () => prepare(sortRows(data?.rows ?? [], { key: sortKey, dir: sortDir }))),
    [data, sortKey, sortDir],
  );
  const options = useMemo(
    () => timed("numbers:options", () => facetOptions(data?.rows ?? [], data?.profiles ?? [])),
    [data],
  );
  const result = useMemo(
    () => timed("numbers:filter", () => applyList(sorted, state.q, state.filters)),
    [sorted, state.q, state.filters],
  );
  const openRow = state.open ? data?.rows.find((r) => r.id === state.open) : undefined;

  // Numbers no longer on the account leave the selection.
  useEffect(() => {
    if (data)
      setPicked((s) => (s.ids.size === 0 ? s : prune(s, new Set(data.rows.map((r) => r.id))).selection));
  }, [data]);
  const onSelect = useCallback(
    (row: ListRow, mods: ClickMods) =>
      setPicked((s) =>
        clickSelect(
          s,
          result.rows.map((r) => r.id),
          row.id,
          mods,
        ),
      ),
    [result.rows],
  );

  const onAction = useCallback(
    (row: ListRow, action: RowAction) => {
      if (action === "details") {
        update({ open: row.id });
        // A Shift-click after it selects from this row.
        setPicked((s) => (s.anchor === row.id ? s : { ids: s.ids, anchor: row.id }));
      } else if (action === "troubleshoot") window.location.hash = troubleshootHash(row.phoneNumber);
      else if (!data || data.profiles.length === 0) {
        setOutcome({ tone: "error", text: "This account has no messaging profile to assign numbers to." });
      } else setPending({ row, mode: action });
    },
    [update, data],
  );

  // "/" jumps to the search; "a" assigns the open number (the grid handles "a" for its active row).
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target) || pending) return;
      if (event.key === "/") {
        event.preventDefault();
        search.current?.focus();
      } else if (
        event.key === "a" &&
        openRow &&
        !(event.target as HTMLElement | null)?.closest?.('[role="grid"]')
      ) {
        event.preventDefault();
        onAction(openRow, "assign");
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [openRow, pending, onAction]);

  const confirm = (profileId: string | null) => {
    if (!pending || !data) return;
    const row = pending.row;
    setPending(null);
    setOutcome(null);
    setBusyIds((s) => new Set(s).add(row.id));
    const change = { id: row.id, profileId };
    const profileName = profileId
      ? (data.profiles.find((p) => p.id === profileId)?.name ?? "the profile")
      : null;
    setProfile.mutate(change, {
      onSuccess: (made) => {
        const view = changeView(row.display, profileName, made);
        setOutcome({
          tone: view.tone,
          text: view.text,
          check: view.checkAgain ? { change, subject: row.display, profileName } : undefined,
          undoJob: view.undo ? made.job.id : undefined,
        });
      },
      onError: (error) =>
        // A change whose outcome is unknown (its answer lost and the read-back failed) is kept in
        // the journal to finish; the person can check the number now.
        setOutcome(
          error instanceof CommandError && ["network", "internal"].includes(error.error.kind)
            ? {
                tone: "unknown",
                text: `Number Desk can't tell whether ${row.display} was changed. ${describeError(error).message} Check again in a moment, before changing it once more.`,
                check: { change, subject: row.display, profileName },
              }
            : { tone: "error", text: changeFailureText(row.display, error) },
        ),
      onSettled: () =>
        setBusyIds((s) => {
          const next = new Set(s);
          next.delete(row.id);
          return next;
        }),
    });
  };

  const checkAgain = (check: NonNullable<Outcome["check"]>) =>
    checkProfile.mutate(check.change, {
      onSuccess: (report) => {
        const view = reportView(check.subject, check.profileName, report);
        setOutcome({ tone: view.tone, text: view.text, check: view.checkAgain ? check : undefined });
      },
      onError: (error) =>
        setOutcome({
          tone: "unknown",
          text: changeFailureText(check.subject, error),
          check,
        }),
    });

  const loading = list.isFetching;
  const loadedAt = data?.loadedAtMs ? new Date(data.loadedAtMs) : null;

  return (
    <section
      className="page numbers-page"
      aria-labelledby="page-title"
      data-testid="numbers-page"
      data-state={loading ? "loading" : data?.complete ? "loaded" : "partial"}
    >
      <div className="page-head">
        <h1 id="page-title">Numbers</h1>
        <div className="page-tools">
          {loadedAt ? (
            <span className="muted" data-testid="last-refreshed">
              Last refreshed {loadedAt.toLocaleTimeString()}
            </span>
          ) : null}
          <button
            type="button"
            className="button"
            data-testid="refresh"
            disabled={loading}
            onClick={() => list.refetch()}
          >
            {loading ? "Refreshing…" : "Refresh"}
          </button>
        </div>
      </div>

      {loading ? <LoadProgressBar store={progress} /> : null}
      {list.isError ? <ErrorNotice error={list.error} onRetry={() => list.refetch()} /> : null}
      {data && data.unavailable.length > 0 && !loading ? (
        <div className="notice notice-warn" role="status" data-testid="unavailable-lists">
          <strong className="notice-title">Some checks could not be made</strong>
          {data.unavailable.map((u) => (
            <p key={u.what}>
              Number Desk could not load {u.what}. {u.reason}
            </p>
          ))}
          <p>Numbers that need those lists show “Couldn't check”; everything else is checked as usual.</p>
          <button type="button" className="button" onClick={() => list.refetch()}>
            Try again
          </button>
        </div>
      ) : null}

      {data?.missing && !loading ? (
        <div className="notice notice-warn" role="status" data-testid="missing-numbers">
          <strong className="notice-title">Some numbers did not arrive</strong>
          <p>
            Telnyx did not send about {countFormat.format(data.missing.aboutNumbers)} of this account's
            numbers ({data.missing.positions} in Telnyx's order), even after trying again. {data.missing.why}
          </p>
          <p>
            The list shows the {countFormat.format(data.rows.length)} numbers that arrived; counts and filters
            cover only them.
          </p>
          <button
            type="button"
            className="button"
            data-testid="load-missing"
            disabled={loadMissing.isPending}
            onClick={() => loadMissing.mutate()}
          >
            {loadMissing.isPending ? "Loading the missing numbers…" : "Load the missing numbers"}
          </button>
          {loadMissing.isError ? <p>{describeError(loadMissing.error).message}</p> : null}
        </div>
      ) : null}

      {outcome ? (
        <div
          className={`notice ${{ error: "notice-error", unknown: "notice-warn", done: "notice-done" }[outcome.tone]}`}
          role={outcome.tone === "done" ? "status" : "alert"}
          data-testid={
            { error: "change-error", unknown: "change-unknown", done: "change-done" }[outcome.tone]
          }
        >
          <p>{outcome.text}</p>
          {outcome.undoJob ? (
            <button
              type="button"
              className="button"
              data-testid="change-undo"
              onClick={() => outcome.undoJob && setFlow({ kind: "undo", jobId: outcome.undoJob })}
            >
              Undo
            </button>
          ) : null}
          {outcome.check ? (
            <button
              type="button"
              className="button"
              data-testid="check-again"
              disabled={checkProfile.isPending}
              onClick={() => outcome.check && checkAgain(outcome.check)}
            >
              {checkProfile.isPending ? "Checking…" : "Check again"}
            </button>
          ) : null}
          <button type="button" className="link-button" onClick={() => setOutcome(null)}>
            Dismiss
          </button>
        </div>
      ) : null}

      {data ? (
        <>
          {data.profiles.length === 0 ? (
            <div className="notice" data-testid="no-profiles">
              <strong className="notice-title">This account has no messaging profile yet</strong>
              <p>
                A number can only text through a messaging profile: it says where incoming texts go and which
                countries the numbers may text. Create one here, then assign numbers to it.
              </p>
              <CreateProfileForm
                accountId={accountId}
                onCreated={(profile) =>
                  setOutcome({
                    tone: "done",
                    text: `${profile.name} is ready. Assign numbers to it from the list (a number's ⋯ menu, or its details).`,
                  })
                }
              />
            </div>
          ) : null}
          <div className="list-bar">
            <label className="search">
              <span className="visually-hidden">Search numbers by digits</span>
              <input
                ref={search}
                className="search-input"
                type="search"
                placeholder="Search digits, e.g. 212 555 (press /)"
                value={state.q}
                onChange={(e) => update({ q: e.target.value }, false)}
                onKeyDown={(e) => {
                  // ↓ jumps from the search to the list (one Tab stop), past the filters.
                  if (e.key === "ArrowDown") {
                    e.preventDefault();
                    document.querySelector<HTMLElement>('[data-testid="number-grid"]')?.focus();
                  }
                }}
                aria-keyshortcuts="/ ArrowDown"
                data-testid="search"
              />
            </label>
            <p className="headline" aria-live="polite">
              Showing <span data-testid="shown-count">{countFormat.format(result.rows.length)}</span> of{" "}
              {data.complete ? null : "about "}
              <span data-testid="numbers-count">
                {countFormat.format(data.complete ? data.rows.length : (data.aboutTotal ?? data.rows.length))}
              </span>{" "}
              numbers
              {data.complete ? null : (
                <span className="muted" data-testid="first-look">
                  {loading
                    ? ", loading; their checks are on their way"
                    : " · only the first page could be loaded"}
                </span>
              )}
            </p>
            {picked.ids.size > 0 && data.profiles.length > 0 ? (
              <span className="picked-actions" data-testid="picked-actions">
                <MoveToMenu
                  profiles={data.profiles}
                  count={picked.ids.size}
                  testId="numbers-move-picked"
                  label={`Move ${countFormat.format(picked.ids.size)} selected to…`}
                  onPick={(profileId) => setFlow({ kind: "move", selection: [...picked.ids], profileId })}
                />
                <button
                  type="button"
                  className="link-button"
                  data-testid="clear-picked"
                  onClick={() => setPicked(emptySelection)}
                >
                  Clear selection
                </button>
              </span>
            ) : result.rows.length > 0 && data.profiles.length > 0 ? (
              <MoveToMenu
                profiles={data.profiles}
                count={result.rows.length}
                testId="numbers-move-to"
                label={
                  result.rows.length === data.rows.length
                    ? "Move all to…"
                    : result.rows.length === 1
                      ? "Move this number to…"
                      : `Move these ${countFormat.format(result.rows.length)} to…`
                }
                onPick={(profileId) =>
                  setFlow({ kind: "move", selection: result.rows.map((r) => r.id), profileId })
                }
              />
            ) : null}
          </div>
          <div className="numbers-layout">
            <div className="numbers-layout-inner">
              <FilterPanel
                options={options}
                counts={result.counts}
                filters={state.filters}
                onToggle={(key: FacetKey, value) =>
                  update({ filters: toggleFilter(state.filters, key, value) })
                }
                onSet={(key: FacetKey, values) =>
                  update({ filters: { ...state.filters, [key]: [...values] } })
                }
                onClear={() => update({ filters: emptyFilters(), q: "" })}
              />
              <div className="numbers-main">
                {data.rows.length === 0 ? (
                  <div className="notice" data-testid="no-numbers">
                    <strong className="notice-title">This account has no messaging numbers</strong>
                    <p>
                      Numbers bought in the Telnyx portal appear here once they can send or receive texts.
                    </p>
                  </div>
                ) : result.rows.length === 0 ? (
                  <div className="notice" data-testid="no-matches">
                    <strong className="notice-title">No number matches</strong>
                    <p>{noMatchWords(state.q, state.filters, options)}</p>
                    {facetKeys.some((k) => state.filters[k].length > 0) && state.q ? (
                      <button
                        type="button"
                        className="button"
                        data-testid="search-all"
                        onClick={() => update({ filters: emptyFilters() })}
                      >
                        Search all numbers for “{state.q}”
                      </button>
                    ) : null}{" "}
                    <button
                      type="button"
                      className="button"
                      data-testid="clear-all"
                      onClick={() => update({ filters: emptyFilters(), q: "" })}
                    >
                      Clear search and filters
                    </button>
                  </div>
                ) : (
                  <NumberTable
                    rows={result.rows}
                    sort={state.sort}
                    onSort={(key) => update({ sort: nextSort(state.sort, key) })}
                    openId={state.open}
                    busyIds={busyIds}
                    onAction={onAction}
                    selected={picked.ids}
                    onSelect={onSelect}
                  />
                )}
              </div>
            </div>
          </div>
          <p className="muted keys-hint">
            Keys: <kbd>/</kbd> search, <kbd>↓</kbd> from the search to the list, <kbd>↑</kbd> <kbd>↓</kbd>{" "}
            move in the list, <kbd>Enter</kbd> details, <kbd>a</kbd> assign, <kbd>Space</kbd> or{" "}
            <kbd>Ctrl</kbd>/<kbd>Shift</kbd>+click select for a move, <kbd>Esc</kbd> close.
          </p>
        </>
      ) : null}

      {openRow ? (
        <DetailPanel
          row={openRow}
          accountId={accountId}
          busy={busyIds.has(openRow.id)}
          onAssign={() => onAction(openRow, "assign")}
          onUnassign={() => onAction(openRow, "unassign")}
          onClose={() => update({ open: null })}
        />
      ) : null}
      {pending && data ? (
        <ChangeProfileDialog
          row={pending.row}
          mode={pending.mode}
          profiles={data.profiles}
          onConfirm={confirm}
          onCancel={() => setPending(null)}
        />
      ) : null}
      {flow && data ? (
        <JobFlow
          request={flow}
          profiles={data.profiles}
          onClose={(changed) => {
            setFlow(null);
            if (changed) {
              setOutcome(null);
              setPicked(emptySelection);
            }
          }}
        />
      ) : null}
    </section>
  );
}
