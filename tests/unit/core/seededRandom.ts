import type { Note } from '../../../src/core/types';

/** mulberry32: a tiny seeded generator so property-style tests are repeatable. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A random monophonic melody: sorted, non-overlapping notes inside `totalSteps`, pitches in `low..high`. */
export function randomMelody(random: () => number, totalSteps: number, low = 48, high = 84): Note[] {
  const notes: Note[] = [];
  let step = Math.floor(random() * 3);
  while (step < totalSteps) {
    const length = Math.min(1 + Math.floor(random() * 4), totalSteps - step);
    notes.push({ pitch: low + Math.floor(random() * (high - low + 1)), start: step, length, velocity: 60 + Math.floor(random() * 60) });
    step += length + Math.floor(random() * 3);
  }
  return notes;
}

/** Shorthand for a note in tests: n(pitch, start, length = 1). */
export function n(pitch: number, start: number, length = 1, velocity = 96): Note {
  return { pitch, start, length, velocity };
}
