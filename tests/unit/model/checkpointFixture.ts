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
  /** Write an attention RNN (Magenta's AttentionCellWrapper) over this many steps; needs 3 equal layers. */
  attentionLength?: number;
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
  const attention = o.attentionLength !== undefined;
  const cellPrefix = attention ? 'rnn/attention_cell_wrapper/multi_rnn_cell/' : 'rnn/multi_rnn_cell/';
  if (attention) {
    // The wrapper projects [input, attention] (width + A) back to the input's width for the first layer.
    const size = layers[0];
    const a = 'rnn/attention_cell_wrapper/';
    named[`${a}kernel`] = tf.randomNormal([inputSize + size, inputSize], 0, scale, 'float32', seed++);
    named[`${a}bias`] = tf.randomNormal([inputSize], 0, 0.1, 'float32', seed++);
    named[`${a}attention/attn_w`] = tf.randomNormal([1, 1, size, size], 0, scale, 'float32', seed++);
    named[`${a}attention/attn_v`] = tf.randomNormal([size], 0, scale * 2, 'float32', seed++);
    named[`${a}attention/kernel`] = tf.randomNormal([6 * size, size], 0, scale, 'float32', seed++);
    // Magenta JS never adds this bias; a non-zero one shows the sampler ignores it too.
    named[`${a}attention/bias`] = tf.randomNormal([size], 0, 1, 'float32', seed++);
    named[`${a}attention_output_projection/kernel`] = tf.randomNormal([2 * size, size], 0, scale, 'float32', seed++);
    named[`${a}attention_output_projection/bias`] = tf.randomNormal([size], 0, 0.1, 'float32', seed++);
  }
  layers.forEach((units, l) => {
    const prefix = `${cellPrefix}cell_${l}/basic_lstm_cell/`;
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
  if (attention) config.attentionLength = o.attentionLength;
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
