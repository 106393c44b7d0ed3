import { Note, Scale } from 'tonal';
import { tonicChroma } from '../scale';
import type { KeySignature, ScaleName } from '../types';
import type { KeyFamily } from './chordPrior';

/**
 * The chords "Suggest chords" chooses from in a key: the triads and seventh chords built on each degree of
 * the key's scale, plus the common borrowed and secondary chords of its family (iv, bIII, bVI, bVII in major;
 * V, V7, IV, bVII in minor; V/V, V/vi, V/ii, V/IV ...). Every symbol uses a quality the chord model was trained
 * on (major, minor, 7, m7, maj7, dim, m7b5, dim7, aug). A scale with no usual harmony (locrian, blues,
 * chromatic) falls back to the 24 major and minor triads.
 */

export interface ChordVocabulary {
  symbols: string[];
  family: KeyFamily;
  tonic: number;
  /** False when the scale is not covered and the vocabulary fell back to chromatic triads. */
  covered: boolean;
}

const FAMILY: Partial<Record<ScaleName, KeyFamily>> = {
  major: 'major',
  lydian: 'major',
  mixolydian: 'major',
  'major pentatonic': 'major',
  minor: 'minor',
  dorian: 'minor',
  phrygian: 'minor',
  'harmonic minor': 'minor',
  'melodic minor': 'minor',
  'minor pentatonic': 'minor',
};

/** The 7-note scale chords are stacked from (pentatonic scales use their parent mode). */
const PARENT_SCALE: Partial<Record<ScaleName, string>> = { 'major pentatonic': 'major', 'minor pentatonic': 'minor' };

/** Suffix of the chord with these intervals above the root, among the qualities the chord model knows. */
function suffixOf(intervals: number[]): string | null {
  const key = intervals.join(',');
  const known: Record<string, string> = {
    '0,4,7': '',
    '0,3,7': 'm',
    '0,3,6': 'dim',
    '0,4,8': 'aug',
    '0,4,7,10': '7',
    '0,3,7,10': 'm7',
    '0,4,7,11': 'maj7',
    '0,3,6,10': 'm7b5',
    '0,3,6,9': 'dim7',
  };
  return known[key] ?? null;
}

/** Borrowed and secondary chords by family: [interval above the tonic, suffix]. */
const EXTRAS: Record<KeyFamily, [string, string][]> = {
  major: [
    ['4P', 'm'], // iv
    ['3m', ''], // bIII
    ['6m', ''], // bVI
    ['7m', ''], // bVII
    ['5P', ''], // V (mixolydian's own v is minor)
    ['5P', '7'], // V7
    ['2M', '7'], // V/V
    ['3M', '7'], // V/vi
    ['6M', '7'], // V/ii
    ['1P', '7'], // V/IV
  ],
  minor: [
    ['5P', ''], // V (harmonic minor)
    ['5P', '7'], // V7
    ['4P', ''], // IV (dorian)
    ['7m', ''], // bVII
    ['3m', ''], // III
    ['6m', ''], // VI
    ['1P', ''], // I (Picardy third)
    ['2M', '7'], // V/V
    ['1P', '7'], // V/iv
    ['7m', '7'], // V/III
  ],
};

const PC = (name: string) => Note.chroma(name) as number;

/** Triads and sevenths stacked in thirds on every degree of a 7-note scale, with known qualities only. */
function diatonicSymbols(notes: string[]): string[] {
  const out: string[] = [];
  const pcs = notes.map(PC);
  for (const size of [3, 4]) {
    for (let d = 0; d < 7; d++) {
      const tones = Array.from({ length: size }, (_, i) => pcs[(d + 2 * i) % 7]);
      const suffix = suffixOf(tones.map((pc) => (pc - tones[0] + 12) % 12));
      if (suffix !== null) out.push(Note.pitchClass(notes[d]) + suffix);
    }
  }
  return out;
}

/** The chords "Suggest chords" may choose from in `key`. */
export function chordVocabulary(key: KeySignature): ChordVocabulary {
  const tonic = tonicChroma(key) ?? 0;
  const family = FAMILY[key.scale];
  const scale = Scale.get(`${key.tonic} ${PARENT_SCALE[key.scale] ?? key.scale}`);
  if (!family || scale.empty || scale.notes.length !== 7) {
    const names = ['C', 'Db', 'D', 'Eb', 'E', 'F', 'F#', 'G', 'Ab', 'A', 'Bb', 'B'];
    const symbols = names.flatMap((n) => [n, `${n}m`]);
    return { symbols, family: family ?? 'major', tonic, covered: false };
  }
  const symbols = diatonicSymbols(scale.notes);
  for (const [interval, suffix] of EXTRAS[family]) {
    symbols.push(Note.pitchClass(Note.transpose(key.tonic, interval)) + suffix);
  }
  // One symbol per chord: the same root and quality spelled twice (F# and Gb) would split its likelihood.
  const seen = new Set<string>();
  const unique = symbols.filter((s) => {
    const root = s.match(/^[A-G][#b]*/)![0];
    const id = `${PC(root)}${s.slice(root.length)}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
  return { symbols: unique, family, tonic, covered: true };
}
