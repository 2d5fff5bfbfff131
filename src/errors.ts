/**
 * Errors that say which argument was wrong, what it was and what was expected.
 * Every public entry point validates its input and throws one of these instead of
 * returning a silently wrong answer.
 */

/** Describe a value briefly and unambiguously for an error message. */
export function describeValue(value: unknown): string {
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') return Object.is(value, -0) ? '-0' : String(value);
  if (value === null || value === undefined) return String(value);
  if (Array.isArray(value)) return `an array of length ${value.length}`;
  if (ArrayBuffer.isView(value)) {
    const name = value.constructor.name;
    return 'length' in value ? `a ${name} of length ${String(value.length)}` : `a ${name}`;
  }
  return `a ${typeof value}`;
}

/**
 * A bad argument: `argument` got `value`, but `expected` was required. Its message says all three,
 * e.g. `prob must be a number in [0, 1], got 1.5`. A `RangeError`, so code that already catches
 * those keeps working.
 *
 * @example
 * ```ts
 * import { JITCScalarR, JitconnArgumentError } from 'jitconn';
 *
 * try {
 *   new JITCScalarR([0.1, 1.5, 42], { shape: [10, 10] });
 * } catch (error) {
 *   if (error instanceof JitconnArgumentError) console.log(error.argument, error.value, error.expected);
 *   // prob 1.5 a number in [0, 1]
 * }
 * ```
 */
export class JitconnArgumentError extends RangeError {
  /** The argument's name as the caller knows it, e.g. `prob`, `shape[0] (rows)`, `x[3]`. */
  readonly argument: string;
  /** The value it got. */
  readonly value: unknown;
  /** What it must be instead, in words. */
  readonly expected: string;

  /**
   * Builds the error and its message from the three parts.
   *
   * @param argument - The argument's name as the caller knows it.
   * @param value - The value it got.
   * @param expected - What it must be instead, completing "`argument` must be ...".
   * @example
   * ```ts
   * import { JitconnArgumentError } from 'jitconn';
   *
   * const error = new JitconnArgumentError('rate', -1, 'a rate in Hz, >= 0');
   * error.message; // 'rate must be a rate in Hz, >= 0, got -1'
   * ```
   */
  constructor(argument: string, value: unknown, expected: string) {
    super(`${argument} must be ${expected}, got ${describeValue(value)}`);
    this.name = 'JitconnArgumentError';
    this.argument = argument;
    this.value = value;
    this.expected = expected;
  }
}

/**
 * Operand shapes that do not fit together, e.g. a vector of the wrong length for a product, or an
 * `out` buffer of the wrong length. The message gives both shapes.
 *
 * @example
 * ```ts
 * import { JITCScalarR, JitconnShapeError } from 'jitconn';
 *
 * const M = new JITCScalarR([0.1, 0.1, 42], { shape: [1000, 500] });
 * try {
 *   M.vecmat(new Float32Array(999)); // x @ M needs one entry per row: 1000
 * } catch (error) {
 *   console.log(error instanceof JitconnShapeError); // true
 * }
 * ```
 */
export class JitconnShapeError extends RangeError {
  /**
   * An error with the given message (jitconn's products build it; code that checks shapes of its
   * own may reuse it).
   *
   * @param message - What did not fit, with both shapes.
   * @example
   * ```ts
   * import { JitconnShapeError } from 'jitconn';
   *
   * function checkInput(x: Float32Array): void {
   *   if (x.length !== 1000) throw new JitconnShapeError(`x must have 1000 entries, got ${x.length}`);
   * }
   * ```
   */
  constructor(message: string) {
    super(message);
    this.name = 'JitconnShapeError';
  }
}

/**
 * A result or a working buffer too large to allocate: more than a `maxElements` budget, than a
 * typed array holds, than the 4 GiB of a WebAssembly memory, or more work than a method accepts.
 * Raised before anything large is allocated, so the process survives it.
 *
 * @example
 * ```ts
 * import { JITCScalarR, JitconnTooLargeError } from 'jitconn';
 *
 * const M = new JITCScalarR([0.1, 0.1, 42], { shape: [100_000, 100_000] });
 * try {
 *   M.todense(); // 10^10 entries, above the default budget of 2^28
 * } catch (error) {
 *   console.log(error instanceof JitconnTooLargeError); // true
 * }
 * ```
 */
export class JitconnTooLargeError extends RangeError {
  /**
   * An error with the given message (jitconn builds it before a large allocation).
   *
   * @param message - What was too large, how large, and the limit.
   * @example
   * ```ts
   * import { JitconnTooLargeError } from 'jitconn';
   *
   * function allocate(elements: number): Float32Array {
   *   if (elements > 2 ** 28) throw new JitconnTooLargeError(`${elements} elements, more than 2^28`);
   *   return new Float32Array(elements);
   * }
   * ```
   */
  constructor(message: string) {
    super(message);
    this.name = 'JitconnTooLargeError';
  }
}
