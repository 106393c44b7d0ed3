import type { CheckpointEntry, StylePair } from '../../src/core/checkpointIndex';
import type { StyleId } from '../../src/core/types';
import { shippedModel as entryFor } from '../../src/train/export/shippedModels';

/** The checkpoint the app itself picks for a style and role, so the end-to-end tests follow a newly shipped model. */
export function shippedModel(style: StyleId, role: keyof StylePair): CheckpointEntry {
  const entry = entryFor(style, role);
  if (!entry) throw new Error(`public/checkpoints/index.json lists no ${style} ${role} model`);
  return entry;
}

/** The folk melody model: what Propose uses in a new (folk) song. */
export const FOLK_MELODY = shippedModel('folk', 'melody');
