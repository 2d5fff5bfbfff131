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
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}
