import { describe, expect, it } from 'vitest';
import { nextStepAfter, pianoKeyIntent } from '../../../../src/ui/Keyboard/pianoKeys';

const press = (
  code: string,
  mods: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean; repeat: boolean }> = {},
) => pianoKeyIntent({ code, ctrlKey: false, metaKey: false, altKey: false, repeat: false, ...mods });

describe('computer keyboard as a piano', () => {
  it('plays an octave from C on the home row with the black keys above', () => {
    const codes = [
      'KeyA',
      'KeyW',
      'KeyS',
      'KeyE',
      'KeyD',
      'KeyF',
      'KeyT',
      'KeyG',
      'KeyY',
      'KeyH',
      'KeyU',
      'KeyJ',
      'KeyK',
    ];
    expect(codes.map((c) => press(c))).toEqual(codes.map((_, semitone) => ({ kind: 'note', semitone })));
  });

  it('moves the octave with Z and X', () => {
    expect(press('KeyZ')).toEqual({ kind: 'octave', delta: -1 });
    expect(press('KeyX')).toEqual({ kind: 'octave', delta: 1 });
  });

  it('leaves Ctrl+Z, auto-repeat, Space and ? to the rest of the app', () => {
    expect(press('KeyZ', { ctrlKey: true })).toEqual({ kind: 'none' });
    expect(press('KeyA', { metaKey: true })).toEqual({ kind: 'none' });
    expect(press('KeyA', { repeat: true })).toEqual({ kind: 'none' });
    expect(press('Space')).toEqual({ kind: 'none' });
    expect(press('Slash')).toEqual({ kind: 'none' });
  });

  it('advances the cursor by the note length and wraps at the phrase end', () => {
    expect(nextStepAfter(0, 1, 16)).toBe(1);
    expect(nextStepAfter(12, 4, 16)).toBe(0);
  });
});
