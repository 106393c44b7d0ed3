import { keyName, rankKeys, sameTonic } from '../theory/keyDetection';
import type { KeySignature } from '../types';
import { quantizeToMelody } from './quantizeTrack';
import type { MidiImportPreview } from './readMidi';

/**
 * Which key an imported song gets. The file's key signature, when it has one and the melody agrees;
 * else the key the melody is in (detected), with both shown so the musician can choose.
 */

/**
 * How far (in detection score) the file's key may trail the melody's best key before the melody "clearly
 * contradicts" it. On the Nottingham folk corpus this flags 1.2% of tunes (`npm run measure:keys`);
 * a C major signature over a melody in E-flat minor trails by more than 0.8.
 */
export const CONTRADICTION_GAP = 0.25;

export interface ImportKeyChoice {
  fromFile: KeySignature | null;
  detected: KeySignature | null;
  /** The melody is clearly in another key than the file's signature says. */
  contradicted: boolean;
  /** The key to preselect: the file's, unless it is missing or contradicted (then the detected one). */
  suggested: KeySignature | null;
  /** In words, e.g. "The file says C major; the melody is in E-flat minor." */
  description: string;
}

const sameKey = (a: KeySignature, b: KeySignature) => sameTonic(a, b) && a.scale === b.scale;

/** The key choice for importing track `trackIndex` of a preview (the melody up to the file's first key change). */
export function chooseImportKey(preview: MidiImportPreview, trackIndex: number): ImportKeyChoice {
  const track = preview.tracks[trackIndex];
  const fromFile = preview.key;
  const ticksPerStep = preview.ppq / 4;
  const notes = track ? quantizeToMelody(track.notes, { ticksPerStep }).notes : [];
  const until = preview.keyChangeTicks === null ? undefined : preview.keyChangeTicks / ticksPerStep;
  const ranked = rankKeys(notes, { until });
  const best = ranked[0];
  const detected = best?.key ?? null;
  const fileScore = fromFile ? ranked.find((r) => sameKey(r.key, fromFile))?.score : undefined;
  const contradicted = Boolean(
    best &&
    fromFile &&
    fileScore !== undefined &&
    !sameKey(best.key, fromFile) &&
    best.score - fileScore >= CONTRADICTION_GAP,
  );
  const suggested = fromFile && !contradicted ? fromFile : (detected ?? fromFile);
  let description: string;
  if (!fromFile)
    description = detected
      ? `The file names no key; the melody is in ${keyName(detected)}.`
      : 'The file names no key, and the melody is too short to tell.';
  else if (contradicted && detected)
    description = `The file says ${keyName(fromFile)}; the melody is in ${keyName(detected)}.`;
  else description = `The file says ${keyName(fromFile)}.`;
  return { fromFile, detected, contradicted, suggested, description };
}
