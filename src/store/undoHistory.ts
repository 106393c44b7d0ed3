import type { Song } from '../core/types';
import type { AppStore } from './types';

/** Undo steps kept per song; the issue asks for at least 200. */
export const UNDO_LIMIT = 500;

export interface UndoHistory {
  undo(): void;
  redo(): void;
  canUndo(): boolean;
  canRedo(): boolean;
  /** Stops recording; edits until `endGesture` are folded into one step. Nested calls are counted. */
  beginGesture(): void;
  endGesture(): void;
  inGesture(): boolean;
  /** Forgets every step (opening another song must not let Undo bring the previous song back). */
  clear(): void;
}

/**
 * Gestures on top of zundo: while a drag runs, tracking is paused so its many intermediate states
 * create no steps; at the end the state from before the drag is pushed as ONE past state.
 * The `undo` flags in app state are kept in step with zundo's stacks so React can render them.
 */
export function createUndoHistory(store: AppStore): UndoHistory {
  const temporal = store.temporal;
  let depth = 0;
  let songBeforeGesture: Song | null = null;

  function syncFlags(): void {
    const { pastStates, futureStates } = temporal.getState();
    const canUndo = pastStates.length > 0;
    const canRedo = futureStates.length > 0;
    const flags = store.getState().undo;
    if (flags.canUndo !== canUndo || flags.canRedo !== canRedo) store.setState({ undo: { canUndo, canRedo } });
  }
  temporal.subscribe(syncFlags);

  return {
    undo(): void {
      if (depth > 0) return; // undo in the middle of a drag would tear the gesture apart
      temporal.getState().undo();
    },
    redo(): void {
      if (depth > 0) return;
      temporal.getState().redo();
    },
    canUndo: () => temporal.getState().pastStates.length > 0,
    canRedo: () => temporal.getState().futureStates.length > 0,
    beginGesture(): void {
      if (depth++ > 0) return;
      songBeforeGesture = store.getState().song;
      temporal.getState().pause();
    },
    endGesture(): void {
      if (depth === 0) return;
      if (--depth > 0) return;
      const before = songBeforeGesture;
      songBeforeGesture = null;
      temporal.getState().resume();
      if (before === null || before === store.getState().song) return;
      const past = [...temporal.getState().pastStates, { song: before }];
      if (past.length > UNDO_LIMIT) past.splice(0, past.length - UNDO_LIMIT);
      temporal.setState({ pastStates: past, futureStates: [] });
    },
    inGesture: () => depth > 0,
    clear(): void {
      depth = 0;
      songBeforeGesture = null;
      temporal.getState().resume();
      temporal.getState().clear();
    },
  };
}
