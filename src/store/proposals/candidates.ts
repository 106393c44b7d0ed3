import type { ProposalResult } from '../../model/types';
import type { StepSpan } from '../types';
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
}

/** The model's answer as the slice's candidates: numbered, tied to their phrase and span, with what made them. */
export function candidatesFromResult(result: ProposalResult, c: CandidateContext): ProposalCandidate[] {
  const { request } = result;
  return result.candidates.map((made, i) => ({
    id: c.newId(),
    number: c.firstNumber + i,
    phraseId: c.phraseId,
    span: c.span,
    notes: made.notes,
    bars: c.bars,
    kind: 'proposed',
    action: `proposal ${i + 1} of ${result.candidates.length}`,
    modelId: c.modelId,
    temperature: request.temperature,
    seed: request.seed,
    lockedNotes: request.lockedNotes ?? [],
    ...(request.chords ? { chords: request.chords } : {}),
    primer: request.primer ?? null,
    scaleLock: request.scalePitchClasses !== undefined,
    ...(made.probabilities ? { probabilities: made.probabilities } : {}),
  }));
}
