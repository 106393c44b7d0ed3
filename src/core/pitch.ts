import type { MidiPitch } from './types';

/**
 * Pitch names in scientific notation with sharps, the form the UI contract uses for grid cells
 * ("C4 step 1"); 60 is C4 as in MIDI and Magenta.
 */

const SHARP_NAMES = ['C', 'C#', 'D', 'D#', 'E', 'F', 'F#', 'G', 'G#', 'A', 'A#', 'B'] as const;
const LETTER_CHROMA: Record<string, number> = { C: 0, D: 2, E: 4, F: 5, G: 7, A: 9, B: 11 };

/** Pitch class 0..11 of a MIDI number (C = 0), also for negative input. */
export function pitchClass(midi: MidiPitch): number {
  return ((Math.round(midi) % 12) + 12) % 12;
}

/** Scientific pitch name with sharps: 60 → "C4", 78 → "F#5", 21 → "A0". */
export function pitchName(midi: MidiPitch): string {
  const m = Math.round(midi);
  return `${SHARP_NAMES[pitchClass(m)]}${Math.floor(m / 12) - 1}`;
}

/** Parses "C4", "f#5", "Bb3", "E♭2", "B#3" (= C4) to a MIDI number 0..127, or null when it is not a pitch. */
export function parsePitchName(name: string): MidiPitch | null {
  const match = /^\s*([A-Ga-g])(#{1,2}|b{1,2}|♯|♭|x)?(-?\d{1,2})\s*$/.exec(name);
  if (!match) return null;
  const [, letter, accidental = '', octaveText] = match;
  let alter = 0;
  for (const ch of accidental) alter += ch === '#' || ch === '♯' ? 1 : ch === 'x' ? 2 : -1;
  const midi = (Number(octaveText) + 1) * 12 + LETTER_CHROMA[letter.toUpperCase()] + alter;
  return midi >= 0 && midi <= 127 ? midi : null;
}
