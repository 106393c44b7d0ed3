import {
  localStep,
  resolveTimeline,
  timelineEventsBetween,
  type PlaybackEvent,
  type PlaybackTargetSpec,
} from './playback';
import { stepsPerBar, stepsPerBeat } from './meter';
import { clampTempo, stepSeconds, stepToSeconds } from './time';
import type { Bpm, Seconds, Song, Steps, TimeSignature } from './types';

/**
 * The look-ahead planner behind the audio engine, as a pure state machine: "now" is passed in, so tests
 * drive it without timers (Signal's EventScheduler, Strudel's cyclist). Each call hands out the events
 * whose onsets fall between the last window's end (the horizon) and now + look-ahead, with exact audio
 * times, and moves the horizon. Windows tile the step line, so no note is handed out twice or skipped.
 *
 * Time follows a chain of tempo anchors (audio time, step, tempo). A tempo change re-anchors at the
 * horizon, so notes already handed out keep their times and the new tempo is heard from the next window.
 * Swing is applied per event from the position inside the target, so it follows the bar, not the clock.
 *
 * A count-in is steps before 0: the planner starts at a negative step and hands out one click per beat
 * there, before the target's first note. Everything that sounds or sends notes (the Tone engine, MIDI out,
 * the recording count-in) is an output of these windows; none keeps a clock of its own.
 */

export interface TempoAnchor {
  time: Seconds;
  step: Steps;
  tempo: Bpm;
}

export interface PlannerState {
  /** Oldest first; the last one rules everything from its step on. */
  anchors: TempoAnchor[];
  /** Every event before this absolute step has been handed out. */
  horizon: Steps;
  /** Absolute step where the current loop cycle began, and the loop length it was planned with. */
  cycleStart: Steps;
  cycleLength: Steps | null;
  /** The target length seen in the last window (for the playhead and the song's end). */
  targetLength: Steps;
  loop: boolean;
}

/** An event with its audio time; `duration` is 0 for clicks. */
export interface TimedEvent {
  event: PlaybackEvent;
  time: Seconds;
  duration: Seconds;
}

export interface PlanOptions {
  metronome?: boolean;
  /**
   * If the horizon is more than this far behind `now` (a stalled main thread), the planner jumps to now and
   * drops the missed notes instead of playing them in a burst. Default 0.2 s.
   */
  maxLateness?: Seconds;
}

/** The same instant on the audio clock and on performance.now(), for outputs on the other clock (Web MIDI). */
export interface ClockPair {
  audioTime: Seconds;
  performanceMs: number;
}

/** One planned window as the engine hands it to its outputs. */
export interface PlannedWindow {
  events: readonly TimedEvent[];
  /** The planner's horizon after this window: every event before this absolute step has been handed out. */
  until: Steps;
  clock: ClockPair;
}

export interface PlanResult {
  state: PlannerState;
  events: TimedEvent[];
  /** The song target has been handed out to its end; `endTime` is when its last step finishes. */
  ended: boolean;
  endTime: Seconds | null;
}

const ANCHORS_KEPT = 8;

/**
 * A planner whose first step sounds at audio time `startTime`, at `tempo`. With a `countIn` (steps, a whole
 * number of beats) that first step is the count-in's: the target's step 0 follows `countIn` steps later.
 */
export function startPlanner(startTime: Seconds, tempo: Bpm, countIn: Steps = 0): PlannerState {
  return {
    anchors: [{ time: startTime, step: -countIn, tempo: clampTempo(tempo) }],
    horizon: -countIn,
    cycleStart: 0,
    cycleLength: null,
    targetLength: 0,
    loop: true,
  };
}

/** Audio time of an absolute step on the straight (unswung) grid, from the anchor ruling it. */
export function gridTime(state: Pick<PlannerState, 'anchors'>, step: Steps): Seconds {
  const anchor = anchorForStep(state.anchors, step);
  return anchor.time + (step - anchor.step) * stepSeconds(anchor.tempo);
}

/** How much swing delays a position inside the target, at a tempo (0 on even sixteenths). */
export function swingOffset(local: Steps, tempo: Bpm, swing: number): Seconds {
  return stepToSeconds(local, tempo, swing) - local * stepSeconds(tempo);
}

/**
 * Hands out the events of `target` starting between the horizon and `now + lookAhead`, timed on the audio
 * clock, reading tempo, swing and notes from `song` as they are now.
 * @example planWindow(state, song, { kind: 'phrase', phraseId }, ctx.currentTime, 0.12)
 */
export function planWindow(
  state: PlannerState,
  song: Song,
  target: PlaybackTargetSpec,
  now: Seconds,
  lookAhead: Seconds,
  options: PlanOptions = {},
): PlanResult {
  let anchors = state.anchors;
  let horizon = state.horizon;
  const tempo = clampTempo(song.tempo);
  const current = anchors[anchors.length - 1];
  if (tempo !== current.tempo) {
    anchors = [...anchors, { time: gridTime(state, horizon), step: horizon, tempo }].slice(-ANCHORS_KEPT);
  }
  const anchor = anchors[anchors.length - 1];
  const secondsPerStep = stepSeconds(anchor.tempo);
  const stepAt = (time: Seconds) => anchor.step + (time - anchor.time) / secondsPerStep;

  const maxLateness = options.maxLateness ?? 0.2;
  if (anchor.time + (horizon - anchor.step) * secondsPerStep < now - maxLateness) horizon = stepAt(now);

  const timeline = resolveTimeline(song, target);
  let { cycleStart, cycleLength } = state;
  if (timeline?.loop && timeline.length > 0) {
    if (cycleLength !== null && cycleLength !== timeline.length) {
      // Keep counting from the cycle we are in, so a loop that grows or shrinks does not jump backwards.
      cycleStart += Math.floor((horizon - cycleStart) / cycleLength) * cycleLength;
    }
    cycleLength = timeline.length;
  }
  const targetLength = timeline?.length ?? 0;
  const loop = timeline?.loop ?? true;
  const toStep = Math.max(horizon, stepAt(now + lookAhead));
  const next: PlannerState = { anchors, horizon: toStep, cycleStart, cycleLength, targetLength, loop };

  const ended = timeline !== null && !timeline.loop && toStep >= timeline.length;
  const endTime = ended ? gridTime(next, timeline.length) : null;
  if (!timeline || toStep <= horizon) return { state: next, events: [], ended, endTime };

  const events = [
    ...countInClicks(horizon, Math.min(toStep, 0), song.timeSignature),
    ...timelineEventsBetween(timeline, Math.max(horizon, 0), toStep, { cycleStart, metronome: options.metronome }),
  ];
  const timed = events.map((event) => timeEvent(next, event, song.swing));
  return { state: next, events: timed, ended, endTime };
}

/** The count-in's clicks on the beats in [from, to), all before step 0; the bar's first beat is accented. */
function countInClicks(from: Steps, to: Steps, ts: TimeSignature): PlaybackEvent[] {
  const beat = stepsPerBeat(ts);
  const bar = stepsPerBar(ts);
  const clicks: PlaybackEvent[] = [];
  for (let step = Math.ceil(from / beat) * beat; step < to; step += beat) {
    const local = step - Math.floor(step / bar) * bar;
    clicks.push({ kind: 'click', step, local, accent: local === 0, countIn: -step / beat });
  }
  return clicks;
}

function timeEvent(state: PlannerState, event: PlaybackEvent, swing: number): TimedEvent {
  const tempo = anchorForStep(state.anchors, event.step).tempo;
  const time = gridTime(state, event.step) + swingOffset(event.local, tempo, swing);
  if (event.kind === 'click') return { event, time, duration: 0 };
  const end = gridTime(state, event.step + event.length) + swingOffset(event.local + event.length, tempo, swing);
  return { event, time, duration: Math.max(0, end - time) };
}

/** The absolute (fractional) step sounding at audio time `now`; negative before playback starts. */
export function absoluteStepAt(state: Pick<PlannerState, 'anchors'>, now: Seconds): Steps {
  let anchor = state.anchors[0];
  for (const a of state.anchors) if (a.time <= now) anchor = a;
  return anchor.step + (now - anchor.time) / stepSeconds(anchor.tempo);
}

/**
 * The playhead: the fractional step inside the target at audio time `now` (wrapping with the loop, held
 * at the end of a song), or null before the first window or after the song's end.
 */
export function playheadAt(state: PlannerState, now: Seconds): Steps | null {
  if (state.targetLength <= 0) return null;
  const step = Math.max(0, absoluteStepAt(state, now));
  if (!state.loop) return step >= state.targetLength ? null : step;
  return localStep({ length: state.targetLength, loop: true }, step, state.cycleStart);
}

function anchorForStep(anchors: TempoAnchor[], step: Steps): TempoAnchor {
  let found = anchors[0];
  for (const a of anchors) if (a.step <= step) found = a;
  return found;
}

/**
 * Every event from step 0 to `toStep` at the song's tempo, with step 0 at `startTime`: the whole plan at
 * once, for offline renders and export, where no clock moves.
 */
export function planRange(
  song: Song,
  target: PlaybackTargetSpec,
  startTime: Seconds,
  toStep: Steps,
  options: Pick<PlanOptions, 'metronome'> = {},
): TimedEvent[] {
  const timeline = resolveTimeline(song, target);
  if (!timeline) return [];
  const state = startPlanner(startTime, song.tempo);
  return timelineEventsBetween(timeline, 0, toStep, { metronome: options.metronome }).map((event) =>
    timeEvent(state, event, song.swing),
  );
}
