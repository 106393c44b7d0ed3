/** The keyboard shortcuts the help panel lists, by group (the composition root and the grid implement them). */
export interface ShortcutGroup {
  title: string;
  keys: readonly { keys: string; does: string }[];
}

export const SHORTCUT_GROUPS: readonly ShortcutGroup[] = [
  {
    title: 'Anywhere (outside text fields)',
    keys: [
      {
        keys: 'Space',
        does: 'Play / stop (outside the grid and buttons); with a candidate previewed, audition it in place',
      },
      { keys: 'Ctrl/⌘ + Z', does: 'Undo' },
      { keys: 'Ctrl/⌘ + Shift + Z, Ctrl + Y', does: 'Redo' },
      { keys: '?', does: 'Show or hide this help' },
      { keys: 'Escape', does: 'Close this help; cancel a question; stop previewing; then clear the selection' },
    ],
  },
  {
    title: 'Ideas from the model',
    keys: [
      { keys: 'P', does: 'Propose: candidates for the selection, else after your last note' },
      { keys: '] / [, Alt + ↓ / ↑', does: 'Preview the next / previous candidate as ghost notes on the grid' },
      { keys: 'Enter', does: 'Accept the previewed candidate (asks first if it would replace notes you wrote)' },
      { keys: 'M', does: 'Mutate the previewed candidate' },
      { keys: 'Delete', does: 'Discard the previewed candidate' },
    ],
  },
  {
    title: 'Step grid',
    keys: [
      { keys: 'Arrow keys', does: 'Move between cells (up is higher)' },
      { keys: 'Enter or Space', does: 'Add or remove the note at the cell (a new note takes the length last drawn)' },
      { keys: 'Shift + → / ←', does: 'Lengthen / shorten the note' },
      {
        keys: 'Ctrl/⌘ + Shift + → / ←',
        does: 'Select steps from the focused cell (Shift + drag, or drag across the bar ruler, too)',
      },
      { keys: 'Shift + ↑ / ↓, Page Up / Down', does: 'Move by an octave' },
      { keys: 'Home / End', does: 'First / last step' },
      { keys: 'Delete', does: 'Remove the note at the cell' },
    ],
  },
  {
    title: 'Song timeline',
    keys: [
      { keys: 'Alt + ← / →, Alt + ↑ / ↓', does: 'Move the focused section earlier / later' },
      { keys: '+ / −', does: 'One repeat more / less of the focused section' },
      { keys: 'Enter', does: 'Edit the focused section’s phrase in the grid' },
      { keys: 'Delete', does: 'Delete the focused section (Undo brings it back)' },
    ],
  },
  {
    title: 'Computer keyboard as a piano',
    keys: [
      {
        keys: 'A W S E D F T G Y H U J K',
        does: 'Play C to C like a piano; with Step input on, write the note at the focused step and move on',
      },
      { keys: 'Z / X', does: 'Octave down / up' },
    ],
  },
  {
    title: 'Panels',
    keys: [
      {
        keys: 'Tab to the Panels tabs, ↑ / ↓, Enter',
        does: 'Open a panel (Chords, Notation, Theory, History, MIDI, Keyboard, Mix, Export, Classroom, Songs); Enter again closes it',
      },
    ],
  },
];

/** Every shortcut, one list (tests and the old flat view). */
export const SHORTCUTS = SHORTCUT_GROUPS.flatMap((g) => g.keys);
