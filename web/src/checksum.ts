import type { SpikeChecksum } from 'jitconn';

/**
 * One checksum for a model's spike monitors: the monitor's own when there is one (so a
 * Vogels-Abbott network shows what `jitconn simulate` writes), else FNV-1a over their values in
 * order (the feed-forward network's three layers).
 */
export function combineChecksums(checksums: readonly SpikeChecksum[]): string {
  if (checksums.length === 1) return checksums[0]!.hex;
  let hash = 0x811c9dc5;
  for (const checksum of checksums) hash = Math.imul(hash ^ checksum.value, 0x01000193);
  return (hash >>> 0).toString(16).padStart(8, '0');
}
