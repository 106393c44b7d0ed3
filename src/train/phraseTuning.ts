/**
 * Phrase tuning (`--phrase-reward W`): a policy gradient on whole phrases beside the likelihood loss. Each step
 * the model writes a few 4-bar continuations of training tunes' 2-bar openings (the musicality measure's
 * prompts), each phrase is rewarded by how much rarer its features are in the model's recent phrases than in real
 * continuations (featureReward.ts), and the loss raises the log-probability of the phrases that beat the other
 * phrases of the same opening and lowers the rest. Likelihood training matches the next step; this matches
 * what the model's phrases add up to (how often a phrase returns to its opening, its range, its scale), which
 * teacher forcing never sees. The phrases' probabilities are the model's own: nothing in sampling changes.
 */
import * as tf from '@tensorflow/tfjs';
import type { Tune } from './corpus/tune';
import { inputSize, type ModelSpec } from './data/modelSpec';
import { allowedShifts, makeBatch, type Batch, type Window } from './data/windows';
import { generate } from './eval/generate';
import {
  FeatureMemory,
  groupAdvantages,
  phraseRewards,
  rewardWeights,
  type FeatureWeights,
} from './eval/musicality/featureReward';
import { compareFeatures } from './eval/musicality/compare';
import { FEATURE_NAMES } from './eval/musicality/phraseFeatures';
import { phrasePrompts, phraseRequests, primerOf, realPhraseOf, type PhrasePrompt } from './eval/musicality/prompts';
import { rewardFeatures, type RewardFeatureName, type RewardFeatures } from './eval/musicality/rewardFeatures';
import { targetLogProbs } from './model/rnnGraph';
import type { Rng } from './random';

export interface PhraseTuningOptions {
  /** Weight of the policy-gradient loss beside the likelihood loss (0 = off). */
  weight: number;
  /** Openings continued per step. */
  promptsPerStep: number;
  /** Phrases per opening (the group whose mean is each phrase's baseline). */
  samplesPerPrompt: number;
  /** The model's recent phrases its side of the reward is estimated from. */
  memory: number;
  /** The features the reward matches (all musicality features when absent). */
  features?: RewardFeatureName[];
  /** Weigh each feature by how far the model's recent phrases are from real ones on it (mismatchWeights). */
  focus?: boolean;
  /** Multipliers of some features' weights (rewardWeights). */
  boost?: FeatureWeights;
}

export interface PhraseTuner {
  options: PhraseTuningOptions;
  prompts: PhrasePrompt[];
  real: RewardFeatures[];
  memory: FeatureMemory<RewardFeatures>;
}

/** A tuner over the training tunes' openings (2 bars) and real continuations (4 bars). */
export function createPhraseTuner(tunes: Tune[], options: PhraseTuningOptions): PhraseTuner {
  if (options.samplesPerPrompt < 2) throw new Error('phrase tuning needs at least two phrases per opening');
  const prompts = phrasePrompts(tunes);
  if (prompts.length === 0) throw new Error('phrase tuning: no training tune has 2 + 4 bars after its opening bar');
  const real = prompts.map((p) => rewardFeatures(realPhraseOf(p), primerOf(p), p.tune.stepsPerBar));
  return { options, prompts, real, memory: new FeatureMemory<RewardFeatures>(options.memory) };
}

/** One sampled phrase with what it continues: the (transposed) primer and the prompt. */
interface Written {
  prompt: PhrasePrompt;
  primer: Int16Array;
  phrase: Int16Array;
}

/** `samplesPerPrompt` phrases for each of `count` random openings, each opening moved by a random allowed shift. */
async function writePhrases(
  tuner: PhraseTuner,
  vars: Record<string, tf.Tensor>,
  spec: ModelSpec,
  count: number,
  rng: Rng,
  maxShift: number,
): Promise<Written[]> {
  const picked = Array.from({ length: count }, () => {
    const prompt = tuner.prompts[Math.floor(rng.next() * tuner.prompts.length)];
    const shifts = allowedShifts(prompt.tune, spec, maxShift);
    const shift = shifts[Math.floor(rng.next() * shifts.length)];
    return { prompt, primer: primerOf(prompt).map((e) => (e >= 0 ? e + shift : e)) };
  });
  // The eval's requests (sample-major, the tune's chords), each primer moved as its opening was.
  const requests = phraseRequests(
    picked.map((p) => p.prompt),
    tuner.options.samplesPerPrompt,
  ).map((r, i) => ({ ...r, primer: picked[i % count].primer }));
  const phrases = await generate(vars, spec, requests, 1, rng);
  return phrases.map((phrase, i) => ({ ...picked[i % count], phrase }));
}

function featuresOf(written: Written[]): RewardFeatures[] {
  return written.map((w) => rewardFeatures(w.phrase, w.primer, w.prompt.tune.stepsPerBar));
}

/** Fills the model's side of the reward before the first step, so the first rewards compare against a full memory. */
export async function warmPhraseMemory(
  tuner: PhraseTuner,
  vars: Record<string, tf.Tensor>,
  spec: ModelSpec,
  rng: Rng,
  maxShift: number,
): Promise<void> {
  while (tuner.memory.phrases.length < tuner.options.memory) {
    const written = await writePhrases(tuner, vars, spec, tuner.options.promptsPerStep, rng, maxShift);
    tuner.memory.add(featuresOf(written));
  }
}

export interface PhraseBatch {
  /** Primer + phrase of every written phrase as training inputs and targets (makeBatch). */
  batch: Batch;
  /** Per target row: the phrase's advantage on its sampled steps, 0 on the primer's. */
  advantages: tf.Tensor1D;
  /** Targets with an advantage (the sampled steps). */
  sampledRows: number;
  meanReward: number;
}

/** Mean overlap of the model's recent phrases with the real continuations (compareFeatures): where tuning stands. */
export function memoryOverlap(tuner: PhraseTuner): number {
  return compareFeatures(tuner.real, tuner.memory.phrases).meanOverlap;
}

/** Writes this step's phrases, rewards them and builds the batch the policy-gradient loss is taken over. */
export async function phraseBatch(
  tuner: PhraseTuner,
  vars: Record<string, tf.Tensor>,
  spec: ModelSpec,
  rng: Rng,
  maxShift: number,
): Promise<PhraseBatch> {
  const groups = tuner.options.promptsPerStep;
  const written = await writePhrases(tuner, vars, spec, groups, rng, maxShift);
  const features = featuresOf(written);
  tuner.memory.add(features);
  const { features: matched = FEATURE_NAMES, focus = false, boost } = tuner.options;
  const featureWeights = rewardWeights(tuner.real, tuner.memory.phrases, matched, focus, boost);
  const rewards = phraseRewards(tuner.real, tuner.memory.phrases, features, matched, featureWeights);
  const advantages = groupAdvantages(rewards, groups);
  const length = Math.max(...written.map((w) => w.primer.length + w.phrase.length));
  const windows: Window[] = written.map((w) => {
    const { start } = w.prompt;
    const events = Int16Array.from([...w.primer, ...w.phrase]);
    const chords = w.prompt.tune.chords.slice(start, start + events.length);
    return { tune: { ...w.prompt.tune, events, chords, keys: undefined }, start: 0, shift: 0, counterStart: 0 };
  });
  const steps = length - 1;
  const batch = makeBatch(spec, windows, steps, inputSize(spec));
  const weights = new Float32Array(steps * written.length);
  let sampledRows = 0;
  written.forEach((w, b) => {
    // Row t scores the event at t + 1: the phrase's events are targets from the primer's last step on.
    for (let t = w.primer.length - 1; t < w.primer.length + w.phrase.length - 1; t++) {
      weights[t * written.length + b] = advantages[b];
      sampledRows++;
    }
  });
  return {
    batch,
    advantages: tf.tensor1d(weights),
    sampledRows,
    meanReward: rewards.reduce((s, r) => s + r, 0) / rewards.length,
  };
}

/**
 * The policy-gradient loss: minus the advantage-weighted log-probability of the sampled events, per sampled
 * step. Its gradient raises the probability of phrases with a positive advantage and lowers the others'.
 */
export function policyGradientLoss(
  logits: tf.Tensor2D,
  targets: tf.Tensor1D,
  advantages: tf.Tensor1D,
  sampledRows: number,
): tf.Scalar {
  return tf.tidy(() => {
    const picked = targetLogProbs(logits, targets);
    return tf.div(tf.neg(tf.sum(tf.mul(picked, advantages))), Math.max(sampledRows, 1)) as tf.Scalar;
  });
}
