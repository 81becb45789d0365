// The Assign board: the account's numbers on the left (the Numbers screen's search and filters,
// one filter model), one drop target per messaging profile and "Unassigned" on the right. Drag one
// number or the whole selection onto a target (pointer or keyboard), or use Move to…; a drop never
// changes anything by itself: it opens the preview (JobFlow).
import {
  type Announcements,
  type CollisionDetection,
  closestCenter,
  DndContext,
  type DragEndEvent,
  DragOverlay,
  type DragStartEvent,
  type KeyboardCoordinateGetter,
  KeyboardSensor,
  PointerSensor,
  pointerWithin,
  useDraggable,
  useDroppable,
  useSensor,
  useSensors,
} from "@dnd-kit/core";
import { useVirtualizer } from "@tanstack/react-virtual";
import { type MouseEvent, useCallback, useEffect, useMemo, useRef, useState } from "react";
import { ErrorNotice } from "../../components/ErrorNotice";
import { describeError } from "../../lib/errors";
import { ipc, type ListRow, type ProfileSummary } from "../../lib/ipc";
import { useHashQuery } from "../../lib/route";
import { JobFlow, type JobRequest } from "../jobs/JobFlow";
import { numbersWord } from "../jobs/words";
import { CreateProfileForm } from "../numbers/CreateProfileForm";
import { FilterPanel } from "../numbers/FilterPanel";
import {
  applyList,
  emptyFilters,
  type FacetKey,
  facetOptions,
  flag,
  prepare,
  sortRows,
} from "../numbers/model";
import { ReadinessBadge } from "../numbers/Readiness";
import { type ListState, parseListState, serializeListState, toggleFilter } from "../numbers/urlState";
import { useNumbersList } from "../numbers/useNumbers";
import { MoveToMenu } from "./MoveToMenu";
import {
  clickSelect,
  countSelectedIn,
  dragged,
  emptySelection,
  prune,
  type Selection,
  selectAll,
} from "./selection";
import "../numbers/numbers.css";
import "./assign.css";

const ROW_HEIGHT = 44;
const UNASSIGNED = "target:none";
const countFormat = new Intl.NumberFormat("en-US");

function targetKey(profileId: string | null): string {
  return profileId ? `target:${profileId}` : UNASSIGNED;
}
function profileOfKey(key: string): string | null {
  return key === UNASSIGNED ? null : key.slice("target:".length);
}

/** Pointer drags are judged by where the pointer is; keyboard drags by the nearest target. */
const collision: CollisionDetection = (args) =>
  args.pointerCoordinates ? pointerWithin(args) : closestCenter(args);

/** Keyboard drags jump from target to target (arrow keys), not 25 px at a time: from the list, the
 * first press goes to the first profile (Down, Right) or to Unassigned (Up, Left). */
const jumpBetweenTargets: KeyboardCoordinateGetter = (event, { context }) => {
  const keys = ["ArrowDown", "ArrowUp", "ArrowRight", "ArrowLeft"];
  if (!keys.includes(event.code)) return undefined;
  event.preventDefault();
  const targets = [...context.droppableRects.entries()]
    .filter(([id]) => String(id).startsWith("target:"))
    .sort((a, b) => a[1].top - b[1].top);
  const active = context.collisionRect;
  if (targets.length === 0 || !active) return undefined;
  const cx = active.left + active.width / 2;
  const cy = active.top + active.height / 2;
  const at = targets.findIndex(([, r]) => cx >= r.left && cx <= r.right && cy >= r.top && cy <= r.bottom);
  const forward = event.code === "ArrowDown" || event.code === "ArrowRight";
  const next =
    at < 0
      ? forward
        ? 0
        : targets.length - 1
      : Math.min(Math.max(at + (forward ? 1 : -1), 0), targets.length - 1);
  const rect = targets[next]?.[1];
  if (!rect) return undefined;
  // Centre the dragged item on the target.
  return {
    x: rect.left + rect.width / 2 - active.width / 2,
    y: rect.top + rect.height / 2 - active.height / 2,
  };
};

export function AssignPage() {
  const { list, accountId } = useNumbersList();
  const [query, setQuery] = useHashQuery("assign");
  const state = useMemo(() => parseListState(query), [query]);
  const update = useCallback(
    (next: Partial<ListState>, push = true) => setQuery(serializeListState({ ...state, ...next }), push),
    [state, setQuery],
  );
  const [selection, setSelection] = useState<Selection>(emptySelection);
  const [dropped, setDropped] = useState(0);
  const [request, setRequest] = useState<JobRequest | null>(null);
  const [drag, setDrag] = useState<{ ids: string[]; over: string | null } | null>(null);
  const [creating, setCreating] = useState(false);
  const [notice, setNotice] = useState<{ tone: "error" | "done"; text: string } | null>(null);
  const [importing, setImporting] = useState(false);

  const data = list.data;
  const profiles = data?.profiles ?? [];
  const { key: sortKey, dir: sortDir } = state.sort;
  const sorted = useMemo(
    () => prepare(sortRows(data?.rows ?? [], { key: sortKey, dir: sortDir })),
    [data, sortKey, sortDir],
  );
  const options = useMemo(() => facetOptions(data?.rows ?? [], profiles), [data, profiles]);
  const result = useMemo(() => applyList(sorted, state.q, state.filters), [sorted, state.q, state.filters]);
  const visibleIds = useMemo(() => result.rows.map((r) => r.id), [result.rows]);
  const perProfile = useMemo(() => {
    const counts = new Map<string | null, number>();
    for (const r of data?.rows ?? []) counts.set(r.profileId, (counts.get(r.profileId) ?? 0) + 1);
    return counts;
  }, [data]);

  // A refresh: numbers no longer on the account leave the selection, and the count says so.
  useEffect(() => {
    if (!data?.complete) return;
    setSelection((sel) => {
      const { selection: kept, dropped: gone } = prune(sel, new Set(data.rows.map((r) => r.id)));
      if (gone > 0) setDropped(gone);
      return kept;
    });
  }, [data]);

  // The list and the filters are kept as the same elements while only the drag state changes, so
  // a drag (which re-renders the page for its chip and targets) does not re-render them.
  const filterPanel = useMemo(
    () => (
      <FilterPanel
        options={options}
        counts={result.counts}
        filters={state.filters}
        onToggle={(key: FacetKey, value) => update({ filters: toggleFilter(state.filters, key, value) })}
        onSet={(key: FacetKey, values) => update({ filters: { ...state.filters, [key]: [...values] } })}
        onClear={() => update({ filters: emptyFilters(), q: "" })}
      />
    ),
    [options, result.counts, state.filters, update],
  );
  const boardList = useMemo(
    () => (
      <BoardList
        rows={result.rows}
        selection={selection}
        onClick={(id, e) =>
          setSelection((s) =>
            clickSelect(s, visibleIds, id, { range: e.shiftKey, toggle: e.ctrlKey || e.metaKey }),
          )
        }
        onToggle={(id, range) => setSelection((s) => clickSelect(s, visibleIds, id, { range, toggle: true }))}
        onSelectAll={() => setSelection((s) => selectAll(s, visibleIds))}
        onClear={() => setSelection(emptySelection)}
      />
    ),
    [result.rows, selection, visibleIds],
  );

  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    // Enter picks a number (or the selection) up; Space stays the list's select key.
    useSensor(KeyboardSensor, {
      coordinateGetter: jumpBetweenTargets,
      keyboardCodes: { start: ["Enter"], cancel: ["Escape"], end: ["Enter", "Space"] },
    }),
  );

  const targetName = (key: string | null) => {
    if (!key) return null;
    const id = profileOfKey(key);
    return id ? (profiles.find((p) => p.id === id)?.name ?? "a profile") : "Unassigned";
  };
  const dragLabel = (ids: readonly string[], over: string | null) => {
    const what = numbersWord(ids.length);
    const name = targetName(over);
    return name ? `${what} → ${name}` : what;
  };

  const announcements: Announcements = {
    onDragStart: ({ active }) =>
      `Picked up ${numbersWord(dragged(selection, String(active.id)).length)}. Use the arrow keys to choose a profile, Enter to drop, Escape to cancel.`,
    onDragOver: ({ over }) => (over ? `Over ${targetName(String(over.id))}.` : "Not over a profile."),
    onDragEnd: ({ over }) =>
      over
        ? `Dropped on ${targetName(String(over.id))}. The preview opens; nothing has changed yet.`
        : "Dropped outside the profiles; nothing changes.",
    onDragCancel: () => "Drag cancelled; nothing changes.",
  };

  const openPreview = (ids: string[], profileId: string | null) => {
    if (ids.length === 0) return;
    setNotice(null);
    setRequest({ kind: "move", selection: ids, profileId });
  };

  const onDragStart = (e: DragStartEvent) => {
    window.getSelection()?.removeAllRanges();
    setDrag({ ids: dragged(selection, String(e.active.id)), over: null });
  };
  const onDragEnd = (e: DragEndEvent) => {
    const ids = dragged(selection, String(e.active.id));
    setDrag(null);
    if (e.over) openPreview(ids, profileOfKey(String(e.over.id)));
  };

  const selectedCount = selection.ids.size;
  const selectedHere = countSelectedIn(selection, visibleIds);
  const loading = list.isFetching;

  const startImport = () => {
    setImporting(true);
    setNotice(null);
    ipc
      .importCsv()
      .then(
        (preview) => preview && setRequest({ kind: "import", preview }),
        (error) => setNotice({ tone: "error", text: describeError(error).message }),
      )
      .finally(() => setImporting(false));
  };
  const exportView = (all: boolean) =>
    ipc.exportAssignmentsCsv(all ? null : visibleIds).then(
      (name) =>
        name &&
        setNotice({
          tone: "done",
          text: `Saved ${all ? "every assignment" : numbersWord(visibleIds.length)} as ${name}.`,
        }),
      (error) => setNotice({ tone: "error", text: describeError(error).message }),
    );

  return (
    <section
      className="page assign-page"
      aria-labelledby="page-title"
      data-testid="assign-page"
      data-state={loading ? "loading" : "loaded"}
    >
      <div className="page-head">
        <h1 id="page-title">Assign</h1>
        <div className="page-tools">
          <button
            type="button"
            className="button"
            data-testid="import-csv"
            disabled={importing || !data}
            onClick={startImport}
          >
            {importing ? "Reading the file…" : "Import CSV…"}
          </button>
          <button
            type="button"
            className="button"
            data-testid="export-view"
            disabled={!data}
            onClick={() => exportView(false)}
          >
            Export this view…
          </button>
          <button
            type="button"
            className="button"
            data-testid="export-all"
            disabled={!data}
            onClick={() => exportView(true)}
          >
            Export all…
          </button>
        </div>
      </div>
      <p className="muted assign-help">
        Select numbers, then drag them onto a messaging profile, or use <strong>Move to…</strong>. You will
        see what would change before anything is sent.
      </p>
      {list.isError ? <ErrorNotice error={list.error} onRetry={() => list.refetch()} /> : null}
      {notice ? (
        <div
          className={`notice ${notice.tone === "error" ? "notice-error" : "notice-done"}`}
          role={notice.tone === "error" ? "alert" : "status"}
          data-testid={`assign-${notice.tone}`}
        >
          {notice.text}
        </div>
      ) : null}
      {!data && loading ? <p aria-live="polite">Loading the account's numbers…</p> : null}
      {data ? (
        <DndContext
          sensors={sensors}
          collisionDetection={collision}
          accessibility={{
            announcements,
            screenReaderInstructions: {
              draggable:
                "Space selects a number. To move the selection, press Enter to pick it up, the arrow keys to choose a profile, and Enter to drop; Escape cancels. Move to… does the same from a menu.",
            },
          }}
          onDragStart={onDragStart}
          onDragOver={(e) => setDrag((d) => d && { ...d, over: e.over ? String(e.over.id) : null })}
          onDragEnd={onDragEnd}
          onDragCancel={() => setDrag(null)}
        >
          <div className="board">
            <div className="board-numbers">
              <div className="board-bar">
                <input
                  type="search"
                  className="search-input"
                  aria-label="Search numbers"
                  placeholder="Search numbers"
                  value={state.q}
                  data-testid="board-search"
                  onChange={(e) => update({ q: e.target.value }, false)}
                />
              </div>
              <div className="numbers-layout board-filters">{filterPanel}</div>
              <div className="selection-bar" data-testid="selection-bar">
                <span data-testid="selection-count" aria-live="polite">
                  {selectedCount === 0
                    ? `${countFormat.format(result.rows.length)} numbers shown`
                    : `${countFormat.format(selectedCount)} selected${selectedHere < selectedCount ? ` (${countFormat.format(selectedCount - selectedHere)} not shown by this filter)` : ""}`}
                </span>
                {result.rows.length > 0 && selectedHere < result.rows.length ? (
                  <button
                    type="button"
                    className="link-button"
                    data-testid="select-all-matching"
                    onClick={() => setSelection((s) => selectAll(s, visibleIds))}
                  >
                    Select all {countFormat.format(result.rows.length)}{" "}
                    {state.q || Object.values(state.filters).some((f) => f.length) ? "matching" : ""}
                  </button>
                ) : null}
                {selectedCount > 0 ? (
                  <button
                    type="button"
                    className="link-button"
                    data-testid="clear-selection"
                    onClick={() => setSelection(emptySelection)}
                  >
                    Clear selection
                  </button>
                ) : null}
                <MoveToMenu
                  profiles={profiles}
                  count={selectedCount}
                  onPick={(p) => openPreview([...selection.ids], p)}
                />
              </div>
              {dropped > 0 ? (
                <p className="muted" role="status" data-testid="selection-dropped">
                  {numbersWord(dropped)} you had selected {dropped === 1 ? "is" : "are"} no longer on the
                  account and left the selection.{" "}
                  <button type="button" className="link-button" onClick={() => setDropped(0)}>
                    OK
                  </button>
                </p>
              ) : null}
              {result.rows.length === 0 ? (
                <div className="notice" data-testid="board-empty">
                  {data.rows.length === 0
                    ? "This account has no messaging numbers yet."
                    : "No number matches this search and these filters."}
                </div>
              ) : (
                boardList
              )}
            </div>
            <section className="board-targets" aria-label="Messaging profiles">
              <h2>Messaging profiles</h2>
              {profiles.map((p) => (
                <Target
                  key={p.id}
                  id={targetKey(p.id)}
                  profile={p}
                  name={p.name}
                  count={perProfile.get(p.id) ?? 0}
                  selected={selectedCount}
                  onMoveHere={() => openPreview([...selection.ids], p.id)}
                />
              ))}
              <Target
                id={UNASSIGNED}
                profile={null}
                name="Unassigned"
                count={perProfile.get(null) ?? 0}
                selected={selectedCount}
                onMoveHere={() => openPreview([...selection.ids], null)}
              />
              {creating ? (
                <div className="target-create">
                  <CreateProfileForm accountId={accountId} onCreated={() => setCreating(false)} />
                  <button type="button" className="link-button" onClick={() => setCreating(false)}>
                    Cancel
                  </button>
                </div>
              ) : (
                <button
                  type="button"
                  className="button"
                  data-testid="board-new-profile"
                  onClick={() => setCreating(true)}
                >
                  New profile…
                </button>
              )}
            </section>
          </div>
          <DragOverlay dropAnimation={null}>
            {drag ? (
              <div className="drag-chip" data-testid="drag-chip">
                {dragLabel(drag.ids, drag.over)}
              </div>
            ) : null}
          </DragOverlay>
        </DndContext>
      ) : null}
      {request ? (
        <JobFlow
          request={request}
          profiles={profiles}
          onClose={(changed) => {
            setRequest(null);
            if (changed) setSelection(emptySelection);
          }}
        />
      ) : null}
    </section>
  );
}

function Target(props: {
  id: string;
  profile: ProfileSummary | null;
  name: string;
  count: number;
  selected: number;
  onMoveHere: () => void;
}) {
  const { setNodeRef, isOver } = useDroppable({ id: props.id });
  const p = props.profile;
  return (
    <div
      ref={setNodeRef}
      className="target"
      data-over={isOver || undefined}
      data-testid="board-target"
      data-target={p?.id ?? "none"}
      data-name={props.name}
    >
      <div className="target-head">
        <strong>{props.name}</strong>
        <span className="muted" data-testid="target-count">
          {numbersWord(props.count)}
        </span>
      </div>
      <div className="target-facts">
        {p ? (
          <>
            <span className={`badge ${p.enabled ? "verdict-ok" : "verdict-bad"}`}>
              {p.enabled ? "Enabled" : "Disabled"}
            </span>
            <span className={`badge ${p.hasWebhook ? "verdict-ok" : "verdict-warn"}`}>
              {p.hasWebhook ? "Webhook set" : "No webhook URL"}
            </span>
          </>
        ) : (
          <span className="muted">Numbers here cannot send or receive texts.</span>
        )}
      </div>
      {props.selected > 0 ? (
        <button type="button" className="link-button" data-testid="move-here" onClick={props.onMoveHere}>
          Move {numbersWord(props.selected)} here…
        </button>
      ) : null}
    </div>
  );
}

function BoardList(props: {
  rows: readonly ListRow[];
  selection: Selection;
  onClick: (id: string, e: MouseEvent) => void;
  onToggle: (id: string, range: boolean) => void;
  onSelectAll: () => void;
  onClear: () => void;
}) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState(0);
  const rows = props.rows;
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  });
  useEffect(() => {
    if (active >= rows.length) setActive(Math.max(0, rows.length - 1));
  }, [rows.length, active]);

  const focusRow = (i: number) => {
    const to = Math.min(Math.max(i, 0), rows.length - 1);
    setActive(to);
    virtualizer.scrollToIndex(to);
    requestAnimationFrame(() =>
      scrollRef.current?.querySelector<HTMLElement>(`[data-index="${to}"]`)?.focus(),
    );
  };

  return (
    <div
      ref={scrollRef}
      className="board-list"
      role="listbox"
      aria-multiselectable="true"
      aria-label="Numbers"
      data-testid="board-list"
      onKeyDown={(e) => {
        const row = rows[active];
        if (e.key === "ArrowDown" || e.key === "ArrowUp") {
          e.preventDefault();
          const next = active + (e.key === "ArrowDown" ? 1 : -1);
          focusRow(next);
          const to = rows[Math.min(Math.max(next, 0), rows.length - 1)];
          if (e.shiftKey && to) props.onToggle(to.id, false);
        } else if (e.key === "Home" || e.key === "End") {
          e.preventDefault();
          focusRow(e.key === "Home" ? 0 : rows.length - 1);
        } else if (e.key === "PageDown" || e.key === "PageUp") {
          e.preventDefault();
          focusRow(active + (e.key === "PageDown" ? 10 : -10));
        } else if (e.key === " " && row) {
          e.preventDefault();
          props.onToggle(row.id, false);
        } else if ((e.ctrlKey || e.metaKey) && e.key === "a") {
          e.preventDefault();
          props.onSelectAll();
        } else if (e.key === "Escape") {
          props.onClear();
        }
      }}
    >
      <div style={{ height: virtualizer.getTotalSize(), position: "relative" }}>
        {virtualizer.getVirtualItems().map((item) => {
          const row = rows[item.index] as ListRow;
          return (
            <BoardRow
              key={row.id}
              row={row}
              index={item.index}
              top={item.start}
              selected={props.selection.ids.has(row.id)}
              active={item.index === active}
              onClick={(e) => {
                setActive(item.index);
                props.onClick(row.id, e);
              }}
              onToggle={(range) => {
                setActive(item.index);
                props.onToggle(row.id, range);
              }}
            />
          );
        })}
      </div>
    </div>
  );
}

function BoardRow(props: {
  row: ListRow;
  index: number;
  top: number;
  selected: boolean;
  active: boolean;
  onClick: (e: MouseEvent) => void;
  onToggle: (range: boolean) => void;
}) {
  const { row } = props;
  const { attributes, listeners, setNodeRef, isDragging } = useDraggable({ id: row.id });
  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents: the keys are the listbox's (arrows, Space) and dnd-kit's (Enter picks up), both on this row.
    <div
      ref={setNodeRef}
      {...attributes}
      {...listeners}
      role="option"
      aria-selected={props.selected}
      aria-roledescription="draggable number"
      tabIndex={props.active ? 0 : -1}
      className="board-row"
      data-index={props.index}
      data-selected={props.selected || undefined}
      data-dragging={isDragging || undefined}
      data-testid="board-row"
      data-number={row.phoneNumber}
      style={{ transform: `translateY(${props.top}px)` }}
      onClick={props.onClick}
    >
      {/* A picture of the checkbox, not a control: the option itself is what is selected (Space),
          and a listbox option may not hold another control. Clicking it adds or removes the row. */}
      <span
        className="board-check"
        aria-hidden="true"
        data-checked={props.selected || undefined}
        data-testid="board-check"
        onPointerDown={(e) => e.stopPropagation()}
        onClick={(e) => {
          e.stopPropagation();
          props.onToggle(e.shiftKey);
        }}
      />
      <span className="board-number">
        <span>
          <span aria-hidden="true">{flag(row.countryCode)}</span> {row.display}
        </span>
        <span className="muted board-sub">
          {row.typeLabel} · {row.countryName}
        </span>
      </span>
      <span className="board-profile">{row.profileName ?? <span className="muted">No profile</span>}</span>
      <ReadinessBadge verdict={row.verdict} problems={row.problems} />
    </div>
  );
}
