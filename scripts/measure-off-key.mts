/**
 * How much of a pop model's note probability goes to pitches outside the song's annotated key, on the eval's own
 * phrase prompts (the validation tunes' first bar with a downbeat note, a 2-bar primer and 4 bars): teacher-forced on
 * the real phrases (the mass on off-key pitches at every step, as a share of all note mass), and in 3 phrases per
 * prompt sampled at T = 1 (seed 7) as the eval samples them (share of notes off the key, share of phrases with
 * one). The real phrases' share is printed beside them. Keys come from POP909's key_audio.txt, or for plain MIDI files
 * from their notes (corpus/inferredKeys.ts); major or natural minor, as the musicality measure's scale consistency.
 *
 *   npm run measure:off-key -- <checkpoint dir>... [--corpus folder]
 *
 * The corpus defaults to ../shared/corpus/pop909. Only this command reads it, never tests.
 */
import * as tf from '@tensorflow/tfjs';
import { useTrainingBackend } from '../src/train/backend';
import { classEvent, eventsToNotes } from '../src/train/corpus/melodyEvents';
import { withInferredKeys } from '../src/train/corpus/inferredKeys';
import { readCorpus } from '../src/train/corpus/readCorpus';
import type { TuneKey } from '../src/train/corpus/tune';
import { type ModelSpec, specFromConfig } from '../src/train/data/modelSpec';
import { inKey, keysAtSteps } from '../src/train/data/offKeySteps';
import { generate } from '../src/train/eval/generate';
import { type PhrasePrompt, phrasePrompts, phraseRequests, realPhraseOf } from '../src/train/eval/musicality/prompts';
import { forEachForcedStep } from '../src/train/eval/scoreModel';
import { readCheckpoint } from '../src/train/export/checkpointFiles';
import { shapeOfVariables } from '../src/train/model/rnnGraph';
import { createRng } from '../src/train/random';

const args = process.argv.slice(2);
const corpusAt = args.indexOf('--corpus');
const corpusDir = corpusAt >= 0 ? args[corpusAt + 1] : '../shared/corpus/pop909';
const dirs = args.filter((_, i) => corpusAt < 0 || (i !== corpusAt && i !== corpusAt + 1));
if (dirs.length === 0) throw new Error('usage: npm run measure:off-key -- <checkpoint dir>... [--corpus folder]');

await useTrainingBackend('wasm');
const corpus = readCorpus(corpusDir, { minPitch: 48, maxPitch: 83, requireChords: false });
// Plain MIDI files (the folk corpus) carry no keys: they get the keys --off-key-penalty trains with, read off the notes.
const prompts = phrasePrompts(corpus.validation.map(withInferredKeys)).filter((p) => keyOf(p));
if (prompts.length === 0) throw new Error(`no validation tunes with annotated keys in ${corpusDir}`);

/** The key annotated where the prompt's phrase starts (or the song's first). */
function keyOf(p: PhrasePrompt): TuneKey | undefined {
  return keysAtSteps(p.tune, p.start + p.primerSteps, 1)[0] ?? p.tune.keys?.[0];
}

const share = (x: number) => `${(100 * x).toFixed(2)} %`;

/** Share of the phrases' notes outside their prompt's key, and of phrases with at least one. */
function offKeyNotes(phrases: Int16Array[]): string {
  let notes = 0;
  let off = 0;
  let phrasesOff = 0;
  phrases.forEach((events, i) => {
    const key = keyOf(prompts[i % prompts.length])!;
    const pitches = eventsToNotes(events).map((n) => n.pitch);
    const offHere = pitches.filter((pitch) => !inKey(pitch, key)).length;
    notes += pitches.length;
    off += offHere;
    if (offHere > 0) phrasesOff++;
  });
  return `notes off the key ${share(off / Math.max(notes, 1))}, phrases with one ${share(phrasesOff / phrases.length)}`;
}

/** Teacher-forced on primer + real phrase: the probability on off-key note classes over the phrase's steps. */
async function teacherForcedOffKeyMass(tensors: Record<string, tf.Tensor>, spec: ModelSpec): Promise<number> {
  const sequences = prompts.map((p) => {
    const end = p.start + p.primerSteps + p.phraseSteps;
    return { events: p.tune.events.subarray(p.start, end), chords: p.tune.chords.slice(p.start, end) };
  });
  let offMass = 0;
  let noteMass = 0;
  await forEachForcedStep(tensors, spec, sequences, (t, logProbs, depth) => {
    prompts.forEach((p, b) => {
      if (t + 1 < p.primerSteps || t + 1 >= p.primerSteps + p.phraseSteps) return;
      const key = keyOf(p)!;
      for (let c = 0; c < depth; c++) {
        const pitch = classEvent(c, spec.minPitch);
        if (pitch < 0) continue;
        const probability = Math.exp(logProbs[b * depth + c]);
        noteMass += probability;
        if (!inKey(pitch, key)) offMass += probability;
      }
    });
  });
  return offMass / noteMass;
}

console.log(`${prompts.length} prompts with a key, validation split of ${corpusDir}`);
console.log(`real phrases: ${offKeyNotes(prompts.map(realPhraseOf))}`);
for (const dir of dirs) {
  const { config, tensors } = readCheckpoint(dir);
  const spec = specFromConfig(config, shapeOfVariables(tensors).hidden);
  const forced = await teacherForcedOffKeyMass(tensors, spec);
  const sampled = await generate(tensors, spec, phraseRequests(prompts, 3), 1, createRng(7));
  console.log(
    `${dir}: teacher-forced off-key share of note probability ${share(forced)}; sampled: ${offKeyNotes(sampled)}`,
  );
  tf.dispose(Object.values(tensors));
}
