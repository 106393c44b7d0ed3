import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTrainingBackend } from '../../../src/train/backend';
import { eventInputRow, inputSize, type ModelSpec } from '../../../src/train/data/modelSpec';
import { makeBatch } from '../../../src/train/data/windows';
import { attentionLogits } from '../../../src/train/model/attentionGraph';
import { FC_BIASES } from '../../../src/train/model/checkpointNames';
import { createModelVariables, trainableVariables } from '../../../src/train/model/modelGraph';
import { maskedCrossEntropy } from '../../../src/train/model/rnnGraph';
import { createRng } from '../../../src/train/random';
import { melodyTune, MOTIF_IN_BARS_1_AND_3 } from './motifMelodies';

beforeAll(async () => {
  await useTrainingBackend('wasm');
});

const L = 16;
const STEPS = 24;

function setUp(kind: 'melody' | 'chord') {
  const spec: ModelSpec = { kind, minPitch: 48, maxPitch: 83, auxBits: 5, hidden: [8, 8, 8], attentionLength: L };
  const tune = melodyTune(MOTIF_IN_BARS_1_AND_3);
  const windows = [0, 1, 2].map(() => ({ tune, start: 0, shift: 0 }));
  const batch = makeBatch(spec, windows, STEPS, inputSize(spec));
  return { spec, vars: createModelVariables(spec, 3), batch };
}

const maxDiff = (a: tf.Tensor, b: tf.Tensor) => tf.tidy(() => tf.max(tf.abs(tf.sub(a, b))).dataSync()[0]);

describe('own inputs (scheduled sampling) in the attention graph', () => {
  it('at rate 0 gives the logits of the real inputs', () => {
    const { spec, vars, batch } = setUp('melody');
    const own = { rate: 0, eventRow: eventInputRow(spec), random: Math.random };
    expect(
      maxDiff(attentionLogits(vars, batch.inputs, L, undefined, own), attentionLogits(vars, batch.inputs, L)),
    ).toBe(0);
  });

  it.each(['melody', 'chord'] as const)(
    '%s model: at rate 1, feeds every step after the first the event the model predicts (a certain one here)',
    (kind) => {
      const { spec, vars, batch } = setUp(kind);
      const depth = spec.maxPitch - spec.minPitch + 3;
      // An output bias that makes event class 7 certain: every sample is 7.
      const bias = new Float32Array(depth).fill(-60);
      bias[7] = 60;
      vars[FC_BIASES].assign(tf.tensor1d(bias));
      const row = eventInputRow(spec);
      const forced = batch.inputs.map((x, t) => {
        if (t === 0) return x;
        const values = x.arraySync();
        for (let k = 0; k < depth; k++) values[row + k] = values[row + k].map(() => (k === 7 ? 1 : 0));
        return tf.tensor2d(values);
      });
      const own = { rate: 1, eventRow: row, random: createRng(5).next };
      const got = attentionLogits(vars, batch.inputs, L, undefined, own);
      expect(maxDiff(got, attentionLogits(vars, forced, L))).toBeLessThan(1e-5);
      // The real inputs give other logits: the replacement did something.
      expect(maxDiff(got, attentionLogits(vars, batch.inputs, L))).toBeGreaterThan(1e-3);
    },
  );

  it('trains: with half the steps sampled, the same variables get gradients as with real inputs', () => {
    const { spec, vars, batch } = setUp('melody');
    const rng = createRng(9);
    const reached = (rate: number) => {
      const own = { rate, eventRow: eventInputRow(spec), random: () => rng.next() };
      const { value, grads } = tf.variableGrads(
        () => maskedCrossEntropy(attentionLogits(vars, batch.inputs, L, undefined, own), batch.targets, batch.mask),
        trainableVariables(vars),
      );
      expect(Number.isFinite(value.dataSync()[0])).toBe(true);
      // (An untrained attention RNN's read-out reaches nothing yet: its projections start at zero.)
      return Object.entries(grads).map(([name, g]) => [name, tf.max(tf.abs(g)).dataSync()[0] > 0]);
    };
    const withOwn = reached(0.5);
    expect(withOwn).toEqual(reached(0));
    expect(withOwn.filter(([, any]) => any).length).toBeGreaterThan(8);
  });
});
