/**
 * A small seeded PRNG (mulberry32) for the sampler's multinomial draws: tfjs's own multinomial takes a seed
 * too, but its stream differs by backend, and the same seed must give the same candidates everywhere.
 */

/** A function returning uniform floats in [0, 1), fully determined by `seed` (any finite number). */
export function seededRandom(seed: number): () => number {
  let state = (Math.floor(seed) ^ 0x9e3779b9) >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
