import * as tf from '@tensorflow/tfjs';

/**
 * `rows · weights` on the tfjs backend, read back into JS, plus `bias` added here: the one dense product the
 * sampler and the teacher-forced runner both make per step. Not `tf.fused.matMul`: on wasm it measured 3x
 * slower for one row and no faster for eight; a separate add kernel cost as much as the product itself at
 * this size.
 */
export function rowsMatMul(rows: Float32Array, batch: number, weights: tf.Tensor2D, bias: Float32Array): Float32Array {
  const input = tf.tensor2d(rows, [batch, rows.length / batch]);
  const out = tf.matMul(input, weights);
  const values = out.dataSync() as Float32Array;
  tf.dispose([input, out]);
  const width = bias.length;
  for (let i = 0; i < values.length; i++) values[i] += bias[i % width];
  return values;
}
