import { describe, expect, it } from 'vitest';
import {
  planWindow,
  playheadAt,
  startPlanner,
  type PlannerState,
  type TimedEvent,
} from '../../../src/core/playbackPlanner';
import { seededRandom as seeded } from '../../fixtures/random';
import type { Song } from '../../../src/core/types';
import { loopA, phraseWith, songWith } from '../../fixtures/playbackFixtures';

/** Drives the planner like the engine's ticker: a tick at each time, reading the song the callback gives. */
function drive(start: number, ticks: number[], songAt: (now: number) => Song, lookAhead = 0.12, target = loopA) {
  let state: PlannerState = startPlanner(start, songAt(start).tempo);
  const events: TimedEvent[] = [];
  for (const now of ticks) {
    const result = planWindow(state, songAt(now), target, now, lookAhead);
    state = result.state;
    events.push(...result.events);
  }
  return { state, events };
}

const onsets = (events: TimedEvent[]) => events.map((e) => [e.event.step, +e.time.toFixed(9)]);
const range = (from: number, to: number, by: number) =>
  Array.from({ length: Math.round((to - from) / by) }, (_, i) => from + i * by);

const everyStep = phraseWith(Array.from({ length: 16 }, (_, i) => ({ start: i, pitch: 60 + i })));

describe('planWindow', () => {
  it('times notes on the audio clock from the start anchor, excluding the window end', () => {
    const song = songWith([phraseWith([{ start: 0 }, { start: 4 }, { start: 8 }])]); // 120 BPM: 0.125 s a step
    const { events } = planWindow(startPlanner(1, 120), song, loopA, 1, 1);
    expect(onsets(events)).toEqual([
      [0, 1],
      [4, 1.5],
    ]);
  });

  it('hands out every note exactly once however the ticks fall (seeded jitter)', () => {
    const song = songWith([everyStep]);
    const random = seeded(42);
    const ticks: number[] = [];
    for (let t = 0.5; t < 6.5; t += 0.01 + random() * 0.09) ticks.push(t);
    const { events } = drive(0.5, ticks, () => song);
    const steps = events.map((e) => e.event.step);
    expect(steps).toEqual(range(0, steps.length, 1));
    expect(steps.length).toBeGreaterThanOrEqual(48); // 6 s at 8 steps a second
    for (const e of events) expect(e.time).toBeCloseTo(0.5 + e.event.step * 0.125, 9);
  });

  it('hears a tempo change on the next window without doubling or dropping a note', () => {
    const fast = songWith([everyStep], { tempo: 120 });
    const slow = { ...fast, tempo: 60 };
    const ticks = range(0, 4, 0.05);
    const { events } = drive(0, ticks, (now) => (now < 1.03 ? fast : slow));
    const steps = events.map((e) => e.event.step);
    expect(steps).toEqual(range(0, steps.length, 1));
    // The last tick at 120 BPM planned up to 1.0 + 0.12 s, i.e. up to step 8.96: steps 0..8 keep 0.125 s spacing.
    for (const e of events.filter((x) => x.event.step <= 8)) expect(e.time).toBeCloseTo(e.event.step * 0.125, 9);
    // From there on every step is 0.25 s later than the one before, continuing from where 120 BPM left off.
    const after = events.filter((x) => x.event.step >= 9);
    expect(after[0].time).toBeCloseTo(1.12 + (9 - 8.96) * 0.25, 9);
    for (let i = 1; i < after.length; i++) expect(after[i].time - after[i - 1].time).toBeCloseTo(0.25, 9);
  });

  it('keeps the notes already handed out when the tempo changes inside a window', () => {
    const song = songWith([everyStep], { tempo: 120 });
    let state = startPlanner(0, 120);
    const first = planWindow(state, song, loopA, 0, 0.3); // steps 0, 1, 2 (0.3 s = step 2.4)
    state = first.state;
    const second = planWindow(state, { ...song, tempo: 240 }, loopA, 0.1, 0.3); // up to 0.4 s
    expect(first.events.map((e) => e.event.step)).toEqual([0, 1, 2]);
    // Step 3 comes 0.6 of a 240 BPM step (0.0625 s) after the old horizon at 0.3 s.
    expect(second.events[0].event.step).toBe(3);
    expect(second.events[0].time).toBeCloseTo(0.3 + 0.6 * 0.0625, 9);
  });

  it('swings the off-beat sixteenths by swing/3 of a step and stretches or squeezes their lengths', () => {
    const song = songWith([phraseWith([{ start: 0 }, { start: 1 }, { start: 2, length: 2 }, { start: 5 }])], {
      swing: 1,
    });
    const { events } = planWindow(startPlanner(0, 120), song, loopA, 0, 2);
    expect(events.map((e) => [e.event.step, +e.time.toFixed(9), +e.duration.toFixed(9)])).toEqual([
      [0, 0, +(0.125 * (4 / 3)).toFixed(9)],
      [1, +(0.125 * (4 / 3)).toFixed(9), +(0.125 * (2 / 3)).toFixed(9)],
      [2, 0.25, 0.25],
      [5, +(0.625 + 0.125 / 3).toFixed(9), +(0.125 * (2 / 3)).toFixed(9)],
    ]);
  });

  it('swings by the position in the bar, so a loop of odd length keeps its downbeat straight', () => {
    const phrase = phraseWith([{ start: 0 }], 1);
    const song = songWith([phrase], { swing: 1, timeSignature: { beats: 5, beatUnit: 16 } }); // 5 steps a loop
    const { events } = planWindow(startPlanner(0, 120), song, loopA, 0, 1.3);
    expect(onsets(events)).toEqual([
      [0, 0],
      [5, 0.625],
      [10, 1.25],
    ]);
  });

  it('plays an edit made ahead of the horizon and leaves behind what is already handed out', () => {
    const before = songWith([phraseWith([{ start: 0 }])]);
    const after = songWith([phraseWith([{ start: 0 }, { start: 2, pitch: 62 }, { start: 12, pitch: 64 }])]);
    const ticks = range(0, 4, 0.1);
    // The edit lands at 0.35 s, when steps up to 3.36 are already planned: step 2 waits for the next cycle.
    const { events } = drive(0, ticks, (now) => (now < 0.35 ? before : after));
    expect(events.map((e) => e.event.step)).toEqual([0, 12, 16, 18, 28, 32]);
  });

  it('loops a phrase shorter than the look-ahead window without losing a cycle', () => {
    const song = songWith([phraseWith([{ start: 0 }], 1)], { tempo: 240 }); // a bar lasts 1 s
    const { events } = planWindow(startPlanner(0, 240), song, loopA, 0, 3.5);
    expect(onsets(events)).toEqual([
      [0, 0],
      [16, 1],
      [32, 2],
      [48, 3],
    ]);
  });

  it('keeps counting when a looping phrase grows, instead of jumping back to its start', () => {
    const short = songWith([phraseWith([{ start: 0 }, { start: 20, pitch: 72 }], 1)]);
    const long = songWith([phraseWith([{ start: 0 }, { start: 20, pitch: 72 }], 2)]);
    // 1-bar loop until 4.4 s (steps 0..36.2 planned: cycles at 0, 16, 32), then 2 bars from cycle start 32.
    const { events } = drive(0, range(0, 9, 0.1), (now) => (now < 4.35 ? short : long));
    expect(events.map((e) => e.event.step)).toEqual([0, 16, 32, 52, 64]);
  });

  it('ends the song target and says when its last step finishes', () => {
    const song = songWith([phraseWith([{ start: 0 }, { start: 15 }], 1)]);
    const song2 = { ...song };
    let state = startPlanner(0, 120);
    const first = planWindow(state, song2, { kind: 'song' }, 0, 1);
    expect(first.ended).toBe(false);
    state = first.state;
    const last = planWindow(state, song2, { kind: 'song' }, 0.95, 1.1);
    expect(last.ended).toBe(true);
    expect(last.endTime).toBeCloseTo(2, 9);
    expect(last.events.map((e) => e.event.step)).toEqual([15]);
    expect(planWindow(last.state, song2, { kind: 'song' }, 2.2, 0.12).events).toEqual([]);
  });

  it('drops the notes missed during a stall instead of playing them in a burst', () => {
    const song = songWith([everyStep]);
    let state = startPlanner(0, 120);
    state = planWindow(state, song, loopA, 0, 0.12).state;
    const late = planWindow(state, song, loopA, 2, 0.12); // the main thread froze for 2 s
    expect(late.events.map((e) => e.event.step)).toEqual([16]);
    expect(late.events[0].time).toBeCloseTo(2, 9);
  });

  it('times metronome clicks on the beats', () => {
    const song = songWith([phraseWith([], 1)], { swing: 1 });
    const { events } = planWindow(startPlanner(0, 120), song, loopA, 0, 2, { metronome: true });
    expect(events.map((e) => [e.event.step, e.time, e.event.kind === 'click' && e.event.accent])).toEqual([
      [0, 0, true],
      [4, 0.5, false],
      [8, 1, false],
      [12, 1.5, false],
    ]);
  });
});

describe('a count-in', () => {
  it('clicks every beat of one bar before the phrase, counting down, then plays the phrase from step 0', () => {
    const song = songWith([phraseWith([{ start: 0, pitch: 67 }], 1)]); // 120 BPM: 0.5 s a beat
    const { events } = planWindow(startPlanner(1, 120, 16), song, loopA, 1, 2.1);
    expect(
      events.map((e) => [
        e.event.kind,
        e.event.step,
        e.time,
        e.event.kind === 'click' ? [e.event.accent, e.event.countIn] : e.event.kind === 'note' && e.event.pitch,
      ]),
    ).toEqual([
      ['click', -16, 1, [true, 4]],
      ['click', -12, 1.5, [false, 3]],
      ['click', -8, 2, [false, 2]],
      ['click', -4, 2.5, [false, 1]],
      ['note', 0, 3, 67],
    ]);
  });

  it('hands out each count-in click once however the ticks fall, and shows the playhead at the start meanwhile', () => {
    const song = songWith([phraseWith([], 1)]);
    let counted = startPlanner(0, 120, 16);
    const clicks: number[] = [];
    for (const now of range(0, 2, 0.03)) {
      const result = planWindow(counted, song, loopA, now, 0.12);
      counted = result.state;
      clicks.push(...result.events.map((e) => e.event.step));
    }
    expect(clicks).toEqual([-16, -12, -8, -4]);
    expect(playheadAt(counted, 1)).toBe(0);
  });
});

describe('playheadAt', () => {
  it('follows the audio clock, wraps with the loop, and follows a tempo change only from its anchor', () => {
    const song = songWith([phraseWith([], 1)]);
    let state = startPlanner(1, 120);
    expect(playheadAt(state, 1)).toBeNull(); // nothing planned yet
    state = planWindow(state, song, loopA, 1, 0.5).state; // planned up to 1.5 s = step 4
    expect(playheadAt(state, 1.25)).toBeCloseTo(2, 9);
    state = planWindow(state, { ...song, tempo: 60 }, loopA, 1.4, 0.1).state; // re-anchored at step 4, 1.5 s
    expect(playheadAt(state, 1.45)).toBeCloseTo(3.6, 9);
    expect(playheadAt(state, 1.75)).toBeCloseTo(5, 9);
    expect(playheadAt(state, 1.5 + 13 * 0.25)).toBeCloseTo(1, 9); // step 17 wraps to 1
  });

  it('is null after the end of the song', () => {
    const song = songWith([phraseWith([{ start: 0 }], 1)]);
    const { state } = planWindow(startPlanner(0, 120), song, { kind: 'song' }, 0, 3);
    expect(playheadAt(state, 1)).toBeCloseTo(8, 9);
    expect(playheadAt(state, 2.5)).toBeNull();
  });
});
