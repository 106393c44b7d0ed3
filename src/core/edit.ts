import { LIMITS, type MidiPitch, type Note, type Steps, type Velocity } from './types';

/**
 * Monophonic note editing on the step grid, with the semantics of the UI contract. Every function takes
 * and returns a sorted, non-overlapping note list (a new array; inputs are never mutated), so the grid,
 * the store and the model all see phrases the melody models can read: at most one note at any step.
 */

export const DEFAULT_VELOCITY: Velocity = 96;

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), max);
}

/**
 * Sorts by start, keeps only the highest pitch of notes starting together, cuts each note at the next
 * one, drops notes outside 0..totalSteps, clips lengths to the phrase end and to at least one step,
 * rounds to whole steps and clamps pitches (to LIMITS.pitch) and velocities. Pass Infinity for
 * `totalSteps` to normalise without a phrase length.
 */
export function normalizeMonophonic(notes: readonly Note[], totalSteps: Steps): Note[] {
  const candidates = notes
    .filter((n) => [n.pitch, n.start, n.length, n.velocity].every(Number.isFinite))
    .map((n) => ({
      pitch: clamp(Math.round(n.pitch), LIMITS.pitch.min, LIMITS.pitch.max),
      start: Math.round(n.start),
      length: Math.max(1, Math.round(n.length)),
      velocity: clamp(Math.round(n.velocity), LIMITS.velocity.min, LIMITS.velocity.max),
      // The author travels with the note (core/authorship decides when an edit changes it).
      ...(n.by ? { by: n.by } : {}),
    }))
    .filter((n) => n.start >= 0 && n.start < totalSteps)
    .sort((a, b) => a.start - b.start || b.pitch - a.pitch);
  const result: Note[] = [];
  for (const note of candidates) {
    const previous = result[result.length - 1];
    if (previous && previous.start === note.start) continue; // a higher pitch already took this start
    if (previous && previous.start + previous.length > note.start) previous.length = note.start - previous.start;
    result.push({ ...note, length: Math.min(note.length, totalSteps - note.start) });
  }
  return result;
}

/** The note sounding at `step` (start <= step < start + length), or undefined. */
export function noteAt(notes: readonly Note[], step: Steps): Note | undefined {
  return notes.find((n) => n.start <= step && step < n.start + n.length);
}

/** The note starting exactly at `start`, or undefined. */
export function noteStartingAt(notes: readonly Note[], start: Steps): Note | undefined {
  return notes.find((n) => n.start === start);
}

/** Removes whatever starts at `step` and cuts a note sounding across `step` to end there. */
function clearFrom(notes: readonly Note[], step: Steps): Note[] {
  const result: Note[] = [];
  for (const n of notes) {
    if (n.start === step) continue;
    if (n.start < step && n.start + n.length > step) result.push({ ...n, length: step - n.start });
    else result.push({ ...n });
  }
  return result;
}

/**
 * A click on cell (pitch, step): on the first cell of a note of that pitch it removes the note; anywhere
 * else it adds a note of `length` steps (default one; cut at the next note and the phrase end), replacing a
 * note that starts on that step and cutting one that sounds across it. Steps outside the phrase change nothing.
 */
export function toggleNoteAt(
  notes: readonly Note[],
  pitch: MidiPitch,
  step: Steps,
  totalSteps: Steps,
  velocity: Velocity = DEFAULT_VELOCITY,
  length: Steps = 1,
): Note[] {
  if (!(step >= 0 && step < totalSteps)) return normalizeMonophonic(notes, totalSteps);
  const starting = noteStartingAt(notes, step);
  if (starting && starting.pitch === pitch) return removeNoteAt(notes, step);
  const cleared = clearFrom(notes, step);
  const next = cleared.filter((n) => n.start > step).reduce((at, n) => Math.min(at, n.start), totalSteps);
  const wanted = Number.isFinite(length) ? Math.max(1, Math.round(length)) : 1;
  return normalizeMonophonic(
    [...cleared, { pitch, start: step, length: Math.min(wanted, next - step), velocity }],
    totalSteps,
  );
}

/** Removes the note that starts at `start` (no change when none does). */
export function removeNoteAt(notes: readonly Note[], start: Steps): Note[] {
  return notes.filter((n) => n.start !== start).map((n) => ({ ...n }));
}

/**
 * Sets the length of the note starting at `start`: at least one step, never into the next note and
 * never past the phrase end (Shift+Right/Left and dragging a note's end).
 */
export function setNoteLength(notes: readonly Note[], start: Steps, length: Steps, totalSteps: Steps): Note[] {
  const sorted = normalizeMonophonic(notes, totalSteps);
  const index = sorted.findIndex((n) => n.start === start);
  if (index < 0) return sorted;
  const next = sorted[index + 1];
  const room = (next ? next.start : totalSteps) - start;
  sorted[index] = { ...sorted[index], length: clamp(Math.round(length), 1, room) };
  return sorted;
}

/**
 * Moves the note starting at `fromStart` to (`toStart`, `toPitch`), as a drag does. The moved note
 * replaces a note starting there and cuts one sounding across its new start; it keeps its length where
 * that fits and is cut at the next note or the phrase end where it does not. `toStart` is clamped into
 * the phrase.
 */
export function moveNote(
  notes: readonly Note[],
  fromStart: Steps,
  toStart: Steps,
  toPitch: MidiPitch,
  totalSteps: Steps,
): Note[] {
  const moving = noteStartingAt(notes, fromStart);
  if (!moving || totalSteps < 1) return normalizeMonophonic(notes, totalSteps);
  const start = clamp(Math.round(toStart), 0, totalSteps - 1);
  const others = clearFrom(
    notes.filter((n) => n !== moving),
    start,
  );
  const next = others.filter((n) => n.start > start).sort((a, b) => a.start - b.start)[0];
  const room = (next ? next.start : totalSteps) - start;
  const moved = { ...moving, start, pitch: toPitch, length: Math.min(moving.length, room) };
  return normalizeMonophonic([...others, moved], totalSteps);
}

/** Fits notes into a phrase of a new length: notes starting past the end go, the last one is clipped. */
export function resizePhrase(notes: readonly Note[], totalSteps: Steps): Note[] {
  return normalizeMonophonic(notes, totalSteps);
}
