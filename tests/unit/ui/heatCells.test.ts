import { describe, expect, it } from 'vitest';
import type { StepProbabilities } from '../../../src/model/types';
import { FIRST_PITCH_EVENT, heatCells, heatRows, pitchProbability } from '../../../src/ui/Proposals/heatCells';

// A tiny distribution: model range from C4 (60), depth 2 + 4 pitches (60..63), three steps.
function probabilities(rows: number[][]): StepProbabilities {
  const depth = FIRST_PITCH_EVENT + 4;
  return { minPitch: 60, depth, steps: rows.length, values: Float32Array.from(rows.flat()) };
}
const P = probabilities([
  // no-event, note-off, 60, 61, 62, 63
  [0.1, 0, 0.6, 0.3, 0, 0],
  [0.9, 0.1, 0, 0, 0, 0], // the model holds: no pitch at all
  [0, 0, 0, 0, 0.25, 0.75],
]);

describe('pitchProbability', () => {
  it('reads the probability of a pitch starting at a step, and 0 outside the model range or the steps', () => {
    expect(pitchProbability(P, 0, 60)).toBeCloseTo(0.6);
    expect(pitchProbability(P, 2, 63)).toBeCloseTo(0.75);
    expect(pitchProbability(P, 0, 59)).toBe(0);
    expect(pitchProbability(P, 0, 64)).toBe(0);
    expect(pitchProbability(P, 3, 60)).toBe(0);
    expect(pitchProbability(P, -1, 60)).toBe(0);
  });
});

describe('heatCells', () => {
  it('paints each pitch the model gave a chance, as bright as the square root of its probability', () => {
    const cells = heatCells(P, 58, 65);
    expect(cells.map((c) => [c.step, c.pitch])).toEqual([
      [0, 60],
      [0, 61],
      [2, 62],
      [2, 63],
    ]);
    expect(cells.map((c) => c.alpha)).toEqual([0.6, 0.3, 0.25, 0.75].map((v) => expect.closeTo(Math.sqrt(v), 5)));
  });

  it('leaves clear what is below the floor (a step where the model holds stays empty)', () => {
    const faint = probabilities([[0.996, 0, 0.004, 0, 0, 0]]);
    expect(heatCells(faint, 58, 65)).toEqual([]);
  });

  it('keeps to the grid window and the grid length', () => {
    expect(heatCells(P, 61, 62).map((c) => c.pitch)).toEqual([61, 62]);
    expect(heatCells(P, 58, 65, 1).every((c) => c.step === 0)).toBe(true);
  });
});

describe('heatRows', () => {
  it('spans the pitches given 1% or more and the notes, and names each step’s likeliest new pitch', () => {
    const rows = heatRows(P, [{ pitch: 70, start: 0, length: 1, velocity: 90 }]);
    expect(rows.low).toBe(60);
    expect(rows.high).toBe(70);
    expect(rows.likeliest).toEqual([60, null, 63]);
  });
});
