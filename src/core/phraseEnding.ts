import { stepsPerBar, stepsPerBeat } from './meter';
import type { Note, Steps, TimeSignature } from './types';

/**
 * Where a phrase's last note sits, for the ending rules and their measurement. In the Nottingham tunes the
 * longest note of a 4- or 8-bar phrase's last bar starts on the downbeat (70%) or half a bar in (26%) and is a
 * chord tone 90% of the time; the very last note starts on the final sixteenth 5% of the time.
 */

/** First step of the cadence note in a candidate of `steps` steps: half a bar before its end, on a beat. */
export function cadenceStart(steps: Steps, ts: TimeSignature): Steps {
  const bar = stepsPerBar(ts);
  const beat = stepsPerBeat(ts);
  const half = Math.max(beat, Math.floor(bar / 2 / beat) * beat);
  return Math.max(0, steps - bar + half);
}

export interface LastNote {
  note: Note;
  /** It starts on the last step (a lone sixteenth before the end). */
  onLastStep: boolean;
  /** It sounds up to the end. */
  heldToEnd: boolean;
}

/** The last note of notes in [0, steps), or null when there is none. */
export function lastNote(notes: readonly Note[], steps: Steps): LastNote | null {
  const inside = notes.filter((n) => n.start >= 0 && n.start < steps);
  if (inside.length === 0) return null;
  const note = inside.reduce((a, b) => (b.start > a.start ? b : a));
  return { note, onLastStep: note.start === steps - 1, heldToEnd: note.start + note.length >= steps };
}
