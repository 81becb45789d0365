// The numbers list arrives column by column (crates/desk-core/src/columns.rs: a quarter of the
// bytes of one object per row, so it crosses and parses faster); the screen works on rows.
import type { HealthView, ListRow, RowColumns } from "./ipc";

/** `features` bits, as desk_core::columns::{SMS, MMS}. */
const SMS = 1;
const MMS = 2;

/** The rows the columns hold, in order: the same objects the backend's `ListRow` serializes to. */
export function rowsOf(c: RowColumns): ListRow[] {
  const rows: ListRow[] = new Array(c.id.length);
  for (let i = 0; i < c.id.length; i++) {
    const kind = c.types[c.typeIndex[i] ?? -1];
    const country = c.countries[c.countryIndex[i] ?? -1];
    const profileIndex = c.profileIndex[i];
    const profile = profileIndex == null ? undefined : c.profileRefs[profileIndex];
    const h = c.health[i];
    const health: HealthView | null = h
      ? { successRatio: h[0], spamRatio: h[1], messageCount: h[2], inboundOutboundRatio: h[3] }
      : null;
    const features = c.features[i] ?? 0;
    const verdict = c.verdict[i] ?? "checking";
    const more = c.moreProblems[i] ?? [];
    rows[i] = {
      id: c.id[i] ?? "",
      phoneNumber: c.phoneNumber[i] ?? "",
      display: c.display[i] ?? "",
      typeLabel: kind?.label ?? "",
      numberType: kind?.numberType ?? "unknown",
      countryCode: country?.code ?? null,
      countryName: country?.name ?? "",
      profileId: profile?.id ?? null,
      profileName: profile?.name ?? null,
      sms: (features & SMS) !== 0,
      mms: (features & MMS) !== 0,
      health,
      tags: c.tags[i] ?? [],
      verdict,
      group: c.group[i] ?? "waiting",
      // Most numbers have one problem (or none: `ready`); the array is shared, never mutated.
      problems: more.length === 0 ? [verdict] : [verdict, ...more],
    };
  }
  return rows;
}
