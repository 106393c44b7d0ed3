/**
 * Where musicality is measured in a tune: the first bar with a note on its downbeat and the bar after it are
 * the primer (a musician's two-bar opening), and the four bars after those are the real continuation that
 * generated phrases are compared with.
 */
import { openingBarStep, type Tune } from '../../corpus/tune';
import type { GenerationRequest } from '../generate';

export interface PhrasePrompt {
  tune: Tune;
  /** First step of the primer (a bar line). */
  start: number;
  primerSteps: number;
  phraseSteps: number;
}

/** One prompt per tune long enough for primer + phrase after its first downbeat note; the rest are skipped. */
export function phrasePrompts(tunes: Tune[], primerBars = 2, phraseBars = 4): PhrasePrompt[] {
  const out: PhrasePrompt[] = [];
  for (const tune of tunes) {
    const bar = tune.stepsPerBar;
    const start = openingBarStep(tune);
    if (tune.events[start] >= 0 && start + (primerBars + phraseBars) * bar <= tune.events.length)
      out.push({ tune, start, primerSteps: primerBars * bar, phraseSteps: phraseBars * bar });
  }
  return out;
}

/** The primer's events. */
export function primerOf(p: PhrasePrompt): Int16Array {
  return p.tune.events.slice(p.start, p.start + p.primerSteps);
}

/** The tune's real continuation of the primer. */
export function realPhraseOf(p: PhrasePrompt): Int16Array {
  const from = p.start + p.primerSteps;
  return p.tune.events.slice(from, from + p.phraseSteps);
}

/**
 * `samples` generation requests per prompt, sample-major (request i continues prompts[i % prompts.length]): the
 * primer and the phrase's length to sample, with the tune's chords throughout. With `leadInBars`, the phrase's
 * first bars are the tune's own, fed after the primer, and only the rest is sampled.
 */
export function phraseRequests(prompts: PhrasePrompt[], samples: number, leadInBars = 0): GenerationRequest[] {
  const once = prompts.map((p) => {
    const leadIn = Math.min(p.phraseSteps, leadInBars * p.tune.stepsPerBar);
    return {
      primer: p.tune.events.slice(p.start, p.start + p.primerSteps + leadIn),
      chords: p.tune.chords.slice(p.start, p.start + p.primerSteps + p.phraseSteps),
      steps: p.phraseSteps - leadIn,
    };
  });
  return Array.from({ length: samples }, () => once).flat();
}
