import { pitchName } from './pitch';
import type { Note } from './types';

/**
 * Hand edits described as a musician would say them ("added E4", "moved G4 to A4", "made C5 longer"),
 * for the phrase history. Pure: compares the notes before and after one edit.
 */

const key = (n: Note) => `${n.pitch}@${n.start}`;

/** One edit in words, from the notes before and after it; '' when nothing changed. */
export function describeEdit(before: readonly Note[], after: readonly Note[]): string {
  const was = new Map(before.map((n) => [key(n), n]));
  const now = new Map(after.map((n) => [key(n), n]));
  const added = after.filter((n) => !was.has(key(n)));
  const removed = before.filter((n) => !now.has(key(n)));
  if (added.length === 1 && removed.length === 1) {
    const [from, to] = [removed[0], added[0]];
    return from.pitch === to.pitch
      ? `moved ${pitchName(to.pitch)} in time`
      : `moved ${pitchName(from.pitch)} to ${pitchName(to.pitch)}`;
  }
  const parts: string[] = [];
  if (added.length) parts.push(`added ${added.map((n) => pitchName(n.pitch)).join(', ')}`);
  if (removed.length) parts.push(`removed ${removed.map((n) => pitchName(n.pitch)).join(', ')}`);
  const resized = after.filter((n) => {
    const old = was.get(key(n));
    return old && old.length !== n.length;
  });
  for (const n of resized)
    parts.push(`made ${pitchName(n.pitch)} ${n.length > was.get(key(n))!.length ? 'longer' : 'shorter'}`);
  return parts.join(', ');
}

/** Most edits named in one version's description; later ones are counted. */
const NAMED_EDITS = 4;

/**
 * The description of a run of hand edits kept as one history version: the first few in words, then a count
 * ("added C4, added E4, made E4 longer, removed G4 and 3 more edits").
 */
export function appendEditWords(summary: string | undefined, edit: string): string {
  if (!edit) return summary ?? '';
  if (!summary) return edit;
  const more = /^(.*) and (\d+) more edits?$/.exec(summary);
  if (more) return `${more[1]} and ${Number(more[2]) + 1} more edits`;
  const named = summary.split(', ').length;
  return named >= NAMED_EDITS ? `${summary} and 1 more edit` : `${summary}, ${edit}`;
}
