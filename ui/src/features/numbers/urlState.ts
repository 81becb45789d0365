// The Numbers screen's state in the URL (`#/numbers?q=212&profile=…&sort=readiness`), so Back and
// Forward restore a search, filters, sort and the open number.
import {
  emptyFilters,
  type FacetKey,
  type Filters,
  facetKeys,
  type Sort,
  type SortKey,
  sortKeys,
} from "./model";

export interface ListState {
  q: string;
  filters: Filters;
  sort: Sort;
  /** The id of the number whose detail panel is open. */
  open: string | null;
}

export const defaultSort: Sort = { key: "number", dir: "asc" };

/** The longest search kept in the URL (a pasted page of text would otherwise grow the URL, and
 * every history entry, several times over once encoded). No phone number is longer. */
export const MAX_QUERY_IN_URL = 100;

export function defaultListState(): ListState {
  return { q: "", filters: emptyFilters(), sort: defaultSort, open: null };
}

export function parseListState(query: string): ListState {
  const params = new URLSearchParams(query.replace(/^\?/, ""));
  const filters = emptyFilters();
  for (const key of facetKeys) {
    const values = params.getAll(key).filter((v) => v !== "");
    filters[key] = [...new Set(values)];
  }
  const sortKey = params.get("sort");
  const sort: Sort = {
    key: (sortKeys as readonly string[]).includes(sortKey ?? "") ? (sortKey as SortKey) : defaultSort.key,
    dir: params.get("dir") === "desc" ? "desc" : "asc",
  };
  const q = (params.get("q") ?? "").slice(0, MAX_QUERY_IN_URL);
  return { q, filters, sort, open: params.get("number") || null };
}

/** The query string of a state, without the defaults (empty for the default state). */
export function serializeListState(state: ListState): string {
  const params = new URLSearchParams();
  if (state.q) params.set("q", state.q.slice(0, MAX_QUERY_IN_URL));
  for (const key of facetKeys) for (const v of state.filters[key]) params.append(key, v);
  if (state.sort.key !== defaultSort.key || state.sort.dir !== defaultSort.dir) {
    params.set("sort", state.sort.key);
    params.set("dir", state.sort.dir);
  }
  if (state.open) params.set("number", state.open);
  return params.toString();
}

export function toggleFilter(filters: Filters, key: FacetKey, value: string): Filters {
  const current = filters[key];
  const next = current.includes(value) ? current.filter((v) => v !== value) : [...current, value];
  return { ...filters, [key]: next };
}

/** Clicking a column header: the same column flips direction, another starts ascending. */
export function nextSort(current: Sort, key: SortKey): Sort {
  if (current.key === key) return { key, dir: current.dir === "asc" ? "desc" : "asc" };
  return { key, dir: "asc" };
}
