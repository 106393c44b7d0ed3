import { describe, expect, it } from 'vitest';
import type { NotePlayback } from '../../../src/core/playback';
import {
  planWindow,
  startPlanner,
  type PlannedWindow,
  type PlannerState,
  type TimedEvent,
} from '../../../src/core/playbackPlanner';
import { createRng } from '../../../src/core/random';
import { createMidiOutput, followClock, midiMessagesFor, type MidiSink } from '../../../src/midi/midiOutput';
import { loopA, phraseWith, songWith } from '../../fixtures/playbackFixtures';

const note = (time: number, pitch: number, duration = 0.25): TimedEvent => ({
  event: { kind: 'note', step: 0, local: 0, length: 2, pitch, velocity: 100 } satisfies NotePlayback,
  time,
  duration,
});

function recordingSink(): MidiSink & { sent: { data: number[]; at?: number }[]; cleared: number } {
  const sink = {
    sent: [] as { data: number[]; at?: number }[],
    cleared: 0,
    send: (data: number[], at?: number) => void sink.sent.push({ data, at }),
    clear: () => void (sink.cleared += 1),
  };
  return sink;
}

describe('MIDI out, an output of the planned windows', () => {
  it('puts each note on the performance clock: on at its audio time, off just before its end; clicks are not sent', () => {
    const map = followClock(null, { audioTime: 2, performanceMs: 10_000 }); // performance = audio * 1000 + 8000
    const click: TimedEvent = { event: { kind: 'click', step: 0, local: 0, accent: true }, time: 2, duration: 0 };
    expect(midiMessagesFor([note(2, 60), click, note(2.5, 62, 0.5)], map, 0)).toEqual([
      { data: [0x90, 60, 100], at: 10_000 },
      { data: [0x80, 60, 0], at: 10_248 },
      { data: [0x90, 62, 100], at: 10_500 },
      { data: [0x80, 62, 0], at: 10_998 },
    ]);
  });

  it('sends a note already due at once rather than dropping it', () => {
    const map = followClock(null, { audioTime: 2, performanceMs: 10_000 });
    expect(midiMessagesFor([note(1.9, 60)], map, 10_050)[0]).toEqual({ data: [0x90, 60, 100], at: 10_050 });
  });

  it('keeps the instrument in time though the clock reading jitters by up to 40 ms (seeded)', () => {
    const song = songWith([phraseWith([{ start: 0 }, { start: 4 }, { start: 8 }, { start: 12 }])]); // 120 BPM: 125 ms a step
    const rng = createRng(7);
    const output = createMidiOutput();
    const sink = recordingSink();
    let state: PlannerState = startPlanner(0.1, song.tempo);
    for (let now = 0; now < 6; now += 0.02 + rng.next() * 0.03) {
      const result = planWindow(state, song, loopA, now, 0.15);
      state = result.state;
      const window: PlannedWindow = {
        events: result.events,
        until: state.horizon,
        clock: { audioTime: now, performanceMs: now * 1000 + 5000 + rng.next() * 40 },
      };
      output.play(window, sink);
    }
    const ons = sink.sent.filter((m) => m.data[0] === 0x90).map((m) => m.at!);
    expect(ons.length).toBeGreaterThanOrEqual(11); // 6 s, a note every 0.5 s
    for (let i = 1; i < ons.length; i++) expect(ons[i] - ons[i - 1]).toBeCloseTo(500, 6);
  });

  it('moves its clock map when the clocks jump apart (a suspended and resumed audio context)', () => {
    const map = followClock(null, { audioTime: 1, performanceMs: 1000 });
    expect(followClock(map, { audioTime: 2, performanceMs: 2060 })).toBe(map);
    expect(followClock(map, { audioTime: 2, performanceMs: 3000 })).toEqual({ offsetMs: 1000 });
  });

  it('on stop drops what is queued and sends all-notes-off', () => {
    const sink = recordingSink();
    createMidiOutput().stop(sink);
    expect(sink.cleared).toBe(1);
    expect(sink.sent).toEqual([{ data: [0xb0, 123, 0], at: undefined }]);
  });
});
