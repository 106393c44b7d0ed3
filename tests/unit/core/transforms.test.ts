import { describe, expect, it } from 'vitest';
import {
  fitToScale,
  foldIntoRange,
  invert,
  octave,
  retrograde,
  shiftInTime,
  transpose,
  transposeInScale,
} from '../../../src/core/transforms';
import { isInScale } from '../../../src/core/scale';
import type { KeySignature, Note } from '../../../src/core/types';
import { n, randomMelody, seededRandom } from './seededRandom';

const TOTAL = 32;
const C_MAJOR: KeySignature = { tonic: 'C', scale: 'major' };
const pitches = (notes: Note[]) => notes.map((x) => x.pitch);

describe('transpose and octave', () => {
  it('moves every pitch by the interval and keeps the rhythm', () => {
    const melody = [n(60, 0, 2), n(64, 4, 1)];
    expect(transpose(melody, 3)).toEqual([n(63, 0, 2), n(67, 4, 1)]);
    expect(octave(melody, -1)).toEqual([n(48, 0, 2), n(52, 4, 1)]);
  });

  it('folds pitches that would leave the piano back by octaves', () => {
    expect(pitches(transpose([n(105, 0)], 5))).toEqual([98]);
    expect(pitches(transpose([n(23, 0)], -5))).toEqual([30]);
    expect(foldIntoRange(130)).toBe(106);
  });

  it('undoes itself with the opposite interval inside the range', () => {
    const melody = randomMelody(seededRandom(1), TOTAL);
    expect(transpose(transpose(melody, 7), -7)).toEqual(melody);
  });
});

describe('transposeInScale', () => {
  it('moves by scale steps: C major +2 takes C to E and B to D', () => {
    expect(pitches(transposeInScale([n(60, 0), n(71, 2)], 2, C_MAJOR))).toEqual([64, 74]);
  });

  it('goes down across the octave', () => {
    expect(pitches(transposeInScale([n(60, 0)], -1, C_MAJOR))).toEqual([59]);
    expect(pitches(transposeInScale([n(60, 0)], -7, C_MAJOR))).toEqual([48]);
  });

  it('keeps every scale note in the scale', () => {
    const key: KeySignature = { tonic: 'F#', scale: 'harmonic minor' };
    const melody = fitToScale(randomMelody(seededRandom(5), TOTAL), key);
    for (const degrees of [-9, -2, 1, 4, 8]) {
      for (const note of transposeInScale(melody, degrees, key)) expect(isInScale(note.pitch, key)).toBe(true);
    }
  });

  it('carries a chromatic note along with the scale note below it', () => {
    // C#4 is C4 + 1; C4 up two degrees is E4, so C#4 becomes F4.
    expect(pitches(transposeInScale([n(61, 0)], 2, C_MAJOR))).toEqual([65]);
  });

  it('is undone by the opposite number of degrees', () => {
    const melody = fitToScale(randomMelody(seededRandom(8), TOTAL), C_MAJOR);
    expect(transposeInScale(transposeInScale(melody, 3, C_MAJOR), -3, C_MAJOR)).toEqual(melody);
  });
});

describe('invert', () => {
  it('mirrors around the first note by default', () => {
    expect(pitches(invert([n(60, 0), n(64, 1), n(57, 2)]))).toEqual([60, 56, 63]);
  });

  it('mirrors around a given axis', () => {
    expect(pitches(invert([n(60, 0), n(64, 1)], 62))).toEqual([64, 60]);
  });

  it('gives back the melody when applied twice (while no pitch has to fold)', () => {
    const random = seededRandom(21);
    for (let trial = 0; trial < 50; trial++) {
      const melody = randomMelody(random, TOTAL, 50, 75);
      expect(invert(invert(melody))).toEqual(melody);
    }
  });

  it('folds mirrored pitches that would leave the piano back by octaves', () => {
    expect(pitches(invert([n(100, 0), n(30, 1)]))).toEqual([100, 98]); // 170 folds down to 98
  });

  it('leaves an empty phrase empty', () => {
    expect(invert([])).toEqual([]);
  });
});

describe('retrograde', () => {
  it('plays the melody backwards, ending where it began', () => {
    expect(retrograde([n(60, 0, 2), n(64, 4, 1)], 8)).toEqual([n(64, 3, 1), n(60, 6, 2)]);
  });

  it('gives back the melody when applied twice', () => {
    const random = seededRandom(34);
    for (let trial = 0; trial < 50; trial++) {
      const melody = randomMelody(random, TOTAL);
      expect(retrograde(retrograde(melody, TOTAL), TOTAL)).toEqual(melody);
    }
  });
});

describe('shiftInTime', () => {
  it('moves notes later', () => {
    expect(shiftInTime([n(60, 0, 2)], 3, 16)).toEqual([n(60, 3, 2)]);
  });

  it('brings notes that leave at the end back at the start', () => {
    expect(shiftInTime([n(60, 0), n(62, 14)], 4, 16)).toEqual([n(62, 2), n(60, 4)]);
    expect(shiftInTime([n(60, 0), n(62, 8)], -2, 16)).toEqual([n(62, 6), n(60, 14)]);
  });

  it('loses no note, whatever the shift', () => {
    const melody = [n(60, 0, 2), n(62, 4, 2), n(64, 9, 3)];
    for (let shift = -40; shift <= 40; shift += 3) expect(shiftInTime(melody, shift, 16)).toHaveLength(3);
  });

  it('cuts a note left straddling the phrase end there', () => {
    expect(shiftInTime([n(60, 10, 4)], 4, 16)).toEqual([n(60, 14, 2)]);
  });

  it('is undone by the opposite shift when no note crosses the end', () => {
    const melody = [n(60, 0, 2), n(62, 4, 2), n(64, 9, 3)];
    expect(shiftInTime(shiftInTime(melody, 2, 16), -2, 16)).toEqual(melody);
    expect(shiftInTime(melody, 16, 16)).toEqual(melody);
  });
});

describe('fitToScale', () => {
  it('moves only the notes outside the scale, ties going down', () => {
    expect(pitches(fitToScale([n(60, 0), n(61, 1), n(66, 2)], C_MAJOR))).toEqual([60, 60, 65]);
  });

  it('puts every note of a random melody into the scale, and a second pass changes nothing', () => {
    const key: KeySignature = { tonic: 'Eb', scale: 'blues' };
    const fitted = fitToScale(randomMelody(seededRandom(13), TOTAL), key);
    for (const note of fitted) expect(isInScale(note.pitch, key)).toBe(true);
    expect(fitToScale(fitted, key)).toEqual(fitted);
  });
});
