/**
 * A checkpoint folder loaded for the app's own model code (src/model: the batch sampler, the fill and the
 * chord search), so `npm run eval -- --task fill|harmonize` measures exactly what the app runs.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseChordPrior, type ChordPrior } from '../../core/harmony/chordPrior';
import {
  checkMelodyRnnWeights,
  parseMelodyRnnConfig,
  parseWeightsManifest,
  type MelodyRnnSpec,
} from '../../model/checkpointSpec';
import type { MelodyRnnWeights } from '../../model/sampler';
import { hasEveryVariable, weightsFromVariables } from '../../model/weightsFromVariables';
import { CHORD_PRIOR_FILE } from '../../model/chordPriorFile';
import { readCheckpoint } from '../export/checkpointFiles';

export interface AppModel {
  spec: MelodyRnnSpec;
  weights: MelodyRnnWeights;
  /** The chord-transition prior written beside the weights, if there is one. */
  prior: ChordPrior | null;
  dispose(): void;
}

/** Reads `dir` (config.json, weights) as the app would load it; throws with the reason when it cannot. */
export function loadAppModel(dir: string): AppModel {
  const { config, tensors } = readCheckpoint(dir);
  const parsed = parseMelodyRnnConfig(config);
  const manifest = parseWeightsManifest(JSON.parse(readFileSync(join(dir, 'weights_manifest.json'), 'utf8')));
  const layers = checkMelodyRnnWeights(parsed, manifest);
  const spec: MelodyRnnSpec = { ...parsed, layers };
  const weights = weightsFromVariables(tensors, layers.length, spec.attentionLength);
  if (!hasEveryVariable(weights)) throw new Error(`${dir}: its variables are not a MusicRNN's`);
  const priorPath = join(dir, CHORD_PRIOR_FILE);
  const prior = existsSync(priorPath) ? parseChordPrior(JSON.parse(readFileSync(priorPath, 'utf8'))) : null;
  return {
    spec,
    weights,
    prior,
    dispose: () => Object.values(tensors).forEach((t) => t.dispose()),
  };
}
