import { useEffect, useRef, useState } from "react";
import type { FacetCountMap, FacetKey, FacetOption, Filters } from "./model";
import { facetKeys, facetTitles, NO_PROFILE } from "./model";

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
        {facetKeys.map((key) =>
          props.options[key].length === 0 ? null : (
            <details key={key} open={key !== "tag" || props.filters.tag.length > 0}>
              <summary>{facetTitles[key]}</summary>
              <fieldset>
                <legend className="visually-hidden">{facetTitles[key]}</legend>
                {props.options[key].map((o) => {
                  const count = props.counts[key].get(o.key) ?? 0;
                  const checked = props.filters[key].includes(o.key);
                  const isProfile =
                    key === "profile" && o.key !== NO_PROFILE && !o.label.startsWith("Missing");
                  return (
                    <label key={o.key} className={`facet${count === 0 && !checked ? " facet-empty" : ""}`}>
                      <input
                        type="checkbox"
                        checked={checked}
                        onChange={() => props.onToggle(key, o.key)}
                        data-testid={`filter-${key}-${o.key}`}
                      />
                      <span className="facet-label" data-testid={isProfile ? "profile-name" : undefined}>
                        {o.label}
                      </span>
                      <span className="facet-count" data-testid={`count-${key}-${o.key}`}>
                        {countFormat.format(count)}
                      </span>
                    </label>
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
