import { stepsPerBar } from '../meter';
import { newId as defaultNewId } from '../id';
import { createPhrase, type SongDeps } from '../song';
import { LIMITS, type Note, type Phrase, type Section, type Steps, type TimeSignature } from '../types';
import { VALIDATION_LIMITS } from '../validate';
import { quantizeToMelody, type QuantizeReport } from './quantizeTrack';
import type { MidiImportPreview } from './readMidi';
import { parseSectionMarker } from './sectionMarkers';

/**
 * Turning one track of a MIDI preview into phrases and arrangement sections. When the file carries a
 * marker on a bar line at every section start (as Phrasewright's own export does), the sections follow
 * the markers, names, repeats and transpositions included; otherwise the melody is cut every N bars.
 * Identical pieces become one phrase played again, and neighbouring plays of it become repeats.
 */

export interface MidiImportOptions {
  trackIndex: number;
  /** Phrase length when cutting by bars, 1..8 (default: the whole track if it fits in 8 bars, else 4). */
  splitEveryBars?: number;
  /** Base name of the new phrases (default: the track's name). */
  name?: string;
  /** Metre to cut bars with (default: the file's, else 4/4); pass the song's when adding to a song. */
  timeSignature?: TimeSignature;
  /** Follow the file's section markers when they allow (default true). */
  useMarkers?: boolean;
  /** Most new phrases and sections to make; the rest of the track is left out and reported. */
  maxPhrases?: number;
  maxSections?: number;
}

export interface MidiImportReport extends QuantizeReport {
  /** Notes cut at a phrase's end because they sounded across a phrase boundary. */
  cutAtPhraseEnd: number;
  /** Notes left out because the track needed more phrases or sections than allowed. */
  droppedPastLimit: number;
  splitBy: 'markers' | 'bars';
  phraseCount: number;
  sectionCount: number;
}

export type MidiImportResult =
  | { ok: true; phrases: Phrase[]; sections: Section[]; report: MidiImportReport }
  | { ok: false; reason: string };

/** One piece of the melody on the way to becoming a section. */
interface Piece {
  name: string;
  bars: number;
  notes: Note[];
  transpose: number;
  repeats: number;
}

/** Index of the first note starting at or after `step` in notes sorted by start. */
function firstStartingAt(notes: readonly Note[], step: Steps): number {
  let low = 0;
  let high = notes.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (notes[mid].start < step) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Notes (sorted by start) inside [from, from + length), moved to start at 0 and cut at the end; counts the cut ones. */
function notesBetween(notes: readonly Note[], from: Steps, length: Steps, cut: { count: number }, shift = 0): Note[] {
  const inside: Note[] = [];
  for (let i = firstStartingAt(notes, from); i < notes.length && notes[i].start < from + length; i++) {
    const n = notes[i];
    const start = n.start - from;
    const room = length - start;
    if (n.length > room) cut.count++;
    inside.push({ ...n, pitch: n.pitch - shift, start, length: Math.min(n.length, room) });
  }
  return inside;
}

/** Pieces following the markers, or null when the markers do not describe whole-bar sections. */
function piecesFromMarkers(preview: MidiImportPreview, notes: readonly Note[], barSteps: Steps, cut: { count: number }): Piece[] | null {
  const ticksPerStep = preview.ppq / 4;
  const starts = preview.markers.map((m) => ({ step: m.ticks / ticksPerStep, marker: parseSectionMarker(m.text) }));
  if (starts.length === 0 || starts[0].step !== 0) return null;
  const lastNoteEnd = notes.reduce((end, n) => Math.max(end, n.start + n.length), 0);
  const songEnd = Math.max(Math.ceil(preview.lengthTicks / ticksPerStep / barSteps) * barSteps, lastNoteEnd);
  const pieces: Piece[] = [];
  for (let i = 0; i < starts.length; i++) {
    const { step, marker } = starts[i];
    const end = i + 1 < starts.length ? starts[i + 1].step : songEnd;
    const playSteps = (end - step) / marker.repeats;
    const bars = playSteps / barSteps;
    if (!Number.isInteger(step) || !Number.isInteger(bars) || bars < LIMITS.bars.min || bars > LIMITS.bars.max) return null;
    const first = notesBetween(notes, step, playSteps, cut, marker.transpose);
    if (first.some((n) => n.pitch < LIMITS.pitch.min || n.pitch > LIMITS.pitch.max)) return null;
    pieces.push({ name: marker.phraseName, bars, notes: first, transpose: marker.transpose, repeats: marker.repeats });
  }
  return pieces;
}

function piecesByBars(notes: readonly Note[], barSteps: Steps, everyBars: number | undefined, name: string, cut: { count: number }): Piece[] {
  const lastNoteEnd = notes.reduce((end, n) => Math.max(end, n.start + n.length), 0);
  const totalBars = Math.max(1, Math.ceil(lastNoteEnd / barSteps));
  const defaultBars = totalBars <= LIMITS.bars.max ? totalBars : 4;
  const size = Math.min(LIMITS.bars.max, Math.max(LIMITS.bars.min, Math.round(everyBars ?? defaultBars) || defaultBars));
  const pieces: Piece[] = [];
  for (let bar = 0; bar < totalBars; bar += size) {
    const bars = Math.min(size, totalBars - bar);
    const inside = notesBetween(notes, bar * barSteps, bars * barSteps, cut);
    pieces.push({ name: `${name} ${pieces.length + 1}`, bars, notes: inside, transpose: 0, repeats: 1 });
  }
  if (pieces.length === 1) pieces[0].name = name;
  return pieces;
}

function samePiece(a: Pick<Piece, 'bars' | 'notes'>, b: Pick<Piece, 'bars' | 'notes'>): boolean {
  return (
    a.bars === b.bars &&
    a.notes.length === b.notes.length &&
    a.notes.every((n, i) => {
      const m = b.notes[i];
      return n.pitch === m.pitch && n.start === m.start && n.length === m.length && n.velocity === m.velocity;
    })
  );
}

/**
 * Makes phrases and sections from track `trackIndex` of a preview: quantized to sixteenths, monophonic
 * (highest note kept), at most 8 bars per phrase, with a report of every change. Phrases have origin
 * 'imported'; the caller adds them to a song (see addImportToSong).
 * @example importMidi(preview, { trackIndex: 0, splitEveryBars: 4, timeSignature: song.timeSignature })
 */
export function importMidi(preview: MidiImportPreview, options: MidiImportOptions, deps: SongDeps = {}): MidiImportResult {
  const track = preview.tracks[options.trackIndex];
  if (!track) return { ok: false, reason: 'that track is not in the file' };
  const ts = options.timeSignature ?? preview.timeSignature ?? { beats: 4, beatUnit: 4 };
  const barSteps = stepsPerBar(ts);
  const baseName = (options.name ?? track.name).trim().slice(0, VALIDATION_LIMITS.nameLength - 3) || 'Imported';
  const { notes, report: quantized } = quantizeToMelody(track.notes, preview.ppq);
  const cut = { count: 0 };
  const markerCut = { count: 0 };
  const fromMarkers = options.useMarkers === false ? null : piecesFromMarkers(preview, notes, barSteps, markerCut);
  const pieces = fromMarkers ?? piecesByBars(notes, barSteps, options.splitEveryBars, baseName, cut);
  if (fromMarkers) cut.count = markerCut.count;

  const maxPhrases = Math.max(1, options.maxPhrases ?? 64);
  const maxSections = Math.max(1, options.maxSections ?? 256);
  const now = deps.now ?? Date.now();
  const makeId = deps.newId ?? defaultNewId;
  const phrases: Phrase[] = [];
  const sections: Section[] = [];
  let droppedPastLimit = 0;
  const playedPieces = new Map<Phrase, Piece>();
  for (const piece of pieces) {
    let phrase = phrases.find((p) => {
      const played = playedPieces.get(p) as Piece;
      return (fromMarkers ? played.name === piece.name : true) && samePiece(played, piece);
    });
    const previous = sections[sections.length - 1];
    const extendsPrevious =
      phrase && previous && previous.phraseId === phrase.id && previous.transpose === piece.transpose &&
      previous.repeats + piece.repeats <= LIMITS.repeats.max;
    if (!phrase && phrases.length >= maxPhrases) {
      droppedPastLimit += piece.notes.length * piece.repeats;
      continue;
    }
    if (!extendsPrevious && sections.length >= maxSections) {
      droppedPastLimit += piece.notes.length * piece.repeats;
      continue;
    }
    if (!phrase) {
      const name = fromMarkers && phrases.some((p) => p.name === piece.name) ? `${piece.name} ${phrases.length + 1}` : piece.name;
      phrase = {
        ...createPhrase(name.slice(0, VALIDATION_LIMITS.nameLength), piece.bars, { now, newId: makeId }),
        notes: piece.notes,
        origin: { kind: 'imported', action: `import ${baseName}` },
      };
      phrases.push(phrase);
      playedPieces.set(phrase, piece);
    }
    if (extendsPrevious) previous.repeats += piece.repeats;
    else sections.push({ id: makeId(), phraseId: phrase.id, repeats: piece.repeats, transpose: piece.transpose });
  }
  if (phrases.length === 0) return { ok: false, reason: 'the track has no notes to import' };
  return {
    ok: true,
    phrases,
    sections,
    report: {
      ...quantized,
      cutAtPhraseEnd: cut.count,
      droppedPastLimit,
      splitBy: fromMarkers ? 'markers' : 'bars',
      phraseCount: phrases.length,
      sectionCount: sections.length,
    },
  };
}

/** The import's changes in one plain sentence for the user, e.g. "12 notes moved onto the grid; 3 chord notes left out (highest kept)." */
export function describeMidiImport(report: MidiImportReport): string {
  const parts = [`${report.quantizedNotes} notes imported into ${report.phraseCount} phrase${report.phraseCount === 1 ? '' : 's'}`];
  if (report.offGridNotes) parts.push(`${report.offGridNotes} moved onto the sixteenth grid`);
  if (report.droppedForMonophony) parts.push(`${report.droppedForMonophony} left out under higher notes (one note at a time, highest kept)`);
  if (report.shortenedForMonophony) parts.push(`${report.shortenedForMonophony} shortened where a higher note began`);
  if (report.foldedIntoRange) parts.push(`${report.foldedIntoRange} moved by octaves into the piano's range`);
  if (report.cutAtPhraseEnd) parts.push(`${report.cutAtPhraseEnd} cut at a phrase's end`);
  if (report.droppedPastLimit) parts.push(`${report.droppedPastLimit} past the import limit left out`);
  return `${parts.join('; ')}.`;
}
