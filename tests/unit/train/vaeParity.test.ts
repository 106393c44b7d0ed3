/**
 * An exported MusicVAE checkpoint loads in Magenta's own MusicVAE (Node build, over HTTP as in the
 * browser); the worker's codec encodes as `mm.MusicVAE.encode` does (within 1e-4) and greedy-decodes a
 * given latent code note for note as `mm.MusicVAE.decode`; and the training graph computes the same code
 * and the same greedy decoding, so what training optimises is what the app runs.
 */
import * as tf from '@tensorflow/tfjs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VaeCodec, vaeWeightsFrom } from '../../../src/model/vae/vaeCodec';
import { classEvent, eventClass, eventsToNotes } from '../../../src/train/corpus/melodyEvents';
import { writeCheckpoint } from '../../../src/train/export/checkpointFiles';
import {
  createVaeVariables,
  decodeClasses,
  decoderLogits,
  encodeColumns,
  fromCheckpointTensors,
  toCheckpointTensors,
} from '../../../src/train/vae/vaeGraph';
import { magentaVaeConfig, type VaeSpec } from '../../../src/train/vae/vaeSpec';
import { serveFixtures, type FixtureServer } from '../../fixtures/checkpoints';
import { maxDiff } from './parityHelpers';
import { makeTuneEvents } from './tinyCorpus';

interface NoteSequenceLike {
  notes: { pitch: number; quantizedStartStep: number; quantizedEndStep: number }[];
}
interface MagentaVae {
  initialize(): Promise<void>;
  encode(seqs: unknown[]): Promise<tf.Tensor2D>;
  decode(z: tf.Tensor2D, temperature?: number): Promise<NoteSequenceLike[]>;
  interpolate(seqs: unknown[], n: number): Promise<NoteSequenceLike[]>;
  similar(seq: unknown, n: number, similarity: number): Promise<NoteSequenceLike[]>;
  dispose(): void;
  rawVars: Record<string, tf.Tensor>;
}
const require = createRequire(import.meta.url);
const tfCjs = require('@tensorflow/tfjs') as Record<string, unknown>;
// Magenta's 4-way interpolation calls tf.addStrict, which tfjs 4 removed (MAGENTA.md).
tfCjs.addStrict ??= tfCjs.add;
const { MusicVAE } = require('@magenta/music/node/music_vae.js') as { MusicVAE: new (url: string) => MagentaVae };

let server: FixtureServer;
const spec: VaeSpec = {
  minPitch: 48,
  maxPitch: 83,
  numSteps: 32,
  encoderHidden: 12,
  decoderHidden: [10, 10],
  zSize: 6,
};

beforeAll(async () => {
  await tf.setBackend('cpu');
  server = await serveFixtures();
});

afterAll(() => server.close());

/** Seeded random weights everywhere, biases included, so a gate-order, row-order or split slip shows. */
async function exportRandomVae(id: string): Promise<Record<string, tf.Tensor>> {
  const vars = createVaeVariables(spec, 3);
  let seed = 20;
  for (const v of Object.values(vars)) v.assign(tf.randomUniform(v.shape, -0.7, 0.7, 'float32', seed++));
  const tensors = toCheckpointTensors(vars);
  await writeCheckpoint(join(server.root, id), tensors, magentaVaeConfig(spec));
  tf.dispose(Object.values(tensors));
  return vars;
}

/** Two-bar windows of seeded folk-like tunes, as MelodyConverter classes. */
function windows(count: number): number[][] {
  return Array.from({ length: count }, (_, i) =>
    Array.from(makeTuneEvents(40 + i, 2).events, (e) => eventClass(e, spec.minPitch)),
  );
}

function noteSequence(classes: number[]) {
  return {
    notes: eventsToNotes(classes.map((c) => classEvent(c, spec.minPitch))).map((n) => ({
      pitch: n.pitch,
      quantizedStartStep: n.start,
      quantizedEndStep: n.end,
    })),
    quantizationInfo: { stepsPerQuarter: 4 },
    totalQuantizedSteps: spec.numSteps,
  };
}

/** Notes of a class sequence as comparable strings. */
function notesOf(classes: ArrayLike<number>): string[] {
  return eventsToNotes(Array.from(classes, (c) => classEvent(c, spec.minPitch))).map(
    (n) => `${n.pitch}@${n.start}-${n.end}`,
  );
}

describe('exported MusicVAE checkpoint in mm.MusicVAE', () => {
  it('encodes as Magenta does, in the worker codec and in the training graph', async () => {
    const vars = await exportRandomVae('enc');
    const model = new MusicVAE(server.url('enc'));
    await model.initialize();
    const inputs = windows(5);
    const magentaZ = await model.encode(inputs.map(noteSequence));
    const expected = magentaZ.arraySync();
    magentaZ.dispose();
    const codec = new VaeCodec(vaeWeightsFrom(model.rawVars), spec.numSteps);
    const codes = codec.encode(inputs);
    const graphMu = tf.tidy(() => {
      const steps = Array.from(
        { length: spec.numSteps },
        (_, t) =>
          tf.transpose(
            tf
              .oneHot(
                inputs.map((w) => w[t]),
                38,
              )
              .toFloat(),
          ) as tf.Tensor2D,
      );
      return tf.transpose(encodeColumns(vars, steps).mu);
    });
    const graph = graphMu.arraySync() as number[][];
    graphMu.dispose();
    inputs.forEach((_, b) => {
      expect(maxDiff(codes[b], expected[b])).toBeLessThan(1e-4);
      expect(maxDiff(graph[b], expected[b])).toBeLessThan(1e-4);
    });
    // Different melodies have different codes: the comparison is not vacuous.
    expect(maxDiff(expected[0], expected[1])).toBeGreaterThan(1e-3);
    model.dispose();
    tf.dispose(Object.values(vars));
  });

  it('greedy-decodes a given latent code note for note as Magenta does', async () => {
    const vars = await exportRandomVae('dec');
    const model = new MusicVAE(server.url('dec'));
    await model.initialize();
    const z = tf.randomNormal([6, spec.zSize], 0, 1.5, 'float32', 9) as tf.Tensor2D;
    const codes = (z.arraySync() as number[][]).map((row) => Float32Array.from(row));
    const magenta = await model.decode(z);
    const codec = new VaeCodec(vaeWeightsFrom(model.rawVars), spec.numSteps);
    const ours = codec.decode(codes);
    const graph = decodeClasses(vars, tf.transpose(z) as tf.Tensor2D, spec.numSteps);
    const magentaNotes = magenta.map((seq) =>
      seq.notes.map((n) => `${n.pitch}@${n.quantizedStartStep}-${n.quantizedEndStep}`),
    );
    ours.forEach((classes, b) => {
      expect(notesOf(classes)).toEqual(magentaNotes[b]);
      expect(graph[b]).toEqual(Array.from(classes));
    });
    // The teacher-forced training decoder, fed the greedy decoding, would have chosen the same classes.
    const forced = tf.tidy(() => {
      const previous = Array.from(
        { length: spec.numSteps },
        (_, t) =>
          tf.transpose(
            tf
              .oneHot(
                graph.map((row) => (t === 0 ? -1 : row[t - 1])),
                38,
              )
              .toFloat(),
          ) as tf.Tensor2D,
      );
      return tf.argMax(decoderLogits(vars, tf.transpose(z) as tf.Tensor2D, previous), 1);
    });
    const forcedClasses = forced.dataSync();
    forced.dispose();
    graph.forEach((row, b) => row.forEach((cls, t) => expect(forcedClasses[t * graph.length + b]).toBe(cls)));
    // The decodings differ between codes and hold notes: the comparison is not vacuous.
    expect(new Set(magentaNotes.map((n) => n.join())).size).toBeGreaterThan(1);
    expect(magentaNotes.some((n) => n.length > 0)).toBe(true);
    z.dispose();
    model.dispose();
    tf.dispose(Object.values(vars));
  });

  it('a key mask only ever lets the decoder choose allowed classes', async () => {
    const vars = await exportRandomVae('mask');
    const model = new MusicVAE(server.url('mask'));
    await model.initialize();
    const codec = new VaeCodec(vaeWeightsFrom(model.rawVars), spec.numSteps);
    const cMajor = new Set([0, 2, 4, 5, 7, 9, 11]);
    const allowed = Array.from({ length: 38 }, (_, c) => c < 2 || cMajor.has((c - 2 + spec.minPitch) % 12));
    const codes = Array.from({ length: 8 }, (_, i) =>
      Float32Array.from({ length: spec.zSize }, (_, k) => Math.sin(i * 7 + k) * 2),
    );
    const free = codec.decode(codes);
    const locked = codec.decode(codes, { allowed });
    expect(locked.every((row) => Array.from(row).every((c) => allowed[c]))).toBe(true);
    expect(free.some((row) => Array.from(row).some((c) => !allowed[c]))).toBe(true);
    model.dispose();
    tf.dispose(Object.values(vars));
  });

  it("Magenta's interpolate and similar run on it, and the checkpoint round-trips to the training layout", async () => {
    const vars = await exportRandomVae('moves');
    const model = new MusicVAE(server.url('moves'));
    await model.initialize();
    const [a, b] = windows(2).map(noteSequence);
    expect(await model.interpolate([a, b], 4)).toHaveLength(4);
    expect(await model.similar(a, 3, 0.8)).toHaveLength(3);
    const back = fromCheckpointTensors(model.rawVars);
    for (const [name, v] of Object.entries(vars)) expect(maxDiff(back[name].dataSync(), v.dataSync())).toBe(0);
    tf.dispose(Object.values(back));
    model.dispose();
    tf.dispose(Object.values(vars));
  });
});
