import { BinaryArray, JITCNormalR } from 'jitconn';
import { stepRasterFigure } from '../plot/stepRaster.js';
import { formatBytes, formatCount, storedCsrBytes } from '../units.js';
import { heading, type DemoContext } from './context.js';

const SHAPE = { input: 1000, hidden: 500, output: 50 } as const;
const PROB = 0.05;
const SEED = 2025;
const STEPS = 100;
const INPUT_RATE = 0.05;
/** Neurons of each layer drawn in the rasters, as in the tutorial. */
const SHOWN = 100;

/**
 * Section 6, the visualisation network: 1000 -> 500 -> 50 at p = 0.05 driven 100 steps by 5%
 * Bernoulli input; rasters of the first 100 input and hidden neurons over the time steps.
 */
export async function visualNetwork(context: DemoContext): Promise<void> {
  const { print } = context;
  heading(context, '6. Network activity over time steps: 1000 -> 500 -> 50');
  const w1 = new JITCNormalR([0, 0.05, PROB, SEED], { shape: [SHAPE.input, SHAPE.hidden] });
  const w2 = new JITCNormalR([0, 0.1, PROB * 2, SEED + 1], { shape: [SHAPE.hidden, SHAPE.output] });
  const synapses = [SHAPE.input * SHAPE.hidden * PROB, SHAPE.hidden * SHAPE.output * PROB * 2] as const;
  const csr = storedCsrBytes(SHAPE.input, synapses[0]) + storedCsrBytes(SHAPE.hidden, synapses[1]);
  print(
    `Network structure: ${formatCount(SHAPE.input)} -> ${SHAPE.hidden} -> ${SHAPE.output}, connection probability ${PROB * 100}%`,
  );
  print(`Synapses: first layer ${formatCount(synapses[0])}, second layer ${formatCount(synapses[1])}`);
  print(`Memory: JIT ${w1.memoryBytes() + w2.memoryBytes()} bytes, stored CSR ${formatBytes(csr)}`);

  const hiddenIn = new Float32Array(SHAPE.hidden);
  const outputIn = new Float32Array(SHAPE.output);
  const inputSteps: Uint32Array[] = [];
  const hiddenSteps: Uint32Array[] = [];
  for (let t = 0; t < STEPS; t++) {
    const spikes = BinaryArray.bernoulli(INPUT_RATE, SHAPE.input, 888 + t);
    const hiddenSpikes = BinaryArray.threshold(w1.vecmat(spikes, { out: hiddenIn }), 0.2);
    w2.vecmat(hiddenSpikes, { out: outputIn });
    inputSteps.push(spikes.indices());
    hiddenSteps.push(hiddenSpikes.indices());
  }
  const shown = (steps: Uint32Array[]) => steps.reduce((n, s) => n + s.filter((i) => i < SHOWN).length, 0);
  const [inputShown, hiddenShown] = [shown(inputSteps), shown(hiddenSteps)];
  print(`Activity of the first ${SHOWN} neurons over ${STEPS} steps:`);
  print(
    `  Input layer total spikes: ${inputShown}, average rate ${(inputShown / (SHOWN * STEPS)).toFixed(3)}`,
  );
  print(
    `  Hidden layer total spikes: ${hiddenShown}, average rate ${(hiddenShown / (SHOWN * STEPS)).toFixed(3)}`,
  );
  await context.figure(
    stepRasterFigure({
      name: 'layer-rasters',
      layers: [
        { label: 'Input layer activity with JITC connection', steps: inputSteps, neurons: SHOWN },
        { label: 'Hidden layer activity via JITC', steps: hiddenSteps, neurons: SHOWN },
      ],
    }),
  );
}
