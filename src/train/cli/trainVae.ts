/**
 * `npm run train -- --kind vae [options]`: trains a 2-bar melody MusicVAE on a folder of MIDI files and
 * writes a Magenta MusicVAE checkpoint (config.json, weights_manifest.json, weights.bin), training.json and
 * MODEL_CARD.md. Run with --kind vae --help for options.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { useTrainingBackend } from '../backend';
import { readCorpus } from '../corpus/readCorpus';
import { writeVaeModelCard } from '../vae/vaeModelCard';
import type { VaeSpec } from '../vae/vaeSpec';
import { trainVae } from '../vae/vaeTrainer';
import { trainingCommands } from './trainingCommands';
import { num, str, type Args } from './args';

export const VAE_HELP = `npm run train -- --kind vae [--corpus DIR] [--id NAME] [--out DIR]
  --encoder 128      units per direction of the bidirectional encoder
  --decoder 128,128  decoder LSTM layer sizes     --z 64          latent code size
  --batch 128        windows per batch            --lr 0.001      Adam learning rate
  --clip 1           gradient global-norm clip    --max-beta 0.2  final KL weight
  --beta-rate 0.9995 KL weight after n steps: max-beta * (1 - beta-rate^n)
  --free-bits 0      KL bits per window that cost nothing
  --input-dropout 0  share of steps whose previous event the decoder does not hear in training (word dropout)
  --max-minutes 85   wall-clock budget            --anneal-minutes 20  rate decays 10x over the budget's last N minutes
  --patience 8       validations without improvement before stopping
  --eval-every 100   steps between validations    --eval-windows 512   validation windows scored
  --max-shift 5      transposition augmentation (semitones)            --seed 1
  --resume           continue from .train-cache/<id>                   --max-steps N
  --backend wasm|cpu`;

/** Runs the VAE training command with already parsed arguments. */
export async function trainVaeCommand(args: Args): Promise<void> {
  if (args.help) {
    console.log(VAE_HELP);
    return;
  }
  const id = str(args, 'id', 'melody-vae-v4');
  const corpusDir = str(args, 'corpus', '../shared/corpus/nottingham');
  const outDir = str(args, 'out', join('public/checkpoints', id));
  const spec: VaeSpec = {
    minPitch: 48,
    maxPitch: 83,
    numSteps: 32,
    encoderHidden: num(args, 'encoder', 128),
    decoderHidden: str(args, 'decoder', '128,128').split(',').map(Number),
    zSize: num(args, 'z', 64),
  };
  if (new Set(spec.decoderHidden).size !== 1) {
    // Magenta.js splits tanh(dense(z)) into equal parts for every c and h: unequal layers would not load.
    throw new Error('--decoder layers must all have the same size (Magenta.js splits the initial state evenly)');
  }
  const backend = await useTrainingBackend(str(args, 'backend', 'wasm') === 'cpu' ? 'cpu' : 'wasm');
  const corpus = readCorpus(corpusDir, { minPitch: spec.minPitch, maxPitch: spec.maxPitch });
  const trainSteps = corpus.train.reduce((s, t) => s + t.events.length, 0);
  console.log(
    `corpus ${corpusDir}: ${corpus.train.length} train + ${corpus.validation.length} validation tunes, ${corpus.skipped.length} skipped; backend ${backend}`,
  );
  const options = {
    batchSize: num(args, 'batch', 128),
    learningRate: num(args, 'lr', 0.001),
    clipNorm: num(args, 'clip', 1),
    maxBeta: num(args, 'max-beta', 0.2),
    betaRate: num(args, 'beta-rate', 0.9995),
    freeBits: num(args, 'free-bits', 0),
    inputDropout: num(args, 'input-dropout', 0),
    maxMinutes: num(args, 'max-minutes', 85),
    annealMinutes: num(args, 'anneal-minutes', 20),
    patience: num(args, 'patience', 8),
    evalEvery: num(args, 'eval-every', 100),
    evalWindows: num(args, 'eval-windows', 512),
    maxShift: num(args, 'max-shift', 5),
    seed: num(args, 'seed', 1),
    maxSteps: args['max-steps'] ? num(args, 'max-steps', 0) : undefined,
  };
  const progress = await trainVae({
    ...options,
    spec,
    corpus,
    outDir,
    stateDir: join('.train-cache', id),
    resume: Boolean(args.resume),
    log: (line) => console.log(line),
  });
  const { command, commands } = trainingCommands(Boolean(args.resume), outDir);
  const training = {
    id,
    kind: 'vae',
    spec,
    command,
    commands,
    corpus: {
      folder: corpusDir,
      trainTunes: corpus.train.length,
      validationTunes: corpus.validation.length,
      fourFourTrainTunes: corpus.train.filter((t) => t.stepsPerBar === 16).length,
      trainSteps,
      skipped: corpus.skipped,
      octaveShifted: corpus.octaveShifted,
    },
    options,
    backend,
    result: {
      steps: progress.step,
      epochsCompleted: progress.epoch,
      windowsSeen: progress.windowsSeen,
      minutes: progress.seconds / 60,
      stepsPerSecond: progress.step / Math.max(progress.seconds, 1),
      bestObjective: progress.bestObjective,
      bestStep: progress.bestStep,
      bestValidation: progress.bestValidation,
      stoppedBy: progress.stoppedBy,
      history: progress.history,
    },
  };
  if (existsSync(join(outDir, 'config.json'))) {
    writeFileSync(join(outDir, 'training.json'), JSON.stringify(training, null, 1) + '\n');
    writeVaeModelCard(outDir);
  }
}
