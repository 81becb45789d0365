// Applies the chosen theme to the document: `data-theme` for light/dark, nothing for "system".
import type { Theme } from "./ipc";

export function applyTheme(theme: Theme, root: HTMLElement = document.documentElement): void {
  if (theme === "system") root.removeAttribute("data-theme");
  else root.setAttribute("data-theme", theme);
}
