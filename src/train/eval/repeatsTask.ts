/**
 * `npm run eval -- --task repeats`: does the model know when a tune repeats its opening? For each tune, the
 * musicality prompt (a 2-bar primer from the first bar with a downbeat note) and the tune's real next 4 bars
 * are scored teacher-forced; the continuation's steps are split into "repeat" steps (inside a four-note window
 * whose motif, 3 intervals + 3 onset gaps, occurs in the primer) and the others. A model that reuses motifs
 * puts more probability on the repeat steps than elsewhere, and loses more of it there when the primer is
 * swapped for another tune's (moved to the same mean pitch). Motif reuse measured on samples only says that
 * a model does not copy; this says whether the copy is missing from its probabilities or lost by sampling.
 * The sampled side (leadInReturns): reuse per phrase bar when the first bars after the primer are the tune's.
 */
import * as tf from '@tensorflow/tfjs';
import { num, type Args } from '../cli/args';
import { eventClass, eventsToNotes } from '../corpus/melodyEvents';
import { specFromConfig, type ModelSpec } from '../data/modelSpec';
import { readCheckpoint } from '../export/checkpointFiles';
import { shapeOfVariables } from '../model/rnnGraph';
import { forEachForcedStep, type ForcedSequence } from './scoreModel';
import { markMotifContinuation, motifKeys } from './musicality/motifs';
import { phrasePrompts, realPhraseOf, type PhrasePrompt } from './musicality/prompts';
import { reuseByBar } from './musicality/report';
import { reuseByBarAfterRealLeadIn } from './leadInReturns';
import { createRng } from '../random';
import { printResult, round, setUpTask } from './taskSetup';

/** Marks the continuation steps inside a four-note window whose motif also occurs in the primer. */
export function repeatSteps(primer: ArrayLike<number>, continuation: ArrayLike<number>): Uint8Array {
  const known = new Set(motifKeys(eventsToNotes(primer)));
  const notes = eventsToNotes(continuation);
  const marks = new Uint8Array(continuation.length);
  motifKeys(notes).forEach((key, w) => {
    if (!known.has(key)) return;
    markMotifContinuation(marks, notes, w);
  });
  return marks;
}

const meanPitch = (events: ArrayLike<number>) => {
  const pitches = Array.from(events).filter((e) => e >= 0);
  return pitches.reduce((s, p) => s + p, 0) / Math.max(1, pitches.length);
};

/** Per sequence, the log-probability of each event given the ones before it (teacher-forced from zero state). */
async function stepLogProbs(
  vars: Record<string, tf.Tensor>,
  spec: ModelSpec,
  sequences: readonly ForcedSequence[],
): Promise<Float32Array[]> {
  const out = sequences.map((s) => new Float32Array(s.events.length));
  await forEachForcedStep(vars, spec, sequences, (t, logProbs, depth) =>
    sequences.forEach((s, b) => {
      if (t + 1 < s.events.length) out[b][t + 1] = logProbs[b * depth + eventClass(s.events[t + 1], spec.minPitch)];
    }),
  );
  return out;
}

export async function runRepeatsTask(args: Args): Promise<void> {
  const setup = await setUpTask(args, 'melody', false);
  setup.model.dispose();
  const { config, tensors } = readCheckpoint(setup.dir);
  const spec = specFromConfig(config, shapeOfVariables(tensors).hidden);
  const prompts = phrasePrompts(setup.tunes);
  const sequences: ForcedSequence[] = [];
  const marks: Uint8Array[] = [];
  prompts.forEach((prompt: PhrasePrompt, i) => {
    // Another tune's primer of the same length (the next one round the list), moved to this primer's mean pitch.
    const other = [...prompts.slice(i + 1), ...prompts.slice(0, i)].find((q) => q.primerSteps === prompt.primerSteps);
    if (!other) return;
    const { tune, start, primerSteps, phraseSteps } = prompt;
    const events = tune.events.slice(start, start + primerSteps + phraseSteps);
    const chords = tune.chords.slice(start, start + primerSteps + phraseSteps);
    const otherPrimer = other.tune.events.slice(other.start, other.start + primerSteps);
    const shift = Math.round(meanPitch(events.subarray(0, primerSteps)) - meanPitch(otherPrimer));
    const swapped = events.slice();
    otherPrimer.forEach(
      (e, s) => (swapped[s] = e >= 0 ? Math.min(spec.maxPitch, Math.max(spec.minPitch, e + shift)) : e),
    );
    sequences.push({ events, chords }, { events: swapped, chords });
    marks.push(repeatSteps(events.subarray(0, primerSteps), events.subarray(primerSteps)));
  });
  const logProbs = await stepLogProbs(tensors, spec, sequences);
  // The sampled side of the same question, seeded as the musicality eval is: reuse per phrase bar with the
  // first 0, 2 or 3 bars after the primer fed from the tune.
  const leadIns = [0, 2, 3];
  const sampledReuse: number[][] = [];
  for (const realBars of leadIns)
    sampledReuse.push(
      await reuseByBarAfterRealLeadIn(tensors, spec, prompts, {
        realBars,
        samples: num(args, 'samples', 3),
        temperature: 1,
        rng: createRng(num(args, 'seed', 7)),
      }),
    );
  tf.dispose(Object.values(tensors));
  const sums = { repeat: { own: 0, other: 0, p: 0, steps: 0 }, rest: { own: 0, other: 0, p: 0, steps: 0 } };
  marks.forEach((m, k) => {
    const own = logProbs[2 * k];
    const swapped = logProbs[2 * k + 1];
    const primerSteps = own.length - m.length;
    m.forEach((mark, s) => {
      const part = mark ? sums.repeat : sums.rest;
      part.own -= own[primerSteps + s];
      part.other -= swapped[primerSteps + s];
      part.p += Math.exp(own[primerSteps + s]);
      part.steps++;
    });
  });
  const row = (name: string, p: (typeof sums)['repeat']) =>
    `${name.padEnd(34)}${String(p.steps).padStart(6)}${(p.own / p.steps).toFixed(3).padStart(12)}${(p.other / p.steps).toFixed(3).padStart(16)}${(p.p / p.steps).toFixed(3).padStart(14)}`;
  console.log(`${setup.dir}: ${marks.length} tunes (${setup.split} split of ${setup.corpusDir})`);
  console.log('continuation steps                 steps  NLL (own)  NLL (other primer)  mean p(true)');
  console.log(row('inside a motif of the primer', sums.repeat));
  console.log(row('elsewhere', sums.rest));
  const realReuse = reuseByBar(prompts, prompts.map(realPhraseOf), sampledReuse[0].length);
  const bars = (reuse: number[]) => reuse.map((r) => r.toFixed(2)).join(' ');
  console.log(`motif reuse of the primer by phrase bar, T = 1: real tunes ${bars(realReuse)}`);
  leadIns.forEach((realBars, k) =>
    console.log(`  sampled after ${realBars} real bar${realBars === 1 ? '' : 's'}: ${bars(sampledReuse[k])}`),
  );
  const nll = (p: (typeof sums)['repeat'], key: 'own' | 'other') => p[key] / Math.max(1, p.steps);
  printResult({
    task: 'repeats',
    tunes: marks.length,
    repeatSteps: sums.repeat.steps,
    repeatNll: round(nll(sums.repeat, 'own')),
    otherNll: round(nll(sums.rest, 'own')),
    repeatNllOtherPrimer: round(nll(sums.repeat, 'other')),
    otherNllOtherPrimer: round(nll(sums.rest, 'other')),
    reuseByBarReal: realReuse.map((r) => round(r, 3)),
    reuseByBarAfterRealBars: Object.fromEntries(leadIns.map((n, k) => [n, sampledReuse[k].map((r) => round(r, 3))])),
  });
}
