/**
 * Step-by-step inference of the attention RNN with exactly Magenta JS's arithmetic (`music_rnn/attention.ts`:
 * the same ops in the same order, conv2d for the memory features included), batched: every row of the batch
 * carries its own LSTM state, attention read-out and memory of the last L outputs.
 */
import * as tf from '@tensorflow/tfjs';
import {
  ATT_INPUT_BIAS,
  ATT_INPUT_KERNEL,
  ATT_OUTPUT_BIAS,
  ATT_OUTPUT_KERNEL,
  ATT_QUERY_KERNEL,
  ATT_V,
  ATT_W,
  attentionBiasName,
  attentionKernelName,
  FC_BIASES,
  FC_WEIGHTS,
} from './checkpointNames';

export interface AttentionState {
  c: tf.Tensor2D[];
  h: tf.Tensor2D[];
  /** Last read-out [B, A]. */
  attention: tf.Tensor2D;
  /** The last L outputs, oldest first [B, L, A] (zeros before L steps have passed). */
  memory: tf.Tensor3D;
}

/** Zero state for `batch` sequences. */
export function zeroAttentionState(
  vars: Record<string, tf.Tensor>,
  batch: number,
  attentionLength: number,
): AttentionState {
  const size = vars[ATT_OUTPUT_BIAS].shape[0];
  const c: tf.Tensor2D[] = [];
  const h: tf.Tensor2D[] = [];
  for (let l = 0; vars[attentionKernelName(l)]; l++) {
    const units = vars[attentionBiasName(l)].shape[0] / 4;
    c.push(tf.zeros([batch, units]));
    h.push(tf.zeros([batch, units]));
  }
  return { c, h, attention: tf.zeros([batch, size]), memory: tf.zeros([batch, attentionLength, size]) };
}

/** Advances every sequence one step on `x` [B, inputSize]; returns log-probabilities [B, depth] and the new state (the old one is disposed). */
export function attentionStep(
  vars: Record<string, tf.Tensor>,
  x: tf.Tensor2D,
  state: AttentionState,
): { logProbs: tf.Tensor2D; state: AttentionState } {
  const result = tf.tidy(() => {
    const forgetBias = tf.scalar(1);
    const size = vars[ATT_OUTPUT_BIAS].shape[0];
    const batch = x.shape[0];
    const length = state.memory.shape[1];
    const cells = state.c.map(
      (_, l) => (data: tf.Tensor2D, c: tf.Tensor2D, h: tf.Tensor2D) =>
        tf.basicLSTMCell(
          forgetBias,
          vars[attentionKernelName(l)] as tf.Tensor2D,
          vars[attentionBiasName(l)] as tf.Tensor1D,
          data,
          c,
          h,
        ),
    );
    const rnnInput = tf.add(
      tf.matMul(tf.concat([x, state.attention], 1), vars[ATT_INPUT_KERNEL] as tf.Tensor2D),
      tf.reshape(vars[ATT_INPUT_BIAS], [1, -1]),
    );
    const [c, h] = tf.multiRNNCell(cells, rnnInput as tf.Tensor2D, state.c, state.h) as [tf.Tensor2D[], tf.Tensor2D[]];
    const hidden = tf.reshape(state.memory, [batch, length, 1, size]) as tf.Tensor4D;
    const features = tf.conv2d(hidden, vars[ATT_W] as tf.Tensor4D, [1, 1], 'same');
    const query = tf.concat(
      c.flatMap((cl, l) => [cl, h[l]]),
      1,
    );
    const y = tf.reshape(tf.matMul(query, vars[ATT_QUERY_KERNEL] as tf.Tensor2D), [batch, 1, 1, size]);
    const scores = tf.sum(tf.mul(vars[ATT_V], tf.tanh(tf.add(features, y))), [2, 3]);
    const weights = tf.softmax(scores);
    const attention = tf.reshape(tf.sum(tf.mul(tf.reshape(weights, [batch, length, 1, 1]), hidden), [1, 2]), [
      batch,
      size,
    ]) as tf.Tensor2D;
    const output = tf.add(
      tf.matMul(tf.concat([h[h.length - 1], attention], 1), vars[ATT_OUTPUT_KERNEL] as tf.Tensor2D),
      vars[ATT_OUTPUT_BIAS],
    ) as tf.Tensor2D;
    const memory = tf.concat(
      [tf.slice(state.memory, [0, 1, 0], [batch, length - 1, size]), tf.reshape(output, [batch, 1, size])],
      1,
    ) as tf.Tensor3D;
    const logits = tf.add(tf.matMul(output, vars[FC_WEIGHTS] as tf.Tensor2D), vars[FC_BIASES]);
    return { logProbs: tf.logSoftmax(logits) as tf.Tensor2D, c, h, attention, memory };
  });
  tf.dispose([...state.c, ...state.h, state.attention, state.memory]);
  return {
    logProbs: result.logProbs,
    state: { c: result.c, h: result.h, attention: result.attention, memory: result.memory },
  };
}
