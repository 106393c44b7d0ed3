import { addIdeas } from '../../core/ideas';
import type { IdeaCount, IdeaKind } from '../../core/types';
import type { StoreContext } from '../context';

/**
 * Counting taken ideas in the song. "Made" and "auditioned" are bookkeeping, not edits: they make no undo step
 * and do not move the song's last-change time (Undo keeps them too, see undoHistory.ts). "Accepted" is counted
 * inside the accepting edit itself.
 */
export function countIdeas(
  ctx: StoreContext,
  kind: IdeaKind,
  field: Exclude<keyof IdeaCount, 'accepted'>,
  n = 1,
): void {
  if (!(n > 0)) return;
  ctx.history.outsideHistory(() => {
    const song = ctx.store.getState().song;
    ctx.store.setState({ song: { ...song, ideas: addIdeas(song.ideas, kind, field, n) } });
  });
}
