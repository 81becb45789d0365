// The Assign board's selection, pure: click, ctrl/cmd-click, shift-click ranges, select all
// matching, and what a refresh takes out of it. The board keeps ids, so a selection survives
// scrolling and filtering (rows out of view stay selected).

export interface Selection {
  readonly ids: ReadonlySet<string>;
  /** Where a shift-click range starts (the last row clicked without shift). */
  readonly anchor: string | null;
}

export const emptySelection: Selection = { ids: new Set(), anchor: null };

export interface ClickMods {
  /** Shift: a range from the anchor. */
  range: boolean;
  /** Ctrl or Cmd (or the row's checkbox): add or remove one row. */
  toggle: boolean;
}

/** A click on `id` among `visible` (the rows in the order shown). */
export function clickSelect(
  sel: Selection,
  visible: readonly string[],
  id: string,
  mods: ClickMods,
): Selection {
  if (mods.range && sel.anchor !== null) {
    const from = visible.indexOf(sel.anchor);
    const to = visible.indexOf(id);
    if (from >= 0 && to >= 0) {
      const [a, b] = from <= to ? [from, to] : [to, from];
      const ids = new Set(mods.toggle ? sel.ids : []);
      for (let i = a; i <= b; i++) ids.add(visible[i] as string);
      return { ids, anchor: sel.anchor };
    }
  }
  if (mods.toggle) {
    const ids = new Set(sel.ids);
    if (ids.has(id)) ids.delete(id);
    else ids.add(id);
    return { ids, anchor: id };
  }
  return { ids: new Set([id]), anchor: id };
}

/** Adds every id of `matching` (the filter's rows, not only those on screen). */
export function selectAll(sel: Selection, matching: readonly string[]): Selection {
  const ids = new Set(sel.ids);
  for (const id of matching) ids.add(id);
  return { ids, anchor: sel.anchor };
}

/** Keeps only ids still on the account; `dropped` says how many left. */
export function prune(
  sel: Selection,
  present: ReadonlySet<string>,
): { selection: Selection; dropped: number } {
  let dropped = 0;
  const ids = new Set<string>();
  for (const id of sel.ids) {
    if (present.has(id)) ids.add(id);
    else dropped++;
  }
  if (dropped === 0) return { selection: sel, dropped };
  const anchor = sel.anchor !== null && present.has(sel.anchor) ? sel.anchor : null;
  return { selection: { ids, anchor }, dropped };
}

/** What a drag that starts on `id` carries: the whole selection when `id` is in it, else `id`. */
export function dragged(sel: Selection, id: string): string[] {
  return sel.ids.has(id) ? [...sel.ids] : [id];
}

/** How many of `matching` are selected. */
export function countSelectedIn(sel: Selection, matching: readonly string[]): number {
  let n = 0;
  for (const id of matching) if (sel.ids.has(id)) n++;
  return n;
}
