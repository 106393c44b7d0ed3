import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTrainingBackend } from '../../../src/train/backend';
import { attentionRead, attentionReadReference } from '../../../src/train/model/attentionRead';

beforeAll(async () => {
  await useTrainingBackend('wasm');
});

function maxDiff(a: tf.Tensor, b: tf.Tensor): number {
  return tf.tidy(() => tf.max(tf.abs(tf.sub(a, b))).dataSync()[0]);
}

describe('attention read-out with a recomputing gradient', () => {
  for (const empty of [0, 3]) {
    it(`matches autodiff of the plain expression in value and every gradient (${empty} empty slots)`, () => {
      const size = 5;
      const batch = 4;
      let seed = 1;
      const r = (shape: number[]) => tf.randomUniform(shape, -1, 1, 'float32', seed++);
      const y = r([size, batch]) as tf.Tensor2D;
      const v = r([size]) as tf.Tensor1D;
      const keys = [0, 1, 2].map(() => r([size, batch]) as tf.Tensor2D);
      const memory = [0, 1, 2].map(() => r([size, batch]) as tf.Tensor2D);
      const weight = r([size, batch]); // a loss that weighs each output differently
      const inputs = [y, v, ...keys, ...memory];
      const loss = (read: typeof attentionRead) => (...xs: tf.Tensor[]) =>
        tf.sum(tf.mul(read(xs[0] as tf.Tensor2D, xs[1] as tf.Tensor1D, xs.slice(2, 5) as tf.Tensor2D[], xs.slice(5) as tf.Tensor2D[], empty), weight)) as tf.Scalar;
      const ours = tf.grads(loss(attentionRead))(inputs);
      const reference = tf.grads(loss(attentionReadReference))(inputs);
      expect(maxDiff(attentionRead(y, v, keys, memory, empty), attentionReadReference(y, v, keys, memory, empty))).toBeLessThan(1e-6);
      ours.forEach((g, i) => {
        expect(maxDiff(g, reference[i]), `input ${i}`).toBeLessThan(1e-5);
        expect(tf.max(tf.abs(reference[i])).dataSync()[0], `input ${i}`).toBeGreaterThan(1e-3);
      });
    });
  }
});
