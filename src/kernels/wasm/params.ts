import { MEMORY, PARAMS, SCALAR_BYTES } from '../abi/index.js';

type ParamName = keyof typeof PARAMS.fields;

/** The parameter block of the kernel memory as typed fields: assigning one stores it at its offset. */
export type ParamBlock = { -readonly [K in ParamName]: number };

const BASE = MEMORY.fields.params.offset;

/** Views of the block, one per element type (`ptr` fields are u32). */
class Block {
  readonly i32: Int32Array;
  readonly u32: Uint32Array;
  readonly f32: Float32Array;
  readonly f64: Float64Array;
  constructor(buffer: ArrayBufferLike) {
    this.i32 = new Int32Array(buffer, BASE, PARAMS.bytes / 4);
    this.u32 = new Uint32Array(buffer, BASE, PARAMS.bytes / 4);
    this.f32 = new Float32Array(buffer, BASE, PARAMS.bytes / 4);
    this.f64 = new Float64Array(buffer, BASE, PARAMS.bytes / 8);
  }
}

for (const [name, field] of Object.entries(PARAMS.fields)) {
  const view = field.type === 'ptr' ? 'u32' : field.type;
  if (view !== 'i32' && view !== 'u32' && view !== 'f32' && view !== 'f64') {
    throw new Error(`abi: param ${name} has no scalar view`);
  }
  const index = field.offset / SCALAR_BYTES[view];
  Object.defineProperty(Block.prototype, name, {
    get(this: Block) {
      return this[view][index];
    },
    set(this: Block, value: number) {
      this[view][index] = value;
    },
  });
}

/**
 * The parameter block of a kernel memory. It lies below anything the memory grows by, and a
 * shared memory never detaches its buffer, so one set of views serves the memory's whole life.
 */
export function paramBlock(buffer: ArrayBufferLike): ParamBlock {
  return new Block(buffer) as unknown as ParamBlock;
}
