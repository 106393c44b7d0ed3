import * as tf from '@tensorflow/tfjs';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTrainingBackend } from '../../../src/train/backend';
import type { ModelSpec } from '../../../src/train/data/modelSpec';
import { tuneWindows } from '../../../src/train/data/windows';
import { readCheckpoint } from '../../../src/train/export/checkpointFiles';
import { averageDecay, createWeightAverage, updateWeightAverage } from '../../../src/train/model/weightAverage';
import { train, windowNll } from '../../../src/train/trainer';
import { readTinyCorpus, tinyTrainOptions } from './tinyCorpus';

beforeAll(async () => {
  await useTrainingBackend('wasm');
});

function values(tensors: Record<string, tf.Tensor>): Record<string, number[]> {
  return Object.fromEntries(Object.entries(tensors).map(([name, t]) => [name, Array.from(t.dataSync())]));
}

function largestDifference(a: Record<string, number[]>, b: Record<string, number[]>): number {
  let most = 0;
  for (const [name, xs] of Object.entries(a)) xs.forEach((x, i) => (most = Math.max(most, Math.abs(x - b[name][i]))));
  return most;
}

describe('the moving average of the weights', () => {
  it('holds its decay low over the first updates, then keeps the chosen one', () => {
    expect(averageDecay(0.998, 0)).toBeCloseTo(0.1, 12);
    expect(averageDecay(0.998, 90)).toBeCloseTo(0.91, 12);
    expect(averageDecay(0.998, 4490)).toBeCloseTo(0.998, 12);
    expect(averageDecay(0.998, 1e6)).toBe(0.998);
    expect(averageDecay(0.5, 20)).toBe(0.5);
  });

  it('moves each averaged weight by (1 - decay) of its distance to the weight, and starts as a copy', () => {
    const vars = { a: tf.variable(tf.tensor1d([1, 2])), b: tf.variable(tf.tensor2d([[-4]])) };
    const average = createWeightAverage(vars);
    expect(values(average)).toEqual({ a: [1, 2], b: [-4] });
    expect(Object.values(average).every((v) => !v.trainable)).toBe(true);
    vars.a.assign(tf.tensor1d([3, 6]));
    vars.b.assign(tf.tensor2d([[0]]));
    updateWeightAverage(average, vars, 0.75);
    expect(values(average)).toEqual({ a: [1.5, 3], b: [-3] });
    // The copy is its own: training the variables does not move it.
    expect(values(vars)).toEqual({ a: [3, 6], b: [0] });
    tf.dispose([...Object.values(vars), ...Object.values(average)]);
  });

  it('a training run with it validates and exports the average, and a resumed run carries it on unchanged', async () => {
    const root = mkdtempSync(join(tmpdir(), 'pw-train-average-'));
    const corpus = readTinyCorpus(join(root, 'corpus'), 12, 3);
    const spec: ModelSpec = { kind: 'melody', minPitch: 48, maxPitch: 83, auxBits: 4, hidden: [16] };
    const options = (name: string) => ({
      ...tinyTrainOptions(spec, corpus, join(root, name)),
      evalEvery: 6,
      seed: 3,
      averageDecay: 0.8,
    });
    const straight = await train({ ...options('straight'), maxSteps: 12 });
    await train({ ...options('resumed'), maxSteps: 6 });
    const resumed = await train({ ...options('resumed'), maxSteps: 12, resume: true });
    expect(resumed.history.map((h) => h.valNll)).toEqual(straight.history.map((h) => h.valNll));

    const read = (dir: string) => {
      const { tensors } = readCheckpoint(dir);
      const out = values(tensors);
      tf.dispose(Object.values(tensors));
      return out;
    };
    const last = read(join(root, 'straight', 'state', 'last'));
    const averaged = read(join(root, 'straight', 'state', 'average'));
    // The average trails the trained weights: it is a different set of weights, and the one validated.
    expect(largestDifference(averaged, last)).toBeGreaterThan(1e-3);
    expect(largestDifference(read(join(root, 'resumed', 'state', 'average')), averaged)).toBeLessThan(1e-6);
    const best = readCheckpoint(join(root, 'straight', 'ckpt')).tensors;
    const valWindows = tuneWindows(corpus.validation, 32, 0).slice(0, 16);
    expect(windowNll(best, spec, valWindows, 32, 8)).toBeCloseTo(straight.bestValNll, 4);
    // Still improving at its last validation, so the exported best is the final average (not the trained weights).
    expect(straight.bestStep).toBe(12);
    expect(largestDifference(values(best), averaged)).toBeLessThan(1e-6);
    tf.dispose(Object.values(best));
    expect(existsSync(join(root, 'straight', 'ckpt', 'weights.bin'))).toBe(true);
  });
});
