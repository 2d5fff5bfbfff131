import { JitconnTooLargeError } from '../errors.js';

/** Refuse, with a clear message, to allocate more than `limit` 4-byte elements. */
export function checkMaterialisable(elements: number, limit: number, what: string): void {
  if (elements > limit) {
    throw new JitconnTooLargeError(
      `${what} would allocate ${Math.ceil(elements)} 4-byte elements (${formatBytes(elements * 4)}), more than ` +
        `the limit of ${limit} (${formatBytes(limit * 4)}); pass a larger maxElements if the memory is really there`,
    );
  }
}

/** A zeroed Float32Array, or a clear error when the engine cannot allocate one that large. */
export function allocateFloat32(elements: number, what: string): Float32Array {
  try {
    return new Float32Array(elements);
  } catch (error) {
    throw new JitconnTooLargeError(
      `${what} needs ${elements} float32 elements (${formatBytes(elements * 4)}), which could not be allocated: ${String(error)}`,
    );
  }
}

export function formatBytes(bytes: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB', 'EiB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(unit === 0 ? 0 : 1)} ${units[unit]}`;
}
