/**
 * Every shipped MusicRNN checkpoint (each one the checkpoint index lists, folk and pop) loads in Magenta's own
 * MusicRNN (Node build, over HTTP as in the browser) and predicts the same next-step probabilities as the
 * training graph on a tune the POP909 reader made; chord models over every chord quality that reader writes
 * (so Magenta's chord-symbol parsing agrees with ours). A newly shipped checkpoint is covered by being listed.
 */
import * as tf from '@tensorflow/tfjs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chordSymbol, transposeChord, type GridChord } from '../../../src/train/corpus/chordSymbols';
import { readHarteChord } from '../../../src/train/corpus/harteChords';
import { readCorpus } from '../../../src/train/corpus/readCorpus';
import { specFromConfig } from '../../../src/train/data/modelSpec';
import { readCheckpoint } from '../../../src/train/export/checkpointFiles';
import { shapeOfVariables } from '../../../src/train/model/rnnGraph';
import { serveFixtures, type FixtureServer } from '../../fixtures/checkpoints';
import { graphProbs, maxDiff, MusicRNN, primerSequence } from './parityHelpers';

const ROOT = 'public/checkpoints';
let server: FixtureServer;

beforeAll(async () => {
  await tf.setBackend('cpu');
  server = await serveFixtures(ROOT);
});

afterAll(() => server.close());

/** A tune of the hand-made POP909 fixture, read by the POP909 reader: 5 bars with chords. */
const tune = readCorpus('tests/fixtures/pop909', { minPitch: 48, maxPitch: 83, validationFraction: 0 }).train.find(
  (t) => t.name === '001 bars 1-5',
)!;

function load(id: string) {
  const { config, tensors } = readCheckpoint(join(ROOT, id));
  return { spec: specFromConfig(config, shapeOfVariables(tensors).hidden), tensors };
}

// Two 2x128 models on tfjs's cpu backend, many primers: far slower than the tiny models of checkpointParity.
const TIMEOUT_MS = 180_000;

interface IndexEntry {
  id: string;
  kind: string;
}
const shipped = (JSON.parse(readFileSync(join(ROOT, 'index.json'), 'utf8')) as { checkpoints: IndexEntry[] })
  .checkpoints;
const melodyModels = shipped.filter((c) => c.kind === 'melody').map((c) => c.id);
const chordModels = shipped.filter((c) => c.kind === 'chord').map((c) => c.id);

describe('shipped MusicRNN checkpoints in mm.MusicRNN', () => {
  it('covers the folk and pop pairs the style picker offers', () => {
    expect(melodyModels.length).toBeGreaterThanOrEqual(2);
    expect(chordModels.length).toBeGreaterThanOrEqual(2);
  });

  it.each(melodyModels)(
    '%s: same next-step probabilities as the training graph',
    async (id) => {
      const { spec, tensors } = load(id);
      expect(spec.kind).toBe('melody');
      const model = new MusicRNN(server.url(id));
      await model.initialize();
      for (const steps of [16, 37, 64]) {
        const primer = tune.events.slice(0, steps);
        const { probs } = await model.continueSequenceAndReturnProbabilities(primerSequence(primer), 1);
        expect(maxDiff(probs[0], graphProbs(tensors, spec, primer, []))).toBeLessThan(1e-5);
      }
      model.dispose();
      tf.dispose(Object.values(tensors));
    },
    TIMEOUT_MS,
  );

  it.each(chordModels)(
    '%s: same probabilities over every chord quality the reader writes, in several roots',
    async (id) => {
      const { spec, tensors } = load(id);
      expect(spec.kind).toBe('chord');
      const model = new MusicRNN(server.url(id));
      await model.initialize();
      await model.continueSequenceAndReturnProbabilities(primerSequence(tune.events.slice(0, 4)), 1, undefined, [
        'C',
        'C',
        'C',
        'C',
        'C',
      ]);
      // "No chord" ('N') is left out: Magenta JS encodes N.C. as an int32 one-hot while real chords are float32,
      // so a request mixing them throws in tf.stack and one of only N.C. reads the wrong values (0.44 off here).
      // The training graph and the app's sampler both encode N.C. as Magenta's Python does (bit 0 set).
      const labels = [
        'C:maj',
        'A:min',
        'G:7',
        'D:min7',
        'F:maj7',
        'Bb:maj6',
        'B:dim',
        'C#:dim7',
        'F#:hdim7',
        'Ab:aug',
        'E:sus4',
      ];
      const primer = tune.events.slice(0, 24);
      for (const [i, label] of labels.entries()) {
        const chord = transposeChord(readHarteChord(label).chord, i);
        // One chord per step of primer + the generated step, so Magenta's even spreading maps chord i to step i.
        const stepChords = [...tune.chords.slice(0, 20), ...Array<GridChord>(5).fill(chord)];
        const expected = graphProbs(tensors, spec, primer, stepChords);
        const { probs } = await model.continueSequenceAndReturnProbabilities(
          primerSequence(primer),
          1,
          undefined,
          stepChords.map(chordSymbol),
        );
        expect(maxDiff(probs[0], expected), `${label} +${i} (${chordSymbol(chord)})`).toBeLessThan(1e-5);
      }
      model.dispose();
      tf.dispose(Object.values(tensors));
    },
    TIMEOUT_MS,
  );
});
