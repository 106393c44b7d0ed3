import { describe, expect, it } from 'vitest';
import { orderCandidates, sureLabel, sureLabels } from '../../../src/store/proposals/sureness';

describe('how sure the model is, in plain words', () => {
  it('labels the top third safe, the bottom third adventurous, the rest typical', () => {
    expect(sureLabels([-0.5, -0.9, -1.4, -2, -0.7, -3])).toEqual([
      'safe',
      'typical',
      'typical',
      'adventurous',
      'safe',
      'adventurous',
    ]);
    expect(sureLabels([-1])).toEqual(['typical']);
    expect(sureLabels([-1, -2])).toEqual(['safe', 'adventurous']);
    expect(sureLabel(-0.1, [-0.1, -1, -2, -3])).toBe('safe');
  });

  it('sorts safest or most adventurous first, keeping the made order for ties and unknown figures', () => {
    const list = [
      { number: 1, meanLogProb: -2 },
      { number: 2 },
      { number: 3, meanLogProb: -0.5 },
      { number: 4, meanLogProb: -2 },
    ];
    expect(orderCandidates(list, 'made').map((c) => c.number)).toEqual([1, 2, 3, 4]);
    expect(orderCandidates(list, 'safest').map((c) => c.number)).toEqual([3, 1, 4, 2]);
    expect(orderCandidates(list, 'adventurous').map((c) => c.number)).toEqual([1, 4, 3, 2]);
  });
});
