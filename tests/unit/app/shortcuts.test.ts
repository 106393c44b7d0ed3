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

test('Space plays or stops, but not on a button (which Space clicks), a grid cell or in a text field', () => {
  expect(press(' ')).toBe('togglePlay');
  expect(press(' ', { target: 'button' })).toBeNull();
  expect(press(' ', { target: 'cell' })).toBeNull();
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
  expect(press('z', { ctrlKey: true, target: 'cell' })).toBe('undo');
});

test('? toggles the help panel except while typing', () => {
  expect(press('?', { shiftKey: true })).toBe('toggleHelp');
  expect(press('?', { target: 'text' })).toBeNull();
});

test('a key another handler already used (the grid) is ignored', () => {
  expect(press(' ', { defaultPrevented: true })).toBeNull();
  expect(press('z', { ctrlKey: true, altKey: true })).toBeNull();
});

test('P proposes and ] / [ or Alt+Down / Alt+Up move through the candidates, from the grid, a button or the page', () => {
  for (const target of ['other', 'cell', 'button'] as const) {
    expect(press('p', { target })).toBe('propose');
    expect(press(']', { target })).toBe('nextCandidate');
    expect(press('[', { target })).toBe('previousCandidate');
    expect(press('ArrowDown', { altKey: true, target })).toBe('nextCandidate');
    expect(press('ArrowUp', { altKey: true, target })).toBe('previousCandidate');
  }
  expect(press('P', { shiftKey: true })).toBe('propose');
});

test('keys typed into text fields never trigger a shortcut', () => {
  for (const key of ['p', ']', '[', 'm', 'Enter', ' ', 'Delete', 'Escape'])
    expect(press(key, { target: 'text', previewing: true })).toBeNull();
  expect(press('ArrowDown', { altKey: true, target: 'text' })).toBeNull();
});

test('while a candidate is previewed: Enter accepts, Space auditions, M mutates, Delete discards, Escape stops', () => {
  const on = { previewing: true } as const;
  expect(press('Enter', on)).toBe('acceptPreview');
  expect(press('Enter', { ...on, target: 'cell' })).toBe('acceptPreview');
  expect(press(' ', { ...on, target: 'cell' })).toBe('auditionPreview');
  expect(press(' ', on)).toBe('auditionPreview');
  expect(press('m', on)).toBe('mutatePreview');
  expect(press('Delete', { ...on, target: 'cell' })).toBe('discardPreview');
  expect(press('Backspace', on)).toBe('discardPreview');
  expect(press('Escape', on)).toBe('escape');
  // A focused button keeps Enter and Space for itself.
  expect(press('Enter', { ...on, target: 'button' })).toBeNull();
  expect(press(' ', { ...on, target: 'button' })).toBeNull();
});

test('with nothing previewed, Enter, M and Delete are left alone (the grid toggles and removes notes itself)', () => {
  expect(press('Enter')).toBeNull();
  expect(press('m')).toBeNull();
  expect(press('Delete', { target: 'cell' })).toBeNull();
});
