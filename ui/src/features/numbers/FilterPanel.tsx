import type { FacetCountMap, FacetKey, FacetOption, Filters } from "./model";
import { facetKeys, facetTitles, NO_PROFILE } from "./model";

const countFormat = new Intl.NumberFormat("en-US");

/** One group of checkboxes per facet, each option with how many numbers it would show. */
export function FilterPanel(props: {
  options: Record<FacetKey, FacetOption[]>;
  counts: FacetCountMap;
  filters: Filters;
  onToggle: (key: FacetKey, value: string) => void;
  onClear: () => void;
}) {
  const anyActive = facetKeys.some((k) => props.filters[k].length > 0);
  return (
    <nav className="filters" aria-label="Filters">
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
                const isProfile = key === "profile" && o.key !== NO_PROFILE && !o.label.startsWith("Missing");
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
  );
}
