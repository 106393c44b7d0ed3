/**
 * How much a trained checkpoint fits its own training tunes beyond the ones it never saw: the trainer's
 * window NLL (nats per event, unweighted) on 256 seeded training windows, untransposed, against the trainer's
 * own 256 validation windows (the figure its log prints). A wide gap says the model memorises, and
 * regularising (dropout) may buy more than more steps.
 *
 *   npm run measure:fit -- <checkpoint dir> [corpus folder]
 *
 * The corpus defaults to the folder in the checkpoint's training.json. Only this command reads it, never tests.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { useTrainingBackend } from '../src/train/backend';
import { readCorpus } from '../src/train/corpus/readCorpus';
import type { ModelSpec } from '../src/train/data/modelSpec';
import { tuneWindows } from '../src/train/data/windows';
import { readCheckpoint } from '../src/train/export/checkpointFiles';
import { createRng, shuffle, validationSubset } from '../src/train/random';
import { windowNll } from '../src/train/trainer';

const WINDOWS = 256;
const STEPS = 128;
const BATCH = 32;

const [dir, corpusArg] = process.argv.slice(2);
if (!dir) throw new Error('usage: npm run measure:fit -- <checkpoint dir> [corpus folder]');
const training = JSON.parse(readFileSync(join(dir, 'training.json'), 'utf8')) as {
  spec: ModelSpec;
  corpus: { folder: string };
  options?: { anchorCounter?: boolean };
};
const { spec } = training;
await useTrainingBackend('wasm');
const corpus = readCorpus(corpusArg ?? training.corpus.folder, {
  minPitch: spec.minPitch,
  maxPitch: spec.maxPitch,
  requireChords: spec.kind === 'chord',
});
const anchored = training.options?.anchorCounter ?? false;
const { tensors } = readCheckpoint(dir);
const trainWindows = shuffle(tuneWindows(corpus.train, STEPS, 0, anchored), createRng(5)).slice(0, WINDOWS);
const train = windowNll(tensors, spec, trainWindows, STEPS, BATCH);
// The very windows the trainer validated on, so this figure is the one its log printed.
const validation = windowNll(
  tensors,
  spec,
  validationSubset(tuneWindows(corpus.validation, STEPS, 0, anchored), WINDOWS),
  STEPS,
  BATCH,
);
console.log(
  `${dir}: window NLL ${train.toFixed(4)} on training windows, ${validation.toFixed(4)} on validation windows ` +
    `(gap ${(validation - train).toFixed(4)}, ${(((validation - train) / validation) * 100).toFixed(1)} %)`,
);
