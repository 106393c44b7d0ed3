/**
 * App-wide keyboard commands. The grid handles its own keys and stops them from reaching these, except the
 * ones it leaves to the previewed candidate (Enter, Space, Delete while ghost notes are shown).
 */
export type ShortcutCommand =
  | 'togglePlay'
  | 'undo'
  | 'redo'
  | 'toggleHelp'
  | 'propose'
  | 'nextCandidate'
  | 'previousCandidate'
  | 'acceptPreview'
  | 'auditionPreview'
  | 'mutatePreview'
  | 'discardPreview'
  | 'escape';

export interface ShortcutEvent {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
  defaultPrevented: boolean;
  /**
   * What has focus: text fields keep their own keys (typing, native text undo), buttons keep Space and
   * Enter (they click), grid cells are the grid's.
   */
  target: 'text' | 'button' | 'cell' | 'other';
  /** True while a candidate is drawn on the grid as ghost notes (Enter, Space, M, Delete then act on it). */
  previewing?: boolean;
}

/** The command a key press means, or null. Pure, so the mapping is unit-tested without a browser. */
export function shortcutFor(e: ShortcutEvent): ShortcutCommand | null {
  if (e.defaultPrevented) return null;
  const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
  if (e.target === 'text') return null; // typing, and the field's own undo of typed text
  const mod = e.ctrlKey || e.metaKey;
  if (e.altKey) {
    if (mod || e.shiftKey) return null;
    if (key === 'ArrowDown') return 'nextCandidate';
    if (key === 'ArrowUp') return 'previousCandidate';
    return null;
  }
  if (mod) {
    if (key === 'z') return e.shiftKey ? 'redo' : 'undo';
    if (key === 'y' && e.ctrlKey && !e.shiftKey) return 'redo';
    return null;
  }
  if (key === '?') return 'toggleHelp';
  if (key === 'Escape') return 'escape';
  if (key === 'p') return 'propose';
  if (key === ']') return 'nextCandidate';
  if (key === '[') return 'previousCandidate';
  const onActivatable = e.target === 'button'; // Space and Enter click a focused button
  if (e.previewing) {
    if (key === 'Enter' && !onActivatable) return 'acceptPreview';
    if (key === ' ' && !onActivatable) return 'auditionPreview';
    if (key === 'm') return 'mutatePreview';
    if (key === 'Delete' || key === 'Backspace') return 'discardPreview';
  }
  if (key === ' ' && e.target === 'other') return 'togglePlay';
  return null;
}

/** Classifies the focused element for shortcutFor. */
export function focusKind(el: EventTarget | null): ShortcutEvent['target'] {
  if (!(el instanceof HTMLElement)) return 'other';
  if (el.isContentEditable) return 'text';
  const tag = el.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return 'text';
  if (tag === 'INPUT') {
    const type = (el as HTMLInputElement).type;
    // Checkboxes, radios and sliders take Space and arrows but have no text to undo.
    return type === 'checkbox' || type === 'radio' || type === 'range' || type === 'button' || type === 'color'
      ? 'button'
      : 'text';
  }
  if (tag === 'BUTTON' || tag === 'A' || tag === 'SUMMARY') return 'button';
  const role = el.getAttribute('role');
  if (role === 'gridcell') return 'cell';
  if (role === 'button' || role === 'checkbox' || role === 'switch' || role === 'tab' || role === 'option')
    return 'button';
  return 'other';
}

/**
 * Installs the shortcuts on `target` (the window); returns the uninstaller. `previewing` says whether ghost
 * notes are shown now (read at each key press).
 */
export function installShortcuts(
  target: Window,
  run: (command: ShortcutCommand) => void,
  previewing: () => boolean = () => false,
): () => void {
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.repeat && (e.key === ' ' || e.key === 'Enter')) return;
    const command = shortcutFor({
      key: e.key,
      ctrlKey: e.ctrlKey,
      metaKey: e.metaKey,
      shiftKey: e.shiftKey,
      altKey: e.altKey,
      defaultPrevented: e.defaultPrevented,
      target: focusKind(e.target),
      previewing: previewing(),
    });
    if (!command) return;
    // Escape also closes dialogs and menus natively: leave it to them, and act here as well.
    if (command !== 'escape') e.preventDefault();
    run(command);
  };
  target.addEventListener('keydown', onKeyDown);
  return () => target.removeEventListener('keydown', onKeyDown);
}
