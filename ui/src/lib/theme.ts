// Applies the chosen theme to the document as `data-theme="light" | "dark"`. For "system" the
// operating system's preference decides, and a change of that preference is followed live.
import type { Theme } from "./ipc";

export function resolveTheme(theme: Theme, systemPrefersDark: boolean): "light" | "dark" {
  if (theme === "system") return systemPrefersDark ? "dark" : "light";
  return theme;
}

/** Sets `data-theme` now and, for "system", whenever the system preference changes. Returns a cleanup. */
export function applyTheme(theme: Theme, root: HTMLElement = document.documentElement): () => void {
  const media = window.matchMedia("(prefers-color-scheme: dark)");
  const update = () => root.setAttribute("data-theme", resolveTheme(theme, media.matches));
  update();
  if (theme !== "system") return () => {};
  media.addEventListener("change", update);
  return () => media.removeEventListener("change", update);
}
