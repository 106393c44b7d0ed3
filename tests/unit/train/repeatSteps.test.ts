import { describe, expect, it } from 'vitest';
import { HOLD, notesToEvents } from '../../../src/train/corpus/melodyEvents';
import { repeatSteps } from '../../../src/train/eval/repeatsTask';

/** Quarter notes from step 0, one per pitch. */
const quarters = (pitches: number[]) =>
  notesToEvents(pitches.map((pitch, i) => ({ pitch, start: i * 4, end: i * 4 + 4 })));

describe('the steps of a continuation that repeat a motif of the primer', () => {
  it('marks the steps from the second to the fourth note of each window whose motif the primer has', () => {
    const primer = quarters([60, 62, 64, 60, 67, 65, 64, 62]);
    // Up a fifth, same intervals and rhythm as the primer's first four notes, then a motif the primer lacks.
    const continuation = quarters([67, 69, 71, 67, 72, 60, 72, 60]);
    const marks = repeatSteps(primer, continuation);
    expect(Array.from(marks.slice(0, 16))).toEqual([0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0]);
    expect(marks.slice(16).every((m) => m === 0)).toBe(true);
  });

  it('marks nothing when the rhythm differs, and nothing in a continuation of rests', () => {
    const primer = quarters([60, 62, 64, 60]);
    const eighths = notesToEvents([60, 62, 64, 60].map((pitch, i) => ({ pitch, start: i * 2, end: i * 2 + 2 })));
    expect(repeatSteps(primer, eighths).every((m) => m === 0)).toBe(true);
    expect(repeatSteps(primer, new Int16Array(32).fill(HOLD)).every((m) => m === 0)).toBe(true);
  });
});
