/** Seeded randomness for shuffles, augmentation and sampling, so training runs repeat exactly. */
import { createRng, type Rng } from '../core/random';

export { createRng, type Rng };

/** Fisher-Yates shuffle in place. */
export function shuffle<T>(items: T[], rng: Rng): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(rng.next() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}

/**
 * The fixed subset of `count` windows every validation of a run scores: the same seed in every trainer, so a
 * later measurement (`npm run measure:fit`) scores exactly the windows the training log reported.
 */
export function validationSubset<T>(windows: readonly T[], count: number): T[] {
  return shuffle(windows.slice(), createRng(12345)).slice(0, count);
}

/** Draws a class from softmax(row / temperature) with one uniform number u in [0, 1). */
export function sampleClass(row: number[], temperature: number, u: number): number {
  const max = Math.max(...row);
  const weights = row.map((v) => Math.exp((v - max) / temperature));
  let left = u * weights.reduce((a, b) => a + b, 0);
  for (let k = 0; k < weights.length; k++) {
    left -= weights[k];
    if (left < 0) return k;
  }
  return weights.length - 1;
}
