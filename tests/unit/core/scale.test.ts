import { describe, expect, it } from 'vitest';
import {
  KEY_TONICS,
  SCALE_NAMES,
  defaultPitchRange,
  isInScale,
  isTonic,
  nearestInScale,
  scaleDegree,
  scalePitchClasses,
  shiftRange,
  pitchesOutside,
  windowShowing,
} from '../../../src/core/scale';
import { LIMITS, type KeySignature } from '../../../src/core/types';

const C_MAJOR: KeySignature = { tonic: 'C', scale: 'major' };
const A_MINOR: KeySignature = { tonic: 'A', scale: 'minor' };

describe('keys and scales', () => {
  it('offers twelve distinct tonics, one per pitch class', () => {
    const classes = KEY_TONICS.map((t) => scalePitchClasses({ tonic: t, scale: 'chromatic' })[0]);
    expect(new Set(classes).size).toBe(12);
  });

  it('knows every scale it offers', () => {
    for (const scale of SCALE_NAMES) expect(scalePitchClasses({ tonic: 'D', scale }).length).toBeGreaterThan(4);
  });

  it('lists scale pitch classes from the tonic', () => {
    expect(scalePitchClasses(C_MAJOR)).toEqual([0, 2, 4, 5, 7, 9, 11]);
    expect(scalePitchClasses(A_MINOR)).toEqual([9, 11, 0, 2, 4, 5, 7]);
    expect(scalePitchClasses({ tonic: 'Bb', scale: 'major pentatonic' })).toEqual([10, 0, 2, 5, 7]);
  });

  it('tells scale rows from the others in every octave', () => {
    expect(isInScale(64, C_MAJOR)).toBe(true);
    expect(isInScale(61, C_MAJOR)).toBe(false);
    expect(isInScale(61 + 24, { tonic: 'F#', scale: 'major' })).toBe(true);
  });

  it('marks the tonic, spelled either way', () => {
    expect(isTonic(48, C_MAJOR)).toBe(true);
    expect(isTonic(50, C_MAJOR)).toBe(false);
    expect(isTonic(63, { tonic: 'Eb', scale: 'minor' })).toBe(true);
    expect(isTonic(63, { tonic: 'D#', scale: 'minor' })).toBe(true);
  });

  it('numbers scale degrees from 1 at the tonic', () => {
    expect(scaleDegree(60, C_MAJOR)).toBe(1);
    expect(scaleDegree(67, C_MAJOR)).toBe(5);
    expect(scaleDegree(72 + 11, C_MAJOR)).toBe(7);
    expect(scaleDegree(61, C_MAJOR)).toBeNull();
    expect(scaleDegree(57, A_MINOR)).toBe(1);
  });

  it('shows two octaves from the tonic between G3 and F#4 by default (the melody register)', () => {
    expect(defaultPitchRange(C_MAJOR)).toEqual({ low: 60, high: 84 });
    expect(defaultPitchRange(A_MINOR)).toEqual({ low: 57, high: 81 });
    expect(defaultPitchRange({ tonic: 'G', scale: 'major' })).toEqual({ low: 55, high: 79 });
    expect(defaultPitchRange({ tonic: 'F#', scale: 'major' })).toEqual({ low: 66, high: 90 });
    for (const tonic of KEY_TONICS) {
      const { low, high } = defaultPitchRange({ tonic, scale: 'major' });
      expect(high - low).toBe(24);
      expect(low).toBeGreaterThanOrEqual(55);
      expect(low).toBeLessThanOrEqual(66);
      expect(low).toBeGreaterThanOrEqual(LIMITS.pitch.min);
      expect(high).toBeLessThanOrEqual(LIMITS.pitch.max);
    }
  });

  it('snaps to the nearest scale pitch, ties going down', () => {
    expect(nearestInScale(62, C_MAJOR)).toBe(62);
    expect(nearestInScale(61, C_MAJOR)).toBe(60);
    expect(nearestInScale(66, C_MAJOR)).toBe(65);
    // C minor pentatonic: C Eb F G Bb; D (62) is one from Eb and two from C.
    expect(nearestInScale(62, { tonic: 'C', scale: 'minor pentatonic' })).toBe(63);
  });

  it('moves the pitch window by a step, keeping its size and staying on the piano', () => {
    expect(shiftRange(48, 72, 12, 21, 108)).toEqual({ low: 60, high: 84 });
    expect(shiftRange(80, 104, 12, 21, 108)).toEqual({ low: 84, high: 108 });
    expect(shiftRange(24, 48, -12, 21, 108)).toEqual({ low: 21, high: 45 });
  });

  it("lists the pitches above and below a window, the window's edges counting as inside", () => {
    const window = { low: 60, high: 84 };
    expect(pitchesOutside(window, [60, 84, 72])).toEqual({ above: [], below: [] });
    expect(pitchesOutside(window, [40, 85, 59, 70, 96])).toEqual({ above: [85, 96], below: [40, 59] });
  });

  describe('windowShowing (the grid follows a previewed candidate)', () => {
    const window = { low: 60, high: 84 };

    it('stays put when every pitch is already shown, or there are none', () => {
      expect(windowShowing(window, [60, 72, 84])).toBe(window);
      expect(windowShowing(window, [])).toBe(window);
    });

    it('moves down just far enough for notes below it, and up for notes above it, keeping its size', () => {
      expect(windowShowing(window, [55, 64])).toEqual({ low: 55, high: 79 });
      expect(windowShowing(window, [62, 86])).toEqual({ low: 62, high: 86 });
    });

    it('grows to exactly the span of pitches wider than the window, so none is left undrawn', () => {
      expect(windowShowing(window, [50, 90])).toEqual({ low: 50, high: 90 });
      expect(windowShowing(window, [53, 62, 79])).toEqual({ low: 53, high: 79 });
    });

    it('never leaves the playable range', () => {
      const low = windowShowing(window, [LIMITS.pitch.min]);
      expect(low).toEqual({ low: LIMITS.pitch.min, high: LIMITS.pitch.min + 24 });
      const high = windowShowing(window, [LIMITS.pitch.max]);
      expect(high).toEqual({ low: LIMITS.pitch.max - 24, high: LIMITS.pitch.max });
    });
  });
});
