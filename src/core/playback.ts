import { stepsPerBar, stepsPerBeat, phraseSteps } from './meter';
import type { ChordEvent, MidiPitch, Phrase, Song, Steps, Velocity } from './types';

/**
 * What sounds where: a playback target (a looped phrase, a looped section, the whole song once) laid out
 * on one step line, and the query "which events start in [from, to)". The audio engine asks this for every
 * look-ahead window instead of holding its own copy of the notes (Strudel's `queryArc`, Signal's event
 * source), so an edit is heard on the next window. Pure: no clock, no audio.
 *
 * Steps handed out here are "absolute": counted from the moment playback started, growing forever while a
 * loop repeats. `local` is the position inside the target (it wraps with the loop), which is what swing,
 * the metronome and the playhead care about.
 */

/** What to play; the same shape as the audio room's PlaybackTarget, restated so core imports nothing. */
export type PlaybackTargetSpec =
  { kind: 'phrase'; phraseId: string } | { kind: 'song' } | { kind: 'section'; sectionId: string };

/** One phrase placed on the target's step line. */
export interface TimelineSegment {
  /** Where the segment starts inside the target. */
  offset: Steps;
  length: Steps;
  phrase: Phrase;
  transpose: number;
}

/** A target resolved against a song: its segments, total length and whether it repeats. */
export interface Timeline {
  segments: TimelineSegment[];
  length: Steps;
  loop: boolean;
  stepsPerBar: Steps;
  stepsPerBeat: Steps;
}

export interface NotePlayback {
  kind: 'note';
  /** Absolute onset step (counted from the start of playback). */
  step: Steps;
  /** Onset inside the target, used for swing. */
  local: Steps;
  length: Steps;
  pitch: MidiPitch;
  velocity: Velocity;
}

/** A chord symbol sounding for `length` steps; the audio room voices it (issue 5 sends these). */
export interface ChordPlayback {
  kind: 'chord';
  step: Steps;
  local: Steps;
  length: Steps;
  symbol: string;
  /** Semitones the section transposes the chord by. */
  transpose: number;
}

/** A metronome tick on a beat; `accent` on the first beat of a bar. */
export interface ClickPlayback {
  kind: 'click';
  step: Steps;
  local: Steps;
  accent: boolean;
  /** On a count-in click: how many count-in beats are left, this one included (4, 3, 2, 1 in 4/4). */
  countIn?: number;
}

export type PlaybackEvent = NotePlayback | ChordPlayback | ClickPlayback;

export interface EventQueryOptions {
  /** Absolute step where the current loop cycle began (the planner moves it when the loop length changes). */
  cycleStart?: Steps;
  /** Add a click on every beat of the time signature. */
  metronome?: boolean;
}

/** Lays the target out on a step line, or returns null when it names a phrase or section the song lacks. */
export function resolveTimeline(song: Song, target: PlaybackTargetSpec): Timeline | null {
  const ts = song.timeSignature;
  const byId = new Map(song.phrases.map((p) => [p.id, p]));
  const sections =
    target.kind === 'song'
      ? song.arrangement
      : target.kind === 'section'
        ? song.arrangement.filter((s) => s.id === target.sectionId)
        : null;
  const segments: TimelineSegment[] = [];
  let offset = 0;
  const place = (phrase: Phrase, transpose: number) => {
    const length = phraseSteps(phrase, ts);
    segments.push({ offset, length, phrase, transpose });
    offset += length;
  };
  if (sections === null) {
    const phrase = target.kind === 'phrase' ? byId.get(target.phraseId) : undefined;
    if (!phrase) return null;
    place(phrase, 0);
  } else {
    if (target.kind === 'section' && sections.length === 0) return null;
    for (const section of sections) {
      const phrase = byId.get(section.phraseId);
      // A section whose phrase was deleted is skipped rather than played as silence.
      if (!phrase) continue;
      for (let r = 0; r < Math.max(1, Math.round(section.repeats)); r++) place(phrase, section.transpose);
    }
  }
  return {
    segments,
    length: offset,
    loop: target.kind !== 'song',
    stepsPerBar: stepsPerBar(ts),
    stepsPerBeat: stepsPerBeat(ts),
  };
}

/**
 * Events of `target` whose onsets fall in [fromStep, toStep), with absolute steps, pitches after section
 * transposition, and loops unrolled as often as the window needs (a one-bar loop in a four-bar window
 * comes back four times). Notes are cut at their phrase's end so a loop never overlaps itself.
 * @example eventsBetween(song, { kind: 'phrase', phraseId: 'a' }, 0, 16)
 */
export function eventsBetween(
  song: Song,
  target: PlaybackTargetSpec,
  fromStep: Steps,
  toStep: Steps,
  options: EventQueryOptions = {},
): PlaybackEvent[] {
  const timeline = resolveTimeline(song, target);
  return timeline ? timelineEventsBetween(timeline, fromStep, toStep, options) : [];
}

/** eventsBetween on an already resolved timeline (the planner resolves once per window). */
export function timelineEventsBetween(
  timeline: Timeline,
  fromStep: Steps,
  toStep: Steps,
  options: EventQueryOptions = {},
): PlaybackEvent[] {
  const { length } = timeline;
  if (!(toStep > fromStep) || length <= 0) return [];
  const cycleStart = timeline.loop ? (options.cycleStart ?? 0) : 0;
  const firstCycle = timeline.loop ? Math.floor((fromStep - cycleStart) / length) : 0;
  const lastCycle = timeline.loop ? Math.floor((toStep - cycleStart) / length) : 0;
  const events: PlaybackEvent[] = [];
  for (let cycle = firstCycle; cycle <= lastCycle; cycle++) {
    const base = cycleStart + cycle * length;
    const inWindow = (local: Steps) =>
      local >= 0 && local < length && base + local >= fromStep && base + local < toStep;
    for (const segment of timeline.segments) {
      if (base + segment.offset >= toStep || base + segment.offset + segment.length <= fromStep) continue;
      for (const note of segment.phrase.notes) {
        if (note.start < 0 || note.start >= segment.length) continue; // left over after the phrase shrank
        const local = segment.offset + note.start;
        if (!inWindow(local)) continue;
        const pitch = note.pitch + segment.transpose;
        if (pitch < 0 || pitch > 127) continue;
        const noteLength = Math.min(note.length, segment.length - note.start);
        events.push({ kind: 'note', step: base + local, local, length: noteLength, pitch, velocity: note.velocity });
      }
      for (const chord of chordSpans(segment.phrase.chords, segment.length)) {
        const local = segment.offset + chord.start;
        if (!inWindow(local)) continue;
        events.push({
          kind: 'chord',
          step: base + local,
          local,
          length: chord.length,
          symbol: chord.symbol,
          transpose: segment.transpose,
        });
      }
    }
    if (options.metronome) {
      const beat = timeline.stepsPerBeat;
      const firstBeat = Math.max(0, Math.ceil((fromStep - base) / beat)) * beat;
      for (let local = firstBeat; local < length && base + local < toStep; local += beat) {
        if (!inWindow(local)) continue;
        events.push({ kind: 'click', step: base + local, local, accent: local % timeline.stepsPerBar === 0 });
      }
    }
  }
  return events.sort((a, b) => a.step - b.step);
}

/** Chords sound from their start to the next chord or the phrase end; "N.C." and blanks are silences. */
function chordSpans(
  chords: ChordEvent[] | undefined,
  phraseLength: Steps,
): { start: Steps; length: Steps; symbol: string }[] {
  if (!chords || chords.length === 0) return [];
  const sorted = chords.filter((c) => c.start >= 0 && c.start < phraseLength).sort((a, b) => a.start - b.start);
  const spans: { start: Steps; length: Steps; symbol: string }[] = [];
  sorted.forEach((chord, i) => {
    const end = i + 1 < sorted.length ? sorted[i + 1].start : phraseLength;
    const symbol = chord.symbol.trim();
    if (end > chord.start && symbol !== '' && symbol.toUpperCase() !== 'N.C.') {
      spans.push({ start: chord.start, length: end - chord.start, symbol });
    }
  });
  return spans;
}

/** Position inside the target of an absolute step: wraps for loops, runs on (past the end) for the song. */
export function localStep(timeline: Pick<Timeline, 'length' | 'loop'>, step: Steps, cycleStart: Steps = 0): Steps {
  if (!timeline.loop || timeline.length <= 0) return step;
  const into = step - cycleStart;
  return into - Math.floor(into / timeline.length) * timeline.length;
}
