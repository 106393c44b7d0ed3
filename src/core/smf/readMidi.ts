import { VALIDATION_LIMITS } from '../validate';
import type { Bpm, KeySignature, MidiPitch, TimeSignature, Velocity } from '../types';
import { fromMidiKeySignature } from './keySignature';
import { fromMidiByteString } from './midiText';
import { channelInstrumentName, GM_DRUM_CHANNEL } from './generalMidi';
import { scanSmf, type SmfPart } from './smfScan';

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
  /** The track's own name, or its channel and instrument when it has none ("Channel 2: Acoustic Bass"). */
  name: string;
  /** What the import dialog lists: the name, with the channel and instrument when the name alone would repeat. */
  label: string;
  /** MIDI channel, 0-based (9 is General MIDI drums). */
  channel: number;
  /** General MIDI program, 0-based. */
  program: number;
  isDrums: boolean;
  noteCount: number;
  lowest: MidiPitch;
  highest: MidiPitch;
  notes: MidiFileNote[];
  /** Chord symbols that go with this part (MusicXML `<harmony>`), in ticks; MIDI files have none. */
  chords?: { ticks: number; symbol: string }[];
}

export interface MidiMarker {
  ticks: number;
  text: string;
}

export interface MidiImportPreview {
  /** What the file was: the same preview serves MIDI and MusicXML imports. */
  source: 'midi' | 'musicxml';
  /** The file's title (a MIDI file's first track name; "" when it has none). */
  name: string;
  format: number;
  /** Ticks per quarter note. */
  ppq: number;
  /** The first tempo, in BPM as written (null when the file sets none: MIDI then means 120). */
  tempo: Bpm | null;
  /** Swing the file asks for, as the song's setting (MusicXML `<swing>`); MIDI files cannot say. */
  swing?: number;
  timeSignature: TimeSignature | null;
  /** Length of a short first bar (an anacrusis written as a bar of its own), in ticks; 0 when there is none. */
  pickupTicks: number;
  key: KeySignature | null;
  /** Where the key signature first changes to another key, in ticks (null: it never does). */
  keyChangeTicks: number | null;
  markers: MidiMarker[];
  /** Tracks that hold notes, in file order (a track mixing channels is split per channel). */
  tracks: MidiTrackPreview[];
  lengthTicks: number;
  /** Things the import will not carry over, in plain words ("the tempo changes 3 times; only the first is kept"). */
  warnings: string[];
}

export type MidiReadResult = { ok: true; preview: MidiImportPreview } | { ok: false; reason: string };

function supportedTimeSignature(beats: number, beatUnit: number): boolean {
  return (
    Number.isInteger(beats) &&
    beats >= VALIDATION_LIMITS.beats.min &&
    beats <= VALIDATION_LIMITS.beats.max &&
    (VALIDATION_LIMITS.beatUnits as readonly number[]).includes(beatUnit)
  );
}

/** Events whose value differs from the one before: tracks that all repeat "3/4 at tick 0" make one, not a change. */
function realChanges<T extends { ticks: number }>(events: readonly T[], same: (a: T, b: T) => boolean): T[] {
  const kept: T[] = [];
  for (const e of events) if (kept.length === 0 || !same(kept[kept.length - 1], e)) kept.push(e);
  return kept;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** Names for the parts: a track's name when it is unique, else its channel and General MIDI instrument (and track when those repeat). */
function partNames(parts: readonly SmfPart[]): { name: string; label: string }[] {
  const count = (values: string[]) => {
    const uses = new Map<string, number>();
    for (const v of values) uses.set(v, (uses.get(v) ?? 0) + 1);
    return uses;
  };
  const own = parts.map((p) => fromMidiByteString(p.trackName));
  const instruments = parts.map((p) => `channel ${p.channel + 1}: ${channelInstrumentName(p.channel, p.program)}`);
  const ownUses = count(own);
  const instrumentUses = count(own.map((name, i) => `${name}|${instruments[i]}`));
  return parts.map((part, i) => {
    const where =
      instrumentUses.get(`${own[i]}|${instruments[i]}`) === 1
        ? instruments[i]
        : `track ${part.track}, ${instruments[i]}`;
    const described = where.charAt(0).toUpperCase() + where.slice(1);
    const label = own[i] && ownUses.get(own[i]) === 1 ? own[i] : own[i] ? `${own[i]} (${where})` : described;
    return { name: (own[i] || described).slice(0, VALIDATION_LIMITS.nameLength), label };
  });
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
  if (scan.truncated)
    warnings.push('the file is cut short (its last bytes are missing); everything before the cut is imported');
  if (scan.format === 2)
    warnings.push(
      `the file holds ${plural(scan.sequences, 'separate sequence')} (MIDI format 2); only the first one with notes is imported`,
    );

  const tempos = realChanges(scan.tempos, (a, b) => Math.round(a.bpm * 1000) === Math.round(b.bpm * 1000));
  const tempo = tempos[0] ? Math.round(tempos[0].bpm * 1000) / 1000 : null;
  if (tempos.length > 1) {
    const bpms = tempos.map((t) => Math.round(t.bpm));
    warnings.push(
      `the tempo changes ${plural(tempos.length - 1, 'time')} (between ${Math.min(...bpms)} and ${Math.max(...bpms)} BPM); the song keeps the first, ${Math.round(tempo as number)} BPM`,
    );
  }

  const meters = realChanges(scan.timeSignatures, (a, b) => a.beats === b.beats && a.beatUnit === b.beatUnit);
  let pickupTicks = 0;
  let meterIndex = 0;
  const barTicks = (m: { beats: number; beatUnit: number }) => (scan.ppq * 4 * m.beats) / m.beatUnit;
  // A short first bar in a metre of its own (1/4 then 4/4) is a pickup, not a change of metre.
  if (
    meters.length > 1 &&
    meters[0].ticks === 0 &&
    meters[1].ticks === barTicks(meters[0]) &&
    barTicks(meters[0]) < barTicks(meters[1])
  ) {
    pickupTicks = meters[1].ticks;
    meterIndex = 1;
  }
  const meter = meters[meterIndex];
  let timeSignature: TimeSignature | null = null;
  if (meter && supportedTimeSignature(meter.beats, meter.beatUnit))
    timeSignature = { beats: meter.beats, beatUnit: meter.beatUnit };
  else if (meter)
    warnings.push(`the time signature ${meter.beats}/${meter.beatUnit} is not one the song can use; it keeps its own`);
  const laterMeter = meters[meterIndex + 1];
  if (meter && laterMeter) {
    const bar = Math.floor((laterMeter.ticks - pickupTicks) / barTicks(meter)) + 1 + (pickupTicks > 0 ? 1 : 0);
    const more = meters.length - meterIndex - 2;
    warnings.push(
      `the time signature changes to ${laterMeter.beats}/${laterMeter.beatUnit} at bar ${bar}${more > 0 ? ` (and ${plural(more, 'more time')})` : ''}; the song stays in ${meter.beats}/${meter.beatUnit} throughout`,
    );
  }

  const keys = realChanges(scan.keySignatures, (a, b) => a.sharps === b.sharps && a.minor === b.minor);
  const key = keys[0] && Math.abs(keys[0].sharps) <= 7 ? fromMidiKeySignature(keys[0]) : null;
  const keyChangeTicks = keys[1]?.ticks ?? null;
  if (scan.unendedNotes > 0)
    warnings.push(
      `${plural(scan.unendedNotes, 'note')} never end${scan.unendedNotes === 1 ? 's' : ''} in the file and ${scan.unendedNotes === 1 ? 'is' : 'are'} left out`,
    );
  const markers = scan.markers.map((m) => ({
    ticks: m.ticks,
    text: fromMidiByteString(m.text).slice(0, VALIDATION_LIMITS.textLength),
  }));

  const names = partNames(scan.parts);
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
      ...names[index],
      channel: part.channel,
      program: part.program,
      isDrums: part.channel === GM_DRUM_CHANNEL,
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
      source: 'midi',
      name: fromMidiByteString(scan.firstTrackName).slice(0, VALIDATION_LIMITS.titleLength),
      format: scan.format,
      ppq: scan.ppq,
      tempo,
      timeSignature,
      pickupTicks,
      key,
      keyChangeTicks,
      markers,
      tracks,
      lengthTicks: scan.lengthTicks,
      warnings,
    },
  };
}
