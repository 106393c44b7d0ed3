import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTrainingBackend } from '../../../src/train/backend';
import { setFastMatMulGradient } from '../../../src/train/model/fastMatMul';
import { createRnnVariables, maskedCrossEntropy, rnnLogits } from '../../../src/train/model/rnnGraph';

beforeAll(async () => {
  await useTrainingBackend('wasm');
});

describe('wasm-friendly matMul gradient', () => {
  it('gives the same gradients as the stock matMul gradient for every variable', () => {
    const vars = createRnnVariables({ inputSize: 7, hidden: [6, 5], depth: 4 }, 11);
    const inputs = Array.from(
      { length: 5 },
      (_, t) => tf.randomUniform([7, 3], -1, 1, 'float32', 100 + t) as tf.Tensor2D,
    );
    const targets = tf.tensor1d([0, 1, 2, 3, 0, 1, 2, 3, 0, 1, 2, 3, 0, 1, 2], 'int32');
    const mask = tf.tensor1d([1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1]);
    const gradsWith = (fast: boolean) => {
      setFastMatMulGradient(fast);
      const { value, grads } = tf.variableGrads(
        () => maskedCrossEntropy(rnnLogits(vars, inputs), targets, mask),
        Object.values(vars),
      );
      value.dispose();
      return Object.fromEntries(Object.entries(grads).map(([k, g]) => [k, Array.from(g.dataSync())]));
    };
    const fast = gradsWith(true);
    const stock = gradsWith(false);
    setFastMatMulGradient(true);
    expect(Object.keys(fast)).toHaveLength(6);
    for (const name of Object.keys(stock)) {
      const diff = Math.max(...stock[name].map((v, i) => Math.abs(v - fast[name][i])));
      expect(diff, name).toBeLessThan(1e-6);
      expect(Math.max(...stock[name].map(Math.abs)), name).toBeGreaterThan(1e-4);
    }
  });
});
