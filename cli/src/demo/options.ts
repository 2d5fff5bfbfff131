/** Options of `jitconn demo`: the section-6 network's scale, and where the pictures go. */
export interface DemoOptions {
  readonly input: number;
  readonly hidden: number;
  readonly output: number;
  readonly prob: number;
  readonly rate: number;
  readonly seed: number;
  readonly steps: number;
  readonly out: string;
  readonly plot: boolean;
}

export const DEMO_DEFAULTS: DemoOptions = {
  input: 100_000,
  hidden: 50_000,
  output: 1_000,
  prob: 0.01,
  rate: 0.001,
  seed: 2024,
  steps: 20,
  out: './jitconn-out/demo',
  plot: true,
};
