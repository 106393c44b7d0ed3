import type { StoreApi } from 'zustand/vanilla';
import type { AppState } from '../store/types';

/**
 * Runs `draw` on every animation frame while the transport plays, and once more when it stops (so a
 * playhead or highlight can clear itself). An idle page requests no frames at all: an always-running
 * requestAnimationFrame loop makes the browser run a rendering lifecycle every vsync, which in a large song
 * took time from edits and proposals, and costs a school laptop its battery. Returns the stop function.
 */
export function runWhilePlaying(store: StoreApi<AppState>, draw: () => void): () => void {
  let frame = 0;
  const loop = () => {
    draw();
    frame = requestAnimationFrame(loop);
  };
  const follow = (playing: boolean) => {
    if (playing && frame === 0) frame = requestAnimationFrame(loop);
    if (!playing && frame !== 0) {
      cancelAnimationFrame(frame);
      frame = 0;
      draw();
    }
  };
  follow(store.getState().transport.playing);
  if (frame === 0) draw();
  const unsubscribe = store.subscribe((state, previous) => {
    if (state.transport.playing !== previous.transport.playing) follow(state.transport.playing);
  });
  return () => {
    unsubscribe();
    cancelAnimationFrame(frame);
    frame = 0;
  };
}
