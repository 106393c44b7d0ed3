import { memo } from 'react';
import type { Notice } from '../../store/types';
import { useActions, useAppState } from '../AppContext';
import { CloseIcon } from '../Icons';
import { downloadText } from './downloadText';

/**
 * Messages for the user. Errors are role="alert" (read out at once), the rest role="status"; each can be
 * dismissed, and a notice may offer its data as a download (an unreadable autosave, for instance).
 */
export function Notices() {
  const notices = useAppState((s) => s.notices);
  const actions = useActions();
  if (notices.length === 0) return null;
  return (
    <div className="notices" aria-label="Notices">
      {notices.map((n) => (
        <NoticeView key={n.id} notice={n} onDismiss={actions.dismissNotice} />
      ))}
    </div>
  );
}

const NoticeView = memo(function NoticeView({ notice, onDismiss }: { notice: Notice; onDismiss(id: string): void }) {
  const { action } = notice;
  return (
    <div className={`notice notice-${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'}>
      <span className="notice-icon" aria-hidden="true">
        {notice.kind === 'error' ? '!' : notice.kind === 'warning' ? '⚠' : 'i'}
      </span>
      <p className="notice-message">{notice.message}</p>
      {action?.kind === 'download' && (
        <button type="button" onClick={() => downloadText(action.filename, action.data, action.mimeType)}>
          {action.label}
        </button>
      )}
      <button type="button" className="icon" aria-label="Dismiss" title="Dismiss" onClick={() => onDismiss(notice.id)}>
        <CloseIcon />
      </button>
    </div>
  );
});
