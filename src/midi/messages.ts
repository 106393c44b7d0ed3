import type { MidiPitch, Velocity } from '../core/types';

/**
 * The few MIDI channel messages Phrasewright reads and writes, as plain data. Input takes any channel;
 * a note-on with velocity 0 is a note-off (running keyboards send it that way).
 */

export type MidiNoteMessage =
  | { kind: 'note-on'; pitch: MidiPitch; velocity: Velocity; channel: number }
  | { kind: 'note-off'; pitch: MidiPitch; channel: number };

/** The note message in `data`, or null for anything else (clock, controllers, sysex, garbage). */
export function parseMidiMessage(data: ArrayLike<number>): MidiNoteMessage | null {
  if (data.length < 3) return null;
  const status = data[0] & 0xf0;
  const channel = data[0] & 0x0f;
  const pitch = data[1] & 0x7f;
  const velocity = data[2] & 0x7f;
  if (status === 0x90 && velocity > 0) return { kind: 'note-on', pitch, velocity, channel };
  if (status === 0x80 || status === 0x90) return { kind: 'note-off', pitch, channel };
  return null;
}

/** Bytes of a note-on on `channel` (0-15). */
export function noteOn(pitch: MidiPitch, velocity: Velocity, channel = 0): number[] {
  return [0x90 | (channel & 0x0f), pitch & 0x7f, Math.max(1, Math.min(127, Math.round(velocity)))];
}

/** Bytes of a note-off on `channel` (0-15). */
export function noteOff(pitch: MidiPitch, channel = 0): number[] {
  return [0x80 | (channel & 0x0f), pitch & 0x7f, 0];
}

/** "All notes off" (controller 123) on `channel`: sent on stop so no note hangs on the instrument. */
export function allNotesOff(channel = 0): number[] {
  return [0xb0 | (channel & 0x0f), 123, 0];
}
