// "Move to…": a menu of the targets with type-ahead, for moving a selection without a mouse.
import { type KeyboardEvent, useEffect, useId, useRef, useState } from "react";
import type { ProfileSummary } from "../../lib/ipc";

export interface MoveTarget {
  /** A profile id, or `null` for "no profile" (unassign). */
  id: string | null;
  name: string;
  hint: string;
}

export function targetsOf(profiles: readonly ProfileSummary[]): MoveTarget[] {
  return [
    ...profiles.map((p) => ({
      id: p.id,
      name: p.name,
      hint: [p.enabled ? null : "disabled", p.hasWebhook ? null : "no webhook URL"]
        .filter(Boolean)
        .join(", "),
    })),
    { id: null, name: "Unassigned (no profile)", hint: "stops its texting" },
  ];
}

/** The targets whose name contains what was typed (case and accents ignored), in order. */
export function matchTargets(targets: readonly MoveTarget[], typed: string): MoveTarget[] {
  const fold = (s: string) => s.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
  const t = fold(typed.trim());
  if (!t) return [...targets];
  const starts = targets.filter((x) => fold(x.name).startsWith(t));
  const contains = targets.filter((x) => !fold(x.name).startsWith(t) && fold(x.name).includes(t));
  return [...starts, ...contains];
}

export function MoveToMenu(props: {
  profiles: readonly ProfileSummary[];
  count: number;
  disabled?: boolean;
  onPick: (profileId: string | null) => void;
  testId?: string;
  /** The button's words (default "Move to…"). */
  label?: string;
}) {
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState("");
  const [active, setActive] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const area = useRef<HTMLDivElement>(null);
  const listId = useId();
  const shown = matchTargets(targetsOf(props.profiles), typed);

  useEffect(() => {
    if (!open) return;
    input.current?.focus();
    const onDown = (e: PointerEvent) => {
      if (!area.current?.contains(e.target as Node | null)) setOpen(false);
    };
    window.addEventListener("pointerdown", onDown);
    return () => window.removeEventListener("pointerdown", onDown);
  }, [open]);

  const close = () => {
    setOpen(false);
    setTyped("");
    setActive(0);
    button.current?.focus();
  };
  const pick = (t: MoveTarget | undefined) => {
    if (!t) return;
    setOpen(false);
    setTyped("");
    setActive(0);
    props.onPick(t.id);
  };
  const onKey = (e: KeyboardEvent) => {
    if (e.key === "ArrowDown") {
      e.preventDefault();
      setActive((a) => Math.min(a + 1, shown.length - 1));
    } else if (e.key === "ArrowUp") {
      e.preventDefault();
      setActive((a) => Math.max(a - 1, 0));
    } else if (e.key === "Enter") {
      e.preventDefault();
      pick(shown[active]);
    } else if (e.key === "Escape") {
      e.preventDefault();
      e.stopPropagation();
      close();
    }
  };
  const testId = props.testId ?? "move-to";

  return (
    <div className="move-to" ref={area}>
      <button
        ref={button}
        type="button"
        className="button"
        aria-haspopup="listbox"
        aria-expanded={open}
        disabled={props.disabled || props.count === 0}
        data-testid={testId}
        onClick={() => (open ? close() : setOpen(true))}
      >
        {props.label ?? "Move to…"}
      </button>
      {open ? (
        <div className="move-to-menu" data-testid={`${testId}-menu`}>
          <input
            ref={input}
            type="text"
            role="combobox"
            aria-expanded="true"
            aria-controls={listId}
            aria-activedescendant={shown[active] ? `${listId}-${active}` : undefined}
            aria-label={`Move ${props.count === 1 ? "1 number" : `${props.count} numbers`} to: type a profile's name`}
            placeholder="Type a profile's name"
            value={typed}
            data-testid={`${testId}-input`}
            onChange={(e) => {
              setTyped(e.target.value);
              setActive(0);
            }}
            onKeyDown={onKey}
          />
          <div id={listId} role="listbox" aria-label="Profiles" className="move-to-options">
            {shown.length === 0 ? <p className="muted">No profile has that name.</p> : null}
            {shown.map((t, i) => (
              // biome-ignore lint/a11y/useKeyWithClickEvents: the input's keys (arrows, Enter) choose; a click is the pointer's way.
              <div
                key={t.id ?? "none"}
                id={`${listId}-${i}`}
                tabIndex={-1}
                role="option"
                aria-selected={i === active}
                data-testid={`${testId}-option`}
                onPointerDown={(e) => e.preventDefault()}
                onClick={() => pick(t)}
                onPointerEnter={() => setActive(i)}
              >
                <span>{t.name}</span>
                {t.hint ? <span className="muted"> · {t.hint}</span> : null}
              </div>
            ))}
          </div>
        </div>
      ) : null}
    </div>
  );
}
