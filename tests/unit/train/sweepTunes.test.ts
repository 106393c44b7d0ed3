import { describe, expect, it } from 'vitest';
import { parseArgs } from '../../../src/train/cli/args';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  asksForSubset,
  chooseSplit,
  defaultCheckpoint,
  sweepTunes,
  tunesOfSplit,
} from '../../../src/train/eval/taskSetup';

const tunes = Array.from({ length: 10 }, (_, i) => ({ name: `tune${i}`, stepsPerBar: i % 2 ? 12 : 16 }));
const names = (kept: { name: string }[]) => kept.map((t) => t.name);

describe('sweepTunes (--max-tunes, --stride, --steps-per-bar)', () => {
  it('keeps every tune when none is given', () => {
    expect(sweepTunes(tunes, parseArgs([]))).toEqual(tunes);
    expect(asksForSubset(parseArgs([]))).toBe(false);
  });

  it('takes every Kth tune first, then the first N of those', () => {
    expect(names(sweepTunes(tunes, parseArgs(['--stride', '3'])))).toEqual(['tune0', 'tune3', 'tune6', 'tune9']);
    expect(names(sweepTunes(tunes, parseArgs(['--stride', '3', '--max-tunes', '2'])))).toEqual(['tune0', 'tune3']);
    expect(sweepTunes(tunes, parseArgs(['--max-tunes', '4']))).toEqual(tunes.slice(0, 4));
  });

  it("keeps one meter's tunes before striding, and counts as a subset (never for a model card)", () => {
    const args = parseArgs(['--steps-per-bar', '12']);
    expect(names(sweepTunes(tunes, args))).toEqual(['tune1', 'tune3', 'tune5', 'tune7', 'tune9']);
    expect(names(sweepTunes(tunes, parseArgs(['--steps-per-bar', '12', '--stride', '2'])))).toEqual([
      'tune1',
      'tune5',
      'tune9',
    ]);
    expect(asksForSubset(args)).toBe(true);
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

describe('defaultCheckpoint (what an eval scores without --checkpoint)', () => {
  const index = JSON.parse(readFileSync('public/checkpoints/index.json', 'utf8')) as {
    checkpoints: { id: string; kind: string; style?: string; harmonizer?: boolean }[];
  };
  const ids = (role: string) =>
    defaultCheckpoint(role as 'melody' | 'harmonizer')
      .split('/')
      .pop();

  it("is the app's own folk melody model and folk harmonizer, read from the shipped index", () => {
    const folk = index.checkpoints.filter((c) => c.style === 'folk');
    expect(ids('melody')).toBe(folk.find((c) => c.kind === 'melody')?.id);
    expect(ids('harmonizer')).toBe(folk.find((c) => c.kind === 'chord' && c.harmonizer)?.id);
    for (const role of ['melody', 'harmonizer'] as const) {
      expect(existsSync(join(defaultCheckpoint(role), 'config.json'))).toBe(true);
    }
  });

  it('follows the style asked for', () => {
    const pop = index.checkpoints.find((c) => c.style === 'pop' && c.kind === 'melody');
    expect(defaultCheckpoint('melody', 'pop')).toBe(join('public/checkpoints', pop?.id ?? 'none'));
  });
});
