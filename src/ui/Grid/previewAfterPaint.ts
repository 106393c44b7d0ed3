import type { AudioEngine } from '../../store/types';

/**
 * Sounds a grid note once the frame showing it has been painted. Starting a voice costs the main thread
 * several milliseconds (Tone schedules its envelope), and in a large song that came straight out of the
 * edit's input-to-paint time; heard one frame later, the preview is still immediate to the ear.
 */
export function previewAfterPaint(engine: Pick<AudioEngine, 'previewNote'>, pitch: number): void {
  requestAnimationFrame(() => setTimeout(() => engine.previewNote(pitch), 0));
}
