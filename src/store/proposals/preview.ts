import type { ProposalCandidate } from './types';

/**
 * Which candidate the grid previews as ghost notes, as pure functions of the list: stepping through it with
 * `]` / `[` (wrapping around), and what is previewed after the previewed one is discarded. Kept apart from
 * the actions so every rule is tested without a store.
 */

/** The candidate `delta` places from `current` (wrapping); from none, the first (+1) or the last (-1). */
export function steppedPreview(
  candidates: readonly Pick<ProposalCandidate, 'id'>[],
  current: string | null,
  delta: number,
): string | null {
  if (candidates.length === 0) return null;
  const at = current === null ? -1 : candidates.findIndex((c) => c.id === current);
  if (at < 0) return (delta >= 0 ? candidates[0] : candidates[candidates.length - 1]).id;
  const n = candidates.length;
  return candidates[(((at + Math.sign(delta)) % n) + n) % n].id;
}

/** After `removed` leaves the list: the one that took its place, else the one before it; unchanged otherwise. */
export function previewAfterRemoval(
  before: readonly Pick<ProposalCandidate, 'id'>[],
  removed: string,
  current: string | null,
): string | null {
  if (current !== removed) return current;
  const at = before.findIndex((c) => c.id === removed);
  const rest = before.filter((c) => c.id !== removed);
  if (rest.length === 0 || at < 0) return null;
  return rest[Math.min(at, rest.length - 1)].id;
}

/** The preview kept when the list is replaced: the same candidate if it is still there, else none. */
export function previewIn(candidates: readonly Pick<ProposalCandidate, 'id'>[], current: string | null): string | null {
  return current !== null && candidates.some((c) => c.id === current) ? current : null;
}
