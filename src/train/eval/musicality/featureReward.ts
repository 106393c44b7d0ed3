/**
 * A reward for whole phrases that pulls a model's feature distributions toward real ones (`--phrase-reward`,
 * phraseTuning.ts). For each musicality feature f, the reward of a phrase x is log p_f(x_f) - log q_f(x_f): p_f the
 * density of f over real continuations, q_f over the model's own recent phrases (Gaussian KDEs, Silverman's
 * bandwidth, as the overlap measure). Its expectation under the model is -KL(q_f || p_f), so the policy gradient
 * of this reward is the gradient of that divergence: phrases whose feature values the model writes more often than
 * real tunes have them are discouraged, rarer ones encouraged, and a distribution that already matches gets no push.
 * Plain data in, plain data out, but for FeatureMemory, the model's side kept between steps.
 */
import { kdeDensity, overlapArea, silvermanBandwidth } from './kdeOverlap';
import { FEATURE_NAMES } from './phraseFeatures';
import type { RewardFeatureName } from './rewardFeatures';

/** One phrase's feature values by name (PhraseFeatures, or RewardFeatures with the shape features). */
export type FeatureValues = Readonly<Record<string, number>>;

/** A log ratio past this many nats is an estimate from empty KDE tails, not information; clipped. */
export const LOG_RATIO_CLIP = 3;

/** One feature's real and model samples with their bandwidths, ready to evaluate. */
interface FeatureDensities {
  feature: RewardFeatureName;
  real: number[];
  realBandwidth: number;
  model: number[];
  modelBandwidth: number;
}

function densities(
  real: FeatureValues[],
  model: FeatureValues[],
  features: readonly RewardFeatureName[],
): FeatureDensities[] {
  return features.map((feature) => {
    const r = real.map((x) => x[feature]);
    const m = model.map((x) => x[feature]);
    return { feature, real: r, realBandwidth: silvermanBandwidth(r), model: m, modelBandwidth: silvermanBandwidth(m) };
  });
}

/** log p(x) - log q(x) for one feature value, clipped to ±LOG_RATIO_CLIP (densities floored so empty tails stay finite). */
function logRatio(d: FeatureDensities, x: number): number {
  const p = Math.max(kdeDensity(d.real, d.realBandwidth, x), 1e-12);
  const q = Math.max(kdeDensity(d.model, d.modelBandwidth, x), 1e-12);
  return Math.max(-LOG_RATIO_CLIP, Math.min(LOG_RATIO_CLIP, Math.log(p) - Math.log(q)));
}

/** Weights of the features in a phrase's reward; a feature left out weighs 1. */
export type FeatureWeights = Partial<Record<RewardFeatureName, number>>;

/**
 * The reward of each of `phrases`: the weighted mean over `features` (all of them by default) of the clipped log
 * density ratio of real phrases (`real`) to the model's (`model`, its recent phrases; include the scored ones).
 */
export function phraseRewards(
  real: FeatureValues[],
  model: FeatureValues[],
  phrases: FeatureValues[],
  features: readonly RewardFeatureName[] = FEATURE_NAMES,
  weights: FeatureWeights = {},
): number[] {
  if (model.length < 2) throw new Error('the model side of the reward needs at least two phrases');
  if (features.length === 0) throw new Error('the reward needs at least one feature');
  const ds = densities(real, model, features);
  const w = features.map((f) => weights[f] ?? 1);
  const total = w.reduce((s, x) => s + x, 0);
  if (!(total > 0)) throw new Error('the feature weights must not all be 0');
  return phrases.map((x) => ds.reduce((s, d, i) => s + w[i] * logRatio(d, x[d.feature]), 0) / total);
}

/**
 * Weights that put the reward where the model is farthest off (`--phrase-focus`): 1 - the overlapping area of
 * each feature's model and real distributions (the measure's own terms), so a feature that already matches adds
 * little but noise and the mean overlap's weakest terms pull hardest.
 */
export function mismatchWeights(
  real: FeatureValues[],
  model: FeatureValues[],
  features: readonly RewardFeatureName[] = FEATURE_NAMES,
): FeatureWeights {
  const weights: FeatureWeights = {};
  for (const f of features)
    weights[f] =
      1 -
      overlapArea(
        real.map((x) => x[f]),
        model.map((x) => x[f]),
      );
  return weights;
}

/**
 * The weights a step's reward uses: the mismatch weights with `focus`, else 1 each, times each feature's `boost`
 * (`--phrase-boost`: a feature the eval counts as much as any other but the model is slow to move, such as motif
 * reuse, can be made to pull harder without dropping the rest).
 */
export function rewardWeights(
  real: FeatureValues[],
  model: FeatureValues[],
  features: readonly RewardFeatureName[],
  focus: boolean,
  boost: FeatureWeights = {},
): FeatureWeights {
  const base = focus ? mismatchWeights(real, model, features) : {};
  const weights: FeatureWeights = {};
  for (const f of features) weights[f] = (base[f] ?? 1) * (boost[f] ?? 1);
  return weights;
}

/**
 * Advantages for a policy gradient over groups of phrases that continue the same primer (phrase i is in group
 * i % groups, the order phraseRequests makes): each reward minus its group's mean, so what one primer makes
 * easy is no credit, then scaled to a root mean square of 1 over the batch, so the loss weight alone sets how
 * hard the reward pulls. All equal rewards give zeros.
 */
export function groupAdvantages(rewards: number[], groups: number): number[] {
  const sums = new Array<number>(groups).fill(0);
  const counts = new Array<number>(groups).fill(0);
  rewards.forEach((r, i) => {
    sums[i % groups] += r;
    counts[i % groups]++;
  });
  const centred = rewards.map((r, i) => r - sums[i % groups] / counts[i % groups]);
  const rms = Math.sqrt(centred.reduce((s, a) => s + a * a, 0) / Math.max(centred.length, 1));
  return rms > 1e-9 ? centred.map((a) => a / rms) : centred.map(() => 0);
}

/** The model's most recent phrases' features, at most `capacity` (oldest dropped first). */
export class FeatureMemory<T extends FeatureValues = FeatureValues> {
  private items: T[] = [];
  constructor(readonly capacity: number) {}

  add(features: T[]): void {
    this.items.push(...features);
    if (this.items.length > this.capacity) this.items.splice(0, this.items.length - this.capacity);
  }

  get phrases(): T[] {
    return this.items;
  }
}
