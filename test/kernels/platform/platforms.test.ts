import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { platform as nodePlatform } from '../../../src/kernels/platform/node.js';
import { platform as webPlatform } from '../../../src/kernels/platform/web.js';
import {
  BinaryArray,
  getThreadCount,
  JITCNormalR,
  setThreadCount,
  shutdownThreads,
  startThreads,
} from '../../../src/index.js';
import { sameBits } from '../kernelHelpers.js';

/**
 * The two thread platforms (package.json `imports` `#platform`): worker_threads in Node, Web
 * Workers elsewhere. The Web Worker one runs in Chromium in test/e2e; here, in Node, it finds no
 * Web Workers and no cross-origin isolation, so it offers one thread, as on a page without them.
 */
describe('thread platforms', () => {
  it('Node: every core, workers that start while their creator waits', () => {
    expect(nodePlatform.name).toBe('node');
    expect(nodePlatform.availableThreads()).toBe(availableParallelism());
    expect(nodePlatform.canStartThreads()).toBe(true);
    expect(nodePlatform.startsWhileBlocked).toBe(true);
  });

  it('Web Workers, where there are none (or no isolation): one thread, and spawning refuses', () => {
    expect(webPlatform.name).toBe('web');
    expect(webPlatform.canStartThreads()).toBe(false);
    expect(webPlatform.availableThreads()).toBe(1);
    expect(webPlatform.startsWhileBlocked).toBe(false);
    expect(() => webPlatform.spawn({} as Parameters<typeof webPlatform.spawn>[0])).toThrow(
      /cross-origin isolated/,
    );
  });
});

describe('startThreads', () => {
  it('starts the workers and resolves with the threads calls then use; results keep their bits', async () => {
    const matrix = new JITCNormalR([0, 0.1, 0.01, 5], { shape: [20_000, 30_000] });
    const spikes = BinaryArray.bernoulli(0.3, 20_000, 9);
    setThreadCount(1);
    const alone = matrix.vecmat(spikes);
    try {
      setThreadCount(3);
      expect(await startThreads()).toBe(3);
      expect(getThreadCount()).toBe(3);
      expect(sameBits(matrix.vecmat(spikes), alone)).toBe(true);
      setThreadCount(1);
      expect(await startThreads()).toBe(1);
    } finally {
      setThreadCount(Math.min(64, availableParallelism()));
      shutdownThreads();
    }
  });
});
