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
