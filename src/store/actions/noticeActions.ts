import type { StoreContext } from '../context';
import type { AppActions, Notice } from '../types';

/** More than this many notices on screen is noise; the oldest go first. */
const MAX_NOTICES = 8;

type NoticeActions = Pick<AppActions, 'notify' | 'dismissNotice'>;

export function createNoticeActions(ctx: StoreContext): NoticeActions {
  return {
    notify(input) {
      const notice: Notice = { ...input, id: input.id ?? ctx.newId() };
      const others = ctx.store.getState().notices.filter((n) => n.id !== notice.id);
      // A notice with a known id replaces the old one (e.g. "could not save" repeated on every try).
      ctx.store.setState({ notices: [...others, notice].slice(-MAX_NOTICES) });
      return notice.id;
    },
    dismissNotice(id) {
      const notices = ctx.store.getState().notices;
      if (notices.some((n) => n.id === id)) ctx.store.setState({ notices: notices.filter((n) => n.id !== id) });
    },
  };
}

/** A file name that is safe on every OS, for download actions. */
export function safeFileName(text: string): string {
  const cleaned = text.replace(/[^\w.-]+/g, '-').replace(/^-+|-+$/g, '');
  return (cleaned || 'song').slice(0, 80);
}
