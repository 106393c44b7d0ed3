import { DEFAULT_STYLE, type Song, type StyleId } from './types';

/**
 * What public/checkpoints/index.json (written by the training pipeline) offers, and which of its checkpoints
 * a style uses. Pure, so the app (store) and the training side's eval defaults read the index by one rule.
 */

/** One checkpoint public/checkpoints/index.json offers. */
export interface CheckpointEntry {
  id: string;
  name: string;
  /** A continuation model (melody, chord) or the MusicVAE of Similar and Interpolate ('vae'). */
  kind: 'melody' | 'chord' | 'vae';
  description?: string;
  /** Relative to the page, e.g. "checkpoints/melody-rnn-v13". */
  path: string;
  /** The style it was trained on ('folk', 'pop'); absent in indexes from before styles (folk). */
  style?: string;
  /** How the style picker names that style ("Pop (POP909)"). */
  styleName?: string;
  /**
   * A chord model kept for Suggest chords only (see stylePair): a plain LSTM that tells chords
   * apart better, and searches faster, than the attention model that writes the style's melodies over chords.
   */
  harmonizer?: boolean;
}

/**
 * Reads the index leniently: entries without an id are skipped, a missing path defaults to checkpoints/<id>,
 * a missing name to the id, a missing style to none (read as folk, the style of the first shipped models).
 * Anything that is not an index gives an empty list, so a broken index never stops the app; the musician can
 * still type a URL.
 */
export function parseCheckpointIndex(data: unknown): CheckpointEntry[] {
  return parseEntries(data).filter((e) => e.kind !== 'vae');
}

/**
 * The MusicVAE Similar and Interpolate use: the index's first entry of kind "vae" (the training pipeline
 * lists the best first), or null when the index names none.
 */
export function vaeCheckpointIn(data: unknown): string | null {
  return parseEntries(data).find((e) => e.kind === 'vae')?.path ?? null;
}

function parseEntries(data: unknown): CheckpointEntry[] {
  const list = (data as { checkpoints?: unknown } | null)?.checkpoints;
  if (!Array.isArray(list)) return [];
  const entries: CheckpointEntry[] = [];
  for (const item of list) {
    if (!item || typeof item !== 'object') continue;
    const o = item as Record<string, unknown>;
    if (typeof o.id !== 'string' || o.id === '') continue;
    entries.push({
      id: o.id,
      name: typeof o.name === 'string' && o.name ? o.name : o.id,
      kind: o.kind === 'chord' || o.kind === 'vae' ? o.kind : 'melody',
      ...(typeof o.description === 'string' ? { description: o.description } : {}),
      path: typeof o.path === 'string' && o.path ? o.path : `checkpoints/${o.id}`,
      ...(typeof o.style === 'string' && o.style ? { style: o.style } : {}),
      ...(typeof o.styleName === 'string' && o.styleName ? { styleName: o.styleName } : {}),
      ...(o.harmonizer === true && o.kind === 'chord' ? { harmonizer: true } : {}),
    });
  }
  return entries;
}

/** A short id for a checkpoint URL: the index id when it is listed, else the URL as typed. */
export function checkpointIdFor(url: string, entries: readonly CheckpointEntry[]): string {
  const trimmed = url.trim().replace(/\/+$/, '');
  return entries.find((e) => e.path.replace(/\/+$/, '') === trimmed)?.id ?? trimmed;
}

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
