import * as tf from '@tensorflow/tfjs';
import { readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadMelodyRnn } from '../../../src/model/checkpoint';
import { createModelClient, type WorkerLike } from '../../../src/model/client';
import { startModelHost } from '../../../src/model/host';
import type { FromWorker, MessagePortLike, ToWorker } from '../../../src/model/protocol';
import type { ModelStatus, ProposalRequest } from '../../../src/model/types';
import { magentaMusicRnn, serveFixtures, writeRandomCheckpoint, type FixtureServer } from '../../fixtures/checkpoints';

// The real client talking to the real host over a MessageChannel (structured clone and transfers included),
// with tfjs on the cpu backend and Magenta's Node build as the loader: everything but the Worker itself.

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
    load: (url, onProgress) => loadMelodyRnn(url, { fetch: globalThis.fetch, MusicRNN: magentaMusicRnn(), onProgress }),
    memory: () => tf.memory(),
  });
  return Object.assign(port1, {
    terminate() {
      stop();
      port1.close();
    },
  }) as unknown as WorkerLike;
}

const request: ProposalRequest = {
  candidates: 4,
  steps: 32,
  temperature: 1,
  seed: 7,
  scalePitchClasses: [0, 2, 4, 5, 7, 9, 11],
};

beforeAll(async () => {
  server = await serveFixtures();
  await writeRandomCheckpoint(`${server.root}/melody`, { seed: 5 });
  await writeRandomCheckpoint(`${server.root}/chord`, { seed: 6, chordEncoder: 'PitchChordEncoder', layers: [16] });
  await writeRandomCheckpoint(`${server.root}/no-weights`, { seed: 7 });
  unlinkSync(`${server.root}/no-weights/weights.bin`);
  await writeRandomCheckpoint(`${server.root}/vae`, { seed: 8 });
  writeFileSync(
    `${server.root}/vae/config.json`,
    JSON.stringify({ type: 'MusicVAE', dataConverter: { type: 'MelodyConverter', args: {} } }),
  );
  await writeRandomCheckpoint(`${server.root}/drums`, { seed: 9 });
  writeFileSync(
    `${server.root}/drums/config.json`,
    JSON.stringify({ type: 'MusicRNN', dataConverter: { type: 'DrumsConverter', args: {} } }),
  );
  await writeRandomCheckpoint(`${server.root}/mismatch`, { seed: 10 });
  writeFileSync(
    `${server.root}/mismatch/config.json`,
    JSON.stringify({
      type: 'MusicRNN',
      dataConverter: { type: 'MelodyConverter', args: { minPitch: 48, maxPitch: 84 } },
    }),
  );
  await writeRandomCheckpoint(`${server.root}/garbled`, { seed: 11 });
  writeFileSync(`${server.root}/garbled/config.json`, '{"type": "MusicRNN", "dataConv');
  await writeRandomCheckpoint(`${server.root}/spa`, { seed: 12 });
  writeFileSync(`${server.root}/spa/config.json`, '<!doctype html><title>My app</title>');
  await writeRandomCheckpoint(`${server.root}/short`, { seed: 13 });
  writeFileSync(`${server.root}/short/weights.bin`, Buffer.alloc(100));
  await writeRandomCheckpoint(`${server.root}/attention`, {
    seed: 14,
    layers: [8, 8, 8],
    attentionLength: 16,
    scale: 0.3,
  });
  await writeRandomCheckpoint(`${server.root}/attention-two-layers`, { seed: 15, layers: [8, 8], attentionLength: 16 });
  await writeRandomCheckpoint(`${server.root}/attention-no-length`, {
    seed: 16,
    layers: [8, 8, 8],
    attentionLength: 16,
  });
  const config = JSON.parse(readFileSync(`${server.root}/attention-no-length/config.json`, 'utf8'));
  delete config.attentionLength;
  writeFileSync(`${server.root}/attention-no-length/config.json`, JSON.stringify(config));
});

afterAll(async () => {
  await server?.close();
});

describe('model client over the worker protocol', () => {
  it('loads with progress, then proposes the asked number of candidates', async () => {
    const client = createModelClient({ createWorker: inProcessWorker });
    const seen: ModelStatus['kind'][] = [];
    const stages: string[] = [];
    client.onStatus((s) => {
      seen.push(s.kind);
      if (s.kind === 'loading') stages.push(s.progress.stage);
    });
    const info = await client.load(server.url('melody/'));
    expect(info).toMatchObject({
      kind: 'melody',
      range: { min: 48, max: 83 },
      depth: 38,
      layers: [32, 32],
      backend: 'cpu',
    });
    expect(stages).toEqual(expect.arrayContaining(['backend', 'config', 'weights']));
    expect(seen.at(-1)).toBe('ready');

    const result = await client.propose(request).result;
    expect(result.candidates).toHaveLength(4);
    expect(result.candidates[0].events).toBeInstanceOf(Int32Array);
    expect(result.candidates[0].probabilities?.values).toHaveLength(32 * 38);
    client.dispose();
  });

  it('reports a chord model as such', async () => {
    const client = createModelClient({ createWorker: inProcessWorker });
    expect((await client.load(server.url('chord'))).kind).toBe('chord');
    const result = await client.propose({
      ...request,
      chords: [
        { start: 0, symbol: 'C' },
        { start: 16, symbol: 'G7' },
      ],
    }).result;
    expect(result.candidates).toHaveLength(4);
    client.dispose();
  });

  it('loads and proposes with an attention RNN', async () => {
    const client = createModelClient({ createWorker: inProcessWorker });
    expect((await client.load(server.url('attention'))).layers).toEqual([8, 8, 8]);
    const result = await client.propose(request).result;
    expect(result.candidates).toHaveLength(4);
    client.dispose();
  });

  it('rejects a cancelled proposal at once and still answers the others', async () => {
    const client = createModelClient({ createWorker: inProcessWorker });
    await client.load(server.url('melody'));
    const first = client.propose(request);
    const second = client.propose({ ...request, seed: 8 });
    second.cancel();
    await expect(second.result).rejects.toMatchObject({ cause: 'cancelled' });
    expect((await first.result).candidates).toHaveLength(4);
    client.dispose();
  });

  it('refuses to propose before a model is loaded', async () => {
    const client = createModelClient({ createWorker: inProcessWorker });
    await expect(client.propose(request).result).rejects.toMatchObject({ cause: 'not-loaded' });
    client.dispose();
  });

  it.each([
    ['nowhere', 'missing-file', /config\.json not found/],
    ['no-weights', 'missing-file', /weights.bin not found/],
    ['vae', 'wrong-type', /MusicVAE, not a MusicRNN/],
    ['drums', 'wrong-type', /DrumsConverter/],
    ['mismatch', 'bad-format', /kernel has shape/],
    ['garbled', 'bad-format', /not JSON/],
    ['spa', 'missing-file', /answered with a web page/],
    ['short', 'bad-format', /hold 100 bytes but the manifest describes/],
    ['attention-two-layers', 'bad-format', /needs 3 LSTM layers of one size/],
    ['attention-no-length', 'bad-format', /no attentionLength/],
  ])('a broken checkpoint (%s) fails with cause %s and a message naming it', async (path, cause, message) => {
    const client = createModelClient({ createWorker: inProcessWorker });
    await expect(client.load(server.url(path))).rejects.toMatchObject({
      cause,
      message: expect.stringMatching(message),
    });
    expect(client.status()).toMatchObject({ kind: 'failed', cause });
    client.dispose();
  });

  it('grows the worker tensor count by zero over 50 proposals', async () => {
    const client = createModelClient({ createWorker: inProcessWorker });
    await client.load(server.url('melody'));
    const small = { ...request, steps: 16, lockedNotes: [{ pitch: 60, start: 0, length: 2, velocity: 90 }] };
    await client.propose(small).result;
    const before = await client.memory();
    for (let i = 0; i < 50; i++) await client.propose({ ...small, seed: i }).result;
    expect((await client.memory()).numTensors).toBe(before.numTensors);
    client.dispose();
  });
});
