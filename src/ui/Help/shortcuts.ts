/** The keyboard shortcuts the help panel lists (the composition root and the grid implement them). */
export const SHORTCUTS: readonly { keys: string; does: string }[] = [
  { keys: 'Space', does: 'Play / stop (outside the grid and text fields)' },
  { keys: 'Ctrl/⌘ + Z', does: 'Undo' },
  { keys: 'Ctrl/⌘ + Shift + Z, Ctrl + Y', does: 'Redo' },
  { keys: '?', does: 'Show or hide this help' },
  { keys: 'Arrow keys', does: 'Grid: move between cells (up is higher)' },
  { keys: 'Enter or Space', does: 'Grid: add or remove the note at the cell' },
  { keys: 'Shift + → / ←', does: 'Grid: lengthen / shorten the note' },
  { keys: 'Shift + ↑ / ↓, Page Up / Down', does: 'Grid: move by an octave' },
  { keys: 'Home / End', does: 'Grid: first / last step' },
  { keys: 'Delete', does: 'Grid: remove the note at the cell' },
  { keys: 'A W S E D F T G Y H U J K', does: 'Play C to C like a piano; with Step input on, write the note at the focused step and move on' },
  { keys: 'Z / X', does: 'Piano keys: octave down / up' },
  { keys: 'Escape', does: 'Close this help; cancel a field edit' },
];
