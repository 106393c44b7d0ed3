/**
 * Harte-style chord labels (as POP909's chord_midi.txt writes them: `G:maj`, `A:min7`, `F#:maj7/5`,
 * `C:sus4(b7)`, `N`) read into the chords the training code encodes (chordSymbols.ts). The vocabulary is
 * the one a user's chord symbols parse into at run time, so a label outside it maps to the nearest
 * supported chord on the same root, and slash chords lose their bass (Magenta JS's PitchChordEncoder
 * takes bass = root and refuses slash chords). Each reading says which of those happened, for the report.
 */
import { chordSymbol, NO_CHORD, nearestChordOnRoot, type GridChord } from './chordSymbols';

/** Semitones of Harte's shorthands (Harte et al. 2005, plus the ones POP909 uses). */
const SHORTHANDS: Record<string, number[]> = {
  maj: [0, 4, 7],
  min: [0, 3, 7],
  dim: [0, 3, 6],
  aug: [0, 4, 8],
  maj7: [0, 4, 7, 11],
  min7: [0, 3, 7, 10],
  '7': [0, 4, 7, 10],
  dim7: [0, 3, 6, 9],
  hdim7: [0, 3, 6, 10],
  minmaj7: [0, 3, 7, 11],
  maj6: [0, 4, 7, 9],
  min6: [0, 3, 7, 9],
  '9': [0, 4, 7, 10, 2],
  maj9: [0, 4, 7, 11, 2],
  min9: [0, 3, 7, 10, 2],
  sus4: [0, 5, 7],
  sus2: [0, 2, 7],
  '1': [0],
  '5': [0, 7],
};

/** Semitones of a Harte degree such as `b7`, `#4`, `9`, `3`. */
function degreeSemitones(degree: string): number | null {
  const m = /^([#b]*)(\d+)$/.exec(degree.trim());
  if (!m) return null;
  const n = Number(m[2]);
  if (n < 1 || n > 13) return null;
  const major = [0, 2, 4, 5, 7, 9, 11][(n - 1) % 7];
  const shift = [...m[1]].reduce((s, c) => s + (c === '#' ? 1 : -1), 0);
  return (((major + shift) % 12) + 12) % 12;
}

const LETTERS: Record<string, number> = { C: 0, D: 2, E: 4, F: 5, G: 7, A: 9, B: 11 };

/** Pitch class of a root name such as `F#`, `Bb`, `Cb`; null if it is not one. */
export function rootPitchClass(name: string): number | null {
  const m = /^([A-G])([#b]*)$/.exec(name.trim());
  if (!m) return null;
  const shift = [...m[2]].reduce((s, c) => s + (c === '#' ? 1 : -1), 0);
  return (((LETTERS[m[1]] + shift) % 12) + 12) % 12;
}

/** How a label was read: as it is, with its bass dropped, or mapped to the nearest supported chord. */
export type ChordReading = 'exact' | 'inversion' | 'mapped';

export interface ReadChord {
  chord: GridChord;
  reading: ChordReading;
}

/** A label that is not Harte syntax at all (the song's chord file is then unreadable). */
export class ChordLabelError extends Error {}

/**
 * Reads one Harte label. `N` (and `X`, unknown) is no chord. Example: `F#:maj7/5` reads as F#maj7
 * ('inversion'), `C:sus2` as C ('mapped'), `A:min7` as Am7 ('exact').
 */
export function readHarteChord(label: string): ReadChord {
  const text = label.trim();
  if (text === 'N' || text === 'X') return { chord: NO_CHORD, reading: 'exact' };
  const m = /^([A-G][#b]*)(?::([^/()]*)(?:\(([^)]*)\))?)?(?:\/(.+))?$/.exec(text);
  const root = m ? rootPitchClass(m[1]) : null;
  if (!m || root === null) throw new ChordLabelError(`not a chord label: "${label}"`);
  const shorthand = m[2] ?? (m[3] !== undefined ? '' : 'maj');
  let intervals: number[];
  if (shorthand === '') intervals = [0];
  else if (shorthand in SHORTHANDS) intervals = [...SHORTHANDS[shorthand]];
  else throw new ChordLabelError(`unknown chord quality "${shorthand}" in "${label}"`);
  // Parenthesised degrees add to the shorthand; `*3` leaves a degree out.
  for (const part of (m[3] ?? '').split(',').filter((p) => p.trim() !== '')) {
    const omit = part.trim().startsWith('*');
    const semis = degreeSemitones(part.trim().replace(/^\*/, ''));
    if (semis === null) throw new ChordLabelError(`bad degree "${part}" in "${label}"`);
    intervals = omit ? intervals.filter((i) => i !== semis) : [...intervals, semis];
  }
  if (m[4] !== undefined) {
    // The bass is a degree of the chord (Harte adds it to the chord's notes when it is not one already).
    const bass = degreeSemitones(m[4]);
    if (bass === null) throw new ChordLabelError(`bad bass "${m[4]}" in "${label}"`);
    if (!intervals.includes(bass)) intervals.push(bass);
  }
  const mask = intervals.reduce((acc, i) => acc | (1 << ((root + i) % 12)), 0);
  const chord = nearestChordOnRoot(root, mask);
  const inverted = m[4] !== undefined && degreeSemitones(m[4]) !== 0;
  const reading: ChordReading = chord.mask !== mask ? 'mapped' : inverted ? 'inversion' : 'exact';
  return { chord, reading };
}

/** The symbol a label was read as (for the report: `C:sus2 -> C`). */
export function readingSymbol(label: string): string {
  return chordSymbol(readHarteChord(label).chord);
}
