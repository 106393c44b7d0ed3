import { useDeferredValue, useMemo } from 'react';
import { detectKey, worthOffering } from '../../core/theory/keyDetection';
import { useAppState, useServices } from '../AppContext';
import { selectCurrentPhrase } from '../selectors';

/**
 * "This phrase looks like G major — set key?": offered when the current phrase (an imported melody above
 * all) clearly sits in another key than the song's. Setting it changes the song key (undoable).
 */
export function KeySuggestion() {
  const { actions } = useServices();
  // Deferred: a note edit paints the grid first; this view follows in a background render.
  const phrase = useDeferredValue(useAppState(selectCurrentPhrase));
  const key = useAppState((s) => s.song.key);
  const notes = phrase?.notes;
  const guess = useMemo(() => (notes && notes.length >= 4 ? detectKey(notes) : null), [notes]);
  if (!worthOffering(guess, key)) return null;
  const name = `${guess.key.tonic} ${guess.key.scale}`;
  return (
    <p className="key-suggestion" role="status">
      This phrase looks like {name}.{' '}
      <button
        type="button"
        onClick={() => {
          actions.setKey(guess.key.tonic);
          actions.setScale(guess.key.scale);
        }}
      >
        Set key to {name}
      </button>
    </p>
  );
}
