import { stepsPerBar } from '../meter';
import { beatGroups, groupBoundaries, isCompound, notePieces, restPieces } from './beats';
import type { ChordEvent, KeySignature, MidiPitch, Note, Steps, TimeSignature } from '../types';

/**
 * A phrase (or a whole song laid end to end) as written music: bars of notes and rests whose lengths are
 * note values a staff can show, long notes split at bar lines (and into writable values) with ties, chord
 * symbols on the note or rest where they start. Pure data, so it is tested without a renderer.
 */

/** One written symbol: a note (maybe tied to the next) or a rest. Lengths are sixteenth steps. */
export interface NotationEvent {
  kind: 'note' | 'rest';
  /** Absolute step where the symbol starts. */
  start: Steps;
  /** A writable value: 1, 2, 3, 4, 6, 8, 12 or 16 sixteenths. */
  length: Steps;
  pitch?: MidiPitch;
  /** True when the note continues into the next symbol (a tie). */
  tieToNext?: boolean;
  /** Index of the source note in the input's notes; the same for every tied piece of it. */
  noteIndex?: number;
  /** Chord symbol that starts on this symbol. */
  chord?: string;
}

export interface NotationBar {
  /** 0-based bar number. */
  index: number;
  events: NotationEvent[];
}

export interface NotationModel {
  key: KeySignature;
  timeSignature: TimeSignature;
  clef: 'treble' | 'bass';
  bars: NotationBar[];
}

export interface NotationInput {
  notes: readonly Note[];
  chords?: readonly ChordEvent[];
  bars: number;
  timeSignature: TimeSignature;
  key: KeySignature;
}

/** Note values a single symbol can have, longest first (whole, dotted half, half, dotted quarter ...). */
const WRITABLE: readonly Steps[] = [16, 12, 8, 6, 4, 3, 2, 1];

/**
 * Splits a span inside one bar into writable values. Each piece ends on or before the next beat boundary
 * when it starts off the beat, so syncopations are written across the beat with a tie, as a reader expects.
 * @example writableLengths(0, 5, 4) → [4, 1]; writableLengths(3, 2, 4) → [1, 1]
 */
export function writableLengths(offsetInBar: Steps, length: Steps, beat: Steps): Steps[] {
  const pieces: Steps[] = [];
  let at = offsetInBar;
  let left = length;
  while (left > 0) {
    const toBeat = at % beat === 0 ? left : Math.min(left, beat - (at % beat));
    const piece = WRITABLE.find((v) => v <= toBeat) ?? 1;
    pieces.push(piece);
    at += piece;
    left -= piece;
  }
  return pieces;
}

/** Treble unless most of the melody sits below the treble staff (then bass). */
export function chooseClef(notes: readonly Note[]): 'treble' | 'bass' {
  if (notes.length === 0) return 'treble';
  const sorted = notes.map((n) => n.pitch).sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] < 57 ? 'bass' : 'treble';
}

/**
 * Builds the written form of a melody: bars of notes and rests, ties across bar lines and chord changes.
 * Notes past the last bar are cut; overlapping notes are cut at the next start (phrases are monophonic).
 */
export function buildNotation(input: NotationInput): NotationModel {
  const perBar = stepsPerBar(input.timeSignature);
  // Notes and rests are written against the metre's beat groups (core/notation/beats), as a printed score is.
  const bounds = groupBoundaries(beatGroups(input.timeSignature));
  const compound = isCompound(input.timeSignature);
  const total = Math.max(1, input.bars) * perBar;
  const chords = [...(input.chords ?? [])]
    .filter((c) => c.start >= 0 && c.start < total)
    .sort((a, b) => a.start - b.start);
  const chordAt = new Map<Steps, string>();
  for (const c of chords) chordAt.set(c.start, c.symbol);

  // Cut points: bar lines and chord changes; every symbol lies between two consecutive cuts.
  const cuts = new Set<Steps>([total]);
  for (let s = 0; s < total; s += perBar) cuts.add(s);
  for (const c of chords) cuts.add(c.start);
  const sortedCuts = [...cuts].sort((a, b) => a - b);
  const nextCut = (step: Steps) => sortedCuts.find((c) => c > step) ?? total;

  const order = input.notes.map((n, i) => ({ n, i })).sort((a, b) => a.n.start - b.n.start);
  const bars: NotationBar[] = Array.from({ length: Math.max(1, input.bars) }, (_, index) => ({ index, events: [] }));
  const push = (event: NotationEvent) => {
    const chord = chordAt.get(event.start);
    if (chord !== undefined) {
      event.chord = chord;
      chordAt.delete(event.start);
    }
    bars[Math.floor(event.start / perBar)].events.push(event);
  };
  const emit = (kind: 'note' | 'rest', from: Steps, to: Steps, pitch?: MidiPitch, noteIndex?: number) => {
    let at = from;
    while (at < to) {
      const segmentEnd = Math.min(to, nextCut(at));
      const pieces =
        kind === 'note'
          ? notePieces(at % perBar, segmentEnd - at, bounds)
          : restPieces(at % perBar, segmentEnd - at, bounds, perBar, compound);
      for (const length of pieces) {
        const event: NotationEvent = { kind, start: at, length };
        if (kind === 'note') Object.assign(event, { pitch, noteIndex, tieToNext: at + length < to });
        push(event);
        at += length;
      }
    }
  };

  let cursor: Steps = 0;
  order.forEach(({ n, i }, k) => {
    const start = Math.max(cursor, n.start);
    const following = order[k + 1]?.n.start ?? total;
    const end = Math.min(total, n.start + n.length, following);
    if (start >= total || end <= start) return;
    if (start > cursor) emit('rest', cursor, start);
    emit('note', start, end, n.pitch, i);
    cursor = end;
  });
  if (cursor < total) emit('rest', cursor, total);
  return { key: input.key, timeSignature: input.timeSignature, clef: chooseClef(input.notes), bars };
}
