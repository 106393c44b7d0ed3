/**
 * The MusicVAE's figures of issue 14, measured with the worker's own codec (what the app runs) on two-bar
 * windows: reconstruction (encode to mu, decode, share of steps equal, greedy and by temperature),
 * interpolation (in-between phrases in the key both ends share; neighbouring steps against the ends'
 * distance; whether the path moves steadily from A to B) and similarity (steps kept at 0.9 and 0.5).
 */
import { codesBetween, codesNear } from '../../core/vae/latentMath';
import { stepDistance } from '../../core/vae/phraseWindows';
import type { VaeCodec } from '../../model/vae/vaeCodec';
import { createRng, type Rng } from '../random';

const MAJOR = [0, 2, 4, 5, 7, 9, 11];
const BATCH = 64;

/** Pitch classes of the note-ons of a class sequence. */
function pitchClasses(classes: ArrayLike<number>, minPitch: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < classes.length; i++) if (classes[i] >= 2) out.push((classes[i] - 2 + minPitch) % 12);
  return out;
}

/** Major tonics (0..11) whose diatonic collection holds every given pitch class. */
export function fittingKeys(pcs: readonly number[]): number[] {
  const keys: number[] = [];
  for (let tonic = 0; tonic < 12; tonic++)
    if (pcs.every((pc) => MAJOR.includes((pc - tonic + 12) % 12))) keys.push(tonic);
  return keys;
}

function inKeyCount(pcs: readonly number[], tonic: number): number {
  return pcs.filter((pc) => MAJOR.includes((pc - tonic + 12) % 12)).length;
}

function inBatches<T, R>(items: readonly T[], run: (batch: T[]) => R[]): R[] {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += BATCH) out.push(...run(items.slice(i, i + BATCH)));
  return out;
}

export interface VaeEvaluation {
  windows: number;
  reconstruction: number;
  reconstructionByTemperature: Record<string, number>;
  interpolationPairs: number;
  interpolationPairsSharingKey: number;
  /** Pooled share of in-between notes in the ends' shared key (pairs that share one). */
  interpolationInKey: number;
  /** Share of in-between phrases with at least 90% of their notes in that key. */
  inBetweenPhrasesAt90: number;
  /** Mean share of differing steps between neighbours on [A, 8 in-betweens, B]. */
  stepDistance: number;
  /** Mean share of differing steps between A and B. */
  endsDistance: number;
  /** Share of in-between phrases that are no closer to A than the one before them (a steady path). */
  monotone: number;
  similarKept90: number;
  similarKept50: number;
}

export interface EvalOptions {
  minPitch: number;
  pairs: number;
  similarWindows: number;
  steps: number;
  temperatures: number[];
  seed: number;
}

/** Runs every measure on `windows` (MelodyConverter class sequences of the codec's length). */
export function evaluateVae(codec: VaeCodec, windows: number[][], o: EvalOptions): VaeEvaluation {
  const rng = createRng(o.seed);
  const codes = inBatches(windows, (b) => codec.encode(b));
  const equalShare = (a: ArrayLike<number>[], b: ArrayLike<number>[]) =>
    1 - a.reduce((s, x, i) => s + stepDistance(x, b[i]), 0) / Math.max(a.length, 1);

  const byTemperature: Record<string, number> = {};
  for (const t of [0, ...o.temperatures]) {
    let seed = o.seed * 1000 + Math.round(t * 100);
    const decoded = inBatches(codes, (b) => codec.decode(b, { temperature: t, seed: seed++ }));
    byTemperature[t.toFixed(1)] = equalShare(decoded, windows);
  }

  const interpolation = measureInterpolation(codec, windows, codes, o, rng);
  const similar = (s: number) => {
    const picks = pickIndices(windows.length, o.similarWindows, rng);
    const near = picks.flatMap((i) => codesNear(codes[i], 8, s, rng));
    const decoded = inBatches(near, (b) => codec.decode(b));
    return equalShare(
      decoded,
      picks.flatMap((i) => Array.from({ length: 8 }, () => windows[i])),
    );
  };
  const { '0.0': greedy, ...others } = byTemperature;
  return {
    windows: windows.length,
    reconstruction: greedy,
    reconstructionByTemperature: others,
    ...interpolation,
    similarKept90: similar(0.9),
    similarKept50: similar(0.5),
  };
}

function pickIndices(n: number, count: number, rng: Rng): number[] {
  return Array.from({ length: Math.min(count, n) }, () => Math.floor(rng.next() * n));
}

function measureInterpolation(codec: VaeCodec, windows: number[][], codes: Float32Array[], o: EvalOptions, rng: Rng) {
  let pairsSharing = 0;
  let inKey = 0;
  let notes = 0;
  let phrasesAt90 = 0;
  let phrasesSharing = 0;
  let stepSum = 0;
  let endsSum = 0;
  let monotoneCount = 0;
  let monotoneTotal = 0;
  const pairs: [number, number][] = [];
  while (pairs.length < o.pairs && windows.length > 1) {
    const a = Math.floor(rng.next() * windows.length);
    const b = Math.floor(rng.next() * windows.length);
    if (a !== b) pairs.push([a, b]);
  }
  for (let p = 0; p < pairs.length; p += 8) {
    const chunk = pairs.slice(p, p + 8);
    const decoded = codec.decode(chunk.flatMap(([a, b]) => codesBetween(codes[a], codes[b], o.steps)));
    chunk.forEach(([a, b], k) => {
      const between = decoded.slice(k * o.steps, (k + 1) * o.steps);
      const path = [windows[a], ...between, windows[b]];
      let sum = 0;
      for (let i = 1; i < path.length; i++) sum += stepDistance(path[i - 1], path[i]);
      stepSum += sum / (path.length - 1);
      endsSum += stepDistance(windows[a], windows[b]);
      for (let i = 1; i < between.length; i++) {
        monotoneTotal++;
        if (stepDistance(between[i], windows[a]) >= stepDistance(between[i - 1], windows[a])) monotoneCount++;
      }
      const shared = fittingKeys(pitchClasses(windows[a], o.minPitch)).filter((t) =>
        fittingKeys(pitchClasses(windows[b], o.minPitch)).includes(t),
      );
      if (shared.length === 0) return;
      pairsSharing++;
      const pcs = between.map((x) => pitchClasses(x, o.minPitch));
      // The ends fit every shared key equally: the pair is scored in the one that fits its in-betweens best.
      const tonic = shared.reduce((best, t) =>
        pcs.flat().filter((pc) => MAJOR.includes((pc - t + 12) % 12)).length >
        pcs.flat().filter((pc) => MAJOR.includes((pc - best + 12) % 12)).length
          ? t
          : best,
      );
      for (const phrase of pcs) {
        const fit = inKeyCount(phrase, tonic);
        inKey += fit;
        notes += phrase.length;
        phrasesSharing++;
        if (phrase.length === 0 || fit / phrase.length >= 0.9) phrasesAt90++;
      }
    });
  }
  return {
    interpolationPairs: pairs.length,
    interpolationPairsSharingKey: pairsSharing,
    interpolationInKey: notes ? inKey / notes : 1,
    inBetweenPhrasesAt90: phrasesSharing ? phrasesAt90 / phrasesSharing : 1,
    stepDistance: stepSum / Math.max(pairs.length, 1),
    endsDistance: endsSum / Math.max(pairs.length, 1),
    monotone: monotoneTotal ? monotoneCount / monotoneTotal : 1,
  };
}
