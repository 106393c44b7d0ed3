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
