/**
 * The sampler's seeded draws: tfjs's own multinomial takes a seed too, but its stream differs by backend,
 * and the same seed must give the same candidates everywhere.
 */
import { createRng } from '../core/random';

/** A function returning uniform floats in [0, 1), fully determined by `seed` (any finite number). */
export function seededRandom(seed: number): () => number {
  // The seed is mixed first so that neighbouring seeds (1, 2, 3...) start far apart in the stream.
  const rng = createRng((Math.floor(seed) ^ 0x9e3779b9) >>> 0);
  return () => rng.next();
}
