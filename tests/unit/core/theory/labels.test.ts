import { describe, expect, it } from 'vitest';
import {
  analyzeNotes,
  chordToneRole,
  degreeLabel,
  intervalLabel,
  solfegeLabel,
} from '../../../../src/core/theory/labels';
import type { KeySignature, Note } from '../../../../src/core/types';

const C_MAJOR: KeySignature = { tonic: 'C', scale: 'major' };
const note = (pitch: number, start: number, length = 2): Note => ({ pitch, start, length, velocity: 100 });

describe('theory labels', () => {
  it('numbers scale degrees by letter from the tonic, with accidentals against the key', () => {
    expect([60, 62, 64, 65, 67, 69, 71, 72].map((p) => degreeLabel(p, C_MAJOR))).toEqual([
      '1',
      '2',
      '3',
      '4',
      '5',
      '6',
      '7',
      '1',
    ]);
    expect(degreeLabel(63, C_MAJOR)).toBe('♯2'); // D# in C major is written with a sharp
    expect(degreeLabel(70, C_MAJOR)).toBe('♯6');
    expect(degreeLabel(66, { tonic: 'G', scale: 'major' })).toBe('7');
    expect(degreeLabel(63, { tonic: 'C', scale: 'minor' })).toBe('3');
    expect(degreeLabel(64, { tonic: 'C', scale: 'minor' })).toBe('♯3');
    expect(degreeLabel(70, { tonic: 'F', scale: 'major' })).toBe('4');
  });

  it('names movable-do solfège from the tonic', () => {
    expect([60, 62, 64, 65, 67, 69, 71].map((p) => solfegeLabel(p, C_MAJOR))).toEqual([
      'do',
      're',
      'mi',
      'fa',
      'sol',
      'la',
      'ti',
    ]);
    expect(solfegeLabel(74, { tonic: 'G', scale: 'major' })).toBe('sol');
    expect(solfegeLabel(63, { tonic: 'C', scale: 'minor' })).toBe('me');
  });

  it('names intervals between neighbours with their direction', () => {
    expect(intervalLabel(60, 64)).toBe('M3↑');
    expect(intervalLabel(67, 60)).toBe('P5↓');
    expect(intervalLabel(60, 60)).toBe('P1');
    expect(intervalLabel(60, 66)).toBe('TT↑');
    expect(intervalLabel(60, 72)).toBe('P8↑');
    expect(intervalLabel(74, 60)).toBe('M9↓');
  });

  it('marks chord tones by their role and non-chord tones as null', () => {
    expect(chordToneRole(57, 'Am')).toBe('R');
    expect(chordToneRole(60, 'Am')).toBe('3');
    expect(chordToneRole(64, 'Am')).toBe('5');
    expect(chordToneRole(65, 'G7')).toBe('7');
    expect(chordToneRole(62, 'Am')).toBeNull();
    expect(chordToneRole(64, 'N.C.')).toBeNull();
  });

  it('analyses a melody against the chord sounding at each note, intervals in time order', () => {
    const notes = [note(67, 8), note(60, 0), note(62, 4)]; // out of order on purpose
    const chords = [
      { start: 0, symbol: 'C' },
      { start: 4, symbol: 'G' },
    ];
    const theory = analyzeNotes(notes, C_MAJOR, chords);
    expect(theory[1]).toEqual({ degree: '1', solfege: 'do', chord: 'C', chordTone: 'R' });
    expect(theory[2]).toMatchObject({ chord: 'G', chordTone: '5', interval: 'M2↑' });
    expect(theory[0]).toMatchObject({ chord: 'G', chordTone: 'R', interval: 'P4↑' });
  });

  it('leaves chord tones unmarked before the first chord', () => {
    expect(analyzeNotes([note(60, 0)], C_MAJOR, [{ start: 4, symbol: 'C' }])[0]).toEqual({
      degree: '1',
      solfege: 'do',
      chordTone: null,
    });
  });
});
