#!/usr/bin/env node
import { Command, InvalidArgumentError } from 'commander';
import { benchCommand } from './bench/command.js';
import { DEMO_DEFAULTS, runDemo } from './demo.js';

function numberOption(name: string, integer = false) {
  return (value: string): number => {
    const parsed = Number(value);
    if (value.trim() === '' || !Number.isFinite(parsed) || (integer && !Number.isInteger(parsed))) {
      throw new InvalidArgumentError(
        `${name} must be ${integer ? 'an integer' : 'a number'}, got "${value}"`,
      );
    }
    return parsed;
  };
}

const program = new Command()
  .name('jitconn')
  .description('Just-in-time random connectivity matrices for spiking neural networks.');

program
  .command('demo', { isDefault: true })
  .description("the tutorial's 100K -> 50K -> 1K network: memory, a forward pass, timings, reproducibility")
  .option('--input <n>', 'input neurons', numberOption('--input', true), DEMO_DEFAULTS.input)
  .option('--hidden <n>', 'hidden neurons', numberOption('--hidden', true), DEMO_DEFAULTS.hidden)
  .option('--output <n>', 'output neurons', numberOption('--output', true), DEMO_DEFAULTS.output)
  .option('--prob <p>', 'connection probability', numberOption('--prob'), DEMO_DEFAULTS.prob)
  .option('--rate <r>', 'input firing probability per step', numberOption('--rate'), DEMO_DEFAULTS.rate)
  .option('--seed <s>', 'seed', numberOption('--seed', true), DEMO_DEFAULTS.seed)
  .option('--steps <n>', 'warm steps to time', numberOption('--steps', true), DEMO_DEFAULTS.steps)
  .option('--backend <name>', 'wasm or reference')
  .action((options) => runDemo({ ...DEMO_DEFAULTS, ...options }));

program.addCommand(benchCommand());

try {
  await program.parseAsync();
} catch (error) {
  // Our errors say what was wrong and what was expected: print that, not a stack trace.
  console.error(`jitconn: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 2;
}
