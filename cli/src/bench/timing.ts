/** Median wall time of `run`, after one warm-up call, over at least `minRuns` calls and about `budgetMs`. */
export function medianMs(run: () => unknown, budgetMs = 600, minRuns = 5, maxRuns = 200): number {
  run();
  const times: number[] = [];
  const start = performance.now();
  while (times.length < minRuns || (times.length < maxRuns && performance.now() - start < budgetMs)) {
    const t = performance.now();
    run();
    times.push(performance.now() - t);
  }
  return median(times);
}

/** Median wall time of the first `calls` calls of `run`, with no warm-up: the cold figure. */
export function firstCallsMs(run: () => unknown, calls = 20): number {
  const times: number[] = [];
  for (let i = 0; i < calls; i++) {
    const t = performance.now();
    run();
    times.push(performance.now() - t);
  }
  return median(times);
}

function median(times: number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}
