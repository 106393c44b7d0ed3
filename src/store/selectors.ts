/** Read-only views of the app state that more than one room uses (the UI, keyboard shortcuts, other actions). */
export { selectedSpan, currentPhraseSteps } from './editor/selection';
export { proposalSpan } from './proposals/span';
import type { AppState } from './types';
import type { ProposalCandidate } from './proposals/types';

/** The candidate drawn on the grid as ghost notes, if any. */
export function previewedCandidate(state: Pick<AppState, 'proposals'>): ProposalCandidate | undefined {
  const { previewId, candidates } = state.proposals;
  return previewId === null ? undefined : candidates.find((c) => c.id === previewId);
}
