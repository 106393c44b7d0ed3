import type { AudioEngine } from '../audio/types';
import type { Song } from '../core/types';
import type { AppState, AppStore } from './types';
import type { UndoHistory } from './undoHistory';

/** What every group of actions needs: the store, the injected clock and ids, the engine, undo. */
export interface StoreContext {
  store: AppStore;
  now(): number;
  newId(): string;
  engine?: AudioEngine;
  history: UndoHistory;
}

/**
 * Replaces the song with `fn(song)` as one undoable change and stamps `updatedAt`. When `fn` returns the
 * same object nothing is set, so a no-op (clicking outside the grid, typing the same tempo) makes no
 * undo step and no autosave.
 */
export function changeSong(ctx: StoreContext, fn: (song: Song) => Song, extra?: Partial<AppState>): void {
  const state = ctx.store.getState();
  const next = fn(state.song);
  if (next === state.song) {
    if (extra) ctx.store.setState(extra);
    return;
  }
  ctx.store.setState({ ...extra, song: { ...next, updatedAt: ctx.now() } });
}
