/** Read-only views of the app state that more than one room uses (the UI, keyboard shortcuts, other actions). */
import { defaultPitchRange } from '../core/scale';
import type { Phrase } from '../core/types';
import type { AppState, PitchRange } from './types';
import type { ProposalCandidate } from './proposals/types';
export { selectedSpan, currentPhraseSteps } from './editor/selection';
export { proposalSpan } from './proposals/span';

/**
 * The phrase being edited: the one the editor names, or the first phrase while that id is stale for a
 * moment (an undo removed it; the store then moves the editor to the first phrase). The one definition of
 * "the current phrase" for the grid, the edit actions, transport, proposals, MIDI and assignments.
 */
export function selectCurrentPhrase(state: Pick<AppState, 'song' | 'editor'>): Phrase | undefined {
  const { phrases } = state.song;
  return phrases.find((p) => p.id === state.editor.currentPhraseId) ?? phrases[0];
}

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
  return candidate.phraseId === selectCurrentPhrase(state)?.id ? candidate : undefined;
}

/**
 * The grid's pitch window: the one the musician chose, else two octaves from the song key's tonic. Proposals
 * keep their notes inside it, and a previewed candidate moves it (revealPitches).
 */
export function shownPitchRange(state: {
  song: Pick<AppState['song'], 'key'>;
  editor: Pick<AppState['editor'], 'pitchRange'>;
}): PitchRange {
  return state.editor.pitchRange ?? defaultPitchRange(state.song.key);
}
