import type { Phrase } from '../core/types';
import type { AppState } from '../store/types';

/** The phrase shown in the grid (falls back to the first phrase if the id is stale for a moment). */
export function selectCurrentPhrase(state: AppState): Phrase | undefined {
  const { phrases } = state.song;
  return phrases.find((p) => p.id === state.editor.currentPhraseId) ?? phrases[0];
}

export { visiblePreview as selectVisiblePreview } from '../store/selectors';
