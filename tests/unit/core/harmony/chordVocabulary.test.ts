import { describe, expect, it } from 'vitest';
import { parseChordSymbol } from '../../../../src/core/chords';
import { chordVocabulary } from '../../../../src/core/harmony/chordVocabulary';

describe('the chords Suggest chords chooses from', () => {
  it('in C major: the diatonic triads and sevenths, iv, bIII, bVI, bVII and the secondary dominants', () => {
    const v = chordVocabulary({ tonic: 'C', scale: 'major' });
    expect(v).toMatchObject({ family: 'major', tonic: 0, covered: true });
    expect(v.symbols.slice(0, 7)).toEqual(['C', 'Dm', 'Em', 'F', 'G', 'Am', 'Bdim']);
    expect(v.symbols).toEqual(
      expect.arrayContaining(['Cmaj7', 'Dm7', 'G7', 'Bm7b5', 'Fm', 'Eb', 'Ab', 'Bb', 'D7', 'E7', 'A7', 'C7']),
    );
  });

  it('in A minor: the natural minor chords plus the dominant E and E7, IV and the Picardy A', () => {
    const v = chordVocabulary({ tonic: 'A', scale: 'minor' });
    expect(v).toMatchObject({ family: 'minor', tonic: 9, covered: true });
    expect(v.symbols.slice(0, 7)).toEqual(['Am', 'Bdim', 'C', 'Dm', 'Em', 'F', 'G']);
    expect(v.symbols).toEqual(expect.arrayContaining(['E', 'E7', 'D', 'A', 'B7']));
  });

  it('spells flat keys with flats and lists every chord once', () => {
    const v = chordVocabulary({ tonic: 'Eb', scale: 'major' });
    expect(v.symbols.slice(0, 7)).toEqual(['Eb', 'Fm', 'Gm', 'Ab', 'Bb', 'Cm', 'Ddim']);
    const ids = v.symbols.map((s) => parseChordSymbol(s)!.pitchClasses.join());
    expect(new Set(ids).size).toBe(ids.length);
    for (const s of v.symbols) expect(parseChordSymbol(s)).not.toBeNull();
  });

  it('uses the parent scale for pentatonics and falls back to the 24 triads for scales without usual chords', () => {
    expect(chordVocabulary({ tonic: 'G', scale: 'major pentatonic' }).symbols.slice(0, 7)).toEqual([
      'G',
      'Am',
      'Bm',
      'C',
      'D',
      'Em',
      'F#dim',
    ]);
    for (const scale of ['chromatic', 'blues', 'locrian'] as const) {
      const v = chordVocabulary({ tonic: 'D', scale });
      expect(v.covered).toBe(false);
      expect(v.symbols).toHaveLength(24);
    }
  });
});
