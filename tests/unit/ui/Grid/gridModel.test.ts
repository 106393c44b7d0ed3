import { describe, expect, it, test } from 'vitest';
import { keyboardAnchor, spanBetween, stepAtX } from '../../../../src/ui/Grid/selectionModel';
import {
  CELL_END,
  CELL_ON,
  CELL_START,
  cellFlags,
  noteOfPitchAt,
  rowPitches,
  rowSignatures,
} from '../../../../src/ui/Grid/gridModel';
import type { Note } from '../../../../src/core/types';

const note = (pitch: number, start: number, length: number): Note => ({ pitch, start, length, velocity: 96 });

describe('grid model', () => {
  test('rows run from the highest pitch down to the lowest', () => {
    expect(rowPitches(60, 63)).toEqual([63, 62, 61, 60]);
  });

  test('each pitch gets a signature of its notes, so unchanged rows compare equal', () => {
    const notes = [note(60, 0, 2), note(64, 4, 1), note(60, 8, 3)];
    const sig = rowSignatures(notes);
    expect(sig.get(60)).toBe('0:2,8:3');
    expect(sig.get(64)).toBe('4:1');
    expect(sig.has(62)).toBe(false);
    // Editing the E leaves the C row's signature equal by value.
    expect(rowSignatures([note(60, 0, 2), note(64, 5, 1), note(60, 8, 3)]).get(60)).toBe(sig.get(60));
  });

  test('cell flags mark where a note sounds, where it starts and where it ends', () => {
    const flags = Array.from(cellFlags('1:3,6:1', 8));
    expect(flags).toEqual([
      0,
      CELL_ON | CELL_START,
      CELL_ON,
      CELL_ON | CELL_END,
      0,
      0,
      CELL_ON | CELL_START | CELL_END,
      0,
    ]);
  });

  test('a note running past the phrase end is cut at the last cell', () => {
    const flags = cellFlags('6:4', 8);
    expect(flags[7]).toBe(CELL_ON | CELL_END);
    expect(flags.length).toBe(8);
  });

  test('the note under a cell is found by pitch and step', () => {
    const notes = [note(60, 0, 4), note(62, 4, 2)];
    expect(noteOfPitchAt(notes, 60, 3)).toBe(notes[0]);
    expect(noteOfPitchAt(notes, 60, 4)).toBeUndefined();
    expect(noteOfPitchAt(notes, 62, 5)).toBe(notes[1]);
  });
});

describe('selection arithmetic', () => {
  it('spans anchor to focus inclusively, in either order', () => {
    expect(spanBetween(4, 7)).toEqual({ start: 4, end: 8 });
    expect(spanBetween(7, 4)).toEqual({ start: 4, end: 8 });
    expect(spanBetween(3, 3)).toEqual({ start: 3, end: 4 });
  });
  it('grows from the end away from the focus', () => {
    expect(keyboardAnchor(null, 5)).toBe(5);
    expect(keyboardAnchor({ start: 4, end: 8 }, 7)).toBe(4);
    expect(keyboardAnchor({ start: 4, end: 8 }, 4)).toBe(7);
  });
  it('finds the step under a ruler point, clamped to the phrase', () => {
    expect(stepAtX(144, 44, 320, 32)).toBe(10);
    expect(stepAtX(0, 44, 320, 32)).toBe(0);
    expect(stepAtX(1000, 44, 320, 32)).toBe(31);
  });
});
