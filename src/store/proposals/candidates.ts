import type { ProposalResult } from '../../model/types';
import type { StepSpan } from '../types';
import { sureLabel } from './sureness';
import type { ProposalCandidate } from './types';

export interface CandidateContext {
  newId(): string;
  /** The number the first candidate is shown with ("Candidate 5"). */
  firstNumber: number;
  phraseId: string;
  span: StepSpan;
  bars: number;
  /** Checkpoint id (or URL) that wrote them. */
  modelId: string;
  /** Which kind of idea they are, for the song's taken-ideas counts (default 'continue'). */
  idea?: ProposalCandidate['idea'];
  /** What made candidate i of n, in plain words (default "proposal i of n"). */
  action?: (i: number, n: number) => string;
}

/**
 * The model's answer as the slice's candidates: numbered, tied to their phrase and span, with what made them,
 * how sure the model is of each (labelled against the batch) and, for fills, how well each leads on.
 */
/** The number the next candidate gets: one past the highest listed (numbers are never reused while listed). */
export function nextCandidateNumber(candidates: readonly ProposalCandidate[]): number {
  return candidates.reduce((n, c) => Math.max(n, c.number), 0) + 1;
}

export function candidatesFromResult(result: ProposalResult, c: CandidateContext): ProposalCandidate[] {
  const { request } = result;
  const known = result.candidates.flatMap((made) => (made.meanLogProb === undefined ? [] : [made.meanLogProb]));
  const action = c.action ?? ((i: number, n: number) => `proposal ${i + 1} of ${n}`);
  return result.candidates.map((made, i) => ({
    id: c.newId(),
    number: c.firstNumber + i,
    phraseId: c.phraseId,
    span: c.span,
    notes: made.notes,
    bars: c.bars,
    kind: 'proposed',
    idea: c.idea ?? 'continue',
    action: action(i, result.candidates.length),
    modelId: c.modelId,
    temperature: request.temperature,
    seed: request.seed,
    lockedNotes: request.lockedNotes ?? [],
    ...(request.chords ? { chords: request.chords } : {}),
    primer: request.primer ?? null,
    scaleLock: request.scalePitchClasses !== undefined,
    ...(made.probabilities ? { probabilities: made.probabilities } : {}),
    ...(made.meanLogProb !== undefined
      ? { meanLogProb: made.meanLogProb, sureLabel: sureLabel(made.meanLogProb, known) }
      : {}),
    ...(made.fit ? { fit: made.fit } : {}),
  }));
}
