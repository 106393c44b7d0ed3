import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chordVocabulary } from '../../../src/core/harmony/chordVocabulary';
import { symbolClass } from '../../../src/core/harmony/chordClass';
import { TransitionPrior, type ChordPrior } from '../../../src/core/harmony/chordPrior';
import { ChordTones } from '../../../src/core/harmony/chordTones';
import { encodeMelodyEvents } from '../../../src/core/melodyEvents';
import { parseChordSymbol } from '../../../src/core/chords';
import type { Note } from '../../../src/core/types';
import type { LoadedMelodyRnn } from '../../../src/model/checkpoint';
import { harmonizeMelody } from '../../../src/model/harmonize';
import { RnnRunner } from '../../../src/model/rnnRunner';
import { specRange } from '../../../src/model/samplingPlan';
import { scoreContinuations, sumRange } from '../../../src/model/scoreContinuation';
import { loadAppModel, type AppModel } from '../../../src/train/eval/appModel';
import { loadFixture, serveFixtures, writeRandomCheckpoint, type FixtureServer } from '../../fixtures/checkpoints';

/** Real models on tfjs's cpu backend take seconds per test, minutes on a loaded 2-core machine. */
const HEAVY_MS = 300_000;

// The chord search: exact against brute force on a random model, and musical on the shipped chord model.

let server: FixtureServer;
let random: LoadedMelodyRnn;
let shipped: AppModel;

beforeAll(async () => {
  await tf.setBackend('cpu');
  server = await serveFixtures();
  await writeRandomCheckpoint(`${server.root}/chord`, {
    seed: 77,
    chordEncoder: 'PitchChordEncoder',
    auxBits: 5,
    layers: [16],
    scale: 1,
  });
  random = await loadFixture(server.url('chord'));
  shipped = loadAppModel('public/checkpoints/chord-melody-rnn-v4');
}, 120_000);

afterAll(async () => {
  random?.dispose();
  shipped?.dispose();
  await server?.close();
});

/** Quarter notes, one list of pitches per bar of 4/4. */
function melody(bars: number[][]): Note[] {
  return bars.flatMap((pitches, bar) =>
    pitches.map((pitch, i) => ({ pitch, start: bar * 16 + i * 4, length: 4, velocity: 90 })),
  );
}

const rootName = (symbol: string) => parseChordSymbol(symbol)!.root;

/** Three short notes, one in each 4-step slot: C, F, G. */
const THREE_NOTES = [60, 65, 67].map((pitch, i) => ({ pitch, start: i * 4 + 1, length: 2, velocity: 90 }));
const THREE_CHORDS = ['C', 'F', 'G'];
/** Three one-bar slots of THREE_NOTES over THREE_CHORDS, with a beam wide enough to keep every progression. */
const EXHAUSTIVE_REQUEST = {
  notes: THREE_NOTES,
  steps: 12,
  slotSteps: 4,
  barSteps: 4,
  vocabulary: THREE_CHORDS,
  tonic: 0,
  family: 'major' as const,
  beamWidth: 16,
  wholeBars: true,
};

/**
 * The best of every progression of THREE_CHORDS under THREE_NOTES by brute force: the model's log-likelihood
 * of the notes after a silent 4-step bar, plus `extra` for the progression.
 */
function bruteForce(runner: RnnRunner, extra: (chords: string[]) => number = () => 0) {
  const events = encodeMelodyEvents(THREE_NOTES, 12, specRange(random.spec));
  let best = { score: -Infinity, chords: [] as string[] };
  for (const a of THREE_CHORDS) {
    for (const b of THREE_CHORDS) {
      for (const c of THREE_CHORDS) {
        const chords = ['N.C.', 'N.C.', 'N.C.', 'N.C.', ...[a, b, c].flatMap((x) => [x, x, x, x])];
        const [lp] = scoreContinuations(runner, random.spec, { prefix: new Int32Array(4), rows: [events], chords });
        const score = sumRange(lp, 0, 12) + extra([a, b, c]);
        if (score > best.score) best = { score, chords: [a, b, c] };
      }
    }
  }
  return best;
}

describe('the chord search', () => {
  it(
    'with a beam wide enough for every progression, finds what brute force finds (model only)',
    () => {
      const runner = new RnnRunner(random.weights);
      const result = harmonizeMelody(runner, random.spec, null, EXHAUSTIVE_REQUEST);
      const best = bruteForce(runner);
      expect(result.slots.map((s) => s.best)).toEqual(best.chords);
      expect(result.modelLogProb).toBeCloseTo(best.score, 4);
      expect(result.slots.map((s) => s.start)).toEqual([0, 4, 8]);
      for (const slot of result.slots) {
        expect(slot.alternatives).toHaveLength(2);
        expect(slot.alternatives).not.toContain(slot.best);
      }
      runner.dispose();
    },
    HEAVY_MS,
  );

  it(
    "adds the chord-tone table's log-probability of every sounding step, weighted, to the model's score",
    () => {
      const runner = new RnnRunner(random.weights);
      const tones = {
        '0:maj': [9, 0, 0, 0, 5, 1, 0, 5, 0, 0, 0, 0],
        '5:maj': [5, 0, 0, 0, 0, 9, 0, 1, 0, 5, 0, 0],
        '7:maj': [0, 0, 5, 0, 0, 1, 0, 9, 0, 0, 0, 5],
      };
      const prior: ChordPrior = {
        format: 'phrasewright-chord-prior',
        version: 1,
        source: { corpus: 'test', tunes: 1 },
        families: {},
        tones: { major: tones },
      };
      const result = harmonizeMelody(runner, random.spec, prior, { ...EXHAUSTIVE_REQUEST, toneWeight: 20 });
      const table = new ChordTones(prior, 'major');
      // Each note sounds two steps, in its own slot.
      const best = bruteForce(
        runner,
        (chords) =>
          20 * chords.reduce((s, chord, i) => s + 2 * table.logProbs(symbolClass(chord, 0)!)[[0, 5, 7][i]], 0),
      );
      expect(result.slots.map((s) => s.best)).toEqual(best.chords);
      // The table is heavy enough here to spell the melody out: C, F, G.
      expect(best.chords).toEqual(['C', 'F', 'G']);
      runner.dispose();
    },
    HEAVY_MS,
  );

  it(
    "gives one chord per bar as the downbeat chord of a search in half bars: a bar that moves from IV to V is IV's",
    () => {
      const runner = new RnnRunner(shipped.weights);
      const notes = melody([
        [60, 64, 67, 64],
        [65, 69, 67, 71],
        [72, 67, 64, 60],
      ]);
      const request = {
        notes,
        steps: 48,
        slotSteps: 16,
        barSteps: 16,
        vocabulary: chordVocabulary({ tonic: 'C', scale: 'major' }).symbols,
        tonic: 0,
        family: 'major' as const,
        endsSong: true,
      };
      const perBar = harmonizeMelody(runner, shipped.spec, shipped.prior, request);
      const perHalf = harmonizeMelody(runner, shipped.spec, shipped.prior, { ...request, slotSteps: 8 });
      expect(perBar.slots.map((s) => s.start)).toEqual([0, 16, 32]);
      expect(perBar.slots).toEqual(perHalf.slots.filter((s) => s.start % 16 === 0));
      expect(perHalf.slots.map((s) => rootName(s.best))).toEqual(['C', 'C', 'F', 'G', 'C', 'C']);
      runner.dispose();
    },
    HEAVY_MS,
  );

  it(
    'gives a melody that spells C-F-G-C the progression I-IV-V-I (shipped chord model and prior)',
    () => {
      const runner = new RnnRunner(shipped.weights);
      const notes = melody([
        [60, 64, 67, 72],
        [65, 69, 72, 69],
        [67, 71, 74, 71],
        [72, 67, 64, 60],
      ]);
      const vocabulary = chordVocabulary({ tonic: 'C', scale: 'major' });
      const result = harmonizeMelody(runner, shipped.spec, shipped.prior, {
        notes,
        steps: 64,
        slotSteps: 16,
        barSteps: 16,
        vocabulary: vocabulary.symbols,
        tonic: 0,
        family: 'major',
        endsSong: true,
        beamWidth: 2,
      });
      expect(result.usedPrior).toBe(true);
      expect(result.slots.map((s) => rootName(s.best))).toEqual(['C', 'F', 'G', 'C']);
      runner.dispose();
    },
    HEAVY_MS,
  );

  it(
    "tries after each beam only the chords the prior finds likeliest: with one, the prior's own path",
    () => {
      const runner = new RnnRunner(shipped.weights);
      const vocabulary = chordVocabulary({ tonic: 'C', scale: 'major' }).symbols;
      const request = {
        notes: melody([
          [60, 64, 67, 72],
          [65, 69, 72, 69],
          [67, 71, 74, 71],
        ]),
        steps: 48,
        slotSteps: 16,
        barSteps: 16,
        vocabulary,
        tonic: 0,
        family: 'major' as const,
        beamWidth: 1,
        wholeBars: true,
      };
      const onlyPrior = harmonizeMelody(runner, shipped.spec, shipped.prior, { ...request, chordsPerBeam: 1 });
      const transitions = new TransitionPrior(shipped.prior, 'major', 'bar');
      const classOf = (symbol: string) => symbolClass(symbol, 0)!;
      let previous: string | null = null;
      for (const slot of onlyPrior.slots) {
        const expected = vocabulary.reduce((best, symbol) => {
          const score = (x: string) =>
            previous === null ? transitions.start(classOf(x)) : transitions.transition(classOf(previous), classOf(x));
          return score(symbol) > score(best) ? symbol : best;
        });
        expect(slot.best).toBe(expected);
        // Nothing else was tried, so there is nothing to offer beside it.
        expect(slot.alternatives).toEqual([]);
        previous = slot.best;
      }
      // With every chord tried, the melody decides: I-IV-V, not the prior's path.
      const all = harmonizeMelody(runner, shipped.spec, shipped.prior, {
        ...request,
        chordsPerBeam: vocabulary.length,
      });
      expect(all.slots.map((s) => rootName(s.best))).toEqual(['C', 'F', 'G']);
      runner.dispose();
    },
    HEAVY_MS,
  );

  it(
    'works in a minor key: A-D-E-A arpeggios get i-iv-V-i',
    () => {
      const runner = new RnnRunner(shipped.weights);
      const notes = melody([
        [57, 60, 64, 69],
        [62, 65, 69, 65],
        [64, 68, 71, 68],
        [69, 64, 60, 57],
      ]);
      const vocabulary = chordVocabulary({ tonic: 'A', scale: 'minor' });
      const result = harmonizeMelody(runner, shipped.spec, shipped.prior, {
        notes,
        steps: 64,
        slotSteps: 16,
        barSteps: 16,
        vocabulary: vocabulary.symbols,
        tonic: 9,
        family: 'minor',
        endsSong: true,
        beamWidth: 2,
      });
      const chords = result.slots.map((s) => parseChordSymbol(s.best)!);
      expect(chords.map((c) => c.root)).toEqual(['A', 'D', 'E', 'A']);
      expect(chords[2].pitchClasses).toContain(8); // the dominant's raised third, G#
      runner.dispose();
    },
    HEAVY_MS,
  );

  it(
    'refuses what it cannot do, naming why',
    () => {
      const runner = new RnnRunner(shipped.weights);
      const base = {
        notes: melody([[60]]),
        steps: 16,
        slotSteps: 16,
        barSteps: 16,
        vocabulary: ['C'],
        tonic: 0,
        family: 'major' as const,
      };
      expect(() => harmonizeMelody(runner, shipped.spec, null, { ...base, notes: [] })).toThrow(/no notes/);
      expect(() => harmonizeMelody(runner, shipped.spec, null, { ...base, vocabulary: ['Xyz'] })).toThrow(
        /Unknown chord/,
      );
      expect(() =>
        harmonizeMelody(runner, { ...shipped.spec, chordEncoder: undefined, chordDepth: 0 }, null, base),
      ).toThrow(/chord-conditioned/);
      runner.dispose();
    },
    HEAVY_MS,
  );
});
