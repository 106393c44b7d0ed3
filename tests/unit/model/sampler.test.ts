import { rationalTanh } from '../../../src/model/attentionMemory';
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Note } from '../../../src/core/types';
import type { LoadedMelodyRnn } from '../../../src/model/checkpoint';
import { proposeCandidates } from '../../../src/model/propose';
import { BatchSampler } from '../../../src/model/sampler';
import type { ProposalRequest } from '../../../src/model/types';
import { loadFixture, serveFixtures, writeRandomCheckpoint, type FixtureServer } from '../../fixtures/checkpoints';

// The sampler against Magenta's own MusicRNN on the same random checkpoints, on tfjs's cpu backend.

let server: FixtureServer;
let melody: LoadedMelodyRnn;
let chord: LoadedMelodyRnn;
let aux: LoadedMelodyRnn;
let attention: LoadedMelodyRnn;
let chordAttention: LoadedMelodyRnn;

const PRIMER_NOTES: Note[] = [
  { pitch: 60, start: 0, length: 2, velocity: 90 },
  { pitch: 64, start: 2, length: 2, velocity: 90 },
  { pitch: 67, start: 4, length: 4, velocity: 90 },
  { pitch: 72, start: 10, length: 3, velocity: 90 },
];

function primerSequence(notes: Note[], steps: number) {
  return {
    notes: notes.map((n) => ({ pitch: n.pitch, quantizedStartStep: n.start, quantizedEndStep: n.start + n.length })),
    totalQuantizedSteps: steps,
    quantizationInfo: { stepsPerQuarter: 4 },
  };
}

function propose(model: LoadedMelodyRnn, request: ProposalRequest) {
  const sampler = new BatchSampler(model.weights);
  try {
    return proposeCandidates(model, sampler, request);
  } finally {
    sampler.dispose();
  }
}

function maxDifference(a: ArrayLike<number>, b: ArrayLike<number>): number {
  expect(a.length).toBe(b.length);
  let max = 0;
  for (let i = 0; i < a.length; i++) max = Math.max(max, Math.abs(a[i] - b[i]));
  return max;
}

type Reference = {
  sequence: Promise<{ notes: Array<{ pitch: number; quantizedStartStep: number; quantizedEndStep: number }> }>;
  probs: Float32Array[];
};
function reference(model: LoadedMelodyRnn, steps: number, temperature?: number, chords?: string[]): Promise<Reference> {
  const rnn = model.rnn as unknown as {
    continueSequenceAndReturnProbabilities(s: unknown, n: number, t?: number, c?: string[]): Promise<Reference>;
  };
  return rnn.continueSequenceAndReturnProbabilities(primerSequence(PRIMER_NOTES, 16), steps, temperature, chords);
}

beforeAll(async () => {
  await tf.setBackend('cpu');
  server = await serveFixtures();
  await writeRandomCheckpoint(`${server.root}/melody`, { seed: 11 });
  await writeRandomCheckpoint(`${server.root}/chord`, {
    seed: 22,
    chordEncoder: 'PitchChordEncoder',
    layers: [24, 16],
  });
  await writeRandomCheckpoint(`${server.root}/aux`, { seed: 33, auxBits: 5, minPitch: 40, maxPitch: 90 });
  melody = await loadFixture(server.url('melody'));
  chord = await loadFixture(server.url('chord'));
  aux = await loadFixture(server.url('aux'));
  // Memory shorter than primer + continuation, so slots get overwritten while sampling. Weights at scale 0.3:
  // at 0.6 this random net is chaotic, and float32 rounding (Magenta re-convolves the memory each step, the
  // sampler projects each output once) grows from 1e-7 to 1e-3 within 30 steps; at 0.3 it stays below 2e-7.
  await writeRandomCheckpoint(`${server.root}/attention`, {
    seed: 44,
    auxBits: 3,
    layers: [16, 16, 16],
    attentionLength: 12,
    scale: 0.3,
  });
  await writeRandomCheckpoint(`${server.root}/chord-attention`, {
    seed: 55,
    chordEncoder: 'PitchChordEncoder',
    layers: [12, 12, 12],
    attentionLength: 20,
  });
  attention = await loadFixture(server.url('attention'));
  chordAttention = await loadFixture(server.url('chord-attention'));
});

afterAll(async () => {
  melody?.dispose();
  chord?.dispose();
  aux?.dispose();
  attention?.dispose();
  chordAttention?.dispose();
  await server?.close();
});

const base: ProposalRequest = {
  candidates: 8,
  steps: 32,
  primer: { notes: PRIMER_NOTES, steps: 16 },
  temperature: 1,
  seed: 1234,
};

/** Two greedy candidates over chords that change inside the primer and the new steps (Magenta gets the same chords,
 * spread evenly: C G Am F, 12 steps each). */
const CHORDED_GREEDY: ProposalRequest = {
  ...base,
  candidates: 2,
  temperature: 0,
  primer: {
    notes: PRIMER_NOTES,
    steps: 16,
    chords: [
      { start: 0, symbol: 'C' },
      { start: 12, symbol: 'G' },
    ],
  },
  chords: [
    { start: 0, symbol: 'G' },
    { start: 8, symbol: 'Am' },
    { start: 20, symbol: 'F' },
  ],
};

describe('without constraints the sampler is Magenta', () => {
  it('gives the same greedy continuation and step distributions as continueSequenceAndReturnProbabilities (melody)', async () => {
    const ref = await reference(melody, 32);
    const ours = propose(melody, { ...base, candidates: 3, temperature: 0 });
    for (const candidate of ours.candidates) {
      expect(maxDifference(candidate.probabilities!.values, concat(ref.probs))).toBeLessThan(1e-5);
      const refNotes = (await ref.sequence).notes.map((n) => [
        n.pitch,
        n.quantizedStartStep,
        n.quantizedEndStep - n.quantizedStartStep,
      ]);
      expect(candidate.notes.map((n) => [n.pitch, n.start, n.length])).toEqual(refNotes);
    }
  });

  it('draws its first step from the same distribution at temperature 1.3, in every candidate of the batch', async () => {
    const ref = await reference(melody, 1, 1.3);
    const ours = propose(melody, { ...base, temperature: 1.3 });
    const depth = melody.spec.depth;
    for (const candidate of ours.candidates) {
      expect(maxDifference(candidate.probabilities!.values.subarray(0, depth), ref.probs[0])).toBeLessThan(1e-5);
    }
  });

  it('feeds chords as Magenta does: concat(chord of step i + 1, event i) with PitchChordEncoder', async () => {
    // Magenta spreads 4 chords evenly over 16 primer + 32 new steps: 12 steps each.
    const ref = await reference(chord, 32, undefined, ['C', 'G', 'Am', 'F']);
    const ours = propose(chord, CHORDED_GREEDY);
    expect(maxDifference(ours.candidates[0].probabilities!.values, concat(ref.probs))).toBeLessThan(1e-5);
  });

  it('feeds BinaryCounter aux inputs as Magenta does', async () => {
    const ref = await reference(aux, 24);
    const ours = propose(aux, { ...base, steps: 24, candidates: 1, temperature: 0 });
    expect(maxDifference(ours.candidates[0].probabilities!.values, concat(ref.probs))).toBeLessThan(1e-5);
  });
});

describe('attention RNNs: the sampler is Magenta too', () => {
  it('same greedy continuation and step distributions as continueSequenceAndReturnProbabilities (memory of 12 over 16 + 32 steps)', async () => {
    expect(attention.spec.attentionLength).toBe(12);
    const ref = await reference(attention, 32);
    const ours = propose(attention, { ...base, candidates: 3, temperature: 0 });
    for (const candidate of ours.candidates) {
      expect(maxDifference(candidate.probabilities!.values, concat(ref.probs))).toBeLessThan(1e-5);
      const refNotes = (await ref.sequence).notes.map((n) => [
        n.pitch,
        n.quantizedStartStep,
        n.quantizedEndStep - n.quantizedStartStep,
      ]);
      expect(candidate.notes.map((n) => [n.pitch, n.start, n.length])).toEqual(refNotes);
    }
    // The memory matters: the same weights without the primer's first notes predict otherwise.
    const shorter = propose(attention, {
      ...base,
      candidates: 1,
      temperature: 0,
      primer: { notes: PRIMER_NOTES.slice(2), steps: 16 },
    });
    expect(maxDifference(shorter.candidates[0].probabilities!.values.subarray(0, 38), ref.probs[0])).toBeGreaterThan(
      1e-3,
    );
  });

  it('draws from the same first-step distribution at temperature 1.3 in every candidate', async () => {
    const ref = await reference(attention, 1, 1.3);
    const ours = propose(attention, { ...base, temperature: 1.3 });
    for (const candidate of ours.candidates) {
      expect(
        maxDifference(candidate.probabilities!.values.subarray(0, attention.spec.depth), ref.probs[0]),
      ).toBeLessThan(1e-5);
    }
  });

  it('with chords (PitchChordEncoder)', async () => {
    const ref = await reference(chordAttention, 32, undefined, ['C', 'G', 'Am', 'F']);
    const ours = propose(chordAttention, CHORDED_GREEDY);
    expect(maxDifference(ours.candidates[1].probabilities!.values, concat(ref.probs))).toBeLessThan(1e-5);
  });

  it('leaves no tensor behind', () => {
    const sampler = new BatchSampler(attention.weights);
    proposeCandidates(attention, sampler, base);
    const before = tf.memory().numTensors;
    for (let i = 0; i < 10; i++) proposeCandidates(attention, sampler, { ...base, seed: i });
    expect(tf.memory().numTensors).toBe(before);
    sampler.dispose();
    expect(tf.memory().numTensors).toBe(before - 1);
  });
});

describe('constraints', () => {
  it('with a scale lock every generated pitch is in the scale and out-of-scale notes get zero probability', () => {
    const cMajor = [0, 2, 4, 5, 7, 9, 11];
    const result = propose(melody, { ...base, temperature: 1.5, scalePitchClasses: cMajor });
    const pitches = result.candidates.flatMap((c) => c.notes.map((n) => n.pitch));
    expect(pitches.length).toBeGreaterThan(20);
    expect(pitches.every((p) => cMajor.includes(p % 12))).toBe(true);
    const { values, depth, minPitch } = result.candidates[0].probabilities!;
    for (let step = 0; step < 32; step++) {
      for (let pitch = minPitch; pitch < minPitch + depth - 2; pitch++) {
        if (!cMajor.includes(pitch % 12)) expect(values[step * depth + 2 + pitch - minPitch]).toBe(0);
      }
    }
  });

  it('keeps new notes inside the requested pitch range', () => {
    const result = propose(melody, { ...base, temperature: 2, range: { min: 60, max: 67 } });
    const pitches = result.candidates.flatMap((c) => c.notes.map((n) => n.pitch));
    expect(pitches.length).toBeGreaterThan(20);
    expect(Math.min(...pitches)).toBeGreaterThanOrEqual(60);
    expect(Math.max(...pitches)).toBeLessThanOrEqual(67);
  });

  it('returns locked notes unchanged, writes around them, and keeps the candidate monophonic', () => {
    const locked: Note[] = [
      { pitch: 62, start: 0, length: 4, velocity: 110 },
      { pitch: 71, start: 8, length: 2, velocity: 50 },
      { pitch: 100, start: 29, length: 3, velocity: 70 }, // above the model's range: folded for the model, kept for the musician
    ];
    const result = propose(melody, { ...base, temperature: 1.5, scalePitchClasses: [0, 4, 7], lockedNotes: locked });
    for (const candidate of result.candidates) {
      for (const note of locked) expect(candidate.notes).toContainEqual(note);
      const notes = candidate.notes;
      for (let i = 1; i < notes.length; i++)
        expect(notes[i - 1].start + notes[i - 1].length).toBeLessThanOrEqual(notes[i].start);
      // The model heard the locked notes: sustains are "no event", and each locked note ends with an event.
      expect(Array.from(candidate.events.subarray(1, 4))).toEqual([0, 0, 0]);
      expect(candidate.events[4]).not.toBe(0);
      expect(candidate.events[10]).not.toBe(0);
    }
    expect(new Set(result.candidates.map((c) => JSON.stringify(c.notes))).size).toBeGreaterThan(1);
  });

  it('gives the same candidates for the same seed and different ones for another seed', () => {
    const first = propose(melody, { ...base, scalePitchClasses: [0, 2, 4, 7, 9] });
    const again = propose(melody, { ...base, scalePitchClasses: [0, 2, 4, 7, 9] });
    const other = propose(melody, { ...base, scalePitchClasses: [0, 2, 4, 7, 9], seed: 99 });
    expect(again.candidates.map((c) => c.notes)).toEqual(first.candidates.map((c) => c.notes));
    expect(other.candidates.map((c) => c.notes)).not.toEqual(first.candidates.map((c) => c.notes));
  });

  it('primes with one silent step when there is no primer', () => {
    const result = propose(melody, { ...base, primer: null, candidates: 2 });
    expect(result.candidates).toHaveLength(2);
    expect(result.candidates[0].events).toHaveLength(32);
  });

  it('starts every candidate with a note when asked (no hold, no rest on the first step), and not otherwise', () => {
    const result = propose(melody, { ...base, primer: null, temperature: 1.5, startWithNote: true });
    for (const candidate of result.candidates) {
      expect(candidate.notes[0].start).toBe(0);
      const { values } = candidate.probabilities!;
      expect([values[0], values[1]]).toEqual([0, 0]);
    }
    // The ban is for the first step only, and a locked note there wins over it.
    const locked = propose(melody, {
      ...base,
      primer: null,
      startWithNote: true,
      lockedNotes: [{ pitch: 62, start: 0, length: 8, velocity: 90 }],
    });
    for (const candidate of locked.candidates)
      expect(candidate.notes[0]).toEqual({ pitch: 62, start: 0, length: 8, velocity: 90 });
    const free = propose(melody, { ...base, primer: null, temperature: 1.5 });
    expect(free.candidates.some((c) => c.probabilities!.values[0] > 0)).toBe(true);
  });

  it('refuses a chord model request without chords, naming the cause', () => {
    expect(() => propose(chord, base)).toThrow(/chord/);
  });
});

describe('tensor hygiene', () => {
  it('leaves no tensor behind over 50 proposals in a row', () => {
    const sampler = new BatchSampler(chord.weights);
    const request: ProposalRequest = {
      ...base,
      candidates: 4,
      steps: 16,
      chords: [{ start: 0, symbol: 'Dm7' }],
      lockedNotes: [{ pitch: 62, start: 4, length: 2, velocity: 90 }],
    };
    proposeCandidates(chord, sampler, request);
    const before = tf.memory().numTensors;
    for (let i = 0; i < 50; i++) proposeCandidates(chord, sampler, { ...request, seed: i });
    expect(tf.memory().numTensors).toBe(before);
    sampler.dispose();
  });
});

function concat(arrays: Float32Array[]): Float32Array {
  const out = new Float32Array(arrays.reduce((n, a) => n + a.length, 0));
  let at = 0;
  for (const a of arrays) {
    out.set(a, at);
    at += a.length;
  }
  return out;
}

describe('the attention read-out’s tanh', () => {
  it('is within 3e-7 of Math.tanh from -20 to 20, odd, and ±1 far out', () => {
    let worst = 0;
    for (let x = -20; x <= 20; x += 1e-3) worst = Math.max(worst, Math.abs(rationalTanh(x) - Math.tanh(x)));
    expect(worst).toBeLessThan(3e-7);
    expect(rationalTanh(0)).toBe(0);
    expect(rationalTanh(-0.7)).toBe(-rationalTanh(0.7));
    expect(Math.abs(rationalTanh(1e6) - 1)).toBeLessThan(3e-7);
  });
});
