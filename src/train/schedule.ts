/**
 * What both trainers (the MusicRNN's and the MusicVAE's) do to their optimiser between steps: the rate's schedule
 * (halving on stalls, the closing anneal), the own-input curriculum, and global-norm gradient clipping.
 */
import * as tf from '@tensorflow/tfjs';

/**
 * The rate after a validation that leaves `stale` validations in a row without improvement: halved on every
 * `halveAfter`th (2 by default: one noisy miss is not a plateau; 0 never halves).
 */
export function rateAfterStaleValidation(rate: number, stale: number, halveAfter: number): number {
  return halveAfter > 0 && stale > 0 && stale % halveAfter === 0 ? rate / 2 : rate;
}

/** How far the rate falls by the end of an anneal. */
export const ANNEAL_FACTOR = 10;

/** The multiplier of the rate at `elapsedSeconds` of a `maxMinutes` budget whose last `annealMinutes` anneal. */
export function annealMultiplier(elapsedSeconds: number, maxMinutes: number, annealMinutes: number): number {
  const window = Math.min(annealMinutes, maxMinutes);
  if (window <= 0) return 1;
  const start = (maxMinutes - window) * 60;
  const fraction = Math.min(1, Math.max(0, (elapsedSeconds - start) / (window * 60)));
  return ANNEAL_FACTOR ** -fraction;
}

/**
 * The share of steps fed the model's own events now: `rate` throughout, or with `ramp` rising linearly from 0
 * to `rate` over the budget (Bengio et al.'s curriculum: the model first learns from real inputs, then more and
 * more from its own, which a fixed share measured to cost teacher-forced NLL from the first steps).
 */
export function ownInputRate(rate: number, ramp: boolean, elapsedSeconds: number, maxMinutes: number): number {
  if (!ramp || maxMinutes <= 0) return rate;
  return rate * Math.min(1, Math.max(0, elapsedSeconds / (maxMinutes * 60)));
}

/** Adam keeps its rate in a protected field; changing it between steps is how tfjs schedules rates. */
export function setLearningRate(optimizer: tf.AdamOptimizer, rate: number): void {
  (optimizer as unknown as { learningRate: number }).learningRate = rate;
}

export function clipByGlobalNorm(grads: tf.NamedTensorMap, maxNorm: number): tf.NamedTensorMap {
  return tf.tidy(() => {
    const norm = tf.sqrt(tf.addN(Object.values(grads).map((g) => tf.sum(tf.square(g)))));
    const scale = tf.div(maxNorm, tf.maximum(norm, maxNorm));
    const out: tf.NamedTensorMap = {};
    for (const [k, g] of Object.entries(grads)) out[k] = tf.mul(g, scale);
    return out;
  });
}
