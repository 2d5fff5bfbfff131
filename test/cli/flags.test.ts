import { describe, expect, it } from 'vitest';
import { setThreadCount, getThreadCount } from '../../src/index.js';
import { MAX_THREADS } from '../../cli/src/flags.js';
import { jitconn } from './jitconnProcess.js';

/** A bad command line: exit status 2 and one line on stderr, nothing on stdout. */
function rejected(...args: string[]): string {
  const { status, stdout, stderr } = jitconn(...args);
  expect(status, `${args.join(' ')}: ${stderr}`).toBe(2);
  expect(stdout).toBe('');
  expect(stderr.endsWith('\n')).toBe(true);
  expect(stderr.trimEnd().split('\n')).toHaveLength(1);
  return stderr.trim();
}

describe('jitconn simulate: every flag checked before anything runs', () => {
  // Each row: the arguments, then what the one line must say (the flag, the value, what is accepted).
  const cases: [string[], RegExp][] = [
    [['--model', 'hh'], /'--model <name>' argument 'hh' .*Allowed choices are coba, cuba/],
    [['--neurons', 'ten'], /'--neurons <N>' argument 'ten' .*an integer from 1 to 4,294,967,295/],
    [['--neurons', '0'], /'--neurons <N>' argument '0' .*an integer from 1 to/],
    [['--neurons', '2.5'], /'--neurons <N>' argument '2.5' .*an integer/],
    [['--in-degree', '-3'], /'--in-degree <K>' argument '-3' .*an integer from 1/],
    [['--in-degree', '5000'], /'--in-degree <K>' argument '5000' .*at most --neurons \(4000\)/],
    [['--duration', '2min'], /'--duration <time>' argument '2min' .*a duration above 0 .* 500ms, 1s/],
    [['--duration', '0'], /'--duration <time>' argument '0' .*a duration above 0/],
    [['--duration', '1e10'], /'--duration <time>' argument '1e10' .*at most 1,000,000,000 ms/],
    [['--dt', 'fast'], /'--dt <time>' argument 'fast' .*a time step above 0/],
    [['--dt', '2', '--duration', '1'], /'--dt <time>' argument '2' .*at most --duration \(1 ms\)/],
    [['--seed', '1.5'], /'--seed <S>' argument '1.5' .*an integer from 0 to 9,007,199,254,740,991/],
    [['--seed', '-1'], /'--seed <S>' argument '-1' .*an integer from 0/],
    [['--threads', '0'], /'--threads <T>' argument '0' .*an integer from 1 to 64/],
    [['--backend', 'gpu'], /'--backend <name>' argument 'gpu' .*Allowed choices are wasm, reference/],
    [['--out', 'package.json'], /'--out <dir>' argument 'package.json' .*a folder \(this path is a file\)/],
    [['--neurons'], /'--neurons <N>' argument missing/],
    [['--nerons', '10'], /unknown option '--nerons'.*Did you mean --neurons\?/],
    [['extra'], /too many arguments for 'simulate'/],
  ];
  for (const [args, message] of cases) {
    it(`rejects ${args.join(' ')}`, () => {
      expect(rejected('simulate', ...args)).toMatch(message);
    });
  }

  it('the thread limit is the library one', () => {
    const threads = getThreadCount();
    expect(() => setThreadCount(MAX_THREADS)).not.toThrow();
    expect(() => setThreadCount(MAX_THREADS + 1)).toThrow(/threads/);
    setThreadCount(threads);
  });
});

describe('jitconn: commands and the other commands’ flags', () => {
  it('names an unknown command', () => {
    expect(rejected('frobnicate')).toBe("error: unknown command 'frobnicate'");
  });

  it('rejects bad demo and bench flags the same way', () => {
    expect(rejected('demo', '--steps', '0')).toMatch(
      /'--steps <n>' argument '0' .*an integer from 1 to 100,000/,
    );
    expect(rejected('demo', '--prob', '1.5')).toMatch(/'--prob <p>' argument '1.5' .*a number from 0 to 1/);
    expect(rejected('demo', '--out', 'README.md')).toMatch(/'--out <dir>' argument 'README.md'/);
    expect(rejected('bench', '--prob', 'x')).toMatch(/'--prob <p>' argument 'x' .*a number from 0 to 1/);
    expect(rejected('bench', '--shape', '10by10')).toMatch(/'--shape <ROWSxCOLS>' argument '10by10'/);
    expect(rejected('bench', '--threads', '65')).toMatch(/'--threads <n>' argument '65' .*from 1 to 64/);
    // With no command, flags go to the default command (simulate), which checks them.
    expect(rejected('--neurons', 'many')).toMatch(/'--neurons <N>' argument 'many'/);
  });
});
