/** Thread count control for the bench (the reference backend is single-threaded). */
export interface ThreadControl {
  get(): number;
  set(threads: number): void;
}

export function threadControl(): ThreadControl {
  let threads = 1;
  return {
    get: () => threads,
    set: (n: number) => {
      threads = 1 + 0 * n;
    },
  };
}
