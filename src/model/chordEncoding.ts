import { Chord, Note } from 'tonal';
import type { ChordEvent, Steps } from '../core/types';
import { ModelError, type ChordEncoderType } from './types';

/**
 * Magenta's chord encoders (core/chords.ts) as plain Float32Arrays, so the sampler can build each step's
 * input row in JS. Semantics follow Magenta.js: 'N.C.' is "no chord"; PitchChordEncoder's bass is the
 * root (Magenta.js has no slash chords; here a slash chord's bass is used, as Magenta's Python does).
 */

export const NO_CHORD = 'N.C.';
const PITCH_CLASSES = 12;

const QUALITY_INTERVALS = [
  ['1P', '3M', '5P'], // major
  ['1P', '3m', '5P'], // minor
  ['1P', '3M', '5A'], // augmented
  ['1P', '3m', '5d'], // diminished
];
const OTHER_QUALITY = 4;

/** Size of one encoded chord for an encoder type (PitchChordEncoder → 37). */
export function chordEncodingDepth(type: ChordEncoderType): number {
  switch (type) {
    case 'PitchChordEncoder':
      return 1 + 3 * PITCH_CLASSES;
    case 'MajorMinorChordEncoder':
      return 1 + 2 * PITCH_CLASSES;
    case 'TriadChordEncoder':
      return 1 + 4 * PITCH_CLASSES;
  }
}

function parseChord(symbol: string) {
  const chord = Chord.get(symbol);
  const root = chord.tonic === null ? undefined : Note.chroma(chord.tonic);
  if (chord.empty || root === undefined || !Number.isFinite(root)) {
    throw new ModelError(`Unknown chord symbol "${symbol}"`, 'bad-request');
  }
  return { chord, root };
}

function chordQuality(intervals: readonly string[]): number {
  const matches = QUALITY_INTERVALS.map((q) => q.every((i) => intervals.includes(i)));
  const first = matches.indexOf(true);
  return first >= 0 && first === matches.lastIndexOf(true) ? first : OTHER_QUALITY;
}

/** Encodes one chord symbol as the given Magenta encoder does; throws a ModelError for unknown symbols. */
export function encodeChord(symbol: string, type: ChordEncoderType): Float32Array {
  const out = new Float32Array(chordEncodingDepth(type));
  if (symbol.trim() === NO_CHORD) {
    out[0] = 1;
    return out;
  }
  const { chord, root } = parseChord(symbol.trim());
  if (type === 'PitchChordEncoder') {
    out[1 + root] = 1;
    for (const n of chord.notes) out[1 + PITCH_CLASSES + (Note.chroma(n) as number)] = 1;
    const bass = chord.bass ? Note.chroma(chord.bass) : root;
    out[1 + 2 * PITCH_CLASSES + (Number.isFinite(bass) ? (bass as number) : root)] = 1;
    return out;
  }
  const index = 1 + chordQuality(chord.intervals) * PITCH_CLASSES + root;
  if (index >= out.length) {
    const what = type === 'MajorMinorChordEncoder' ? 'major nor minor' : 'a standard triad';
    throw new ModelError(`Chord "${symbol}" is not ${what}, which this model needs`, 'bad-request');
  }
  out[index] = 1;
  return out;
}

/**
 * The chord symbol sounding at each of `steps` steps: each event lasts until the next one; steps before
 * the first event have no chord.
 */
export function chordsPerStep(chords: readonly ChordEvent[] | undefined, steps: Steps): string[] {
  const sorted = [...(chords ?? [])].sort((a, b) => a.start - b.start);
  const out = new Array<string>(steps).fill(NO_CHORD);
  let current = NO_CHORD;
  let next = 0;
  for (let step = 0; step < steps; step++) {
    while (next < sorted.length && sorted[next].start <= step) current = sorted[next++].symbol;
    out[step] = current;
  }
  return out;
}
