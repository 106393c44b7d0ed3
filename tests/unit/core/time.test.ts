import { describe, expect, it } from 'vitest';
import {
  barBeatToStep,
  clampTempo,
  secondsToStep,
  stepSeconds,
  stepToBarBeat,
  stepToSeconds,
} from '../../../src/core/time';
import { seededRandom } from './seededRandom';

const FOUR_FOUR = { beats: 4, beatUnit: 4 };
const SIX_EIGHT = { beats: 6, beatUnit: 8 };

describe('step timing', () => {
  it('makes a sixteenth a quarter of a beat: 0.125 s at 120 BPM', () => {
    expect(stepSeconds(120)).toBe(0.125);
    expect(stepSeconds(60)).toBe(0.25);
  });

  it('puts straight sixteenths evenly on the grid', () => {
    expect(stepToSeconds(0, 120, 0)).toBe(0);
    expect(stepToSeconds(1, 120, 0)).toBeCloseTo(0.125, 12);
    expect(stepToSeconds(16, 120, 0)).toBeCloseTo(2, 12);
  });

  it('delays only the off-beat sixteenths under swing', () => {
    const sec = stepSeconds(100);
    expect(stepToSeconds(2, 100, 0.6)).toBeCloseTo(2 * sec, 12);
    expect(stepToSeconds(3, 100, 0.6)).toBeCloseTo(3 * sec + (0.6 * sec) / 3, 12);
  });

  it('gives full swing a triplet feel: the pair splits 2:1', () => {
    const first = stepToSeconds(1, 120, 1) - stepToSeconds(0, 120, 1);
    const second = stepToSeconds(2, 120, 1) - stepToSeconds(1, 120, 1);
    expect(first / second).toBeCloseTo(2, 12);
  });

  it('interpolates fractional steps linearly inside the swung step', () => {
    const a = stepToSeconds(1, 90, 0.5);
    const b = stepToSeconds(2, 90, 0.5);
    expect(stepToSeconds(1.25, 90, 0.5)).toBeCloseTo(a + 0.25 * (b - a), 12);
  });

  it('never runs backwards, whatever the swing', () => {
    for (const swing of [0, 0.3, 1]) {
      let previous = -Infinity;
      for (let step = 0; step <= 64; step += 0.25) {
        const t = stepToSeconds(step, 140, swing);
        expect(t).toBeGreaterThan(previous);
        previous = t;
      }
    }
  });

  it('inverts exactly: seconds back to the same step, at random tempi and swings', () => {
    const random = seededRandom(7);
    for (let i = 0; i < 500; i++) {
      const tempo = 40 + random() * 200;
      const swing = random();
      const step = random() * 128;
      expect(secondsToStep(stepToSeconds(step, tempo, swing), tempo, swing)).toBeCloseTo(step, 9);
    }
  });

  it('maps whole-step onsets back to whole steps', () => {
    for (let step = 0; step < 32; step++) {
      expect(secondsToStep(stepToSeconds(step, 110, 0.7), 110, 0.7)).toBeCloseTo(step, 9);
    }
  });
});

describe('bar and beat positions', () => {
  it('counts from bar 1 beat 1 sixteenth 1 at step 0', () => {
    expect(stepToBarBeat(0, FOUR_FOUR)).toEqual({ bar: 1, beat: 1, sixteenth: 1 });
    expect(stepToBarBeat(17, FOUR_FOUR)).toEqual({ bar: 2, beat: 1, sixteenth: 2 });
    expect(stepToBarBeat(15, FOUR_FOUR)).toEqual({ bar: 1, beat: 4, sixteenth: 4 });
  });

  it('counts eighth-note beats in 6/8', () => {
    expect(stepToBarBeat(11, SIX_EIGHT)).toEqual({ bar: 1, beat: 6, sixteenth: 2 });
    expect(stepToBarBeat(12, SIX_EIGHT)).toEqual({ bar: 2, beat: 1, sixteenth: 1 });
  });

  it('round-trips steps through bar/beat positions', () => {
    for (const ts of [FOUR_FOUR, SIX_EIGHT, { beats: 3, beatUnit: 4 }, { beats: 2, beatUnit: 2 }]) {
      for (let step = 0; step < 64; step++) expect(barBeatToStep(stepToBarBeat(step, ts), ts)).toBe(step);
    }
  });

  it('treats a missing beat or sixteenth as the first', () => {
    expect(barBeatToStep({ bar: 3 }, FOUR_FOUR)).toBe(32);
  });
});

describe('clampTempo', () => {
  it('keeps tempi within 40-240 BPM', () => {
    expect(clampTempo(20)).toBe(40);
    expect(clampTempo(300)).toBe(240);
    expect(clampTempo(128.5)).toBe(128.5);
  });

  it('falls back to the default tempo for non-numbers', () => {
    expect(clampTempo(Number.NaN)).toBe(110);
    expect(clampTempo(Number.POSITIVE_INFINITY)).toBe(110);
  });
});
