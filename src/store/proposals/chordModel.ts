import { songStyle, stylePair } from '../../core/checkpointIndex';
import type { ProposalsState } from './types';
import type { Song } from '../../core/types';

/**
 * Which checkpoint writes chords, and melodies over chords, for a song: the one the musician chose or typed
 * when it is a chord model, else the song's style's (its harmonizer for Suggest chords, its chord model for a melody
 * over chords), else the model that is loaded when it is a chord model, else the first chord model listed.
 */
export function chordModelPath(
  proposals: Pick<ProposalsState, 'settings' | 'checkpoints' | 'model'>,
  song: Pick<Song, 'style'>,
  use: 'harmonize' | 'melody' = 'melody',
): string | null {
  const { settings, checkpoints, model } = proposals;
  const chosen = checkpoints.find((c) => c.path === settings.checkpointUrl);
  if (chosen?.kind === 'chord') return chosen.path;
  const typed = settings.checkpointUrl.trim();
  if (typed !== '' && model.kind === 'ready' && model.info.kind === 'chord' && model.info.url === typed) return typed;
  const pair = stylePair(songStyle(song), checkpoints);
  const own = use === 'harmonize' ? pair.harmonizer : pair.chord;
  if (own) return own.path;
  if (model.kind === 'ready' && model.info.kind === 'chord') return model.info.url;
  return checkpoints.find((c) => c.kind === 'chord')?.path ?? null;
}
