import { parseChordSymbol } from '../chords';

/**
 * Chords as the transition prior counts them: the root in semitones above the key's tonic and the quality,
 * written "7:7" (V7), "9:m" (vi), "10:maj" (bVII), "2:m7" (ii7). Counting in scale degrees is what lets a
 * prior learned from tunes in every key serve a song in any key. The qualities are the ones the corpus reader
 * recognises in a chord track, so the prior also says how rare a seventh chord is against its triad.
 */

export const QUALITY_CLASSES = ['maj', 'm', '7', 'm7', 'maj7', '6', 'dim', 'dim7', 'm7b5', 'aug', 'sus4'] as const;
export type QualityClass = (typeof QUALITY_CLASSES)[number];

/** Number of distinct chord classes (12 roots x qualities). */
export const CHORD_CLASS_COUNT = 12 * QUALITY_CLASSES.length;

const EXACT: Record<string, QualityClass> = {
  '0,4,7': 'maj',
  '0,3,7': 'm',
  '0,4,7,10': '7',
  '0,3,7,10': 'm7',
  '0,4,7,11': 'maj7',
  '0,4,7,9': '6',
  '0,3,6': 'dim',
  '0,3,6,9': 'dim7',
  '0,3,6,10': 'm7b5',
  '0,4,8': 'aug',
  '0,5,7': 'sus4',
};

/** The quality of a chord from its pitch classes above the root (0..11); other chords go by their third. */
export function qualityOf(intervals: readonly number[]): QualityClass {
  const set = [...new Set([0, ...intervals.map((i) => ((i % 12) + 12) % 12)])].sort((a, b) => a - b);
  const exact = EXACT[set.join(',')];
  if (exact) return exact;
  const has = (i: number) => set.includes(i);
  if (has(4) && has(10)) return '7';
  if (has(3) && has(6) && !has(7)) return 'dim';
  if (has(3)) return 'm';
  return 'maj';
}

/** The class of a chord given its root and pitch classes (absolute, 0..11) in a key with tonic `tonic`. */
export function chordClassOf(root: number, pitchClasses: readonly number[], tonic: number): string {
  const intervals = pitchClasses.map((pc) => (((pc - root) % 12) + 12) % 12);
  return `${(((root - tonic) % 12) + 12) % 12}:${qualityOf(intervals)}`;
}

/** The class of a chord symbol in a key with tonic `tonic`, or null for N.C. and unknown symbols. */
export function symbolClass(symbol: string, tonic: number): string | null {
  const chord = parseChordSymbol(symbol);
  if (!chord) return null;
  return chordClassOf(chord.pitchClasses[0], chord.pitchClasses, tonic);
}
