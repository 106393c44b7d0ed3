import type { ClockPair, PlannedWindow, TimedEvent } from '../core/playbackPlanner';
import { allNotesOff, noteOff, noteOn } from './messages';

/**
 * MIDI out as one more output of the playback planner: the notes of each window the engine plays become
 * timestamped messages for MIDIOutput.send(data, timestamp), as Signal sends its player's events to MIDI out.
 * There is no timer here: the engine's windows are the schedule. What this adds is the map from the audio
 * clock (event times) to performance.now() (Web MIDI timestamps), from the clock pair each window carries.
 */

export interface TimedMidiMessage {
  data: number[];
  /** performance.now() milliseconds at which the instrument should hear it. */
  at: number;
}

/** performance.now() = audio time * 1000 + offsetMs. */
export interface ClockMap {
  offsetMs: number;
}

/**
 * How far a window's clock pair may disagree with the map before the map moves. Where the browser has no
 * output timestamp, the pair is read from JS and jitters by tens of ms on a busy machine; following every
 * reading would make the instrument's tempo wobble with it. A real jump (a suspended and resumed audio
 * context) is far larger.
 */
export const CLOCK_TOLERANCE_MS = 100;

/** Released a hair before the note's end, so a repeated pitch gets a clean new note-on. */
const RELEASE_GAP_MS = 2;

/** The map after seeing `pair`: taken from the first pair, and moved only when a pair is off by more than the tolerance. */
export function followClock(map: ClockMap | null, pair: ClockPair, toleranceMs = CLOCK_TOLERANCE_MS): ClockMap {
  const offsetMs = pair.performanceMs - pair.audioTime * 1000;
  if (map === null || Math.abs(offsetMs - map.offsetMs) > toleranceMs) return { offsetMs };
  return map;
}

/**
 * Note-on and note-off messages for the notes among `events`, on the performance.now() clock through `map`.
 * Notes already due (before `notBefore`) are sent at once rather than dropped; clicks and chords are not sent.
 */
export function midiMessagesFor(
  events: readonly TimedEvent[],
  map: ClockMap,
  notBefore: number,
  channel = 0,
): TimedMidiMessage[] {
  const out: TimedMidiMessage[] = [];
  for (const { event, time, duration } of events) {
    if (event.kind !== 'note') continue;
    const on = Math.max(notBefore, time * 1000 + map.offsetMs);
    const off = Math.max(on + 1, (time + duration) * 1000 + map.offsetMs - RELEASE_GAP_MS);
    out.push(
      { data: noteOn(event.pitch, event.velocity, channel), at: on },
      { data: noteOff(event.pitch, channel), at: off },
    );
  }
  return out.sort((a, b) => a.at - b.at);
}

/** Where the messages go: one chosen output port. */
export interface MidiSink {
  send(data: number[], at?: number): void;
  /** Drops messages queued but not yet delivered. */
  clear(): void;
}

export interface MidiOutput {
  /** Sends the notes of one planned window. */
  play(window: PlannedWindow, sink: MidiSink): void;
  /** Drops what is queued and silences the instrument (playback stopped, or the output changed). */
  stop(sink: MidiSink): void;
}

/** MIDI out for one playback at a time; `stop` forgets the clock map, so the next playback starts afresh. */
export function createMidiOutput(channel = 0): MidiOutput {
  let map: ClockMap | null = null;
  return {
    play(window, sink) {
      map = followClock(map, window.clock);
      for (const m of midiMessagesFor(window.events, map, window.clock.performanceMs, channel)) sink.send(m.data, m.at);
    },
    stop(sink) {
      map = null;
      sink.clear();
      sink.send(allNotesOff(channel));
    },
  };
}
