import type { ListRow, Verdict } from "../../lib/ipc";
import { healthTone, verdicts } from "./model";

const byKey = new Map(verdicts.map((v) => [v.key, v]));

/** The verdict as a coloured badge in words. */
export function ReadinessBadge({ verdict }: { verdict: Verdict }) {
  const v = byKey.get(verdict);
  return <span className={`badge verdict verdict-${v?.tone ?? "info"}`}>{v?.label ?? verdict}</span>;
}

function percent(ratio: number | null | undefined): number | null {
  if (ratio === null || ratio === undefined || Number.isNaN(ratio)) return null;
  return Math.round(Math.min(1, Math.max(0, ratio)) * 100);
}

/** Health as a small bar: the share of messages delivered, coloured as readiness judges it. */
export function HealthBar({ health }: { health: ListRow["health"] }) {
  const tone = healthTone(health);
  const delivered = percent(health?.successRatio);
  if (!health || tone === null || delivered === null) {
    return <span className="muted health-none">No data</span>;
  }
  const spam = percent(health.spamRatio) ?? 0;
  const words = `${delivered}% delivered, ${spam}% flagged as spam`;
  return (
    <span className="health" title={words}>
      <span className={`health-fill health-${tone}`} style={{ width: `${delivered}%` }} />
      <span className="visually-hidden">{words}</span>
    </span>
  );
}
