/**
 * `npm run eval -- --task fill`: for every bar k of a tune with at least two bars before it and one after,
 * fill bar k given the rest (up to `--context-bars` bars before as primer, up to two bars after as what
 * follows) with the app's own fill code, and compare with a plain continuation of the same prefix from the
 * same batch of samples:
 *   (a) NLL per event of the true bar k + 1 after the chosen fill, and after the plain continuation;
 *   (b) share of bar k's steps where the fill equals the real bar, for both.
 * The plain continuation is the one the model itself finds most likely among the same number of samples
 * (a stronger baseline than any single sample, which the table also shows).
 */
import { eventClass } from '../corpus/melodyEvents';
import type { Tune } from '../corpus/tune';
import { chooseFills, sampleAndScoreFill, type ScoredFillBatch } from '../../model/fill';
import { RnnRunner } from '../../model/rnnRunner';
import { BatchSampler } from '../../model/sampler';
import { sumRange } from '../../model/scoreContinuation';
import type { FillRequest } from '../../model/types';
import { num, type Args } from '../cli/args';
import { printResult, round, setUpTask, tuneChords, tuneNotes } from './taskSetup';

interface Pick {
  nll: number;
  hits: number;
}

const PICKS = [
  'fill (most likely given both sides)',
  'fill (best lead-in alone)',
  'fill (resampled by lead-in)',
  'plain (most likely of the batch)',
  'plain (one sample)',
] as const;

/** The bars k of a tune that can be filled: two bars before, bar k + 1 complete after. */
export function fillableBars(tune: Tune): number[] {
  const bars = Math.floor(tune.events.length / tune.stepsPerBar);
  return Array.from({ length: Math.max(0, bars - 3) }, (_, i) => i + 2);
}

/** The fill request for bar k of a tune. */
export function barFillRequest(
  tune: Tune,
  k: number,
  contextBars: number,
  candidates: number,
  oversample: number,
  seed: number,
): FillRequest {
  const bar = tune.stepsPerBar;
  const bars = Math.floor(tune.events.length / bar);
  const from = Math.max(0, k - contextBars) * bar;
  const start = k * bar;
  const end = start + bar;
  const afterEnd = Math.min(bars, k + 3) * bar;
  return {
    candidates,
    oversample,
    steps: bar,
    temperature: 1,
    seed,
    primer: { notes: tuneNotes(tune, from, start), steps: start - from, chords: tuneChords(tune, from, start) },
    chords: tuneChords(tune, start, end),
    after: { notes: tuneNotes(tune, end, afterEnd), steps: afterEnd - end, chords: tuneChords(tune, end, afterEnd) },
    returnProbabilities: false,
  };
}

/** NLL per event of the first `steps` events after the span, for continuation `i`. */
const nextBarNll = (batch: ScoredFillBatch, i: number, steps: number) =>
  -sumRange(batch.afterLogProbs[i], 0, steps) / steps;

export async function runFillTask(args: Args): Promise<void> {
  const setup = await setUpTask(args, 'melody', false);
  const { model, tunes } = setup;
  const candidates = num(args, 'candidates', 8);
  const oversample = num(args, 'oversample', 4);
  const contextBars = num(args, 'context-bars', 8);
  const maxBars = num(args, 'max-bars', Infinity);
  const seed = num(args, 'seed', 7);
  const sampler = new BatchSampler(model.weights);
  const runner = new RnnRunner(model.weights);
  console.log(
    `${setup.dir}: filling bars of ${tunes.length} tunes (${setup.split} split of ${setup.corpusDir}); ${candidates} candidates x ${oversample} ` +
      `sampled, up to ${contextBars} bars before and 2 after, temperature 1`,
  );
  const picks = PICKS.map((): Pick => ({ nll: 0, hits: 0 }));
  let bars = 0;
  let events = 0;
  let steps = 0;
  const started = performance.now();
  outer: for (const tune of tunes) {
    if (model.spec.chordEncoder && !tune.hasChords) continue;
    for (const k of fillableBars(tune)) {
      if (bars >= maxBars) break outer;
      const request = barFillRequest(tune, k, contextBars, candidates, oversample, seed + bars);
      if (!model.spec.chordEncoder) {
        delete request.chords;
        delete request.primer!.chords;
        delete request.after!.chords;
      }
      const batch = sampleAndScoreFill(model, sampler, runner, request);
      const bar = tune.stepsPerBar;
      const truth = Array.from(tune.events.subarray(k * bar, (k + 1) * bar), (e) => eventClass(e, model.spec.minPitch));
      const spanLogProb = (i: number) => sumRange(batch.spanLogProbs[i], 0, bar);
      const leadIn = (i: number) => sumRange(batch.afterLogProbs[i], 0, batch.afterSteps);
      const argMax = (score: (i: number) => number) =>
        batch.events.reduce((best, _, i) => (score(i) > score(best) ? i : best), 0);
      const mostLikely = argMax(spanLogProb);
      const chosen = [
        chooseFills(batch, candidates, 'best', request.seed)[0],
        argMax(leadIn),
        chooseFills(batch, candidates, 'resample', request.seed)[0],
        mostLikely,
        0, // the sampler's draws are independent: the first is any one sample
      ];
      chosen.forEach((i, p) => {
        picks[p].nll += nextBarNll(batch, i, bar) * bar;
        picks[p].hits += batch.events[i].reduce((n, e, s) => n + (e === truth[s] ? 1 : 0), 0);
      });
      bars++;
      events += bar;
      steps += bar;
      if (bars % 200 === 0)
        console.log(`  ${bars} bars, ${((performance.now() - started) / bars).toFixed(0)} ms a bar`);
    }
  }
  const table = picks.map((p, i) => ({
    name: PICKS[i],
    nll: p.nll / Math.max(1, events),
    accuracy: p.hits / Math.max(1, steps),
  }));
  console.log(`\n${bars} bars filled in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  console.log('choice                                next-bar NLL/event   step accuracy');
  for (const row of table)
    console.log(
      `${row.name.padEnd(38)}${row.nll.toFixed(4).padStart(18)}   ${(100 * row.accuracy).toFixed(1).padStart(12)}%`,
    );
  const [fill, , , plain] = table;
  console.log(
    `fill NLL ${(100 * (1 - fill.nll / plain.nll)).toFixed(1)}% below the plain continuation's (target >= 10%); step accuracy ${(100 * fill.accuracy).toFixed(1)}% vs ${(100 * plain.accuracy).toFixed(1)}%`,
  );
  printResult({
    task: 'fill',
    bars,
    fillNextBarNll: round(fill.nll),
    plainNextBarNll: round(plain.nll),
    fillStepAccuracy: round(fill.accuracy),
    plainStepAccuracy: round(plain.accuracy),
  });
}
