/**
 * The sixteenth grid of a performed song, laid out from its annotated beats rather than from the MIDI
 * header: step 4k is beat k, and a time between two beats falls between their steps in proportion, so the
 * grid follows the click wherever it sits (POP909 songs start tens of milliseconds after zero, and some
 * drift). Bars run from one downbeat to the next; the meter is the most common bar length, and bars of
 * another length (a 2/4 bar inserted in a 4/4 song) break the song into runs of regular bars.
 */

export const STEPS_PER_BEAT = 4;

/** Beat times in seconds (increasing) and which beats are downbeats (indices into `times`). */
export interface BeatGrid {
  times: number[];
  downbeats: number[];
}

/** Fractional step of a time: 4 x the (fractional) beat index, extrapolated from the nearest beat pair. */
export function secondsToStep(grid: BeatGrid, seconds: number): number {
  const t = grid.times;
  if (t.length < 2) throw new Error('a beat grid needs at least two beats');
  let lo = 0;
  let hi = t.length - 1;
  if (seconds <= t[0]) hi = 1;
  else if (seconds >= t[hi]) lo = hi - 1;
  else {
    // Binary search for t[lo] <= seconds < t[lo + 1].
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if (t[mid] <= seconds) lo = mid;
      else hi = mid;
    }
  }
  return STEPS_PER_BEAT * (lo + (seconds - t[lo]) / (t[lo + 1] - t[lo]));
}

/** A bar: its first beat and how many beats it holds. */
export interface Bar {
  beat: number;
  beats: number;
}

/** The bars from each downbeat to the next (the last one to the last beat + 1). Beats before the first downbeat belong to no bar. */
export function barsOf(grid: BeatGrid): Bar[] {
  const d = grid.downbeats;
  return d.map((beat, i) => ({ beat, beats: (i + 1 < d.length ? d[i + 1] : grid.times.length) - beat }));
}

/** The most common bar length in beats (the meter's numerator, beats being quarter notes); ties to the shorter. */
export function dominantBeatsPerBar(bars: Bar[]): number {
  const counts = new Map<number, number>();
  for (const b of bars) counts.set(b.beats, (counts.get(b.beats) ?? 0) + 1);
  let best = 4;
  let bestCount = 0;
  for (const [beats, count] of [...counts.entries()].sort((a, b) => a[0] - b[0])) {
    if (count > bestCount) {
      best = beats;
      bestCount = count;
    }
  }
  return best;
}

/** Maximal runs of consecutive bars of `beatsPerBar` beats, as [first bar index, bar count]. */
export function regularRuns(bars: Bar[], beatsPerBar: number): { first: number; count: number }[] {
  const runs: { first: number; count: number }[] = [];
  for (let i = 0; i < bars.length; i++) {
    if (bars[i].beats !== beatsPerBar) continue;
    const last = runs[runs.length - 1];
    if (last && last.first + last.count === i) last.count++;
    else runs.push({ first: i, count: 1 });
  }
  return runs;
}
