import { stepsPerBar } from '../../core/meter';
import type { Note } from '../../core/types';
import { selectCurrentPhrase } from '../selectors';
import type { AppState, StepSpan } from '../types';
import { clipSpan, proposalSpan } from './span';

/**
 * Where the MusicVAE's candidates go and what Similar varies, as pure functions of the app state: the same
 * rules as Propose (a selection is where the model writes; without one, after the last written note) and
 * Mutate (a candidate's variation writes over its parent's span).
 */

/** A candidate's phrase and the steps of it an Accept replaces; `parentId` is the candidate it varies. */
export interface Target {
  phraseId: string;
  span: StepSpan;
  parentId?: string;
}

/** The current phrase with the span a new candidate of `bars` bars writes (as Propose chooses it), or why none. */
export function writeTarget(state: AppState, bars: number): Target | string {
  const phrase = selectCurrentPhrase(state);
  if (!phrase) return 'There is no phrase to write into.';
  const where = proposalSpan(phrase, state.editor.selection, bars, state.song.timeSignature);
  return where.ok ? { phraseId: phrase.id, span: where.span } : where.reason;
}

/** What Similar varies, with notes relative to the span's start, a bar count and a name for the origin. */
export type SimilarSource = Target & { notes: Note[]; bars: number; label: string };

/**
 * What Similar varies: the candidate `source` names (over its own span), else ('phrase') the current phrase:
 * its selected steps when there is a selection, all of it otherwise. A string says why there is nothing.
 */
export function similarSource(state: AppState, source: string): SimilarSource | string {
  if (source !== 'phrase') {
    const c = state.proposals.candidates.find((x) => x.id === source);
    if (!c) return 'That candidate is no longer in the list.';
    return {
      notes: c.notes,
      bars: c.bars,
      phraseId: c.phraseId,
      span: c.span,
      parentId: c.id,
      label: `candidate ${c.number}`,
    };
  }
  const phrase = selectCurrentPhrase(state);
  if (!phrase) return 'There is no phrase to vary.';
  const perBar = stepsPerBar(state.song.timeSignature);
  const selected = clipSpan(state.editor.selection, phrase.bars * perBar);
  const span = selected ?? { start: 0, end: phrase.bars * perBar };
  const notes = phrase.notes
    .filter((n) => n.start >= span.start && n.start < span.end)
    .map((n) => ({ ...n, start: n.start - span.start, length: Math.min(n.length, span.end - n.start) }));
  const label = selected ? `steps ${span.start + 1}-${span.end} of phrase ${phrase.name}` : `phrase ${phrase.name}`;
  return { notes, bars: Math.ceil((span.end - span.start) / perBar), phraseId: phrase.id, span, label };
}
