import { expect, test } from 'vitest';
import { shortcutFor, type ShortcutEvent } from '../../../src/app/shortcuts';

const press = (key: string, more: Partial<ShortcutEvent> = {}) =>
  shortcutFor({
    key,
    ctrlKey: false,
    metaKey: false,
    shiftKey: false,
    altKey: false,
    defaultPrevented: false,
    target: 'other',
    ...more,
  });

test('Space plays or stops, but not on a button (which Space clicks) or in a text field', () => {
  expect(press(' ')).toBe('togglePlay');
  expect(press(' ', { target: 'button' })).toBeNull();
  expect(press(' ', { target: 'text' })).toBeNull();
});

test('Ctrl/Cmd+Z undoes; Ctrl/Cmd+Shift+Z and Ctrl+Y redo', () => {
  expect(press('z', { ctrlKey: true })).toBe('undo');
  expect(press('z', { metaKey: true })).toBe('undo');
  expect(press('Z', { ctrlKey: true, shiftKey: true })).toBe('redo');
  expect(press('z', { metaKey: true, shiftKey: true })).toBe('redo');
  expect(press('y', { ctrlKey: true })).toBe('redo');
  expect(press('z')).toBeNull();
});

test('text fields keep their own undo; focused buttons and grid cells do not', () => {
  expect(press('z', { ctrlKey: true, target: 'text' })).toBeNull();
  expect(press('z', { ctrlKey: true, target: 'button' })).toBe('undo');
});

test('? toggles the help panel except while typing', () => {
  expect(press('?', { shiftKey: true })).toBe('toggleHelp');
  expect(press('?', { target: 'text' })).toBeNull();
});

test('a key another handler already used (the grid) is ignored', () => {
  expect(press(' ', { defaultPrevented: true })).toBeNull();
  expect(press('z', { ctrlKey: true, altKey: true })).toBeNull();
});
