import { useEffect, useLayoutEffect, useRef } from 'react';
import type { Steps } from '../../core/types';
import type { StepSpan } from '../../store/types';
import { useActions } from '../AppContext';
import { spanBetween, stepAtX } from './selectionModel';

interface Props {
  bars: number;
  steps: Steps;
  selection: StepSpan | null;
}

/**
 * Bar numbers above the columns; a drag across the ruler selects those steps (all pitches), a click on it
 * without a drag clears the selection. The selected span is drawn on the ruler too. The cells carry their own
 * step numbers for assistive tech; keyboard users select with Ctrl+Shift+Arrow from a cell.
 */
export function BarRuler({ bars, steps, selection }: Props) {
  const actions = useActions();
  const ref = useRef<HTMLDivElement>(null);
  // Read when a click ends, so a selection change does not re-install the listeners mid-drag.
  const latestSelection = useRef(selection);
  useLayoutEffect(() => {
    latestSelection.current = selection;
  });

  useEffect(() => {
    const ruler = ref.current;
    if (!ruler) return;
    let drag: { pointerId: number; anchor: Steps; moved: boolean } | null = null;
    const stepOf = (x: number) => {
      const box = ruler.getBoundingClientRect();
      const head = ruler.firstElementChild?.getBoundingClientRect().width ?? 0;
      return stepAtX(x, box.left + head, box.width - head, steps);
    };
    const onDown = (e: PointerEvent) => {
      if (e.button !== 0) return;
      e.preventDefault();
      ruler.setPointerCapture?.(e.pointerId);
      const step = stepOf(e.clientX);
      drag = { pointerId: e.pointerId, anchor: step, moved: false };
    };
    const onMove = (e: PointerEvent) => {
      if (!drag || e.pointerId !== drag.pointerId) return;
      const step = stepOf(e.clientX);
      if (step === drag.anchor && !drag.moved) return;
      drag.moved = true;
      actions.setSelection(spanBetween(drag.anchor, step));
    };
    const onUp = (e: PointerEvent) => {
      if (!drag || e.pointerId !== drag.pointerId) return;
      if (!drag.moved && e.type === 'pointerup') {
        // A click selects the bar under it; a click inside the selection clears it.
        const perBar = steps / bars;
        const bar = Math.floor(drag.anchor / perBar);
        const now = latestSelection.current;
        const inside = now && drag.anchor >= now.start && drag.anchor < now.end;
        actions.setSelection(inside ? null : { start: bar * perBar, end: (bar + 1) * perBar });
      }
      drag = null;
    };
    ruler.addEventListener('pointerdown', onDown);
    ruler.addEventListener('pointermove', onMove);
    ruler.addEventListener('pointerup', onUp);
    ruler.addEventListener('pointercancel', onUp);
    return () => {
      ruler.removeEventListener('pointerdown', onDown);
      ruler.removeEventListener('pointermove', onMove);
      ruler.removeEventListener('pointerup', onUp);
      ruler.removeEventListener('pointercancel', onUp);
    };
  }, [actions, steps, bars]);

  return (
    <div ref={ref} className="bar-ruler" role="group" aria-label="Bar ruler" style={{ ['--cols' as string]: steps }}>
      <span className="row-head" aria-hidden="true" />
      {Array.from({ length: bars }, (_, i) => (
        <span key={i} className="bar-number" aria-hidden="true" style={{ gridColumn: `span ${steps / bars}` }}>
          {i + 1}
        </span>
      ))}
      {selection && (
        <span
          className="ruler-selection"
          aria-hidden="true"
          style={{
            left: `calc(var(--head-w) + (100% - var(--head-w)) * ${selection.start / steps})`,
            width: `calc((100% - var(--head-w)) * ${(selection.end - selection.start) / steps})`,
          }}
        >
          <span className="ruler-selection-label">
            {selection.start + 1}–{selection.end}
          </span>
        </span>
      )}
    </div>
  );
}
