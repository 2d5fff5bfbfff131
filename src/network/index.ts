/** The network layer: groups, projections, monitors, the Network that steps them, and models. */
export { Network } from './network.js';
export type { NetworkOptions, Named } from './network.js';
export { NeuronGroup } from './groups/group.js';
export type { GroupSlice } from './groups/group.js';
export { LifGroup } from './groups/lifGroup.js';
export { LIF_DEFAULTS } from './groups/lifParameters.js';
export type { LifParameters, ResolvedLifParameters } from './groups/lifParameters.js';
export type { SynapseModel } from '../kernels/neurons/lifKernel.js';
export { PoissonGroup } from './groups/poissonGroup.js';
export type { PoissonOptions } from './groups/poissonGroup.js';
export { SpikeSource } from './groups/spikeSource.js';
export type { SpikeSourceOptions } from './groups/spikeSource.js';
export { ThresholdGroup } from './groups/thresholdGroup.js';
export type { ThresholdOptions } from './groups/thresholdGroup.js';
export { Projection } from './projection.js';
export type { ConnectOptions } from './projection.js';
export { SpikeMonitor } from './monitors/spikeMonitor.js';
export { StateMonitor } from './monitors/stateMonitor.js';
export type { StateMonitorOptions } from './monitors/stateMonitor.js';
export type { RunOptions, RunProgress, RunResult } from './run.js';
export { spikeStatistics } from './statistics.js';
export { SpikeChecksum, spikeChecksum } from './checksum.js';
export type { SpikeStatistics } from './statistics.js';
export { seededNormals, seededUniforms } from './random.js';
export {
  vogelsAbbott,
  BENCHMARK_IN_DEGREE,
  BENCHMARK_NEURONS,
  BENCHMARK_WEIGHTS,
  VOGELS_ABBOTT_WEIGHT_LAWS,
} from './models/vogelsAbbott.js';
export type {
  VogelsAbbottNetwork,
  VogelsAbbottOptions,
  VogelsAbbottWeightLaw,
} from './models/vogelsAbbott.js';
export { feedForward, visualisationNetwork, VISUALISATION_STEPS } from './models/feedForward.js';
export type { FeedForwardNetwork, FeedForwardOptions } from './models/feedForward.js';
