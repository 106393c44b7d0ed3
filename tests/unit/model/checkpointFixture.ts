import * as tf from '@tensorflow/tfjs';
import { createServer, type Server } from 'node:http';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, normalize } from 'node:path';
import { createRequire } from 'node:module';
import { loadMelodyRnn, type MusicRnnConstructor } from '../../../src/model/checkpoint';
import type { ChordEncoderType } from '../../../src/model/types';

/**
 * Test checkpoints: small random-weight MusicRNNs written in Magenta's own format (config.json,
 * weights_manifest.json, weights.bin from tf.io.encodeWeights), served over HTTP because Magenta's Node
 * build fetches with node-fetch, which needs an http URL.
 */

export interface FixtureOptions {
  minPitch?: number;
  maxPitch?: number;
  layers?: number[];
  chordEncoder?: ChordEncoderType;
  auxBits?: number;
  seed?: number;
  /** Scale of the random weights; larger gives peakier distributions. */
  scale?: number;
}

const CHORD_DEPTH: Record<ChordEncoderType, number> = { PitchChordEncoder: 37, MajorMinorChordEncoder: 25, TriadChordEncoder: 49 };

/** Writes a random MusicRNN checkpoint into `dir`. */
export async function writeRandomCheckpoint(dir: string, o: FixtureOptions = {}): Promise<void> {
  const minPitch = o.minPitch ?? 48;
  const maxPitch = o.maxPitch ?? 83;
  const layers = o.layers ?? [32, 32];
  const depth = maxPitch - minPitch + 3;
  const scale = o.scale ?? 0.6;
  let seed = o.seed ?? 1;
  const named: Record<string, tf.Tensor> = {};
  let inputSize = (o.chordEncoder ? CHORD_DEPTH[o.chordEncoder] : 0) + depth + (o.auxBits ?? 0);
  layers.forEach((units, l) => {
    const prefix = `rnn/multi_rnn_cell/cell_${l}/basic_lstm_cell/`;
    named[`${prefix}kernel`] = tf.randomNormal([inputSize + units, 4 * units], 0, scale, 'float32', seed++);
    named[`${prefix}bias`] = tf.randomNormal([4 * units], 0, 0.1, 'float32', seed++);
    inputSize = units;
  });
  named['fully_connected/weights'] = tf.randomNormal([inputSize, depth], 0, scale * 3, 'float32', seed++);
  named['fully_connected/biases'] = tf.randomNormal([depth], 0, 0.5, 'float32', seed++);
  const { data, specs } = await tf.io.encodeWeights(named);
  tf.dispose(Object.values(named));
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'weights.bin'), Buffer.from(data));
  writeFileSync(join(dir, 'weights_manifest.json'), JSON.stringify([{ paths: ['weights.bin'], weights: specs }]));
  const config: Record<string, unknown> = { type: 'MusicRNN', dataConverter: { type: 'MelodyConverter', args: { minPitch, maxPitch } } };
  if (o.chordEncoder) config.chordEncoder = o.chordEncoder;
  if (o.auxBits) config.auxInputs = [{ type: 'BinaryCounter', args: { numBits: o.auxBits } }];
  writeFileSync(join(dir, 'config.json'), JSON.stringify(config));
}

export interface FixtureServer {
  root: string;
  url(path: string): string;
  close(): Promise<void>;
}

/** Serves a fresh temp directory over HTTP on a free port. */
export async function serveFixtures(): Promise<FixtureServer> {
  const root = mkdtempSync(join(tmpdir(), 'pw-model-'));
  const server: Server = createServer((req, res) => {
    const path = normalize(join(root, decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)));
    if (!path.startsWith(root) || !existsSync(path) || !path.includes('.')) {
      res.writeHead(404).end('not found');
      return;
    }
    const body = readFileSync(path);
    // A file that holds a web page is served as one, like a single-page app's fallback for unknown paths.
    const type = body.subarray(0, 1).toString() === '<' ? 'text/html' : path.endsWith('.json') ? 'application/json' : 'application/octet-stream';
    res.writeHead(200, { 'content-type': type, 'content-length': body.length });
    res.end(req.method === 'HEAD' ? undefined : body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return {
    root,
    url: (path) => `http://127.0.0.1:${port}/${path}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        rmSync(root, { recursive: true, force: true });
      }),
  };
}

const require = createRequire(import.meta.url);

/** Magenta's MusicRNN from its Node build (the reference and the loader in Node). */
export function magentaMusicRnn(): MusicRnnConstructor {
  return require('@magenta/music/node/music_rnn.js').MusicRNN as MusicRnnConstructor;
}

/** Loads a served checkpoint the way the worker does, with Magenta's Node build. */
export function loadFixture(url: string) {
  return loadMelodyRnn(url, { fetch: globalThis.fetch, MusicRNN: magentaMusicRnn() });
}
