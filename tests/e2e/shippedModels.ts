import { readFileSync } from 'node:fs';
import { parseCheckpointIndex, stylePair, type CheckpointEntry } from '../../src/core/checkpointIndex';
import type { StyleId } from '../../src/core/types';

/**
 * The checkpoints the app itself picks for a style (public/checkpoints/index.json read by the app's own
 * pairing rule), so the end-to-end tests follow a newly shipped model without edits.
 */
export function shippedModel(style: StyleId, role: 'melody' | 'chord' | 'harmonizer'): CheckpointEntry {
  const index = JSON.parse(readFileSync('public/checkpoints/index.json', 'utf8')) as unknown;
  const entry = stylePair(style, parseCheckpointIndex(index))[role];
  if (!entry) throw new Error(`public/checkpoints/index.json lists no ${style} ${role} model`);
  return entry;
}

/** The folk melody model: what Propose uses in a new (folk) song. */
export const FOLK_MELODY = shippedModel('folk', 'melody');
