import { useEffect, type RefObject } from 'react';

/** Wheel distance (in pixels) that moves the pitch window by one semitone. */
const PIXELS_PER_SEMITONE = 36;

/**
 * The wheel over the grid scrolls through the piano by moving the pitch window (the DOM holds only the rows
 * in view). Shift+wheel and horizontal wheels are left alone so long phrases still scroll sideways.
 */
export function useWheelPitchScroll(ref: RefObject<HTMLElement | null>, moveWindow: (semitones: number) => void) {
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    let pending = 0;
    const onWheel = (e: WheelEvent) => {
      if (e.shiftKey || e.ctrlKey || Math.abs(e.deltaX) > Math.abs(e.deltaY)) return;
      e.preventDefault();
      const pixels = e.deltaMode === WheelEvent.DOM_DELTA_LINE ? e.deltaY * 16 : e.deltaY;
      pending += pixels;
      const semitones = Math.trunc(pending / PIXELS_PER_SEMITONE);
      if (semitones !== 0) {
        pending -= semitones * PIXELS_PER_SEMITONE;
        moveWindow(-semitones); // wheel down shows lower notes
      }
    };
    el.addEventListener('wheel', onWheel, { passive: false });
    return () => el.removeEventListener('wheel', onWheel);
  }, [ref, moveWindow]);
}
