import type { Phrase } from '../../core/types';
import type { StoreContext } from '../context';
import type { AppActions } from '../types';
import type { ModelSession } from './modelSession';
import type { ProposalCandidate, ProposalsState } from './types';

/**
 * What the groups of proposal actions (propose and mutate, fill, chords) share: the store, the model session,
 * the slice and a few helpers over it. Made once in proposalActions.ts.
 */
export interface ProposalKit {
  ctx: StoreContext;
  session: ModelSession;
  transport: Pick<AppActions, 'play' | 'stop' | 'notify' | 'dismissNotice'>;
  slice(): ProposalsState;
  setSlice(patch: Partial<ProposalsState>): void;
  /** The phrase in the grid. */
  currentPhrase(): Phrase | undefined;
  /** The number the next candidate gets. */
  nextNumber(): number;
  /** Ends an audition (of candidate `id` only, when given). */
  stopAudition(id?: string): void;
  /** A fresh seed for the settings unless "Keep seed" is on. */
  refreshSeed(): void;
  /** Puts a new candidate right after its parent in the list and previews it. */
  insertAfter(parentId: string, candidate: ProposalCandidate): void;
  /** Milliseconds, for timing figures. */
  clock(): number;
  /** Replaces the candidate list with a new batch (stopping any audition); the first is previewed. */
  showCandidates(candidates: ProposalCandidate[], timing: Partial<ProposalsState>): void;
  /**
   * Runs a model action (fill, chords, melody) unless another is under way: then the musician is told to
   * press `what` again when it is done, and nothing runs (the earlier one is not cancelled).
   */
  modelAction(what: string, run: () => Promise<void>): Promise<void>;
}
