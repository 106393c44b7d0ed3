import * as tf from '@tensorflow/tfjs';
import { afterAll, describe, expect, it } from 'vitest';
import type { ModelSpec } from '../../../src/train/data/modelSpec';
import { generate } from '../../../src/train/eval/generate';
import { reuseByBarAfterRealLeadIn } from '../../../src/train/eval/leadInReturns';
import { phrasePrompts, primerOf, realPhraseOf } from '../../../src/train/eval/musicality/prompts';
import { reuseByBar } from '../../../src/train/eval/musicality/report';
import { createModelVariables } from '../../../src/train/model/modelGraph';
import { createRng } from '../../../src/train/random';
import { melodyTune } from './motifMelodies';
import { makeTuneEvents } from './tinyCorpus';

const spec: ModelSpec = { kind: 'melody', minPitch: 48, maxPitch: 83, auxBits: 5, hidden: [16] };

/** Seeded 8-bar tunes; the odd ones restate bars 1-2 at bars 5-6, as folk tunes do. */
const tunes = [1, 2, 3, 4, 5].map((seed) => {
  const { events } = makeTuneEvents(seed);
  if (seed % 2) events.copyWithin(64, 0, 32);
  return melodyTune(events);
});
const prompts = phrasePrompts(tunes);

describe('motif reuse by phrase bar after a real lead-in', () => {
  const vars = createModelVariables(spec, 3);
  afterAll(() => tf.dispose(Object.values(vars)));
  const sampledReuse = (realBars: number, seed: number) =>
    reuseByBarAfterRealLeadIn(vars, spec, prompts, { realBars, samples: 2, temperature: 1, rng: createRng(seed) });

  it('with all 4 bars real, is the reuse of the real phrases, the restated bars included', async () => {
    const reuse = await sampledReuse(4, 1);
    const real = reuseByBar(prompts, prompts.map(realPhraseOf), 4);
    expect(reuse).toEqual(real);
    expect(real[2]).toBeGreaterThan(0.5);
  });

  it('with no real bar, is the reuse of the phrases the musicality eval samples with the same seed', async () => {
    const reuse = await sampledReuse(0, 9);
    const requests = [0, 1].flatMap(() =>
      prompts.map((p) => ({ primer: primerOf(p), chords: p.tune.chords.slice(p.start), steps: p.phraseSteps })),
    );
    const sampled = await generate(vars, spec, requests, 1, createRng(9));
    expect(reuse).toEqual(reuseByBar(prompts, sampled, 4));
  });

  it("with 2 real bars, keeps the tune's bars 3-4: the first phrase bar reuses as the real one", async () => {
    const reuse = await sampledReuse(2, 4);
    const real = reuseByBar(prompts, prompts.map(realPhraseOf), 4);
    // A four-note motif of these tunes (quarters and eighths) spans at most 12 steps: one starting in the first
    // phrase bar ends inside the second, which is real too.
    expect(reuse[0]).toBeCloseTo(real[0], 10);
  });
});
