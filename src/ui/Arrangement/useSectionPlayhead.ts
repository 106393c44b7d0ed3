import { useEffect, type RefObject } from 'react';
import { useServices } from '../AppContext';
import { runWhilePlaying } from '../playingFrames';
import { sectionAt, sectionSpans, type SectionSpan } from './sectionSpans';

/**
 * Marks the section that is playing: on every animation frame while playing it reads engine.playhead() and the transport
 * target straight from the store (no React state, so playing re-renders nothing) and sets aria-current and
 * a progress variable on the matching list item.
 */
export function useSectionPlayhead(listRef: RefObject<HTMLElement | null>): void {
  const { engine, store } = useServices();

  useEffect(() => {
    let shownId: string | null = null;
    let spansFor: unknown = null;
    let spans: SectionSpan[] = [];

    const draw = () => {
      const list = listRef.current;
      const { song, transport } = store.getState();
      const { step } = engine.playhead();
      let playing: { id: string; fraction: number } | null = null;
      if (transport.playing && step !== null && transport.target) {
        if (transport.target.kind === 'song') {
          if (spansFor !== song) {
            spans = sectionSpans(song);
            spansFor = song;
          }
          playing = sectionAt(spans, step);
        } else if (transport.target.kind === 'section') {
          const id = transport.target.sectionId;
          const span = sectionSpans({ ...song, arrangement: song.arrangement.filter((s) => s.id === id) })[0];
          const length = span ? span.end - span.start : 0;
          playing = length > 0 ? { id, fraction: (((step % length) + length) % length) / length } : null;
        }
      }
      if (list) {
        if (shownId !== (playing?.id ?? null)) {
          list.querySelector('[aria-current="true"]')?.removeAttribute('aria-current');
          shownId = playing?.id ?? null;
        }
        if (playing) {
          const item = list.querySelector<HTMLElement>(`[data-section-id="${CSS.escape(playing.id)}"]`);
          if (item) {
            if (item.getAttribute('aria-current') !== 'true') item.setAttribute('aria-current', 'true');
            item.style.setProperty('--section-progress', playing.fraction.toFixed(4));
          }
        }
      }
    };
    return runWhilePlaying(store, draw);
  }, [engine, store, listRef]);
}
