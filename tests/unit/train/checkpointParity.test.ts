/**
 * An exported checkpoint loads in Magenta's own MusicRNN (Node build, over HTTP as in the browser) and
 * predicts the same next-step probabilities as the training graph, with and without chords.
 */
import * as tf from '@tensorflow/tfjs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chordSymbol, type GridChord } from '../../../src/train/corpus/chordSymbols';
import { inputSize, magentaConfig, type ModelSpec } from '../../../src/train/data/modelSpec';
import { writeStepInput } from '../../../src/train/data/stepFeatures';
import { writeCheckpoint } from '../../../src/train/export/checkpointFiles';
import { ATT_QUERY_BIAS } from '../../../src/train/model/checkpointNames';
import { createModelVariables } from '../../../src/train/model/modelGraph';
import { createStepper } from '../../../src/train/model/stepper';
import { createRng } from '../../../src/train/random';
import { serveFixtures, type FixtureServer } from '../../fixtures/checkpoints';
import { graphProbs, maxDiff, MusicRNN, primerSequence } from './parityHelpers';
import { makeTuneEvents, tinyAttentionSpec } from './tinyCorpus';

let server: FixtureServer;

beforeAll(async () => {
  await tf.setBackend('cpu');
  server = await serveFixtures();
});

afterAll(() => server.close());

/** Random (seeded) weights everywhere, biases included, so a gate-order or forget-bias slip shows. */
async function exportRandomModel(id: string, spec: ModelSpec): Promise<Record<string, tf.Tensor>> {
  const vars = createModelVariables(spec, 3);
  let seed = 10;
  // Not the attention query bias: it is untrainable and stays zero (Magenta JS never adds it).
  for (const v of Object.values(vars))
    if (v.trainable) v.assign(tf.randomUniform(v.shape, -0.6, 0.6, 'float32', seed++));
  await writeCheckpoint(join(server.root, id), vars, magentaConfig(spec));
  return vars;
}

/** The same, step by step through the evaluation stepper (batch-major, Magenta JS's own op sequence). */
function stepperProbs(
  vars: Record<string, tf.Tensor>,
  spec: ModelSpec,
  events: Int16Array,
  chords: GridChord[],
): Float32Array {
  const stepper = createStepper(vars, 1, spec.attentionLength);
  let last = new Float32Array(0);
  events.forEach((e, t) => {
    const buf = new Float32Array(inputSize(spec));
    writeStepInput(spec, buf, 1, 0, t, e, chords[t + 1]);
    const x = tf.tensor2d(buf, [1, inputSize(spec)]);
    const logProbs = stepper.step(x);
    last = Float32Array.from(logProbs.dataSync(), Math.exp);
    tf.dispose([x, logProbs]);
  });
  stepper.dispose();
  return last;
}

/** Magenta's own next-step probabilities after the primer (chords, when given, one per primer step plus the next). */
async function magentaNextStep(id: string, primer: Int16Array, stepChords?: GridChord[]): Promise<Float32Array> {
  const model = new MusicRNN(server.url(id));
  await model.initialize();
  try {
    const { probs } = await model.continueSequenceAndReturnProbabilities(
      primerSequence(primer),
      1,
      undefined,
      stepChords?.map(chordSymbol),
    );
    return probs[0];
  } finally {
    model.dispose();
  }
}

describe('exported checkpoint in mm.MusicRNN', () => {
  it('attention RNN (3 layers, memory shorter than the primer): same probabilities in Magenta, the training graph and the stepper', async () => {
    const spec = tinyAttentionSpec(6);
    const vars = await exportRandomModel('attention', spec);
    const written = JSON.parse(readFileSync(join(server.root, 'attention', 'config.json'), 'utf8'));
    expect(written.attentionLength).toBe(6);
    expect(Array.from(vars[ATT_QUERY_BIAS].dataSync()).every((x) => x === 0)).toBe(true);
    const { events } = makeTuneEvents(7, 2);
    const primer = events.slice(0, 20);
    const expected = graphProbs(vars, spec, primer, []);
    expect(maxDiff(await magentaNextStep('attention', primer), expected)).toBeLessThan(1e-5);
    expect(maxDiff(stepperProbs(vars, spec, primer, []), expected)).toBeLessThan(1e-5);
    expect(maxDiff(expected, graphProbs(vars, spec, primer.slice(0, 13), []))).toBeGreaterThan(1e-3);
  });

  it('chord-conditioned attention RNN: same probabilities for the same chords', async () => {
    const spec: ModelSpec = {
      kind: 'chord',
      minPitch: 48,
      maxPitch: 83,
      auxBits: 2,
      hidden: [8, 8, 8],
      attentionLength: 4,
    };
    const vars = await exportRandomModel('chord-attention', spec);
    const { events, chords } = makeTuneEvents(9, 2);
    const primer = events.slice(0, 17);
    const stepChords = chords.slice(0, primer.length + 1);
    const expected = graphProbs(vars, spec, primer, stepChords);
    expect(maxDiff(await magentaNextStep('chord-attention', primer, stepChords), expected)).toBeLessThan(1e-5);
  });

  it('melody model with a position counter: same next-step probabilities as the training graph', async () => {
    const spec: ModelSpec = { kind: 'melody', minPitch: 48, maxPitch: 83, auxBits: 3, hidden: [12, 10] };
    const vars = await exportRandomModel('melody', spec);
    const { events } = makeTuneEvents(5, 2);
    const expected = graphProbs(vars, spec, events, []);
    const magenta = await magentaNextStep('melody', events);
    expect(magenta.length).toBe(38);
    expect(maxDiff(magenta, expected)).toBeLessThan(1e-5);
    // A different primer gives different probabilities: the comparison is not vacuous.
    expect(maxDiff(expected, graphProbs(vars, spec, events.slice(0, 20), []))).toBeGreaterThan(1e-3);
  });

  it('chord-conditioned model: same next-step probabilities for the same chords', async () => {
    const spec: ModelSpec = { kind: 'chord', minPitch: 48, maxPitch: 83, auxBits: 0, hidden: [16] };
    const vars = await exportRandomModel('chord', spec);
    const { events, chords } = makeTuneEvents(9, 2);
    const primer = events.slice(0, 24);
    // One chord per step of primer + the one generated step, so Magenta's even spreading maps chord i to step i.
    const stepChords = chords.slice(0, primer.length + 1);
    const expected = graphProbs(vars, spec, primer, stepChords);
    expect(maxDiff(await magentaNextStep('chord', primer, stepChords), expected)).toBeLessThan(1e-5);
    const rng = createRng(4);
    const otherChords = stepChords.map(() => ({ root: Math.floor(rng.next() * 12), mask: 0b10010001 }));
    expect(
      maxDiff(
        expected,
        graphProbs(
          vars,
          spec,
          primer,
          otherChords.map((c) => ({ ...c, mask: ((c.mask << c.root) | (c.mask >> (12 - c.root))) & 0xfff })),
        ),
      ),
    ).toBeGreaterThan(1e-4);
  });
});
