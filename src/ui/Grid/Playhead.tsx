import { useEffect, useRef } from 'react';
import { AUDITION_PHRASE_ID, songForPlayback } from '../../store/proposals/audition';
import type { Song } from '../../core/types';
import { useServices } from '../AppContext';
import { sectionSpans, type SectionSpan } from '../Arrangement/sectionSpans';
import { runWhilePlaying } from '../playingFrames';
import { gridPlayheadStep } from './playheadStep';

/**
 * The playhead line over the grid. While the transport plays it reads engine.playhead() on every animation
 * frame and moves a DOM node directly: the position never passes through React state, so playing re-renders
 * nothing. It shows only while the phrase in the grid is the one being heard (see gridPlayheadStep).
 */
export function Playhead({ steps, phraseId }: { steps: number; phraseId: string }) {
  const { engine, store } = useServices();
  const lineRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const line = lineRef.current;
    if (!line) return;
    let shown = '';
    let spansOf: Song | null = null;
    let spans: SectionSpan[] = [];
    const draw = () => {
      const state = store.getState();
      const song = songForPlayback(state);
      if (state.transport.target?.kind === 'song' && spansOf !== song) {
        spans = sectionSpans(song);
        spansOf = song;
      }
      const step = gridPlayheadStep({
        step: engine.playhead().step,
        target: state.transport.target,
        song,
        phraseId,
        auditionPhraseId: AUDITION_PHRASE_ID,
        steps,
        spans,
      });
      // Percent of the cells' width, offset by the row-head column: no layout read per frame.
      const left = step === null ? '' : `calc(var(--head-w) + (100% - var(--head-w)) * ${(step / steps).toFixed(5)})`;
      if (left !== shown) {
        shown = left;
        line.style.display = left ? 'block' : 'none';
        if (left) line.style.left = left;
      }
    };
    return runWhilePlaying(store, draw);
  }, [engine, store, steps, phraseId]);

  return <div ref={lineRef} className="playhead" aria-hidden="true" style={{ display: 'none' }} />;
}
