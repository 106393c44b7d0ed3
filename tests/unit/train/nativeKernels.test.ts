import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTrainingBackend } from '../../../src/train/backend';
import { nativeMatMulCalls } from '../../../src/train/model/nativeMatMul';
import { nativeKernels, nativeKernelsProblem } from '../../../src/train/native/build';

beforeAll(async () => {
  await useTrainingBackend('wasm');
});

/** op(A[b]) · op(B[b]) by the definition, in float64, broadcasting a batch of one. */
function referenceProduct(a: tf.Tensor, b: tf.Tensor, transposeA: boolean, transposeB: boolean): number[] {
  const A = a.arraySync() as number[][][][];
  const B = b.arraySync() as number[][][][];
  const out: number[] = [];
  const batch = Math.max(A.length, B.length);
  for (let i = 0; i < batch; i++) {
    const x = A[A.length === 1 ? 0 : i][0];
    const y = B[B.length === 1 ? 0 : i][0];
    const at = (m: number[][], r: number, c: number, t: boolean) => (t ? m[c][r] : m[r][c]);
    const rows = transposeA ? x[0].length : x.length;
    const inner = transposeA ? x.length : x[0].length;
    const cols = transposeB ? y.length : y[0].length;
    for (let r = 0; r < rows; r++)
      for (let c = 0; c < cols; c++) {
        let s = 0;
        for (let p = 0; p < inner; p++) s += at(x, r, p, transposeA) * at(y, p, c, transposeB);
        out.push(s);
      }
  }
  return out;
}

describe('native training kernels', () => {
  it('build and load on this machine (g++ and Node headers; CI must have them)', () => {
    expect(nativeKernelsProblem()).toBe('');
    expect(nativeKernels()).not.toBeNull();
  });

  it.each([
    // [batchA, batchB, m, k, n]: the LSTM's gate-major products, edges of the 8 x 16 blocks, a broadcast batch
    [1, 1, 512, 256, 32],
    [1, 1, 13, 7, 37],
    [3, 3, 5, 9, 17],
    [1, 4, 6, 3, 20],
    [4, 1, 2, 5, 16],
  ])('BatchMatMul runs natively and matches the definition: batches %i x %i, %i x %i x %i', (ba, bb, m, k, n) => {
    let seed = m * 100 + n;
    for (const transposeA of [false, true])
      for (const transposeB of [false, true]) {
        const a = tf.randomUniform([ba, 1, ...(transposeA ? [k, m] : [m, k])], -1, 1, 'float32', seed++);
        const b = tf.randomUniform([bb, 1, ...(transposeB ? [n, k] : [k, n])], -1, 1, 'float32', seed++);
        const calls = nativeMatMulCalls();
        const got = tf.matMul(a, b, transposeA, transposeB);
        expect(nativeMatMulCalls()).toBe(calls + 1);
        expect(got.shape).toEqual([Math.max(ba, bb), 1, m, n]);
        const want = referenceProduct(a, b, transposeA, transposeB);
        const values = got.dataSync();
        let worst = 0;
        want.forEach((w, i) => (worst = Math.max(worst, Math.abs(values[i] - w))));
        expect(worst, `transposeA ${transposeA} transposeB ${transposeB}`).toBeLessThan(1e-4);
        tf.dispose([a, b, got]);
      }
  });
});
