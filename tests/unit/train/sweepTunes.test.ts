import { describe, expect, it } from 'vitest';
import { parseArgs } from '../../../src/train/cli/args';
import { sweepTunes } from '../../../src/train/eval/taskSetup';

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
