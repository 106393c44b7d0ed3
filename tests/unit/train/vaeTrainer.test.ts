/**
 * MusicVAE training on a tiny corpus: the loss falls, KL annealing raises beta from 0, a resumed run
 * continues from the saved step, and the trained checkpoint loads in Magenta's own `mm.MusicVAE`, whose
 * greedy decoding the worker's codec reproduces note for note.
 */
import * as tf from '@tensorflow/tfjs';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VaeCodec, vaeWeightsFrom } from '../../../src/model/vae/vaeCodec';
import { useTrainingBackend } from '../../../src/train/backend';
import type { VaeSpec } from '../../../src/train/vae/vaeSpec';
import { klWeight, trainVae } from '../../../src/train/vae/vaeTrainer';
import { serveFixtures, type FixtureServer } from '../../fixtures/checkpoints';
import { QUICK_RUN, readTinyCorpus } from './tinyCorpus';

interface MagentaVae {
  initialize(): Promise<void>;
  decode(
    z: tf.Tensor2D,
  ): Promise<{ notes: { pitch: number; quantizedStartStep: number; quantizedEndStep: number }[] }[]>;
  dispose(): void;
  rawVars: Record<string, tf.Tensor>;
}
const require = createRequire(import.meta.url);
const { MusicVAE } = require('@magenta/music/node/music_vae.js') as { MusicVAE: new (url: string) => MagentaVae };

let server: FixtureServer;

beforeAll(async () => {
  await useTrainingBackend('wasm');
  server = await serveFixtures();
});

afterAll(() => server.close());

describe('MusicVAE training', () => {
  it('beta rises from 0 towards its maximum', () => {
    expect(klWeight(0, 0.2, 0.999)).toBe(0);
    expect(klWeight(1000, 0.2, 0.999)).toBeCloseTo(0.2 * (1 - Math.exp(-1)), 2);
    expect(klWeight(100000, 0.2, 0.999)).toBeCloseTo(0.2, 5);
  });

  it('lowers the loss, resumes, and leaves a checkpoint mm.MusicVAE loads and our codec decodes alike', async () => {
    const corpus = readTinyCorpus(join(server.root, 'corpus'), 12, 3);
    const spec: VaeSpec = {
      minPitch: 48,
      maxPitch: 83,
      numSteps: 32,
      encoderHidden: 16,
      decoderHidden: [16, 16],
      zSize: 8,
    };
    const options = {
      ...QUICK_RUN,
      spec,
      corpus,
      outDir: join(server.root, 'ckpt'),
      stateDir: join(server.root, 'state'),
      maxBeta: 0.2,
      betaRate: 0.95,
      freeBits: 0,
      inputDropout: 0.25,
      maxMinutes: 60,
      annealMinutes: 0,
    };
    const first = await trainVae({ ...options, maxSteps: 8 });
    const second = await trainVae({ ...options, maxSteps: 24, resume: true });
    expect(first.history).toHaveLength(1);
    expect(second.step).toBe(24);
    const [start, , end] = second.history;
    expect(end.loss).toBeLessThan(start.loss * 0.9);
    expect(end.reconstructionNll).toBeLessThan(start.reconstructionNll);
    expect(end.beta).toBeGreaterThan(start.beta);
    expect(existsSync(join(server.root, 'ckpt', 'weights.bin'))).toBe(true);

    const model = new MusicVAE(server.url('ckpt'));
    await model.initialize();
    const z = tf.randomNormal([4, spec.zSize], 0, 1, 'float32', 5) as tf.Tensor2D;
    const magenta = await model.decode(z);
    const codec = new VaeCodec(vaeWeightsFrom(model.rawVars), spec.numSteps);
    const ours = codec.decode((z.arraySync() as number[][]).map((row) => Float32Array.from(row)));
    const notesOf = (classes: Int32Array) => {
      const out: string[] = [];
      let open: { pitch: number; start: number } | null = null;
      const close = (s: number) => open && out.push(`${open.pitch}@${open.start}-${s}`);
      classes.forEach((c, s) => {
        if (c === 0) return;
        close(s);
        open = c >= 2 ? { pitch: c - 2 + spec.minPitch, start: s } : null;
      });
      close(classes.length);
      return out;
    };
    ours.forEach((classes, b) =>
      expect(notesOf(classes)).toEqual(
        magenta[b].notes.map((n) => `${n.pitch}@${n.quantizedStartStep}-${n.quantizedEndStep}`),
      ),
    );
    expect(magenta.some((s) => s.notes.length > 0)).toBe(true);
    z.dispose();
    model.dispose();
    // Training is the slow part: ~15 s on a quiet machine, several times that while other jobs share the cores.
  }, 900_000);
});
