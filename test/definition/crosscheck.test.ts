/**
 * The independent cross-check of docs/definition.md section 14: vectors/crosscheck.c, an
 * implementation of the definition written in C from the document alone, is compiled with the
 * system C compiler and run, and must print every known answer of vectors/known-answers.json,
 * value for value (numbers compared as the doubles they parse to, strings exactly). With
 * knownAnswers.test.ts (the reference must give the same file), a change to any answer, to the
 * reference's behaviour or to the C program's fails here or there. Deterministic: no false failures.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { readKnownAnswers } from './vectors/answers.js';

const SOURCE = fileURLToPath(new URL('./vectors/crosscheck.c', import.meta.url));
/** docs/definition.md section 12: IEEE double arithmetic in the order written, no FMA contraction. */
const FLAGS = ['-O2', '-ffp-contract=off', '-std=c11'];

const expected = readKnownAnswers();

let printed: Record<string, unknown>;

beforeAll(() => {
  const dir = mkdtempSync(join(tmpdir(), 'jitconn-crosscheck-'));
  try {
    const program = join(dir, 'crosscheck');
    console.log(execFileSync('cc', ['--version'], { encoding: 'utf8' }).split('\n')[0]);
    execFileSync('cc', [...FLAGS, '-o', program, SOURCE, '-lm'], { stdio: 'inherit' });
    printed = JSON.parse(execFileSync(program, { encoding: 'utf8', maxBuffer: 1 << 24 })) as Record<
      string,
      unknown
    >;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

describe(`crosscheck.c (cc ${FLAGS.join(' ')}) prints the known answers`, () => {
  it('prints exactly the sections of known-answers.json', () => {
    expect(Object.keys(printed).sort()).toEqual(Object.keys(expected).sort());
  });

  for (const section of Object.keys(expected) as (keyof typeof expected)[]) {
    it(section, () => {
      expect(printed[section]).toStrictEqual(expected[section]);
    });
  }
});
