import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import type { Result } from '../../store/song/types';
import { useActions, useAppState, useServices } from '../AppContext';
import { MixControls } from './MixControls';
import { SectionItem, type SectionHandlers } from './SectionItem';
import { useSectionPlayhead } from './useSectionPlayhead';
import './arrangement.css';

/**
 * The Arrangement: the song's sections in playing order. Play the whole song or loop one section; the
 * section playing is marked by useSectionPlayhead on animation frames. Every change is one undo step.
 */
export function ArrangementPanel() {
  const actions = useActions();
  const { store } = useServices();
  const arrangement = useAppState((s) => s.song.arrangement);
  // Deferred: a note edit paints the grid first; this view follows in a background render.
  const phrases = useDeferredValue(useAppState((s) => s.song.phrases));
  const playing = useAppState((s) => s.transport.playing);
  const target = useAppState((s) => s.transport.target);
  const currentPhraseId = useAppState((s) => s.editor.currentPhraseId);
  const [toAdd, setToAdd] = useState('');
  const [reason, setReason] = useState('');
  const listRef = useRef<HTMLOListElement>(null);
  const dragged = useRef<string | null>(null);
  const refocus = useRef<string | null>(null);
  useSectionPlayhead(listRef);

  const byId = useMemo(() => new Map(phrases.map((p) => [p.id, p])), [phrases]);
  const playingSong = playing && target?.kind === 'song';
  const loopingId = playing && target?.kind === 'section' ? target.sectionId : null;
  const chosen = byId.has(toAdd) ? toAdd : byId.has(currentPhraseId) ? currentPhraseId : (phrases[0]?.id ?? '');

  // A section moved by keyboard keeps the focus, so Alt+Arrow can be pressed again.
  useEffect(() => {
    const id = refocus.current;
    if (!id) return;
    refocus.current = null;
    listRef.current?.querySelector<HTMLElement>(`[data-section-id="${CSS.escape(id)}"]`)?.focus();
  }, [arrangement]);

  const show = useCallback((r: Result) => {
    setReason(r.ok ? '' : r.reason);
    return r;
  }, []);
  // One handler object for every section (they read the transport when called), so a note edit, which
  // changes `phrases`, re-renders no section.
  const handlers = useMemo<SectionHandlers>(
    () => ({
      repeats: (id, n) => show(actions.setSectionRepeats(id, n)),
      transpose: (id, n) => show(actions.setSectionTranspose(id, n)),
      move: (id, to) => {
        refocus.current = id;
        actions.moveSection(id, to);
      },
      duplicate: (id) => actions.duplicateSection(id),
      delete: (id) => actions.deleteSection(id),
      loop: (id) => {
        const { playing: now, target: current } = store.getState().transport;
        if (now && current?.kind === 'section' && current.sectionId === id) actions.stop();
        else void actions.play({ kind: 'section', sectionId: id });
      },
      edit: (phraseId) => actions.selectPhrase(phraseId),
      dragStart: (id) => {
        dragged.current = id;
      },
      drop: (index) => {
        if (dragged.current && store.getState().song.arrangement[index]?.id !== dragged.current) actions.moveSection(dragged.current, index);
        dragged.current = null;
      },
    }),
    [actions, show, store],
  );

  return (
    <section className="song-card arrangement" aria-labelledby="arrangement-title">
      <div className="card-head">
        <h2 id="arrangement-title">Arrangement</h2>
        <button
          type="button"
          className={`play-song${playingSong ? ' is-playing' : ''}`}
          disabled={arrangement.length === 0}
          onClick={() => (playingSong ? actions.stop() : void actions.play({ kind: 'song' }))}
        >
          <span aria-hidden="true">{playingSong ? '■ ' : '▶ '}</span>
          {playingSong ? 'Stop song' : 'Play song'}
        </button>
      </div>
      <ol ref={listRef} className="section-list" aria-label="Arrangement">
        {arrangement.map((section, i) => (
          <SectionItem
            key={section.id}
            section={section}
            number={i + 1}
            count={arrangement.length}
            phraseName={byId.get(section.phraseId)?.name}
            phraseColor={byId.get(section.phraseId)?.color}
            looping={loopingId === section.id}
            handlers={handlers}
          />
        ))}
      </ol>
      {arrangement.length === 0 && <p className="empty-hint">The song is empty: add a section to play a phrase.</p>}
      <div className="add-section">
        <label className="field">
          <span className="field-label">Phrase to add</span>
          <select value={chosen} onChange={(e) => setToAdd(e.target.value)}>
            {phrases.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
        <button type="button" disabled={!chosen} onClick={() => chosen && actions.addSection(chosen)}>
          Add section
        </button>
      </div>
      {reason && (
        <p role="alert" className="field-reason">
          {reason}
        </p>
      )}
      <MixControls />
    </section>
  );
}
