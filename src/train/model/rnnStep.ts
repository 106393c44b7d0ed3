/**
 * Step-by-step inference with exactly MusicRNN's arithmetic (tf.basicLSTMCell on concat([x, h]), forget
 * bias 1), for evaluating long sequences and sampling without keeping every step's tensors alive.
 */
import * as tf from '@tensorflow/tfjs';
import { biasName, FC_BIASES, FC_WEIGHTS, kernelName } from './checkpointNames';

export interface RnnState {
  c: tf.Tensor2D[];
  h: tf.Tensor2D[];
}

/** Zero state for a batch of `batch` sequences. */
export function zeroState(vars: Record<string, tf.Tensor>, batch: number): RnnState {
  const c: tf.Tensor2D[] = [];
  const h: tf.Tensor2D[] = [];
  for (let l = 0; vars[kernelName(l)]; l++) {
    const size = vars[biasName(l)].shape[0] / 4;
    c.push(tf.zeros([batch, size]));
    h.push(tf.zeros([batch, size]));
  }
  return { c, h };
}

/**
 * Advances every sequence one step on input `x` [B, inputSize]; returns the log-probabilities of the next
 * event [B, depth] and the new state. Disposes the old state.
 */
export function rnnStep(
  vars: Record<string, tf.Tensor>,
  x: tf.Tensor2D,
  state: RnnState,
): { logProbs: tf.Tensor2D; state: RnnState } {
  const result = tf.tidy(() => {
    const forgetBias = tf.scalar(1);
    const cells = state.c.map(
      (_, l) => (data: tf.Tensor2D, c: tf.Tensor2D, h: tf.Tensor2D) =>
        tf.basicLSTMCell(forgetBias, vars[kernelName(l)] as tf.Tensor2D, vars[biasName(l)] as tf.Tensor1D, data, c, h),
    );
    const [c, h] = tf.multiRNNCell(cells, x, state.c, state.h);
    const logits = tf.add(tf.matMul(h[h.length - 1], vars[FC_WEIGHTS] as tf.Tensor2D), vars[FC_BIASES]);
    return { logProbs: tf.logSoftmax(logits) as tf.Tensor2D, c: c as tf.Tensor2D[], h: h as tf.Tensor2D[] };
  });
  tf.dispose([...state.c, ...state.h]);
  return { logProbs: result.logProbs, state: { c: result.c, h: result.h } };
}
