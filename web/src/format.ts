/** Numbers as the page shows them (binary byte units, as `jitconn simulate` prints them). */

export function formatBytes(n: number): string {
  if (n < 1024) return `${Math.round(n)} B`;
  const units = ['KiB', 'MiB', 'GiB', 'TiB'];
  let value = n / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(value < 10 ? 2 : 1)} ${units[unit]}`;
}

/** 51,000,000. */
export function formatCount(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

/** A duration in ms as "850 ms" or "12.40 s". */
export function formatMs(ms: number): string {
  return ms < 1000 ? `${ms.toFixed(1)} ms` : `${(ms / 1000).toFixed(2)} s`;
}

/** 1.2 million, 3.4 billion: for big counts in prose. */
export function formatLarge(n: number): string {
  if (n >= 1e9) return `${(n / 1e9).toFixed(n >= 1e10 ? 0 : 1)} billion`;
  if (n >= 1e6) return `${(n / 1e6).toFixed(n >= 1e7 ? 0 : 1)} million`;
  return formatCount(n);
}

/** A ratio with two significant digits or more: 18,000x, 2.5x. */
export function formatRatio(r: number): string {
  if (!Number.isFinite(r)) return '-';
  if (r >= 100) return `${formatCount(Number(r.toPrecision(2)))}×`;
  return `${r.toFixed(r >= 10 ? 0 : 1)}×`;
}
