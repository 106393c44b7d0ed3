/**
 * A structural pass over Standard MIDI File bytes, run before any parser sees them. It walks every chunk
 * and every event with bounds checks, so the parser behind it (@tonejs/midi over midi-file, which reads
 * past the end of a buffer as `undefined` and pairs notes in quadratic time) only ever receives files
 * that are whole, small enough and cheap to parse. It reads nothing musical except what the caps need.
 */

/** Caps checked before parsing; generous for real songs, small enough that hostile files stay cheap. */
export const MIDI_LIMITS = {
  fileBytes: 4 * 1024 * 1024,
  tracks: 256,
  notes: 200_000,
  events: 1_000_000,
  /** Longest file in quarter notes (about 7 hours at 240 BPM). */
  quarterNotes: 100_000,
  /** Upper bound on the note-pairing comparisons the parser may make (see pairingWork). */
  pairingWork: 50_000_000,
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
  /** The file with only its header and track chunks (midi-file refuses other chunk types). */
  parseable: Uint8Array;
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

interface NoteTally {
  ons: number;
  offs: number;
  /** Note-ons still sounding, per channel * 128 + pitch. */
  sounding: Map<number, number>;
  orphanOffs: number;
}

function scanTrack(bytes: Uint8Array, start: number, end: number, trackNumber: number, tally: { events: number; notes: number }) {
  let at = start;
  let ticks = 0;
  let runningStatus = 0;
  const notes: NoteTally = { ons: 0, offs: 0, sounding: new Map(), orphanOffs: 0 };
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
      if (type === 0x51) {
        if (length.value !== 3) refuse(`track ${trackNumber} has a malformed tempo`);
        const microseconds = (bytes[length.next] << 16) + (bytes[length.next + 1] << 8) + bytes[length.next + 2];
        if (microseconds === 0) refuse('the file sets a tempo of zero');
      }
      if (type === 0x58 && length.value !== 4 && length.value !== 2) refuse(`track ${trackNumber} has a malformed time signature`);
      if (type === 0x59 && length.value !== 2) refuse(`track ${trackNumber} has a malformed key signature`);
      if (type === 0x2f && length.value !== 0) refuse(`track ${trackNumber} has a malformed end of track`);
      if (type === 0x00 && length.value !== 2) refuse(`track ${trackNumber} has a malformed sequence number`);
      if ((type === 0x20 || type === 0x21) && length.value !== 1) refuse(`track ${trackNumber} has a malformed prefix`);
      if (type === 0x54 && length.value !== 5) refuse(`track ${trackNumber} has a malformed SMPTE offset`);
      // Running status is kept across meta events, as midi-file (the parser behind) and most readers do.
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
    if (kind === 0x8 || kind === 0x9) {
      const key = (status & 0x0f) * 128 + bytes[dataStart];
      const isOn = kind === 0x9 && bytes[dataStart + 1] > 0;
      if (isOn) {
        notes.ons++;
        if (++tally.notes > MIDI_LIMITS.notes) refuse(`the file has more than ${MIDI_LIMITS.notes} notes`);
        notes.sounding.set(key, (notes.sounding.get(key) ?? 0) + 1);
      } else {
        notes.offs++;
        const open = notes.sounding.get(key) ?? 0;
        if (open > 0) notes.sounding.set(key, open - 1);
        else notes.orphanOffs++;
      }
    }
    at = dataStart + dataLength;
  }
  let unmatchedOns = 0;
  for (const open of notes.sounding.values()) unmatchedOns += open;
  // The parser pairs each note-on with the first later note-off of its pitch by a linear search that
  // skips unmatched note-offs and, for a note-on that never ends, reads every note-off of the track.
  const pairingWork = unmatchedOns * notes.offs + notes.ons * notes.orphanOffs;
  return { ticks, pairingWork };
}

/** The header followed by the track chunks, without copying when nothing else was in between. */
function onlyTrackChunks(bytes: Uint8Array, headerEnd: number, tracks: [number, number][]): Uint8Array {
  let contiguous = true;
  let expected = headerEnd;
  for (const [start, end] of tracks) {
    if (start !== expected) contiguous = false;
    expected = end;
  }
  if (contiguous) return bytes.subarray(0, expected);
  const size = headerEnd + tracks.reduce((sum, [start, end]) => sum + end - start, 0);
  const copy = new Uint8Array(size);
  copy.set(bytes.subarray(0, headerEnd), 0);
  let at = headerEnd;
  for (const [start, end] of tracks) {
    copy.set(bytes.subarray(start, end), at);
    at += end - start;
  }
  return copy;
}

/**
 * Checks that `bytes` are a whole Standard MIDI File of format 0 or 1 within MIDI_LIMITS, or says in
 * plain words why not. Linear in the file size; never throws.
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
    if (format > 1) refuse(`MIDI format ${format} is not supported (only formats 0 and 1)`);
    if (division & 0x8000) refuse('files timed in SMPTE frames are not supported, only in beats');
    if (division === 0) refuse('the file says a beat has zero ticks');
    if (declaredTracks === 0) refuse('the file has no tracks');
    if (declaredTracks > MIDI_LIMITS.tracks) refuse(`the file has more than ${MIDI_LIMITS.tracks} tracks`);
    if (format === 0 && declaredTracks !== 1) refuse('a format 0 file must have exactly one track');
    const tally = { events: 0, notes: 0 };
    let at = 8 + headerLength;
    let tracks = 0;
    let lengthTicks = 0;
    let pairingWork = 0;
    const trackRanges: [number, number][] = [];
    while (tracks < declaredTracks) {
      if (at + 8 > bytes.length) refuse(`the file ends before track ${tracks + 1}`);
      const id = chunkId(bytes, at);
      const length = uint32(bytes, at + 4);
      const end = at + 8 + length;
      if (end > bytes.length) refuse(`the file ends inside track ${tracks + 1}`);
      if (id === 'MTrk') {
        tracks++;
        const track = scanTrack(bytes, at + 8, end, tracks, tally);
        lengthTicks = Math.max(lengthTicks, track.ticks);
        pairingWork += track.pairingWork;
        trackRanges.push([at, end]);
      } else if (!/^[\x20-\x7e]{4}$/.test(id)) {
        refuse('the file holds a damaged chunk');
      } // other chunk types are allowed by the standard and skipped
      at = end;
    }
    if (lengthTicks / division > MIDI_LIMITS.quarterNotes) refuse('the file is hours long; its event times look damaged');
    if (pairingWork > MIDI_LIMITS.pairingWork) refuse('the file has too many notes that never end');
    return {
      ok: true,
      scan: {
        format,
        ppq: division,
        trackCount: tracks,
        noteCount: tally.notes,
        eventCount: tally.events,
        lengthTicks,
        parseable: onlyTrackChunks(bytes, 8 + headerLength, trackRanges),
      },
    };
  } catch (error) {
    if (error instanceof Refused) return { ok: false, reason: error.message };
    return { ok: false, reason: 'the file could not be read as MIDI' };
  }
}
