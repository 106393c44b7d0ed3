import { memo, useState, type KeyboardEvent } from 'react';
import type { Result, SongSummary } from '../../store/types';
import { CloseIcon, CopyIcon, PencilIcon } from '../Icons';

interface Props {
  song: SongSummary;
  current: boolean;
  onOpen(): void;
  onRename(title: string): Promise<Result>;
  onDuplicate(): void;
  onDelete(): void;
}

type Mode = 'view' | 'rename' | 'confirm-delete';

/** One song in the library, with its rename field and delete confirmation inline (no browser dialogs). */
export const SongListItem = memo(function SongListItem({
  song,
  current,
  onOpen,
  onRename,
  onDuplicate,
  onDelete,
}: Props) {
  const [mode, setMode] = useState<Mode>('view');
  const [draft, setDraft] = useState(song.title);

  const startRename = () => {
    setDraft(song.title);
    setMode('rename');
  };
  const onRenameKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') void onRename(draft).then((r) => r.ok && setMode('view'));
    if (e.key === 'Escape') setMode('view');
  };

  return (
    <li className={`song-item${current ? ' is-current' : ''}`}>
      {mode === 'rename' ? (
        <input
          className="rename-input"
          aria-label={`New title for ${song.title}`}
          value={draft}
          autoFocus
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={onRenameKey}
          onBlur={() => setMode('view')}
        />
      ) : (
        <button
          type="button"
          className="song-open"
          aria-current={current ? 'true' : undefined}
          onClick={current ? undefined : onOpen}
          title={current ? 'The open song' : `Open ${song.title}`}
        >
          {song.title}
        </button>
      )}
      {mode === 'confirm-delete' ? (
        <span className="confirm" role="group" aria-label={`Delete ${song.title}?`}>
          <span className="confirm-text">Delete?</span>
          <button type="button" className="danger" onClick={onDelete} autoFocus>
            Delete
          </button>
          <button type="button" onClick={() => setMode('view')}>
            Cancel
          </button>
        </span>
      ) : (
        <span className="song-actions">
          <button
            type="button"
            className="icon"
            aria-label={`Rename ${song.title}`}
            title="Rename"
            onClick={startRename}
          >
            <PencilIcon />
          </button>
          <button
            type="button"
            className="icon"
            aria-label={`Duplicate ${song.title}`}
            title="Duplicate"
            onClick={onDuplicate}
          >
            <CopyIcon />
          </button>
          <button
            type="button"
            className="icon"
            aria-label={`Delete ${song.title}`}
            title="Delete"
            onClick={() => setMode('confirm-delete')}
          >
            <CloseIcon />
          </button>
        </span>
      )}
    </li>
  );
});
