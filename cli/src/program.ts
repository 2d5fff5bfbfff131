import { Command, CommanderError } from 'commander';
import { benchCommand } from './bench/command.js';
import { demoCommand } from './demo/index.js';
import { simulateCommand } from './simulate/command.js';
import type { ModelRegistry } from './simulate/source.js';
import { VERSION } from './version.js';

/** What `jitconn` runs with no command (or with only flags). */
export const DEFAULT_COMMAND = 'simulate';

/** Exit status of a bad command line (unknown command or flag, bad flag value). */
export const EXIT_USAGE = 2;

/** Settings every command shares: --version, errors thrown (not exited), each error on one line. */
function standard(command: Command): Command {
  return command
    .version(VERSION, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'print this help')
    .exitOverride()
    .showHelpAfterError(false)
    .configureOutput({ outputError: (text, write) => write(`${text.trim().replace(/\s*\n\s*/g, ' ')}\n`) });
}

/** The `jitconn` program: simulate, demo and bench. */
export function createProgram(models: ModelRegistry): Command {
  const program = standard(
    new Command('jitconn').description('Just-in-time random connectivity for spiking neural networks.'),
  );
  for (const command of [simulateCommand(models), demoCommand(), benchCommand()]) {
    program.addCommand(standard(command));
  }
  return program;
}

/** The arguments with the default command put first when none is named (`jitconn`, `jitconn --out x`). */
export function withDefaultCommand(args: readonly string[]): string[] {
  const first = args[0];
  const programFlag = first === '-h' || first === '--help' || first === '-V' || first === '--version';
  return first === undefined || (first.startsWith('-') && !programFlag)
    ? [DEFAULT_COMMAND, ...args]
    : [...args];
}

/**
 * Runs `jitconn` on the arguments (without `node` and the script) with these models and returns
 * the exit status: 0, EXIT_USAGE for a bad command line, 1 for a failure (its message printed), or
 * what the command set (130 after Ctrl-C).
 */
export async function runProgram(models: ModelRegistry, args: readonly string[]): Promise<number> {
  try {
    await createProgram(models).parseAsync(withDefaultCommand(args), { from: 'user' });
    return Number(process.exitCode ?? 0);
  } catch (error) {
    // Commander has printed its one line already; our errors say what was wrong and what was expected.
    if (!(error instanceof CommanderError)) {
      console.error(`jitconn: ${error instanceof Error ? error.message : String(error)}`);
    }
    return exitStatus(error);
  }
}

/** The exit status for an error: help and version 0, a bad command line EXIT_USAGE, else 1. */
function exitStatus(error: unknown): number {
  if (!(error instanceof CommanderError)) return 1;
  if (error.exitCode === 0) return 0;
  const usage = error.code.startsWith('commander.') || error.code === 'jitconn.invalidArgument';
  return usage ? EXIT_USAGE : error.exitCode;
}
