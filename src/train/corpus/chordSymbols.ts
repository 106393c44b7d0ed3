import { chordEncodingDepth } from '../../model/chordEncoding';

/**
 * Chords as Magenta's PitchChordEncoder sees them: a root pitch class and a set of pitch classes (bit mask,
 * bit 0 = C). Chord-track notes are matched to a small set of qualities whose symbols parse identically in
 * Magenta's tonal-based ChordSymbols ("C", "Am", "G7", ...), so a user's chord symbols at run time encode
 * exactly as the training data did.
 */

/** A chord on the grid: root 0..11 and pitch-class mask, or root -1 for no chord (N.C.). */
export interface GridChord {
  root: number;
  mask: number;
}

export const NO_CHORD: GridChord = { root: -1, mask: 0 };
/** Width of one PitchChordEncoder chord (37), as the sampler encodes it at run time. */
export const CHORD_ENCODING_SIZE = chordEncodingDepth('PitchChordEncoder');

const QUALITIES: { suffix: string; intervals: number[] }[] = [
  { suffix: '', intervals: [0, 4, 7] },
  { suffix: 'm', intervals: [0, 3, 7] },
  { suffix: '7', intervals: [0, 4, 7, 10] },
  { suffix: 'm7', intervals: [0, 3, 7, 10] },
  { suffix: 'maj7', intervals: [0, 4, 7, 11] },
  { suffix: '6', intervals: [0, 4, 7, 9] },
  { suffix: 'dim', intervals: [0, 3, 6] },
  { suffix: 'dim7', intervals: [0, 3, 6, 9] },
  { suffix: 'm7b5', intervals: [0, 3, 6, 10] },
  { suffix: 'aug', intervals: [0, 4, 8] },
  { suffix: 'sus4', intervals: [0, 5, 7] },
];

const ROOT_NAMES = ['C', 'C#', 'D', 'Eb', 'E', 'F', 'F#', 'G', 'Ab', 'A', 'Bb', 'B'];

function maskOf(root: number, intervals: number[]): number {
  return intervals.reduce((m, i) => m | (1 << ((root + i) % 12)), 0);
}

function bitCount(m: number): number {
  let n = 0;
  for (let x = m; x; x &= x - 1) n++;
  return n;
}

/**
 * The chord that best explains the pitch classes `mask` with lowest note `bass` (pitch class): the quality
 * covering most of the notes with fewest extra ones, ties going to a root in the bass, then to simpler
 * chords. A lone note or a bare fifth becomes the major triad on the bass.
 */
export function detectChord(mask: number, bass: number): GridChord {
  if (mask === 0) return NO_CHORD;
  let best: GridChord = NO_CHORD;
  let bestScore = -Infinity;
  for (let root = 0; root < 12; root++) {
    QUALITIES.forEach((q, qi) => {
      const qm = maskOf(root, q.intervals);
      if (!(qm & (1 << root)) || !(mask & (1 << root))) return;
      const hit = bitCount(qm & mask);
      const extra = bitCount(mask & ~qm);
      const missing = bitCount(qm & ~mask);
      const score = 4 * hit - 4 * extra - 1.5 * missing + (root === bass ? 1 : 0) - qi * 0.01;
      if (score > bestScore) {
        bestScore = score;
        best = { root, mask: qm };
      }
    });
  }
  if (best.root < 0) return { root: bass, mask: maskOf(bass, QUALITIES[0].intervals) };
  return best;
}

/**
 * The supported chord on `root` closest to the pitch classes `mask`: most shared notes, fewest notes
 * added or left out, ties to the simpler quality (C sus2 -> C, C 7sus4 -> Csus4, C9 -> C7, Cm6 -> Cm).
 * The root is kept: it is what the harmony is heard on, and a user's symbol keeps it too.
 */
export function nearestChordOnRoot(root: number, mask: number): GridChord {
  let best: GridChord = { root, mask: maskOf(root, QUALITIES[0].intervals) };
  let bestScore = -Infinity;
  for (const q of QUALITIES) {
    const qm = maskOf(root, q.intervals);
    const score = 4 * bitCount(qm & mask) - 4 * bitCount(mask & ~qm) - 1.5 * bitCount(qm & ~mask);
    if (score > bestScore) {
      bestScore = score;
      best = { root, mask: qm };
    }
  }
  return best;
}

/** The symbol of a detected chord ("F#m7", "N.C."). */
export function chordSymbol(chord: GridChord): string {
  if (chord.root < 0) return 'N.C.';
  const q = QUALITIES.find((q) => maskOf(chord.root, q.intervals) === chord.mask);
  return ROOT_NAMES[chord.root] + (q ? q.suffix : '');
}

/** The chord moved by `semitones`. */
export function transposeChord(chord: GridChord, semitones: number): GridChord {
  if (chord.root < 0) return chord;
  const shift = ((semitones % 12) + 12) % 12;
  const mask = ((chord.mask << shift) | (chord.mask >> (12 - shift))) & 0xfff;
  return { root: (chord.root + shift) % 12, mask };
}

/**
 * PitchChordEncoder's 37 values into `out` at `offset` (stride apart, for gate-major batches):
 * [no chord, root one-hot x12, pitch classes x12, bass (= root in Magenta JS) one-hot x12].
 */
export function encodeChordInto(chord: GridChord, out: Float32Array, offset: number, stride = 1): void {
  for (let k = 0; k < CHORD_ENCODING_SIZE; k++) out[offset + k * stride] = 0;
  if (chord.root < 0) {
    out[offset] = 1;
    return;
  }
  out[offset + (1 + chord.root) * stride] = 1;
  for (let pc = 0; pc < 12; pc++) if (chord.mask & (1 << pc)) out[offset + (13 + pc) * stride] = 1;
  out[offset + (25 + chord.root) * stride] = 1;
}
