import { normalizeMonophonic } from '../../core/edit';
import { commitVersion } from '../../core/history';
import { stepsPerBar } from '../../core/meter';
import { LIMITS, type Note, type Phrase, type PhraseOrigin, type Steps, type TimeSignature } from '../../core/types';
import type { AcceptMode, ProposalCandidate, StepSpan } from './types';

/**
 * Accepting a candidate into a phrase: "replace" makes the candidate the phrase's notes from its start
 * (the phrase grows if the candidate is longer), "append" puts it after the last bar that holds a note,
 * growing the phrase up to the 8-bar limit. Either way the old state goes into the phrase's history and
 * the new one records where it came from (model, temperature, seed, constraints).
 */

/** The origin an accepted candidate gives its phrase. */
export function candidateOrigin(candidate: ProposalCandidate, mode: AcceptMode): PhraseOrigin {
  return {
    kind: candidate.kind,
    modelId: candidate.modelId,
    temperature: candidate.temperature,
    seed: candidate.seed,
    action: `${candidate.action}${mode === 'append' ? ', appended' : ''}`,
    constraints: {
      scaleLock: candidate.scaleLock,
      lockedNotes: candidate.lockedNotes.length,
      primer: candidate.primer ? `${candidate.primer.steps} steps` : 'none',
      ...(candidate.chords?.length ? { chords: candidate.chords.map((c) => c.symbol).join(' ') } : {}),
      ...(candidate.span ? { span: `steps ${candidate.span.start + 1}-${candidate.span.end}` } : {}),
    },
  };
}

/** First step after the last bar that holds a note (0 for an empty phrase). */
export function appendStart(phrase: Phrase, ts: TimeSignature): Steps {
  const perBar = stepsPerBar(ts);
  const end = phrase.notes.reduce((e, n) => Math.max(e, n.start + n.length), 0);
  return Math.ceil(end / perBar) * perBar;
}

/** True when the candidate fits after the phrase's written bars without passing the 8-bar limit. */
export function canAppend(phrase: Phrase, candidate: ProposalCandidate, ts: TimeSignature): boolean {
  if (candidate.span) return false; // a fill belongs in its span
  return appendStart(phrase, ts) / stepsPerBar(ts) + candidate.bars <= LIMITS.bars.max;
}

/**
 * The phrase's notes with only `span` taken from a fill candidate: the phrase as it is now outside the span
 * (a note running into the span is cut at its start), the candidate's notes inside it.
 */
export function notesWithSpan(phraseNotes: readonly Note[], fillNotes: readonly Note[], span: StepSpan, total: Steps): Note[] {
  const outside = phraseNotes
    .filter((n) => n.start < span.start || n.start >= span.end)
    .map((n) => (n.start < span.start && n.start + n.length > span.start ? { ...n, length: span.start - n.start } : { ...n }));
  const inside = fillNotes
    .filter((n) => n.start >= span.start && n.start < span.end)
    .map((n) => ({ ...n, length: Math.min(n.length, span.end - n.start) }));
  return normalizeMonophonic([...outside, ...inside], total);
}

/** The phrase with the candidate accepted (same object when appending has no room). */
export function acceptIntoPhrase(
  phrase: Phrase,
  candidate: ProposalCandidate,
  mode: AcceptMode,
  ts: TimeSignature,
  now: number,
): Phrase {
  if (candidate.span) {
    // A fill rewrites its span only: edits made elsewhere since it was proposed stay.
    const notes = notesWithSpan(phrase.notes, candidate.notes, candidate.span, phrase.bars * stepsPerBar(ts));
    const next = commitVersion(phrase, { notes, origin: candidateOrigin(candidate, 'replace') }, now);
    return next === phrase ? { ...phrase, origin: candidateOrigin(candidate, 'replace'), updatedAt: now } : next;
  }
  if (mode === 'append' && !canAppend(phrase, candidate, ts)) return phrase;
  const offset = mode === 'append' ? appendStart(phrase, ts) : 0;
  const perBar = stepsPerBar(ts);
  const bars = Math.max(phrase.bars, offset / perBar + candidate.bars);
  const total = bars * perBar;
  const moved = candidate.notes.map((n) => ({ ...n, start: n.start + offset }));
  const kept = mode === 'append' ? phrase.notes : phrase.notes.filter((n) => n.start >= candidate.bars * perBar);
  const notes = normalizeMonophonic([...kept, ...moved], total);
  const grown = bars === phrase.bars ? phrase : { ...phrase, bars };
  // A chord model wrote over chords; a phrase without its own keeps them, so it sounds as auditioned.
  const chords = !phrase.chords?.length && candidate.chords?.length ? candidate.chords.map((c) => ({ ...c, start: c.start + offset })) : undefined;
  const next = commitVersion(grown, { notes, origin: candidateOrigin(candidate, mode), ...(chords ? { chords } : {}) }, now);
  // commitVersion keeps an unchanged phrase as it was; the origin still says the model wrote it now.
  return next === grown ? { ...grown, origin: candidateOrigin(candidate, mode), updatedAt: now } : next;
}

