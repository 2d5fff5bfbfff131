import type { LayerSizes, ModelName, ModelSettings, Pace, RunSettings, WeightLawName } from './protocol';

/** The form's fields, read and checked. */

const field = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;

export const controls = {
  form: field<HTMLFormElement>('controls'),
  model: field<HTMLSelectElement>('model'),
  neurons: field<HTMLSelectElement>('neurons'),
  inDegree: field<HTMLInputElement>('in-degree'),
  weightLaw: field<HTMLSelectElement>('weight-law'),
  layers: field<HTMLSelectElement>('layers'),
  seed: field<HTMLInputElement>('seed'),
  duration: field<HTMLInputElement>('duration'),
  pace: field<HTMLSelectElement>('pace'),
  run: field<HTMLButtonElement>('run'),
  pause: field<HTMLButtonElement>('pause'),
  reset: field<HTMLButtonElement>('reset'),
  message: field<HTMLParagraphElement>('message'),
};

/** Fields that define the network (a change builds a new one) and those that only steer the run. */
export const MODEL_FIELDS = [
  controls.model,
  controls.neurons,
  controls.inDegree,
  controls.weightLaw,
  controls.layers,
  controls.seed,
];
export const RUN_FIELDS = [controls.duration, controls.pace];

/** The model settings, or the problem with them. */
export function readModel(): { settings: ModelSettings } | { problem: string } {
  const model = controls.model.value as ModelName;
  const neurons = Number(controls.neurons.value);
  const inDegree = Number(controls.inDegree.value);
  const seed = Number(controls.seed.value);
  if (!Number.isSafeInteger(seed) || seed < 0) return { problem: 'Seed: a whole number, 0 or more.' };
  if (model !== 'feedforward' && !(Number.isInteger(inDegree) && inDegree >= 1 && inDegree <= neurons)) {
    return {
      problem: `In-degree: a whole number from 1 to the number of neurons (${neurons.toLocaleString('en-US')}).`,
    };
  }
  return {
    settings: {
      model,
      neurons,
      inDegree,
      weightLaw: controls.weightLaw.value as WeightLawName,
      layers: controls.layers.value as LayerSizes,
      seed,
    },
  };
}

export function readRun(): { settings: RunSettings } | { problem: string } {
  const durationMs = Number(controls.duration.value);
  if (!(durationMs > 0 && Number.isFinite(durationMs)))
    return { problem: 'Duration: a number of ms above 0.' };
  return { settings: { durationMs, pace: controls.pace.value as Pace } };
}

/** Shows the fields of the chosen model only. */
export function showModelFields(): void {
  const feedForward = controls.model.value === 'feedforward';
  for (const element of document.querySelectorAll<HTMLElement>('.va-only')) element.hidden = feedForward;
  for (const element of document.querySelectorAll<HTMLElement>('.ff-only')) element.hidden = !feedForward;
}

export function showMessage(text: string, error = false): void {
  controls.message.textContent = text;
  controls.message.classList.toggle('error', error);
}
