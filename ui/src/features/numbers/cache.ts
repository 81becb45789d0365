// Changes to the cached list of numbers, pure: one row replaced in place (the rest untouched).
import type { ListRow, LoadEvent, NumbersList, ProfileSummary } from "../../lib/ipc";

/** The list with the row `id` replaced by `update(row)`; the same list when no row has that id. */
export function replaceRow(list: NumbersList, id: string, update: (row: ListRow) => ListRow): NumbersList {
  const index = list.rows.findIndex((r) => r.id === id);
  if (index < 0) return list;
  const rows = list.rows.slice();
  const current = rows[index];
  if (current) rows[index] = update(current);
  return { ...list, rows };
}

/** What the row looks like while a profile change is on its way (optimistic). */
export function withProfile(
  row: ListRow,
  profileId: string | null,
  profiles: readonly ProfileSummary[],
): ListRow {
  const profile = profiles.find((p) => p.id === profileId);
  return { ...row, profileId, profileName: profile?.name ?? null };
}

/** The list a first-look event carries. */
export function firstLook(event: Extract<LoadEvent, { kind: "firstLook" }>): NumbersList {
  const { kind: _kind, ...list } = event;
  return list;
}
