import { Key, Mode, Note } from 'tonal';
import type { KeySignature, ScaleName } from '../types';

/**
 * The song's key as a MIDI key signature (sharps or flats, major or minor) and back. MIDI knows only
 * major and minor signatures, so a mode is written as the signature it shares with its relative major
 * (D dorian → C major, no sharps), pentatonic and blues scales as their parent major or minor, and the
 * chromatic scale gets no key signature at all.
 */

export interface MidiKeySignature {
  /** -7 (seven flats) .. 7 (seven sharps). */
  sharps: number;
  minor: boolean;
}

const MINOR_SCALES: readonly ScaleName[] = ['minor', 'harmonic minor', 'melodic minor', 'minor pentatonic', 'blues'];
const MODES: Partial<Record<ScaleName, string>> = {
  dorian: 'dorian',
  phrygian: 'phrygian',
  lydian: 'lydian',
  mixolydian: 'mixolydian',
  locrian: 'locrian',
};

/** Sharps (positive) or flats (negative) of a major or minor key on `tonic`, spelled enharmonically if over 7. */
function alterations(tonic: string, minor: boolean): number | null {
  const count = (name: string) => (minor ? Key.minorKey(name).alteration : Key.majorKey(name).alteration);
  let sharps = count(tonic);
  if (!Number.isFinite(sharps)) return null;
  if (Math.abs(sharps) > 7) sharps = count(Note.enharmonic(tonic));
  return Number.isFinite(sharps) && Math.abs(sharps) <= 7 ? sharps : null;
}

/** The MIDI key signature of a key, or null where none fits (chromatic, or a tonic tonal cannot read). */
export function toMidiKeySignature(key: KeySignature): MidiKeySignature | null {
  if (key.scale === 'chromatic') return null;
  const mode = MODES[key.scale];
  if (mode) {
    const relativeMajor = Mode.relativeTonic('major', mode, key.tonic);
    if (!relativeMajor) return null;
    const sharps = alterations(relativeMajor, false);
    return sharps === null ? null : { sharps, minor: false };
  }
  const minor = MINOR_SCALES.includes(key.scale);
  const sharps = alterations(key.tonic, minor);
  return sharps === null ? null : { sharps, minor };
}

/** Major keys by number of sharps, -7..7, spelled as key signatures are. */
const MAJOR_BY_SHARPS = ['Cb', 'Gb', 'Db', 'Ab', 'Eb', 'Bb', 'F', 'C', 'G', 'D', 'A', 'E', 'B', 'F#', 'C#'];

/** The key a MIDI key signature names: (2 sharps, major) → D major; (3 flats, minor) → C minor. */
export function fromMidiKeySignature(signature: MidiKeySignature): KeySignature | null {
  const major = MAJOR_BY_SHARPS[signature.sharps + 7];
  if (!major) return null;
  if (!signature.minor) return { tonic: major, scale: 'major' };
  return { tonic: Key.majorKey(major).minorRelative, scale: 'minor' };
}
