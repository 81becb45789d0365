// Named timings of the costly steps (`performance.measure`), read by the Numbers benchmark
// (tests/bench/numbers.mjs) to say where the time goes. Costs a few microseconds per call.

/** Runs `work` and records how long it took as a `performance` measure named `name`. */
export function timed<T>(name: string, work: () => T): T {
  const start = performance.now();
  try {
    return work();
  } finally {
    measure(name, start);
  }
}

/** Records the time since `start` (a `performance.now()` value) as a measure named `name`. */
export function measure(name: string, start: number): void {
  try {
    performance.measure(name, { start, end: performance.now() });
  } catch {
    // A runtime without User Timing Level 3: nothing to record.
  }
}
