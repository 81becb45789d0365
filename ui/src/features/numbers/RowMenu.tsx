import { type KeyboardEvent, useEffect, useRef } from "react";
import type { ListRow } from "../../lib/ipc";

export type RowAction = "details" | "assign" | "unassign" | "troubleshoot";

/** What a key does inside an open menu of `count` items whose item `index` has focus. */
export type MenuKeyResult =
  | { kind: "focus"; index: number }
  | { kind: "activate" }
  | { kind: "close"; refocusButton: boolean }
  | null;

/**
 * The WAI-ARIA menu keys: ↓/↑ move (wrapping), Home/End jump, Enter/Space activate, Escape closes and
 * returns to the menu button, Tab closes and lets focus move on. Anything else is not the menu's.
 */
export function menuKey(key: string, index: number, count: number): MenuKeyResult {
  if (count <= 0) return key === "Escape" || key === "Tab" ? { kind: "close", refocusButton: true } : null;
  switch (key) {
    case "ArrowDown":
      return { kind: "focus", index: index < 0 || index >= count - 1 ? 0 : index + 1 };
    case "ArrowUp":
      return { kind: "focus", index: index <= 0 ? count - 1 : index - 1 };
    case "Home":
    case "PageUp":
      return { kind: "focus", index: 0 };
    case "End":
    case "PageDown":
      return { kind: "focus", index: count - 1 };
    case "Enter":
    case " ":
      return { kind: "activate" };
    case "Escape":
      return { kind: "close", refocusButton: true };
    case "Tab":
      return { kind: "close", refocusButton: false };
    default:
      return null;
  }
}

function menuItems(menu: HTMLElement | null): HTMLButtonElement[] {
  return Array.from(menu?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]') ?? []);
}

export function rowMenuItems(row: ListRow): { action: RowAction; label: string }[] {
  const items: { action: RowAction; label: string }[] = [
    { action: "details", label: "Show details" },
    { action: "assign", label: row.profileId ? "Move to…" : "Assign to a profile…" },
  ];
  if (row.profileId) items.push({ action: "unassign", label: "Unassign from profile…" });
  items.push({ action: "troubleshoot", label: "Troubleshoot this number" });
  return items;
}

/**
 * A row's ⋯ button and its menu (WAI-ARIA menu button). The table owns which row's menu is open, so
 * at most one is; this component owns focus: into the menu when it opens, back to ⋯ on Escape.
 */
export function RowMenu(props: {
  row: ListRow;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onAction: (action: RowAction) => void;
}) {
  const { row, open, onOpenChange } = props;
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  /** Which item takes focus when the menu opens: first by default, last after ArrowUp on ⋯. */
  const startAt = useRef<"first" | "last">("first");
  const items = rowMenuItems(row);
  const menuId = `row-menu-${row.id}`;

  const onOpenChangeRef = useRef(onOpenChange);
  onOpenChangeRef.current = onOpenChange;

  useEffect(() => {
    if (!open) return;
    const all = menuItems(menu.current);
    (startAt.current === "last" ? all[all.length - 1] : all[0])?.focus();
    startAt.current = "first";
    // A press anywhere outside the menu and its button closes it, leaving focus where it lands.
    const onPointerDown = (event: PointerEvent) => {
      const target = event.target as Node | null;
      if (target && (menu.current?.contains(target) || button.current?.contains(target))) return;
      onOpenChangeRef.current(false);
    };
    document.addEventListener("pointerdown", onPointerDown, true);
    return () => document.removeEventListener("pointerdown", onPointerDown, true);
  }, [open]);

  const close = (refocusButton: boolean) => {
    if (refocusButton) button.current?.focus();
    onOpenChange(false);
  };

  const onMenuKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const all = menuItems(menu.current);
    const index = all.indexOf(document.activeElement as HTMLButtonElement);
    const result = menuKey(event.key, index, all.length);
    if (!result) return;
    event.stopPropagation();
    if (result.kind === "focus") {
      event.preventDefault();
      all[result.index]?.focus();
    } else if (result.kind === "activate") {
      event.preventDefault();
      const item = items[index];
      if (item) props.onAction(item.action);
    } else if (result.refocusButton) {
      event.preventDefault();
      close(true);
    } else {
      // Tab: focus goes back to ⋯ first, so the browser's own Tab moves on from the row, not from
      // a menu that is about to disappear.
      close(true);
    }
  };

  const onButtonKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
    event.preventDefault();
    event.stopPropagation();
    startAt.current = event.key === "ArrowUp" ? "last" : "first";
    if (open) {
      const all = menuItems(menu.current);
      (event.key === "ArrowUp" ? all[all.length - 1] : all[0])?.focus();
    } else onOpenChange(true);
  };

  return (
    <>
      <button
        ref={button}
        type="button"
        className="icon-button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        aria-label={`Actions for ${row.display}`}
        data-testid="row-menu"
        onClick={(event) => {
          event.stopPropagation();
          onOpenChange(!open);
        }}
        onKeyDown={onButtonKeyDown}
      >
        ⋯
      </button>
      {open ? (
        <div
          ref={menu}
          id={menuId}
          className="row-menu"
          role="menu"
          aria-label={`Actions for ${row.display}`}
          onClick={(e) => e.stopPropagation()}
          onKeyDown={onMenuKeyDown}
        >
          {items.map((item) => (
            <button
              key={item.action}
              type="button"
              role="menuitem"
              tabIndex={-1}
              data-testid={`menu-${item.action}`}
              onClick={() => props.onAction(item.action)}
            >
              {item.label}
            </button>
          ))}
        </div>
      ) : null}
    </>
  );
}
