import { describe, expect, it } from 'vitest';
import { detectKey, worthOffering } from '../../../../src/core/theory/keyDetection';
import type { Note } from '../../../../src/core/types';

function melody(pitches: number[], length = 2): Note[] {
  return pitches.map((pitch, i) => ({ pitch, start: i * length, length, velocity: 100 }));
}

describe('key detection', () => {
  it('finds G major in a G major tune', () => {
    // Twinkle, twinkle in G: G G D D E E D, C C B B A A G
    const guess = detectKey(melody([67, 67, 74, 74, 76, 76, 74, 72, 72, 71, 71, 69, 69, 67]));
    expect(guess?.key).toEqual({ tonic: 'G', scale: 'major' });
  });

  it('finds A minor in a melody that leans on A, C and E with a raised seventh', () => {
    const guess = detectKey(melody([69, 72, 76, 74, 72, 71, 69, 68, 69, 64, 69, 72, 71, 69], 2));
    expect(guess?.key).toEqual({ tonic: 'A', scale: 'minor' });
  });

  it('finds the key of a transposed tune (Eb major spelled as the Key input does)', () => {
    const guess = detectKey(melody([63, 63, 70, 70, 72, 72, 70, 68, 68, 67, 67, 65, 65, 63]));
    expect(guess?.key).toEqual({ tonic: 'Eb', scale: 'major' });
  });

  it('says nothing about fewer than three pitch classes', () => {
    expect(detectKey(melody([60, 67, 60, 67]))).toBeNull();
    expect(detectKey([])).toBeNull();
  });

  it('offers a clear guess only when it differs from the song key', () => {
    const guess = detectKey(melody([67, 67, 74, 74, 76, 76, 74, 72, 72, 71, 71, 69, 69, 67]));
    expect(worthOffering(guess, { tonic: 'C', scale: 'major' })).toBe(true);
    expect(worthOffering(guess, { tonic: 'G', scale: 'major' })).toBe(false);
    expect(worthOffering(guess, { tonic: 'C', scale: 'major' }, 0.99)).toBe(false);
  });
});
