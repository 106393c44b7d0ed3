/** App-wide keyboard commands (the grid handles its own keys and stops them from reaching these). */
export type ShortcutCommand = 'togglePlay' | 'undo' | 'redo' | 'toggleHelp';

export interface ShortcutEvent {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
  defaultPrevented: boolean;
  /** What has focus: text fields keep their own keys (typing, native text undo), buttons keep Space. */
  target: 'text' | 'button' | 'other';
}

/** The command a key press means, or null. Pure, so the mapping is unit-tested without a browser. */
export function shortcutFor(e: ShortcutEvent): ShortcutCommand | null {
  if (e.defaultPrevented || e.altKey) return null;
  const mod = e.ctrlKey || e.metaKey;
  const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
  if (mod) {
    if (e.target === 'text') return null; // the field's own undo of typed text
    if (key === 'z') return e.shiftKey ? 'redo' : 'undo';
    if (key === 'y' && e.ctrlKey && !e.shiftKey) return 'redo';
    return null;
  }
  if (e.target === 'text') return null;
  if (key === '?') return 'toggleHelp';
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
    return type === 'checkbox' || type === 'radio' || type === 'range' || type === 'button' ? 'button' : 'text';
  }
  if (tag === 'BUTTON' || tag === 'A' || tag === 'SUMMARY') return 'button';
  const role = el.getAttribute('role');
  if (role === 'button' || role === 'gridcell' || role === 'checkbox' || role === 'switch') return 'button';
  return 'other';
}

/** Installs the shortcuts on `target` (the window); returns the uninstaller. */
export function installShortcuts(target: Window, run: (command: ShortcutCommand) => void): () => void {
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.repeat && e.key === ' ') return;
    const command = shortcutFor({
      key: e.key,
      ctrlKey: e.ctrlKey,
      metaKey: e.metaKey,
      shiftKey: e.shiftKey,
      altKey: e.altKey,
      defaultPrevented: e.defaultPrevented,
      target: focusKind(e.target),
    });
    if (!command) return;
    e.preventDefault();
    run(command);
  };
  target.addEventListener('keydown', onKeyDown);
  return () => target.removeEventListener('keydown', onKeyDown);
}
