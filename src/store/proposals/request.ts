import { phraseSteps } from '../../core/meter';
import { scalePitchClasses } from '../../core/scale';
import type { ChordEvent, KeySignature, Note, Phrase, Song, Steps } from '../../core/types';
import { withoutAuthors } from '../../core/authorship';
import type { ModelInfo, Primer, ProposalRequest } from '../../model/types';
import type { PitchRange, StepSpan } from '../types';
import { candidateEnding } from './ending';
import type { ProposalSettings } from './types';

/**
 * Pure builders of model requests from the song: which context primes the model, which notes stay locked,
 * which chords condition it and which pitches it may use. Kept apart from the actions so every rule is
 * tested without a model.
 */

/** Notes that start inside [from, to), moved so `from` is step 0 and cut at `to`. */
export function notesInWindow(notes: readonly Note[], from: Steps, to: Steps): Note[] {
  return notes
    .filter((n) => n.start >= from && n.start < to)
    .map((n) => ({ ...n, start: n.start - from, length: Math.min(n.length, to - n.start) }));
}

/** Chords sounding inside [from, to), relative to `from`; a chord that began earlier is carried in at step 0. */
export function chordsInWindow(chords: readonly ChordEvent[] | undefined, from: Steps, to: Steps): ChordEvent[] {
  if (!chords?.length) return [];
  const sorted = [...chords].sort((a, b) => a.start - b.start);
  const carried = [...sorted].reverse().find((c) => c.start <= from);
  const inside = sorted.filter((c) => c.start > from && c.start < to).map((c) => ({ ...c, start: c.start - from }));
  return carried ? [{ symbol: carried.symbol, start: 0 }, ...inside] : inside;
}

/**
 * The phrase played before `phrase` in the song: the section before its first section in the arrangement
 * (transposed as that section is), else the phrase listed before it; null when it is the first.
 */
export function previousPhrase(song: Song, phrase: Phrase): { phrase: Phrase; transpose: number } | null {
  const at = song.arrangement.findIndex((s) => s.phraseId === phrase.id);
  if (at > 0) {
    const section = song.arrangement[at - 1];
    const before = song.phrases.find((p) => p.id === section.phraseId);
    if (before && before.id !== phrase.id) return { phrase: before, transpose: section.transpose };
  }
  const index = song.phrases.findIndex((p) => p.id === phrase.id);
  return index > 0 ? { phrase: song.phrases[index - 1], transpose: 0 } : null;
}

/** The previous phrase as context: its notes (transposed as its section is), length and chords; null when there is none. */
function previousContext(song: Song, phrase: Phrase): Primer | null {
  const previous = previousPhrase(song, phrase);
  if (!previous || previous.phrase.notes.length === 0) return null;
  const steps = phraseSteps(previous.phrase, song.timeSignature);
  return {
    notes: previous.phrase.notes.map((n) => ({ ...n, pitch: n.pitch + previous.transpose })),
    steps,
    ...(previous.phrase.chords?.length ? { chords: chordsInWindow(previous.phrase.chords, 0, steps) } : {}),
  };
}

/**
 * What the model hears before the span it writes: the previous phrase of the song ('previous' only), then
 * this phrase's own notes and silences before the span ('previous' and 'own'), so the candidate continues
 * the musician's line at the right place in the bar. Null when there is nothing to hear.
 */
export function proposalContext(
  song: Song,
  phrase: Phrase,
  span: StepSpan,
  mode: ProposalSettings['primer'],
): Primer | null {
  if (mode === 'none') return null;
  const before = mode === 'previous' ? previousContext(song, phrase) : null;
  const offset = before?.steps ?? 0;
  const own = notesInWindow(phrase.notes, 0, span.start);
  const ownChords = chordsInWindow(phrase.chords, 0, span.start);
  const steps = offset + span.start;
  if (steps === 0 || (!before && own.length === 0 && span.start === 0)) return null;
  const chords = [...(before?.chords ?? []), ...ownChords.map((c) => ({ ...c, start: c.start + offset }))];
  return {
    notes: withoutAuthors([...(before?.notes ?? []), ...own.map((n) => ({ ...n, start: n.start + offset }))]),
    steps,
    ...(chords.length ? { chords } : {}),
  };
}

/** Pitch classes the scale lock allows; undefined (all twelve) when off. */
export function scaleLockClasses(key: KeySignature, on: boolean): number[] | undefined {
  if (!on) return undefined;
  const pcs = scalePitchClasses(key);
  return pcs.length > 0 && pcs.length < 12 ? [...pcs] : undefined;
}

/**
 * Chords for a chord model over the candidate: the phrase's own chords in the window, or the key's tonic
 * triad when the phrase has none (a chord model cannot write without chords).
 */
export function requestChords(phrase: Phrase, span: StepSpan, fallbackSymbol: string): ChordEvent[] {
  const chords = chordsInWindow(phrase.chords, span.start, span.end);
  return chords.length > 0 ? chords : [{ start: 0, symbol: fallbackSymbol }];
}

export interface ProposeInput {
  song: Song;
  phrase: Phrase;
  settings: ProposalSettings;
  info: Pick<ModelInfo, 'kind' | 'range'>;
  /** The grid's visible rows: new notes stay where the musician can see and edit them. */
  pitchRange?: PitchRange;
  /** Chord used when a chord model meets a phrase without chords. */
  fallbackChord: string;
  /** The steps of the phrase to write (see proposalSpan). */
  span: StepSpan;
}

/** The ProposalRequest for the current settings: the span's steps, heard after the context before it. */
export function buildProposalRequest({
  song,
  phrase,
  settings,
  info,
  pitchRange,
  fallbackChord,
  span,
}: ProposeInput): ProposalRequest {
  const steps = span.end - span.start;
  const range = pitchRange
    ? { min: Math.max(pitchRange.low, info.range.min), max: Math.min(pitchRange.high, info.range.max) }
    : undefined;
  const primer = proposalContext(song, phrase, span, settings.primer);
  const lockedNotes: Note[] = [];
  return {
    candidates: settings.candidates,
    steps,
    primer,
    temperature: settings.temperature,
    seed: settings.seed,
    scalePitchClasses: scaleLockClasses(song.key, settings.scaleLock),
    // A window narrower than an octave would starve the sampler; then the model's own range is used.
    ...(range && range.max - range.min >= 11 ? { range } : {}),
    lockedNotes,
    ...(info.kind === 'chord' ? { chords: requestChords(phrase, span, fallbackChord) } : {}),
    returnProbabilities: true,
    // Candidates end like phrases (no cut-off pickup on the last step; a cadence at the phrase's end).
    ending: candidateEnding({
      song,
      phrase,
      from: span.start,
      to: span.end,
      endOnCadence: settings.endOnCadence,
      fallbackChord,
    }),
    // From nothing, a phrase begins on its downbeat (the models would mostly open with a pickup bar).
    ...(primer?.notes.length || span.start > 0 ? {} : { startWithNote: true }),
  };
}

/**
 * Which notes a resample mutation keeps: the candidate is cut into beats, `share` of them (chosen by the
 * seeded `random`) are rewritten, and every note starting in a kept beat is locked, together with the
 * notes that were already locked. Returns the locked notes (sorted, non-overlapping).
 */
export function mutationLocks(
  notes: readonly Note[],
  alreadyLocked: readonly Note[],
  totalSteps: Steps,
  beatSteps: Steps,
  share: number,
  random: () => number,
): Note[] {
  const beats = Math.max(1, Math.ceil(totalSteps / beatSteps));
  const rewrite = Math.min(beats, Math.max(1, Math.round(beats * share)));
  const order = Array.from({ length: beats }, (_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  const freed = new Set(order.slice(0, rewrite));
  const isLocked = (n: Note) => alreadyLocked.some((l) => l.start === n.start && l.pitch === n.pitch);
  return notes
    .filter((n) => isLocked(n) || !freed.has(Math.floor(n.start / beatSteps)))
    .map((n) => ({ ...n }))
    .sort((a, b) => a.start - b.start);
}
