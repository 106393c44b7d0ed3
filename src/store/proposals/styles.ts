import { stylePair, type CheckpointEntry } from '../../core/checkpointIndex';
import type { StyleId } from '../../core/types';

/**
 * Which checkpoint a model request uses, from the style pairs of the index (core/checkpointIndex) and what
 * the musician typed. Pure, so every rule is tested without a model.
 */

export interface ModelChoiceInput {
  /** A checkpoint URL the musician typed; it wins over the style when set. */
  customUrl: string;
  style: StyleId;
  checkpoints: readonly CheckpointEntry[];
  /** Whether the request has chords to follow (the phrase's own, or a candidate made over chords). */
  hasChords: boolean;
}

/**
 * The checkpoint a model request uses: the typed URL if any; else the style's chord model when there are
 * chords to follow, and its melody model otherwise (each standing in for the other when the style lacks
 * one); '' when the index offers nothing for the style.
 */
export function chooseCheckpointUrl({ customUrl, style, checkpoints, hasChords }: ModelChoiceInput): string {
  if (customUrl.trim() !== '') return customUrl.trim();
  const { melody, chord } = stylePair(style, checkpoints);
  const entry = hasChords ? (chord ?? melody) : (melody ?? chord);
  return entry?.path ?? '';
}
