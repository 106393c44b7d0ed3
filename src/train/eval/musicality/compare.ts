/**
 * Generated phrases against real ones, feature by feature: the mean of each side and the overlapping area
 * of their distributions (kdeOverlap.ts), and the mean overlap over all features.
 */
import { overlapArea } from './kdeOverlap';
import { FEATURE_NAMES, type FeatureName, type PhraseFeatures } from './phraseFeatures';

export interface FeatureComparison {
  feature: FeatureName;
  realMean: number;
  generatedMean: number;
  overlap: number;
}

export interface Comparison {
  features: FeatureComparison[];
  meanOverlap: number;
  phrases: number;
}

/** The mean of `xs` (0 for none). */
export function mean(xs: number[]): number {
  return xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : 0;
}

/** Compares the feature distributions of generated phrases with those of real phrases. */
export function compareFeatures(real: PhraseFeatures[], generated: PhraseFeatures[]): Comparison {
  const features = FEATURE_NAMES.map((feature) => {
    const r = real.map((f) => f[feature]);
    const g = generated.map((f) => f[feature]);
    return { feature, realMean: mean(r), generatedMean: mean(g), overlap: overlapArea(r, g) };
  });
  return { features, meanOverlap: mean(features.map((f) => f.overlap)), phrases: generated.length };
}
