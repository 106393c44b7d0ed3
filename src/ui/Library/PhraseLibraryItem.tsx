import { memo, useState, type KeyboardEvent } from 'react';
import type { Result } from '../../store/song/types';
import { CloseIcon, CopyIcon, PencilIcon } from '../Icons';

/** What a phrase item can do, by phrase id: one object for the whole list, so items stay memoized. */
export interface PhraseItemHandlers {
  select(id: string): void;
  rename(id: string, name: string): Result;
  color(id: string, color: string): void;
  duplicate(id: string): void;
  delete(id: string): void;
  addToSong(id: string): void;
}

interface Props {
  id: string;
  name: string;
  color: string;
  bars: number;
  current: boolean;
  /** How many sections of the arrangement play this phrase. */
  uses: number;
  handlers: PhraseItemHandlers;
}

/**
 * One phrase of the library: select it for the grid, rename, recolour, duplicate, delete, add to the song.
 * Its props are primitives and one shared handler object, so writing notes re-renders no item.
 */
export const PhraseLibraryItem = memo(function PhraseLibraryItem(props: Props) {
  const { id, current, uses, handlers } = props;
  const phrase = { name: props.name, color: props.color, bars: props.bars };
  const [renaming, setRenaming] = useState(false);
  const [draft, setDraft] = useState(phrase.name);
  const [confirming, setConfirming] = useState(false);

  const onKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter' && handlers.rename(id, draft).ok) setRenaming(false);
    if (e.key === 'Escape') setRenaming(false);
  };

  return (
    <li className={`phrase-item${current ? ' is-current' : ''}`}>
      <input
        type="color"
        className="phrase-color"
        aria-label={`Colour of phrase ${phrase.name}`}
        value={phrase.color.length === 7 ? phrase.color : '#888888'}
        onChange={(e) => handlers.color(id, e.target.value)}
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
          onClick={() => handlers.select(id)}
        >
          <span className="phrase-name">{phrase.name}</span>
          <span className="phrase-meta">
            {phrase.bars} bar{phrase.bars === 1 ? '' : 's'} · {uses === 0 ? 'not in the song' : `${uses}× in the song`}
          </span>
        </button>
      )}
      {confirming ? (
        <span className="confirm" role="group" aria-label={`Delete phrase ${phrase.name}?`}>
          <span className="confirm-text">
            {uses > 0 ? `Delete it and its ${uses} section${uses === 1 ? '' : 's'}?` : 'Delete?'}
          </span>
          <button type="button" className="danger" autoFocus onClick={() => handlers.delete(id)}>
            Delete
          </button>
          <button type="button" onClick={() => setConfirming(false)}>
            Cancel
          </button>
        </span>
      ) : (
        <span className="phrase-actions">
          <button
            type="button"
            className="ghost small"
            aria-label={`Add phrase ${phrase.name} to the song`}
            title="Add to the end of the song"
            onClick={() => handlers.addToSong(id)}
          >
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
          <button
            type="button"
            className="icon"
            aria-label={`Duplicate phrase ${phrase.name}`}
            title="Duplicate"
            onClick={() => handlers.duplicate(id)}
          >
            <CopyIcon />
          </button>
          <button
            type="button"
            className="icon"
            aria-label={`Delete phrase ${phrase.name}`}
            title="Delete"
            onClick={() => setConfirming(true)}
          >
            <CloseIcon />
          </button>
        </span>
      )}
    </li>
  );
});
