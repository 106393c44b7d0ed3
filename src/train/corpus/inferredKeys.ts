/**
 * Keys for tunes that carry none (plain MIDI files, such as the Nottingham corpus), so that `--off-key-penalty`
 * can teach a folk model to keep to its tune's scale as it teaches a pop model to keep to POP909's annotated keys.
 *
 * A key is read off the notes themselves, the way the musicality measure scores a phrase's scale consistency: for
 * each block of four bars counted from the tune's opening bar (its pickup joins the first block), the major scale
 * that holds the most of the block's note onsets. A natural minor scale has its relative major's notes, so the
 * mode is left major (only the scale's pitch classes matter to the penalty). Four bars, not the whole tune, so a
 * strain that moves to the dominant is not penalised for its new leading note.
 */
import { KEY_TONICS, isInScale } from '../../core/scale';
import { type Tune, type TuneKey, openingBarStep } from './tune';

export const KEY_BLOCK_BARS = 4;

/**
 * The inferred keys of a tune, each from the first step of its block; consecutive equal keys merge, a block
 * without notes keeps the key before it. Ties go to the scale that holds the most of the whole tune's onsets,
 * then to the key of the block before, so a short block whose few notes fit several scales keeps the tune's.
 * Empty for a tune without notes.
 */
export function inferredKeys(tune: Pick<Tune, 'events' | 'stepsPerBar'>, blockBars = KEY_BLOCK_BARS): TuneKey[] {
  const blockSteps = blockBars * tune.stepsPerBar;
  const opening = openingBarStep(tune);
  const wholeTune = scaleCounts(tune.events, 0, tune.events.length);
  const keys: TuneKey[] = [];
  for (let start = opening; start === opening || start < tune.events.length; start += blockSteps) {
    const from = start === opening ? 0 : start;
    const counts = scaleCounts(tune.events, from, start + blockSteps);
    if (Math.max(...counts) === 0) continue;
    const previous = keys.at(-1)?.tonic;
    let best = 0;
    for (let tonic = 1; tonic < 12; tonic++) {
      const better = counts[tonic] - counts[best] || wholeTune[tonic] - wholeTune[best] || Number(tonic === previous);
      if (better > 0) best = tonic;
    }
    if (best !== previous) keys.push({ start: from, tonic: best, mode: 'major' });
  }
  return keys;
}

/** The tune itself when it has annotated keys, else with its inferred keys. */
export function withInferredKeys<T extends Tune>(tune: T): T {
  return tune.keys?.length ? tune : { ...tune, keys: inferredKeys(tune) };
}

/** For each major scale (by tonic pitch class), how many note onsets in events[from, to) it holds. */
function scaleCounts(events: Int16Array, from: number, to: number): number[] {
  const counts = new Array<number>(12).fill(0);
  for (let i = from; i < Math.min(to, events.length); i++) {
    const pitch = events[i];
    if (pitch < 0) continue;
    for (let tonic = 0; tonic < 12; tonic++)
      if (isInScale(pitch, { tonic: KEY_TONICS[tonic], scale: 'major' })) counts[tonic]++;
  }
  return counts;
}
