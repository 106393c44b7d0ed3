/**
 * The MusicVAE training loop. It reuses the MusicRNN trainer's pieces (Adam, global-norm clipping, the rate
 * set between steps, the end-of-budget anneal, halving on stalls, early stopping, the checkpoint files) and
 * adds MusicVAE's own: the KL weight beta = maxBeta * (1 - betaRate^step) rising from 0 (KL annealing) and
 * free bits (KL below `freeBits` costs nothing). Resumable: last weights, Adam moments and progress live
 * in `stateDir`; the best weights so far are a complete Magenta checkpoint in `outDir`.
 */
import * as tf from '@tensorflow/tfjs';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Corpus } from '../corpus/readCorpus';
import { readCheckpoint, writeCheckpoint } from '../export/checkpointFiles';
import { createRng, shuffle, validationSubset } from '../random';
import { annealMultiplier, clipByGlobalNorm, setLearningRate } from '../schedule';
import { createVaeVariables, fromCheckpointTensors, toCheckpointTensors, vaeLoss, type VaeVariables } from './vaeGraph';
import { magentaVaeConfig, type VaeSpec } from './vaeSpec';
import { validateVae, type VaeValidation } from './vaeValidation';
import { disposeVaeBatch, makeVaeBatch, randomShift, vaeWindows } from './vaeWindows';

export interface VaeTrainOptions {
  spec: VaeSpec;
  corpus: Corpus;
  outDir: string;
  stateDir: string;
  batchSize: number;
  learningRate: number;
  clipNorm: number;
  /** Final KL weight. */
  maxBeta: number;
  /** beta after n steps is maxBeta * (1 - betaRate^n). */
  betaRate: number;
  /** KL (bits per sequence) that costs nothing. */
  freeBits: number;
  /** Share of steps whose previous event the decoder does not hear in training (word dropout; 0 = none). */
  inputDropout?: number;
  maxMinutes: number;
  annealMinutes: number;
  patience: number;
  evalEvery: number;
  evalWindows: number;
  maxShift: number;
  seed: number;
  resume: boolean;
  maxSteps?: number;
  log: (line: string) => void;
}

export interface VaeProgress {
  step: number;
  epoch: number;
  cursor: number;
  /** Best validation objective at full beta (reconstruction + maxBeta * KL cost), nats per sequence. */
  bestObjective: number;
  bestStep: number;
  bestValidation?: VaeValidation;
  learningRate: number;
  stale: number;
  seconds: number;
  windowsSeen: number;
  rngState: number;
  history: ({ step: number; loss: number; beta: number; seconds: number } & VaeValidation)[];
  stoppedBy?: string;
}

/** Seeded keep-masks ([1, B] per step) dropping each previous event with probability `rate`. */
function dropoutMasks(steps: number, batch: number, rate: number, rng: { next(): number }): tf.Tensor2D[] {
  return Array.from({ length: steps }, () =>
    tf.tensor2d(
      Float32Array.from({ length: batch }, () => (rng.next() < rate ? 0 : 1)),
      [1, batch],
    ),
  );
}

/** beta after `step` steps. */
export function klWeight(step: number, maxBeta: number, betaRate: number): number {
  return maxBeta * (1 - betaRate ** step);
}

async function saveCheckpoint(dir: string, vars: VaeVariables, spec: VaeSpec): Promise<void> {
  const tensors = toCheckpointTensors(vars);
  await writeCheckpoint(dir, tensors, magentaVaeConfig(spec));
  tf.dispose(Object.values(tensors));
}

async function saveState(
  o: VaeTrainOptions,
  vars: VaeVariables,
  optimizer: tf.AdamOptimizer,
  progress: VaeProgress,
): Promise<void> {
  mkdirSync(o.stateDir, { recursive: true });
  await saveCheckpoint(join(o.stateDir, 'last'), vars, o.spec);
  const named: Record<string, tf.Tensor> = {};
  for (const w of await optimizer.getWeights()) named[w.name] = w.tensor;
  await writeCheckpoint(join(o.stateDir, 'optimizer'), named, { type: 'AdamState' });
  // getWeights makes a fresh scalar for the iteration count each time; the moments are the optimizer's own.
  named.iter?.dispose();
  writeFileSync(join(o.stateDir, 'progress.json'), JSON.stringify({ ...progress, spec: o.spec }, null, 1));
}

/** Trains (or resumes) a MusicVAE; returns the final progress. The best checkpoint is in `outDir`. */
export async function trainVae(o: VaeTrainOptions): Promise<VaeProgress> {
  const { spec } = o;
  const vars = createVaeVariables(spec, o.seed);
  let progress: VaeProgress = {
    step: 0,
    epoch: 0,
    cursor: 0,
    bestObjective: Infinity,
    bestStep: 0,
    learningRate: o.learningRate,
    stale: 0,
    seconds: 0,
    windowsSeen: 0,
    rngState: o.seed,
    history: [],
  };
  const optimizer = tf.train.adam(o.learningRate);
  const progressFile = join(o.stateDir, 'progress.json');
  if (o.resume && existsSync(progressFile)) {
    progress = JSON.parse(readFileSync(progressFile, 'utf8')) as VaeProgress;
    progress.stoppedBy = undefined;
    const last = readCheckpoint(join(o.stateDir, 'last')).tensors;
    const training = fromCheckpointTensors(last);
    for (const [name, v] of Object.entries(vars)) v.assign(training[name]);
    tf.dispose([...Object.values(last), ...Object.values(training)]);
    const opt = readCheckpoint(join(o.stateDir, 'optimizer')).tensors;
    // Adam's moments are positional, and createVaeVariables always makes the variables in the same order.
    await optimizer.setWeights(Object.entries(opt).map(([name, tensor]) => ({ name, tensor })));
    setLearningRate(optimizer, progress.learningRate);
    o.log(
      `resumed at step ${progress.step} (epoch ${progress.epoch}, best objective ${progress.bestObjective.toFixed(3)})`,
    );
  }
  const trainWindows = vaeWindows(o.corpus.train, spec.numSteps, 1);
  const allVal = vaeWindows(o.corpus.validation, spec.numSteps, 2);
  const valWindows = validationSubset(allVal, o.evalWindows);
  const params = Object.values(vars).reduce((s, v) => s + v.size, 0);
  o.log(
    `${trainWindows.length} training windows (${Math.floor(trainWindows.length / o.batchSize)} batches/epoch), ${valWindows.length} of ${allVal.length} validation windows; ` +
      `encoder 2x${spec.encoderHidden}, decoder ${spec.decoderHidden.join('x')}, z ${spec.zSize}, ${params} parameters (${((params * 4) / 1e6).toFixed(2)} MB), B ${o.batchSize}`,
  );
  if (trainWindows.length < o.batchSize || valWindows.length === 0)
    throw new Error('not enough 4/4 two-bar windows to train on');

  const rng = createRng(progress.rngState);
  let order = shuffle(trainWindows.slice(), createRng(o.seed + progress.epoch));
  const startedAt = performance.now() - progress.seconds * 1000;
  const elapsed = () => (performance.now() - startedAt) / 1000;
  const freeNats = o.freeBits * Math.log(2);
  let windowStart = performance.now();
  let windowSteps = 0;
  let windowLoss = 0;

  while (true) {
    if (progress.cursor + o.batchSize > order.length) {
      progress.epoch++;
      progress.cursor = 0;
      order = shuffle(trainWindows.slice(), createRng(o.seed + progress.epoch));
    }
    const picked = order.slice(progress.cursor, progress.cursor + o.batchSize);
    progress.cursor += o.batchSize;
    const batch = makeVaeBatch(
      spec,
      picked,
      picked.map((w) => randomShift(w, spec, o.maxShift, rng)),
    );
    const noise = tf.randomNormal(
      [spec.zSize, picked.length],
      0,
      1,
      'float32',
      Math.floor(rng.next() * 2 ** 31),
    ) as tf.Tensor2D;
    const beta = klWeight(progress.step, o.maxBeta, o.betaRate);
    const rateNow = progress.learningRate * annealMultiplier(elapsed(), o.maxMinutes, o.annealMinutes);
    setLearningRate(optimizer, rateNow);
    const keepPrevious = o.inputDropout ? dropoutMasks(spec.numSteps, picked.length, o.inputDropout, rng) : undefined;
    const { value, grads } = tf.variableGrads(
      () => vaeLoss(vars, { ...batch, noise, keepPrevious }, beta, freeNats).loss,
      Object.values(vars),
    );
    const clipped = clipByGlobalNorm(grads, o.clipNorm);
    optimizer.applyGradients(clipped as Parameters<typeof optimizer.applyGradients>[0]);
    const loss = (await value.data())[0];
    tf.dispose([value, noise, ...(keepPrevious ?? []), ...Object.values(grads), ...Object.values(clipped)]);
    disposeVaeBatch(batch);
    progress.step++;
    progress.windowsSeen += picked.length;
    windowSteps++;
    windowLoss += loss;

    const outOfTime = elapsed() > o.maxMinutes * 60;
    const atMax = o.maxSteps !== undefined && progress.step >= o.maxSteps;
    if (progress.step % o.evalEvery === 0 || outOfTime || atMax) {
      const val = validateVae(vars, spec, valWindows, o.batchSize * 2);
      const objective = val.reconstructionNll + o.maxBeta * Math.max(0, val.klNats - freeNats);
      const rate = windowSteps / ((performance.now() - windowStart) / 1000);
      progress.seconds = elapsed();
      progress.history.push({
        step: progress.step,
        loss: windowLoss / windowSteps,
        beta,
        seconds: progress.seconds,
        ...val,
      });
      if (objective < progress.bestObjective - 1e-3) {
        progress.bestObjective = objective;
        progress.bestStep = progress.step;
        progress.bestValidation = val;
        progress.stale = 0;
        await saveCheckpoint(o.outDir, vars, spec);
      } else {
        progress.stale++;
        if (progress.stale % 2 === 0) progress.learningRate /= 2;
      }
      o.log(
        `epoch ${progress.epoch} step ${progress.step} loss ${(windowLoss / windowSteps).toFixed(3)} beta ${beta.toFixed(3)} | val recon NLL ${val.reconstructionNll.toFixed(3)}` +
          ` KL ${(val.klNats / Math.log(2)).toFixed(1)} bits, greedy recon ${(100 * val.greedyAccuracy).toFixed(1)}%, objective ${objective.toFixed(3)}` +
          ` (best ${progress.bestObjective.toFixed(3)} @${progress.bestStep}) ${rate.toFixed(2)} steps/s lr ${rateNow.toExponential(1)}` +
          ` time left ${(Math.max(0, o.maxMinutes * 60 - progress.seconds) / 60).toFixed(1)} min`,
      );
      progress.rngState = rng.state();
      if (progress.stale >= o.patience)
        progress.stoppedBy = `early stop: ${o.patience} validations without improvement`;
      else if (outOfTime) progress.stoppedBy = `time budget of ${o.maxMinutes} min`;
      else if (atMax) progress.stoppedBy = `max steps ${o.maxSteps}`;
      await saveState(o, vars, optimizer, progress);
      windowStart = performance.now();
      windowSteps = 0;
      windowLoss = 0;
      if (progress.stoppedBy) break;
    } else if (progress.step % 10 === 0) {
      const rate = windowSteps / ((performance.now() - windowStart) / 1000);
      o.log(
        `epoch ${progress.epoch} step ${progress.step} loss ${loss.toFixed(3)} beta ${beta.toFixed(3)} ${rate.toFixed(2)} steps/s time left ${(Math.max(0, o.maxMinutes * 60 - elapsed()) / 60).toFixed(1)} min`,
      );
    }
  }
  tf.dispose(Object.values(vars));
  optimizer.dispose();
  o.log(
    `stopped (${progress.stoppedBy}) after ${progress.step} steps, ${(progress.seconds / 60).toFixed(1)} min; best objective ${progress.bestObjective.toFixed(3)} at step ${progress.bestStep}`,
  );
  return progress;
}
