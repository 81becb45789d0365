// A tiny hash router: the current screen lives in the URL (`#/numbers`), so Back and Forward work.
import { useEffect, useState } from "react";

export const screens = ["numbers", "assign", "troubleshoot", "activity", "settings"] as const;
export type Screen = (typeof screens)[number];

export function parseScreen(hash: string): Screen {
  const name = hash.replace(/^#\/?/, "").split(/[/?]/)[0] ?? "";
  return (screens as readonly string[]).includes(name) ? (name as Screen) : "numbers";
}

export function useScreen(): [Screen, (screen: Screen) => void] {
  const [screen, setScreen] = useState<Screen>(() => parseScreen(window.location.hash));
  useEffect(() => {
    const onChange = () => setScreen(parseScreen(window.location.hash));
    window.addEventListener("hashchange", onChange);
    return () => window.removeEventListener("hashchange", onChange);
  }, []);
  return [
    screen,
    (next) => {
      window.location.hash = `#/${next}`;
    },
  ];
}

/** The query part of a hash (`#/numbers?q=212` → `q=212`). */
export function hashQuery(hash: string): string {
  const at = hash.indexOf("?");
  return at < 0 ? "" : hash.slice(at + 1);
}

/** The hash of a screen with a query (`numbers`, `q=212` → `#/numbers?q=212`). */
export function hashFor(screen: Screen, query: string): string {
  return query ? `#/${screen}?${query}` : `#/${screen}`;
}

/**
 * The current hash's query, and a setter that writes a new one for `screen`: `push` adds a history
 * entry (Back returns to the previous state), otherwise the current entry is replaced (typing).
 */
export function useHashQuery(screen: Screen): [string, (query: string, push: boolean) => void] {
  const [query, setQuery] = useState(() => hashQuery(window.location.hash));
  useEffect(() => {
    const onChange = () => setQuery(hashQuery(window.location.hash));
    window.addEventListener("hashchange", onChange);
    window.addEventListener("popstate", onChange);
    return () => {
      window.removeEventListener("hashchange", onChange);
      window.removeEventListener("popstate", onChange);
    };
  }, []);
  return [
    query,
    (next, push) => {
      const hash = hashFor(screen, next);
      if (hash === window.location.hash) return;
      if (push) window.history.pushState(null, "", hash);
      else window.history.replaceState(null, "", hash);
      setQuery(next);
    },
  ];
}
