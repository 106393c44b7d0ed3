import type { Phrase } from '../core/types';
import type { AppState } from './types';

/**
 * The phrase being edited: the one the editor names, or the first phrase while that id is stale for a
 * moment (an undo removed it; the store then moves the editor to the first phrase). The one definition of
 * "the current phrase" for the grid, the edit actions, transport, proposals, MIDI and assignments.
 */
export function selectCurrentPhrase(state: Pick<AppState, 'song' | 'editor'>): Phrase | undefined {
  const { phrases } = state.song;
  return phrases.find((p) => p.id === state.editor.currentPhraseId) ?? phrases[0];
}
