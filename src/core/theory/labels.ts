import { Note as TonalNote } from 'tonal';
import { parseChordSymbol } from '../chords';
import { keySpelling, letterIndex, spellPitch } from '../notation/spelling';
import { pitchClass } from '../pitch';
import { tonicChroma } from '../scale';
import type { ChordEvent, KeySignature, MidiPitch, Note, Steps } from '../types';

/**
 * Theory labels for a melody's notes: scale degree, movable-do solfège, chord tone against the chord
 * sounding at the note, and the interval from the previous note. The grid and the staff show the same labels.
 */

/**
 * Scale degree counted by letter from the tonic, with an accidental against the key signature:
 * in C major E is "3" and Eb "♭3"; in C minor Eb is "3" and E "♯3"; F# in G major is "7".
 */
export function degreeLabel(pitch: MidiPitch, key: KeySignature): string {
  const spelling = keySpelling(key);
  const spelled = spellPitch(pitch, key);
  const number = ((letterIndex(spelled.letter) - letterIndex(spelling.tonicLetter) + 7) % 7) + 1;
  const against = spelled.alter - spelling.signature[spelled.letter];
  const mark = against === 0 ? '' : against > 0 ? '♯'.repeat(against) : '♭'.repeat(-against);
  return `${mark}${number}`;
}

/** Movable-do syllables by semitones above the tonic (do-based minor: C minor's Eb is "me"). */
const SOLFEGE: readonly string[] = ['do', 'di', 're', 'me', 'mi', 'fa', 'fi', 'sol', 'le', 'la', 'te', 'ti'];

/** Movable-do solfège of a pitch in the key: G in C is "sol", Bb in C is "te". */
export function solfegeLabel(pitch: MidiPitch, key: KeySignature): string {
  return SOLFEGE[pitchClass(pitch - (tonicChroma(key) ?? 0))];
}

const SIMPLE_INTERVALS: readonly string[] = ['P1', 'm2', 'M2', 'm3', 'M3', 'P4', 'TT', 'P5', 'm6', 'M6', 'm7', 'M7'];

/**
 * Short interval name between two pitches with its direction: 60→64 "M3↑", 67→60 "P5↓"; octaves and
 * compound intervals count on ("P8↑", "M9↑"); a repeated pitch is "P1".
 */
export function intervalLabel(from: MidiPitch, to: MidiPitch): string {
  const semis = Math.abs(to - from);
  if (semis === 0) return 'P1';
  const octaves = Math.floor(semis / 12);
  const simple = SIMPLE_INTERVALS[semis % 12];
  let name = simple;
  if (octaves > 0) {
    if (semis % 12 === 0) name = octaves === 1 ? 'P8' : `P${7 * octaves + 1}`;
    else if (simple === 'TT') name = `TT+${octaves}8ve`;
    else name = `${simple[0]}${Number(simple.slice(1)) + 7 * octaves}`;
  }
  return `${name}${to > from ? '↑' : '↓'}`;
}

/** The chord sounding at `step`: the last chord starting at or before it (undefined before the first). */
export function chordAt(chords: readonly ChordEvent[] | undefined, step: Steps): ChordEvent | undefined {
  let found: ChordEvent | undefined;
  for (const c of chords ?? []) if (c.start <= step && (!found || c.start >= found.start)) found = c;
  return found;
}

const CHORD_ROLES: readonly string[] = ['R', '3', '5', '7', '9', '11', '13'];

/** The role of a pitch in a chord symbol ("R", "3", "5", "7"...), or null when it is not a chord tone or N.C. */
export function chordToneRole(pitch: MidiPitch, symbol: string): string | null {
  const chord = parseChordSymbol(symbol);
  if (!chord) return null;
  const index = chord.pitchClasses.indexOf(pitchClass(pitch));
  if (index >= 0) return CHORD_ROLES[index] ?? 'T';
  return chord.bass !== undefined && TonalNote.chroma(chord.bass) === pitchClass(pitch) ? 'B' : null;
}

/** Everything the overlay can show about one note. */
export interface NoteTheory {
  degree: string;
  solfege: string;
  /** Symbol of the chord sounding at the note's start, if any. */
  chord?: string;
  /** Role in that chord ("R", "3", "5", "7"), or null for a non-chord tone. */
  chordTone: string | null;
  /** Interval from the previous note, undefined for the first note. */
  interval?: string;
}

/** Theory labels for each note of a monophonic melody, in the notes' order (sorted by start for intervals). */
export function analyzeNotes(notes: readonly Note[], key: KeySignature, chords?: readonly ChordEvent[]): NoteTheory[] {
  const order = notes.map((_, i) => i).sort((a, b) => notes[a].start - notes[b].start);
  const result = new Array<NoteTheory>(notes.length);
  let previous: Note | undefined;
  for (const i of order) {
    const n = notes[i];
    const chord = chordAt(chords, n.start);
    result[i] = {
      degree: degreeLabel(n.pitch, key),
      solfege: solfegeLabel(n.pitch, key),
      ...(chord ? { chord: chord.symbol } : {}),
      chordTone: chord ? chordToneRole(n.pitch, chord.symbol) : null,
      ...(previous ? { interval: intervalLabel(previous.pitch, n.pitch) } : {}),
    };
    previous = n;
  }
  return result;
}
