/**
 * The gap law's stated accuracy (docs/definition.md section 6), checked exactly. With
 * q = f64(1 - p) and P(G >= g) = T[g] / 2^32 (T[g] = limits[g - 1] + 1, and 0 past the table),
 * for every g in 1 .. 2^16:
 *
 *     | P(G >= g) - q^g |  <=  2^-33 + g 2^-53 q^g  <=  2^-33 + 2^-37,
 *
 * and q is within 2^-54 of 1 - p. q^g is enclosed exactly in integers scaled by 2^96 (BigInt):
 * q 2^96 and p 2^96 are integers for p >= 2^-44, and x_g = floor(x_{g-1} q 2^96 / 2^96) from
 * x_0 = 2^96 satisfies x_g <= q^g 2^96 <= x_g + g (each step loses less than one unit). Each
 * bound is asserted for the whole interval, first in doubles with a margin of 2^-48 that covers
 * their rounding (about 2^-52), and exactly in integers wherever that margin does not suffice.
 * No rounding is left unaccounted for: no false failures. p runs over the document's range,
 * 1e-11 to 0.9: 13 named values, 20 log-spaced values and 10 log-uniform draws from a fixed
 * generator.
 */
import { describe, expect, it } from 'vitest';
import { BLOCK_SIZE } from '../../src/definition/constants.js';
import { gapTable } from '../../src/definition/gapTable.js';
import { report } from '../helpers/stats.js';

const SCALE = 96n;
const ONE = 1n << SCALE;
const STATED = 2 ** -33 + 2 ** -37;
const MARGIN = 2 ** -48;

const LOWEST = 1e-11;
const HIGHEST = 0.9;
const NAMED = [LOWEST, 2 ** -34, 2 ** -33, 1e-8, 1e-6, 2 ** -20, 1e-4, 0.01, 0.1, 0.3, 1 / 3, 0.5, HIGHEST];
const SPACED = Array.from({ length: 20 }, (_, i) => LOWEST * (HIGHEST / LOWEST) ** ((i + 1) / 21));
let state = 0x9e3779b9;
const DRAWN = Array.from({ length: 10 }, () => {
  state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
  return LOWEST * (HIGHEST / LOWEST) ** (state / 2 ** 32);
});

/** x 2^96 as an integer; exact for a double whose ulp is at least 2^-96. */
function scaled(x: number): bigint {
  const v = x * 2 ** 96; // exact: a power-of-two scaling
  expect(Number.isInteger(v)).toBe(true);
  return BigInt(v);
}

const abs = (x: bigint): bigint => (x < 0n ? -x : x);

/** The exact check: |T / 2^32 - y| <= 2^-33 + g 2^-53 y (and <= STATED) for every y 2^96 in [x, x + g]. */
function exactlyWithin(threshold: number, x: bigint, g: number): boolean {
  const t = BigInt(threshold) << (SCALE - 32n);
  const top = x + BigInt(g);
  const below = abs(t - x);
  const above = abs(t - top);
  const distance = below > above ? below : above;
  const tighter = (1n << (SCALE - 33n)) + (BigInt(g) * x) / (1n << 53n);
  const stated = (1n << (SCALE - 33n)) + (1n << (SCALE - 37n));
  return distance <= tighter && distance <= stated;
}

describe('P(G >= g) = T[g] / 2^32 is within 2^-33 + g 2^-53 q^g <= 2^-33 + 2^-37 of q^g, exactly', () => {
  const probs = [...NAMED, ...SPACED, ...DRAWN];

  it(`covers p from ${LOWEST} to ${HIGHEST}`, () => {
    expect(Math.min(...probs)).toBe(LOWEST);
    expect(Math.max(...probs)).toBe(HIGHEST);
  });

  it.each(probs.map((p) => [p]))('p = %s', (p) => {
    const q = 1 - p;
    expect(abs(scaled(q) - (ONE - scaled(p))) <= 1n << (SCALE - 54n)).toBe(true);
    const Q = scaled(q);
    const limits = gapTable(p).limits;
    let x = ONE;
    let worst = 0;
    let exactChecks = 0;
    for (let g = 1; g <= BLOCK_SIZE; g++) {
      x = (x * Q) >> SCALE;
      const threshold = g <= limits.length ? limits[g - 1]! + 1 : 0;
      const low = Number(x) * 2 ** -96;
      const high = low + g * 2 ** -96;
      const distance = Math.max(Math.abs(threshold * 2 ** -32 - low), Math.abs(threshold * 2 ** -32 - high));
      const tighter = 2 ** -33 + g * 2 ** -53 * low;
      worst = Math.max(worst, distance);
      if (distance + MARGIN > Math.min(tighter, STATED)) {
        exactChecks++;
        if (!exactlyWithin(threshold, x, g)) expect.fail(`p = ${p}, g = ${g}: T[g] = ${threshold}`);
      }
      if (x === 0n && g >= limits.length) break; // every later g has T[g] = 0 and q^g <= g 2^-96
    }
    report(
      `gap table p=${p} largest |P(G >= g) - q^g| / 2^-33 (exact checks ${exactChecks})`,
      worst / 2 ** -33,
      1 + 2 ** -4,
    );
  });
});
