import * as tf from '@tensorflow/tfjs';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTrainingBackend } from '../../../src/train/backend';
import type { ModelSpec } from '../../../src/train/data/modelSpec';
import { windowNll } from '../../../src/train/trainer';
import { train } from '../../../src/train/trainer';
import { tuneWindows } from '../../../src/train/data/windows';
import { readCheckpoint } from '../../../src/train/export/checkpointFiles';
import { ATT_QUERY_BIAS, ATT_V } from '../../../src/train/model/checkpointNames';
import { readTinyCorpus, tinyTrainOptions } from './tinyCorpus';

beforeAll(async () => {
  await useTrainingBackend('wasm');
});

describe('training', () => {
  it('a few steps lower the loss, leave a checkpoint, and a resumed run continues from the saved step', async () => {
    const root = mkdtempSync(join(tmpdir(), 'pw-train-'));
    const corpus = readTinyCorpus(join(root, 'corpus'), 12, 3);
    expect(corpus.validation.length).toBeGreaterThan(0);
    const spec: ModelSpec = { kind: 'chord', minPitch: 48, maxPitch: 83, auxBits: 4, hidden: [20] };
    const options = tinyTrainOptions(spec, corpus, root);
    const first = await train({ ...options, maxSteps: 8 });
    const second = await train({ ...options, maxSteps: 24, resume: true });
    expect(second.step).toBe(24);
    const [start, , end] = second.history;
    expect(end.loss).toBeLessThan(start.loss * 0.8);
    expect(end.valNll).toBeLessThan(start.valNll);
    expect(first.history).toHaveLength(1);
    expect(existsSync(join(root, 'ckpt', 'weights.bin'))).toBe(true);
    // The exported best weights score what the trainer recorded for them.
    const { tensors } = readCheckpoint(join(root, 'ckpt'));
    const valWindows = tuneWindows(corpus.validation, 32, 0).slice(0, 16);
    expect(windowNll(tensors, spec, valWindows, 32, 8)).toBeCloseTo(second.bestValNll, 3);
    tf.dispose(Object.values(tensors));
  });

  it('an attention RNN trains, resumes and exports a checkpoint whose query bias is still zero', async () => {
    const root = mkdtempSync(join(tmpdir(), 'pw-train-att-'));
    const corpus = readTinyCorpus(join(root, 'corpus'), 10, 5);
    const spec: ModelSpec = {
      kind: 'melody',
      minPitch: 48,
      maxPitch: 83,
      auxBits: 2,
      hidden: [12, 12, 12],
      attentionLength: 8,
    };
    const options = {
      ...tinyTrainOptions(spec, corpus, root),
      windowSteps: 16,
      batchSize: 6,
      learningRate: 0.02,
      evalEvery: 4,
      evalWindows: 1000,
      seed: 2,
    };
    await train({ ...options, maxSteps: 4 });
    const second = await train({ ...options, maxSteps: 12, resume: true });
    expect(second.step).toBe(12);
    expect(second.history[2].loss).toBeLessThan(second.history[0].loss);
    const { config, tensors } = readCheckpoint(join(root, 'ckpt'));
    expect(config.attentionLength).toBe(8);
    expect(Array.from(tensors[ATT_QUERY_BIAS].dataSync()).every((x) => x === 0)).toBe(true);
    expect(Array.from(tensors[ATT_V].dataSync()).some((x) => x !== 0)).toBe(true);
    expect(windowNll(tensors, spec, tuneWindows(corpus.validation, 16, 0), 16, 6)).toBeCloseTo(second.bestValNll, 3);
    tf.dispose(Object.values(tensors));
  });
});
