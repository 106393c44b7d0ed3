import type { IdeaCount, IdeaCounts, IdeaKind, Song } from './types';

/**
 * "Taken ideas": how many proposals the model made for a song, per kind, and how many the musician auditioned
 * and accepted (Hookpad reports about a quarter of its suggestions kept). The counts live in the song so they
 * travel with its autosave and project file; nothing reports them anywhere else.
 */

export const IDEA_KINDS: readonly IdeaKind[] = ['continue', 'fill', 'chords', 'mutate'];

export const IDEA_LABELS: Record<IdeaKind, string> = {
  continue: 'Continue',
  fill: 'Fill',
  chords: 'Chords',
  mutate: 'Mutate',
};

const ZERO: IdeaCount = { made: 0, auditioned: 0, accepted: 0 };

/** Largest count kept (far beyond any real use; keeps hostile files harmless). */
export const MAX_IDEA_COUNT = 1_000_000_000;

/** The counts with `n` added to one field of one kind (a new object; the song's own is left alone). */
export function addIdeas(ideas: IdeaCounts | undefined, kind: IdeaKind, field: keyof IdeaCount, n = 1): IdeaCounts {
  const current = ideas?.[kind] ?? ZERO;
  return { ...ideas, [kind]: { ...current, [field]: Math.min(MAX_IDEA_COUNT, current[field] + n) } };
}

/** The count of one kind (zeros when none). */
export function ideaCount(song: Pick<Song, 'ideas'>, kind: IdeaKind): IdeaCount {
  return song.ideas?.[kind] ?? ZERO;
}

/** Share of made proposals that were accepted, 0..1 (0 when none were made). */
export function takenShare(count: IdeaCount): number {
  return count.made > 0 ? Math.min(1, count.accepted / count.made) : 0;
}

/**
 * Reads stored counts: known kinds with whole non-negative numbers are kept, unknown kinds dropped; anything
 * else is refused with a reason (validate.ts turns it into the song's error).
 */
export function readIdeaCounts(value: unknown): IdeaCounts | string {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'the idea counts must be an object';
  const out: IdeaCounts = {};
  for (const kind of IDEA_KINDS) {
    if (!Object.prototype.hasOwnProperty.call(value, kind)) continue;
    const raw = (value as Record<string, unknown>)[kind];
    if (typeof raw !== 'object' || raw === null) return `the ${kind} idea counts must be an object`;
    const count = { ...ZERO };
    for (const field of ['made', 'auditioned', 'accepted'] as const) {
      const n = Object.prototype.hasOwnProperty.call(raw, field) ? (raw as Record<string, unknown>)[field] : 0;
      if (typeof n !== 'number' || !Number.isInteger(n) || n < 0 || n > MAX_IDEA_COUNT)
        return `the ${kind} ${field} count must be a whole number from 0`;
      count[field] = n;
    }
    out[kind] = count;
  }
  return out;
}
