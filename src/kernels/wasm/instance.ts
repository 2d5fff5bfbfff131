import { WASM_LOCAL_BASE64, WASM_SHARED_BASE64 } from './wasmBinary.generated.js';
import { CONTROL, HEAP, MEMORY } from '../abi/index.js';
import { ZIGGURAT } from '../../definition/weights/ziggurat.js';
import { paramBlock, type ParamBlock } from './params.js';
import { JitconnTooLargeError } from '../../errors.js';
import { platform } from '#platform';

/**
 * The compiled kernels over one memory. A shared memory serves the worker pool (every worker has
 * its own instance of the same module over it); an unshared one serves jobs on the calling
 * thread alone: copies in and out of it are plain memcpy, several times faster than into shared
 * memory, which is what a small product mostly costs. Modules are decoded from base64 (no
 * file-system API) and compiled once.
 */
export interface KernelExports {
  runJob(tid: number): void;
  /** dst (cols x rows) = (or += when add) the transpose of src (rows x cols), float32, byte addresses. */
  transposeF32(src: number, dst: number, rows: number, cols: number, add: boolean): void;
  /** dst[i] += src[i] for n float32 values. */
  addF32(dst: number, src: number, n: number): void;
  /** v += 0 for n float32 values. */
  plusZeroF32(at: number, n: number): void;
}

const PAGE = 65536;
/** The 4 GiB of wasm32. */
export const MAX_MEMORY_BYTES = 65536 * PAGE;

function decodeBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

const compiled: { shared?: WebAssembly.Module; local?: WebAssembly.Module } = {};

function moduleFor(shared: boolean): WebAssembly.Module {
  if (shared) return (compiled.shared ??= platform.compile(decodeBase64(WASM_SHARED_BASE64)));
  return (compiled.local ??= platform.compile(decodeBase64(WASM_LOCAL_BASE64)));
}

export class KernelInstance {
  readonly module: WebAssembly.Module;
  readonly memory: WebAssembly.Memory;
  readonly exports: KernelExports;
  /** The job's parameters (abi/params.ts); the same object for the instance's life. */
  readonly params: ParamBlock;
  // Views of the memory: an unshared memory's buffer is replaced (and the old one detached) when
  // it grows, so they are remade then (attach).
  /** The pool's control words (abi/control.ts CONTROL), as i32. */
  control!: Int32Array;
  f32!: Float32Array;
  i32!: Int32Array;
  u32!: Uint32Array;
  f64!: Float64Array;
  /** Current size of the memory in bytes (kept here: asking the memory costs more than a field). */
  bytes = 0;

  constructor(readonly shared: boolean) {
    this.module = moduleFor(shared);
    this.memory = new WebAssembly.Memory({
      initial: Math.ceil(HEAP / PAGE) + 1,
      maximum: MAX_MEMORY_BYTES / PAGE,
      shared,
    });
    const instance = new WebAssembly.Instance(this.module, { env: { memory: this.memory } });
    this.exports = instance.exports as unknown as KernelExports;
    this.params = paramBlock(this.memory.buffer);
    this.attach();
    const at = MEMORY.fields;
    this.u32.set(ZIGGURAT.k, at.zigK.offset / 4);
    this.f64.set(ZIGGURAT.w, at.zigW.offset / 8);
    this.f64.set(ZIGGURAT.f, at.zigF.offset / 8);
  }

  private attach(): void {
    const buffer = this.memory.buffer;
    this.bytes = buffer.byteLength;
    this.control = new Int32Array(buffer, MEMORY.fields.control.offset, CONTROL.bytes / 4);
    this.f32 = new Float32Array(buffer);
    this.i32 = new Int32Array(buffer);
    this.u32 = new Uint32Array(buffer);
    this.f64 = new Float64Array(buffer);
    this.params.attach(buffer);
  }

  /** Makes the memory at least `bytes` long (it never shrinks). */
  ensure(bytes: number): void {
    const have = this.bytes;
    if (bytes <= have) return;
    if (bytes > MAX_MEMORY_BYTES) {
      throw new JitconnTooLargeError(
        `a wasm kernel needs ${bytes} bytes of memory, more than the 4 GiB of wasm32`,
      );
    }
    this.memory.grow(Math.ceil((bytes - have) / PAGE));
    this.attach();
  }

  /** The memory's buffer (a shared one never detaches: its views stay valid after growth). */
  get buffer(): ArrayBufferLike {
    return this.memory.buffer;
  }
}
