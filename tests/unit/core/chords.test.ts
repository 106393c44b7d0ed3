import { describe, expect, it } from 'vitest';
import { chordPitches, diatonicChords, isChordSymbol, isNoChord, parseChordSymbol } from '../../../src/core/chords';

describe('chord symbols', () => {
  it('reads root, quality, slash bass and pitch classes', () => {
    expect(parseChordSymbol(' Am7 ')).toEqual({
      symbol: 'Am7',
      root: 'A',
      quality: 'minor seventh',
      pitchClasses: [9, 0, 4, 7],
    });
    expect(parseChordSymbol('G/B')).toMatchObject({ root: 'G', bass: 'B', pitchClasses: [7, 11, 2] });
    expect(parseChordSymbol('Bbmaj7')?.pitchClasses).toEqual([10, 2, 5, 9]);
  });

  it('treats N.C., NC and blanks as no chord, and unknown text as not a chord', () => {
    for (const s of ['N.C.', 'nc', '  ']) {
      expect(isNoChord(s)).toBe(true);
      expect(parseChordSymbol(s)).toBeNull();
    }
    for (const s of ['H7', 'C/H', '<script>', 'Cfoo']) expect(isChordSymbol(s)).toBe(false);
  });

  it('voices a chord closely from a root between C3 and B3, with a slash bass just below', () => {
    expect(chordPitches('C')).toEqual([48, 52, 55]);
    expect(chordPitches('Am')).toEqual([57, 60, 64]);
    expect(chordPitches('G7')).toEqual([55, 59, 62, 65]);
    expect(chordPitches('C/E')).toEqual([40, 48, 52, 55]);
    expect(chordPitches('Dm', 12)).toEqual([62, 65, 69]);
    expect(chordPitches('N.C.')).toEqual([]);
  });

  it('offers the diatonic chords of a key for a picker', () => {
    expect(diatonicChords({ tonic: 'C', scale: 'major' })).toEqual(['C', 'Dm', 'Em', 'F', 'G', 'Am', 'Bdim']);
    expect(diatonicChords({ tonic: 'A', scale: 'minor' })).toEqual(['Am', 'Bdim', 'C', 'Dm', 'Em', 'F', 'G']);
    expect(diatonicChords({ tonic: 'A', scale: 'harmonic minor' })).toContain('E');
    expect(diatonicChords({ tonic: 'D', scale: 'dorian' })).toEqual(['Dm', 'Em', 'F', 'G', 'Am', 'Bdim', 'C']);
    expect(diatonicChords({ tonic: 'C', scale: 'major' }, { sevenths: true })).toEqual([
      'Cmaj7',
      'Dm7',
      'Em7',
      'Fmaj7',
      'G7',
      'Am7',
      'Bm7b5',
    ]);
  });

  it('offers only chords it can voice', () => {
    const keys = ['C', 'F#', 'Bb', 'Eb'].flatMap((tonic) =>
      (['major', 'minor', 'dorian', 'lydian', 'harmonic minor', 'melodic minor', 'blues', 'chromatic'] as const).map(
        (scale) => ({ tonic, scale }),
      ),
    );
    for (const key of keys) {
      for (const symbol of [...diatonicChords(key), ...diatonicChords(key, { sevenths: true })]) {
        expect(chordPitches(symbol).length, `${symbol} in ${key.tonic} ${key.scale}`).toBeGreaterThanOrEqual(3);
      }
    }
  });
});
