import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { jitconn } from './jitconnProcess.js';

const version = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;

describe('jitconn --help and --version, on the program and every command', () => {
  for (const command of [[], ['simulate'], ['demo'], ['bench']]) {
    const name = ['jitconn', ...command].join(' ');

    it(`${name} --version prints the package version`, () => {
      for (const flag of ['--version', '-V']) {
        const { status, stdout, stderr } = jitconn(...command, flag);
        expect(status).toBe(0);
        expect(stderr).toBe('');
        expect(stdout.trim()).toBe(version);
      }
    });

    it(`${name} --help lists its usage and options`, () => {
      const { status, stdout } = jitconn(...command, '--help');
      expect(status).toBe(0);
      expect(stdout).toContain(`Usage: ${name}`);
      expect(stdout).toContain('--help');
      expect(stdout).toContain('--version');
    });
  }

  it('the program help lists the commands; simulate lists each flag with its default', () => {
    expect(jitconn('--help').stdout).toMatch(/simulate[\s\S]*demo[\s\S]*bench/);
    const help = jitconn('simulate', '--help').stdout;
    for (const flag of [
      '--model',
      '--neurons',
      '--in-degree',
      '--duration',
      '--dt',
      '--seed',
      '--threads',
      '--backend',
      '--out',
      '--no-plot',
    ]) {
      expect(help).toContain(flag);
    }
    expect(help).toMatch(/default: "coba"/);
    expect(help).toMatch(/default: 4000/);
    expect(help).toMatch(/default: "\.\/jitconn-out"/);
  });
});
