/**
 * What the phrase reward (featureReward.ts) can match: the eval's musicality features, plus where in the phrase it
 * reuses the primer's motifs, which the eval only reports (motifReuseByBar). Real folk continuations bring new
 * material first and restate the opening in their second half (reuse by bar about 0.16, 0.03, 0.65, 0.62); a model
 * rewarded on reuse alone reuses all along, and its phrases narrow (fewer pitch classes). Matching both halves asks
 * for the reuse where real tunes put it.
 */
import { eventsToNotes } from '../../corpus/melodyEvents';
import { motifReuseByBar } from './motifs';
import { FEATURE_LABELS, FEATURE_NAMES, phraseFeatures, type FeatureName } from './phraseFeatures';

export const SHAPE_FEATURE_NAMES = ['reuseFirstHalf', 'reuseSecondHalf'] as const;
export const REWARD_FEATURE_NAMES = [...FEATURE_NAMES, ...SHAPE_FEATURE_NAMES] as const;

export type RewardFeatureName = FeatureName | (typeof SHAPE_FEATURE_NAMES)[number];
export type RewardFeatures = Record<RewardFeatureName, number>;

export const REWARD_FEATURE_LABELS: Record<RewardFeatureName, string> = {
  ...FEATURE_LABELS,
  reuseFirstHalf: "motif reuse in the phrase's first half",
  reuseSecondHalf: "motif reuse in the phrase's second half",
};

/** Reused over all motifs starting in bars [from, to); 0 when none start there. */
function share(counts: { motifs: number[]; reused: number[] }, from: number, to: number): number {
  const sum = (xs: number[]) => xs.slice(from, to).reduce((s, x) => s + x, 0);
  const motifs = sum(counts.motifs);
  return motifs > 0 ? sum(counts.reused) / motifs : 0;
}

/** The musicality features of `phrase` and the reuse of `primer`'s motifs in each half of its whole bars. */
export function rewardFeatures(
  phrase: ArrayLike<number>,
  primer: ArrayLike<number>,
  stepsPerBar: number,
): RewardFeatures {
  const bars = Math.floor(phrase.length / stepsPerBar);
  const half = Math.ceil(bars / 2);
  const counts = motifReuseByBar(eventsToNotes(phrase), eventsToNotes(primer), stepsPerBar, bars);
  return {
    ...phraseFeatures(phrase, primer, stepsPerBar),
    reuseFirstHalf: share(counts, 0, half),
    reuseSecondHalf: share(counts, half, bars),
  };
}
