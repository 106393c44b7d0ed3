import { FIRST_PITCH_EVENT, NO_EVENT, NOTE_OFF } from '../../core/melodyEvents';

/**
 * Monophonic melodies of the corpus as one pitch event per sixteenth step: a MIDI pitch (a note starts),
 * RELEASE (the note ends) or HOLD (nothing happens). Pitches are absolute, so transposing a tune for
 * augmentation is a plain add and no model range is needed yet. A window becomes a model's classes through
 * the one MelodyConverter codec in core/melodyEvents.ts (`eventClass`), the codec the sampler uses too.
 */

/** No event at this step: the note holds, or the rest goes on. */
export const HOLD = -2;
/** The sounding note ends at this step. */
export const RELEASE = -1;

/** A note on the sixteenth grid: [start, end) in steps. */
export interface GridNote {
  pitch: number;
  start: number;
  end: number;
}

/**
 * Events of a melody: where notes start together the highest wins, and a note still sounding when the
 * next starts is cut there (a new note-on ends the previous note, as in MelodyConverter).
 */
export function notesToEvents(notes: GridNote[], totalSteps?: number): Int16Array {
  const byStart = new Map<number, GridNote>();
  for (const n of notes) {
    const kept = byStart.get(n.start);
    if (!kept || n.pitch > kept.pitch) byStart.set(n.start, n);
  }
  const melody = [...byStart.values()].sort((a, b) => a.start - b.start);
  const lastEnd = melody.reduce((m, n) => Math.max(m, n.end), 0);
  const length = Math.max(totalSteps ?? 0, lastEnd + 1);
  const events = new Int16Array(length).fill(HOLD);
  melody.forEach((n, i) => {
    const next = melody[i + 1];
    const end = Math.max(n.start + 1, next ? Math.min(n.end, next.start) : n.end);
    events[n.start] = n.pitch;
    if (end < length && events[end] === HOLD) events[end] = RELEASE;
  });
  return events;
}

/** Notes of an event list (a note lasts until the next note-on or note-off, or the end). */
export function eventsToNotes(events: ArrayLike<number>): GridNote[] {
  const notes: GridNote[] = [];
  let open: GridNote | null = null;
  for (let s = 0; s < events.length; s++) {
    const e = events[s];
    if (e === HOLD) continue;
    if (open) {
      open.end = s;
      notes.push(open);
      open = null;
    }
    if (e >= 0) open = { pitch: e, start: s, end: s + 1 };
  }
  if (open) {
    open.end = events.length;
    notes.push(open);
  }
  return notes;
}

/** The MelodyConverter class of one pitch event; pitches must lie in [minPitch, maxPitch]. */
export function eventClass(event: number, minPitch: number): number {
  if (event === HOLD) return NO_EVENT;
  if (event === RELEASE) return NOTE_OFF;
  return event - minPitch + FIRST_PITCH_EVENT;
}

/** The pitch event of one MelodyConverter class. */
export function classEvent(cls: number, minPitch: number): number {
  if (cls === NO_EVENT) return HOLD;
  if (cls === NOTE_OFF) return RELEASE;
  return cls - FIRST_PITCH_EVENT + minPitch;
}

/** Lowest and highest pitch of an event list, or null if it has no notes. */
export function pitchSpan(events: ArrayLike<number>): { low: number; high: number } | null {
  let low = Infinity;
  let high = -Infinity;
  for (let i = 0; i < events.length; i++) {
    const e = events[i];
    if (e >= 0) {
      low = Math.min(low, e);
      high = Math.max(high, e);
    }
  }
  return low === Infinity ? null : { low, high };
}
