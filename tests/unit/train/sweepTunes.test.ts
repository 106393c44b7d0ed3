import { describe, expect, it } from 'vitest';
import { parseArgs } from '../../../src/train/cli/args';
import { asksForSubset, chooseSplit, sweepTunes, tunesOfSplit } from '../../../src/train/eval/taskSetup';

const tunes = Array.from({ length: 10 }, (_, i) => `tune${i}`);

describe('sweepTunes (--max-tunes, --stride)', () => {
  it('keeps every tune when neither is given', () => {
    expect(sweepTunes(tunes, parseArgs([]))).toEqual(tunes);
  });

  it('takes every Kth tune first, then the first N of those', () => {
    expect(sweepTunes(tunes, parseArgs(['--stride', '3']))).toEqual(['tune0', 'tune3', 'tune6', 'tune9']);
    expect(sweepTunes(tunes, parseArgs(['--stride', '3', '--max-tunes', '2']))).toEqual(['tune0', 'tune3']);
    expect(sweepTunes(tunes, parseArgs(['--max-tunes', '4']))).toEqual(tunes.slice(0, 4));
  });
});

describe('chooseSplit and tunesOfSplit (which tunes an eval scores)', () => {
  const corpus = { train: ['a', 'b'], validation: ['c'] };

  it('scores the validation split on the training folder and every tune of any other folder', () => {
    const onOwn = chooseSplit('../shared/corpus/nottingham', '../shared/corpus/./nottingham', parseArgs([]));
    expect(onOwn).toBe('validation');
    expect(tunesOfSplit(corpus, onOwn)).toEqual(['c']);
    const elsewhere = chooseSplit('../shared/corpus/nottingham', '/tmp/other-tunes', parseArgs([]));
    expect(elsewhere).toBe('all');
    expect(tunesOfSplit(corpus, elsewhere)).toEqual(['a', 'b', 'c']);
  });

  it('takes --split train for choosing a setting, and reads an unknown split as validation', () => {
    expect(chooseSplit('x', 'x', parseArgs(['--split', 'train']))).toBe('train');
    expect(tunesOfSplit(corpus, 'train')).toEqual(['a', 'b']);
    expect(chooseSplit('x', 'y', parseArgs(['--split', 'held-out']))).toBe('validation');
  });

  it('counts --max-tunes and --stride as a subset, which no model card may report', () => {
    expect(asksForSubset(parseArgs([]))).toBe(false);
    expect(asksForSubset(parseArgs(['--stride', '2']))).toBe(true);
    expect(asksForSubset(parseArgs(['--max-tunes', '10']))).toBe(true);
  });
});
