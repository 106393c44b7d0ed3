import { useSyncExternalStore } from 'react';

/**
 * The computer-keyboard piano's octave and step-input cursor, shared by the key listener (always on, from
 * the app) and the Keyboard panel that shows them (only while it is open).
 */
export interface PianoKeyState {
  octave: number;
  cursor: number;
}

let state: PianoKeyState = { octave: 0, cursor: 0 };
const listeners = new Set<() => void>();

export const pianoKeyState = {
  get: (): PianoKeyState => state,
  set(patch: Partial<PianoKeyState>): void {
    state = { ...state, ...patch };
    listeners.forEach((l) => l());
  },
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

export function usePianoKeyState(): PianoKeyState {
  return useSyncExternalStore(pianoKeyState.subscribe, pianoKeyState.get, pianoKeyState.get);
}
