import { describe, expect, it } from 'vitest';
import { abcKeyField, notationToAbc } from '../../../../src/core/notation/abc';
import { buildNotation } from '../../../../src/core/notation/notationModel';
import { songNotationInput, transposeChordSymbol } from '../../../../src/core/notation/songNotation';
import { spellPitch } from '../../../../src/core/notation/spelling';
import { createPhrase, createSong } from '../../../../src/core/song';
import type { KeySignature, Note } from '../../../../src/core/types';

const note = (pitch: number, start: number, length: number): Note => ({ pitch, start, length, velocity: 100 });
const FOUR_FOUR = { beats: 4, beatUnit: 4 };

function body(abc: string): string {
  return abc
    .split('\n')
    .filter((l) => l && !/^[A-Z]:/.test(l))
    .join('\n');
}

describe('ABC output', () => {
  it('writes the meter, a sixteenth unit and the key with its mode and clef', () => {
    const abc = notationToAbc(
      buildNotation({
        notes: [note(67, 0, 4)],
        bars: 1,
        timeSignature: { beats: 6, beatUnit: 8 },
        key: { tonic: 'D', scale: 'dorian' },
      }),
      { title: 'Etude' },
    );
    expect(abc).toContain('T:Etude\n');
    expect(abc).toContain('M:6/8\n');
    expect(abc).toContain('L:1/16\n');
    expect(abc).toContain('K:Ddor\n');
    expect(abcKeyField({ tonic: 'Bb', scale: 'minor' }, 'bass')).toBe('Bbm clef=bass');
    expect(abcKeyField({ tonic: 'A', scale: 'blues' })).toBe('Am');
  });

  it('writes octaves, lengths, rests, ties and the final bar line', () => {
    const abc = notationToAbc(
      buildNotation({
        notes: [note(60, 0, 4), note(72, 4, 1), note(48, 6, 2), note(84, 12, 8)],
        bars: 2,
        timeSignature: FOUR_FOUR,
        key: { tonic: 'C', scale: 'major' },
      }),
    );
    expect(body(abc)).toBe("C4 c z C,2 z4 c'4- | c'4 z4 z8 |]");
  });

  it('writes accidentals only against the key signature and the bar, and again in the next bar', () => {
    const key: KeySignature = { tonic: 'G', scale: 'major' };
    // F# (in the key), F natural, F natural again (still in effect), then F# in the next bar.
    const abc = notationToAbc(
      buildNotation({
        notes: [note(66, 0, 4), note(65, 4, 4), note(65, 8, 8), note(66, 16, 16)],
        bars: 2,
        timeSignature: FOUR_FOUR,
        key,
      }),
    );
    expect(body(abc)).toBe('F4 =F4 F8 | F16 |]');
  });

  it('spells chromatic notes with flats in flat keys and sharps otherwise', () => {
    expect(spellPitch(70, { tonic: 'F', scale: 'major' })).toEqual({ letter: 'B', alter: -1, octave: 4 });
    expect(spellPitch(61, { tonic: 'D', scale: 'major' })).toEqual({ letter: 'C', alter: 1, octave: 4 });
    expect(spellPitch(63, { tonic: 'C', scale: 'major' })).toEqual({ letter: 'D', alter: 1, octave: 4 });
    expect(spellPitch(63, { tonic: 'Bb', scale: 'major' })).toEqual({ letter: 'E', alter: -1, octave: 4 });
    expect(spellPitch(71, { tonic: 'A', scale: 'harmonic minor' })).toEqual({ letter: 'B', alter: 0, octave: 4 });
    expect(spellPitch(68, { tonic: 'A', scale: 'harmonic minor' })).toEqual({ letter: 'G', alter: 1, octave: 4 });
  });

  it('puts chord symbols above and theory labels below the first piece of a note', () => {
    const model = buildNotation({
      notes: [note(64, 0, 20)],
      chords: [{ start: 0, symbol: 'C' }],
      bars: 2,
      timeSignature: FOUR_FOUR,
      key: { tonic: 'C', scale: 'major' },
    });
    const abc = notationToAbc(model, { annotations: new Map([[0, ['3', 'mi']]]) });
    expect(body(abc)).toBe('"C""_3""_mi"E16- | E4 z4 z8 |]');
  });

  it('breaks the staff every four bars', () => {
    const abc = notationToAbc(
      buildNotation({ notes: [], bars: 6, timeSignature: FOUR_FOUR, key: { tonic: 'C', scale: 'major' } }),
    );
    expect(body(abc).split('\n')).toEqual(['z16 | z16 | z16 | z16 |', 'z16 | z16 |]']);
  });
});

describe('song notation', () => {
  it('lays the arrangement end to end with repeats written out and sections transposed', () => {
    const a = { ...createPhrase('A', 1), notes: [note(60, 0, 4)], chords: [{ start: 0, symbol: 'Am' }] };
    const b = { ...createPhrase('B', 1), notes: [note(67, 4, 4)] };
    const song = createSong({
      phrases: [a, b],
      arrangement: [
        { id: 's1', phraseId: a.id, repeats: 2, transpose: 0 },
        { id: 's2', phraseId: b.id, repeats: 1, transpose: 2 },
        { id: 's3', phraseId: a.id, repeats: 1, transpose: 2 },
      ],
    });
    const input = songNotationInput(song);
    expect(input.bars).toBe(4);
    expect(input.notes.map((n) => [n.pitch, n.start])).toEqual([
      [60, 0],
      [60, 16],
      [69, 36],
      [62, 48],
    ]);
    expect(input.chords).toEqual([
      { start: 0, symbol: 'Am' },
      { start: 16, symbol: 'Am' },
      { start: 48, symbol: 'Bm' },
    ]);
  });

  it('transposes slash chords and leaves N.C. alone', () => {
    expect(transposeChordSymbol('C/E', 2)).toBe('D/F#');
    expect(transposeChordSymbol('N.C.', 5)).toBe('N.C.');
  });
});
