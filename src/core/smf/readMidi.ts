import { VALIDATION_LIMITS } from '../validate';
import type { Bpm, KeySignature, MidiPitch, TimeSignature, Velocity } from '../types';
import { fromMidiKeySignature } from './keySignature';
import { fromMidiByteString } from './midiText';
import { scanSmf } from './smfScan';

/**
 * Reading a MIDI file into a preview the user picks from: its tracks with their note counts and ranges,
 * its tempo, metre, key and markers, and every track's notes in ticks, ready for importMidi. scanSmf
 * does the reading (one linear, bounds-checked pass); this turns its findings into what the user sees.
 */

/** A note as the file has it, in ticks. */
export interface MidiFileNote {
  pitch: MidiPitch;
  ticks: number;
  durationTicks: number;
  velocity: Velocity;
}

export interface MidiTrackPreview {
  /** Position in `MidiImportPreview.tracks`, the value importMidi's `trackIndex` takes. */
  index: number;
  name: string;
  /** MIDI channel, 0-based (9 is General MIDI drums). */
  channel: number;
  /** General MIDI program, 0-based. */
  program: number;
  isDrums: boolean;
  noteCount: number;
  lowest: MidiPitch;
  highest: MidiPitch;
  notes: MidiFileNote[];
}

export interface MidiMarker {
  ticks: number;
  text: string;
}

export interface MidiImportPreview {
  /** The file's name from its first track ("" when it has none). */
  name: string;
  format: number;
  /** Ticks per quarter note. */
  ppq: number;
  /** The first tempo, in BPM as written (null when the file sets none: MIDI then means 120). */
  tempo: Bpm | null;
  timeSignature: TimeSignature | null;
  key: KeySignature | null;
  markers: MidiMarker[];
  /** Tracks that hold notes, in file order (a track mixing channels is split per channel). */
  tracks: MidiTrackPreview[];
  lengthTicks: number;
  /** Things the import will not carry over, in plain words ("the tempo changes 3 times; only the first is kept"). */
  warnings: string[];
}

export type MidiReadResult = { ok: true; preview: MidiImportPreview } | { ok: false; reason: string };

function readTimeSignature(values: readonly number[] | undefined, warnings: string[]): TimeSignature | null {
  if (!values) return null;
  const [beats, beatUnit] = values;
  const supported =
    Number.isInteger(beats) &&
    beats >= VALIDATION_LIMITS.beats.min &&
    beats <= VALIDATION_LIMITS.beats.max &&
    (VALIDATION_LIMITS.beatUnits as readonly number[]).includes(beatUnit);
  if (supported) return { beats, beatUnit };
  warnings.push(`the time signature ${beats}/${beatUnit} is not supported`);
  return null;
}

/**
 * Reads MIDI file bytes into a preview, or says in plain words why it cannot: never throws, never hangs.
 * @example const read = readMidiFile(new Uint8Array(await file.arrayBuffer())); if (!read.ok) alert(read.reason)
 */
export function readMidiFile(bytes: Uint8Array): MidiReadResult {
  const scanned = scanSmf(bytes);
  if (!scanned.ok) return scanned;
  const { scan } = scanned;
  if (scan.noteCount === 0) return { ok: false, reason: 'the file has no notes to import' };
  const warnings: string[] = [];
  const first = scan.tempos[0];
  const tempo = first ? Math.round(first.bpm * 1000) / 1000 : null;
  if (new Set(scan.tempos.map((t) => Math.round(t.bpm * 1000))).size > 1) {
    warnings.push(`the tempo changes ${scan.tempos.length - 1} times; only the first tempo is kept`);
  }
  const firstSignature = scan.timeSignatures[0];
  const timeSignature = firstSignature ? readTimeSignature([firstSignature.beats, firstSignature.beatUnit], warnings) : null;
  if (scan.timeSignatures.length > 1) warnings.push('the time signature changes; only the first one is kept');
  const keyEvent = scan.keySignatures[0];
  const key = keyEvent && Math.abs(keyEvent.sharps) <= 7 ? fromMidiKeySignature(keyEvent) : null;
  if (scan.unendedNotes > 0) warnings.push(`${scan.unendedNotes} note${scan.unendedNotes === 1 ? '' : 's'} never end${scan.unendedNotes === 1 ? 's' : ''} in the file and ${scan.unendedNotes === 1 ? 'is' : 'are'} left out`);
  const markers = scan.markers.map((m) => ({ ticks: m.ticks, text: fromMidiByteString(m.text).slice(0, VALIDATION_LIMITS.textLength) }));

  const tracks: MidiTrackPreview[] = scan.parts.map((part, index) => {
    const notes: MidiFileNote[] = part.notes.map((n) => ({ ...n, velocity: Math.min(127, Math.max(1, n.velocity)) }));
    let lowest = 127;
    let highest = 0;
    for (const n of notes) {
      if (n.pitch < lowest) lowest = n.pitch;
      if (n.pitch > highest) highest = n.pitch;
    }
    return {
      index,
      name: fromMidiByteString(part.trackName).slice(0, VALIDATION_LIMITS.nameLength) || `Track ${index + 1}`,
      channel: part.channel,
      program: part.program,
      isDrums: part.channel === 9,
      noteCount: notes.length,
      lowest,
      highest,
      notes,
    };
  });
  if (tracks.length === 0) return { ok: false, reason: 'the file has no notes that end' };
  return {
    ok: true,
    preview: {
      name: fromMidiByteString(scan.firstTrackName).slice(0, VALIDATION_LIMITS.titleLength),
      format: scan.format,
      ppq: scan.ppq,
      tempo,
      timeSignature,
      key,
      markers,
      tracks,
      lengthTicks: scan.lengthTicks,
      warnings,
    },
  };
}
