import { expect, test } from 'vitest';
import { gridKeyIntent } from '../../../../src/ui/Grid/gridKeys';

const key = (
  k: string,
  mods: Partial<{ shiftKey: boolean; ctrlKey: boolean; metaKey: boolean; altKey: boolean }> = {},
) => gridKeyIntent({ key: k, shiftKey: false, ctrlKey: false, metaKey: false, altKey: false, ...mods });

test('arrows move focus; up is a higher pitch', () => {
  expect(key('ArrowUp')).toEqual({ kind: 'focus', dPitch: 1, dStep: 0 });
  expect(key('ArrowDown')).toEqual({ kind: 'focus', dPitch: -1, dStep: 0 });
  expect(key('ArrowRight')).toEqual({ kind: 'focus', dPitch: 0, dStep: 1 });
  expect(key('ArrowLeft')).toEqual({ kind: 'focus', dPitch: 0, dStep: -1 });
});

test('Shift+Right/Left lengthen and shorten; Shift+Up/Down jump an octave', () => {
  expect(key('ArrowRight', { shiftKey: true })).toEqual({ kind: 'resize', delta: 1 });
  expect(key('ArrowLeft', { shiftKey: true })).toEqual({ kind: 'resize', delta: -1 });
  expect(key('ArrowUp', { shiftKey: true })).toEqual({ kind: 'focus', dPitch: 12, dStep: 0 });
});

test('Enter and Space toggle, Delete removes', () => {
  expect(key('Enter').kind).toBe('toggle');
  expect(key(' ').kind).toBe('toggle');
  expect(key('Delete').kind).toBe('remove');
});

test('Ctrl/Cmd chords are left to the global shortcuts (undo, redo)', () => {
  expect(key('z', { ctrlKey: true }).kind).toBe('none');
  expect(key('ArrowRight', { metaKey: true }).kind).toBe('none');
  expect(key('a').kind).toBe('none');
});

test('Ctrl+Shift+Arrow (Cmd on a Mac) selects steps; Alt is left to the candidate keys', () => {
  const k = (
    key: string,
    mods: Partial<{ shiftKey: boolean; ctrlKey: boolean; metaKey: boolean; altKey: boolean }> = {},
  ) => gridKeyIntent({ key, shiftKey: false, ctrlKey: false, metaKey: false, altKey: false, ...mods });
  expect(k('ArrowRight', { ctrlKey: true, shiftKey: true })).toEqual({ kind: 'select', delta: 1 });
  expect(k('ArrowLeft', { metaKey: true, shiftKey: true })).toEqual({ kind: 'select', delta: -1 });
  expect(k('ArrowDown', { altKey: true })).toEqual({ kind: 'none' });
  expect(k('ArrowRight', { ctrlKey: true })).toEqual({ kind: 'none' });
});
