import { describe, expect, it } from 'vitest';
import {
  decodeMelodyEvents,
  encodeMelodyEvents,
  foldIntoRange,
  melodyEventDepth,
  NOTE_OFF,
} from '../../../src/core/melodyEvents';
import type { Note } from '../../../src/core/types';

const range = { minPitch: 48, maxPitch: 83 };
const note = (pitch: number, start: number, length: number): Note => ({ pitch, start, length, velocity: 96 });

describe('melody events (MelodyConverter semantics)', () => {
  it('has one class per pitch plus no-event and note-off', () => {
    expect(melodyEventDepth(range)).toBe(38);
  });

  it('writes a note-on at the start and a note-off at the end', () => {
    expect(Array.from(encodeMelodyEvents([note(60, 0, 2), note(62, 3, 1)], 6, range))).toEqual([
      14,
      0,
      NOTE_OFF,
      16,
      NOTE_OFF,
      0,
    ]);
  });

  it('lets a note that starts where another ends replace that note-off', () => {
    expect(Array.from(encodeMelodyEvents([note(60, 0, 2), note(64, 2, 2)], 4, range))).toEqual([14, 0, 18, 0]);
  });

  it('keeps the highest of notes starting together, as Magenta does', () => {
    expect(Array.from(encodeMelodyEvents([note(60, 0, 1), note(67, 0, 1)], 2, range))).toEqual([21, NOTE_OFF]);
  });

  it('throws for a pitch outside the range unless asked to fold it by octaves', () => {
    expect(() => encodeMelodyEvents([note(90, 0, 1)], 2, range)).toThrow(/outside/);
    expect(Array.from(encodeMelodyEvents([note(90, 0, 1)], 2, range, { fold: true }))).toEqual([2 + 78 - 48, NOTE_OFF]);
    expect(foldIntoRange(30, range)).toBe(54);
  });

  it('decodes back to the same notes', () => {
    const notes = [note(60, 0, 2), note(64, 2, 3), note(71, 8, 8)];
    expect(decodeMelodyEvents(encodeMelodyEvents(notes, 16, range), range)).toEqual(notes);
  });

  it('ends a note at the next note-on, and the last one at the end of the events', () => {
    expect(decodeMelodyEvents([14, 0, 16, 0], range, 80)).toEqual([
      { pitch: 60, start: 0, length: 2, velocity: 80 },
      { pitch: 62, start: 2, length: 2, velocity: 80 },
    ]);
  });
});
