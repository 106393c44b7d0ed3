/**
 * Reads and writes Magenta MusicRNN checkpoint folders: config.json, weights_manifest.json, weights.bin
 * (tf.io.encodeWeights), the format `new mm.MusicRNN(url)` loads.
 */
import * as tf from '@tensorflow/tfjs';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Writes the checkpoint files into `dir` (created if needed); returns the weights size in bytes. */
export async function writeCheckpoint(
  dir: string,
  tensors: Record<string, tf.Tensor>,
  config: Record<string, unknown>,
): Promise<number> {
  mkdirSync(dir, { recursive: true });
  const { data, specs } = await tf.io.encodeWeights(tensors);
  // Write to temporary names first so a run cut off mid-write never leaves a half-written checkpoint.
  writeFileSync(join(dir, 'weights.bin.tmp'), Buffer.from(data));
  writeFileSync(
    join(dir, 'weights_manifest.json.tmp'),
    JSON.stringify([{ paths: ['weights.bin'], weights: specs }], null, 1) + '\n',
  );
  writeFileSync(join(dir, 'config.json.tmp'), JSON.stringify(config, null, 2) + '\n');
  for (const f of ['weights.bin', 'weights_manifest.json', 'config.json'])
    renameSync(join(dir, `${f}.tmp`), join(dir, f));
  return data.byteLength;
}

/** Reads a checkpoint folder's config and weights (as new tensors, owned by the caller). */
export function readCheckpoint(dir: string): { config: Record<string, unknown>; tensors: Record<string, tf.Tensor> } {
  const config = JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8')) as Record<string, unknown>;
  const manifest = JSON.parse(readFileSync(join(dir, 'weights_manifest.json'), 'utf8')) as tf.io.WeightsManifestConfig;
  const specs = manifest.flatMap((group) => group.weights);
  const buffers = manifest.flatMap((group) => group.paths.map((p) => readFileSync(join(dir, p))));
  const all = Buffer.concat(buffers);
  const data = all.buffer.slice(all.byteOffset, all.byteOffset + all.byteLength);
  return { config, tensors: tf.io.decodeWeights(data, specs) as Record<string, tf.Tensor> };
}
