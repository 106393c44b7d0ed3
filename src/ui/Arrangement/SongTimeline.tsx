import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { phraseSteps } from '../../core/meter';
import type { Result } from '../../store/song/types';
import { useActions, useAppState, useServices } from '../AppContext';
import { PhraseLibraryItem, type PhraseItemHandlers } from '../Library/PhraseLibraryItem';
import { SectionBlock, type SectionHandlers } from './SectionBlock';
import { SectionInspector } from './SectionInspector';
import { useSectionPlayhead } from './useSectionPlayhead';
import './timeline.css';

const NO_NOTES: never[] = [];

/**
 * The song as a timeline along the bottom of the screen: one block per section in playing order (the list
 * named "Arrangement"), each as wide as its bars times its repeats, with the song playhead; the selected
 * section's controls and its phrase's (rename, colour, duplicate, delete); and the phrases not yet in the song
 * in a bin at the end (the list named "Phrases"), from where "+ Song" adds them. Every change is one undo step.
 */
export function SongTimeline() {
  const actions = useActions();
  const { store } = useServices();
  const arrangement = useAppState((s) => s.song.arrangement);
  // Deferred: a note edit paints the grid first; the blocks' rolls follow in a background render.
  const phrases = useDeferredValue(useAppState((s) => s.song.phrases));
  const timeSignature = useAppState((s) => s.song.timeSignature);
  const playing = useAppState((s) => s.transport.playing);
  const target = useAppState((s) => s.transport.target);
  const currentPhraseId = useAppState((s) => s.editor.currentPhraseId);
  const [chosenSection, setChosenSection] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const listRef = useRef<HTMLOListElement>(null);
  const dragged = useRef<string | null>(null);
  const refocus = useRef<string | null>(null);
  useSectionPlayhead(listRef);

  const byId = useMemo(() => new Map(phrases.map((p) => [p.id, p])), [phrases]);
  const inSong = useMemo(() => new Set(arrangement.map((s) => s.phraseId)), [arrangement]);
  const uses = useMemo(() => {
    const count = new Map<string, number>();
    for (const s of arrangement) count.set(s.phraseId, (count.get(s.phraseId) ?? 0) + 1);
    return count;
  }, [arrangement]);
  const playingSong = playing && target?.kind === 'song';
  const loopingId = playing && target?.kind === 'section' ? target.sectionId : null;
  // The section whose controls show: the one chosen if it still plays the phrase in the grid, else that phrase's first.
  const selected =
    arrangement.find((s) => s.id === chosenSection && s.phraseId === currentPhraseId) ??
    arrangement.find((s) => s.phraseId === currentPhraseId);
  const selectedNumber = selected ? arrangement.indexOf(selected) + 1 : 0;
  const current = byId.get(currentPhraseId);

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
  // One handler object for every block (they read the transport when called), so a note edit re-renders no block
  // but the current phrase's.
  const handlers = useMemo<SectionHandlers>(
    () => ({
      repeats: (id, n) => void show(actions.setSectionRepeats(id, n)),
      move: (id, to) => {
        refocus.current = id;
        actions.moveSection(id, to);
      },
      delete: (id) => actions.deleteSection(id),
      loop: (id) => {
        const { playing: now, target: t } = store.getState().transport;
        if (now && t?.kind === 'section' && t.sectionId === id) actions.stop();
        else void actions.play({ kind: 'section', sectionId: id });
      },
      open: (id, phraseId) => {
        setChosenSection(id);
        actions.selectPhrase(phraseId);
      },
      dragStart: (id) => {
        dragged.current = id;
      },
      drop: (index) => {
        if (dragged.current && store.getState().song.arrangement[index]?.id !== dragged.current)
          actions.moveSection(dragged.current, index);
        dragged.current = null;
      },
    }),
    [actions, show, store],
  );
  const phraseHandlers = useMemo<PhraseItemHandlers>(
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

  // The phrase in the grid has its own item in the bar; the bin holds the other phrases not in the song.
  const binned = phrases.filter((p) => !inSong.has(p.id) && p.id !== currentPhraseId);
  return (
    <section className="song-timeline" aria-label="Song timeline">
      <div className="timeline-bar">
        <h2 className="timeline-title">Song</h2>
        <button
          type="button"
          className={`play-song${playingSong ? ' is-playing' : ''}`}
          disabled={arrangement.length === 0}
          onClick={() => (playingSong ? actions.stop() : void actions.play({ kind: 'song' }))}
        >
          <span aria-hidden="true">{playingSong ? '■ ' : '▶ '}</span>
          {playingSong ? 'Stop song' : 'Play song'}
        </button>
        {selected && (
          <SectionInspector
            section={selected}
            number={selectedNumber}
            count={arrangement.length}
            show={show}
            onMoved={(id) => (refocus.current = id)}
          />
        )}
        {current && (
          <ul className="current-phrase" aria-label="Phrase in the grid">
            <PhraseLibraryItem
              id={current.id}
              name={current.name}
              color={current.color}
              bars={current.bars}
              current
              uses={uses.get(current.id) ?? 0}
              handlers={phraseHandlers}
            />
          </ul>
        )}
        <button type="button" className="small" onClick={() => actions.addPhrase()}>
          New phrase
        </button>
        {reason && (
          <p role="alert" className="field-reason">
            {reason}
          </p>
        )}
      </div>
      <div className="timeline-lanes">
        <ol ref={listRef} className="section-strip" aria-label="Arrangement">
          {arrangement.map((section, i) => {
            const phrase = byId.get(section.phraseId);
            return (
              <SectionBlock
                key={section.id}
                section={section}
                number={i + 1}
                count={arrangement.length}
                phraseName={phrase?.name}
                phraseColor={phrase?.color}
                notes={phrase?.notes ?? NO_NOTES}
                steps={phrase ? phraseSteps(phrase, timeSignature) : 0}
                looping={loopingId === section.id}
                selected={selected?.id === section.id}
                handlers={handlers}
              />
            );
          })}
        </ol>
        {arrangement.length === 0 && (
          <p className="empty-hint timeline-empty">The song is empty: add a phrase with “+ Song”.</p>
        )}
        <div className="phrase-bin">
          <span className="bin-title" id="phrase-bin-title">
            Not in the song
          </span>
          <ul className="phrase-list" aria-label="Phrases" aria-describedby="phrase-bin-title">
            {binned.map((p) => (
              <PhraseLibraryItem
                key={p.id}
                id={p.id}
                name={p.name}
                color={p.color}
                bars={p.bars}
                current={p.id === currentPhraseId}
                uses={0}
                handlers={phraseHandlers}
              />
            ))}
          </ul>
          {binned.length === 0 && <span className="empty-hint">every phrase is in the song</span>}
        </div>
      </div>
    </section>
  );
}
