import { symbolClass } from '../core/harmony/chordClass';
import { TransitionPrior, type ChordPrior, type TransitionPlace } from '../core/harmony/chordPrior';
import { ChordTones } from '../core/harmony/chordTones';
import { encodeMelodyEvents, eventPitch, NO_EVENT, NOTE_OFF } from '../core/melodyEvents';
import { pitchClass } from '../core/pitch';
import type { MelodyRnnSpec } from './checkpointSpec';
import type { RnnRows, RnnRunner } from './rnnRunner';
import { specRange } from './samplingPlan';
import { ChordRows, feedPrefix, writeInputRow } from './scoreContinuation';
import { ModelError, type HarmonizeRequest, type HarmonizeResult } from './types';

/**
 * "Suggest chords": one chord per slot (a bar or half a bar) for a melody, chosen from a vocabulary by
 *   score = log p(melody | chords) under the chord-conditioned MusicRNN + w · log P(progression) under the
 *   transition prior counted from the corpus (in scale degrees, core/harmony/chordPrior.ts).
 * The LSTM's state depends on every earlier chord, so exact Viterbi does not apply; a beam search does: after
 * each slot the `beamWidth` best partial progressions are kept, each extended in one batch by the
 * `chordsPerBeam` chords of the vocabulary the prior finds likeliest after it (every chord without a prior). The melody is heard after one silent bar without chords, as tunes begin in the
 * corpus, so its first note is scored too and the position counter stays on the bar lines.
 */

/**
 * Two beams: on the validation tunes a beam of 1 already matched 4 within half a point of root accuracy
 * (BENCHMARKS.md), and the search's time grows with the width (16 bars: ~870 ms at 4 in the browser).
 */
export const DEFAULT_BEAM_WIDTH = 2;
export const DEFAULT_PRIOR_WEIGHT = 1;
/** Weight of the chord-tone table (core/harmony/chordTones.ts) per sounding sixteenth step of the melody. */
export const DEFAULT_TONE_WEIGHT = 0.2;
/**
 * Chords each beam is extended by at a slot: the likeliest after it under the transition prior. Fewer rows
 * for the model to run (its cost) while the chords the prior all but rules out are never tried.
 */
export const DEFAULT_CHORDS_PER_BEAM = 12;

interface Beam {
  /** Row of the beam's state in the current RnnRows. */
  row: number;
  score: number;
  modelLogProb: number;
  priorLogProb: number;
  chords: number[];
  /** Per slot, the scores of every chord this beam's ancestors were extended with (for the alternatives). */
  expansions: Float64Array[];
}

/** Validates a request against the model; throws ModelError('bad-request') with the reason. */
function check(request: HarmonizeRequest, spec: MelodyRnnSpec): void {
  if (!spec.chordEncoder) throw new ModelError('Suggesting chords needs a chord-conditioned model', 'bad-request');
  const { steps, slotSteps, barSteps, vocabulary } = request;
  if (!Number.isInteger(slotSteps) || slotSteps < 1 || !Number.isInteger(steps) || steps < slotSteps || steps > 4096) {
    throw new ModelError(`Cannot harmonize ${steps} steps in slots of ${slotSteps}`, 'bad-request');
  }
  if (!Number.isInteger(barSteps) || barSteps < 1 || barSteps > 64)
    throw new ModelError(`Bad bar length ${barSteps}`, 'bad-request');
  if (vocabulary.length === 0 || vocabulary.length > 64)
    throw new ModelError('The chord vocabulary must hold 1..64 chords', 'bad-request');
  if (request.notes.length === 0) throw new ModelError('A melody with no notes cannot be harmonized', 'bad-request');
}

/**
 * Per slot and vocabulary chord: the summed log-probability, under the chord-tone table, of the pitch class
 * the melody sounds at each step of the slot (rests add nothing).
 */
function slotToneScores(
  events: ArrayLike<number>,
  spec: MelodyRnnSpec,
  slotSteps: number,
  slots: number,
  classes: string[],
  tones: ChordTones,
  tonic: number,
): Float64Array[] {
  const rows = classes.map((c) => tones.logProbs(c));
  const out = Array.from({ length: slots }, () => new Float64Array(classes.length));
  const range = specRange(spec);
  let sounding: number | null = null;
  for (let step = 0; step < slots * slotSteps; step++) {
    const event = events[step];
    if (event === NOTE_OFF) sounding = null;
    else if (event !== NO_EVENT) sounding = eventPitch(event, range);
    if (sounding === null) continue;
    const pc = pitchClass(sounding - tonic);
    const slot = out[Math.floor(step / slotSteps)];
    for (let c = 0; c < rows.length; c++) slot[c] += rows[c][pc];
  }
  return out;
}

/**
 * The slot the search works in. A bar's chord is the one on its downbeat, and a fifth of the corpus's bars
 * change chord at the half bar: forced to one chord for the whole bar, the search hears the second half's
 * harmony too and often picks it (or I) for the downbeat. So one chord per bar is searched in half bars, with
 * the prior's within-bar table (where chords mostly hold), and the downbeats are reported: on the training
 * tunes this took root accuracy from 70.2% to 73.4% (BENCHMARKS.md). `wholeBars` keeps the old search.
 */
export function searchSlotSteps(request: Pick<HarmonizeRequest, 'slotSteps' | 'barSteps' | 'wholeBars'>): number {
  const { slotSteps, barSteps } = request;
  return slotSteps === barSteps && barSteps % 2 === 0 && !request.wholeBars ? barSteps / 2 : slotSteps;
}

/** Finds the best progression (and the next two chords of each slot) for the request's melody. */
export function harmonizeMelody(
  runner: RnnRunner,
  spec: MelodyRnnSpec,
  prior: ChordPrior | null,
  request: HarmonizeRequest,
  now: () => number = () => performance.now(),
): HarmonizeResult {
  const started = now();
  check(request, spec);
  const { steps, barSteps, vocabulary } = request;
  const slotSteps = searchSlotSteps(request);
  const beamWidth = Math.max(1, Math.min(16, Math.floor(request.beamWidth ?? DEFAULT_BEAM_WIDTH)));
  const weight = request.priorWeight ?? DEFAULT_PRIOR_WEIGHT;
  const toneWeight = request.toneWeight ?? DEFAULT_TONE_WEIGHT;
  const slots = Math.ceil(steps / slotSteps);
  const total = slots * slotSteps;
  const events = encodeMelodyEvents(request.notes, total, specRange(spec), { fold: true });
  const halves = slotSteps * 2 === barSteps;
  const transitions = new TransitionPrior(prior, request.family, slotSteps * 2 <= barSteps ? 'halfBar' : 'bar');
  /** Where the transition into `slot` falls: half-bar slots change chords inside a bar far less than over a bar line. */
  const placeOf = (slot: number): TransitionPlace => (!halves ? 'any' : slot % 2 === 1 ? 'within' : 'across');
  const classes = vocabulary.map((s) => symbolClass(s, request.tonic));
  if (classes.some((c) => c === null))
    throw new ModelError(`Unknown chord in the vocabulary: ${vocabulary[classes.indexOf(null)]}`, 'bad-request');
  const tones = new ChordTones(prior, request.family);
  const toneScores = slotToneScores(events, spec, slotSteps, slots, classes as string[], tones, request.tonic);
  const chordRows = new ChordRows(spec);
  const encoded = vocabulary.map((s) => chordRows.encode(s));

  // One silent bar, no chord: the state before the melody's first event is predicted.
  const silence = new Int32Array(barSteps);
  let state: RnnRows = feedPrefix(runner, spec, chordRows, silence.subarray(0, barSteps - 1));
  let beams: Beam[] = [{ row: 0, score: 0, modelLogProb: 0, priorLogProb: 0, chords: [], expansions: [] }];
  const V = vocabulary.length;
  const depth = runner.depth;

  const priorStepOf = (beam: Beam, c: number, slot: number) => {
    const last = beam.chords[beam.chords.length - 1];
    let step =
      last === undefined
        ? transitions.start(classes[c]!)
        : transitions.transition(classes[last]!, classes[c]!, placeOf(slot));
    if (slot === slots - 1 && request.endsSong) step += transitions.end(classes[c]!);
    return step;
  };
  // Without a prior there is nothing to rank the chords by beforehand: every one is tried.
  const optionCount = prior
    ? Math.max(1, Math.min(V, Math.floor(request.chordsPerBeam ?? DEFAULT_CHORDS_PER_BEAM)))
    : V;

  for (let slot = 0; slot < slots; slot++) {
    const from = slot * slotSteps;
    // Each beam is extended by the chords the prior finds likeliest after it (all of them when the
    // vocabulary is small): the model's cost is one row per extension.
    const options = beams.map((beam) => {
      const priors = Array.from({ length: V }, (_, c) => priorStepOf(beam, c, slot));
      const order = Array.from({ length: V }, (_, c) => c).sort((a, b) => priors[b] - priors[a] || a - b);
      return { priors, chords: order.slice(0, optionCount) };
    });
    const rowBeam = options.flatMap((o, b) => o.chords.map(() => b));
    const rowChord = options.flatMap((o) => o.chords);
    const expanded = runner.select(
      state,
      rowBeam.map((b) => beams[b].row),
    );
    const modelScores = new Float64Array(expanded.batch);
    const inputs = new Float32Array(expanded.batch * runner.inputWidth);
    const units = runner.outputWidth;
    const tops = new Float32Array(slotSteps * expanded.batch * units);
    for (let s = 0; s < slotSteps; s++) {
      const step = barSteps + from + s - 1; // input step whose output predicts event from + s
      const previous = from + s === 0 ? silence[barSteps - 1] : events[from + s - 1];
      for (let r = 0; r < expanded.batch; r++) writeInputRow(inputs, r, spec, encoded[rowChord[r]], previous, step);
      runner.advance(expanded, inputs);
      tops.set(runner.modelOutput(expanded), s * expanded.batch * units);
    }
    // The melody is known: the output layer runs once over the whole slot.
    const logProbs = runner.logProbsOf(tops, slotSteps * expanded.batch);
    for (let s = 0; s < slotSteps; s++) {
      for (let r = 0; r < expanded.batch; r++)
        modelScores[r] += logProbs[(s * expanded.batch + r) * depth + events[from + s]];
    }
    const candidates: Beam[] = [];
    const scoresOf = beams.map(() => new Float64Array(V).fill(-Infinity));
    for (let r = 0; r < expanded.batch; r++) {
      const b = rowBeam[r];
      const c = rowChord[r];
      const beam = beams[b];
      const priorStep = options[b].priors[c];
      const model = modelScores[r];
      scoresOf[b][c] = beam.score + model + weight * priorStep + toneWeight * toneScores[slot][c];
      candidates.push({
        row: r,
        score: scoresOf[b][c],
        modelLogProb: beam.modelLogProb + model,
        priorLogProb: beam.priorLogProb + priorStep,
        chords: [...beam.chords, c],
        expansions: [...beam.expansions, scoresOf[b]],
      });
    }
    candidates.sort((a, b) => b.score - a.score);
    const kept = candidates.slice(0, beamWidth);
    state = runner.select(
      expanded,
      kept.map((k) => k.row),
    );
    beams = kept.map((k, i) => ({ ...k, row: i }));
  }

  const best = beams[0];
  const result = best.chords.map((c, slot) => {
    // The next best chords for this slot with the rest of the best progression kept: how each scored here,
    // plus how it leads into the chord after it.
    const scores = best.expansions[slot];
    const next = best.chords[slot + 1];
    const ranked = Array.from({ length: V }, (_, k) => k)
      .filter((k) => k !== c && Number.isFinite(scores[k]))
      .map((k) => ({
        k,
        score:
          scores[k] +
          (next === undefined ? 0 : weight * transitions.transition(classes[k]!, classes[next]!, placeOf(slot + 1))),
      }))
      .sort((a, b) => b.score - a.score);
    return {
      start: slot * slotSteps,
      best: vocabulary[c],
      alternatives: ranked.slice(0, 2).map((r) => vocabulary[r.k]),
    };
  });
  return {
    // One chord per bar keeps each bar's downbeat chord (and its alternatives) of the half-bar search.
    slots: result.filter((slot) => slot.start % request.slotSteps === 0),
    modelLogProb: best.modelLogProb,
    priorLogProb: best.priorLogProb,
    usedPrior: prior !== null,
    generateMs: now() - started,
  };
}
