import * as tf from '@tensorflow/tfjs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTrainingBackend } from '../../../src/train/backend';
import {
  FeatureMemory,
  groupAdvantages,
  LOG_RATIO_CLIP,
  mismatchWeights,
  phraseRewards,
  rewardWeights,
} from '../../../src/train/eval/musicality/featureReward';
import type { PhraseFeatures } from '../../../src/train/eval/musicality/phraseFeatures';
import { createModelVariables, modelLogits } from '../../../src/train/model/modelGraph';
import { targetLogProbs } from '../../../src/train/model/rnnGraph';
import { createPhraseTuner, phraseBatch, policyGradientLoss, warmPhraseMemory } from '../../../src/train/phraseTuning';
import { train } from '../../../src/train/trainer';
import { createRng } from '../../../src/train/random';
import { readTinyCorpus, tinyAttentionSpec, tinyTrainOptions } from './tinyCorpus';

beforeAll(async () => {
  await useTrainingBackend('wasm');
});

/** Features that differ only in motif reuse (the rest fixed, so only reuse can separate two samples). */
const withReuse = (motifReuse: number): PhraseFeatures => ({
  pitchClassEntropy: 2.4,
  pitchRange: 12,
  meanAbsInterval: 2.6,
  notesPerBar: 5,
  meanInterOnset: 3,
  scaleConsistency: 1,
  grooveConsistency: 0.9,
  leapShare: 0.04,
  motifReuse,
});

/** `n` seeded values spread around `centre`. */
const around = (centre: number, n: number, seed: number): number[] => {
  const rng = createRng(seed);
  return Array.from({ length: n }, () => centre + (rng.next() - 0.5) * 0.1);
};

describe('the phrase reward', () => {
  it('pays for what the model writes less often than real tunes and charges for what it writes more often', () => {
    const real = around(0.3, 200, 1).map(withReuse);
    const model = around(0.1, 200, 2).map(withReuse);
    const [realLike, modelLike] = phraseRewards(real, model, [withReuse(0.3), withReuse(0.1)]);
    expect(realLike).toBeGreaterThan(0);
    expect(modelLike).toBeLessThan(0);
    // Far outside both samples the ratio is an artefact of empty tails: clipped (and averaged over 9 features).
    const [far] = phraseRewards(real, model, [withReuse(5)]);
    expect(Math.abs(far)).toBeLessThanOrEqual(LOG_RATIO_CLIP / 9 + 1e-12);
    // Matching motif reuse alone, the ratio is not diluted by the eight features that agree.
    const [alone] = phraseRewards(real, model, [withReuse(0.3)], ['motifReuse']);
    expect(alone).toBeCloseTo(realLike * 9, 9);
    // A feature the phrases share gives no reward difference.
    const [a, b] = phraseRewards(real, model, [withReuse(0.3), withReuse(0.1)], ['pitchRange']);
    expect(a).toBeCloseTo(b, 12);
  });

  it('gives no push to a model whose phrases are distributed as real ones', () => {
    const real = around(0.3, 300, 3).map(withReuse);
    const rewards = phraseRewards(real, real, [withReuse(0.27), withReuse(0.3), withReuse(0.33)]);
    for (const r of rewards) expect(r).toBeCloseTo(0, 12);
  });

  it('focus weighs each feature by how far the model is off on it', () => {
    const real = around(0.3, 200, 1).map(withReuse);
    const model = around(0.1, 200, 2).map(withReuse);
    const weights = mismatchWeights(real, model);
    expect(weights.motifReuse).toBeGreaterThan(0.9); // reuse around 0.3 against around 0.1: almost disjoint
    expect(weights.pitchRange).toBeCloseTo(0, 6); // the same constant on both sides
    // Weighted so, the reward is the reuse term alone.
    const phrases = [withReuse(0.3), withReuse(0.1)];
    const focused = phraseRewards(real, model, phrases, undefined, weights);
    const reuseOnly = phraseRewards(real, model, phrases, ['motifReuse']);
    focused.forEach((r, i) => expect(r).toBeCloseTo(reuseOnly[i], 3));
  });

  it("a boost multiplies a feature's weight, on top of focus or of equal weights", () => {
    const real = around(0.3, 200, 1).map(withReuse);
    const model = around(0.2, 200, 2).map(withReuse);
    const features = ['motifReuse', 'pitchRange'] as const;
    expect(rewardWeights(real, model, features, false)).toEqual({ motifReuse: 1, pitchRange: 1 });
    expect(rewardWeights(real, model, features, false, { motifReuse: 3 })).toEqual({ motifReuse: 3, pitchRange: 1 });
    const focused = mismatchWeights(real, model, features);
    const boosted = rewardWeights(real, model, features, true, { motifReuse: 3 });
    expect(boosted.motifReuse).toBeCloseTo(3 * focused.motifReuse!, 12);
    expect(boosted.pitchRange).toBeCloseTo(focused.pitchRange!, 12);
  });

  it('advantages: each group centred on its own mean, scaled to unit root mean square', () => {
    // Two openings (groups 0 and 1), three phrases each, sample-major as phraseRequests orders them.
    const rewards = [1, 10, 2, 10, 3, 13];
    const a = groupAdvantages(rewards, 2);
    expect(a[0] + a[2] + a[4]).toBeCloseTo(0, 12);
    expect(a[1] + a[3] + a[5]).toBeCloseTo(0, 12);
    expect(Math.sqrt(a.reduce((s, x) => s + x * x, 0) / a.length)).toBeCloseTo(1, 12);
    // Opening 1's phrases all score high, but only the one above its group's mean gets credit.
    expect(a[5]).toBeGreaterThan(0);
    expect(a[1]).toBeLessThan(0);
    expect(groupAdvantages([4, 4, 4, 4], 2)).toEqual([0, 0, 0, 0]);
  });

  it('the memory keeps the most recent phrases', () => {
    const memory = new FeatureMemory(3);
    memory.add([0.1, 0.2].map(withReuse));
    memory.add([0.3, 0.4].map(withReuse));
    expect(memory.phrases.map((f) => f.motifReuse)).toEqual([0.2, 0.3, 0.4]);
  });
});

describe('phrase tuning with a real model', () => {
  const spec = tinyAttentionSpec(8);

  it('one gradient step on the policy loss raises the phrases with a positive advantage and lowers the others', async () => {
    const corpus = readTinyCorpus(join(mkdtempSync(join(tmpdir(), 'pw-pt-')), 'corpus'), 8, 4);
    const tuner = createPhraseTuner(corpus.train, { weight: 1, promptsPerStep: 3, samplesPerPrompt: 2, memory: 12 });
    const vars = createModelVariables(spec, 3);
    const rng = createRng(5);
    await warmPhraseMemory(tuner, vars, spec, rng, 2);
    const { batch, advantages, sampledRows } = await phraseBatch(tuner, vars, spec, rng, 2);
    // Three openings, two phrases each: six sequences, one per batch column.
    expect(batch.inputs[0].shape[1]).toBe(6);
    const rows = batch.targets.shape[0];
    // Log-probability of each phrase's sampled steps, and the sign of its advantage.
    const phraseLogProbs = () =>
      tf.tidy(() => {
        const picked = targetLogProbs(modelLogits(vars, spec, batch.inputs), batch.targets);
        const sampled = tf.notEqual(advantages, 0);
        return Array.from(tf.sum(tf.reshape(tf.mul(picked, sampled), [rows / 6, 6]), 0).dataSync());
      });
    const signs = Array.from(tf.sum(tf.reshape(tf.sign(advantages), [rows / 6, 6]), 0).dataSync()).map(Math.sign);
    expect(signs.filter((s) => s > 0).length).toBeGreaterThan(0);
    expect(signs.filter((s) => s < 0).length).toBeGreaterThan(0);
    const before = phraseLogProbs();
    const optimizer = tf.train.sgd(0.05);
    optimizer.minimize(() =>
      policyGradientLoss(modelLogits(vars, spec, batch.inputs), batch.targets, advantages, sampledRows),
    );
    const after = phraseLogProbs();
    signs.forEach((s, b) => {
      if (s > 0) expect(after[b]).toBeGreaterThan(before[b]);
      if (s < 0) expect(after[b]).toBeLessThan(before[b]);
    });
    tf.dispose([batch.targets, batch.mask, ...batch.inputs, advantages, ...Object.values(vars)]);
    optimizer.dispose();
  });

  it('a tuning stage trains beside the likelihood and keeps the weights of every validation', async () => {
    const root = mkdtempSync(join(tmpdir(), 'pw-pt-train-'));
    const corpus = readTinyCorpus(join(root, 'corpus'), 10, 6);
    const lines: string[] = [];
    const progress = await train({
      ...tinyTrainOptions(spec, corpus, root),
      windowSteps: 16,
      batchSize: 4,
      evalEvery: 2,
      maxSteps: 6,
      phraseTuning: { weight: 1, promptsPerStep: 2, samplesPerPrompt: 2, memory: 8 },
      log: (line) => lines.push(line),
    });
    expect(progress.history).toHaveLength(3);
    // Every validation wrote its weights, better likelihood or not: the stage's last weights are the checkpoint.
    expect(progress.bestStep).toBe(6);
    expect(lines.some((l) => /^phrase tuning: \d+ openings/.test(l))).toBe(true);
    expect(lines.filter((l) => / reward -?\d+\.\d+ phrase overlap \d\.\d+/.test(l))).toHaveLength(3);
    for (const h of progress.history) expect(Number.isFinite(h.loss)).toBe(true);
  });
});
