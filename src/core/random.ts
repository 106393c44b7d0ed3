/**
 * The one seeded generator of the project (mulberry32): small, fast, and the same stream in every browser
 * and in Node, so a seed reproduces a proposal, a mutation or a training run exactly.
 */

export interface Rng {
  /** A uniform float in [0, 1). */
  next(): number;
  /** The internal state, to resume a run. */
  state(): number;
}

/** A mulberry32 generator from a 32-bit seed (or a saved state). */
export function createRng(seed: number): Rng {
  let a = seed >>> 0;
  return {
    next() {
      a = (a + 0x6d2b79f5) >>> 0;
      let t = a;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    },
    state: () => a,
  };
}
