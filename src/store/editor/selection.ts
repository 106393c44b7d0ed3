import { phraseSteps } from '../../core/meter';
import { findPhrase } from '../../core/song';
import type { Steps } from '../../core/types';
import { clipSpan } from '../proposals/span';
import type { AppState, AppStore, StepSpan } from '../types';

/**
 * The selection is a span of steps of the phrase in the grid. These keep it meaningful as the song changes:
 * it goes when another phrase is shown and is clipped when its phrase gets shorter.
 */

/** Length in steps of the phrase in the grid (0 when there is none). */
export function currentPhraseSteps(state: Pick<AppState, 'song' | 'editor'>): Steps {
  const phrase = findPhrase(state.song, state.editor.currentPhraseId) ?? state.song.phrases[0];
  return phrase ? phraseSteps(phrase, state.song.timeSignature) : 0;
}

/** The selected steps of the phrase in the grid, or null. The fill and harmonize actions write inside it. */
export function selectedSpan(state: Pick<AppState, 'song' | 'editor'>): StepSpan | null {
  const selection = state.editor.selection;
  if (!selection) return null;
  const total = currentPhraseSteps(state);
  return selection.end <= total ? selection : clipSpan(selection, total);
}

/** Subscribes `store` so the selection follows the phrase it belongs to; returns the unsubscriber. */
export function keepSelectionInPhrase(store: AppStore): () => void {
  return store.subscribe((state, previous) => {
    const selection = state.editor.selection;
    if (!selection) return;
    if (state.editor.currentPhraseId !== previous.editor.currentPhraseId && previous.editor.selection === selection) {
      store.setState({ editor: { ...state.editor, selection: null } });
      return;
    }
    if (state.song === previous.song) return;
    const clipped = clipSpan(selection, currentPhraseSteps(state));
    if (clipped?.start !== selection.start || clipped?.end !== selection.end)
      store.setState({ editor: { ...state.editor, selection: clipped } });
  });
}
