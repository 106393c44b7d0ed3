import type { CandidateOrder } from './types';

/**
 * "How sure it is": each candidate carries the mean log-probability per step the model gives its events
 * (temperature 1, no constraints, so a hotter temperature shows up as less sure). The plain label says where
 * a candidate falls among the candidates it was made with: the top third "safe", the bottom third
 * "adventurous", the rest "typical".
 */

export type SureLabel = 'safe' | 'typical' | 'adventurous';

export const SURE_LABEL_TEXT: Record<SureLabel, string> = {
  safe: 'safe',
  typical: 'typical',
  adventurous: 'adventurous',
};

/** The label of `value` within `population` (which may include it); "typical" when there is nothing to compare. */
export function sureLabel(value: number, population: readonly number[]): SureLabel {
  const others = population.filter((_, i) => i !== population.indexOf(value));
  if (others.length === 0) return 'typical';
  const below = others.reduce((n, x) => n + (x < value ? 1 : x === value ? 0.5 : 0), 0);
  const rank = below / others.length;
  if (rank >= 2 / 3) return 'safe';
  if (rank < 1 / 3) return 'adventurous';
  return 'typical';
}

/** Labels for a batch, each against the batch. */
export function sureLabels(values: readonly number[]): SureLabel[] {
  return values.map((v) => sureLabel(v, values));
}

/** Candidates in the order asked for; those without a figure keep their place after the ones with one. */
export function orderCandidates<T extends { number: number; meanLogProb?: number }>(
  candidates: readonly T[],
  order: CandidateOrder,
): T[] {
  if (order === 'made') return [...candidates];
  const sign = order === 'safest' ? -1 : 1;
  return [...candidates].sort((a, b) => {
    if (a.meanLogProb === undefined || b.meanLogProb === undefined) {
      return (a.meanLogProb === undefined ? 1 : 0) - (b.meanLogProb === undefined ? 1 : 0) || a.number - b.number;
    }
    return sign * (a.meanLogProb - b.meanLogProb) || a.number - b.number;
  });
}
