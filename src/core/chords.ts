import { Chord, Key, Mode, Note } from 'tonal';
import type { KeySignature, MidiPitch } from './types';

/**
 * Chord symbols ("Am7", "G/B", "N.C."), with tonal doing the theory: reading a symbol, the pitches it
 * sounds (for playback and MIDI export, one voicing everywhere) and the chords a key offers a picker.
 */

export interface ParsedChord {
  /** The symbol as written, trimmed. */
  symbol: string;
  /** Root note name ("A", "Bb"). */
  root: string;
  /** Bass note name of a slash chord ("B" in "G/B"). */
  bass?: string;
  /** tonal's chord type name ("minor seventh"). */
  quality: string;
  /** Pitch classes (0..11, C = 0) of the chord tones from the root up, without the slash bass. */
  pitchClasses: number[];
}

/** A symbol meaning "no chord here": "N.C.", "NC" or blank. */
export function isNoChord(symbol: string): boolean {
  const s = symbol.trim().toUpperCase();
  return s === '' || s === 'N.C.' || s === 'NC' || s === 'N.C';
}

/** Reads a chord symbol; null for "no chord" and for anything tonal does not know. */
export function parseChordSymbol(symbol: string): ParsedChord | null {
  const trimmed = symbol.trim();
  if (isNoChord(trimmed) || trimmed.length > 24) return null;
  const slash = trimmed.lastIndexOf('/');
  const upper = slash > 0 ? trimmed.slice(0, slash) : trimmed;
  const bassName = slash > 0 ? trimmed.slice(slash + 1) : undefined;
  const chord = Chord.get(upper);
  if (chord.empty || !chord.tonic) return null;
  const pitchClasses = chord.notes.map((n) => Note.chroma(n)).filter((c): c is number => typeof c === 'number');
  if (pitchClasses.length === 0) return null;
  let bass: string | undefined;
  if (bassName !== undefined) {
    if (typeof Note.chroma(bassName) !== 'number' || !/^[A-Ga-g]/.test(bassName)) return null;
    bass = Note.pitchClass(bassName);
  }
  return { symbol: trimmed, root: chord.tonic, ...(bass ? { bass } : {}), quality: chord.type, pitchClasses };
}

/** True when the symbol is a chord tonal can voice (N.C. is not). */
export function isChordSymbol(symbol: string): boolean {
  return parseChordSymbol(symbol) !== null;
}

const ROOT_OCTAVE_BASE: MidiPitch = 48; // C3

/**
 * MIDI pitches of a chord, moved by `transpose` semitones: a close voicing with the root from C3 to B3,
 * each tone stacked just above the one before, a slash bass just under the root; [] for N.C. or unknowns.
 * @example chordPitches('Am') → [57, 60, 64]; chordPitches('C/E') → [40, 48, 52, 55]
 */
export function chordPitches(symbol: string, transpose = 0): MidiPitch[] {
  const chord = parseChordSymbol(symbol);
  if (!chord) return [];
  const pitches: MidiPitch[] = [];
  for (const chroma of chord.pitchClasses) {
    const previous = pitches.length > 0 ? pitches[pitches.length - 1] : ROOT_OCTAVE_BASE + chord.pitchClasses[0] - 1;
    pitches.push(previous + 1 + ((((chroma - previous - 1) % 12) + 12) % 12));
  }
  if (chord.bass) {
    const bassChroma = Note.chroma(chord.bass) as number;
    pitches.unshift(pitches[0] - (((chord.pitchClasses[0] - bassChroma + 11) % 12) + 1));
  }
  return pitches.map((p) => p + transpose).filter((p) => p >= 0 && p <= 127);
}

const MODE_OF_SCALE: Record<string, string> = {
  major: 'ionian',
  'major pentatonic': 'ionian',
  minor: 'aeolian',
  'minor pentatonic': 'aeolian',
  blues: 'aeolian',
  dorian: 'dorian',
  phrygian: 'phrygian',
  lydian: 'lydian',
  mixolydian: 'mixolydian',
  locrian: 'locrian',
};

/**
 * The chords built on each degree of the key's scale, for a chord picker: C major → C, Dm, Em, F, G, Am,
 * Bdim; with `sevenths`, Cmaj7, Dm7 ... Harmonic and melodic minor use their own triads; pentatonic and
 * blues scales use their parent major or minor; chromatic offers the major key's chords of its tonic.
 */
export function diatonicChords(key: KeySignature, options: { sevenths?: boolean } = {}): string[] {
  const sevenths = options.sevenths ?? false;
  let chords: readonly string[];
  if (key.scale === 'harmonic minor' || key.scale === 'melodic minor') {
    const minor = Key.minorKey(key.tonic);
    const scale = key.scale === 'harmonic minor' ? minor.harmonic : minor.melodic;
    chords = sevenths ? scale.chords : scale.triads;
  } else {
    const mode = MODE_OF_SCALE[key.scale] ?? 'ionian';
    chords = sevenths ? Mode.seventhChords(mode, key.tonic) : Mode.triads(mode, key.tonic);
  }
  // tonal writes "CMaj7"; lead sheets (and tonal's own parser) read the more usual "Cmaj7" too.
  return chords.filter((c) => c !== '').map((c) => c.replace(/(?<!m)Maj7/, 'maj7'));
}
