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
import type { PhrasePrompt } from './musicality/prompts';

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
  const leadIns = prompts.map((p) => {
    const from = p.start + p.primerSteps;
    return p.tune.events.slice(from, from + Math.min(p.phraseSteps, o.realBars * p.tune.stepsPerBar));
  });
  // Sample-major like the eval's requests, so phrase i continues prompts[i % prompts.length].
  const requests = Array.from({ length: o.samples }, () =>
    prompts.map((p, i) => ({
      primer: p.tune.events.slice(p.start, p.start + p.primerSteps + leadIns[i].length),
      chords: p.tune.chords.slice(p.start, p.start + p.primerSteps + p.phraseSteps),
      steps: p.phraseSteps - leadIns[i].length,
    })),
  ).flat();
  const sampled = await generate(vars, spec, requests, o.temperature, o.rng);
  const phrases = sampled.map((tail, i) => Int16Array.from([...leadIns[i % prompts.length], ...tail]));
  const bars = Math.max(...prompts.map((p) => p.phraseSteps / p.tune.stepsPerBar));
  return reuseByBar(prompts, phrases, bars);
}
