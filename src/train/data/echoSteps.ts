/**
 * Echo steps: the steps of a melody that continue a four-note motif (3 intervals + 3 onset gaps, the
 * musicality measure's definition) which already sounded earlier in the same stretch. Training can weigh
 * these steps more (`--echo-weight`): the model still learns the copy from its own inputs and states, the
 * objective only says that getting the tune's own repeats right matters more than the average step. Real tunes
 * reuse about a third of their opening's motifs; models trained on the plain average reuse almost none.
 */
import { eventsToNotes } from '../corpus/melodyEvents';
import { markMotifContinuation, motifContinuation, motifKeys, type MotifIdentity } from '../eval/musicality/motifs';

/**
 * What counts as heard before for the echo weight: a four-note motif (motifKeys' identity: intervals or exact
 * pitches), or 'repeats': being inside a step-for-step repeat of 8+ steps (repeatSources).
 */
export type EchoMotifs = MotifIdentity | 'repeats';

/**
 * 1 on each step from the second to the fourth note of a four-note window whose motif occurred before, the
 * earlier occurrence ending on or before this one's first note (so a run of one repeated figure counts from
 * its second time, not against itself). With `motifs` 'pitches' only a restatement at the same pitches counts.
 * With 'repeats', every step of a step-for-step repeat (8+ steps, 3+ onsets) of what sounded at most `reach`
 * steps before: a model weighted there learns to stay with a restatement of half a bar or more once it has begun,
 * without being paid for every four-note figure that comes back inside other music (which narrows its phrases).
 */
export function echoSteps(
  events: ArrayLike<number>,
  motifs: EchoMotifs = 'intervals',
  reach = events.length,
): Uint8Array {
  if (motifs === 'repeats') return Uint8Array.from(repeatSources(events, reach), (from) => (from.length ? 1 : 0));
  const notes = eventsToNotes(events);
  const marks = new Uint8Array(events.length);
  const first = new Map<string, number>();
  motifKeys(notes, motifs).forEach((key, w) => {
    const earlier = first.get(key);
    if (earlier === undefined) {
      first.set(key, w);
      return;
    }
    if (earlier + 3 > w) return;
    markMotifContinuation(marks, notes, w);
  });
  return marks;
}

/**
 * Where an attention RNN can read what an echo step repeats: for each step that continues a motif heard
 * earlier, the step of the earlier occurrence it lines up with (same offset from the motif's first note), taken
 * from the latest earlier occurrence at most `reach` steps back; -1 elsewhere. Training can steer the attention
 * there (`--copy-weight`), so the model learns where its memory holds the copy; what it then predicts is still
 * its own output, and generation samples from that as from any model.
 */
export function copySources(events: ArrayLike<number>, reach: number): Int32Array {
  const notes = eventsToNotes(events);
  const sources = new Int32Array(events.length).fill(-1);
  // Each motif's earlier windows, in order (this window is added after it has looked).
  const seen = new Map<string, number[]>();
  motifKeys(notes).forEach((key, w) => {
    const earlier = seen.get(key) ?? [];
    if (!seen.has(key)) seen.set(key, earlier);
    // The latest occurrence that ends on or before this one's first note (as echoSteps) and is within reach.
    let source = -1;
    for (let k = earlier.length - 1; k >= 0 && source < 0; k--) {
      const e = earlier[k];
      if (e + 3 <= w && notes[w].start - notes[e].start <= reach) source = e;
    }
    earlier.push(w);
    if (source < 0) return;
    const delta = notes[w].start - notes[source].start;
    const { from, to } = motifContinuation(notes, w);
    for (let s = from; s <= to; s++) if (sources[s] < 0) sources[s] = s - delta;
  });
  return sources;
}

/** Where copy supervision points the attention: motifs (copySources) or exact repeats (repeatSources). */
export type CopyMode = 'motifs' | 'repeats';

/**
 * Every step a step-for-step repeat can be read from: for each lag d from 2 up to `reach`, the runs of at least `minRun`
 * steps whose events equal the events d steps earlier and hold at least `minOnsets` note onsets; each step of
 * such a run lists the step d back. Unlike copySources, a run marks its own first steps, so the model is taught
 * where a restatement starts (real tunes bring their opening back four bars on) and not only how to go on once
 * it has started; and it holds whatever the tune repeats, at any lag, not only motifs, exactly (no transposed
 * sequences, which would point the memory at notes of another pitch).
 */
export function repeatSources(events: ArrayLike<number>, reach: number, minRun = 8, minOnsets = 3): number[][] {
  const sources: number[][] = Array.from({ length: events.length }, () => []);
  forEachRepeatRun(events, reach, minRun, minOnsets, (start, end, lag) => {
    for (let s = start; s < end; s++) sources[s].push(s - lag);
  });
  return sources;
}

/**
 * 1 on the steps where a step-for-step repeat (the runs of repeatSources) starts: from each run's first step
 * to its first note onset, inclusive. There the model decides whether the tune restates something, and
 * `--return-weight` can weigh those targets more; once a repeat has begun, going on with it is easy. With
 * `onlyLag`, only the repeats of the steps exactly that far back (a phrase's return to its opening four bars on,
 * `--return-lag-bars 4`, not every one-bar echo).
 */
export function repeatStarts(
  events: ArrayLike<number>,
  reach: number,
  minRun = 8,
  minOnsets = 3,
  onlyLag?: number,
): Uint8Array {
  const marks = new Uint8Array(events.length);
  forEachRepeatRun(events, reach, minRun, minOnsets, (start, end, lag) => {
    if (onlyLag !== undefined && lag !== onlyLag) return;
    for (let s = start; s < end; s++) {
      marks[s] = 1;
      if (events[s] >= 0) break;
    }
  });
  return marks;
}

/**
 * Calls `run(start, end, lag)` for each run of at least `minRun` steps [start, end) equal to the steps `lag`
 * earlier and holding at least `minOnsets` note onsets, for every lag from 2 up to `reach`.
 */
function forEachRepeatRun(
  events: ArrayLike<number>,
  reach: number,
  minRun: number,
  minOnsets: number,
  run: (start: number, end: number, lag: number) => void,
): void {
  const n = events.length;
  // From 2 steps back: at the input before a target the memory holds the outputs up to the step before that input.
  for (let d = 2; d <= Math.min(reach, n - 1); d++) {
    let runStart = d;
    let onsets = 0;
    const close = (end: number) => {
      if (end - runStart >= minRun && onsets >= minOnsets) run(runStart, end, d);
    };
    for (let j = d; j < n; j++) {
      if (events[j] === events[j - d]) {
        if (events[j] >= 0) onsets++;
        continue;
      }
      close(j);
      runStart = j + 1;
      onsets = 0;
    }
    close(n);
  }
}

/** The copy sources of each step in `mode`: none, one (motifs) or any number (repeats). */
export function copySourceLists(events: ArrayLike<number>, reach: number, mode: CopyMode): number[][] {
  if (mode === 'repeats') return repeatSources(events, reach);
  return Array.from(copySources(events, reach), (s) => (s >= 0 ? [s] : []));
}
