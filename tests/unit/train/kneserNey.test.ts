import { describe, expect, it } from 'vitest';
import { KneserNeyModel, scoreNgram } from '../../../src/train/eval/kneserNey';
import { createRng } from '../../../src/train/random';

function randomSequences(seed: number, count: number, length: number, vocab: number): number[][] {
  const rng = createRng(seed);
  return Array.from({ length: count }, () => Array.from({ length }, () => Math.floor(rng.next() * vocab)));
}

describe('Kneser-Ney n-gram baseline', () => {
  it('gives a proper distribution after any history, seen or not', () => {
    const model = new KneserNeyModel(4, 6, randomSequences(1, 20, 50, 5));
    for (const history of [[], [0], [1, 2, 3], [5, 5, 5, 5], [4, 0, 2]]) {
      const dist = model.distribution(history);
      expect(dist.reduce((s, p) => s + p, 0)).toBeCloseTo(1, 9);
      expect(Math.min(...dist)).toBeGreaterThan(0); // class 5 never occurs in training and still has mass
    }
  });

  it('learns a repeating pattern: a higher order predicts it better than a unigram', () => {
    const pattern = [0, 1, 2, 0, 3, 2];
    const seqs = Array.from({ length: 10 }, () => Array.from({ length: 60 }, (_, i) => pattern[i % pattern.length]));
    const test = [Array.from({ length: 60 }, (_, i) => pattern[(i + 2) % pattern.length])];
    const uni = scoreNgram(new KneserNeyModel(1, 4, seqs), test);
    const four = scoreNgram(new KneserNeyModel(4, 4, seqs), test);
    expect(four.nll).toBeLessThan(uni.nll / 3);
    expect(four.accuracy).toBeGreaterThan(0.9);
  });
});
