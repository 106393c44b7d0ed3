/**
 * Where a model's return to the opening is lost. The musicality eval samples all 4 bars after the 2-bar primer;
 * here the first `realBars` of them are the tune's own (fed, not sampled) and only the rest are sampled. If a
 * model restates its opening at bar 5 after the real bars 3-4 but not after its own, the return is lost by
 * sampling (its own bars lead it astray); if it does not return either way, the return is missing from its
 * probabilities.
 */
import type * as tf from '@tensorflow/tfjs';
import type { ModelSpec } from '../data/modelSpec';
import type { Rng } from '../random';
import { generate } from './generate';
import { reuseByBar } from './musicality/report';
import { phraseRequests, type PhrasePrompt } from './musicality/prompts';

/**
 * Motif reuse of the primer per phrase bar (pooled as the eval's per-bar line), `samples` phrases per prompt,
 * the first `realBars` bars of each phrase taken from the tune.
 */
export async function reuseByBarAfterRealLeadIn(
  vars: Record<string, tf.Tensor>,
  spec: ModelSpec,
  prompts: PhrasePrompt[],
  o: { realBars: number; samples: number; temperature: number; rng: Rng },
): Promise<number[]> {
  const requests = phraseRequests(prompts, o.samples, o.realBars);
  const sampled = await generate(vars, spec, requests, o.temperature, o.rng);
  // The fed bars are in the primer, after the prompt's own primer steps.
  const phrases = sampled.map((tail, i) =>
    Int16Array.from([...requests[i].primer.subarray(prompts[i % prompts.length].primerSteps), ...tail]),
  );
  const bars = Math.max(...prompts.map((p) => p.phraseSteps / p.tune.stepsPerBar));
  return reuseByBar(prompts, phrases, bars);
}
