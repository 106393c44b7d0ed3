import { LIMITS, type Note, type Steps } from '../types';
import type { MidiMarker } from './readMidi';
import { parseSectionMarker } from './sectionMarkers';

/**
 * Where an imported melody is cut into phrases. Bars are counted from the file's real bar lines: a pickup
 * (an anacrusis) sits at the end of a bar of its own and stays in the first phrase, so every later phrase
 * starts on a downbeat. Section markers (Phrasewright's own, or rehearsal marks in MusicXML) cut where
 * they stand on a bar line; otherwise the melody is cut every N bars.
 */

/** One stretch of the timeline that becomes one section. */
export interface Span {
  /** First step, on a bar line of the import's timeline. */
  start: Steps;
  /** Bars of one play. */
  bars: number;
  /** The section's name; null for the next name of the series (A, B, C ...). */
  name: string | null;
  repeats: number;
  transpose: number;
}

/** How the file's steps map onto the import's bars. */
export interface Timeline {
  /** Steps added to every note and marker so the bar lines fall on multiples of the bar. */
  shift: Steps;
  /** Length of the pickup in steps (0: the tune starts on a downbeat). */
  pickupSteps: Steps;
  /** The bar that holds the pickup, padded with rests in front of it (when pickupSteps > 0). */
  pickupBar: number;
}

/**
 * The timeline of a melody: a short first bar the file declares (`pickupTicksInSteps`), or a first note in
 * the second half of a bar, is a pickup.
 */
export function findTimeline(notes: readonly Note[], barSteps: Steps, declaredPickup: Steps): Timeline {
  if (declaredPickup > 0 && declaredPickup < barSteps) {
    return { shift: barSteps - declaredPickup, pickupSteps: declaredPickup, pickupBar: 0 };
  }
  const first = notes[0];
  if (!first) return { shift: 0, pickupSteps: 0, pickupBar: 0 };
  const within = first.start % barSteps;
  if (within * 2 >= barSteps)
    return { shift: 0, pickupSteps: barSteps - within, pickupBar: Math.floor(first.start / barSteps) };
  return { shift: 0, pickupSteps: 0, pickupBar: 0 };
}

/** `count` bars from `from` in spans of `size` (the last may be shorter). */
function chunks(from: number, count: number, size: number, name: string | null): Span[] {
  const spans: Span[] = [];
  for (let bar = from, n = 0; bar < from + count; bar += size, n++) {
    spans.push({
      start: bar,
      bars: Math.min(size, from + count - bar),
      name: name === null ? null : n === 0 ? name : `${name} ${n + 1}`,
      repeats: 1,
      transpose: 0,
    });
  }
  return spans;
}

/** Spans in bars (start counted in bars here; the caller multiplies). */
export function spansByBars(totalBars: number, size: number, timeline: Timeline): Span[] {
  if (timeline.pickupSteps === 0) return chunks(0, totalBars, size, null);
  const lead = chunks(0, timeline.pickupBar, size, null);
  // The pickup bar joins the first phrase when that still fits in a phrase; else it is a phrase of its own.
  const firstBars = Math.min(size + 1 <= LIMITS.bars.max ? size + 1 : 1, totalBars - timeline.pickupBar);
  const first: Span = { start: timeline.pickupBar, bars: firstBars, name: null, repeats: 1, transpose: 0 };
  const restFrom = timeline.pickupBar + firstBars;
  return [...lead, first, ...chunks(restFrom, totalBars - restFrom, size, null)];
}

/**
 * Spans following the markers that stand on bar lines, or null when no marker does. Phrasewright's own
 * markers ("Verse x2 +3") carry repeats and transposition; a section longer than 8 bars is cut every
 * `size` bars ("Verse", "Verse 2" ...). Starts are in bars.
 */
export function spansFromMarkers(
  markers: readonly MidiMarker[],
  toStep: (ticks: number) => Steps,
  totalBars: number,
  barSteps: Steps,
  size: number,
  timeline: Timeline,
): Span[] | null {
  const onBars = new Map<number, string>();
  for (const m of markers) {
    const step = toStep(m.ticks);
    if (
      Number.isInteger(step) &&
      step >= 0 &&
      step % barSteps === 0 &&
      step / barSteps < totalBars &&
      m.text.trim() !== ''
    )
      onBars.set(step / barSteps, m.text);
  }
  if (onBars.size === 0) return null;
  const starts = [...onBars.keys()].sort((a, b) => a - b);
  const spans: Span[] = [];
  // Before the first marker: the pickup bar joins the first section; anything longer is cut by bars.
  let firstStart = starts[0];
  const pickupOnly = timeline.pickupSteps > 0 && firstStart === timeline.pickupBar + 1;
  if (pickupOnly) firstStart = timeline.pickupBar;
  else if (firstStart > 0) spans.push(...chunks(0, firstStart, size, null));
  for (let i = 0; i < starts.length; i++) {
    const from = i === 0 ? firstStart : starts[i];
    const to = i + 1 < starts.length ? starts[i + 1] : totalBars;
    const marker = parseSectionMarker(onBars.get(starts[i]) as string);
    const bars = to - from;
    const playBars = bars / marker.repeats;
    if (Number.isInteger(playBars) && playBars <= LIMITS.bars.max && !(pickupOnly && i === 0 && marker.repeats > 1)) {
      spans.push({
        start: from,
        bars: playBars,
        name: marker.phraseName,
        repeats: marker.repeats,
        transpose: marker.transpose,
      });
    } else {
      const name =
        marker.repeats > 1 || marker.transpose !== 0 ? (onBars.get(starts[i]) as string).trim() : marker.phraseName;
      spans.push(...chunks(from, bars, bars <= LIMITS.bars.max ? bars : size, name));
    }
  }
  return spans;
}
