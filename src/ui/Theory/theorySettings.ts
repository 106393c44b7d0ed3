import { useSyncExternalStore } from 'react';

/**
 * What the theory overlay shows and whether the computer keyboard writes notes. View settings, not song data:
 * not undoable, not saved. A module-level observable (like uiSignals) so the grid, the staff and the
 * keyboard listener read the same flags without threading props through the app.
 */
export type NoteLabelKind = 'none' | 'degrees' | 'solfege';

export interface TheorySettings {
  labels: NoteLabelKind;
  chordTones: boolean;
  intervals: boolean;
  /** Computer-keyboard step input: piano keys write a note at the cursor step and advance. */
  stepInput: boolean;
  /** Length of a note written by step input, in steps. */
  stepLength: number;
}

let settings: TheorySettings = { labels: 'none', chordTones: false, intervals: false, stepInput: false, stepLength: 1 };
const listeners = new Set<() => void>();

export const theorySettings = {
  get: (): TheorySettings => settings,
  set(patch: Partial<TheorySettings>): void {
    settings = { ...settings, ...patch };
    listeners.forEach((l) => l());
  },
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

/** The current settings; re-renders when they change. */
export function useTheorySettings(): TheorySettings {
  return useSyncExternalStore(theorySettings.subscribe, theorySettings.get, theorySettings.get);
}
