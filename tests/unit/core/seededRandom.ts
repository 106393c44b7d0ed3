import type { Note } from '../../../src/core/types';

export { seededRandom } from '../../fixtures/random';

/** A random monophonic melody: sorted, non-overlapping notes inside `totalSteps`, pitches in `low..high`. */
export function randomMelody(random: () => number, totalSteps: number, low = 48, high = 84): Note[] {
  const notes: Note[] = [];
  let step = Math.floor(random() * 3);
  while (step < totalSteps) {
    const length = Math.min(1 + Math.floor(random() * 4), totalSteps - step);
    notes.push({
      pitch: low + Math.floor(random() * (high - low + 1)),
      start: step,
      length,
      velocity: 60 + Math.floor(random() * 60),
    });
    step += length + Math.floor(random() * 3);
  }
  return notes;
}

/** Shorthand for a note in tests: n(pitch, start, length = 1). */
export function n(pitch: number, start: number, length = 1, velocity = 96): Note {
  return { pitch, start, length, velocity };
}
