import { describe, expect, it } from 'vitest';
import { notationToAbc } from '../../../../src/core/notation/abc';
import { beatGroups, groupBoundaries, notePieces, restPieces } from '../../../../src/core/notation/beats';
import { buildNotation } from '../../../../src/core/notation/notationModel';
import type { Note, TimeSignature } from '../../../../src/core/types';

// Engraving: eighths and sixteenths beamed by the beat (dotted-quarter groups in compound metres), rests
// and ties where a printed score puts them.

const C = { tonic: 'C', scale: 'major' } as const;
const ts = (beats: number, beatUnit: number): TimeSignature => ({ beats, beatUnit });
const note = (pitch: number, start: number, length: number): Note => ({ pitch, start, length, velocity: 100 });
/** A run of notes of `length` steps filling `bars` bars, climbing C D E F G... */
const run = (length: number, steps: number): Note[] =>
  Array.from({ length: steps / length }, (_, i) => note([60, 62, 64, 65, 67, 69, 71, 72][i % 8], i * length, length));
const body = (abc: string) =>
  abc
    .split('\n')
    .filter((l) => l && !/^[A-Z]:/.test(l))
    .join('\n');
const abcOf = (notes: Note[], meter: TimeSignature, bars = 1) =>
  body(notationToAbc(buildNotation({ notes, bars, timeSignature: meter, key: C })));

describe('beat groups', () => {
  it('group simple metres by the quarter and compound metres by the dotted quarter', () => {
    expect(beatGroups(ts(4, 4))).toEqual([4, 4, 4, 4]);
    expect(beatGroups(ts(3, 4))).toEqual([4, 4, 4]);
    expect(beatGroups(ts(2, 4))).toEqual([4, 4]);
    expect(beatGroups(ts(6, 8))).toEqual([6, 6]);
    expect(beatGroups(ts(9, 8))).toEqual([6, 6, 6]);
    expect(beatGroups(ts(12, 8))).toEqual([6, 6, 6, 6]);
    expect(beatGroups(ts(3, 8))).toEqual([6]);
    expect(beatGroups(ts(5, 8))).toEqual([4, 6]);
    expect(beatGroups(ts(7, 8))).toEqual([4, 4, 6]);
    expect(beatGroups(ts(2, 2))).toEqual([4, 4, 4, 4]);
  });
});

describe('beams in the ABC text', () => {
  it('4/4: eighths in pairs and sixteenths in fours, one beam a beat', () => {
    expect(abcOf(run(2, 16), ts(4, 4))).toBe('C2D2 E2F2 G2A2 B2c2 |]');
    expect(abcOf(run(1, 16), ts(4, 4))).toBe('CDEF GABc CDEF GABc |]');
  });

  it('3/4 and 2/4: beamed by the quarter', () => {
    expect(abcOf(run(2, 12), ts(3, 4))).toBe('C2D2 E2F2 G2A2 |]');
    expect(abcOf(run(1, 8), ts(2, 4))).toBe('CDEF GABc |]');
  });

  it('6/8 and 9/8: eighths beamed in threes, by the dotted quarter', () => {
    expect(abcOf(run(2, 12), ts(6, 8))).toBe('C2D2E2 F2G2A2 |]');
    expect(abcOf(run(2, 18), ts(9, 8))).toBe('C2D2E2 F2G2A2 B2c2C2 |]');
    // quarter + eighth in each group of a jig
    const jig = [note(60, 0, 4), note(62, 4, 2), note(64, 6, 4), note(65, 10, 2)];
    expect(abcOf(jig, ts(6, 8))).toBe('C4D2 E4F2 |]');
  });

  it('a mix of eighths and sixteenths is beamed within the beat only', () => {
    const notes = [
      note(60, 0, 2),
      note(62, 2, 1),
      note(64, 3, 1),
      note(65, 4, 1),
      note(67, 5, 1),
      note(69, 6, 2),
      note(71, 8, 8),
    ];
    expect(abcOf(notes, ts(4, 4))).toBe('C2DE FGA2 B8 |]');
  });

  it('a rest breaks the beam, and the notes after it in the beat are beamed together', () => {
    const notes = [note(62, 1, 1), note(64, 2, 1), note(65, 3, 1), note(67, 4, 4)];
    expect(abcOf(notes, ts(2, 4))).toBe('z DEF G4 |]');
  });
});

describe('rests and ties as printed', () => {
  const fourFour = groupBoundaries(beatGroups(ts(4, 4)));
  const sixEight = groupBoundaries(beatGroups(ts(6, 8)));

  it('rests start where their own value would, and never hide beat 3 of 4/4', () => {
    expect(restPieces(1, 3, fourFour, 16, false)).toEqual([1, 2]); // not a dotted eighth off the beat
    expect(restPieces(0, 3, fourFour, 16, false)).toEqual([3]); // a dotted eighth rest on the beat
    expect(restPieces(4, 12, fourFour, 16, false)).toEqual([4, 8]);
    expect(restPieces(0, 12, fourFour, 16, false)).toEqual([8, 4]);
    expect(restPieces(4, 8, fourFour, 16, false)).toEqual([4, 4]);
    expect(restPieces(0, 16, fourFour, 16, false)).toEqual([16]);
  });

  it('compound metres rest in dotted quarters on the group, eighths inside it', () => {
    expect(restPieces(0, 6, sixEight, 12, true)).toEqual([6]);
    expect(restPieces(2, 10, sixEight, 12, true)).toEqual([2, 2, 6]);
    expect(restPieces(0, 12, sixEight, 12, true)).toEqual([12]);
  });

  it('a note starting off the beat is tied at the beat; one starting on it may run on', () => {
    expect(notePieces(2, 4, fourFour)).toEqual([2, 2]);
    expect(notePieces(4, 8, fourFour)).toEqual([8]);
    expect(notePieces(4, 4, sixEight)).toEqual([2, 2]); // across the middle of a 6/8 bar
    expect(notePieces(0, 6, sixEight)).toEqual([6]);
  });

  it('writes a syncopated 4/4 bar with ties at the beats and beams inside them', () => {
    // eighth, quarter across beat 2, eighth ... : C2 D2-D2 E2 ...
    const notes = [note(60, 0, 2), note(62, 2, 4), note(64, 6, 2), note(65, 8, 8)];
    expect(abcOf(notes, ts(4, 4))).toBe('C2D2- D2E2 F8 |]');
  });
});
