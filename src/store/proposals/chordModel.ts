import type { ProposalsState } from './types';

/**
 * Which checkpoint writes chords and melodies over chords: the chosen one when it is a chord model, else the
 * first chord model the checkpoint index lists, else none. (When styles come as melody/chord pairs, the pair's
 * chord model goes here.)
 */
export function chordModelPath(proposals: Pick<ProposalsState, 'settings' | 'checkpoints' | 'model'>): string | null {
  const { settings, checkpoints, model } = proposals;
  if (model.kind === 'ready' && model.info.kind === 'chord') return model.info.url;
  const chosen = checkpoints.find((c) => c.path === settings.checkpointUrl);
  if (chosen?.kind === 'chord') return chosen.path;
  return checkpoints.find((c) => c.kind === 'chord')?.path ?? null;
}
