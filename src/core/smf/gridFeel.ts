import type { MidiImportPreview } from './readMidi';

/**
 * How a played (or humanised) track sits against the sixteenth grid, found before quantizing:
 * - its phase: recorded files often sit the same few ticks after (or before) every beat, a latency
 *   offset; aligning to it first keeps notes on their intended step and the report honest;
 * - its swing: off-beat sixteenths played late by a steady amount (what the song's swing setting plays);
 * - its triplets: notes on thirds of a beat, which a sixteenth grid cannot hold.
 * Pure and linear in the number of notes.
 */

/** Bins per step for the phase histogram. */
const PHASE_BINS = 32;
/** A phase is used when at least this share of the notes sits within a sixteenth's eighth of it. */
const PHASE_MIN_SHARE = 0.6;
/** Off-beat notes needed before a swing figure is trusted. */
const SWING_MIN_NOTES = 8;

export interface GridFeel {
  /** Ticks every note sits after the grid (negative: before); 0 when there is no common offset. */
  phaseTicks: number;
  /** The swing (0..1, as the song's setting) the off-beat sixteenths are played with, or null when straight or unclear. */
  swing: number | null;
  /** Notes that start on the third of a beat, away from any sixteenth. */
  tripletNotes: number;
  /**
   * The swing of the off-beat eighths (a swung-eighths or triplet feel), or null. The song's swing works on
   * sixteenths, so keeping it means writing the file's eighths as sixteenths at half the tempo.
   */
  eighthSwing: number | null;
}

/** x mod m in [0, m). */
function mod(x: number, m: number): number {
  return ((x % m) + m) % m;
}

/** The common offset of note starts from the grid, in ticks, in (-step/2, step/2]; 0 when the starts do not agree. */
export function gridPhase(starts: readonly number[], ticksPerStep: number): number {
  if (starts.length < 4 || !(ticksPerStep >= 2)) return 0;
  const bins = new Array<number>(PHASE_BINS).fill(0);
  for (const t of starts) bins[Math.floor((mod(t, ticksPerStep) / ticksPerStep) * PHASE_BINS) % PHASE_BINS]++;
  // The fullest window of 3 neighbouring bins (a sixteenth's 3/32), circularly.
  let bestBin = 0;
  let bestCount = -1;
  for (let b = 0; b < PHASE_BINS; b++) {
    const count = bins[(b + PHASE_BINS - 1) % PHASE_BINS] + bins[b] + bins[(b + 1) % PHASE_BINS];
    if (count > bestCount) {
      bestCount = count;
      bestBin = b;
    }
  }
  const centre = ((bestBin + 0.5) / PHASE_BINS) * ticksPerStep;
  // Refine: the mean offset of the notes near the window's centre, measured around it.
  let sum = 0;
  let near = 0;
  for (const t of starts) {
    const offset = mod(t - centre + ticksPerStep / 2, ticksPerStep) - ticksPerStep / 2;
    if (Math.abs(offset) <= ticksPerStep / 8) {
      sum += offset;
      near++;
    }
  }
  if (near < starts.length * PHASE_MIN_SHARE) return 0;
  let phase = centre + sum / near;
  if (phase > ticksPerStep / 2) phase -= ticksPerStep;
  return Math.abs(phase) < 1 ? 0 : Math.round(phase);
}

/**
 * The steady lateness of off-beat sixteenths as the song's swing amount (a delay of swing/3 of a step),
 * from starts already aligned to the grid's phase; null when too few off-beats, or straight.
 */
export function detectSwing(starts: readonly number[], ticksPerStep: number): number | null {
  const delays: number[] = [];
  let onBeats = 0;
  for (const t of starts) {
    const inPair = mod(t / ticksPerStep, 2); // 0 = on the eighth, 1 = the off-beat sixteenth
    if (inPair < 0.15 || inPair > 1.85) onBeats++;
    else if (inPair > 0.75 && inPair < 1.6) delays.push(inPair - 1);
  }
  if (delays.length < SWING_MIN_NOTES || onBeats < SWING_MIN_NOTES) return null;
  delays.sort((a, b) => a - b);
  const median = delays[delays.length >> 1];
  const quarter = delays[delays.length >> 2];
  const threeQuarters = delays[(3 * delays.length) >> 2];
  // Swing is a steady delay: most off-beats late by about the same amount.
  if (median < 0.08 || threeQuarters - quarter > 0.15) return null;
  return Math.min(1, Math.round(median * 3 * 20) / 20);
}

/** Notes starting on a third of a beat (a triplet or swung-eighth position), away from every sixteenth. */
export function countTripletNotes(starts: readonly number[], ticksPerQuarter: number): number {
  let count = 0;
  for (const t of starts) {
    const inBeat = mod(t / ticksPerQuarter, 1);
    const nearThird = Math.abs(inBeat * 3 - Math.round(inBeat * 3)) < 0.09 && Math.round(inBeat * 3) % 3 !== 0;
    const nearSixteenth = Math.abs(inBeat * 4 - Math.round(inBeat * 4)) < 0.2;
    if (nearThird && !nearSixteenth) count++;
  }
  return count;
}

/** The feel of a track whose notes start at `starts` (ticks), at `ppq` ticks per quarter, on a grid of `ticksPerStep`. */
export function detectGridFeel(starts: readonly number[], ppq: number, ticksPerStep = ppq / 4): GridFeel {
  const phaseTicks = gridPhase(starts, ticksPerStep);
  const aligned = phaseTicks === 0 ? starts : starts.map((t) => t - phaseTicks);
  const swing = detectSwing(aligned, ticksPerStep);
  // Eighth-note swing only when the sixteenths do not swing and few notes sit on straight sixteenths between.
  const onOddSixteenths = aligned.filter((t) => Math.abs(mod(t / ticksPerStep, 2) - 1) < 0.15).length;
  const eighthSwing =
    swing === null && onOddSixteenths <= aligned.length * 0.05 ? detectSwing(aligned, ticksPerStep * 2) : null;
  // Triplets are counted against the song's quarter note (a half note of the file when its eighths become sixteenths).
  return { phaseTicks, swing, tripletNotes: countTripletNotes(aligned, ticksPerStep * 4), eighthSwing };
}

/** The feel of one track of an import preview (for the dialog's swing offer), or null for a track it lacks. */
export function trackGridFeel(preview: MidiImportPreview, trackIndex: number): GridFeel | null {
  const track = preview.tracks[trackIndex];
  return track
    ? detectGridFeel(
        track.notes.map((n) => n.ticks),
        preview.ppq,
      )
    : null;
}
