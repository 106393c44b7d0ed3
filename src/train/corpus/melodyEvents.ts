/**
 * Monophonic melodies as one event per sixteenth step, in absolute MIDI pitches (so transposition is a
 * plain add), and their MelodyConverter classes: 0 = no event (hold or rest), 1 = note off,
 * 2 + (pitch - minPitch) = note on.
 */

export const NO_EVENT = -2;
export const NOTE_OFF = -1;

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
  const events = new Int16Array(length).fill(NO_EVENT);
  melody.forEach((n, i) => {
    const next = melody[i + 1];
    const end = Math.max(n.start + 1, next ? Math.min(n.end, next.start) : n.end);
    events[n.start] = n.pitch;
    if (end < length && events[end] === NO_EVENT) events[end] = NOTE_OFF;
  });
  return events;
}

/** Notes of an event list (a note lasts until the next note-on or note-off, or the end). */
export function eventsToNotes(events: ArrayLike<number>): GridNote[] {
  const notes: GridNote[] = [];
  let open: GridNote | null = null;
  for (let s = 0; s < events.length; s++) {
    const e = events[s];
    if (e === NO_EVENT) continue;
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

/** MelodyConverter depth for an inclusive pitch range (48..83 gives 38). */
export function melodyDepth(minPitch: number, maxPitch: number): number {
  return maxPitch - minPitch + 3;
}

/** The MelodyConverter class of one event; pitches must lie in [minPitch, maxPitch]. */
export function eventClass(event: number, minPitch: number): number {
  if (event === NO_EVENT) return 0;
  if (event === NOTE_OFF) return 1;
  return event - minPitch + 2;
}

/** The event of one MelodyConverter class. */
export function classEvent(cls: number, minPitch: number): number {
  if (cls === 0) return NO_EVENT;
  if (cls === 1) return NOTE_OFF;
  return cls - 2 + minPitch;
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
