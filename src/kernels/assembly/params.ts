// The current job's parameters, read once per job from shared memory into this instance's globals.
import {
  PARAMS, P_SEED_LO, P_SEED_HI, P_LAW, P_TABLE, P_TABLE_LEN, P_LINES, P_LENGTH, P_K, P_ACTIVE,
  P_ACTIVE_N, P_VALUES, P_OUT, P_PARTIAL, P_Y, P_CHUNKS, P_CHUNK_STARTS, P_COUNTS, P_OFFSETS,
  P_INDICES, P_DATA, P_LINE_START, P_LINE_END, P_THREAD_BASE, P_THREAD_STRIDE, P_GROUPS, P_A, P_B,
  P_INV_LOG2Q, P_GUIDE, P_SPLIT, CTRL, C_THREADS,
} from '../wasm/layout';

export let seedLo: i32 = 0;
export let seedHi: i32 = 0;
export let law: i32 = 0;
export let table: usize = 0;
export let tableLen: i32 = 0;
export let guide: usize = 0;
export let split: u32 = 0;
export let lineCount: u32 = 0;
export let lineLength: u32 = 0;
export let k: i32 = 1;
export let active: usize = 0;
export let activeN: u32 = 0;
export let values: usize = 0;
export let out: usize = 0;
export let partial: usize = 0;
export let y: usize = 0;
export let chunks: i32 = 1;
export let chunkStarts: usize = 0;
export let counts: usize = 0;
export let offsets: usize = 0;
export let indices: usize = 0;
export let data: usize = 0;
export let lineStart: u32 = 0;
export let lineEnd: u32 = 0;
export let threadBase: usize = 0;
export let threadStride: usize = 0;
export let groups: i32 = 0;
export let threads: i32 = 1;
export let lawA: f64 = 0;
export let lawB: f64 = 0;
export let invLog2q: f32 = 0;

export function readParams(): void {
  const p: usize = PARAMS;
  seedLo = load<i32>(p + P_SEED_LO);
  seedHi = load<i32>(p + P_SEED_HI);
  law = load<i32>(p + P_LAW);
  table = load<u32>(p + P_TABLE);
  tableLen = load<i32>(p + P_TABLE_LEN);
  guide = load<u32>(p + P_GUIDE);
  split = load<u32>(p + P_SPLIT);
  lineCount = load<u32>(p + P_LINES);
  lineLength = load<u32>(p + P_LENGTH);
  k = load<i32>(p + P_K);
  active = load<u32>(p + P_ACTIVE);
  activeN = load<u32>(p + P_ACTIVE_N);
  values = load<u32>(p + P_VALUES);
  out = load<u32>(p + P_OUT);
  partial = load<u32>(p + P_PARTIAL);
  y = load<u32>(p + P_Y);
  chunks = load<i32>(p + P_CHUNKS);
  chunkStarts = load<u32>(p + P_CHUNK_STARTS);
  counts = load<u32>(p + P_COUNTS);
  offsets = load<u32>(p + P_OFFSETS);
  indices = load<u32>(p + P_INDICES);
  data = load<u32>(p + P_DATA);
  lineStart = load<u32>(p + P_LINE_START);
  lineEnd = load<u32>(p + P_LINE_END);
  threadBase = load<u32>(p + P_THREAD_BASE);
  threadStride = load<u32>(p + P_THREAD_STRIDE);
  groups = load<i32>(p + P_GROUPS);
  threads = atomic.load<i32>(CTRL + (C_THREADS << 2));
  lawA = load<f64>(p + P_A);
  lawB = load<f64>(p + P_B);
  invLog2q = <f32>load<f64>(p + P_INV_LOG2Q);
}
