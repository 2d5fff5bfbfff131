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

/** A bad argument: `argument` got `value`, but `expected` was required. */
export class JitconnArgumentError extends RangeError {
  readonly argument: string;
  readonly value: unknown;
  readonly expected: string;

  constructor(argument: string, value: unknown, expected: string) {
    super(`${argument} must be ${expected}, got ${describeValue(value)}`);
    this.name = 'JitconnArgumentError';
    this.argument = argument;
    this.value = value;
    this.expected = expected;
  }
}

/** Operand shapes that do not fit together. */
export class JitconnShapeError extends RangeError {
  constructor(message: string) {
    super(message);
    this.name = 'JitconnShapeError';
  }
}

/** A result that cannot be materialised (too many entries for memory or for a typed array). */
export class JitconnTooLargeError extends RangeError {
  constructor(message: string) {
    super(message);
    this.name = 'JitconnTooLargeError';
  }
}
