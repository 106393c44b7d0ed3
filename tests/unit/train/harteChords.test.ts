import { describe, expect, it } from 'vitest';
import { secondsToStep, barsOf, dominantBeatsPerBar, regularRuns } from '../../../src/train/corpus/beatGrid';
import { chordSymbol } from '../../../src/train/corpus/chordSymbols';
import { readHarteChord } from '../../../src/train/corpus/harteChords';

const read = (label: string) => {
  const r = readHarteChord(label);
  return `${chordSymbol(r.chord)} ${r.reading}`;
};

describe('Harte chord labels', () => {
  it('reads the qualities the chord encoder supports as they are', () => {
    expect(
      [
        'G:maj',
        'A:min',
        'Bb:7',
        'F#:min7',
        'Eb:maj7',
        'C:maj6',
        'B:dim',
        'C#:dim7',
        'B:hdim7',
        'Ab:aug',
        'D:sus4',
        'N',
      ].map(read),
    ).toEqual([
      'G exact',
      'Am exact',
      'Bb7 exact',
      'F#m7 exact',
      'Ebmaj7 exact',
      'C6 exact',
      'Bdim exact',
      'C#dim7 exact',
      'Bm7b5 exact',
      'Abaug exact',
      'Dsus4 exact',
      'N.C. exact',
    ]);
  });

  it('reads inversions in root position (the encoder has no slash chords)', () => {
    // A bass outside the chord joins it, as Harte reads it: C/Bb is C7 over its seventh.
    expect(['C:maj/3', 'F#:maj7/5', 'D:min/b3', 'G:7/b7', 'C:maj/1', 'C:maj/b7'].map(read)).toEqual([
      'C inversion',
      'F#maj7 inversion',
      'Dm inversion',
      'G7 inversion',
      'C exact',
      'C7 inversion',
    ]);
  });

  it('maps other chords to the nearest supported chord on the same root', () => {
    expect(['C:sus2', 'G:sus4(b7)', 'A:min6', 'E:minmaj7', 'D:9', 'C:(1,3,5)', 'C:maj(*5)'].map(read)).toEqual([
      'C mapped',
      'Gsus4 mapped',
      'Am mapped',
      'Em mapped',
      'D7 mapped',
      'C exact',
      'C mapped',
    ]);
  });

  it('refuses what is not a chord label', () => {
    expect(() => readHarteChord('H:maj')).toThrow(/not a chord label/);
    expect(() => readHarteChord('C:blah')).toThrow(/unknown chord quality "blah"/);
    expect(() => readHarteChord('C:maj/x')).toThrow(/not a chord label|bad bass/);
  });
});

describe('the beat grid', () => {
  const grid = { times: [0.1, 0.6, 1.1, 1.7], downbeats: [1, 3] };

  it('places a time between two beats in proportion, four steps a beat, and extrapolates at the ends', () => {
    expect(secondsToStep(grid, 0.1)).toBe(0);
    expect(secondsToStep(grid, 0.35)).toBeCloseTo(2);
    expect(secondsToStep(grid, 1.4)).toBeCloseTo(10); // the last beat is 0.6 s long: halfway is step 10
    expect(secondsToStep(grid, 0)).toBeCloseTo(-0.8);
    expect(secondsToStep(grid, 2.0)).toBeCloseTo(14);
  });

  it('makes bars from downbeat to downbeat and finds the usual bar length and the runs of it', () => {
    const bars = barsOf({ times: Array.from({ length: 20 }, (_, i) => i), downbeats: [0, 4, 8, 10, 14] });
    expect(bars.map((b) => b.beats)).toEqual([4, 4, 2, 4, 6]);
    expect(dominantBeatsPerBar(bars)).toBe(4);
    expect(regularRuns(bars, 4)).toEqual([
      { first: 0, count: 2 },
      { first: 3, count: 1 },
    ]);
  });
});
