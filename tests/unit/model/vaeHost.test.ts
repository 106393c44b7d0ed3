import * as tf from '@tensorflow/tfjs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createModelClient, type WorkerLike } from '../../../src/model/client';
import { startModelHost } from '../../../src/model/host';
import type { FromWorker, MessagePortLike, ToWorker } from '../../../src/model/protocol';
import { loadMusicVae, type MusicVaeConstructor } from '../../../src/model/vae/vaeLoad';
import { writeCheckpoint } from '../../../src/train/export/checkpointFiles';
import { createVaeVariables, toCheckpointTensors } from '../../../src/train/vae/vaeGraph';
import { magentaVaeConfig } from '../../../src/train/vae/vaeSpec';
import { serveFixtures, writeRandomCheckpoint, type FixtureServer } from '../../fixtures/checkpoints';

// The real client and host over a MessageChannel, with Magenta's Node MusicVAE as the loader: the MusicVAE
// requests end to end except for the Worker itself.

const require = createRequire(import.meta.url);
const { MusicVAE } = require('@magenta/music/node/music_vae.js') as { MusicVAE: MusicVaeConstructor };
let server: FixtureServer;

function inProcessWorker(): WorkerLike {
  const { port1, port2 } = new MessageChannel();
  port1.start();
  port2.start();
  const stop = startModelHost(port2 as unknown as MessagePortLike<FromWorker, ToWorker>, {
    prepareBackend: async () => {
      await tf.setBackend('cpu');
      return tf.getBackend();
    },
    load: () => Promise.reject(new Error('no MusicRNN in this test')),
    loadVae: (url) => loadMusicVae(url, { fetch: globalThis.fetch, MusicVAE: async () => MusicVAE }),
    memory: () => tf.memory(),
  });
  return Object.assign(port1, {
    terminate() {
      stop();
      port1.close();
    },
  }) as unknown as WorkerLike;
}

const spec = { minPitch: 48, maxPitch: 83, numSteps: 32, encoderHidden: 16, decoderHidden: [16, 16], zSize: 8 };
const window = () => Int32Array.from({ length: 32 }, (_, i) => (i % 4 === 0 ? 14 + ((i / 4) % 5) : 0));

beforeAll(async () => {
  await tf.setBackend('cpu');
  server = await serveFixtures();
  const vars = createVaeVariables(spec, 4);
  let seed = 1;
  for (const v of Object.values(vars)) v.assign(tf.randomUniform(v.shape, -0.7, 0.7, 'float32', seed++));
  await writeCheckpoint(`${server.root}/vae`, toCheckpointTensors(vars), magentaVaeConfig(spec));
  await writeRandomCheckpoint(`${server.root}/rnn`, { seed: 3 });
  await writeCheckpoint(`${server.root}/drums-vae`, toCheckpointTensors(vars), {
    type: 'MusicVAE',
    dataConverter: { type: 'DrumsConverter', args: { numSteps: 32 } },
  });
});

afterAll(async () => {
  await server?.close();
});

describe('MusicVAE over the worker protocol', () => {
  it('loads once, then answers Similar and Interpolate in one request each, leaving no tensors behind', async () => {
    const client = createModelClient({ createWorker: inProcessWorker });
    const info = await client.loadVae(server.url('vae/'));
    expect(info).toMatchObject({ range: { min: 48, max: 83 }, numSteps: 32, zSize: 8, backend: 'cpu' });
    expect(await client.loadVae(server.url('vae'))).toEqual(info); // the same load, not a second one
    const before = await client.memory();
    const similar = await client.runVae({
      kind: 'similar',
      windows: [window(), window()],
      count: 5,
      similarity: 0.9,
      seed: 3,
    });
    expect(similar.phrases).toHaveLength(5);
    expect(similar.phrases!.every((p) => p.length === 2 && p.every((w) => w.length === 32))).toBe(true);
    const again = await client.runVae({
      kind: 'similar',
      windows: [window(), window()],
      count: 5,
      similarity: 0.9,
      seed: 3,
    });
    expect(again.phrases).toEqual(similar.phrases); // seeded
    const path = await client.runVae({
      kind: 'interpolate',
      from: [window()],
      to: [window().map((e) => (e ? e + 5 : 0))],
      count: 8,
    });
    expect(path.phrases).toHaveLength(8);
    const codes = await client.runVae({ kind: 'encode', windows: [window()] });
    expect(codes.codes![0]).toHaveLength(8);
    expect((await client.memory()).numTensors).toBe(before.numTensors);
    client.dispose();
  });

  it('says what is wrong: a MusicRNN or a drums VAE is the wrong type, a request before loading is refused', async () => {
    const client = createModelClient({ createWorker: inProcessWorker });
    await expect(client.runVae({ kind: 'encode', windows: [window()] })).rejects.toMatchObject({ cause: 'not-loaded' });
    await expect(client.loadVae(server.url('rnn'))).rejects.toMatchObject({
      cause: 'wrong-type',
      message: expect.stringMatching(/not "MusicVAE"/),
    });
    await expect(client.loadVae(server.url('drums-vae'))).rejects.toMatchObject({
      cause: 'wrong-type',
      message: expect.stringMatching(/DrumsConverter/),
    });
    await expect(client.loadVae(server.url('missing'))).rejects.toMatchObject({ cause: 'missing-file' });
    await client.loadVae(server.url('vae'));
    await expect(
      client.runVae({ kind: 'similar', windows: [window()], count: 9, similarity: 0.5, seed: 1 }),
    ).rejects.toMatchObject({ cause: 'bad-request' });
    await expect(
      client.runVae({ kind: 'interpolate', from: [window()], to: [window(), window()], count: 4 }),
    ).rejects.toMatchObject({ cause: 'bad-request' });
    client.dispose();
  });
});
