/**
 * Validation of a MusicVAE during training: the teacher-forced reconstruction NLL from z = mu, the KL of
 * q(z | x) from the prior, and the share of steps a greedy decoding of mu gets right (the issue's
 * reconstruction measure), over a fixed set of windows, without gradients.
 */
import * as tf from '@tensorflow/tfjs';
import { decodeClasses, decoderLogits, encodeColumns, klDivergence } from './vaeGraph';
import type { VaeSpec } from './vaeSpec';
import { disposeVaeBatch, makeVaeBatch, type VaeWindow } from './vaeWindows';

export interface VaeValidation {
  /** Summed cross-entropy per window (nats), decoding from mu with teacher forcing. */
  reconstructionNll: number;
  /** Mean KL(q(z|x) || N(0, I)) per window, nats. */
  klNats: number;
  /** Share of steps equal after encoding to mu and decoding greedily. */
  greedyAccuracy: number;
}

/** Scores `windows` in batches of `batchSize`. */
export function validateVae(
  vars: Record<string, tf.Tensor>,
  spec: VaeSpec,
  windows: VaeWindow[],
  batchSize: number,
): VaeValidation {
  let nll = 0;
  let kl = 0;
  let equal = 0;
  for (let i = 0; i < windows.length; i += batchSize) {
    const batch = makeVaeBatch(spec, windows.slice(i, i + batchSize));
    const size = batch.steps[0].shape[0];
    const b = batch.classes.length;
    const mu = tf.tidy(() => {
      const q = encodeColumns(vars, batch.steps);
      const previous = [tf.zeros([size, b]) as tf.Tensor2D, ...batch.steps.slice(0, -1)];
      const logits = decoderLogits(vars, q.mu, previous);
      const ce = tf.neg(tf.sum(tf.mul(tf.logSoftmax(logits), tf.oneHot(batch.targets, size))));
      nll += ce.dataSync()[0];
      kl += tf.sum(klDivergence(q.mu, q.sigma)).dataSync()[0];
      return q.mu;
    });
    const decoded = decodeClasses(vars, mu, spec.numSteps);
    mu.dispose();
    decoded.forEach((row, k) => row.forEach((cls, t) => (equal += cls === batch.classes[k][t] ? 1 : 0)));
    disposeVaeBatch(batch);
  }
  const n = Math.max(windows.length, 1);
  return { reconstructionNll: nll / n, klNats: kl / n, greedyAccuracy: equal / (n * spec.numSteps) };
}
