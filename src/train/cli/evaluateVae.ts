/**
 * `npm run eval -- --kind vae [--checkpoint DIR] [--corpus DIR]`: reconstruction, interpolation and
 * similarity figures of a MusicVAE checkpoint on the two-bar 4/4 windows of a folder of melody MIDI files
 * (its validation split when it is the folder the model was trained on, every tune otherwise), with the
 * worker's codec. Ends with one line `RESULT {json}`; writes eval.json and the model card unless --no-write.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { VaeCodec, vaeWeightsFrom } from '../../model/vae/vaeCodec';
import { parseVaeConfig } from '../../model/vae/vaeLoad';
import { useTrainingBackend } from '../backend';
import { eventClass } from '../corpus/melodyEvents';
import { CorpusFolderError, readCorpus } from '../corpus/readCorpus';
import { readCheckpoint } from '../export/checkpointFiles';
import { updateCheckpointIndex } from '../export/modelCard';
import { evaluateVae } from '../vae/vaeEval';
import { writeVaeModelCard } from '../vae/vaeModelCard';
import { vaeWindows } from '../vae/vaeWindows';
import { num, str, type Args } from './args';

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

/** Runs the VAE evaluation with already parsed arguments. */
export async function evaluateVaeCommand(args: Args): Promise<void> {
  const dir = str(args, 'checkpoint', 'public/checkpoints/melody-vae-v4');
  if (!existsSync(join(dir, 'config.json'))) throw new CorpusFolderError(`no checkpoint (config.json) in ${dir}`);
  const trainingFile = join(dir, 'training.json');
  const training = existsSync(trainingFile)
    ? (JSON.parse(readFileSync(trainingFile, 'utf8')) as { corpus?: { folder?: string } })
    : null;
  const trainedOn = training?.corpus?.folder;
  const corpusDir = str(args, 'corpus', trainedOn ?? '../shared/corpus/nottingham');
  const backend = await useTrainingBackend(str(args, 'backend', 'wasm') === 'cpu' ? 'cpu' : 'wasm');
  const { config, tensors } = readCheckpoint(dir);
  const spec = parseVaeConfig(config);
  const codec = new VaeCodec(vaeWeightsFrom(tensors), spec.numSteps);
  const corpus = readCorpus(corpusDir, { minPitch: spec.minPitch, maxPitch: spec.maxPitch });
  const sameCorpus = trainedOn !== undefined && resolve(trainedOn) === resolve(corpusDir);
  const split = str(args, 'split', sameCorpus ? 'validation' : 'all');
  const tunes = split === 'validation' ? corpus.validation : [...corpus.train, ...corpus.validation];
  const windows = vaeWindows(tunes, spec.numSteps, 2).map((w) =>
    Array.from(w.events, (e) => eventClass(e, spec.minPitch)),
  );
  console.log(
    `${dir} on ${corpusDir} (${split === 'validation' ? 'validation split' : 'every tune'}): ${windows.length} two-bar 4/4 windows from ${tunes.length} tunes; backend ${backend}`,
  );
  if (windows.length < 2) throw new CorpusFolderError(`fewer than two 4/4 two-bar windows with notes in ${corpusDir}`);
  const started = performance.now();
  const e = evaluateVae(codec, windows, {
    minPitch: spec.minPitch,
    pairs: num(args, 'pairs', 200),
    similarWindows: num(args, 'similar-windows', 200),
    steps: num(args, 'steps', 8),
    temperatures: [0.5, 1],
    seed: num(args, 'seed', 7),
  });
  console.log(`evaluated in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  console.log(`reconstruction (greedy): ${pct(e.reconstruction)} of steps equal (target >= 90%)`);
  for (const [t, v] of Object.entries(e.reconstructionByTemperature))
    console.log(`reconstruction at temperature ${t}: ${pct(v)}`);
  console.log(
    `interpolation (${e.interpolationPairs} pairs, 8 steps; ${e.interpolationPairsSharingKey} share a key): ${pct(e.interpolationInKey)} of in-between notes in the shared key` +
      ` (target >= 90%), ${pct(e.inBetweenPhrasesAt90)} of in-between phrases at >= 90%`,
  );
  console.log(
    `  neighbouring steps differ by ${pct(e.stepDistance)} of steps, the ends by ${pct(e.endsDistance)} (target: neighbours closer); steady path ${pct(e.monotone)}`,
  );
  console.log(
    `similar: ${pct(e.similarKept90)} of steps kept at 0.9 (target >= 70%), ${pct(e.similarKept50)} at 0.5 (target: fewer than at 0.9)`,
  );
  const smoothness =
    `neighbouring in-betweens differ by ${pct(e.stepDistance)} of steps against ${pct(e.endsDistance)} between the ends ` +
    `(ratio ${(e.stepDistance / Math.max(e.endsDistance, 1e-9)).toFixed(2)}), and ${pct(e.monotone)} of in-between steps move no closer back to A`;
  if (!args['no-write']) {
    writeFileSync(
      join(dir, 'eval.json'),
      JSON.stringify({ corpus: corpusDir, split, ...e, smoothness }, null, 1) + '\n',
    );
    writeVaeModelCard(dir);
    if (dir.startsWith('public/checkpoints/')) updateCheckpointIndex('public/checkpoints');
  }
  const result = {
    checkpoint: dir,
    windows: e.windows,
    reconstruction: round(e.reconstruction),
    interpolationInKey: round(e.interpolationInKey),
    stepDistance: round(e.stepDistance),
    endsDistance: round(e.endsDistance),
    similarKept90: round(e.similarKept90),
    similarKept50: round(e.similarKept50),
  };
  console.log(`RESULT ${JSON.stringify(result)}`);
}

const round = (x: number) => Number(x.toFixed(4));
