import { VALIDATION_LIMITS } from '../validate';
import type { Bpm, KeySignature, Midi as MidiPitch, TimeSignature, Velocity } from '../types';
import { fromMidiKeySignature } from './keySignature';
import { fromMidiByteString } from './midiText';
import { scanSmf } from './smfScan';
import { Midi } from './tonejsMidi';

/**
 * Reading a MIDI file into a preview the user picks from: its tracks with their note counts and ranges,
 * its tempo, metre, key and markers, and every track's notes in ticks, ready for importMidi. Bytes go
 * through scanSmf first, so whatever reaches @tonejs/midi is whole and bounded in size and work.
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
  let midi: Midi;
  try {
    midi = new Midi(scan.parseable);
  } catch {
    return { ok: false, reason: 'the file could not be read as MIDI' };
  }
  const warnings: string[] = [];
  const { header } = midi;
  const firstTempo = [...header.tempos].sort((a, b) => a.ticks - b.ticks)[0];
  const tempo = firstTempo && Number.isFinite(firstTempo.bpm) ? Math.round(firstTempo.bpm * 1000) / 1000 : null;
  if (new Set(header.tempos.map((t) => Math.round(t.bpm * 1000))).size > 1) {
    warnings.push(`the tempo changes ${header.tempos.length - 1} times; only the first tempo is kept`);
  }
  const firstSignature = [...header.timeSignatures].sort((a, b) => a.ticks - b.ticks)[0];
  const timeSignature = readTimeSignature(firstSignature?.timeSignature, warnings);
  if (header.timeSignatures.length > 1) warnings.push('the time signature changes; only the first one is kept');
  // @tonejs/midi names a key signature by the major key with the same sharps and flags minor separately.
  const keyEvent = [...header.keySignatures].sort((a, b) => a.ticks - b.ticks)[0];
  const majorNames = ['Cb', 'Gb', 'Db', 'Ab', 'Eb', 'Bb', 'F', 'C', 'G', 'D', 'A', 'E', 'B', 'F#', 'C#'];
  const sharps = keyEvent ? majorNames.indexOf(keyEvent.key) - 7 : NaN;
  const key = keyEvent && sharps >= -7 ? fromMidiKeySignature({ sharps, minor: keyEvent.scale === 'minor' }) : null;
  const markers = header.meta
    .filter((m) => m.type === 'marker' || m.type === 'cuePoint')
    .map((m) => ({ ticks: m.ticks, text: fromMidiByteString(m.text).slice(0, VALIDATION_LIMITS.textLength) }))
    .sort((a, b) => a.ticks - b.ticks);

  const tracks: MidiTrackPreview[] = [];
  for (const track of midi.tracks) {
    if (track.notes.length === 0) continue;
    const notes: MidiFileNote[] = track.notes.map((n) => ({
      pitch: n.midi,
      ticks: n.ticks,
      durationTicks: n.durationTicks,
      velocity: Math.min(127, Math.max(1, Math.round(n.velocity * 127))),
    }));
    let lowest = 127;
    let highest = 0;
    for (const n of notes) {
      if (n.pitch < lowest) lowest = n.pitch;
      if (n.pitch > highest) highest = n.pitch;
    }
    tracks.push({
      index: tracks.length,
      name: fromMidiByteString(track.name).slice(0, VALIDATION_LIMITS.nameLength) || `Track ${tracks.length + 1}`,
      channel: track.channel,
      program: track.instrument.number,
      isDrums: track.channel === 9,
      noteCount: notes.length,
      lowest,
      highest,
      notes,
    });
  }
  if (tracks.length === 0) return { ok: false, reason: 'the file has no notes to import' };
  return {
    ok: true,
    preview: {
      name: fromMidiByteString(header.name).slice(0, VALIDATION_LIMITS.titleLength),
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
