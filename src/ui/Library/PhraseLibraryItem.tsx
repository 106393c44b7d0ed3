import { memo, useState, type KeyboardEvent } from 'react';
import type { Phrase } from '../../core/types';
import type { Result } from '../../store/song/types';
import { CloseIcon, CopyIcon, PencilIcon } from '../Icons';

interface Props {
  phrase: Pick<Phrase, 'id' | 'name' | 'color' | 'bars'>;
  current: boolean;
  /** How many sections of the arrangement play this phrase. */
  uses: number;
  onSelect(): void;
  onRename(name: string): Result;
  onColor(color: string): void;
  onDuplicate(): void;
  onDelete(): void;
  onAddToSong(): void;
}

/** One phrase of the library: select it for the grid, rename, recolour, duplicate, delete, add to the song. */
export const PhraseLibraryItem = memo(function PhraseLibraryItem(props: Props) {
  const { phrase, current, uses } = props;
  const [renaming, setRenaming] = useState(false);
  const [draft, setDraft] = useState(phrase.name);
  const [confirming, setConfirming] = useState(false);

  const onKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter' && props.onRename(draft).ok) setRenaming(false);
    if (e.key === 'Escape') setRenaming(false);
  };

  return (
    <li className={`phrase-item${current ? ' is-current' : ''}`}>
      <input
        type="color"
        className="phrase-color"
        aria-label={`Colour of phrase ${phrase.name}`}
        value={phrase.color.length === 7 ? phrase.color : '#888888'}
        onChange={(e) => props.onColor(e.target.value)}
      />
      {renaming ? (
        <input
          className="rename-input"
          aria-label={`New name for phrase ${phrase.name}`}
          value={draft}
          maxLength={40}
          autoFocus
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={onKey}
          onBlur={() => setRenaming(false)}
        />
      ) : (
        <button
          type="button"
          className="phrase-open"
          aria-pressed={current}
          title={current ? 'In the grid' : `Edit phrase ${phrase.name} in the grid`}
          onClick={props.onSelect}
        >
          <span className="phrase-name">{phrase.name}</span>
          <span className="phrase-meta">
            {phrase.bars} bar{phrase.bars === 1 ? '' : 's'} · {uses === 0 ? 'not in the song' : `${uses}× in the song`}
          </span>
        </button>
      )}
      {confirming ? (
        <span className="confirm" role="group" aria-label={`Delete phrase ${phrase.name}?`}>
          <span className="confirm-text">{uses > 0 ? `Delete it and its ${uses} section${uses === 1 ? '' : 's'}?` : 'Delete?'}</span>
          <button type="button" className="danger" autoFocus onClick={props.onDelete}>
            Delete
          </button>
          <button type="button" onClick={() => setConfirming(false)}>
            Cancel
          </button>
        </span>
      ) : (
        <span className="phrase-actions">
          <button type="button" className="ghost small" aria-label={`Add phrase ${phrase.name} to the song`} title="Add to the end of the song" onClick={props.onAddToSong}>
            + Song
          </button>
          <button
            type="button"
            className="icon"
            aria-label={`Rename phrase ${phrase.name}`}
            title="Rename"
            onClick={() => {
              setDraft(phrase.name);
              setRenaming(true);
            }}
          >
            <PencilIcon />
          </button>
          <button type="button" className="icon" aria-label={`Duplicate phrase ${phrase.name}`} title="Duplicate" onClick={props.onDuplicate}>
            <CopyIcon />
          </button>
          <button type="button" className="icon" aria-label={`Delete phrase ${phrase.name}`} title="Delete" onClick={() => setConfirming(true)}>
            <CloseIcon />
          </button>
        </span>
      )}
    </li>
  );
});
