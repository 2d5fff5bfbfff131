import { getThreadCount, setThreadCount } from 'jitconn';

/** Thread count control for the bench (only the wasm backend uses threads). */
export interface ThreadControl {
  get(): number;
  set(threads: number): void;
}

export function threadControl(): ThreadControl {
  return { get: getThreadCount, set: setThreadCount };
}
