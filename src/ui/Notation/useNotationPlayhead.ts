import { useEffect, type RefObject } from 'react';
import type { PlaybackTarget } from '../../store/types';
import type { NotationEvent } from '../../core/notation/notationModel';
import { useServices } from '../AppContext';
import { runWhilePlaying } from '../playingFrames';

/**
 * Highlights the sounding symbol on the staff. Reads engine.playhead() on animation frames while playing and toggles a
 * class on the SVG element: never React state, so playing re-renders nothing. `follows` says whether the
 * playing target is what the staff shows (the phrase loop, or the whole song).
 */
export function useNotationPlayhead(
  container: RefObject<HTMLElement | null>,
  events: readonly NotationEvent[] | null,
  follows: (target: PlaybackTarget | null) => boolean,
  renderVersion: number,
): void {
  const { engine, store } = useServices();
  useEffect(() => {
    const root = container.current;
    if (!root || !events) return;
    const symbols = Array.from(root.querySelectorAll<SVGElement>('.abcjs-note, .abcjs-rest'));
    // abcjs draws one element per symbol in order; if that ever differs, do not highlight the wrong note.
    if (symbols.length !== events.length) return;
    let lit: SVGElement | null = null;
    const draw = () => {
      const { step } = engine.playhead();
      let next: SVGElement | null = null;
      if (step !== null && follows(store.getState().transport.target)) {
        const whole = Math.floor(step);
        const index = events.findIndex((e) => whole >= e.start && whole < e.start + e.length);
        if (index >= 0 && events[index].kind === 'note') next = symbols[index];
      }
      if (next !== lit) {
        lit?.classList.remove('sounding');
        next?.classList.add('sounding');
        lit = next;
      }
    };
    const stop = runWhilePlaying(store, draw);
    return () => {
      stop();
      lit?.classList.remove('sounding');
    };
  }, [container, events, follows, engine, store, renderVersion]);
}
