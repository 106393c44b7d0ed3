import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTrainingBackend } from '../../../src/train/backend';
import { attentionLogits, createAttentionVariables } from '../../../src/train/model/attentionGraph';
import { ATT_OUTPUT_KERNEL, attentionKernelName, FC_WEIGHTS } from '../../../src/train/model/checkpointNames';
import { createRnnVariables, dropoutMask, rnnLogits } from '../../../src/train/model/rnnGraph';

beforeAll(async () => {
  await useTrainingBackend('wasm');
});

const stepInputs = (steps: number, size: number, batch: number) =>
  Array.from({ length: steps }, (_, t) => tf.randomUniform([size, batch], -1, 1, 'float32', 200 + t) as tf.Tensor2D);

/** Adds 1 to row `row` of a variable [rows, cols]. */
function nudgeRow(v: tf.Variable, row: number): void {
  const w = v.arraySync() as number[][];
  w[row] = w[row].map((x) => x + 1);
  v.assign(tf.tensor2d(w));
}

describe('training-time dropout', () => {
  it('keeps a unit at 1 / (1 - rate) or drops it, about `rate` of them', () => {
    const mask = Array.from(dropoutMask(128, 64, 0.25, 7).dataSync());
    expect(new Set(mask.map((x) => x.toFixed(6)))).toEqual(new Set(['0.000000', (1 / 0.75).toFixed(6)]));
    const dropped = mask.filter((x) => x === 0).length / mask.length;
    expect(dropped).toBeGreaterThan(0.22);
    expect(dropped).toBeLessThan(0.28);
  });

  it('changes nothing at rate 0', () => {
    const vars = createRnnVariables({ inputSize: 5, hidden: [6, 6], depth: 4 }, 3);
    const inputs = stepInputs(4, 5, 3);
    const plain = rnnLogits(vars, inputs).dataSync();
    const zero = rnnLogits(vars, inputs, { rate: 0, seed: 9 }).dataSync();
    expect(Array.from(zero)).toEqual(Array.from(plain));
  });

  it('drops a unit for a whole sequence: the output weights of a dropped top unit reach none of its steps', () => {
    const hidden = 16;
    const batch = 4;
    const steps = 6;
    const vars = createRnnVariables({ inputSize: 5, hidden: [hidden], depth: 3 }, 5);
    const inputs = stepInputs(steps, 5, batch);
    const dropout = { rate: 0.5, seed: 41 };
    // The layer's mask is drawn with the batch seed plus its layer index (0 here).
    const mask = dropoutMask(hidden, batch, dropout.rate, dropout.seed).arraySync();
    const unit = mask.findIndex((row) => row[0] === 0);
    expect(unit).toBeGreaterThanOrEqual(0);
    const before = rnnLogits(vars, inputs, dropout).arraySync();
    const beforePlain = rnnLogits(vars, inputs).arraySync();
    // Nudge that unit's output weights: sequence 0 must not notice at any step, with dropout.
    nudgeRow(vars[FC_WEIGHTS] as tf.Variable, unit);
    const after = rnnLogits(vars, inputs, dropout).arraySync();
    const afterPlain = rnnLogits(vars, inputs).arraySync();
    for (let t = 0; t < steps; t++) {
      expect(after[t * batch]).toEqual(before[t * batch]);
      expect(afterPlain[t * batch]).not.toEqual(beforePlain[t * batch]);
    }
  });

  describe('in the attention RNN', () => {
    const size = 8;
    const batch = 4;
    const steps = 7;
    const L = 4;
    const setUp = () => ({
      vars: createAttentionVariables({ inputSize: 5, hidden: [size, size, size], depth: 3 }, 6),
      inputs: stepInputs(steps, 5, batch),
    });

    it('changes nothing at rate 0', () => {
      const { vars, inputs } = setUp();
      const plain = attentionLogits(vars, inputs, L).dataSync();
      const zero = attentionLogits(vars, inputs, L, undefined, undefined, { rate: 0, seed: 9 }).dataSync();
      expect(Array.from(zero)).toEqual(Array.from(plain));
    });

    it.each([
      ['the top layer into the output projection', 2, ATT_OUTPUT_KERNEL],
      ['the first layer into the second', 0, attentionKernelName(1)],
    ])('drops a unit of %s for the whole sequence, memory and read-out included', (_, layer, weights) => {
      const { vars, inputs } = setUp();
      const dropout = { rate: 0.5, seed: 17 };
      // Layer l's mask is drawn with the batch seed plus l; the unit's row is the same in both kernels.
      const mask = dropoutMask(size, batch, dropout.rate, dropout.seed + layer).arraySync();
      const unit = mask.findIndex((row) => row[0] === 0);
      expect(unit).toBeGreaterThanOrEqual(0);
      const before = attentionLogits(vars, inputs, L, undefined, undefined, dropout).arraySync() as number[][];
      const beforePlain = attentionLogits(vars, inputs, L).arraySync() as number[][];
      nudgeRow(vars[weights] as tf.Variable, unit);
      const after = attentionLogits(vars, inputs, L, undefined, undefined, dropout).arraySync() as number[][];
      const afterPlain = attentionLogits(vars, inputs, L).arraySync() as number[][];
      for (let t = 0; t < steps; t++) {
        expect(after[t * batch]).toEqual(before[t * batch]);
        expect(afterPlain[t * batch]).not.toEqual(beforePlain[t * batch]);
      }
    });
  });
});
