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

/**
 * The previewed candidate when it belongs to the phrase in the grid: the one drawn as ghost notes, and the one
 * Enter, Space, M and Delete act on. Undefined when none is previewed or it was made for another phrase.
 */
export function visiblePreview(state: Pick<AppState, 'proposals' | 'song' | 'editor'>): ProposalCandidate | undefined {
  const candidate = previewedCandidate(state);
  if (!candidate) return undefined;
  const current = state.song.phrases.find((p) => p.id === state.editor.currentPhraseId) ?? state.song.phrases[0];
  return candidate.phraseId === current?.id ? candidate : undefined;
}
