import { describe, expect, it } from 'vitest';
import {
  moveNote,
  normalizeMonophonic,
  noteAt,
  removeNoteAt,
  resizePhrase,
  setNoteLength,
  toggleNoteAt,
} from '../../../src/core/edit';
import type { Note } from '../../../src/core/types';
import { n, randomMelody, seededRandom } from './seededRandom';

const TOTAL = 32;

function isMonophonic(notes: Note[], total: number): boolean {
  return notes.every(
    (note, i) =>
      note.length >= 1 &&
      note.start >= 0 &&
      note.start + note.length <= total &&
      (i === 0 || notes[i - 1].start + notes[i - 1].length <= note.start),
  );
}

describe('noteAt', () => {
  const notes = [n(60, 0, 4), n(62, 6, 2)];
  it('finds the note sounding at a step, not only where it starts', () => {
    expect(noteAt(notes, 0)).toBe(notes[0]);
    expect(noteAt(notes, 3)).toBe(notes[0]);
    expect(noteAt(notes, 7)).toBe(notes[1]);
  });
  it('finds nothing in a rest or right after a note ends', () => {
    expect(noteAt(notes, 4)).toBeUndefined();
    expect(noteAt(notes, 8)).toBeUndefined();
  });
});

describe('toggleNoteAt (a click on a grid cell)', () => {
  it('adds a one-step note on an empty cell, with the default velocity', () => {
    expect(toggleNoteAt([], 60, 5, TOTAL)).toEqual([n(60, 5, 1, 96)]);
  });

  it('removes a note when its first cell is clicked', () => {
    expect(toggleNoteAt([n(60, 4, 3)], 60, 4, TOTAL)).toEqual([]);
  });

  it('replaces a note of another pitch starting on that step', () => {
    expect(toggleNoteAt([n(64, 4, 3)], 60, 4, TOTAL)).toEqual([n(60, 4, 1)]);
  });

  it('cuts a note sounding across the step to end there', () => {
    expect(toggleNoteAt([n(64, 2, 6)], 60, 5, TOTAL)).toEqual([n(64, 2, 3), n(60, 5, 1)]);
  });

  it('treats a later cell of the same note as another cell: cut and add', () => {
    expect(toggleNoteAt([n(60, 2, 6)], 60, 5, TOTAL)).toEqual([n(60, 2, 3), n(60, 5, 1)]);
  });

  it('keeps the notes sorted and leaves the input untouched', () => {
    const notes = [n(60, 0), n(62, 8)];
    const copy = structuredClone(notes);
    expect(toggleNoteAt(notes, 67, 4, TOTAL).map((x) => x.start)).toEqual([0, 4, 8]);
    expect(notes).toEqual(copy);
  });

  it('ignores clicks outside the phrase', () => {
    expect(toggleNoteAt([n(60, 0)], 62, TOTAL, TOTAL)).toEqual([n(60, 0)]);
    expect(toggleNoteAt([n(60, 0)], 62, -1, TOTAL)).toEqual([n(60, 0)]);
  });

  it('uses the velocity it is given', () => {
    expect(toggleNoteAt([], 60, 0, TOTAL, 40)[0].velocity).toBe(40);
  });
});

describe('removeNoteAt', () => {
  it('removes only the note starting at the step', () => {
    expect(removeNoteAt([n(60, 0, 4), n(62, 4)], 4)).toEqual([n(60, 0, 4)]);
    expect(removeNoteAt([n(60, 0, 4)], 2)).toEqual([n(60, 0, 4)]);
  });
});

describe('setNoteLength', () => {
  const notes = [n(60, 0, 2), n(62, 6, 1)];

  it('lengthens up to the next note and no further', () => {
    expect(setNoteLength(notes, 0, 4, TOTAL)[0].length).toBe(4);
    expect(setNoteLength(notes, 0, 20, TOTAL)[0].length).toBe(6);
  });

  it('stops at the phrase end', () => {
    expect(setNoteLength(notes, 6, 100, TOTAL)[1].length).toBe(TOTAL - 6);
  });

  it('never shortens below one step', () => {
    expect(setNoteLength(notes, 0, 0, TOTAL)[0].length).toBe(1);
    expect(setNoteLength(notes, 0, -3, TOTAL)[0].length).toBe(1);
  });

  it('changes nothing when no note starts there', () => {
    expect(setNoteLength(notes, 1, 5, TOTAL)).toEqual(notes);
  });
});

describe('moveNote (dragging a note)', () => {
  it('moves a note in time and pitch, keeping its length', () => {
    expect(moveNote([n(60, 0, 3)], 0, 8, 67, TOTAL)).toEqual([n(67, 8, 3)]);
  });

  it('cuts the moved note at the next note when it does not fit', () => {
    expect(moveNote([n(60, 0, 4), n(62, 10)], 0, 8, 60, TOTAL)).toEqual([n(60, 8, 2), n(62, 10)]);
  });

  it('clips at the phrase end and keeps the start inside the phrase', () => {
    expect(moveNote([n(60, 0, 4)], 0, 30, 60, TOTAL)).toEqual([n(60, 30, 2)]);
    expect(moveNote([n(60, 4, 4)], 4, 99, 60, TOTAL)).toEqual([n(60, 31, 1)]);
    expect(moveNote([n(60, 4, 4)], 4, -5, 60, TOTAL)).toEqual([n(60, 0, 4)]);
  });

  it('replaces a note starting where it lands and cuts one sounding across', () => {
    expect(moveNote([n(60, 0), n(64, 8, 2)], 0, 8, 67, TOTAL)).toEqual([n(67, 8, 1)]);
    expect(moveNote([n(60, 0), n(64, 6, 4)], 0, 8, 67, TOTAL)).toEqual([n(64, 6, 2), n(67, 8, 1)]);
  });

  it('can move a note onto its own old span', () => {
    expect(moveNote([n(60, 4, 4)], 4, 6, 62, TOTAL)).toEqual([n(62, 6, 4)]);
  });

  it('changes nothing when no note starts at the origin', () => {
    expect(moveNote([n(60, 4, 4)], 5, 10, 62, TOTAL)).toEqual([n(60, 4, 4)]);
  });
});

describe('normalizeMonophonic', () => {
  it('sorts notes by start', () => {
    expect(normalizeMonophonic([n(62, 8), n(60, 0)], TOTAL).map((x) => x.start)).toEqual([0, 8]);
  });

  it('lets the highest pitch win when notes start together', () => {
    expect(normalizeMonophonic([n(60, 0, 2), n(67, 0, 1), n(64, 0, 4)], TOTAL)).toEqual([n(67, 0, 1)]);
  });

  it('cuts overlapping notes at the next start', () => {
    expect(normalizeMonophonic([n(60, 0, 8), n(62, 4, 2)], TOTAL)).toEqual([n(60, 0, 4), n(62, 4, 2)]);
  });

  it('clips to the phrase and drops notes outside it', () => {
    expect(normalizeMonophonic([n(60, -2), n(62, 30, 8), n(64, 32)], TOTAL)).toEqual([n(62, 30, 2)]);
  });

  it('clamps pitches to the piano and lengths to at least one step', () => {
    expect(normalizeMonophonic([n(5, 0, 0), n(120, 4, 1)], TOTAL)).toEqual([n(21, 0, 1), n(108, 4, 1)]);
  });

  it('drops notes with values that are not numbers', () => {
    expect(normalizeMonophonic([n(Number.NaN, 0), n(60, 2)], TOTAL)).toEqual([n(60, 2)]);
  });

  it('makes any seeded jumble of notes monophonic', () => {
    const random = seededRandom(11);
    for (let trial = 0; trial < 200; trial++) {
      const jumble = Array.from({ length: 12 }, () =>
        n(30 + Math.floor(random() * 60), Math.floor(random() * 40) - 4, Math.floor(random() * 10)),
      );
      expect(isMonophonic(normalizeMonophonic(jumble, TOTAL), TOTAL)).toBe(true);
    }
  });

  it('leaves an already clean melody as it is', () => {
    const melody = randomMelody(seededRandom(3), TOTAL);
    expect(normalizeMonophonic(melody, TOTAL)).toEqual(melody);
  });
});

describe('resizePhrase', () => {
  it('drops notes past the new end and clips the last one', () => {
    expect(resizePhrase([n(60, 0, 4), n(62, 14, 4), n(64, 20)], 16)).toEqual([n(60, 0, 4), n(62, 14, 2)]);
  });

  it('keeps everything when the phrase grows', () => {
    const notes = [n(60, 0, 4), n(62, 14, 2)];
    expect(resizePhrase(notes, 64)).toEqual(notes);
  });
});

describe('the pencil: a clicked note takes a given length', () => {
  it('is that long where there is room, and stops at the next note and the phrase end', () => {
    const n = (pitch: number, start: number, length = 1) => ({ pitch, start, length, velocity: 96 });
    expect(toggleNoteAt([], 60, 4, 32, 96, 4)).toEqual([n(60, 4, 4)]);
    expect(toggleNoteAt([n(62, 6)], 60, 4, 32, 96, 4)).toEqual([n(60, 4, 2), n(62, 6)]);
    expect(toggleNoteAt([], 60, 30, 32, 96, 4)).toEqual([n(60, 30, 2)]);
  });
});
