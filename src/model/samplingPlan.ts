import {
  decodeMelodyEvents,
  encodeMelodyEvents,
  foldIntoRange,
  NO_EVENT,
  NOTE_OFF,
  noteOnEvent,
  FIRST_PITCH_EVENT,
  type MelodyRange,
} from '../core/melodyEvents';
import type { Note } from '../core/types';
import { chordsPerStep, encodeChord } from './chordEncoding';
import type { MelodyRnnSpec } from './checkpointSpec';
import { applyEnding } from './endingPlan';
import { ModelError, type ProposalRequest } from './types';

/**
 * Turns a ProposalRequest into the arrays the batch sampler consumes: primer events, per-step forced
 * events and bans from locked notes, the allowed note-ons from scale and range, and the conditioning
 * (chord of step i + 1, BinaryCounter of step i) Magenta feeds beside each event. Pure, so every rule
 * about constraints is tested without tfjs.
 */

export const MAX_CANDIDATES = 16;
/** Largest batch a fill samples before it keeps the best (candidates x over-sampling). */
export const MAX_FILL_BATCH = 64;
export const MAX_STEPS = 256;
/** Forced-event marker for a free step. */
export const FREE = -1;

/** Values of SamplingPlan.mustChange. */
export const MUST_CHANGE = 1;
export const MUST_START_NOTE = 2;

export interface SamplingPlan {
  batch: number;
  /** The events fed before the candidate; at least one. */
  primerEvents: Int32Array;
  /** Steps to generate per candidate. */
  steps: number;
  temperature: number;
  seed: number;
  /** Per generated step: the event it must be, or FREE. */
  forced: Int32Array;
  /**
   * Per generated step: MUST_CHANGE when "no event" is banned (a locked note ends here: note-off or a new
   * note), MUST_START_NOTE when only a new note may come.
   */
  mustChange: Uint8Array;
  /** Per event class: 1 when a free draw may pick it (no-event and note-off always may). */
  allowed: Uint8Array;
  /** Per generated step, an extra mask over event classes (1 = may be drawn), or null; set by the ending rules. */
  stepMasks?: (Uint8Array | null)[];
  /**
   * Conditioning per input step i (0 .. primer + steps - 2), `conditionWidth` floats each, laid out as Magenta
   * concatenates them around the event: [chord(i + 1) | event one-hot | aux(i)]; `chordWidth` says where the
   * one-hot goes.
   */
  conditioning: Float32Array;
  chordWidth: number;
  auxWidth: number;
  returnProbabilities: boolean;
}

/** The model's range as the event codec names it. */
export function specRange(spec: MelodyRnnSpec): MelodyRange {
  return { minPitch: spec.minPitch, maxPitch: spec.maxPitch };
}

function badRequest(message: string): ModelError {
  return new ModelError(message, 'bad-request');
}

/** Locked notes sorted by start; throws when they overlap or leave the candidate. */
export function checkLockedNotes(notes: readonly Note[], steps: number): Note[] {
  const sorted = [...notes].sort((a, b) => a.start - b.start);
  for (let i = 0; i < sorted.length; i++) {
    const n = sorted[i];
    if (!Number.isInteger(n.start) || n.start < 0 || n.start >= steps || !(n.length >= 1)) {
      throw badRequest(`Locked note ${n.pitch} at step ${n.start} is outside the ${steps}-step candidate`);
    }
    if (i > 0 && sorted[i - 1].start + sorted[i - 1].length > n.start) {
      throw badRequest(`Locked notes overlap at step ${n.start}: phrases are monophonic`);
    }
  }
  return sorted;
}

/** Fills `out` with BinaryCounter values of step `step` as Magenta does: bit i is ±1. */
export function writeBinaryCounter(out: Float32Array, offset: number, bits: number, step: number): void {
  for (let i = 0; i < bits; i++) out[offset + i] = Math.floor((step + 1) / 2 ** i) % 2 ? 1 : -1;
}

/**
 * Builds the sampling plan for a request against a model; throws a ModelError('bad-request') it cannot honour.
 * `maxBatch` is raised only by fills, which sample many and keep a few.
 */
export function planSampling(request: ProposalRequest, spec: MelodyRnnSpec, maxBatch = MAX_CANDIDATES): SamplingPlan {
  const { candidates, steps, temperature, seed } = request;
  if (!Number.isInteger(candidates) || candidates < 1 || candidates > maxBatch) {
    throw badRequest(`Candidates must be 1..${maxBatch}, got ${candidates}`);
  }
  if (!Number.isInteger(steps) || steps < 1 || steps > MAX_STEPS)
    throw badRequest(`Steps must be 1..${MAX_STEPS}, got ${steps}`);
  if (!(temperature >= 0) || !Number.isFinite(temperature))
    throw badRequest(`Temperature must be 0 or more, got ${temperature}`);
  if (!Number.isFinite(seed)) throw badRequest(`Seed must be a number, got ${seed}`);
  if (spec.chordEncoder && !request.chords?.length) {
    throw badRequest('This model is chord-conditioned: give the phrase at least one chord');
  }
  const range = specRange(spec);

  const primer = request.primer;
  const primerEvents =
    primer && primer.steps >= 1
      ? encodeMelodyEvents(primer.notes, Math.floor(primer.steps), range, { fold: true })
      : new Int32Array(1);
  const primerLength = primerEvents.length;

  const forced = new Int32Array(steps).fill(FREE);
  const mustChange = new Uint8Array(steps);
  for (const note of checkLockedNotes(request.lockedNotes ?? [], steps)) {
    forced[note.start] = noteOnEvent(foldIntoRange(note.pitch, range), range);
    const end = note.start + note.length;
    for (let t = note.start + 1; t < Math.min(end, steps); t++) forced[t] = NO_EVENT;
    if (end < steps) mustChange[end] = MUST_CHANGE;
  }
  if (request.startWithNote && steps > 0 && forced[0] === FREE) mustChange[0] = MUST_START_NOTE;

  const allowed = new Uint8Array(spec.depth);
  allowed[NO_EVENT] = 1;
  allowed[NOTE_OFF] = 1;
  const pcs = new Set(
    (request.scalePitchClasses ?? [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]).map((p) => ((p % 12) + 12) % 12),
  );
  const low = Math.max(spec.minPitch, request.range?.min ?? -Infinity);
  const high = Math.min(spec.maxPitch, request.range?.max ?? Infinity);
  for (let pitch = low; pitch <= high; pitch++) {
    if (pcs.has(pitch % 12)) allowed[pitch - spec.minPitch + FIRST_PITCH_EVENT] = 1;
  }

  // Conditioning rows for input steps 0 .. total - 2 (the last sampled event is never fed back).
  const total = primerLength + steps;
  const chordWidth = spec.chordDepth;
  const auxWidth = spec.auxBits;
  const width = chordWidth + auxWidth;
  const conditioning = new Float32Array(Math.max(0, total - 1) * width);
  if (width > 0) {
    const symbols = spec.chordEncoder
      ? [...chordsPerStep(primer?.chords, primerLength), ...chordsPerStep(request.chords, steps)]
      : [];
    const cache = new Map<string, Float32Array>();
    for (let i = 0; i < total - 1; i++) {
      if (spec.chordEncoder) {
        const symbol = symbols[i + 1];
        let encoded = cache.get(symbol);
        if (!encoded) cache.set(symbol, (encoded = encodeChord(symbol, spec.chordEncoder)));
        conditioning.set(encoded, i * width);
      }
      if (auxWidth) writeBinaryCounter(conditioning, i * width + chordWidth, auxWidth, i);
    }
  }

  const plan: SamplingPlan = {
    batch: candidates,
    primerEvents,
    steps,
    temperature,
    seed,
    forced,
    mustChange,
    allowed,
    conditioning,
    chordWidth,
    auxWidth,
    returnProbabilities: request.returnProbabilities ?? true,
  };
  if (request.ending) applyEnding(plan, request.ending, spec);
  return plan;
}

/**
 * The notes of one candidate: the model's events decoded, with every locked note put back exactly as
 * given (its length and velocity are the caller's, not the decoder's).
 */
export function candidateNotes(events: Int32Array, request: ProposalRequest, spec: MelodyRnnSpec): Note[] {
  const locked = request.lockedNotes ?? [];
  const lockedStarts = new Set(locked.map((n) => n.start));
  const written = decodeMelodyEvents(events, specRange(spec), request.velocity ?? 96).filter(
    (n) => !lockedStarts.has(n.start),
  );
  return [...written, ...locked.map((n) => ({ ...n }))].sort((a, b) => a.start - b.start);
}
