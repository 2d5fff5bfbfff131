/** Byte counts and numbers as the commands and their pictures print them. */

/**
 * Bytes a stored CSR matrix of `rows` rows and `synapses` connections needs: a float32 weight and
 * an int32 column index per connection, and an int32 row pointer per row plus one.
 */
export function storedCsrBytes(rows: number, synapses: number): number {
  return synapses * 8 + (rows + 1) * 4;
}

/** "72 B", "5.7 MiB", "7.5 GiB". */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 2 ** 20) return `${(n / 1024).toFixed(1)} KiB`;
  if (n < 2 ** 30) return `${(n / 2 ** 20).toFixed(1)} MiB`;
  if (n < 2 ** 40) return `${(n / 2 ** 30).toFixed(1)} GiB`;
  return `${(n / 2 ** 40).toFixed(1)} TiB`;
}

/** A count with thousands separators: 51,000,000. */
export function formatCount(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

/** "1st", "2nd", "3rd", "4th", ... for "every 8th neuron". */
export function ordinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}
