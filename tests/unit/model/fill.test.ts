import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeMelodyEvents, encodeMelodyEvents, NO_EVENT, NOTE_OFF } from '../../../src/core/melodyEvents';
import type { Note } from '../../../src/core/types';
import type { LoadedMelodyRnn } from '../../../src/model/checkpoint';
import { chordsPerStep } from '../../../src/model/chordEncoding';
import { chooseFills, eventsAfter, fillCandidates, sampleAndScoreFill } from '../../../src/model/fill';
import { RnnRunner } from '../../../src/model/rnnRunner';
import { BatchSampler } from '../../../src/model/sampler';
import { specRange } from '../../../src/model/samplingPlan';
import { sumRange } from '../../../src/model/scoreContinuation';
import { scoreNotes } from '../../../src/model/scoreNotes';
import type { FillRequest } from '../../../src/model/types';
import { loadFixture, serveFixtures, writeRandomCheckpoint, type FixtureServer } from '../../fixtures/checkpoints';

/** Real models on tfjs's cpu backend take seconds per test, minutes on a loaded 2-core machine. */
const HEAVY_MS = 300_000;

// The fill's scores against Magenta's own MusicRNN, step by step, on random checkpoints (cpu backend).

let server: FixtureServer;
let chord: LoadedMelodyRnn;
let melody: LoadedMelodyRnn;
let chordAttention: LoadedMelodyRnn;

beforeAll(async () => {
  await tf.setBackend('cpu');
  server = await serveFixtures();
  await writeRandomCheckpoint(`${server.root}/chord`, {
    seed: 5,
    chordEncoder: 'PitchChordEncoder',
    auxBits: 5,
    layers: [24, 16],
  });
  await writeRandomCheckpoint(`${server.root}/melody`, { seed: 6, layers: [20] });
  // An attention RNN whose memory (6 steps) is shorter than the primer, so the runner's ring of outputs wraps
  // before the scored steps; weights at scale 0.3 keep this random net out of chaos (see sampler.test.ts).
  await writeRandomCheckpoint(`${server.root}/chord-attention`, {
    seed: 7,
    chordEncoder: 'PitchChordEncoder',
    auxBits: 5,
    layers: [12, 12, 12],
    attentionLength: 6,
    scale: 0.3,
  });
  chord = await loadFixture(server.url('chord'));
  melody = await loadFixture(server.url('melody'));
  chordAttention = await loadFixture(server.url('chord-attention'));
}, 120_000);

afterAll(async () => {
  chord?.dispose();
  melody?.dispose();
  chordAttention?.dispose();
  await server?.close();
});

const note = (pitch: number, start: number, length: number): Note => ({ pitch, start, length, velocity: 90 });

const request: FillRequest = {
  candidates: 3,
  oversample: 2,
  steps: 8,
  temperature: 1,
  seed: 42,
  primer: {
    notes: [note(60, 0, 4), note(64, 4, 4), note(67, 8, 6)],
    steps: 16,
    chords: [
      { start: 0, symbol: 'C' },
      { start: 8, symbol: 'G7' },
    ],
  },
  chords: [{ start: 0, symbol: 'Am' }],
  after: { notes: [note(65, 2, 2), note(64, 4, 4)], steps: 8, chords: [{ start: 0, symbol: 'F' }] },
};

/** p(next event | sequence so far) by Magenta itself: its primer is the sequence, one step continued. */
async function magentaNextProbabilities(
  model: LoadedMelodyRnn,
  events: Int32Array,
  chords: string[] | undefined,
): Promise<Float32Array> {
  const notes = decodeMelodyEvents(events, specRange(model.spec));
  const sequence = {
    notes: notes.map((n) => ({ pitch: n.pitch, quantizedStartStep: n.start, quantizedEndStep: n.start + n.length })),
    totalQuantizedSteps: events.length,
    quantizationInfo: { stepsPerQuarter: 4 },
  };
  const rnn = model.rnn as unknown as {
    continueSequenceAndReturnProbabilities(
      s: unknown,
      n: number,
      t?: number,
      c?: string[],
    ): Promise<{ probs: Float32Array[] }>;
  };
  // One chord per step of primer + the continued step, so Magenta's even spreading is the identity.
  return (await rnn.continueSequenceAndReturnProbabilities(sequence, 1, undefined, chords)).probs[0];
}

describe('a fill is scored by what follows it', () => {
  it.each(['chord', 'chord-attention'])(
    "%s: scores each continuation by the sum of Magenta's step-by-step log-probabilities of the notes after the span (within 1e-4)",
    async (which) => {
      const model = which === 'chord' ? chord : chordAttention;
      const sampler = new BatchSampler(model.weights);
      const runner = new RnnRunner(model.weights);
      const batch = sampleAndScoreFill(model, sampler, runner, request);
      expect(batch.events).toHaveLength(6);
      const range = specRange(model.spec);
      const primer = encodeMelodyEvents(request.primer!.notes, 16, range);
      const after = encodeMelodyEvents(request.after!.notes, 8, range);
      const chords = [
        ...chordsPerStep(request.primer!.chords, 16),
        ...chordsPerStep(request.chords, 8),
        ...chordsPerStep(request.after!.chords, 8),
      ];
      for (const i of [0, 3]) {
        const full = new Int32Array([...primer, ...batch.events[i], ...eventsAfter(after, primer, batch.events[i])]);
        let expected = 0;
        for (let j = 0; j < 8; j++) {
          const at = 16 + 8 + j;
          const probs = await magentaNextProbabilities(model, full.subarray(0, at), chords.slice(0, at + 1));
          expected += Math.log(probs[full[at]]);
        }
        expect(Math.abs(sumRange(batch.afterLogProbs[i], 0, 8) - expected)).toBeLessThan(1e-4);
      }
      runner.dispose();
      sampler.dispose();
    },
    HEAVY_MS,
  );

  it(
    "gives each drawn event the model's own log-probability, as Magenta computes it at temperature 1",
    async () => {
      const sampler = new BatchSampler(melody.weights);
      const runner = new RnnRunner(melody.weights);
      const batch = sampleAndScoreFill(melody, sampler, runner, {
        ...request,
        chords: undefined,
        temperature: 1.7,
        scalePitchClasses: [0, 2, 4, 5, 7, 9, 11],
      });
      const primer = encodeMelodyEvents(request.primer!.notes, 16, specRange(melody.spec));
      const full = new Int32Array([...primer, ...batch.events[1]]);
      for (const j of [0, 5]) {
        const probs = await magentaNextProbabilities(melody, full.subarray(0, 16 + j), undefined);
        expect(batch.spanLogProbs[1][j]).toBeCloseTo(Math.log(probs[full[16 + j]]), 4);
      }
      runner.dispose();
    },
    HEAVY_MS,
  );

  it(
    'keeps the distinct fills most likely given both sides, best first, and resamples by lead-in with its seed',
    () => {
      const events = [[2], [3], [2], [4], [5]].map((e) => Int32Array.from(e));
      const afterLogProbs = [-5, -1, -5, -3, -40].map((x) => Float32Array.of(x));
      const spanLogProbs = [-1, -1, -1, -1, -1].map((x) => Float32Array.of(x));
      const batch = { events, spanLogProbs, afterLogProbs };
      // Continuation 2 repeats continuation 0 (same events, same score): one fill, listed once.
      expect(chooseFills(batch, 3, 'best', 1)).toEqual([1, 3, 0]);
      // A lead-in that sets up the next bar well but is itself very unlikely ranks by the sum of both.
      const oddSpan = { ...batch, spanLogProbs: [-1, -9, -1, -1, -1].map((x) => Float32Array.of(x)) };
      expect(chooseFills(oddSpan, 3, 'best', 1)).toEqual([3, 0, 1]);
      const drawn = chooseFills(batch, 3, 'resample', 9);
      expect(new Set(drawn).size).toBe(3);
      expect(drawn).toEqual(chooseFills(batch, 3, 'resample', 9));
      expect(drawn).not.toContain(2);
      // The nearly impossible lead-in is almost never among the first three drawn.
      const seen = Array.from({ length: 200 }, (_, seed) => chooseFills(batch, 3, 'resample', seed)).filter((d) =>
        d.includes(4),
      ).length;
      expect(seen).toBeLessThan(5);
    },
    HEAVY_MS,
  );

  it(
    'offers a fill that only rests or holds after every fill that plays a note, best or resampled',
    () => {
      // Continuation 0 is silent (a rest, then holding) and the most likely; 1 and 2 play a note.
      const events = [
        [NOTE_OFF, NO_EVENT],
        [NO_EVENT, 9],
        [12, NO_EVENT],
      ].map((e) => Int32Array.from(e));
      const afterLogProbs = [-1, -4, -6].map((x) => Float32Array.of(x));
      const spanLogProbs = [-1, -2, -2].map((x) => Float32Array.of(x));
      const batch = { events, spanLogProbs, afterLogProbs };
      expect(chooseFills(batch, 2, 'best', 1)).toEqual([1, 2]);
      expect(chooseFills(batch, 3, 'best', 1)).toEqual([1, 2, 0]);
      for (let seed = 0; seed < 20; seed++) {
        expect(chooseFills(batch, 2, 'resample', seed).sort()).toEqual([1, 2]);
        expect(chooseFills(batch, 3, 'resample', seed)[2]).toBe(0);
      }
    },
    HEAVY_MS,
  );

  it(
    'ends a fill note that still sounds where the notes after the span begin with a rest',
    () => {
      const after = Int32Array.of(NO_EVENT, NO_EVENT, 20);
      expect(Array.from(eventsAfter(after, Int32Array.of(0), Int32Array.of(15, NO_EVENT)))).toEqual([
        NOTE_OFF,
        NO_EVENT,
        20,
      ]);
      expect(Array.from(eventsAfter(after, Int32Array.of(0), Int32Array.of(15, NOTE_OFF)))).toEqual([
        NO_EVENT,
        NO_EVENT,
        20,
      ]);
      // Nothing in the span: whether the primer's last note still sounds decides.
      expect(Array.from(eventsAfter(after, Int32Array.of(12, NO_EVENT), Int32Array.of(NO_EVENT)))).toEqual([
        NOTE_OFF,
        NO_EVENT,
        20,
      ]);
      expect(Array.from(eventsAfter(Int32Array.of(20), Int32Array.of(12), Int32Array.of(15)))).toEqual([20]);
    },
    HEAVY_MS,
  );

  it(
    'returns distinct candidates with their fit against the plain continuation, and plain ones when nothing follows',
    () => {
      const sampler = new BatchSampler(chord.weights);
      const runner = new RnnRunner(chord.weights);
      const result = fillCandidates(chord, sampler, runner, { ...request, candidates: 4, oversample: 4 });
      expect(result.plain).toBe(false);
      expect(result.sampled).toBe(16);
      expect(new Set(result.candidates.map((c) => c.events.join())).size).toBe(result.candidates.length);
      // Best first by likelihood given both sides: the span's own log-probability plus what follows.
      const afterSteps = request.after!.steps;
      const joint = result.candidates.map((c) => c.meanLogProb! * request.steps + c.fit!.perStep * afterSteps);
      for (let i = 1; i < joint.length; i++) expect(joint[i]).toBeLessThanOrEqual(joint[i - 1] + 1e-4);
      for (const c of result.candidates) expect(c.fit!.plainPerStep).toBeLessThan(0);
      for (const c of result.candidates) expect(c.meanLogProb).toBeLessThan(0);
      const plain = fillCandidates(chord, sampler, runner, { ...request, after: null });
      expect(plain.plain).toBe(true);
      expect(plain.sampled).toBe(3);
      expect(plain.candidates.every((c) => c.fit === undefined)).toBe(true);
      runner.dispose();
    },
    HEAVY_MS,
  );
});

describe('how sure the model is of notes it did not write', () => {
  it(
    'scores given notes as the mean of the log-probabilities Magenta gives them',
    async () => {
      const runner = new RnnRunner(melody.weights);
      const notes = [note(62, 0, 2), note(65, 2, 6)];
      const { meanLogProb } = scoreNotes(runner, melody.spec, { notes, steps: 8, primer: request.primer });
      const range = specRange(melody.spec);
      const full = new Int32Array([
        ...encodeMelodyEvents(request.primer!.notes, 16, range),
        ...encodeMelodyEvents(notes, 8, range),
      ]);
      let sum = 0;
      for (let j = 0; j < 8; j++)
        sum += Math.log((await magentaNextProbabilities(melody, full.subarray(0, 16 + j), undefined))[full[16 + j]]);
      expect(meanLogProb).toBeCloseTo(sum / 8, 4);
      runner.dispose();
    },
    HEAVY_MS,
  );
});
