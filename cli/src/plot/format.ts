/** Numbers as the figures print them: thousands separated, fixed decimals where asked. */
export function formatCount(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

export function formatFixed(n: number, digits: number): string {
  return n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** "1st", "2nd", "3rd", "4th", ... for "every 8th neuron". */
export function ordinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}
