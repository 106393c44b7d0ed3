import { stepsPerBar } from '../meter';
import { newId as defaultNewId } from '../id';
import { createPhrase, phraseNameAt, type SongDeps } from '../song';
import {
  LIMITS,
  type ChordEvent,
  type Note,
  type Phrase,
  type Section,
  type Steps,
  type TimeSignature,
} from '../types';
import { VALIDATION_LIMITS } from '../validate';
import { transposeChordSymbol } from '../musicxml/harmony';
import { detectGridFeel } from './gridFeel';
import { findTimeline, spansByBars, spansFromMarkers, type Span } from './importSpans';
import { quantizeToMelody, type QuantizeReport } from './quantizeTrack';
import type { MidiImportPreview } from './readMidi';

/**
 * Turning one track of a preview (from a MIDI or MusicXML file) into phrases and arrangement sections,
 * keeping the timeline: bars are counted from the file's real bar lines (a pickup stays in the first
 * phrase), sections follow markers on bar lines or else every N bars, identical pieces become one phrase
 * played again, and when the import reaches its cap it stops at a bar line and says what is left.
 */

export interface MidiImportOptions {
  trackIndex: number;
  /** Phrase length when cutting by bars, 1..8 (default: the whole track if it fits in 8 bars, else 4). */
  splitEveryBars?: number;
  /** Name of the n-th new phrase when no marker names it (default A, B, C ...). */
  nameAt?: (index: number) => string;
  /** Metre to cut bars with (default: the file's, else 4/4). */
  timeSignature?: TimeSignature;
  /** Follow the file's section markers when they allow (default true). */
  useMarkers?: boolean;
  /** Most new phrases and sections to make; the import stops at the bar line where either would be passed. */
  maxPhrases?: number;
  maxSections?: number;
  /** Start at this bar of the import's timeline (0-based): "import the rest" after a capped import. */
  fromBar?: number;
  /** Ticks per song step: ppq / 4 (default), or ppq / 2 to write the file's eighths as sixteenths. */
  ticksPerStep?: number;
  /** Place notes on a grid swung by this much (the swing the song will play with); default straight. */
  swing?: number;
}

export interface MidiImportReport extends QuantizeReport {
  /** Notes cut at a phrase's end because they sounded across a phrase boundary. */
  cutAtPhraseEnd: number;
  splitBy: 'markers' | 'bars';
  phraseCount: number;
  sectionCount: number;
  /** Notes that made it into the song (after the line was made and any cap). */
  notesImported: number;
  /** Length of the pickup in steps (0: none). */
  pickupSteps: Steps;
  /** Swing the notes were placed with (0: straight). */
  swing: number;
  /** The swing the track is played with, when it clearly has one (offer it as the song's swing). */
  detectedSwing: number | null;
  /** Notes on triplet positions, which the sixteenth grid cannot hold. */
  tripletNotes: number;
  /** When the cap stopped the import: the bar (0-based, the import's timeline) where the rest begins. */
  stoppedAtBar: number | null;
  /** Bars and notes left out after stoppedAtBar. */
  barsLeftOut: number;
  notesLeftOut: number;
  /** Bars in the whole timeline of the track (pickup bar included). */
  totalBars: number;
}

export type MidiImportResult =
  { ok: true; phrases: Phrase[]; sections: Section[]; report: MidiImportReport } | { ok: false; reason: string };

/** One play of a span, its notes moved to start at 0. */
interface Piece {
  span: Span;
  notes: Note[];
  chords: ChordEvent[];
}

/** Index of the first note starting at or after `step` in notes sorted by start. */
function firstStartingAt(notes: readonly { start: Steps }[], step: Steps): number {
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

/** Chords sounding in [from, from + length), moved to start at 0; the chord already sounding at `from` opens the piece. */
function chordsBetween(chords: readonly ChordEvent[], from: Steps, length: Steps, transpose = 0): ChordEvent[] {
  const inside: ChordEvent[] = [];
  const i = firstStartingAt(chords, from);
  const sounding = chords[i]?.start === from ? undefined : chords[i - 1];
  if (sounding) inside.push({ start: 0, symbol: sounding.symbol });
  for (let j = i; j < chords.length && chords[j].start < from + length; j++)
    inside.push({ start: chords[j].start - from, symbol: chords[j].symbol });
  return transpose === 0 ? inside : inside.map((c) => ({ ...c, symbol: transposeChordSymbol(c.symbol, -transpose) }));
}

function samePiece(a: Piece, b: Piece): boolean {
  const sameNotes =
    a.notes.length === b.notes.length &&
    a.notes.every((n, i) => {
      const m = b.notes[i];
      return n.pitch === m.pitch && n.start === m.start && n.length === m.length && n.velocity === m.velocity;
    });
  return (
    a.span.bars === b.span.bars &&
    sameNotes &&
    a.chords.length === b.chords.length &&
    a.chords.every((c, i) => c.start === b.chords[i].start && c.symbol === b.chords[i].symbol)
  );
}

/**
 * Makes phrases and sections from track `trackIndex` of a preview: aligned to the file's grid phase,
 * quantized to sixteenths, one note at a time, at most 8 bars per phrase, with a report of every change.
 * Phrases have origin 'imported'; the caller makes a song of them or adds them to one (addImportToSong).
 * @example importMidi(preview, { trackIndex: 0, splitEveryBars: 4 })
 */
export function importMidi(
  preview: MidiImportPreview,
  options: MidiImportOptions,
  deps: SongDeps = {},
): MidiImportResult {
  const track = preview.tracks[options.trackIndex];
  if (!track) return { ok: false, reason: 'that track is not in the file' };
  const ts = options.timeSignature ?? preview.timeSignature ?? { beats: 4, beatUnit: 4 };
  const barSteps = stepsPerBar(ts);
  const ticksPerStep = options.ticksPerStep ?? preview.ppq / 4;
  const swing = Math.min(LIMITS.swing.max, Math.max(0, options.swing ?? 0));
  const feel = detectGridFeel(
    track.notes.map((n) => n.ticks),
    preview.ppq,
    ticksPerStep,
  );
  const { notes: fileNotes, report: quantized } = quantizeToMelody(track.notes, {
    ticksPerStep,
    phaseTicks: feel.phaseTicks,
    swing,
  });
  const toFileStep = (ticks: number) => (ticks - feel.phaseTicks) / ticksPerStep;

  // The timeline: a pickup moves everything so the bar lines fall on whole bars; fromBar drops what came before.
  const timeline = findTimeline(fileNotes, barSteps, Math.round(preview.pickupTicks / ticksPerStep));
  const fromStep = Math.max(0, Math.floor(options.fromBar ?? 0)) * barSteps;
  const toStep = (ticks: number) => toFileStep(ticks) + timeline.shift - fromStep;
  const notes = fileNotes
    .map((n) => ({ ...n, start: n.start + timeline.shift - fromStep }))
    .filter((n) => n.start >= 0);
  const chords = (track.chords ?? [])
    .map((c) => ({ start: Math.round(toStep(c.ticks)), symbol: c.symbol }))
    .filter((c) => c.start >= 0)
    .sort((a, b) => a.start - b.start);
  if (notes.length === 0)
    return {
      ok: false,
      reason: fromStep > 0 ? 'there are no notes left to import after that bar' : 'the track has no notes to import',
    };
  const lastNoteEnd = notes.reduce((end, n) => Math.max(end, n.start + n.length), 0);
  const totalBars = Math.max(1, Math.ceil(lastNoteEnd / barSteps));
  const defaultSize = totalBars <= LIMITS.bars.max ? totalBars : 4;
  const size = Math.min(
    LIMITS.bars.max,
    Math.max(LIMITS.bars.min, Math.round(options.splitEveryBars ?? defaultSize) || defaultSize),
  );
  const timelineHere = fromStep > 0 ? { shift: 0, pickupSteps: 0, pickupBar: 0 } : timeline;
  const markers =
    options.useMarkers === false
      ? null
      : spansFromMarkers(preview.markers, toStep, totalBars, barSteps, size, timelineHere);
  const spans = markers ?? spansByBars(totalBars, size, timelineHere);

  const maxPhrases = Math.max(1, options.maxPhrases ?? 64);
  const maxSections = Math.max(1, options.maxSections ?? 256);
  const now = deps.now ?? Date.now();
  const makeId = deps.newId ?? defaultNewId;
  const nameAt = options.nameAt ?? phraseNameAt;
  const phrases: Phrase[] = [];
  const sections: Section[] = [];
  const pieceOf = new Map<Phrase, Piece>();
  const usedNames = new Set<string>();
  const cut = { count: 0 };
  let stoppedAtBar: number | null = null;
  let seriesIndex = 0;
  for (const span of spans) {
    const stepsPerPlay = span.bars * barSteps;
    const start = span.start * barSteps;
    const cutHere = { count: 0 };
    const piece: Piece = {
      span,
      notes: notesBetween(notes, start, stepsPerPlay, cutHere, span.transpose),
      chords: chordsBetween(chords, start, stepsPerPlay, span.transpose),
    };
    if (piece.notes.some((n) => n.pitch < LIMITS.pitch.min || n.pitch > LIMITS.pitch.max)) {
      piece.notes = notesBetween(notes, start, stepsPerPlay, { count: 0 });
      piece.chords = chordsBetween(chords, start, stepsPerPlay);
      span.transpose = 0;
    }
    let phrase = phrases.find((p) => {
      const earlier = pieceOf.get(p) as Piece;
      return (span.name === null || earlier.span.name === span.name) && samePiece(earlier, piece);
    });
    const previous = sections[sections.length - 1];
    const extendsPrevious =
      phrase !== undefined &&
      previous?.phraseId === phrase.id &&
      previous.transpose === span.transpose &&
      previous.repeats + span.repeats <= LIMITS.repeats.max;
    if ((!phrase && phrases.length >= maxPhrases) || (!extendsPrevious && sections.length >= maxSections)) {
      stoppedAtBar = span.start;
      break;
    }
    cut.count += cutHere.count;
    if (!phrase) {
      let name =
        (span.name ?? nameAt(seriesIndex++)).trim().slice(0, VALIDATION_LIMITS.nameLength) || nameAt(seriesIndex++);
      for (let n = 2; usedNames.has(name); n++)
        name = `${(span.name ?? 'Phrase').slice(0, VALIDATION_LIMITS.nameLength - 4)} ${n}`;
      usedNames.add(name);
      phrase = {
        ...createPhrase(name, span.bars, { now, newId: makeId }),
        notes: piece.notes,
        ...(piece.chords.length > 0 ? { chords: piece.chords } : {}),
        origin: { kind: 'imported', action: `import ${(preview.name || track.name).slice(0, 60)}` },
      };
      phrases.push(phrase);
      pieceOf.set(phrase, piece);
    }
    if (extendsPrevious) previous.repeats += span.repeats;
    else sections.push({ id: makeId(), phraseId: phrase.id, repeats: span.repeats, transpose: span.transpose });
  }
  if (phrases.length === 0) return { ok: false, reason: 'the track has no notes to import' };
  const stopStep = stoppedAtBar === null ? Infinity : stoppedAtBar * barSteps;
  const notesLeftOut = stoppedAtBar === null ? 0 : notes.length - firstStartingAt(notes, stopStep);
  return {
    ok: true,
    phrases,
    sections,
    report: {
      ...quantized,
      notesImported: notes.length - notesLeftOut,
      cutAtPhraseEnd: cut.count,
      splitBy: markers ? 'markers' : 'bars',
      phraseCount: phrases.length,
      sectionCount: sections.length,
      pickupSteps: timelineHere.pickupSteps,
      swing,
      detectedSwing: feel.swing,
      // On a swung grid the late off-beats are the swing itself, not triplets to flatten.
      tripletNotes: swing > 0 ? 0 : feel.tripletNotes,
      stoppedAtBar,
      barsLeftOut: stoppedAtBar === null ? 0 : totalBars - stoppedAtBar,
      notesLeftOut,
      totalBars,
    },
  };
}
