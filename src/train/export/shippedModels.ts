/**
 * The models the app ships, as the app itself picks them: public/checkpoints/index.json read by the app's own
 * pairing rule (core's stylePair). The eval commands' defaults, the end-to-end tests and the benches all ask
 * here, so shipping a model (which rewrites the index) needs no id written anywhere else.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCheckpointIndex, stylePair, type CheckpointEntry, type StylePair } from '../../core/checkpointIndex';
import type { StyleId } from '../../core/types';

/** Where the app's checkpoints live. */
export const SHIPPED_CHECKPOINTS = 'public/checkpoints';

/** The index entry the app uses for `role` in `style`, or undefined when the index lists none (or is absent). */
export function shippedModel(style: StyleId, role: keyof StylePair): CheckpointEntry | undefined {
  const indexFile = join(SHIPPED_CHECKPOINTS, 'index.json');
  const index = existsSync(indexFile) ? (JSON.parse(readFileSync(indexFile, 'utf8')) as unknown) : null;
  return stylePair(style, parseCheckpointIndex(index))[role];
}

/** The folder of a shipped entry, from the repository root (its path is relative to the page, i.e. public/). */
export const shippedModelDir = (entry: CheckpointEntry) => join('public', entry.path);
