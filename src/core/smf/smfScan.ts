// Over 300 lines: the Standard MIDI File scanner is one state machine over chunks and events; splitting it would separate the bounds checks from the reads they guard.
/**
 * Reading Standard MIDI File bytes in one linear, bounds-checked pass: every chunk and event is checked,
 * size caps apply before anything large is built, and notes are paired (first in, first out per channel
 * and pitch) as they come. @tonejs/midi is not used for reading: its parser (midi-file) reads past the
 * end of a damaged buffer as `undefined`, and its note pairing splices arrays, which is quadratic
 * (30,000 notes took 1.4 s here, 100,000 would take about 15 s).
 */

/** Caps checked before parsing; generous for real songs, small enough that hostile files stay cheap. */
export const MIDI_LIMITS = {
  fileBytes: 4 * 1024 * 1024,
  tracks: 256,
  notes: 200_000,
  events: 1_000_000,
  /** Longest file in quarter notes (about 7 hours at 240 BPM). */
  quarterNotes: 100_000,
} as const;

export interface SmfScan {
  format: number;
  /** Ticks per quarter note. */
  ppq: number;
  trackCount: number;
  noteCount: number;
  eventCount: number;
  /** Ticks from the start to the last event of the longest track. */
  lengthTicks: number;
  /** Note-carrying parts of the tracks: one per track and channel, in file order. */
  parts: SmfPart[];
  /** Name of the first track (the song's title in a format 1 file), as a byte string. */
  firstTrackName: string;
  tempos: { ticks: number; bpm: number }[];
  timeSignatures: { ticks: number; beats: number; beatUnit: number }[];
  keySignatures: { ticks: number; sharps: number; minor: boolean }[];
  /** Marker and cue point texts (byte strings), in time order. */
  markers: { ticks: number; text: string }[];
  /** Note-ons that no note-off ever ended; left out. */
  unendedNotes: number;
  /** The file ends before its last track does; what came before the cut was read. */
  truncated: boolean;
  /** Independent sequences in the file (format 2: one per track; else 1). Only the first with notes is read. */
  sequences: number;
}

/** The notes one channel plays in one track. Text is a byte string (one character per byte). */
export interface SmfPart {
  trackName: string;
  /** The track it came from, counted from 1 (chunk order). */
  track: number;
  channel: number;
  /** The channel's first program change in the track (0 when none). */
  program: number;
  notes: { pitch: number; ticks: number; durationTicks: number; velocity: number }[];
}

export type SmfScanResult = { ok: true; scan: SmfScan } | { ok: false; reason: string };

/** midi-file turns meta text into a string with one function argument per byte; keep that small. */
const MAX_META_BYTES = 65_536;

class Refused extends Error {}

function refuse(reason: string): never {
  throw new Refused(reason);
}

function chunkId(bytes: Uint8Array, at: number): string {
  return String.fromCharCode(bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]);
}

function uint32(bytes: Uint8Array, at: number): number {
  return ((bytes[at] << 24) >>> 0) + (bytes[at + 1] << 16) + (bytes[at + 2] << 8) + bytes[at + 3];
}

/** Reads a variable-length quantity of at most 4 bytes (the SMF maximum) inside [at, end). */
function readVarInt(bytes: Uint8Array, at: number, end: number): { value: number; next: number } {
  let value = 0;
  for (let i = 0; i < 4; i++) {
    if (at + i >= end) refuse('a track ends in the middle of an event');
    const b = bytes[at + i];
    value = value * 128 + (b & 0x7f);
    if ((b & 0x80) === 0) return { value, next: at + i + 1 };
  }
  return refuse('a track holds a number longer than MIDI allows');
}

/** Data bytes that follow each channel status (0x80..0xE0, by high nibble). */
function channelDataLength(status: number): number {
  const kind = status >> 4;
  return kind === 0xc || kind === 0xd ? 1 : 2;
}

/** Note-ons waiting for their note-off, first in first out, for one channel and pitch. */
interface OpenNotes {
  items: { ticks: number; velocity: number; index: number }[];
  head: number;
}

interface ChannelPart extends SmfPart {
  open: Map<number, OpenNotes>;
  programSet: boolean;
}

type FileMeta = Pick<SmfScan, 'tempos' | 'timeSignatures' | 'keySignatures' | 'markers'> & { unendedNotes: number };

function byteString(bytes: Uint8Array, from: number, length: number): string {
  let text = '';
  for (let i = from; i < from + length; i++) text += String.fromCharCode(bytes[i]);
  return text;
}

function scanTrack(
  bytes: Uint8Array,
  start: number,
  end: number,
  trackNumber: number,
  tally: { events: number; notes: number },
  meta: FileMeta,
  /** The file ends inside this track: keep the events read before the cut instead of refusing. */
  cutShort = false,
) {
  let at = start;
  let ticks = 0;
  let runningStatus = 0;
  let trackName = '';
  const channels = new Map<number, ChannelPart>();
  const channel = (number: number): ChannelPart => {
    let part = channels.get(number);
    if (!part) {
      part = {
        trackName: '',
        track: trackNumber,
        channel: number,
        program: 0,
        programSet: false,
        notes: [],
        open: new Map(),
      };
      channels.set(number, part);
    }
    return part;
  };
  try {
    while (at < end) {
      const delta = readVarInt(bytes, at, end);
      ticks += delta.value;
      at = delta.next;
      if (at >= end) refuse(`track ${trackNumber} ends in the middle of an event`);
      if (++tally.events > MIDI_LIMITS.events) refuse(`the file has more than ${MIDI_LIMITS.events} events`);
      let status = bytes[at];
      if (status === 0xff) {
        if (at + 2 > end) refuse(`track ${trackNumber} ends in the middle of an event`);
        const type = bytes[at + 1];
        const length = readVarInt(bytes, at + 2, end);
        if (length.next + length.value > end) refuse(`track ${trackNumber} has an event longer than the track`);
        if (length.value > MAX_META_BYTES) refuse(`track ${trackNumber} has a text or data event that is too long`);
        const data = length.next;
        if (type === 0x51) {
          if (length.value !== 3) refuse(`track ${trackNumber} has a malformed tempo`);
          const microseconds = (bytes[data] << 16) + (bytes[data + 1] << 8) + bytes[data + 2];
          if (microseconds === 0) refuse('the file sets a tempo of zero');
          meta.tempos.push({ ticks, bpm: 60_000_000 / microseconds });
        }
        if (type === 0x58 && length.value >= 2)
          meta.timeSignatures.push({ ticks, beats: bytes[data], beatUnit: 2 ** Math.min(bytes[data + 1], 16) });
        if (type === 0x59 && length.value === 2) {
          meta.keySignatures.push({ ticks, sharps: (bytes[data] << 24) >> 24, minor: bytes[data + 1] === 1 });
        }
        if (type === 0x03 && trackName === '') trackName = byteString(bytes, data, length.value);
        if (type === 0x06 || type === 0x07) meta.markers.push({ ticks, text: byteString(bytes, data, length.value) });
        if (type === 0x58 && length.value !== 4 && length.value !== 2)
          refuse(`track ${trackNumber} has a malformed time signature`);
        if (type === 0x59 && length.value !== 2) refuse(`track ${trackNumber} has a malformed key signature`);
        if (type === 0x2f && length.value !== 0) refuse(`track ${trackNumber} has a malformed end of track`);
        if (type === 0x00 && length.value !== 2) refuse(`track ${trackNumber} has a malformed sequence number`);
        if ((type === 0x20 || type === 0x21) && length.value !== 1)
          refuse(`track ${trackNumber} has a malformed prefix`);
        if (type === 0x54 && length.value !== 5) refuse(`track ${trackNumber} has a malformed SMPTE offset`);
        // Running status is kept across meta events, as most readers do.
        at = length.next + length.value;
        continue;
      }
      if (status === 0xf0 || status === 0xf7) {
        const length = readVarInt(bytes, at + 1, end);
        if (length.next + length.value > end) refuse(`track ${trackNumber} has a system message longer than the track`);
        at = length.next + length.value;
        continue;
      }
      if (status > 0xf0) refuse(`track ${trackNumber} holds a byte that is not a MIDI event`);
      let dataStart = at + 1;
      if (status < 0x80) {
        if (runningStatus === 0) refuse(`track ${trackNumber} continues a message it never started`);
        status = runningStatus;
        dataStart = at;
      } else runningStatus = status;
      const dataLength = channelDataLength(status);
      if (dataStart + dataLength > end) refuse(`track ${trackNumber} ends in the middle of an event`);
      for (let i = 0; i < dataLength; i++) {
        if (bytes[dataStart + i] > 0x7f) refuse(`track ${trackNumber} has a malformed channel message`);
      }
      const kind = status >> 4;
      if (kind === 0xc) {
        const part = channel(status & 0x0f);
        if (!part.programSet) {
          part.program = bytes[dataStart];
          part.programSet = true;
        }
      }
      if (kind === 0x8 || kind === 0x9) {
        const part = channel(status & 0x0f);
        const pitch = bytes[dataStart];
        const velocity = bytes[dataStart + 1];
        let open = part.open.get(pitch);
        if (!open) part.open.set(pitch, (open = { items: [], head: 0 }));
        if (kind === 0x9 && velocity > 0) {
          if (++tally.notes > MIDI_LIMITS.notes) refuse(`the file has more than ${MIDI_LIMITS.notes} notes`);
          // The note takes its place in start order now; its length is filled in by its note-off.
          open.items.push({ ticks, velocity, index: part.notes.length });
          part.notes.push({ pitch, ticks, durationTicks: -1, velocity });
        } else if (open.head < open.items.length) {
          const on = open.items[open.head++];
          part.notes[on.index].durationTicks = ticks - on.ticks;
        } // a note-off with no note sounding is ignored
      }
      at = dataStart + dataLength;
    }
  } catch (error) {
    // A cut-short track stops at its last whole event; a damaged one still refuses the file.
    if (!cutShort || !(error instanceof Refused) || !/ends in the middle|longer than the track/.test(error.message))
      throw error;
  }
  const parts: SmfPart[] = [];
  for (const part of channels.values()) {
    const ended = part.notes.filter((n) => n.durationTicks >= 0);
    meta.unendedNotes += part.notes.length - ended.length;
    if (ended.length > 0)
      parts.push({ trackName, track: trackNumber, channel: part.channel, program: part.program, notes: ended });
  }
  return { ticks, parts, trackName };
}

/**
 * Checks that `bytes` are a Standard MIDI File within MIDI_LIMITS, or says in plain words why not. A file
 * cut short inside its last track keeps what came before the cut (`truncated`); of a format 2 file only the
 * first sequence with notes is read. Linear in the file size; never throws.
 */
export function scanSmf(bytes: Uint8Array): SmfScanResult {
  try {
    if (bytes.length === 0) refuse('the file is empty');
    if (bytes.length > MIDI_LIMITS.fileBytes) {
      refuse(`the file is larger than ${MIDI_LIMITS.fileBytes / 1024 / 1024} MB, too large for a MIDI melody`);
    }
    if (bytes.length < 14 || chunkId(bytes, 0) !== 'MThd') refuse('this is not a MIDI file');
    const headerLength = uint32(bytes, 4);
    if (headerLength < 6 || 8 + headerLength > bytes.length) refuse('the MIDI header is damaged');
    const format = (bytes[8] << 8) + bytes[9];
    const declaredTracks = (bytes[10] << 8) + bytes[11];
    const division = (bytes[12] << 8) + bytes[13];
    if (format > 2) refuse(`MIDI format ${format} does not exist (only formats 0, 1 and 2)`);
    if (division & 0x8000) refuse('files timed in SMPTE frames are not supported, only in beats');
    if (division === 0) refuse('the file says a beat has zero ticks');
    if (declaredTracks === 0) refuse('the file has no tracks');
    if (declaredTracks > MIDI_LIMITS.tracks) refuse(`the file has more than ${MIDI_LIMITS.tracks} tracks`);
    if (format === 0 && declaredTracks !== 1) refuse('a format 0 file must have exactly one track');
    const tally = { events: 0, notes: 0 };
    let at = 8 + headerLength;
    let tracks = 0;
    let lengthTicks = 0;
    let truncated = false;
    let usedSequence = 0;
    const parts: SmfPart[] = [];
    let firstTrackName = '';
    const emptyMeta = (): FileMeta => ({
      tempos: [],
      timeSignatures: [],
      keySignatures: [],
      markers: [],
      unendedNotes: 0,
    });
    let meta = emptyMeta();
    while (tracks < declaredTracks) {
      if (at + 8 > bytes.length) {
        // Cut off after a whole track: keep what was read, as @tonejs/midi does.
        if (tracks > 0 && at >= bytes.length - 8) {
          truncated = true;
          break;
        }
        refuse(`the file ends before track ${tracks + 1}`);
      }
      const id = chunkId(bytes, at);
      const length = uint32(bytes, at + 4);
      let end = at + 8 + length;
      const cutShort = end > bytes.length;
      if (cutShort) {
        if (id !== 'MTrk') refuse(`the file ends inside track ${tracks + 1}`);
        end = bytes.length;
        truncated = true;
      }
      if (id === 'MTrk') {
        tracks++;
        // Format 2: each track is a sequence of its own; the first one with notes is the song.
        const sequenceDone = format === 2 && usedSequence > 0;
        const trackMeta = sequenceDone ? emptyMeta() : meta;
        const notesBefore = tally.notes;
        const track = scanTrack(bytes, at + 8, end, tracks, tally, trackMeta, cutShort);
        if (!sequenceDone) {
          if (format === 2 && tally.notes === notesBefore) {
            meta = emptyMeta(); // a sequence with no notes: its tempo and markers belong to no song
          } else {
            lengthTicks = Math.max(lengthTicks, track.ticks);
            parts.push(...track.parts);
            if (format === 2) usedSequence = tracks;
          }
        }
        if (tracks === 1 || (format === 2 && usedSequence === tracks)) firstTrackName = track.trackName;
      } else if (!/^[\x20-\x7e]{4}$/.test(id)) {
        refuse('the file holds a damaged chunk');
      } // other chunk types are allowed by the standard and skipped
      if (cutShort) break;
      at = end;
    }
    if (lengthTicks / division > MIDI_LIMITS.quarterNotes)
      refuse('the file is hours long; its event times look damaged');
    const byTicks = (a: { ticks: number }, b: { ticks: number }) => a.ticks - b.ticks;
    return {
      ok: true,
      scan: {
        format,
        ppq: division,
        trackCount: tracks,
        noteCount: format === 2 ? parts.reduce((sum, p) => sum + p.notes.length, 0) : tally.notes,
        eventCount: tally.events,
        lengthTicks,
        parts,
        firstTrackName,
        tempos: meta.tempos.sort(byTicks),
        timeSignatures: meta.timeSignatures.sort(byTicks),
        keySignatures: meta.keySignatures.sort(byTicks),
        markers: meta.markers.sort(byTicks),
        unendedNotes: meta.unendedNotes,
        truncated,
        sequences: format === 2 ? tracks : 1,
      },
    };
  } catch (error) {
    if (error instanceof Refused) return { ok: false, reason: error.message };
    return { ok: false, reason: 'the file could not be read as MIDI' };
  }
}
