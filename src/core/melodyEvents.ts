import type { MidiPitch, Note, Steps } from './types';

/**
 * The melody event codec Magenta's MelodyConverter uses, as plain arrays: one event per sixteenth step,
 * `0` = no event (the current note holds, or the rest goes on), `1` = note off, `2 + (pitch - minPitch)` =
 * a note starts (and ends the one before). A model's class index is exactly this event value, so the
 * sampler and the training pipeline share one encoding without a tensor library.
 */

export const NO_EVENT = 0;
export const NOTE_OFF = 1;
export const FIRST_PITCH_EVENT = 2;

/** The inclusive pitch range a melody model was trained on (MelodyConverter's minPitch..maxPitch). */
export interface MelodyRange {
  minPitch: MidiPitch;
  maxPitch: MidiPitch;
}

/** Number of event classes for a range: pitches + no-event + note-off (48..83 → 38). */
export function melodyEventDepth(range: MelodyRange): number {
  return range.maxPitch - range.minPitch + 1 + FIRST_PITCH_EVENT;
}

/** The event that starts `pitch`; throws when the pitch is outside the range, as MelodyConverter does. */
export function noteOnEvent(pitch: MidiPitch, range: MelodyRange): number {
  if (pitch < range.minPitch || pitch > range.maxPitch) {
    throw new RangeError(`Pitch ${pitch} is outside the model's range ${range.minPitch}..${range.maxPitch}`);
  }
  return pitch - range.minPitch + FIRST_PITCH_EVENT;
}

/** The pitch an event starts, or null for no-event and note-off. */
export function eventPitch(event: number, range: MelodyRange): MidiPitch | null {
  return event >= FIRST_PITCH_EVENT ? event - FIRST_PITCH_EVENT + range.minPitch : null;
}

/**
 * Moves a pitch by whole octaves until it lies in the range (the range must span an octave or more);
 * how a primer from a wider grid is made acceptable to a model without changing its pitch classes.
 */
export function foldIntoRange(pitch: MidiPitch, range: MelodyRange): MidiPitch {
  let p = pitch;
  while (p < range.minPitch) p += 12;
  while (p > range.maxPitch) p -= 12;
  return p < range.minPitch ? range.minPitch : p;
}

/**
 * Encodes notes into `steps` events with MelodyConverter semantics: notes sorted by start (highest pitch
 * first on ties), a second note on the same start is dropped, each note writes its start and a note-off at
 * its end (a later start overwrites that note-off); events past `steps` are cut.
 * Pitches outside the range are octave-folded when `fold` is set, else they throw.
 *
 * @example encodeMelodyEvents([{ pitch: 60, start: 0, length: 2, velocity: 90 }], 4, { minPitch: 48, maxPitch: 83 })
 *          // → [14, 0, 1, 0]
 */
export function encodeMelodyEvents(
  notes: readonly Note[],
  steps: Steps,
  range: MelodyRange,
  options: { fold?: boolean } = {},
): Int32Array {
  const events = new Int32Array(steps);
  const sorted = [...notes].sort((a, b) => (a.start === b.start ? b.pitch - a.pitch : a.start - b.start));
  let lastStart = -1;
  for (const note of sorted) {
    if (note.start === lastStart) continue;
    lastStart = note.start;
    if (note.start < 0 || note.start >= steps) continue;
    const pitch = options.fold ? foldIntoRange(note.pitch, range) : note.pitch;
    events[note.start] = noteOnEvent(pitch, range);
    const end = note.start + note.length;
    if (end < steps) events[end] = NOTE_OFF;
  }
  return events;
}

/**
 * Decodes events into notes with MelodyConverter semantics (a note lasts until the next note-on or
 * note-off, or the end); `velocity` is given to every note since events carry none.
 */
export function decodeMelodyEvents(events: ArrayLike<number>, range: MelodyRange, velocity = 96): Note[] {
  const notes: Note[] = [];
  let current: Note | null = null;
  for (let step = 0; step < events.length; step++) {
    const event = events[step];
    if (event === NO_EVENT) continue;
    if (current) {
      current.length = step - current.start;
      notes.push(current);
      current = null;
    }
    const pitch = eventPitch(event, range);
    if (pitch !== null) current = { pitch, start: step, length: 0, velocity };
  }
  if (current) {
    current.length = events.length - current.start;
    notes.push(current);
  }
  return notes;
}
