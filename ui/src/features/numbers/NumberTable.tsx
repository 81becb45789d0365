import { useVirtualizer } from "@tanstack/react-virtual";
import { type KeyboardEvent, useEffect, useRef, useState } from "react";
import type { NumberRow } from "../../lib/ipc";
import { flag, type Sort, type SortKey } from "./model";
import { HealthBar, ReadinessBadge } from "./Readiness";
import { type RowAction, RowMenu } from "./RowMenu";

export type { RowAction } from "./RowMenu";

const columns: { key: SortKey | null; label: string }[] = [
  { key: "number", label: "Number" },
  { key: "type", label: "Type" },
  { key: "country", label: "Country" },
  { key: "profile", label: "Profile" },
  { key: null, label: "Features" },
  { key: "readiness", label: "Readiness" },
  { key: "health", label: "Health" },
  { key: null, label: "Actions" },
];

const ROW_HEIGHT = 44;

/** Every shown number in a virtualized grid: only the rows on screen are in the document. */
export function NumberTable(props: {
  rows: readonly NumberRow[];
  sort: Sort;
  onSort: (key: SortKey) => void;
  openId: string | null;
  busyIds: ReadonlySet<string>;
  onAction: (row: NumberRow, action: RowAction) => void;
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
        tabIndex={0}
        onKeyDown={onKeyDown}
        data-testid="number-grid"
      >
        <thead>
          <tr className="grid-row grid-head" aria-rowindex={1}>
            {columns.map((c) => {
              const sorted = c.key !== null && props.sort.key === c.key;
              return (
                <th
                  key={c.label}
                  scope="col"
                  className="grid-cell"
                  aria-sort={sorted ? (props.sort.dir === "asc" ? "ascending" : "descending") : undefined}
                >
                  {c.key === null ? (
                    <span className={c.label === "Actions" ? "visually-hidden" : undefined}>{c.label}</span>
                  ) : (
                    <button
                      type="button"
                      className="sort-button"
                      data-testid={`sort-${c.key}`}
                      onClick={() => c.key && props.onSort(c.key)}
                    >
                      {c.label}
                      <span aria-hidden="true">{sorted ? (props.sort.dir === "asc" ? " ▲" : " ▼") : ""}</span>
                    </button>
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
            const busy = props.busyIds.has(row.id);
            return (
              <tr
                key={row.id}
                id={`number-row-${row.id}`}
                aria-rowindex={item.index + 2}
                aria-selected={row.id === props.openId}
                aria-busy={busy || undefined}
                className={classes.join(" ")}
                data-testid="number-row"
                data-number-id={row.id}
                style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}
                onClick={() => {
                  setActive(item.index);
                  onAction(row, "details");
                }}
              >
                <td className="grid-cell cell-number" title={`${row.phoneNumber} (E.164)`}>
                  {row.display}
                </td>
                <td className="grid-cell" title={row.typeLabel}>
                  {row.typeLabel}
                </td>
                <td className="grid-cell" title={row.countryCode ?? undefined}>
                  <span aria-hidden="true">{flag(row.countryCode)} </span>
                  {row.countryName}
                </td>
                <td className="grid-cell" data-testid="row-profile" title={row.profileName ?? undefined}>
                  {busy ? <span className="muted">Saving… </span> : null}
                  {row.profileName ?? (
                    <span className="muted">{row.profileId ? "Missing profile" : "None"}</span>
                  )}
                </td>
                <td className="grid-cell">
                  <span className={`chip${row.sms ? "" : " chip-off"}`}>
                    SMS<span className="visually-hidden">{row.sms ? " on" : " off"}</span>
                  </span>
                  <span className={`chip${row.mms ? "" : " chip-off"}`}>
                    MMS<span className="visually-hidden">{row.mms ? " on" : " off"}</span>
                  </span>
                </td>
                <td className="grid-cell" data-testid="row-readiness">
                  <ReadinessBadge readiness={row.readiness} />
                </td>
                <td className="grid-cell">
                  <HealthBar health={row.health} />
                </td>
                <td className="grid-cell cell-actions">
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
