/**
 * The musicality features of one phrase (issue 13), each a plain number so generated and real phrases can be
 * compared as distributions. A phrase is an event list on the sixteenth grid (melodyEvents.ts: HOLD,
 * RELEASE or a MIDI pitch per step) and its bar length in steps.
 */
import { eventsToNotes, type GridNote } from '../../corpus/melodyEvents';
import { motifReuse } from './motifs';

export const FEATURE_NAMES = [
  'pitchClassEntropy',
  'pitchRange',
  'meanAbsInterval',
  'notesPerBar',
  'meanInterOnset',
  'scaleConsistency',
  'grooveConsistency',
  'leapShare',
  'motifReuse',
] as const;

export type FeatureName = (typeof FEATURE_NAMES)[number];
export type PhraseFeatures = Record<FeatureName, number>;

/** Readable labels with units, for tables. */
export const FEATURE_LABELS: Record<FeatureName, string> = {
  pitchClassEntropy: 'pitch-class entropy (bits)',
  pitchRange: 'pitch range (semitones)',
  meanAbsInterval: 'mean absolute interval (semitones)',
  notesPerBar: 'notes per bar',
  meanInterOnset: 'mean inter-onset interval (steps)',
  scaleConsistency: 'scale consistency',
  grooveConsistency: 'groove consistency',
  leapShare: 'share of leaps over 7 semitones',
  motifReuse: 'motif reuse (of the primer)',
};

const MAJOR = [0, 2, 4, 5, 7, 9, 11];
const NATURAL_MINOR = [0, 2, 3, 5, 7, 8, 10];

/** Shannon entropy (bits) of the note-on pitch classes; 0 without notes. */
export function pitchClassEntropy(notes: GridNote[]): number {
  const counts = new Array<number>(12).fill(0);
  for (const n of notes) counts[n.pitch % 12]++;
  let h = 0;
  for (const c of counts) if (c > 0) h -= (c / notes.length) * Math.log2(c / notes.length);
  return h;
}

/** Highest minus lowest pitch; 0 without notes. */
export function pitchRange(notes: GridNote[]): number {
  if (notes.length === 0) return 0;
  const pitches = notes.map((n) => n.pitch);
  return Math.max(...pitches) - Math.min(...pitches);
}

function intervals(notes: GridNote[]): number[] {
  return notes.slice(1).map((n, i) => n.pitch - notes[i].pitch);
}

/** Mean |interval| between consecutive notes; 0 with fewer than two notes. */
export function meanAbsInterval(notes: GridNote[]): number {
  const iv = intervals(notes);
  return iv.length ? iv.reduce((s, x) => s + Math.abs(x), 0) / iv.length : 0;
}

/** Mean steps from one onset to the next; 0 with fewer than two notes. */
export function meanInterOnset(notes: GridNote[]): number {
  if (notes.length < 2) return 0;
  return (notes[notes.length - 1].start - notes[0].start) / (notes.length - 1);
}

/** The largest share of notes inside one major or natural-minor scale (any tonic); 0 without notes. */
export function scaleConsistency(notes: GridNote[]): number {
  if (notes.length === 0) return 0;
  let best = 0;
  for (const scale of [MAJOR, NATURAL_MINOR]) {
    for (let tonic = 0; tonic < 12; tonic++) {
      const set = new Set(scale.map((d) => (tonic + d) % 12));
      best = Math.max(best, notes.filter((n) => set.has(n.pitch % 12)).length / notes.length);
    }
  }
  return best;
}

/**
 * 1 - mean Hamming distance between neighbouring bars' onset patterns / bar length (16 in 4/4, so the
 * issue's "/ 16"; dividing by the bar length keeps 3/4 and 6/8 in 0..1 too). 1 for a one-bar phrase.
 */
export function grooveConsistency(events: ArrayLike<number>, stepsPerBar: number): number {
  const bars = Math.floor(events.length / stepsPerBar);
  if (bars < 2) return 1;
  let distance = 0;
  for (let bar = 1; bar < bars; bar++) {
    for (let s = 0; s < stepsPerBar; s++) {
      const now = events[bar * stepsPerBar + s] >= 0;
      const before = events[(bar - 1) * stepsPerBar + s] >= 0;
      if (now !== before) distance++;
    }
  }
  return 1 - distance / (bars - 1) / stepsPerBar;
}

/** Share of consecutive-note intervals larger than 7 semitones (a fifth); 0 with fewer than two notes. */
export function leapShare(notes: GridNote[]): number {
  const iv = intervals(notes);
  return iv.length ? iv.filter((x) => Math.abs(x) > 7).length / iv.length : 0;
}

/** Every feature of `phrase`, with motif reuse measured against `primer` (the events before it). */
export function phraseFeatures(
  phrase: ArrayLike<number>,
  primer: ArrayLike<number>,
  stepsPerBar: number,
): PhraseFeatures {
  const notes = eventsToNotes(phrase);
  return {
    pitchClassEntropy: pitchClassEntropy(notes),
    pitchRange: pitchRange(notes),
    meanAbsInterval: meanAbsInterval(notes),
    notesPerBar: notes.length / Math.max(1, phrase.length / stepsPerBar),
    meanInterOnset: meanInterOnset(notes),
    scaleConsistency: scaleConsistency(notes),
    grooveConsistency: grooveConsistency(phrase, stepsPerBar),
    leapShare: leapShare(notes),
    motifReuse: motifReuse(notes, eventsToNotes(primer)),
  };
}
