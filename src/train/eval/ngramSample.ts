/** Continuations sampled from a Kneser-Ney n-gram model, the baseline for generated phrases. */
import type { KneserNeyModel } from './kneserNey';
import type { Rng } from '../random';

/** `steps` classes sampled after `primer` (classes) at `temperature` (p^(1/T), renormalised). */
export function sampleNgram(
  model: KneserNeyModel,
  primer: number[],
  steps: number,
  temperature: number,
  rng: Rng,
): number[] {
  const history = primer.slice();
  const out: number[] = [];
  for (let s = 0; s < steps; s++) {
    const dist = model.distribution(history.slice(Math.max(0, history.length - model.order + 1)));
    const weights = Array.from(dist, (p) => p ** (1 / temperature));
    let u = rng.next() * weights.reduce((a, w) => a + w, 0);
    let k = 0;
    while (k < weights.length - 1 && (u -= weights[k]) > 0) k++;
    out.push(k);
    history.push(k);
  }
  return out;
}
