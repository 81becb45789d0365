import { Fragment, useEffect, useRef, useState } from "react";
import type { FacetCountMap, FacetKey, FacetOption, Filters } from "./model";
import { cannotTextGroups, facetKeys, facetTitles, groups, isCannotText, NO_PROFILE } from "./model";

const countFormat = new Intl.NumberFormat("en-US");

/**
 * One group of checkboxes per facet, each option with how many numbers it would show. Where the list
 * is narrow (a 900 px window, or the detail panel open beside it) the groups fold behind a "Filters"
 * button and open over the list (numbers.css decides when; the button is hidden otherwise).
 */
export function FilterPanel(props: {
  options: Record<FacetKey, FacetOption[]>;
  counts: FacetCountMap;
  filters: Filters;
  onToggle: (key: FacetKey, value: string) => void;
  /** Sets one filter to exactly these values (the "Can't text" button). */
  onSet: (key: FacetKey, values: readonly string[]) => void;
  onClear: () => void;
}) {
  const anyActive = facetKeys.some((k) => props.filters[k].length > 0);
  const activeCount = facetKeys.reduce((n, k) => n + props.filters[k].length, 0);
  const [open, setOpen] = useState(false);
  const area = useRef<HTMLDivElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);

  // While folded open over the list, a press outside closes it, and so does Escape (focus goes back
  // to the button).
  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      if (!area.current?.contains(event.target as Node | null)) setOpen(false);
    };
    const onKeyDown = (event: KeyboardEvent) => {
      // WebKit does not focus a checkbox on click, so Escape may come from the page itself.
      const target = event.target as Node | null;
      if (event.key !== "Escape" || !(target === document.body || area.current?.contains(target))) return;
      event.stopPropagation();
      setOpen(false);
      toggle.current?.focus();
    };
    document.addEventListener("pointerdown", onPointerDown, true);
    document.addEventListener("keydown", onKeyDown);
    return () => {
      document.removeEventListener("pointerdown", onPointerDown, true);
      document.removeEventListener("keydown", onKeyDown);
    };
  }, [open]);

  return (
    <div className="filters-area" ref={area} data-open={open || undefined}>
      <div className="filters-bar">
        <button
          ref={toggle}
          type="button"
          className="button filters-toggle"
          aria-expanded={open}
          aria-controls="number-filters"
          data-testid="filters-toggle"
          onClick={() => setOpen(!open)}
        >
          Filters{activeCount > 0 ? <span className="filters-active"> ({activeCount} on)</span> : null}
          <span aria-hidden="true">{open ? " ▴" : " ▾"}</span>
        </button>
        {anyActive ? (
          <button type="button" className="link-button" onClick={props.onClear}>
            Clear filters
          </button>
        ) : null}
      </div>
      <nav className="filters" id="number-filters" aria-label="Filters">
        <div className="filters-head">
          <h2>Filters</h2>
          {anyActive ? (
            <button type="button" className="link-button" data-testid="clear-filters" onClick={props.onClear}>
              Clear all
            </button>
          ) : null}
        </div>
        <CannotText
          count={cannotTextGroups.reduce((n, g) => n + (props.counts.group.get(g) ?? 0), 0)}
          on={isCannotText(props.filters.group)}
          onClick={() => props.onSet("group", isCannotText(props.filters.group) ? [] : [...cannotTextGroups])}
        />
        {facetKeys.map((key) =>
          props.options[key].length === 0 ? null : (
            <details key={key} open={key !== "tag" || props.filters.tag.length > 0}>
              <summary>{facetTitles[key]}</summary>
              <fieldset>
                <legend className="visually-hidden">{facetTitles[key]}</legend>
                {props.options[key].map((o, i, all) => {
                  const count = props.counts[key].get(o.key) ?? 0;
                  const checked = props.filters[key].includes(o.key);
                  const isProfile =
                    key === "profile" && o.key !== NO_PROFILE && !o.label.startsWith("Missing");
                  // Problems come under the name of their group (Action needed, Waiting, Ready).
                  const heading =
                    o.group && o.group !== all[i - 1]?.group
                      ? groups.find((g) => g.key === o.group)
                      : undefined;
                  const explanation =
                    key === "group" ? groups.find((g) => g.key === o.key)?.explanation : undefined;
                  return (
                    <Fragment key={o.key}>
                      {heading ? (
                        <span className="facet-heading" aria-hidden="true">
                          {heading.label}
                        </span>
                      ) : null}
                      <label
                        className={`facet${count === 0 && !checked ? " facet-empty" : ""}`}
                        title={explanation}
                      >
                        <input
                          type="checkbox"
                          checked={checked}
                          onChange={() => props.onToggle(key, o.key)}
                          data-testid={`filter-${key}-${o.key}`}
                        />
                        <span className="facet-label" data-testid={isProfile ? "profile-name" : undefined}>
                          {o.label}
                          {heading || (o.group && key === "readiness") ? (
                            <span className="visually-hidden">{` (${groups.find((g) => g.key === o.group)?.label})`}</span>
                          ) : null}
                        </span>
                        <span className="facet-count" data-testid={`count-${key}-${o.key}`}>
                          {countFormat.format(count)}
                        </span>
                      </label>
                    </Fragment>
                  );
                })}
              </fieldset>
            </details>
          ),
        )}
      </nav>
    </div>
  );
}

/** One click for "everything that can't text": Action needed and Waiting together. */
function CannotText(props: { count: number; on: boolean; onClick: () => void }) {
  return (
    <button
      type="button"
      className={`button cannot-text${props.on ? " cannot-text-on" : ""}`}
      aria-pressed={props.on}
      data-testid="filter-cannot-text"
      onClick={props.onClick}
      title="Numbers that need action from you or are waiting at Telnyx or the carriers"
    >
      <span>Can't text</span>
      <span className="facet-count" data-testid="count-cannot-text">
        {countFormat.format(props.count)}
      </span>
    </button>
  );
}
