import { encodeMelodyEvents, FIRST_PITCH_EVENT, NO_EVENT, NOTE_OFF } from '../core/melodyEvents';
import type { LoadedMelodyRnn } from './checkpoint';
import { chordsPerStep } from './chordEncoding';
import { seededRandom } from './random';
import type { RnnRunner } from './rnnRunner';
import type { BatchSampler } from './sampler';
import { candidateNotes, MAX_FILL_BATCH, planSampling, specRange, type SamplingPlan } from './samplingPlan';
import { scoreContinuations, sumRange } from './scoreContinuation';
import type { Candidate, FillRequest, FillResult } from './types';

/**
 * Filling a span so it leads into what follows, within what a left-to-right MusicRNN can do: sample many
 * continuations of the span in one batch (the context before it as primer, the request's constraints
 * honoured), then score each by the model's log-probability of the fixed notes after the span (teacher-forced,
 * with their chords for a chord model), and keep the best few.
 *
 * Which few: `npm run eval -- --task fill` measured the rules on the validation tunes (BENCHMARKS.md). 'best'
 * keeps the distinct spans most likely given both sides, log p(span | before) + log p(after | before, span): it
 * lowers the NLL of the true next bar 14% below a plain continuation's and matches the real bar more often
 * (67.9% vs 67.2%). Ranking by the lead-in alone lowered the NLL more (22%) but matched the bar less (64.3%);
 * resampling in proportion to the lead-in's likelihood did worse on both, and stays as an option for variety.
 */

/** Every continuation sampled for a fill, with its scores. */
export interface ScoredFillBatch {
  plan: SamplingPlan;
  /** Span events of each sampled continuation. */
  events: Int32Array[];
  /** Per continuation and span step: the model's log-probability of the event it drew. */
  spanLogProbs: Float32Array[];
  /** Per continuation and step after the span: log p(fixed event | context, continuation); empty rows when nothing follows. */
  afterLogProbs: Float32Array[];
  afterSteps: number;
  /** The distributions each span step was drawn from (for the teaching view), when asked for. */
  probabilities: Float32Array[] | null;
}

/** True when a note is still sounding after these events (the last event that is not "no event" is a note-on). */
function soundsAtEnd(events: ArrayLike<number>): boolean | null {
  for (let i = events.length - 1; i >= 0; i--) {
    if (events[i] === NO_EVENT) continue;
    return events[i] >= FIRST_PITCH_EVENT;
  }
  return null;
}

/**
 * The fixed events after a continuation: the notes after the span as encoded on their own, except that when
 * they begin in silence and the continuation's last note still sounds, that note ends there (a note-off), as
 * it would in the phrase once the fill is written.
 */
export function eventsAfter(after: Int32Array, primer: Int32Array, span: Int32Array): Int32Array {
  const out = after.slice();
  if (out.length > 0 && out[0] === NO_EVENT && (soundsAtEnd(span) ?? soundsAtEnd(primer) ?? false)) out[0] = NOTE_OFF;
  return out;
}

/**
 * Most continuations a fill samples with an attention RNN: each row reads its last 64 outputs at every step
 * (32 rows x 64 slots x 128 tanh per step), which made a fill of 8 candidates x 4 with melody-rnn-v3 cost
 * ~3x a plain model's (Node, shared core: 320-500 ms against 120-140 ms); 2 per candidate keeps the fill
 * inside its 250 ms budget.
 */
export const MAX_ATTENTION_FILL_BATCH = 16;

/** Samples `candidates x oversample` continuations of the span and scores each by what follows. */
export function sampleAndScoreFill(
  model: Pick<LoadedMelodyRnn, 'spec'>,
  sampler: BatchSampler,
  runner: RnnRunner,
  request: FillRequest,
): ScoredFillBatch {
  const spec = model.spec;
  const oversample = Math.max(1, Math.min(8, Math.floor(request.oversample)));
  const after = request.after && request.after.steps > 0 ? request.after : null;
  const most = spec.attentionLength ? MAX_ATTENTION_FILL_BATCH : MAX_FILL_BATCH;
  const batch = after
    ? Math.max(request.candidates, Math.min(most, request.candidates * oversample))
    : request.candidates;
  const plan = planSampling({ ...request, candidates: batch }, spec, MAX_FILL_BATCH);
  const sampled = sampler.sample(plan);
  const base = { plan, events: sampled.events, spanLogProbs: sampled.logProbs, probabilities: sampled.probabilities };
  if (!after) return { ...base, afterLogProbs: sampled.events.map(() => new Float32Array(0)), afterSteps: 0 };

  const afterEvents = encodeMelodyEvents(after.notes, after.steps, specRange(spec), { fold: true });
  const primer = plan.primerEvents;
  const rows = sampled.events.map((span) => {
    const row = new Int32Array(span.length + after.steps);
    row.set(span);
    row.set(eventsAfter(afterEvents, primer, span), span.length);
    return row;
  });
  const chords = spec.chordEncoder
    ? [
        ...chordsPerStep(request.primer?.chords, primer.length),
        ...chordsPerStep(request.chords, plan.steps),
        ...chordsPerStep(
          after.chords?.length
            ? after.chords
            : request.chords?.length
              ? [{ start: 0, symbol: lastChord(request) }]
              : [],
          after.steps,
        ),
      ]
    : undefined;
  const scored = scoreContinuations(runner, spec, { prefix: primer, rows, chords });
  return { ...base, afterLogProbs: scored.map((lp) => lp.subarray(plan.steps)), afterSteps: after.steps };
}

/** The chord sounding at the end of the span (it carries on when the notes after have no chords of their own). */
function lastChord(request: FillRequest): string {
  const steps = chordsPerStep(request.chords, request.steps);
  return steps[steps.length - 1] ?? 'N.C.';
}

/**
 * Which continuations to keep, best first: the `count` distinct spans most likely given both sides, the span's
 * own log-probability plus that of what follows ('best'), or `count` distinct ones drawn without replacement in
 * proportion to exp(log-likelihood of what follows) ('resample', seeded). Without anything after the span, the first `count` distinct ones in sampled order.
 * Spans that play no note come after every span that does, in either mode.
 */
export function chooseFills(
  batch: Pick<ScoredFillBatch, 'events' | 'spanLogProbs' | 'afterLogProbs'>,
  count: number,
  selection: 'best' | 'resample',
  seed: number,
): number[] {
  const byKey = new Map<string, number>();
  batch.events.forEach((events, i) => {
    const key = events.join(',');
    if (!byKey.has(key)) byKey.set(key, i);
  });
  // A fill is notes for the selected steps: one that only rests or holds (likely enough under a model that
  // often waits for the next bar) is offered only when too few sampled spans play a note.
  const distinct = [...byKey.values()];
  const silent = new Set(distinct.filter((i) => !batch.events[i].some((e) => e >= FIRST_PITCH_EVENT)));
  const score = (i: number) => sumRange(batch.afterLogProbs[i], 0, batch.afterLogProbs[i].length);
  if (selection === 'best') {
    // The most likely fill given both sides: log p(span | before) + log p(after | before, span). Ranking by
    // the second term alone favours odd spans that happen to set up the next bar.
    const hasAfter = batch.afterLogProbs.some((row) => row.length > 0);
    const joint = (i: number) =>
      hasAfter ? score(i) + sumRange(batch.spanLogProbs[i], 0, batch.spanLogProbs[i].length) : 0;
    return distinct
      .sort((a, b) => Number(silent.has(a)) - Number(silent.has(b)) || joint(b) - joint(a) || a - b)
      .slice(0, count);
  }
  // Duplicates are one lead-in sampled several times: its weight is the sum of theirs.
  const weightOf = new Map<number, number>();
  const top = Math.max(...batch.events.map((_, i) => score(i)));
  batch.events.forEach((events, i) => {
    const first = byKey.get(events.join(','))!;
    weightOf.set(first, (weightOf.get(first) ?? 0) + Math.exp(score(i) - top));
  });
  const random = seededRandom(seed + 7919);
  const chosen: number[] = [];
  for (const pool of [distinct.filter((i) => !silent.has(i)), distinct.filter((i) => silent.has(i))]) {
    while (chosen.length < count && pool.length > 0) {
      const total = pool.reduce((s, i) => s + weightOf.get(i)!, 0);
      let u = random() * total;
      let at = pool.findIndex((i) => (u -= weightOf.get(i)!) < 0);
      if (at < 0) at = pool.length - 1;
      chosen.push(pool[at]);
      pool.splice(at, 1);
    }
  }
  return chosen;
}

/** A fill request end to end in the worker: sample, score, choose, decode. */
export function fillCandidates(
  model: Pick<LoadedMelodyRnn, 'spec'>,
  sampler: BatchSampler,
  runner: RnnRunner,
  request: FillRequest,
  now: () => number = () => performance.now(),
): FillResult {
  const started = now();
  const honoured: FillRequest = {
    ...request,
    chords: model.spec.chordEncoder ? request.chords : undefined,
    velocity: request.velocity ?? 96,
    returnProbabilities: request.returnProbabilities ?? true,
  };
  const batch = sampleAndScoreFill(model, sampler, runner, honoured);
  const plain = batch.afterSteps === 0;
  const chosen = chooseFills(batch, honoured.candidates, honoured.selection ?? 'best', honoured.seed);
  const perStep = (i: number) => sumRange(batch.afterLogProbs[i], 0, batch.afterSteps) / Math.max(1, batch.afterSteps);
  const plainPerStep = batch.events.reduce((s, _, i) => s + perStep(i), 0) / batch.events.length;
  const { spec } = model;
  const candidates: Candidate[] = chosen.map((i) => ({
    notes: candidateNotes(batch.events[i], honoured, spec),
    events: batch.events[i],
    meanLogProb: sumRange(batch.spanLogProbs[i], 0, batch.plan.steps) / batch.plan.steps,
    ...(batch.probabilities
      ? {
          probabilities: {
            minPitch: spec.minPitch,
            depth: spec.depth,
            steps: batch.plan.steps,
            values: batch.probabilities[i],
          },
        }
      : {}),
    ...(plain ? {} : { fit: { perStep: perStep(i), plainPerStep } }),
  }));
  return { candidates, request: honoured, generateMs: now() - started, plain, sampled: batch.events.length };
}
