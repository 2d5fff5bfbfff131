import { WASM_BASE64 } from './wasmBinary.generated.js';
import { CONTROL, HEAP, MEMORY } from '../abi/index.js';
import { ZIGGURAT } from '../../definition/weights/ziggurat.js';
import { paramBlock, type ParamBlock } from './params.js';
import { JitconnTooLargeError } from '../../errors.js';

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
/** The 4 GiB of wasm32. */
export const MAX_MEMORY_BYTES = 65536 * PAGE;

function decodeBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

let compiled: WebAssembly.Module | null = null;

export class KernelInstance {
  readonly module: WebAssembly.Module;
  readonly memory: WebAssembly.Memory;
  readonly exports: KernelExports;
  /** The job's parameters (abi/params.ts). */
  readonly params: ParamBlock;
  /** The pool's control words (abi/control.ts CONTROL), as i32. */
  readonly control: Int32Array;

  constructor() {
    compiled ??= new WebAssembly.Module(decodeBase64(WASM_BASE64));
    this.module = compiled;
    this.memory = new WebAssembly.Memory({
      initial: Math.ceil(HEAP / PAGE) + 1,
      maximum: MAX_MEMORY_BYTES / PAGE,
      shared: true,
    });
    const instance = new WebAssembly.Instance(this.module, { env: { memory: this.memory } });
    this.exports = instance.exports as unknown as KernelExports;
    const buffer = this.memory.buffer;
    const at = MEMORY.fields;
    new Uint32Array(buffer, at.zigK.offset, ZIGGURAT.k.length).set(ZIGGURAT.k);
    new Float64Array(buffer, at.zigW.offset, ZIGGURAT.w.length).set(ZIGGURAT.w);
    new Float64Array(buffer, at.zigF.offset, ZIGGURAT.f.length).set(ZIGGURAT.f);
    this.params = paramBlock(buffer);
    this.control = new Int32Array(buffer, at.control.offset, CONTROL.bytes / 4);
  }

  /** Makes the memory at least `bytes` long (it never shrinks). */
  ensure(bytes: number): void {
    const have = this.memory.buffer.byteLength;
    if (bytes <= have) return;
    if (bytes > MAX_MEMORY_BYTES) {
      throw new JitconnTooLargeError(
        `a wasm kernel needs ${bytes} bytes of memory, more than the 4 GiB of wasm32`,
      );
    }
    this.memory.grow(Math.ceil((bytes - have) / PAGE));
  }

  /** The current buffer (a new object after every growth; views of an older one stay valid). */
  get buffer(): SharedArrayBuffer {
    return this.memory.buffer as unknown as SharedArrayBuffer;
  }
}
