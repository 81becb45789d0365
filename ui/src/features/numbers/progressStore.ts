// Load progress outside React state: a page arrives every few milliseconds, and re-rendering the
// whole Numbers screen (10,000 rows' filters and counts) for each would take the CPU the load
// itself needs. Only the progress bar subscribes, and it hears at most one change per frame.
import type { LoadProgress } from "../../lib/ipc";

export interface ProgressStore {
  get(): LoadProgress | null;
  set(progress: LoadProgress | null): void;
  subscribe(listener: () => void): () => void;
}

/** `schedule` batches notifications (one animation frame in the app; immediate in tests). */
export function createProgressStore(
  schedule: (notify: () => void) => void = (notify) => requestAnimationFrame(notify),
): ProgressStore {
  let value: LoadProgress | null = null;
  let pending = false;
  const listeners = new Set<() => void>();
  return {
    get: () => value,
    set(progress) {
      value = progress;
      if (pending) return;
      pending = true;
      schedule(() => {
        pending = false;
        for (const listener of listeners) listener();
      });
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}
