import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

/**
 * Calls at the edge of memory that once aborted the process (V8's uncatchable "invalid size"
 * error) or grew without bound. Each runs in its own Node process against the built package, so
 * an abort fails one test instead of killing the run; each must print a result or a jitconn error.
 */

const PRELUDE = `import * as j from './dist/index.js';
const report = (value) => console.log(JSON.stringify({ ok: true, value }));
const refuse = (error) => console.log(JSON.stringify({ ok: false, name: error.name, message: error.message }));
try { report(await (async () => { CALL })()); } catch (error) { refuse(error); }`;

interface Outcome {
  ok: boolean;
  value?: unknown;
  name?: string;
  message?: string;
}

function runIsolated(call: string): Outcome {
  const source = PRELUDE.replace('CALL', call);
  const stdout = execFileSync(process.execPath, ['--input-type=module', '-e', source], {
    encoding: 'utf8',
    timeout: 120_000,
    maxBuffer: 1 << 20,
  });
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as Outcome;
}

describe('calls at the edge of memory return or refuse, in a child process that must not abort', () => {
  it('BinaryArray.bernoulli(1, 2^27, 1): every one of 2^27 entries spikes', () => {
    const outcome = runIsolated(
      `const s = j.BinaryArray.bernoulli(1, 2 ** 27, 1); return [s.sum(), s.length];`,
    );
    expect(outcome).toEqual({ ok: true, value: [2 ** 27, 2 ** 27] });
  });

  it('a reference tocsr with 1.44e8 connections (past a plain array) is computed', () => {
    const outcome = runIsolated(
      `const m = new j.JITCScalarR([1, 1, 1], { shape: [12000, 12000], backend: 'reference' });
       const csr = m.tocsr({ maxElements: 2 ** 29 });
       return [csr.indices.length, csr.indptr[12000], csr.indices[143999999], csr.data[5]];`,
    );
    expect(outcome).toEqual({ ok: true, value: [144_000_000, 144_000_000, 11999, 1] });
  });

  it('a 16384 x 16384 reference todense at p = 1 refuses before allocating past its budget', () => {
    const outcome = runIsolated(
      `return new j.JITCNormalR([0, 1, 1, 1], { shape: [16384, 16384], backend: 'reference' }).todense();`,
    );
    expect(outcome.ok).toBe(false);
    expect(outcome.name).toBe('JitconnTooLargeError');
    expect(outcome.message).toContain('maxElements');
  });

  it('tocsr of a 2^32 - 1 x 1 C matrix counts its row pointers and refuses', () => {
    const outcome = runIsolated(
      `return new j.JITCScalarC([1, 1e-9, 1], { shape: [2 ** 32 - 1, 1] }).tocsr();`,
    );
    expect(outcome.ok).toBe(false);
    expect(outcome.name).toBe('JitconnTooLargeError');
    expect(outcome.message).toMatch(/tocsr\(\).*4294967295 x 1/);
  });

  it('nnz of a matrix of 2^52 entries refuses at once', () => {
    const outcome = runIsolated(
      `return new j.JITCScalarR([1, 0.5, 1], { shape: [2 ** 26, 2 ** 26] }).nnz();`,
    );
    expect(outcome.ok).toBe(false);
    expect(outcome.name).toBe('JitconnTooLargeError');
    expect(outcome.message).toContain('nnz()');
  });

  it('a batch k of 1e5 is checked against the operand before anything is allocated', () => {
    const outcome = runIsolated(
      `return new j.JITCScalarR([1, 0.1, 1], { shape: [1000, 1000] }).matmat(new Float32Array(10), 1e5);`,
    );
    expect(outcome.ok).toBe(false);
    expect(outcome.name).toBe('JitconnShapeError');
    expect(outcome.message).toContain('100000000 entries');
  });
});
