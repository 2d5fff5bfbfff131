import { MEMORY, PARAMS, SCALAR_BYTES } from '../abi/index.js';

type ParamName = keyof typeof PARAMS.fields;

/** The parameter block of the kernel memory as typed fields: assigning one stores it at its offset. */
export type ParamBlock = { -readonly [K in ParamName]: number } & {
  /** Points the block at a memory's (new) buffer. */
  attach(buffer: ArrayBufferLike): void;
};

const BASE = MEMORY.fields.params.offset;

/** Views of the block, one per element type (`ptr` fields are u32). */
class Block {
  i32!: Int32Array;
  u32!: Uint32Array;
  f32!: Float32Array;
  f64!: Float64Array;
  constructor(buffer: ArrayBufferLike) {
    this.attach(buffer);
  }
  attach(buffer: ArrayBufferLike): void {
    this.i32 = new Int32Array(buffer, BASE, PARAMS.bytes / 4);
    this.u32 = new Uint32Array(buffer, BASE, PARAMS.bytes / 4);
    this.f32 = new Float32Array(buffer, BASE, PARAMS.bytes / 4);
    this.f64 = new Float64Array(buffer, BASE, PARAMS.bytes / 8);
  }
}

// One accessor per field, from one function literal per view type, so that each accessor's
// element access stays monomorphic (calls write a dozen fields: this is on every call's path).
function i32Field(index: number): PropertyDescriptor {
  return {
    get: function (this: Block) {
      return this.i32[index];
    },
    set: function (this: Block, value: number) {
      this.i32[index] = value;
    },
  };
}
function u32Field(index: number): PropertyDescriptor {
  return {
    get: function (this: Block) {
      return this.u32[index];
    },
    set: function (this: Block, value: number) {
      this.u32[index] = value;
    },
  };
}
function f32Field(index: number): PropertyDescriptor {
  return {
    get: function (this: Block) {
      return this.f32[index];
    },
    set: function (this: Block, value: number) {
      this.f32[index] = value;
    },
  };
}
function f64Field(index: number): PropertyDescriptor {
  return {
    get: function (this: Block) {
      return this.f64[index];
    },
    set: function (this: Block, value: number) {
      this.f64[index] = value;
    },
  };
}
const FIELD = { i32: i32Field, u32: u32Field, ptr: u32Field, f32: f32Field, f64: f64Field } as const;

for (const [name, field] of Object.entries(PARAMS.fields)) {
  if (!(field.type in FIELD)) throw new Error(`abi: param ${name} has no scalar view`);
  const make = FIELD[field.type as keyof typeof FIELD];
  Object.defineProperty(
    Block.prototype,
    name,
    make(field.offset / SCALAR_BYTES[field.type as keyof typeof FIELD]),
  );
}

/** The parameter block of a kernel memory (re-attach it when an unshared memory grows). */
export function paramBlock(buffer: ArrayBufferLike): ParamBlock {
  return new Block(buffer) as unknown as ParamBlock;
}
