/**
 * A tiny corpus the train tests make themselves: seeded folk-like tunes in 4/4 as MIDI files with a
 * melody track and a block-chord track, written with @tonejs/midi.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { detectChord, type GridChord } from '../../../src/train/corpus/chordSymbols';
import { readCorpus, type Corpus } from '../../../src/train/corpus/readCorpus';
import { HOLD } from '../../../src/train/corpus/melodyEvents';
import { eventsToMidi } from '../../../src/train/corpus/midiWrite';
import { createRng } from '../../../src/train/random';
import type { ModelSpec } from '../../../src/train/data/modelSpec';
import type { TrainOptions } from '../../../src/train/trainer';

const PROGRESSION = [
  [0, 0b000010010001], // C (C E G)
  [7, 0b100010000100], // G (G B D)
  [9, 0b001000010001], // Am (A C E)
  [5, 0b001000100001], // F (F A C)
];

/** A seeded 8-bar tune: events (scale tones of C major from the chord) and per-step chords. */
export function makeTuneEvents(seed: number, bars = 8): { events: Int16Array; chords: GridChord[] } {
  const rng = createRng(seed);
  const steps = bars * 16;
  const events = new Int16Array(steps).fill(HOLD);
  const chords: GridChord[] = [];
  const scale = [60, 62, 64, 65, 67, 69, 71, 72];
  for (let bar = 0; bar < bars; bar++) {
    const [root, mask] = PROGRESSION[bar % 4];
    const chord = detectChord(mask, root);
    for (let s = 0; s < 16; s++) chords.push(chord);
    // Quarter and eighth notes, on the beat more often than off it.
    for (let s = 0; s < 16; s += rng.next() < 0.6 ? 4 : 2) {
      events[bar * 16 + s] = scale[Math.floor(rng.next() * scale.length)];
    }
  }
  return { events, chords };
}

/** Writes `count` tunes as `tune<i>.mid` into `dir`; returns the folder. */
export function writeTinyCorpus(dir: string, count: number, seed = 1): string {
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < count; i++) {
    const { events, chords } = makeTuneEvents(seed * 1000 + i);
    writeFileSync(join(dir, `tune${i}.mid`), eventsToMidi(events, { chords }));
  }
  return dir;
}

/** A tiny corpus written into `dir` and read back as the trainers read it: pitches 48..83, a quarter held out. */
export function readTinyCorpus(dir: string, count: number, seed: number): Corpus {
  return readCorpus(writeTinyCorpus(dir, count, seed), { minPitch: 48, maxPitch: 83, validationFraction: 0.25 });
}

/** What a few quick training steps on a tiny corpus share, for either trainer: validate often, never stop early. */
export const QUICK_RUN = {
  batchSize: 8,
  learningRate: 0.01,
  clipNorm: 5,
  patience: 100,
  evalEvery: 8,
  evalWindows: 16,
  maxShift: 2,
  seed: 1,
  resume: false,
  log: () => {},
};

/** A tiny attention melody model over the trainers' pitch range: three layers of 10, a 3-bit counter. */
export function tinyAttentionSpec(attentionLength: number): ModelSpec {
  return { kind: 'melody', minPitch: 48, maxPitch: 83, auxBits: 3, hidden: [10, 10, 10], attentionLength };
}

/** The melody trainer's options for a few quick steps on a tiny corpus, writing under `dir` (ckpt/ and state/). */
export function tinyTrainOptions(spec: ModelSpec, corpus: Corpus, dir: string): TrainOptions {
  return {
    ...QUICK_RUN,
    spec,
    corpus,
    outDir: join(dir, 'ckpt'),
    stateDir: join(dir, 'state'),
    windowSteps: 32,
    maxMinutes: 5,
  };
}
