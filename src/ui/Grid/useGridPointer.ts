import { useEffect, type RefObject } from 'react';
import type { MidiPitch, Steps } from '../../core/types';
import { useServices } from '../AppContext';
import { selectCurrentPhrase } from '../selectors';
import { previewAfterPaint } from './previewAfterPaint';
import { noteOfPitchAt } from './gridModel';
import { pencil } from './pencil';
import { spanBetween } from './selectionModel';

/** Fraction of a note's last cell that grabs its end (to lengthen) rather than its body (to move). */
const END_HANDLE_FRACTION = 0.4;

type Drag =
  | { kind: 'select'; pointerId: number; anchor: Steps }
  | {
      kind: 'resize';
      pointerId: number;
      start: Steps;
      pitch: MidiPitch;
      length: Steps;
      pressedStart: boolean;
      changed: boolean;
      /** The pointer changed the length (a plain click did not): the pencil takes it. */
      drawn?: boolean;
    }
  | {
      kind: 'move';
      pointerId: number;
      start: Steps;
      pitch: MidiPitch;
      length: Steps;
      grabOffset: Steps;
      pressedStart: boolean;
      changed: boolean;
    };

interface CellHit {
  pitch: MidiPitch;
  step: Steps;
  cell: HTMLElement;
}

function cellOf(target: EventTarget | null): CellHit | null {
  const cell = target instanceof Element ? target.closest<HTMLElement>('[role="gridcell"]') : null;
  const row = cell?.closest<HTMLElement>('[data-pitch]');
  if (!cell || !row) return null;
  return { pitch: Number(row.dataset.pitch), step: Number(cell.dataset.step), cell };
}

/**
 * Mouse/touch editing of the grid by event delegation: click an empty cell to add a note of the pencil's
 * length (and drag right to draw it longer), click a note's first cell to remove it, drag a note's end to
 * lengthen it, drag its body to move it; Shift+drag selects steps instead. Each press-drag-release is one
 * undo step (beginGesture/endGesture); the length a drag leaves a note at becomes the pencil's.
 */
export function useGridPointer(
  gridRef: RefObject<HTMLElement | null>,
  totalSteps: Steps,
  onFocusCell: (pitch: MidiPitch, step: Steps) => void,
) {
  const { store, actions, engine } = useServices();

  useEffect(() => {
    const grid = gridRef.current;
    if (!grid) return;
    let drag: Drag | null = null;
    let inGesture = false;
    const notes = () => selectCurrentPhrase(store.getState())?.notes ?? [];
    const gesture = () => {
      if (!inGesture) {
        actions.beginGesture();
        inGesture = true;
      }
    };

    const onDown = (e: PointerEvent) => {
      if (e.button !== 0 || drag) return;
      const hit = cellOf(e.target);
      if (!hit) return;
      e.preventDefault(); // no text selection while dragging; focus is moved by hand below
      onFocusCell(hit.pitch, hit.step);
      grid.setPointerCapture?.(e.pointerId);
      if (e.shiftKey) {
        drag = { kind: 'select', pointerId: e.pointerId, anchor: hit.step };
        actions.setSelection(spanBetween(hit.step, hit.step));
        return;
      }
      const note = noteOfPitchAt(notes(), hit.pitch, hit.step);
      if (!note) {
        // A new note of the pencil's length; dragging right from here draws it longer, all as one undo step.
        gesture();
        actions.toggleNote(hit.pitch, hit.step, undefined, pencil.length());
        previewAfterPaint(engine, hit.pitch);
        const length = noteOfPitchAt(notes(), hit.pitch, hit.step)?.length ?? 1;
        drag = {
          kind: 'resize',
          pointerId: e.pointerId,
          start: hit.step,
          pitch: hit.pitch,
          length,
          pressedStart: false,
          changed: true,
        };
        return;
      }
      const rect = hit.cell.getBoundingClientRect();
      const onEndHandle =
        hit.step === note.start + note.length - 1 && e.clientX >= rect.right - rect.width * END_HANDLE_FRACTION;
      const pressedStart = hit.step === note.start;
      drag = onEndHandle
        ? {
            kind: 'resize',
            pointerId: e.pointerId,
            start: note.start,
            pitch: note.pitch,
            length: note.length,
            pressedStart,
            changed: false,
          }
        : {
            kind: 'move',
            pointerId: e.pointerId,
            start: note.start,
            pitch: note.pitch,
            length: note.length,
            grabOffset: hit.step - note.start,
            pressedStart,
            changed: false,
          };
    };

    const onMove = (e: PointerEvent) => {
      if (!drag || e.pointerId !== drag.pointerId) return;
      const hit = cellOf(document.elementFromPoint(e.clientX, e.clientY));
      if (!hit) return;
      if (drag.kind === 'select') {
        actions.setSelection(spanBetween(drag.anchor, hit.step));
        return;
      }
      if (drag.kind === 'resize') {
        const length = Math.max(1, Math.min(totalSteps - drag.start, hit.step - drag.start + 1));
        if (length === drag.length) return;
        gesture();
        actions.setNoteLength(drag.start, length);
        const now = noteOfPitchAt(notes(), drag.pitch, drag.start);
        drag.length = now?.length ?? length;
        drag.changed = true;
        drag.drawn = true;
        return;
      }
      const toStart = Math.max(0, Math.min(totalSteps - drag.length, hit.step - drag.grabOffset));
      if (toStart === drag.start && hit.pitch === drag.pitch) return;
      gesture();
      actions.moveNote(drag.start, toStart, hit.pitch);
      // The store may refuse or adjust a move; follow the note where it really is.
      const moved = notes().find((n) => n.start === toStart && n.pitch === hit.pitch);
      if (moved) {
        if (hit.pitch !== drag.pitch) previewAfterPaint(engine, hit.pitch);
        drag.start = moved.start;
        drag.pitch = moved.pitch;
        drag.length = moved.length;
        drag.changed = true;
        onFocusCell(moved.pitch, moved.start + drag.grabOffset);
      }
    };

    const onUp = (e: PointerEvent) => {
      if (!drag || e.pointerId !== drag.pointerId) return;
      // A press on a note's first cell that did not drag is a click: it removes the note.
      if (drag.kind !== 'select' && !drag.changed && drag.pressedStart && e.type === 'pointerup')
        actions.toggleNote(drag.pitch, drag.start);
      if (drag.kind === 'resize' && drag.drawn) pencil.remember(drag.length);
      drag = null;
      if (inGesture) {
        actions.endGesture();
        inGesture = false;
      }
    };

    grid.addEventListener('pointerdown', onDown);
    grid.addEventListener('pointermove', onMove);
    grid.addEventListener('pointerup', onUp);
    grid.addEventListener('pointercancel', onUp);
    return () => {
      grid.removeEventListener('pointerdown', onDown);
      grid.removeEventListener('pointermove', onMove);
      grid.removeEventListener('pointerup', onUp);
      grid.removeEventListener('pointercancel', onUp);
      if (inGesture) actions.endGesture();
    };
  }, [gridRef, totalSteps, onFocusCell, store, actions, engine]);
}
