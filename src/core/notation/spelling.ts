import { Note, Scale } from 'tonal';
import { pitchClass } from '../pitch';
import type { KeySignature, MidiPitch, ScaleName } from '../types';

/**
 * Spelling pitches the way a key writes them: the key signature (which letters carry a sharp or flat) and,
 * for each MIDI pitch, a letter, an alteration and an octave. Notation and the theory labels share this so
 * the staff and the degree labels never disagree (G major writes F#, F major writes Bb).
 */

export type Letter = 'C' | 'D' | 'E' | 'F' | 'G' | 'A' | 'B';

const LETTERS: readonly Letter[] = ['C', 'D', 'E', 'F', 'G', 'A', 'B'];
const LETTER_CHROMA: Record<Letter, number> = { C: 0, D: 2, E: 4, F: 5, G: 7, A: 9, B: 11 };

/** A pitch written as letter + alteration (-2..2 semitones) + octave: F#5 is { letter: 'F', alter: 1, octave: 5 }. */
export interface SpelledPitch {
  letter: Letter;
  alter: number;
  octave: number;
}

/** The seven-note mode whose signature a scale is written with (pentatonics use their parent, minor variants use minor). */
export type SignatureMode = 'major' | 'minor' | 'dorian' | 'phrygian' | 'lydian' | 'mixolydian' | 'locrian';

const SIGNATURE_MODE: Record<ScaleName, SignatureMode> = {
  major: 'major',
  minor: 'minor',
  dorian: 'dorian',
  mixolydian: 'mixolydian',
  lydian: 'lydian',
  phrygian: 'phrygian',
  locrian: 'locrian',
  'harmonic minor': 'minor',
  'melodic minor': 'minor',
  'major pentatonic': 'major',
  'minor pentatonic': 'minor',
  blues: 'minor',
  chromatic: 'major',
};

/** The mode a key's signature is taken from: "A blues" is written with A minor's signature. */
export function signatureMode(key: KeySignature): SignatureMode {
  return SIGNATURE_MODE[key.scale] ?? 'major';
}

export interface KeySpelling {
  /** Alteration each letter carries in the key signature (G major: F → 1, the rest 0). */
  signature: Record<Letter, number>;
  /** Spelling of each pitch class (0..11) that the key's own scale contains, e.g. 6 → F# in G major. */
  scaleSpellings: Map<number, { letter: Letter; alter: number }>;
  /** True when the signature has flats, so chromatic notes are written with flats too. */
  prefersFlats: boolean;
  /** Letter of the tonic ("F" for F#), the origin of letter-counted scale degrees. */
  tonicLetter: Letter;
}

const spellingCache = new Map<string, KeySpelling>();

function splitName(name: string): { letter: Letter; alter: number } | null {
  const n = Note.get(name);
  if (n.empty) return null;
  return { letter: n.letter as Letter, alter: n.alt };
}

/** How the key writes its notes (memoised per key). Unknown tonics fall back to C. */
export function keySpelling(key: KeySignature): KeySpelling {
  const cacheKey = `${key.tonic} ${key.scale}`;
  const cached = spellingCache.get(cacheKey);
  if (cached) return cached;
  const tonic = Note.get(key.tonic).empty ? 'C' : Note.pitchClass(key.tonic);
  const signature: Record<Letter, number> = { C: 0, D: 0, E: 0, F: 0, G: 0, A: 0, B: 0 };
  const mode = signatureMode(key);
  for (const name of Scale.get(`${tonic} ${mode === 'minor' ? 'aeolian' : mode === 'major' ? 'ionian' : mode}`).notes) {
    const s = splitName(name);
    if (s) signature[s.letter] = s.alter;
  }
  const scaleSpellings = new Map<number, { letter: Letter; alter: number }>();
  // The signature's own notes first, then the scale's (harmonic minor's raised seventh, blues' flat fifth).
  for (const letter of LETTERS)
    scaleSpellings.set(mod12(LETTER_CHROMA[letter] + signature[letter]), { letter, alter: signature[letter] });
  const scaleNotes = key.scale === 'chromatic' ? [] : Scale.get(`${tonic} ${key.scale}`).notes;
  for (const name of scaleNotes) {
    const s = splitName(name);
    if (s && Math.abs(s.alter) <= 2) scaleSpellings.set(mod12(LETTER_CHROMA[s.letter] + s.alter), s);
  }
  const prefersFlats =
    LETTERS.some((l) => signature[l] < 0) || (LETTERS.every((l) => signature[l] === 0) && tonic === 'F');
  const spelling: KeySpelling = {
    signature,
    scaleSpellings,
    prefersFlats,
    tonicLetter: (splitName(tonic)?.letter ?? 'C') as Letter,
  };
  spellingCache.set(cacheKey, spelling);
  return spelling;
}

function mod12(n: number): number {
  return ((n % 12) + 12) % 12;
}

const SHARP_SPELLING: readonly [Letter, number][] = [
  ['C', 0],
  ['C', 1],
  ['D', 0],
  ['D', 1],
  ['E', 0],
  ['F', 0],
  ['F', 1],
  ['G', 0],
  ['G', 1],
  ['A', 0],
  ['A', 1],
  ['B', 0],
];
const FLAT_SPELLING: readonly [Letter, number][] = [
  ['C', 0],
  ['D', -1],
  ['D', 0],
  ['E', -1],
  ['E', 0],
  ['F', 0],
  ['G', -1],
  ['G', 0],
  ['A', -1],
  ['A', 0],
  ['B', -1],
  ['B', 0],
];

/**
 * Writes a MIDI pitch in the key: scale notes as the scale spells them, others with sharps (or flats in flat keys).
 * @example spellPitch(66, G major) → { letter: 'F', alter: 1, octave: 4 }; spellPitch(70, F major) → Bb4
 */
export function spellPitch(pitch: MidiPitch, key: KeySignature): SpelledPitch {
  const spelling = keySpelling(key);
  const pc = pitchClass(pitch);
  const fromScale = spelling.scaleSpellings.get(pc);
  const [letter, alter] = fromScale
    ? [fromScale.letter, fromScale.alter]
    : (spelling.prefersFlats ? FLAT_SPELLING : SHARP_SPELLING)[pc];
  // The octave belongs to the letter: B#3 sounds as C4, Cb5 as B4.
  const octave = Math.round((pitch - alter - LETTER_CHROMA[letter]) / 12) - 1;
  return { letter, alter, octave };
}

/** Index 0..6 of a letter from C, for counting staff steps and scale degrees. */
export function letterIndex(letter: Letter): number {
  return LETTERS.indexOf(letter);
}
