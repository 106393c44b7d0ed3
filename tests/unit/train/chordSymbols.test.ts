import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import {
  chordSymbol,
  detectChord,
  encodeChordInto,
  NO_CHORD,
  transposeChord,
  type GridChord,
} from '../../../src/train/corpus/chordSymbols';

// Magenta's ChordSymbols reads symbols with its own tonal 2 (Chord.tokenize / Chord.notes / Note.chroma).
const require = createRequire(import.meta.url);
const tonal2 = require('@magenta/music/node_modules/tonal') as {
  Chord: { tokenize(s: string): string[]; notes(s: string): string[]; exists(s: string): boolean };
  Note: { chroma(n: string): number };
};

/** PitchChordEncoder's encoding of a symbol, computed the way Magenta 1.23.1 does it. */
function magentaEncoding(symbol: string): number[] {
  const out = new Array<number>(37).fill(0);
  if (symbol === 'N.C.') {
    out[0] = 1;
    return out;
  }
  expect(tonal2.Chord.exists(symbol)).toBe(true);
  const root = tonal2.Note.chroma(tonal2.Chord.tokenize(symbol)[0]);
  out[1 + root] = 1;
  for (const n of tonal2.Chord.notes(symbol)) out[13 + tonal2.Note.chroma(n)] = 1;
  out[25 + root] = 1;
  return out;
}

function ours(chord: GridChord): number[] {
  const buf = new Float32Array(37);
  encodeChordInto(chord, buf, 0);
  return Array.from(buf);
}

describe('chord symbols for the PitchChordEncoder', () => {
  it('every chord the corpus reader can produce encodes exactly as Magenta encodes its symbol', () => {
    const masks = [
      0b10010001, 0b10001001, 0b10010010001, 0b10010001001, 0b100010010001, 0b1010010001, 0b1001001, 0b1001001001,
      0b10001001001, 0b100010001, 0b10100001,
    ];
    const seen = new Set<string>();
    for (let root = 0; root < 12; root++) {
      for (const m of masks) {
        const chord = transposeChord({ root: 0, mask: m }, root);
        const symbol = chordSymbol(chord);
        seen.add(symbol);
        expect(ours(chord), symbol).toEqual(magentaEncoding(symbol));
      }
    }
    expect(seen.size).toBe(12 * masks.length);
    expect(ours(NO_CHORD)).toEqual(magentaEncoding('N.C.'));
  });

  it('names block chords from their notes, using the bass to settle inversions', () => {
    const mask = (pcs: number[]) => pcs.reduce((m, p) => m | (1 << p), 0);
    expect(chordSymbol(detectChord(mask([7, 11, 2]), 7))).toBe('G');
    expect(chordSymbol(detectChord(mask([9, 0, 4]), 9))).toBe('Am');
    expect(chordSymbol(detectChord(mask([2, 6, 9, 0]), 2))).toBe('D7');
    expect(chordSymbol(detectChord(mask([9, 0, 4, 7]), 9))).toBe('Am7');
    expect(chordSymbol(detectChord(mask([0, 4, 7, 9]), 0))).toBe('C6');
    expect(chordSymbol(detectChord(mask([2, 9]), 2))).toBe('D');
    expect(chordSymbol(transposeChord(detectChord(mask([7, 11, 2]), 7), 3))).toBe('Bb');
  });
});
