import { DEFAULT_STYLE, type Song, type StyleId } from '../../core/types';
import type { CheckpointEntry } from './types';

/**
 * Styles: the checkpoint index lists each checkpoint with the style of music it was trained on, and a
 * style's melody model and chord model (its pair) are the ones Propose and the other model actions use
 * for a song in that style. Pure functions of the index and the song, so every rule is tested without a
 * model.
 */

/** A style the index offers, with the name the picker shows ("Pop (POP909)"). */
export interface StyleChoice {
  id: StyleId;
  name: string;
}

/** The melody and chord models of one style (any may be missing from an index). */
export interface StylePair {
  melody?: CheckpointEntry;
  /** What Propose, Fill and Melody for these chords use over chords. */
  chord?: CheckpointEntry;
  /** What Suggest chords uses: the style's chord model marked as its harmonizer, else its chord model. */
  harmonizer?: CheckpointEntry;
}

/** Names for the shipped styles when an index entry brings none. */
const KNOWN_STYLE_NAMES: Record<string, string> = { folk: 'Folk (Nottingham)', pop: 'Pop (POP909)' };

/** The style of an index entry (entries from before styles are folk). */
export function entryStyle(entry: CheckpointEntry): StyleId {
  return entry.style ?? DEFAULT_STYLE;
}

/** The styles of the index, in the order their first checkpoints appear. */
export function stylesOf(checkpoints: readonly CheckpointEntry[]): StyleChoice[] {
  const styles: StyleChoice[] = [];
  for (const entry of checkpoints) {
    const id = entryStyle(entry);
    if (styles.some((s) => s.id === id)) continue;
    styles.push({ id, name: entry.styleName ?? KNOWN_STYLE_NAMES[id] ?? id });
  }
  return styles;
}

/** The song's style (absent = the default). */
export function songStyle(song: Pick<Song, 'style'>): StyleId {
  return song.style ?? DEFAULT_STYLE;
}

/**
 * The first melody model and the first chord model of a style, and its harmonizer: a chord model the index
 * marks `harmonizer` serves Suggest chords only (the other chord model writes melodies), unless it is the
 * style's only chord model.
 */
export function stylePair(style: StyleId, checkpoints: readonly CheckpointEntry[]): StylePair {
  const own = checkpoints.filter((c) => entryStyle(c) === style);
  const chords = own.filter((c) => c.kind === 'chord');
  const chord = chords.find((c) => !c.harmonizer) ?? chords[0];
  return {
    melody: own.find((c) => c.kind === 'melody'),
    chord,
    harmonizer: chords.find((c) => c.harmonizer) ?? chord,
  };
}

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
