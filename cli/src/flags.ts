import { statSync } from 'node:fs';
import { InvalidArgumentError } from 'commander';

/**
 * How every flag value is read and checked, written down once. Each parser returns the value or
 * throws commander's InvalidArgumentError with what is accepted; commander adds the flag and
 * the value, so a bad flag is one line: `error: option '--neurons <N>' argument 'ten' is invalid.
 * Expected an integer from 1 to 4,294,967,295.`
 */

/** Largest dimension of a matrix (and so of a neuron group). */
export const MAX_DIMENSION = 2 ** 32 - 1;
/** The library's thread limit (setThreadCount accepts 1 to this; a test keeps them equal). */
export const MAX_THREADS = 64;
/** Seeds the commands accept: the integers a JavaScript number holds exactly. */
export const MAX_SEED = Number.MAX_SAFE_INTEGER;

const grouped = (n: number) => n.toLocaleString('en-US');

function invalid(expected: string): never {
  throw new InvalidArgumentError(`Expected ${expected}.`);
}

/** A parser for integers in [min, max]; `1e6` and `1_000_000` are read as 1000000. */
export function integerIn(min: number, max: number) {
  const expected = `an integer from ${grouped(min)} to ${grouped(max)}`;
  return (text: string): number => {
    const value = Number(text.replaceAll('_', ''));
    if (text.trim() === '' || !Number.isInteger(value) || value < min || value > max) invalid(expected);
    return value;
  };
}

/** A parser for real numbers in [min, max] (or (min, max] when `openMin`). */
export function numberIn(min: number, max: number, openMin = false) {
  const expected = `a number ${openMin ? 'above' : 'from'} ${min} ${openMin ? 'and at most' : 'to'} ${max}`;
  return (text: string): number => {
    const value = Number(text);
    const low = openMin ? value > min : value >= min;
    if (text.trim() === '' || !Number.isFinite(value) || !low || value > max) invalid(expected);
    return value;
  };
}

const DURATION = /^\s*(\d+(?:\.\d*)?|\.\d+)(?:e([+-]?\d+))?\s*(ms|s)?\s*$/i;

/**
 * A parser for a positive span of simulated time, in milliseconds: `1000`, `500ms`, `1s`, `0.1`.
 * `what` names it in the message ("a duration", "a time step").
 */
export function milliseconds(what: string, maxMs: number) {
  const expected = `${what} above 0 and at most ${grouped(maxMs)} ms, in ms or with a unit: 1000, 500ms, 1s`;
  return (text: string): number => {
    const match = DURATION.exec(text);
    if (!match) invalid(expected);
    const mantissa = Number(match[1]) * 10 ** Number(match[2] ?? 0);
    const value = match[3]?.toLowerCase() === 's' ? mantissa * 1000 : mantissa;
    if (!(value > 0) || value > maxMs || !Number.isFinite(value)) invalid(expected);
    return value;
  };
}

/** A parser for a folder to write into: a directory, or a path where one can be created. */
export function outputDirectory(text: string): string {
  if (text.trim() === '') invalid('a folder path');
  let isFile = false;
  try {
    isFile = !statSync(text).isDirectory();
  } catch {
    // Does not exist yet: it is created when the command writes.
  }
  if (isFile) invalid('a folder (this path is a file)');
  return text;
}

/** The line commander prints for a bad flag value, for checks that involve two flags. */
export function flagProblem(flag: string, value: string, expected: string): string {
  return `error: option '${flag}' argument '${value}' is invalid. Expected ${expected}.`;
}
