import { HEAP, THREAD } from '../abi/index.js';
import type { KernelInstance } from './instance.js';
import type { GapTable } from '../../definition/gapTable.js';
import { buildGuide, GUIDE_ENTRIES } from './gapGuide.js';

/**
 * Host-side layout of a kernel memory above HEAP: an arena of padded gap tables (cached per p),
 * the per-thread regions (abi/thread.ts, contiguous so thread t's is at base + t * stride), and
 * above them the buffers of the current call, laid out one after another (take).
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
  /** End of the persistent part (tables arena and thread regions): calls lay out from here. */
  private top = HEAP + TABLE_ARENA_BYTES;
  private callTop = this.top;

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
    const words = this.kernels.u32;
    const at = address / 4;
    words.fill(0, at, at + gap.limits.length + 5);
    words[at] = 0xffffffff;
    words.set(gap.limits, at + 1);
    if (useGuide) words.set(guide.entries, (address + tableBytes) / 4);
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
      this.callTop = this.top;
      this.kernels.ensure(this.top);
    }
    return this.threadBase;
  }

  /** Starts laying out a call's buffers (the previous call's are free again). */
  startCall(): void {
    this.callTop = this.top;
  }

  /** A buffer of `bytes` for the current call: its address (the memory grows as needed). */
  take(bytes: number): number {
    const address = this.callTop;
    this.callTop += align(Math.max(bytes, 4));
    this.kernels.ensure(this.callTop);
    return address;
  }

  /** Where the call's layout stands now (to free what is taken after it with release). */
  mark(): number {
    return this.callTop;
  }

  /** Frees the call's buffers taken since `mark`. */
  release(mark: number): void {
    this.callTop = mark;
  }

  /** Bytes of the persistent part: what a call's end may keep (runtime.ts gives back the rest). */
  get persistentBytes(): number {
    return this.top;
  }
}
