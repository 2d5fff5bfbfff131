import type { WeightLaw } from '../../types.js';

/** Job kinds: what `runJob` does with the parameters (src/kernels/assembly/index.ts). */
export const JOB = {
  /** Scatter product: active lines add their connections into the output (scatter.ts). */
  scatter: 1,
  /** Gather product: lines sum their connections against an operand (gather.ts). */
  gather: 2,
  /** Connections per line, and their total, for a range of lines (lines.ts). */
  count: 3,
  /** Every connection of a range of lines, at given offsets (lines.ts). */
  fill: 4,
} as const;

/** Weight law codes, by the law's kind (src/types.ts WeightLaw). */
export const LAW: Readonly<Record<WeightLaw['kind'], number>> = { scalar: 0, normal: 1, uniform: 2 };
