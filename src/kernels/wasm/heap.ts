import { HEAP, THREAD } from '../abi/index.js';
import type { KernelInstance } from './instance.js';
import type { GapTable } from '../../definition/gapTable.js';
import { buildGuide, GUIDE_ENTRIES } from './gapGuide.js';

/**
 * Host-side layout of the memory above HEAP: an arena of padded gap tables (cached per p), the
 * per-thread regions (scratch and records ring, contiguous so thread t is at base + t * stride),
 * and above them the inputs and outputs of the current call.
 */

const TABLE_ARENA_BYTES = 16 << 20;
/** Above this share of words in mixed guide buckets, the log estimate is the faster gap path. */
const GUIDE_MAX_MIXED = 0.15;
const ALIGN = 64;

function align(n: number): number {
  return Math.ceil(n / ALIGN) * ALIGN;
}

export interface PaddedTable {
  readonly address: number;
  readonly length: number;
  /** Address of the guide table, or 0 when gaps are better estimated by a logarithm. */
  readonly guide: number;
}

export class Heap {
  private readonly tables = new Map<number, PaddedTable>();
  private tableTop = HEAP;
  private threadBase = 0;
  private threadCapacity = 0;
  private top = HEAP + TABLE_ARENA_BYTES;

  constructor(private readonly kernels: KernelInstance) {}

  /**
   * The padded form of a gap table in memory: [0xffffffff, limits..., 0, 0, 0, 0], so the
   * kernels can read three entries around any estimate in [0, limits.length] (gap.ts).
   */
  table(gap: GapTable): PaddedTable {
    const cached = this.tables.get(gap.prob);
    if (cached) return cached;
    const guide = buildGuide(gap.limits);
    const useGuide = guide.mixedShare <= GUIDE_MAX_MIXED;
    const tableBytes = align((gap.limits.length + 5) * 4);
    const bytes = tableBytes + (useGuide ? GUIDE_ENTRIES * 4 : 0);
    if (this.tableTop + bytes > HEAP + TABLE_ARENA_BYTES) {
      this.tables.clear();
      this.tableTop = HEAP;
    }
    const address = this.tableTop;
    this.tableTop += bytes;
    this.kernels.ensure(this.top);
    const padded = new Uint32Array(this.kernels.buffer, address, gap.limits.length + 5);
    padded.fill(0);
    padded[0] = 0xffffffff;
    padded.set(gap.limits, 1);
    if (useGuide)
      new Uint32Array(this.kernels.buffer, address + tableBytes, GUIDE_ENTRIES).set(guide.entries);
    const table = { address, length: gap.limits.length, guide: useGuide ? address + tableBytes : 0 };
    this.tables.set(gap.prob, table);
    return table;
  }

  /** Base of `threads` contiguous thread regions. */
  threadRegions(threads: number): number {
    if (threads > this.threadCapacity) {
      this.threadBase = this.top;
      this.threadCapacity = threads;
      this.top += threads * THREAD.bytes;
      this.kernels.ensure(this.top);
    }
    return this.threadBase;
  }

  /** Lays out one call's buffers (byte sizes) above the persistent part; returns their addresses. */
  call(sizes: readonly number[]): number[] {
    let at = this.top;
    const addresses = sizes.map((size) => {
      const address = at;
      at += align(Math.max(size, 4));
      return address;
    });
    this.kernels.ensure(at);
    return addresses;
  }
}
