import { useEffect, useRef } from 'react';
import { useServices } from '../AppContext';
import { runWhilePlaying } from '../playingFrames';

/**
 * The playhead line over the grid. While the transport plays it reads engine.playhead() on every animation
 * frame and moves a DOM node directly: the position never passes through React state, so playing re-renders nothing.
 */
export function Playhead({ steps }: { steps: number }) {
  const { engine, store } = useServices();
  const lineRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const line = lineRef.current;
    if (!line) return;
    let shown = '';
    const draw = () => {
      const { step } = engine.playhead();
      // Percent of the cells' width, offset by the row-head column: no layout read per frame.
      const left =
        step === null || steps <= 0
          ? ''
          : `calc(var(--head-w) + (100% - var(--head-w)) * ${((step % steps) / steps).toFixed(5)})`;
      if (left !== shown) {
        shown = left;
        line.style.display = left ? 'block' : 'none';
        if (left) line.style.left = left;
      }
    };
    return runWhilePlaying(store, draw);
  }, [engine, store, steps]);

  return <div ref={lineRef} className="playhead" aria-hidden="true" style={{ display: 'none' }} />;
}
