import type { ListRow, Verdict } from "../../lib/ipc";
import { healthTone, verdictLabel } from "./model";

/** The first problem as a coloured badge in words, and how many more there are ("No profile +1");
 * hovering it lists them all. */
export function ReadinessBadge(props: { verdict: Verdict; problems?: readonly Verdict[] }) {
  const v = verdictLabel(props.verdict);
  const problems = props.problems ?? [props.verdict];
  const more = problems.filter((p) => p !== props.verdict).length;
  const all = problems.map((p) => verdictLabel(p)?.label ?? p);
  return (
    <span
      className={`badge verdict verdict-${v?.tone ?? "info"}`}
      title={more > 0 ? all.join(" · ") : undefined}
      data-problems={problems.length}
    >
      {v?.label ?? props.verdict}
      {more > 0 ? (
        <>
          <span className="verdict-more" aria-hidden="true">
            {` +${more}`}
          </span>
          <span className="visually-hidden">{`, and ${all.slice(1).join(", ")}`}</span>
        </>
      ) : null}
    </span>
  );
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
