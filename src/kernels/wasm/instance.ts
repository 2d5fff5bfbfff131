import { WASM_BASE64 } from './wasmBinary.generated.js';
import { HEAP, ZIG_F, ZIG_K, ZIG_W } from './layout.js';
import { ZIGGURAT } from '../../definition/weights/ziggurat.js';

/**
 * The compiled kernels and the one shared memory every thread works in. The module is decoded
 * from base64 (no file-system API) and compiled once; the calling thread has its own instance,
 * and so does every worker (workers receive the module and the memory, never copies).
 */
export interface KernelExports {
  runJob(tid: number): void;
  /** dst (cols x rows) = transpose of src (rows x cols), float32, addresses in bytes. */
  transposeF32(src: number, dst: number, rows: number, cols: number): void;
}

const PAGE = 65536;
const MAX_PAGES = 65536;

function decodeBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export class KernelInstance {
  readonly module: WebAssembly.Module;
  readonly memory: WebAssembly.Memory;
  readonly exports: KernelExports;

  constructor() {
    this.module = new WebAssembly.Module(decodeBase64(WASM_BASE64));
    this.memory = new WebAssembly.Memory({
      initial: Math.ceil(HEAP / PAGE) + 1,
      maximum: MAX_PAGES,
      shared: true,
    });
    const instance = new WebAssembly.Instance(this.module, { env: { memory: this.memory } });
    this.exports = instance.exports as unknown as KernelExports;
    const buffer = this.memory.buffer;
    new Uint32Array(buffer, ZIG_K, 128).set(ZIGGURAT.k);
    new Float64Array(buffer, ZIG_W, 128).set(ZIGGURAT.w);
    new Float64Array(buffer, ZIG_F, 128).set(ZIGGURAT.f);
  }

  /** Makes the memory at least `bytes` long (never shrinks). */
  ensure(bytes: number): void {
    const have = this.memory.buffer.byteLength;
    if (bytes <= have) return;
    const pages = Math.ceil((bytes - have) / PAGE);
    if (have / PAGE + pages > MAX_PAGES) {
      throw new RangeError(
        `jitconn: a wasm kernel needs ${bytes} bytes of memory, more than the 4 GiB of wasm32`,
      );
    }
    this.memory.grow(pages);
  }

  /** The current buffer (a new object after every growth). */
  get buffer(): SharedArrayBuffer {
    return this.memory.buffer as unknown as SharedArrayBuffer;
  }
}
