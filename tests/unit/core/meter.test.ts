import { describe, expect, it } from 'vitest';
import { phraseSteps, stepsPerBar, stepsPerBeat } from '../../../src/core/meter';

const ts = (beats: number, beatUnit: number) => ({ beats, beatUnit });

describe('meter', () => {
  it('counts sixteenths per bar for the common time signatures', () => {
    expect(stepsPerBar(ts(4, 4))).toBe(16);
    expect(stepsPerBar(ts(3, 4))).toBe(12);
    expect(stepsPerBar(ts(6, 8))).toBe(12);
    expect(stepsPerBar(ts(2, 2))).toBe(16);
    expect(stepsPerBar(ts(9, 8))).toBe(18);
  });

  it('makes a beat the note value of the denominator', () => {
    expect(stepsPerBeat(ts(4, 4))).toBe(4);
    expect(stepsPerBeat(ts(6, 8))).toBe(2);
    expect(stepsPerBeat(ts(2, 2))).toBe(8);
  });

  it('measures a phrase as bars times the bar length', () => {
    expect(phraseSteps({ bars: 2 }, ts(4, 4))).toBe(32);
    expect(phraseSteps({ bars: 3 }, ts(6, 8))).toBe(36);
  });
});
