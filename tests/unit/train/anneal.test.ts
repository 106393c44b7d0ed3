import { describe, expect, it } from 'vitest';
import { ANNEAL_FACTOR, annealMultiplier, ownInputRate } from '../../../src/train/trainer';

describe('annealMultiplier', () => {
  it('keeps the rate until the anneal starts, then falls geometrically to 1/ANNEAL_FACTOR at the budget', () => {
    // 88-minute budget, last 30 minutes annealed: from minute 58.
    expect(annealMultiplier(0, 88, 30)).toBe(1);
    expect(annealMultiplier(58 * 60, 88, 30)).toBe(1);
    expect(annealMultiplier(73 * 60, 88, 30)).toBeCloseTo(ANNEAL_FACTOR ** -0.5);
    expect(annealMultiplier(88 * 60, 88, 30)).toBeCloseTo(1 / ANNEAL_FACTOR);
    expect(annealMultiplier(100 * 60, 88, 30)).toBeCloseTo(1 / ANNEAL_FACTOR);
  });

  it('does nothing without an anneal, and anneals the whole run when the window is longer than the budget', () => {
    expect(annealMultiplier(80 * 60, 88, 0)).toBe(1);
    expect(annealMultiplier(0, 20, 30)).toBe(1);
    expect(annealMultiplier(10 * 60, 20, 30)).toBeCloseTo(ANNEAL_FACTOR ** -0.5);
  });
});

describe('ownInputRate', () => {
  it('is the given share throughout without a ramp', () => {
    expect(ownInputRate(0.25, false, 0, 60)).toBe(0.25);
    expect(ownInputRate(0.25, false, 59 * 60, 60)).toBe(0.25);
  });

  it('with a ramp rises linearly from 0 to the share at the end of the budget, and stays there', () => {
    expect(ownInputRate(0.4, true, 0, 60)).toBe(0);
    expect(ownInputRate(0.4, true, 15 * 60, 60)).toBeCloseTo(0.1, 12);
    expect(ownInputRate(0.4, true, 45 * 60, 60)).toBeCloseTo(0.3, 12);
    expect(ownInputRate(0.4, true, 70 * 60, 60)).toBe(0.4);
  });
});
