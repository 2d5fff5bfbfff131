/**
 * Describes a memory layout once, as a table of named fields; offsets and sizes are derived (each
 * field at the next offset aligned to its natural size, or to `align` when given). The host reads
 * the offsets from these tables and the build turns the same tables into AssemblyScript constants
 * (src/kernels/abi/assembly.ts), so no offset is ever written twice.
 */

/** Scalar field types; `ptr` is a byte address in the kernel memory (u32 there, usize in the kernels). */
export type Scalar = 'i32' | 'u32' | 'f32' | 'f64' | 'v128' | 'ptr';

/** A field: a scalar, an array of scalars (`count`), or an opaque area of `bytes`, optionally aligned. */
export type FieldDecl =
  | Scalar
  | { readonly type: Scalar; readonly count?: number; readonly align?: number }
  | { readonly bytes: number; readonly align?: number };

export interface Field {
  readonly offset: number;
  readonly bytes: number;
  /** The scalar type, or 'area' for an opaque area. */
  readonly type: Scalar | 'area';
}

export interface Struct<N extends string> {
  readonly fields: { readonly [K in N]: Field };
  /** Size, padded to the struct's alignment. */
  readonly bytes: number;
  readonly align: number;
}

export const SCALAR_BYTES: Readonly<Record<Scalar, number>> = {
  i32: 4,
  u32: 4,
  f32: 4,
  f64: 8,
  v128: 16,
  ptr: 4,
};

export function alignUp(n: number, to: number): number {
  return Math.ceil(n / to) * to;
}

export function struct<const D extends Record<string, FieldDecl>>(
  decls: D,
  options: { readonly align?: number } = {},
): Struct<keyof D & string> {
  const fields: Record<string, Field> = {};
  let at = 0;
  let structAlign = options.align ?? 4;
  for (const [name, decl] of Object.entries(decls)) {
    const { type, bytes, align } =
      typeof decl === 'string'
        ? { type: decl, bytes: SCALAR_BYTES[decl], align: SCALAR_BYTES[decl] }
        : 'bytes' in decl
          ? { type: 'area' as const, bytes: decl.bytes, align: decl.align ?? 4 }
          : {
              type: decl.type,
              bytes: SCALAR_BYTES[decl.type] * (decl.count ?? 1),
              align: decl.align ?? SCALAR_BYTES[decl.type],
            };
    at = alignUp(at, align);
    fields[name] = Object.freeze({ offset: at, bytes, type });
    at += bytes;
    structAlign = Math.max(structAlign, align);
  }
  return Object.freeze({
    fields: Object.freeze(fields) as Struct<keyof D & string>['fields'],
    bytes: alignUp(at, structAlign),
    align: structAlign,
  });
}

/** Index of each field of a struct of 4-byte words, counted in words (for an Int32Array view). */
export function wordIndices<N extends string>(layout: Struct<N>): { readonly [K in N]: number } {
  const indices: Record<string, number> = {};
  for (const [name, field] of Object.entries<Field>(layout.fields)) {
    if (field.offset % 4 !== 0) throw new Error(`abi: ${name} is not word-aligned`);
    indices[name] = field.offset / 4;
  }
  return Object.freeze(indices) as { readonly [K in N]: number };
}
