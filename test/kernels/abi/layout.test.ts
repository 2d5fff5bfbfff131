import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  CONTROL,
  GATHER_MAX_K,
  HANDOFF,
  HANDOFF_SLOT_BYTES,
  HEAP,
  MEMORY,
  PARAMS,
  RECORDS_BYTES,
  SCALAR_BYTES,
  struct,
  THREAD,
  THREAD_LINE,
  type Field,
  type Struct,
} from '../../../src/kernels/abi/index.js';
import { assemblySources } from '../../../src/kernels/abi/assembly.js';
import { paramBlock } from '../../../src/kernels/wasm/params.js';
import { BLOCK_SIZE } from '../../../src/definition/constants.js';

/** Fields sorted by offset never overlap, sit at a multiple of their element size and fit the struct. */
function expectDisjoint(layout: Struct<string>): void {
  const fields = Object.entries<Field>(layout.fields).sort((a, b) => a[1].offset - b[1].offset);
  let end = 0;
  for (const [name, field] of fields) {
    expect(field.offset, name).toBeGreaterThanOrEqual(end);
    if (field.type !== 'area') expect(field.offset % SCALAR_BYTES[field.type], name).toBe(0);
    end = field.offset + field.bytes;
  }
  expect(end).toBeLessThanOrEqual(layout.bytes);
  expect(layout.bytes % layout.align).toBe(0);
}

describe('the kernel ABI tables', () => {
  it('derive offsets in order, aligned, and sizes padded to the alignment', () => {
    const s = struct({
      a: 'i32',
      b: 'f64',
      c: { type: 'u32', count: 3 },
      d: { bytes: 5, align: 64 },
      e: 'v128',
    });
    expect(Object.values(s.fields).map((f) => f.offset)).toEqual([0, 8, 16, 64, 80]);
    expect(s.bytes).toBe(128);
    expect(s.align).toBe(64);
  });

  it('lay out every struct without overlaps', () => {
    for (const layout of [CONTROL, PARAMS, MEMORY, THREAD, THREAD_LINE, HANDOFF]) expectDisjoint(layout);
  });

  it('keep the fixed memory map below the heap, each region sized by its table', () => {
    expect(MEMORY.fields.reserved.offset).toBe(0);
    expect(MEMORY.fields.control.bytes).toBe(CONTROL.bytes);
    expect(MEMORY.fields.params.bytes).toBe(PARAMS.bytes);
    expect(HEAP).toBe(MEMORY.bytes);
    expect(HEAP % 65536).toBe(0);
    // Address 0 means "none": nothing the kernels use may live there.
    expect(MEMORY.fields.control.offset).toBeGreaterThan(0);
  });

  it('give a thread room for the worst-case walk, a full gather batch and whole handoff slots', () => {
    // A walk writes at most one record per position of a block, the closing one and a handed-on one.
    expect(RECORDS_BYTES).toBe((BLOCK_SIZE + 2) * 32);
    expect(THREAD.fields.records.bytes).toBe(RECORDS_BYTES);
    expect(THREAD.fields.sums.bytes).toBe(4 * GATHER_MAX_K * 8);
    expect(HANDOFF_SLOT_BYTES % 128).toBe(0);
    expect(HANDOFF_SLOT_BYTES).toBeGreaterThanOrEqual(HANDOFF.bytes);
  });

  it('are what the compiled kernels were generated from (the build is current)', () => {
    for (const [name, text] of Object.entries(assemblySources())) {
      const onDisk = readFileSync(new URL(`../../../src/kernels/assembly/${name}`, import.meta.url), 'utf8');
      expect(onDisk, name).toBe(text);
    }
  });

  it('generate one kernel global and one load per parameter, at the table offset', () => {
    const source = assemblySources()['params.generated.ts']!;
    for (const [name, field] of Object.entries(PARAMS.fields)) {
      expect(source).toContain(`export let ${name}: `);
      expect(source).toMatch(new RegExp(`  ${name} = load<\\w+>\\(PARAMS_AT \\+ ${field.offset}\\);`));
    }
  });
});

describe('the host parameter block', () => {
  it('stores each field at its table offset with its type', () => {
    const buffer = new SharedArrayBuffer(HEAP);
    const params = paramBlock(buffer);
    const view = new DataView(buffer, MEMORY.fields.params.offset, PARAMS.bytes);
    const at = PARAMS.fields;
    params.seedHi = 0xfffffffe;
    params.lawB = -2.5;
    params.invLog2q = 1 / 3;
    params.out = 0xfffffff0;
    params.k = -7;
    expect(view.getUint32(at.seedHi.offset, true)).toBe(0xfffffffe);
    expect(view.getFloat64(at.lawB.offset, true)).toBe(-2.5);
    expect(view.getFloat32(at.invLog2q.offset, true)).toBe(Math.fround(1 / 3));
    expect(view.getUint32(at.out.offset, true)).toBe(0xfffffff0);
    expect(view.getInt32(at.k.offset, true)).toBe(-7);
    expect(params.out).toBe(0xfffffff0);
  });
});
