import { Command } from 'commander';
import { flagProblem } from '../flags.js';
import { simulateFlags, toSimulateOptions, type SimulateFlags } from './options.js';
import type { ModelRegistry } from './source.js';

/** Exit status after Ctrl-C stopped a run (128 + SIGINT), once its results are written. */
export const EXIT_INTERRUPTED = 130;

/** `jitconn simulate`: every flag checked first, then the model built, run and written out. */
export function simulateCommand(models: ModelRegistry): Command {
  const command: Command = new Command('simulate').description(
    'run a spiking network (Vogels-Abbott COBA or CUBA, any size) and write summary.json, the spikes (.npy) and pictures',
  );
  return simulateFlags(command).action(async (flags: SimulateFlags) => {
    const checked = toSimulateOptions(flags);
    if ('problem' in checked) {
      command.error(flagProblem(...checked.problem), { exitCode: 2, code: 'jitconn.invalidArgument' });
    }
    const build = models[checked.options.model];
    if (!build) {
      command.error(`error: the ${checked.options.model} model is not available in this build of jitconn`, {
        exitCode: 1,
        code: 'jitconn.modelUnavailable',
      });
    }
    // Loaded when run: the plotting and progress packages stay out of --help and of flag errors.
    const { runSimulate } = await import('./run.js');
    const summary = await runSimulate(checked.options, build);
    if (summary.interrupted) process.exitCode = EXIT_INTERRUPTED;
  });
}
