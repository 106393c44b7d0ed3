import { useCallback, useDeferredValue, useMemo, useState } from 'react';
import type { Result } from '../../store/song/types';
import { useActions, useAppState } from '../AppContext';
import { PhraseLibraryItem, type PhraseItemHandlers } from './PhraseLibraryItem';
import '../Arrangement/arrangement.css';

/** The song's phrases (A, B, C...): the one in the grid is marked; each can be renamed, recoloured and more. */
export function PhraseLibrary() {
  const actions = useActions();
  // Deferred: a note edit paints the grid first; this view follows in a background render.
  const phrases = useDeferredValue(useAppState((s) => s.song.phrases));
  const arrangement = useAppState((s) => s.song.arrangement);
  const currentId = useAppState((s) => s.editor.currentPhraseId);
  const [reason, setReason] = useState('');

  const uses = useMemo(() => {
    const count = new Map<string, number>();
    for (const s of arrangement) count.set(s.phraseId, (count.get(s.phraseId) ?? 0) + 1);
    return count;
  }, [arrangement]);

  const show = useCallback((r: Result): Result => {
    setReason(r.ok ? '' : r.reason);
    return r;
  }, []);
  const handlers = useMemo<PhraseItemHandlers>(
    () => ({
      select: (id) => actions.selectPhrase(id),
      rename: (id, name) => show(actions.renamePhrase(id, name)),
      color: (id, color) => show(actions.setPhraseColor(id, color)),
      duplicate: (id) => actions.duplicatePhrase(id),
      delete: (id) => show(actions.deletePhrase(id)),
      addToSong: (id) => actions.addSection(id),
    }),
    [actions, show],
  );

  return (
    <section className="song-card phrase-library" aria-labelledby="phrase-library-title">
      <div className="card-head">
        <h2 id="phrase-library-title">Phrases</h2>
        <button type="button" onClick={() => actions.addPhrase()}>
          New phrase
        </button>
      </div>
      <ul aria-label="Phrases" className="phrase-list">
        {phrases.map((p) => (
          <PhraseLibraryItem
            key={p.id}
            id={p.id}
            name={p.name}
            color={p.color}
            bars={p.bars}
            current={p.id === currentId}
            uses={uses.get(p.id) ?? 0}
            handlers={handlers}
          />
        ))}
      </ul>
      {reason && (
        <p role="alert" className="field-reason">
          {reason}
        </p>
      )}
    </section>
  );
}
