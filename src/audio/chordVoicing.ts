import { Chord, Note } from 'tonal';
import type { MidiPitch } from '../core/types';

/**
 * How the chord channel voices a chord symbol: a close voicing with the root from C3 to B3, each further
 * chord tone stacked just above the one before, and a slash chord's bass just under the root.
 */

const ROOT_OCTAVE_BASE: MidiPitch = 48; // C3

/** MIDI pitches for a chord symbol, moved by `transpose` semitones; [] for "N.C." or an unknown symbol. */
export function voiceChord(symbol: string, transpose = 0): MidiPitch[] {
  const [upper, bassName] = symbol.trim().split('/');
  const chord = Chord.get(upper);
  const rootChroma = chord.tonic ? Note.chroma(chord.tonic) : undefined;
  if (chord.empty || rootChroma === undefined) return [];
  const pitches: MidiPitch[] = [];
  for (const tone of chord.notes) {
    const chroma = Note.chroma(tone);
    if (chroma === undefined) continue;
    const previous = pitches.length > 0 ? pitches[pitches.length - 1] : ROOT_OCTAVE_BASE + rootChroma - 1;
    pitches.push(previous + 1 + ((((chroma - previous - 1) % 12) + 12) % 12));
  }
  const bassChroma = bassName ? Note.chroma(bassName) : undefined;
  if (bassChroma !== undefined) pitches.unshift(pitches[0] - (((rootChroma - bassChroma + 11) % 12) + 1));
  return pitches.map((p) => p + transpose).filter((p) => p >= 0 && p <= 127);
}
