import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createStore } from 'zustand/vanilla';
import type { AppState } from '../../../src/store/types';
import { runWhilePlaying } from '../../../src/ui/playingFrames';

// A store with only what runWhilePlaying reads; the frames come from Vitest's fake requestAnimationFrame.
function transportStore(playing: boolean) {
  return createStore<AppState>(() => ({ transport: { playing } }) as unknown as AppState);
}
const setPlaying = (store: ReturnType<typeof transportStore>, playing: boolean) =>
  store.setState({ transport: { ...store.getState().transport, playing } });

describe('runWhilePlaying', () => {
  beforeEach(() => {
    // Node has no animation frames; placeholders give the fake timers something to replace.
    vi.stubGlobal('requestAnimationFrame', () => 0);
    vi.stubGlobal('cancelAnimationFrame', () => {});
    vi.useFakeTimers({ toFake: ['requestAnimationFrame', 'cancelAnimationFrame', 'performance'] });
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('requests no frames while the transport is stopped, after one draw that clears', () => {
    const store = transportStore(false);
    const draw = vi.fn();
    const stop = runWhilePlaying(store, draw);
    expect(draw).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1000);
    expect(draw).toHaveBeenCalledTimes(1);
    expect(vi.getTimerCount()).toBe(0);
    stop();
  });

  it('draws every frame while playing and once more when playback stops', () => {
    const store = transportStore(false);
    const draw = vi.fn();
    const stop = runWhilePlaying(store, draw);
    setPlaying(store, true);
    vi.advanceTimersByTime(160); // about ten 16 ms frames
    const whilePlaying = draw.mock.calls.length;
    expect(whilePlaying).toBeGreaterThanOrEqual(9);
    setPlaying(store, false);
    expect(draw).toHaveBeenCalledTimes(whilePlaying + 1);
    vi.advanceTimersByTime(500);
    expect(draw).toHaveBeenCalledTimes(whilePlaying + 1);
    stop();
  });

  it('starts at once when the transport already plays, and stop() ends the frames and the subscription', () => {
    const store = transportStore(true);
    const draw = vi.fn();
    const stop = runWhilePlaying(store, draw);
    vi.advanceTimersByTime(50);
    expect(draw.mock.calls.length).toBeGreaterThan(0);
    stop();
    const after = draw.mock.calls.length;
    setPlaying(store, false);
    setPlaying(store, true);
    vi.advanceTimersByTime(500);
    expect(draw).toHaveBeenCalledTimes(after);
  });
});
