import type { PlaybackEvent } from '../core/playback';
import type { Steps } from '../core/types';
import { noteOff, noteOn } from './messages';

/**
 * MIDI output of playback: the song's note events in a look-ahead window become timestamped messages for
 * MIDIOutput.send(data, timestamp). Timestamps are in the performance.now() clock, which Web MIDI uses,
 * so the browser delivers each message on time however late this code ran (within the look-ahead).
 */

export interface TimedMidiMessage {
  data: number[];
  /** performance.now() milliseconds at which the instrument should hear it. */
  at: number;
}

/** When the step `atStep` falls, given that step `nowStep` is playing at `nowMs`. */
export function stepTimeMs(atStep: Steps, nowStep: Steps, nowMs: number, msPerStep: number): number {
  return nowMs + (atStep - nowStep) * msPerStep;
}

/**
 * Note-on and note-off messages for the note events among `events` (absolute steps), timed against the
 * playhead (`nowStep` sounding at `nowMs`). Notes already due are sent at once rather than dropped.
 */
export function midiMessagesFor(events: readonly PlaybackEvent[], nowStep: Steps, nowMs: number, msPerStep: number, channel = 0): TimedMidiMessage[] {
  const out: TimedMidiMessage[] = [];
  for (const e of events) {
    if (e.kind !== 'note') continue;
    const on = Math.max(nowMs, stepTimeMs(e.step, nowStep, nowMs, msPerStep));
    // Released a hair early so a repeated pitch gets a clean new note-on.
    const off = Math.max(on + 1, stepTimeMs(e.step + e.length, nowStep, nowMs, msPerStep) - 2);
    out.push({ data: noteOn(e.pitch, e.velocity, channel), at: on }, { data: noteOff(e.pitch, channel), at: off });
  }
  return out.sort((a, b) => a.at - b.at);
}
