import { authorModelEdit } from '../../core/authorship';
import { normalizeMonophonic } from '../../core/edit';
import { commitVersion } from '../../core/history';
import { stepsPerBar } from '../../core/meter';
import { LIMITS, type Phrase, type PhraseOrigin, type Steps, type TimeSignature } from '../../core/types';
import { notesUnderSpan, notesWithSpan } from './span';
import type { AcceptMode, ProposalCandidate } from './types';

/**
 * Accepting a candidate into a phrase: "replace" writes the candidate over its own span only (notes before
 * and after it stay; the phrase grows if the span reaches past its end), "append" puts it after the last bar
 * that holds a note, growing the phrase up to the 8-bar limit. Either way the old state goes into the
 * phrase's history and the new one records where it came from (model, temperature, seed, constraints).
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
      // A fill was made to lead into the notes after its span: the span is part of what constrained it.
      ...(candidate.idea === 'fill' ? { span: `steps ${candidate.span.start + 1}-${candidate.span.end}` } : {}),
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
  return appendStart(phrase, ts) / stepsPerBar(ts) + candidate.bars <= LIMITS.bars.max;
}

/** The phrase with the candidate accepted (same object when appending has no room). */
export function acceptIntoPhrase(
  phrase: Phrase,
  candidate: ProposalCandidate,
  mode: AcceptMode,
  ts: TimeSignature,
  now: number,
): Phrase {
  if (mode === 'append' && !canAppend(phrase, candidate, ts)) return phrase;
  const offset = mode === 'append' ? appendStart(phrase, ts) : candidate.span.start;
  const perBar = stepsPerBar(ts);
  const length = candidate.span.end - candidate.span.start;
  const bars = Math.min(LIMITS.bars.max, Math.max(phrase.bars, Math.ceil((offset + length) / perBar)));
  const total = bars * perBar;
  // The model's notes are the model's; notes the phrase already had, unchanged, keep their authors.
  const written = normalizeMonophonic(
    notesWithSpan(phrase.notes, { start: offset, end: offset + length }, candidate.notes),
    total,
  );
  const notes = authorModelEdit(phrase.notes, written);
  const grown = bars === phrase.bars ? phrase : { ...phrase, bars };
  // A chord model wrote over chords; a phrase without its own keeps them, so it sounds as auditioned.
  const chords =
    !phrase.chords?.length && candidate.chords?.length
      ? candidate.chords.map((c) => ({ ...c, start: c.start + offset }))
      : undefined;
  const next = commitVersion(
    grown,
    { notes, origin: candidateOrigin(candidate, mode), ...(chords ? { chords } : {}) },
    now,
  );
  // commitVersion keeps an unchanged phrase as it was; the origin still says the model wrote it now.
  return next === grown ? { ...grown, origin: candidateOrigin(candidate, mode), updatedAt: now } : next;
}

/** The musician's notes a 'replace' of this candidate would change (none for 'append'). */
export function overwrittenNotes(phrase: Phrase, candidate: ProposalCandidate, mode: AcceptMode): number {
  return mode === 'append' ? 0 : notesUnderSpan(phrase.notes, candidate.span).length;
}
