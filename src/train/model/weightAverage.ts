/**
 * An exponential moving average of the weights (Polyak averaging, `--average-decay`), kept beside the trained
 * variables. Validation scores the average and the best checkpoint is the average's weights. Adam's steps leave
 * the weights jittering around where the loss is low (melody-rnn-v56's validation moved by up to 0.008 between
 * neighbouring validations, and the trainer's halving rule read that noise as a plateau); the average sits nearer
 * the middle of that jitter, and it costs one multiply-add per weight per step.
 */
import * as tf from '@tensorflow/tfjs';

/**
 * The decay of the `updates`th update: the chosen decay, held lower over the first updates (TensorFlow's
 * ExponentialMovingAverage with num_updates), so the average follows a warm-started model's first steps instead
 * of dragging its initial weights along for thousands of steps.
 */
export function averageDecay(decay: number, updates: number): number {
  return Math.min(decay, (1 + updates) / (10 + updates));
}

/**
 * A copy of each variable, by the same checkpoint names, to average into (not trainable). It starts on the
 * variable's own buffer (tfjs counts the reference) and gets its own at the first update, as `assign` swaps buffers.
 */
export function createWeightAverage(vars: Record<string, tf.Variable>): Record<string, tf.Variable> {
  const average: Record<string, tf.Variable> = {};
  for (const [name, v] of Object.entries(vars)) average[name] = tf.variable(v, false, `${v.name}_average`);
  return average;
}

/** average = decay * average + (1 - decay) * weights, for every variable. */
export function updateWeightAverage(
  average: Record<string, tf.Variable>,
  vars: Record<string, tf.Tensor>,
  decay: number,
): void {
  tf.tidy(() => {
    for (const [name, a] of Object.entries(average)) a.assign(tf.add(tf.mul(a, decay), tf.mul(vars[name], 1 - decay)));
  });
}
