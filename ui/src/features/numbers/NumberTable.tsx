import { useVirtualizer } from "@tanstack/react-virtual";
import { type KeyboardEvent, useEffect, useRef, useState } from "react";
import type { ListRow } from "../../lib/ipc";
import type { ClickMods } from "../assign/selection";
import { flag, type Sort, type SortKey } from "./model";
import { HealthBar, ReadinessBadge } from "./Readiness";
import { type RowAction, RowMenu } from "./RowMenu";

export type { RowAction } from "./RowMenu";

/**
 * The columns. The first holds the number with its type and country as a second line, so the list
 * fits a 900 px window without scrolling sideways; its header sorts by any of the three. Features
 * and Health give way first when the list is narrow (numbers.css, container "number-list").
 */
const columns: { sorts: { key: SortKey; label: string }[]; label: string; className: string }[] = [
  {
    label: "Number",
    className: "col-number",
    sorts: [
      { key: "number", label: "Number" },
      { key: "type", label: "Type" },
      { key: "country", label: "Country" },
    ],
  },
  { label: "Profile", className: "col-profile", sorts: [{ key: "profile", label: "Profile" }] },
  { label: "Features", className: "col-features", sorts: [] },
  { label: "Readiness", className: "col-readiness", sorts: [{ key: "readiness", label: "Readiness" }] },
  { label: "Health", className: "col-health", sorts: [{ key: "health", label: "Health" }] },
  { label: "Actions", className: "col-actions", sorts: [] },
];

/** Two lines: the number, then its type and country (kept in step with .grid-body .grid-row). */
const ROW_HEIGHT = 48;

/** Every shown number in a virtualized grid: only the rows on screen are in the document. */
export function NumberTable(props: {
  rows: readonly ListRow[];
  sort: Sort;
  onSort: (key: SortKey) => void;
  openId: string | null;
  busyIds: ReadonlySet<string>;
  onAction: (row: ListRow, action: RowAction) => void;
  /** The numbers picked for a move (ctrl/cmd-click, shift-click, Space), by id. */
  selected: ReadonlySet<string>;
  /** A pick: `row` with ctrl/cmd (toggle) and/or shift (range from the last pick). */
  onSelect: (row: ListRow, mods: ClickMods) => void;
}) {
  const { rows, onAction } = props;
  const scrollRef = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState(0);
  const [menuFor, setMenuFor] = useState<string | null>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  });

  // A new filter can leave the active row past the end.
  useEffect(() => {
    if (active >= rows.length) setActive(Math.max(0, rows.length - 1));
  }, [rows.length, active]);

  const move = (to: number) => {
    const next = Math.max(0, Math.min(rows.length - 1, to));
    setActive(next);
    virtualizer.scrollToIndex(next, { align: "auto" });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTableElement>) => {
    if (event.target !== event.currentTarget) return;
    const row = rows[active];
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 400) / ROW_HEIGHT) - 1);
    switch (event.key) {
      case "ArrowDown":
        move(active + 1);
        break;
      case "ArrowUp":
        move(active - 1);
        break;
      case "PageDown":
        move(active + page);
        break;
      case "PageUp":
        move(active - page);
        break;
      case "Home":
        move(0);
        break;
      case "End":
        move(rows.length - 1);
        break;
      case "Enter":
        if (row) onAction(row, "details");
        break;
      case "a":
        if (row) onAction(row, "assign");
        break;
      case " ":
        // Space picks the row for a move (Shift+Space: every row from the last pick to it).
        if (row) props.onSelect(row, { toggle: true, range: event.shiftKey });
        break;
      default:
        return;
    }
    event.preventDefault();
  };

  const activeRow = rows[active];
  return (
    <div className="grid-scroll" ref={scrollRef}>
      <table
        className="number-grid"
        // biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: a keyboard grid (arrows, Enter, "a") through aria-activedescendant.
        role="grid"
        aria-label="Messaging numbers"
        aria-rowcount={rows.length + 1}
        aria-activedescendant={activeRow ? `number-row-${activeRow.id}` : undefined}
        aria-multiselectable="true"
        tabIndex={0}
        onKeyDown={onKeyDown}
        data-testid="number-grid"
      >
        <thead>
          <tr className="grid-row grid-head" aria-rowindex={1}>
            {columns.map((c) => {
              const sortedBy = c.sorts.find((x) => x.key === props.sort.key);
              return (
                <th
                  key={c.label}
                  scope="col"
                  className={`grid-cell ${c.className}`}
                  aria-sort={sortedBy ? (props.sort.dir === "asc" ? "ascending" : "descending") : undefined}
                >
                  {c.sorts.length === 0 ? (
                    <span className={c.label === "Actions" ? "visually-hidden" : undefined}>{c.label}</span>
                  ) : (
                    c.sorts.map((x, i) => {
                      const sorted = props.sort.key === x.key;
                      return (
                        <span key={x.key} className="sort-item">
                          {i > 0 ? (
                            <span className="sort-sep" aria-hidden="true">
                              ·
                            </span>
                          ) : null}
                          <button
                            type="button"
                            className={`sort-button${sorted ? " is-sorted" : ""}`}
                            data-testid={`sort-${x.key}`}
                            onClick={() => props.onSort(x.key)}
                          >
                            {x.label}
                            <span aria-hidden="true">
                              {sorted ? (props.sort.dir === "asc" ? " ▲" : " ▼") : ""}
                            </span>
                            {sorted ? (
                              <span className="visually-hidden">
                                {props.sort.dir === "asc" ? ", sorted ascending" : ", sorted descending"}
                              </span>
                            ) : null}
                          </button>
                        </span>
                      );
                    })
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody className="grid-body" style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((item) => {
            const row = rows[item.index];
            if (!row) return null;
            const classes = ["grid-row"];
            if (item.index === active) classes.push("is-active");
            if (row.id === props.openId) classes.push("is-open");
            if (row.id === menuFor) classes.push("has-menu");
            const picked = props.selected.has(row.id);
            if (picked) classes.push("is-picked");
            const busy = props.busyIds.has(row.id);
            return (
              <tr
                key={row.id}
                id={`number-row-${row.id}`}
                aria-rowindex={item.index + 2}
                aria-selected={row.id === props.openId || picked}
                aria-busy={busy || undefined}
                className={classes.join(" ")}
                data-testid="number-row"
                data-number-id={row.id}
                data-picked={picked || undefined}
                style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}
                onClick={(e) => {
                  setActive(item.index);
                  const mods = { toggle: e.ctrlKey || e.metaKey, range: e.shiftKey };
                  // Ctrl/Cmd- or Shift-click picks numbers for a move; a plain click opens details.
                  if (mods.toggle || mods.range) props.onSelect(row, mods);
                  else onAction(row, "details");
                }}
              >
                <td className="grid-cell cell-number col-number" title={`${row.phoneNumber} (E.164)`}>
                  <span className="number-main">{row.display}</span>
                  <span className="number-meta" title={`${row.typeLabel}, ${row.countryName}`}>
                    {row.typeLabel}
                    {row.countryCode ? (
                      <>
                        <span aria-hidden="true">
                          {" · "}
                          {flag(row.countryCode)} {row.countryCode}
                        </span>
                        <span className="visually-hidden">, {row.countryName}</span>
                      </>
                    ) : (
                      <> · {row.countryName}</>
                    )}
                  </span>
                </td>
                <td
                  className="grid-cell col-profile"
                  data-testid="row-profile"
                  title={row.profileName ?? undefined}
                >
                  {busy ? <span className="muted">Saving… </span> : null}
                  {row.profileName ?? (
                    <span className="muted">{row.profileId ? "Missing profile" : "None"}</span>
                  )}
                </td>
                <td className="grid-cell col-features">
                  <span className={`chip${row.sms ? "" : " chip-off"}`}>
                    SMS<span className="visually-hidden">{row.sms ? " on" : " off"}</span>
                  </span>
                  <span className={`chip${row.mms ? "" : " chip-off"}`}>
                    MMS<span className="visually-hidden">{row.mms ? " on" : " off"}</span>
                  </span>
                </td>
                <td className="grid-cell col-readiness" data-testid="row-readiness">
                  <ReadinessBadge verdict={row.verdict} problems={row.problems} />
                </td>
                <td className="grid-cell col-health">
                  <HealthBar health={row.health} />
                </td>
                <td className="grid-cell cell-actions col-actions">
                  <RowMenu
                    row={row}
                    open={menuFor === row.id}
                    onOpenChange={(open) => setMenuFor(open ? row.id : null)}
                    onAction={(action) => {
                      setMenuFor(null);
                      setActive(item.index);
                      onAction(row, action);
                    }}
                  />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
