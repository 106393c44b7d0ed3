import { describe, expect, it } from 'vitest';
import { allNotesOff, noteOff, noteOn, parseMidiMessage } from '../../../src/midi/messages';
import { quantizeHeldKey, stepAtEvent } from '../../../src/midi/recording';

describe('MIDI messages', () => {
  it('reads note-ons on any channel, and a note-on at velocity 0 as a note-off', () => {
    expect(parseMidiMessage([0x93, 60, 100])).toEqual({ kind: 'note-on', pitch: 60, velocity: 100, channel: 3 });
    expect(parseMidiMessage([0x90, 60, 0])).toEqual({ kind: 'note-off', pitch: 60, channel: 0 });
    expect(parseMidiMessage([0x81, 62, 64])).toEqual({ kind: 'note-off', pitch: 62, channel: 1 });
  });

  it('ignores clocks, controllers and short messages', () => {
    expect(parseMidiMessage([0xf8])).toBeNull();
    expect(parseMidiMessage([0xb0, 7, 100])).toBeNull();
    expect(parseMidiMessage([0x90, 60])).toBeNull();
  });

  it('writes note and all-notes-off messages', () => {
    expect(noteOn(64, 200, 2)).toEqual([0x92, 64, 127]);
    expect(noteOff(64)).toEqual([0x80, 64, 0]);
    expect(allNotesOff(0)).toEqual([0xb0, 123, 0]);
  });
});

describe('recording on the grid', () => {
  it('a key pressed slightly before a step lands on it; held across the loop end it keeps its length', () => {
    expect(quantizeHeldKey({ pitch: 60, velocity: 90, onStep: 3.8, offStep: 5.9 }, 32)).toEqual({
      pitch: 60,
      start: 4,
      length: 2,
      velocity: 90,
    });
    expect(quantizeHeldKey({ pitch: 62, velocity: 90, onStep: 30.1, offStep: 0.2 }, 32)).toMatchObject({
      start: 30,
      length: 2,
    });
    expect(quantizeHeldKey({ pitch: 62, velocity: 90, onStep: 31.7, offStep: 31.8 }, 32)).toMatchObject({
      start: 0,
      length: 1,
    });
  });

  it('the event lag moves the note back to where the playhead was when the key went down', () => {
    // 125 ms per step: a message handled 250 ms late belongs two steps earlier, wrapping at the phrase start.
    expect(stepAtEvent(6, 250, 125, 32)).toBe(4);
    expect(stepAtEvent(1, 250, 125, 32)).toBe(31);
  });
});
