/**
 * What a key pressed on a grid cell means, independent of React and the DOM (so it is unit-tested).
 * Up is a higher pitch: the grid draws the highest row first.
 */
export type GridKeyIntent =
  | { kind: 'focus'; dPitch: number; dStep: number }
  | { kind: 'focusStep'; to: 'first' | 'last' }
  | { kind: 'toggle' }
  | { kind: 'remove' }
  | { kind: 'resize'; delta: 1 | -1 }
  /** Ctrl+Shift+Right/Left (Cmd on a Mac): grow or shrink the selection of steps from the focused cell. */
  | { kind: 'select'; delta: 1 | -1 }
  | { kind: 'none' };

export interface KeyLike {
  key: string;
  shiftKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
}

export function gridKeyIntent(e: KeyLike): GridKeyIntent {
  if ((e.ctrlKey || e.metaKey) && e.shiftKey && !e.altKey && (e.key === 'ArrowRight' || e.key === 'ArrowLeft')) {
    return { kind: 'select', delta: e.key === 'ArrowRight' ? 1 : -1 };
  }
  // Leave Ctrl/Cmd chords (undo, redo, browser keys) and Alt (candidates) to the global shortcuts.
  if (e.ctrlKey || e.metaKey || e.altKey) return { kind: 'none' };
  switch (e.key) {
    case 'ArrowUp':
      return { kind: 'focus', dPitch: e.shiftKey ? 12 : 1, dStep: 0 };
    case 'ArrowDown':
      return { kind: 'focus', dPitch: e.shiftKey ? -12 : -1, dStep: 0 };
    case 'ArrowRight':
      return e.shiftKey ? { kind: 'resize', delta: 1 } : { kind: 'focus', dPitch: 0, dStep: 1 };
    case 'ArrowLeft':
      return e.shiftKey ? { kind: 'resize', delta: -1 } : { kind: 'focus', dPitch: 0, dStep: -1 };
    case 'PageUp':
      return { kind: 'focus', dPitch: 12, dStep: 0 };
    case 'PageDown':
      return { kind: 'focus', dPitch: -12, dStep: 0 };
    case 'Home':
      return { kind: 'focusStep', to: 'first' };
    case 'End':
      return { kind: 'focusStep', to: 'last' };
    case 'Enter':
    case ' ':
      return { kind: 'toggle' };
    case 'Delete':
    case 'Backspace':
      return { kind: 'remove' };
    default:
      return { kind: 'none' };
  }
}
