import * as tf from '@tensorflow/tfjs';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { useTrainingBackend } from '../../../src/train/backend';
import { LSTM_FORWARD, lstmCell, useFusedLstmCell } from '../../../src/train/model/lstmCell';

beforeAll(async () => {
  await useTrainingBackend('wasm');
});

afterEach(() => {
  useFusedLstmCell(true);
});

/** Three chained steps of a [4H, B] = [4 x 5, 3] cell, their loss weighted per output, and every gradient. */
function chain(fusedKernels: boolean) {
  useFusedLstmCell(fusedKernels);
  let seed = 7;
  const r = (shape: number[], scale = 2) => tf.randomUniform(shape, -scale, scale, 'float32', seed++);
  // Pre-activations up to ±6 reach the flat ends of σ and tanh.
  const zs = [r([20, 3], 6), r([20, 3], 6), r([20, 3], 6)] as tf.Tensor2D[];
  const c0 = r([5, 3]) as tf.Tensor2D;
  const weights = [r([5, 3]), r([5, 3]), r([5, 3])];
  const loss = (...xs: tf.Tensor[]) => {
    let c = xs[3] as tf.Tensor2D;
    let total = tf.scalar(0);
    for (let t = 0; t < 3; t++) {
      const step = lstmCell(xs[t] as tf.Tensor2D, c);
      c = step.c;
      total = tf.add(total, tf.add(tf.sum(tf.mul(step.h, weights[t])), tf.sum(tf.mul(step.c, 0.3))));
    }
    return total as tf.Scalar;
  };
  const { value, grads } = tf.valueAndGrads(loss)([...zs, c0]);
  return { value: value.dataSync()[0], grads: grads.map((g) => g.dataSync()) };
}

describe('LSTM cell step', () => {
  it('fused kernels match the tfjs ops in value and in the gradients of every pre-activation and state', () => {
    const ops = chain(false);
    const fused = chain(true);
    expect(Math.abs(fused.value - ops.value)).toBeLessThan(1e-5);
    fused.grads.forEach((g, i) => {
      let worst = 0;
      let largest = 0;
      g.forEach((x, k) => {
        worst = Math.max(worst, Math.abs(x - ops.grads[i][k]));
        largest = Math.max(largest, Math.abs(ops.grads[i][k]));
      });
      expect(worst, `input ${i}`).toBeLessThan(1e-5);
      expect(largest, `input ${i}`).toBeGreaterThan(1e-2);
    });
  });

  it('runs the fused kernel when asked and the ops when not', async () => {
    for (const fusedKernels of [true, false]) {
      useFusedLstmCell(fusedKernels);
      const profile = await tf.profile(() => {
        const { c, h } = lstmCell(tf.ones([8, 2]), tf.ones([2, 2]));
        return tf.concat([c, h]);
      });
      (profile.result as tf.Tensor).dispose();
      expect(profile.kernelNames.includes(LSTM_FORWARD)).toBe(fusedKernels);
    }
  });
});
