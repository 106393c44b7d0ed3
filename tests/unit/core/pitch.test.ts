import { describe, expect, it } from 'vitest';
import { parsePitchName, pitchClass, pitchName } from '../../../src/core/pitch';

describe('pitch names', () => {
  it('names MIDI numbers in scientific notation with sharps, 60 = C4', () => {
    expect(pitchName(60)).toBe('C4');
    expect(pitchName(78)).toBe('F#5');
    expect(pitchName(21)).toBe('A0');
    expect(pitchName(108)).toBe('C8');
    expect(pitchName(0)).toBe('C-1');
    expect(pitchName(59)).toBe('B3');
    expect(pitchName(127)).toBe('G9');
  });

  it('reads back every name it writes', () => {
    for (let midi = 0; midi <= 127; midi++) expect(parsePitchName(pitchName(midi))).toBe(midi);
  });

  it('reads flats, lower case and enharmonic spellings across the octave line', () => {
    expect(parsePitchName('Bb3')).toBe(58);
    expect(parsePitchName('f#5')).toBe(78);
    expect(parsePitchName('E♭2')).toBe(39);
    expect(parsePitchName('B#3')).toBe(60);
    expect(parsePitchName('Cb4')).toBe(59);
  });

  it('refuses what is not a pitch or lies outside MIDI', () => {
    for (const bad of ['', 'H4', 'C', '4', 'C#', 'C##b4', 'G#9', 'C-2', 'C4 step 1']) {
      expect(parsePitchName(bad)).toBeNull();
    }
  });

  it('gives pitch classes 0..11 with C = 0', () => {
    expect(pitchClass(60)).toBe(0);
    expect(pitchClass(71)).toBe(11);
    expect(pitchClass(-1)).toBe(11);
  });
});
