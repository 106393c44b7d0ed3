import { describe, expect, it } from 'vitest';
import { ANNEAL_FACTOR, annealMultiplier, ownInputRate, rateAfterStaleValidation } from '../../../src/train/schedule';

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

describe('rateAfterStaleValidation', () => {
  it('halves on every second validation in a row without improvement by default', () => {
    const rates = [1, 2, 3, 4].map((stale) => rateAfterStaleValidation(0.002, stale, 2));
    expect(rates).toEqual([0.002, 0.001, 0.002, 0.001]);
  });

  it('keeps the rate after an improvement, and always with halving off (0)', () => {
    expect(rateAfterStaleValidation(0.002, 0, 2)).toBe(0.002);
    expect([1, 2, 3, 4, 10].map((stale) => rateAfterStaleValidation(0.002, stale, 0))).toEqual(Array(5).fill(0.002));
  });

  it('halves after every third miss when asked to', () => {
    expect([1, 2, 3, 6].map((stale) => rateAfterStaleValidation(0.004, stale, 3))).toEqual([
      0.004, 0.004, 0.002, 0.002,
    ]);
  });
});
