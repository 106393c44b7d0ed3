import * as tf from '@tensorflow/tfjs';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { useTrainingBackend } from '../../../src/train/backend';
import {
  attentionRead,
  attentionReadReference,
  attentionReadWithWeights,
  emptySlotBias,
  useFusedAttentionRead,
} from '../../../src/train/model/attentionRead';
import { ATTENTION_READ_FORWARD } from '../../../src/train/model/attentionReadKernels';

beforeAll(async () => {
  await useTrainingBackend('wasm');
});

function maxDiff(a: tf.Tensor, b: tf.Tensor): number {
  return tf.tidy(() => tf.max(tf.abs(tf.sub(a, b))).dataSync()[0]);
}

describe.each([
  ['fused wasm kernels', true],
  ['tfjs ops', false],
])('attention read-out with a hand-written gradient (%s)', (_, fusedKernels) => {
  let was = true;
  beforeEach(() => {
    was = useFusedAttentionRead(fusedKernels);
  });
  afterEach(() => {
    useFusedAttentionRead(was);
  });

  it('runs on the path it names, and a gradient step leaves no tensors behind', async () => {
    // Batch 2: the tfjs-ops path crashes the wasm heap at batch 1 (training never reads a batch of 1).
    const x = tf.ones([2, 2, 3]) as tf.Tensor3D;
    const before = tf.memory().numTensors;
    const profile = await tf.profile(() =>
      tf.tidy(() =>
        tf.grad((k: tf.Tensor) => tf.sum(attentionRead(tf.ones([2, 3]), tf.ones([3]), k as tf.Tensor3D, x)))(x),
      ),
    );
    (profile.result as tf.Tensor).dispose();
    x.dispose();
    expect(tf.memory().numTensors).toBe(before - 1);
    expect(profile.kernelNames.includes(ATTENTION_READ_FORWARD)).toBe(fusedKernels);
  });

  it('matches autodiff of the textbook expression in value and every gradient, zero (unwritten) slots included', () => {
    checkAgainstReference(attentionRead, (...xs) => attentionReadReference(...xs), 0);
  });

  it('with the weights appended (copy supervision), matches in value and every gradient, through both parts', () => {
    checkAgainstReference(attentionReadWithWeights, (...xs) => attentionReadReference(...xs, true), 5);
  });

  it('with a score bias (unwritten slots counted in one zero slot), matches in value and every gradient', () => {
    const bias = emptySlotBias(3, 4);
    checkAgainstReference(
      (y2, v, k, m) => attentionReadWithWeights(y2, v, k, m, bias),
      (...xs) => attentionReadReference(...xs, true, bias),
      5,
    );
  });

  it('reads a filling memory as its written slots plus one zero slot weighted by the unwritten count', () => {
    const [batch, size] = [2, 3];
    let seed = 11;
    const r = (shape: number[]) => tf.randomUniform(shape, -1, 1, 'float32', seed++);
    const y2 = r([batch, size]) as tf.Tensor2D;
    const v = r([size]) as tf.Tensor1D;
    const writtenKeys = r([batch, 2, size]);
    const writtenMemory = r([batch, 2, size]);
    // L = 6 with 2 written: four zero slots in full, or one zero slot with a bias of log 4.
    const full = (x: tf.Tensor) => tf.concat([tf.zeros([batch, 4, size]), x], 1) as tf.Tensor3D;
    const short = (x: tf.Tensor) => tf.concat([tf.zeros([batch, 1, size]), x], 1) as tf.Tensor3D;
    const want = attentionReadWithWeights(y2, v, full(writtenKeys), full(writtenMemory));
    const got = attentionReadWithWeights(y2, v, short(writtenKeys), short(writtenMemory), emptySlotBias(4, 2));
    expect(maxDiff(tf.slice(got, [0, 0], [batch, size]), tf.slice(want, [0, 0], [batch, size]))).toBeLessThan(1e-6);
    // The written slots' weights are the same; the zero slot holds the four unwritten ones' weight.
    expect(maxDiff(tf.slice(got, [0, size + 1], [batch, 2]), tf.slice(want, [0, size + 4], [batch, 2]))).toBeLessThan(
      1e-6,
    );
  });
});

type Read = (y2: tf.Tensor2D, v: tf.Tensor1D, keys2: tf.Tensor3D, memory: tf.Tensor3D) => tf.Tensor2D;

function checkAgainstReference(read: Read, referenceRead: Read, extraColumns: number): void {
  const [batch, length, size] = [4, 5, 6];
  let seed = 1;
  const r = (shape: number[]) => tf.randomUniform(shape, -1, 1, 'float32', seed++);
  const y2 = r([batch, size]) as tf.Tensor2D;
  const v = r([size]) as tf.Tensor1D;
  // The first two slots are zeros, as before two steps have passed.
  const zeros = tf.zeros([batch, 2, size]);
  const keys2 = tf.concat([zeros, r([batch, length - 2, size])], 1) as tf.Tensor3D;
  const memory = tf.concat([zeros, r([batch, length - 2, size])], 1) as tf.Tensor3D;
  const weight = r([batch, size + extraColumns]); // a loss that weighs each output differently
  const inputs = [y2, v, keys2, memory];
  const loss =
    (candidate: Read) =>
    (...xs: tf.Tensor[]) =>
      tf.sum(
        tf.mul(
          candidate(xs[0] as tf.Tensor2D, xs[1] as tf.Tensor1D, xs[2] as tf.Tensor3D, xs[3] as tf.Tensor3D),
          weight,
        ),
      ) as tf.Scalar;
  const ours = tf.grads(loss(read))(inputs);
  const reference = tf.grads(loss(referenceRead))(inputs);
  expect(maxDiff(read(y2, v, keys2, memory), referenceRead(y2, v, keys2, memory))).toBeLessThan(1e-6);
  ours.forEach((g, i) => {
    expect(maxDiff(g, reference[i]), `input ${i}`).toBeLessThan(1e-5);
    expect(tf.max(tf.abs(reference[i])).dataSync()[0], `input ${i}`).toBeGreaterThan(1e-3);
  });
}
