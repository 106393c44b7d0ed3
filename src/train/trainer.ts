/**
 * The training loop: Adam on masked cross-entropy, global-norm gradient clipping, learning rate halved when
 * validation stalls, early stopping, a wall-clock budget, and resumable state (last weights + Adam moments
 * + progress in `stateDir`; the best weights so far are always a complete checkpoint in `outDir`).
 */
import * as tf from '@tensorflow/tfjs';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Corpus } from './corpus/readCorpus';
import { eventInputRow, inputSize, magentaConfig, specFromConfig, type ModelSpec } from './data/modelSpec';
import { allowedShifts, disposeBatch, makeBatch, tuneWindows, type Window } from './data/windows';
import type { CopyMode, EchoMotifs } from './data/echoSteps';
import { readCheckpoint, writeCheckpoint } from './export/checkpointFiles';
import { warmStart } from './model/warmStart';
import { averageDecay, createWeightAverage, updateWeightAverage } from './model/weightAverage';
import type { CopySupervision } from './model/attentionGraph';
import { createModelVariables, modelLogits, trainableVariables } from './model/modelGraph';
import { maskedCrossEntropy, offKeyPenalty, shapeOfVariables, type RnnVariables } from './model/rnnGraph';
import { createRng, shuffle, validationSubset } from './random';
import {
  annealMultiplier,
  clipByGlobalNorm,
  ownInputRate,
  rateAfterStaleValidation,
  setLearningRate,
} from './schedule';
import {
  createPhraseTuner,
  memoryOverlap,
  phraseBatch,
  policyGradientLoss,
  warmPhraseMemory,
  type PhraseTuningOptions,
} from './phraseTuning';

export interface TrainOptions {
  spec: ModelSpec;
  corpus: Corpus;
  /** Where the best checkpoint goes (config.json, weights_manifest.json, weights.bin). */
  outDir: string;
  /** Where resumable state goes (last weights, optimizer, progress.json). */
  stateDir: string;
  windowSteps: number;
  batchSize: number;
  learningRate: number;
  clipNorm: number;
  maxMinutes: number;
  /** Stop after this many validations without improvement. */
  patience: number;
  /**
   * Halve the rate after every this many validations without improvement (2; 0 = never). A stage warm-started
   * from a trained model of the same depth scores its best at once and then adapts to its new parts: halving
   * there (twice in its first 600 steps, pop-chord-melody-rnn-v20's first start) starves it of the rate it needs.
   */
  halveAfter?: number;
  evalEvery: number;
  /** Most validation windows scored at each validation (a fixed, seeded subset). */
  evalWindows: number;
  maxShift: number;
  seed: number;
  resume: boolean;
  /** On resume, start again from `learningRate` instead of the saved (possibly halved) rate. */
  resetLearningRate?: boolean;
  /**
   * A trained checkpoint whose LSTM layers (and output biases) start this model where names and shapes match,
   * a plain model's layers included in an attention model's stack (warmStart.ts).
   */
  initFrom?: string;
  /**
   * Minutes at the end of the time budget over which the rate decays geometrically to 1/ANNEAL_FACTOR (schedule.ts) of
   * itself (0 = none). A run cut by the clock while still improving ends at a better point this way.
   */
  annealMinutes?: number;
  maxSteps?: number;
  /** Count the BinaryCounter from each tune's opening bar (openingBarStep) rather than from the window start. */
  anchorCounter?: boolean;
  /**
   * Training windows start at each tune's opening bar and every this many bars after it (windows.ts fromOpening),
   * so the fresh state of a window meets a phrase start; 0 = every 2 bars from the tune's first step.
   */
  phraseHopBars?: number;
  /** Loss weight of training targets that continue a motif heard earlier in their window (echoSteps; 1 = plain). */
  echoWeight?: number;
  /** What counts as an earlier motif for echoWeight: intervals and gaps at any pitch level, or exact pitches. */
  echoMotifs?: EchoMotifs;
  /** Share of note onsets inside echoes whose input is a wrong note (windows.ts InputNoise; 0 = clean inputs). */
  inputNoise?: number;
  /** Dropout rate between layers and before the output layer while training (rnnGraph.ts; 0 = none). */
  dropout?: number;
  /**
   * Weight of the copy-supervision loss (attentionGraph.ts): at steps that repeat something still in the attention
   * memory (see copySources), -log of the attention weight on the steps they repeat (0 = none).
   */
  copyWeight?: number;
  /** What copy supervision points at: repeated motifs (default) or exact step-for-step repeats at any lag. */
  copySources?: CopyMode;
  /** Loss weight of targets where an exact repeat starts (echoSteps.ts repeatStarts; 1 = plain). */
  returnWeight?: number;
  /** Only repeats of what sounded this many bars earlier get returnWeight (windows.ts; 0 = any lag). */
  returnLagBars?: number;
  /** Loss weight of targets that start a note outside the tune's annotated key (offKeySteps.ts; 1 = plain). */
  offKeyWeight?: number;
  /** Weight of the loss on the probability of notes outside the annotated key (rnnGraph.ts offKeyPenalty; 0 = none). */
  offKeyPenalty?: number;
  /** Share of steps fed the model's own sampled event instead of the real one (attentionGraph.ts OwnInputs). */
  ownInputs?: number;
  /** Raise the own-input share linearly from 0 at the start to `ownInputs` at the end of the budget. */
  ownInputsRamp?: boolean;
  /**
   * Decay of an exponential moving average of the weights (weightAverage.ts; 0 = none). With it, validation
   * scores (and the best checkpoint holds) the averaged weights, and the halving rule watches their NLL.
   */
  averageDecay?: number;
  /**
   * A policy gradient on whole phrases beside the likelihood (phraseTuning.ts; absent or weight 0 = none). With it
   * every validation keeps the weights as they are (the likelihood is no longer what the stage optimises).
   */
  phraseTuning?: PhraseTuningOptions;
  log: (line: string) => void;
}

export interface Progress {
  step: number;
  epoch: number;
  /** Position inside the current epoch's window order. */
  cursor: number;
  bestValNll: number;
  bestStep: number;
  learningRate: number;
  stale: number;
  seconds: number;
  eventsSeen: number;
  rngState: number;
  history: { step: number; loss: number; valNll: number; seconds: number }[];
  stoppedBy?: string;
}

/** Mean validation NLL (nats/event) over the given windows, by the training graph, no gradients. */
export function windowNll(
  vars: Record<string, tf.Tensor>,
  spec: ModelSpec,
  windows: Window[],
  steps: number,
  batchSize: number,
): number {
  let total = 0;
  let count = 0;
  for (let i = 0; i < windows.length; i += batchSize) {
    const batch = makeBatch(spec, windows.slice(i, i + batchSize), steps, inputSize(spec));
    const loss = tf.tidy(() => maskedCrossEntropy(modelLogits(vars, spec, batch.inputs), batch.targets, batch.mask));
    total += loss.dataSync()[0] * batch.counted;
    count += batch.counted;
    loss.dispose();
    disposeBatch(batch);
  }
  return total / Math.max(count, 1);
}

async function saveState(
  stateDir: string,
  vars: RnnVariables,
  average: RnnVariables | undefined,
  spec: ModelSpec,
  optimizer: tf.AdamOptimizer,
  progress: Progress,
): Promise<void> {
  mkdirSync(stateDir, { recursive: true });
  await writeCheckpoint(join(stateDir, 'last'), vars, magentaConfig(spec));
  if (average) await writeCheckpoint(join(stateDir, 'average'), average, magentaConfig(spec));
  const named: Record<string, tf.Tensor> = {};
  for (const w of await optimizer.getWeights()) named[w.name] = w.tensor;
  await writeCheckpoint(join(stateDir, 'optimizer'), named, { type: 'AdamState' });
  writeFileSync(join(stateDir, 'progress.json'), JSON.stringify({ ...progress, spec }, null, 1));
}

/** Trains (or resumes) a model; returns the final progress. The best checkpoint is in `outDir`. */
export async function train(o: TrainOptions): Promise<Progress> {
  const { spec } = o;
  const inSize = inputSize(spec);
  let vars = createModelVariables(spec, o.seed);
  let progress: Progress = {
    step: 0,
    epoch: 0,
    cursor: 0,
    bestValNll: Infinity,
    bestStep: 0,
    learningRate: o.learningRate,
    stale: 0,
    seconds: 0,
    eventsSeen: 0,
    rngState: o.seed,
    history: [],
  };
  const optimizer = tf.train.adam(o.learningRate);
  const progressFile = join(o.stateDir, 'progress.json');
  const resuming = o.resume && existsSync(progressFile);
  if (o.initFrom && !resuming) {
    const trained = readCheckpoint(o.initFrom);
    // More counter bits than the trained model's: the first layer widens (warmStart.ts); anything else must match.
    const trainedBits = specFromConfig(trained.config, shapeOfVariables(trained.tensors).hidden).auxBits;
    const copied = warmStart(vars, trained.tensors, Math.max(0, spec.auxBits - trainedBits));
    o.log(`started from ${o.initFrom}: ${copied.length ? copied.join(', ') : 'nothing matched'}`);
  }
  // Made after the warm start, so the average starts from the weights training starts from.
  const average = o.averageDecay ? createWeightAverage(vars) : undefined;
  if (resuming) {
    progress = JSON.parse(readFileSync(progressFile, 'utf8')) as Progress;
    progress.stoppedBy = undefined;
    if (o.resetLearningRate) progress.learningRate = o.learningRate;
    const last = readCheckpoint(join(o.stateDir, 'last')).tensors;
    for (const [name, v] of Object.entries(vars)) v.assign(last[name]);
    tf.dispose(Object.values(last));
    if (average) {
      const averaged = existsSync(join(o.stateDir, 'average', 'config.json'))
        ? readCheckpoint(join(o.stateDir, 'average')).tensors
        : undefined;
      // A run resumed with averaging that had none starts its average from where it stopped.
      for (const [name, a] of Object.entries(average)) a.assign(averaged?.[name] ?? vars[name]);
      if (averaged) tf.dispose(Object.values(averaged));
    }
    const opt = readCheckpoint(join(o.stateDir, 'optimizer')).tensors;
    // Adam's moments are positional (i-th gradient of the map), and the variables are always made in the same order.
    await optimizer.setWeights(Object.entries(opt).map(([name, tensor]) => ({ name, tensor })));
    setLearningRate(optimizer, progress.learningRate);
    o.log(`resumed at step ${progress.step} (epoch ${progress.epoch}, best val NLL ${progress.bestValNll.toFixed(4)})`);
  }
  const fromOpening = Boolean(o.phraseHopBars);
  const trainWindows = tuneWindows(o.corpus.train, o.windowSteps, o.phraseHopBars || 2, o.anchorCounter, fromOpening);
  const allVal = tuneWindows(o.corpus.validation, o.windowSteps, 0, o.anchorCounter);
  const valWindows = validationSubset(allVal, o.evalWindows);
  const batchesPerEpoch = Math.floor(trainWindows.length / o.batchSize);
  o.log(
    `${trainWindows.length} training windows (${batchesPerEpoch} batches/epoch), ${valWindows.length} of ${allVal.length} validation windows; hidden ${spec.hidden.join('x')}${spec.attentionLength ? `, attention ${spec.attentionLength}` : ''}, input ${inSize}, T ${o.windowSteps}, B ${o.batchSize}`,
  );

  let rng = createRng(progress.rngState);
  const tuner = o.phraseTuning?.weight ? createPhraseTuner(o.corpus.train, o.phraseTuning) : undefined;
  if (tuner) {
    await warmPhraseMemory(tuner, vars, spec, rng, o.maxShift);
    o.log(
      `phrase tuning: ${tuner.prompts.length} openings; the model's recent ${tuner.memory.phrases.length} phrases overlap real ones ${memoryOverlap(tuner).toFixed(3)}`,
    );
  }
  let windowReward = 0;
  let order = shuffle(trainWindows.slice(), createRng(o.seed + progress.epoch));
  const startedAt = performance.now() - progress.seconds * 1000;
  const elapsed = () => (performance.now() - startedAt) / 1000;
  let windowStart = performance.now();
  let windowSteps = 0;
  let windowLoss = 0;
  let lastLoss = NaN;
  // Mean copy-supervision loss since the last validation (nats of attention off the repeated step).
  let windowCopy = 0;
  const copyWeight = o.copyWeight ?? 0;

  while (true) {
    if (progress.cursor + o.batchSize > order.length) {
      progress.epoch++;
      progress.cursor = 0;
      order = shuffle(trainWindows.slice(), createRng(o.seed + progress.epoch));
    }
    const picked = order.slice(progress.cursor, progress.cursor + o.batchSize).map((w) => {
      const shifts = allowedShifts(w.tune, spec, o.maxShift);
      return { ...w, shift: shifts[Math.floor(rng.next() * shifts.length)] };
    });
    progress.cursor += o.batchSize;
    const batch = makeBatch(spec, picked, o.windowSteps, inSize, {
      echoWeight: o.echoWeight,
      echoMotifs: o.echoMotifs,
      copyLength: copyWeight ? spec.attentionLength : 0,
      copyMode: o.copySources,
      returnWeight: o.returnWeight,
      returnLagBars: o.returnLagBars,
      offKeyWeight: o.offKeyWeight,
      offKeyClasses: (o.offKeyPenalty ?? 0) > 0,
      noise: o.inputNoise ? { rate: o.inputNoise, rng } : undefined,
    });
    const rateNow = progress.learningRate * annealMultiplier(elapsed(), o.maxMinutes, o.annealMinutes ?? 0);
    setLearningRate(optimizer, rateNow);
    const copy: CopySupervision | undefined = batch.copySlots
      ? { slots: batch.copySlots, counted: batch.copyCounted ?? 0 }
      : undefined;
    const dropout = { rate: o.dropout ?? 0, seed: o.seed * 1_000_003 + progress.step * 7 };
    let copyLoss = 0;
    const own = o.ownInputs
      ? {
          rate: ownInputRate(o.ownInputs, o.ownInputsRamp ?? false, elapsed(), o.maxMinutes),
          eventRow: eventInputRow(spec),
          random: () => rng.next(),
        }
      : undefined;
    const phrases = tuner ? await phraseBatch(tuner, vars, spec, rng, o.maxShift) : undefined;
    const { value, grads } = tf.variableGrads(() => {
      const logits = modelLogits(vars, spec, batch.inputs, {
        dropout,
        ...(copy ? { copy } : {}),
        ...(own ? { own } : {}),
      });
      const ce = maskedCrossEntropy(logits, batch.targets, batch.mask);
      const withKey = batch.offKeyClasses
        ? (tf.add(
            ce,
            tf.mul(offKeyPenalty(logits, batch.offKeyClasses, batch.keyedRows ?? 0), o.offKeyPenalty ?? 0),
          ) as tf.Scalar)
        : ce;
      let total = withKey;
      if (copy?.loss) {
        copyLoss = copy.loss.dataSync()[0];
        total = tf.add(total, tf.mul(copy.loss, copyWeight)) as tf.Scalar;
      }
      if (phrases) {
        const { batch: written, advantages, sampledRows } = phrases;
        const policy = policyGradientLoss(
          modelLogits(vars, spec, written.inputs),
          written.targets,
          advantages,
          sampledRows,
        );
        total = tf.add(total, tf.mul(policy, o.phraseTuning?.weight ?? 0)) as tf.Scalar;
      }
      return total;
    }, trainableVariables(vars));
    const clipped = clipByGlobalNorm(grads, o.clipNorm);
    optimizer.applyGradients(clipped as Parameters<typeof optimizer.applyGradients>[0]);
    const loss = (await value.data())[0];
    tf.dispose([value, ...Object.values(grads), ...Object.values(clipped)]);
    disposeBatch(batch);
    if (phrases) {
      disposeBatch(phrases.batch);
      phrases.advantages.dispose();
      windowReward += phrases.meanReward;
    }
    if (average) updateWeightAverage(average, vars, averageDecay(o.averageDecay ?? 0, progress.step));
    progress.step++;
    progress.eventsSeen += batch.counted;
    windowSteps++;
    windowLoss += loss;
    windowCopy += copyLoss;
    lastLoss = loss;

    const outOfTime = elapsed() > o.maxMinutes * 60;
    const atMax = o.maxSteps !== undefined && progress.step >= o.maxSteps;
    if (progress.step % o.evalEvery === 0 || outOfTime || atMax) {
      const scored = average ?? vars;
      const valNll = windowNll(scored, spec, valWindows, o.windowSteps, o.batchSize);
      const rate = windowSteps / ((performance.now() - windowStart) / 1000);
      progress.seconds = elapsed();
      progress.history.push({ step: progress.step, loss: windowLoss / windowSteps, valNll, seconds: progress.seconds });
      if (valNll < progress.bestValNll - 1e-4 || tuner) {
        progress.bestValNll = valNll;
        progress.bestStep = progress.step;
        progress.stale = 0;
        await writeCheckpoint(o.outDir, scored, magentaConfig(spec));
      } else {
        progress.stale++;
        progress.learningRate = rateAfterStaleValidation(progress.learningRate, progress.stale, o.halveAfter ?? 2);
      }
      const left = Math.max(0, o.maxMinutes * 60 - progress.seconds);
      o.log(
        `epoch ${progress.epoch} step ${progress.step} loss ${(windowLoss / windowSteps).toFixed(4)} val NLL ${valNll.toFixed(4)}` +
          (copyWeight ? ` copy ${(windowCopy / windowSteps).toFixed(3)}` : '') +
          (average ? ' (averaged)' : '') +
          (tuner
            ? ` reward ${(windowReward / windowSteps).toFixed(3)} phrase overlap ${memoryOverlap(tuner).toFixed(3)}`
            : '') +
          ` (best ${progress.bestValNll.toFixed(4)} @${progress.bestStep}) ${rate.toFixed(2)} steps/s` +
          ` ${(rate * o.batchSize * o.windowSteps) | 0} ev/s lr ${rateNow.toExponential(1)} time left ${(left / 60).toFixed(1)} min`,
      );
      progress.rngState = rng.state();
      if (progress.stale >= o.patience)
        progress.stoppedBy = `early stop: ${o.patience} validations without improvement`;
      else if (outOfTime) progress.stoppedBy = `time budget of ${o.maxMinutes} min`;
      else if (atMax) progress.stoppedBy = `max steps ${o.maxSteps}`;
      await saveState(o.stateDir, vars, average, spec, optimizer, progress);
      windowStart = performance.now();
      windowSteps = 0;
      windowLoss = 0;
      windowCopy = 0;
      windowReward = 0;
      if (progress.stoppedBy) break;
    } else if (progress.step % 10 === 0) {
      const rate = windowSteps / ((performance.now() - windowStart) / 1000);
      o.log(
        `epoch ${progress.epoch} step ${progress.step} loss ${lastLoss.toFixed(4)} ${rate.toFixed(2)} steps/s time left ${(Math.max(0, o.maxMinutes * 60 - elapsed()) / 60).toFixed(1)} min`,
      );
    }
  }
  rng = createRng(0);
  tf.dispose(Object.values(vars));
  if (average) tf.dispose(Object.values(average));
  vars = {};
  optimizer.dispose();
  o.log(
    `stopped (${progress.stoppedBy}) after ${progress.step} steps, ${(progress.seconds / 60).toFixed(1)} min; best val NLL ${progress.bestValNll.toFixed(4)} at step ${progress.bestStep}`,
  );
  return progress;
}
