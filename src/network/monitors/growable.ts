/** Typed arrays that grow by doubling, so appending is amortised O(1) and allocates rarely. */

type Growable = Uint32Array | Float64Array | Float32Array;

/** `array` with room for at least `needed` entries: itself, or a copy twice as large. */
export function ensureCapacity<T extends Growable>(array: T, needed: number): T {
  if (needed <= array.length) return array;
  let capacity = Math.max(array.length * 2, 1024);
  while (capacity < needed) capacity *= 2;
  const grown = new (array.constructor as new (length: number) => T)(capacity);
  grown.set(array as never);
  return grown;
}
