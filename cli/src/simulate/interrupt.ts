/**
 * Runs `work` with an AbortSignal that the first Ctrl-C (SIGINT) aborts, so a simulation stops
 * cleanly and its results are still written. A second Ctrl-C ends the process as usual (the
 * handler is gone by then). Resolves with the work's result and whether it was interrupted.
 */
export async function withInterrupt<T>(
  work: (signal: AbortSignal) => Promise<T>,
  onInterrupt: () => void = () => {},
): Promise<{ result: T; interrupted: boolean }> {
  const controller = new AbortController();
  const handler = () => {
    onInterrupt();
    controller.abort();
  };
  process.once('SIGINT', handler);
  try {
    const result = await work(controller.signal);
    return { result, interrupted: controller.signal.aborted };
  } finally {
    process.removeListener('SIGINT', handler);
  }
}
