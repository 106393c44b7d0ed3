import type { MidiPitch, Note, Steps, Velocity } from '../core/types';

/**
 * Real-time recording on the grid: a key held from one playhead position to another becomes a note on the
 * nearest steps. Positions are fractional steps inside the looping phrase, read from the engine's playhead
 * and corrected for how long ago the key moved (the event's timestamp), so a late JavaScript callback does
 * not make a late note.
 */

/** A key as it was pressed and released, in fractional phrase steps. */
export interface HeldKey {
  pitch: MidiPitch;
  velocity: Velocity;
  onStep: Steps;
  offStep: Steps;
}

/** The playhead position `lagMs` ago, wrapped into the phrase: where a key pressed then belongs. */
export function stepAtEvent(playheadStep: Steps, lagMs: number, msPerStep: number, phraseSteps: Steps): Steps {
  const step = playheadStep - Math.max(0, lagMs) / msPerStep;
  return ((step % phraseSteps) + phraseSteps) % phraseSteps;
}

/**
 * The note a held key makes: start rounded to the nearest step (a key a hair early lands on the beat, and
 * one rounded up to the phrase end wraps to step 0), length rounded to whole steps, at least one, and
 * measured across the loop's end when the key was held over it.
 */
export function quantizeHeldKey(key: HeldKey, phraseSteps: Steps): Note {
  const start = Math.round(key.onStep) % phraseSteps;
  let held = key.offStep - key.onStep;
  if (held < 0) held += phraseSteps;
  const length = Math.max(1, Math.min(phraseSteps - start, Math.round(held)));
  return { pitch: key.pitch, start, length, velocity: key.velocity };
}
