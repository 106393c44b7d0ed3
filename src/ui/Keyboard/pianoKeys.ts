/**
 * The computer keyboard as a piano: the home row is the white keys and the row above the black ones, by
 * physical key (KeyboardEvent.code) so AZERTY and QWERTZ hands find the same shape. Z and X move the octave.
 */
const SEMITONE_OF_CODE: Record<string, number> = {
  KeyA: 0, // C
  KeyW: 1,
  KeyS: 2, // D
  KeyE: 3,
  KeyD: 4, // E
  KeyF: 5, // F
  KeyT: 6,
  KeyG: 7, // G
  KeyY: 8,
  KeyH: 9, // A
  KeyU: 10,
  KeyJ: 11, // B
  KeyK: 12, // C an octave up
  KeyO: 13,
  KeyL: 14,
};

export type PianoKeyIntent = { kind: 'note'; semitone: number } | { kind: 'octave'; delta: 1 | -1 } | { kind: 'none' };

export interface PianoKeyEvent {
  code: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  repeat: boolean;
}

/** What a key press means for step input; modifier chords (Ctrl+Z ...) and auto-repeat mean nothing. */
export function pianoKeyIntent(e: PianoKeyEvent): PianoKeyIntent {
  if (e.ctrlKey || e.metaKey || e.altKey || e.repeat) return { kind: 'none' };
  if (e.code === 'KeyZ') return { kind: 'octave', delta: -1 };
  if (e.code === 'KeyX') return { kind: 'octave', delta: 1 };
  const semitone = SEMITONE_OF_CODE[e.code];
  return semitone === undefined ? { kind: 'none' } : { kind: 'note', semitone };
}

/** The letters in piano order, for the help panel and the control's hint. */
export const PIANO_KEY_LETTERS = 'A W S E D F T G Y H U J K';

/** The step after writing a note of `length` at `step` in a phrase of `total` steps (wraps to the start). */
export function nextStepAfter(step: number, length: number, total: number): number {
  return total <= 0 ? 0 : (step + length) % total;
}
