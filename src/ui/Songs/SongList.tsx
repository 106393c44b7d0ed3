import { useState } from 'react';
import type { SongSummary } from '../../store/types';
import { useActions, useAppState } from '../AppContext';
import { SongListItem } from './SongListItem';

/** The saved songs: new, open, rename, duplicate and delete (with a confirmation step). */
export function SongList() {
  const actions = useActions();
  const songs = useAppState((s) => s.library.songs);
  const currentId = useAppState((s) => s.library.currentSongId);
  const currentSongId = useAppState((s) => s.song.id);
  const currentTitle = useAppState((s) => s.song.title);
  const currentUpdatedAt = useAppState((s) => s.song.updatedAt);
  const [error, setError] = useState('');

  // The open song is listed even before its first autosave, so the list never looks empty while editing.
  const rows: SongSummary[] = songs.some((s) => s.id === currentSongId)
    ? songs
    : [{ id: currentSongId, title: currentTitle, updatedAt: currentUpdatedAt }, ...songs];

  const run = (work: Promise<unknown>) =>
    work.then(
      () => setError(''),
      (e: unknown) => setError(e instanceof Error ? e.message : String(e)),
    );

  return (
    <nav className="song-list" aria-label="Song library">
      <div className="song-list-head">
        <h2>Songs</h2>
        <button type="button" onClick={() => void run(actions.newSong())}>
          New song
        </button>
      </div>
      <ul aria-label="Songs">
        {rows.map((song) => (
          <SongListItem
            key={song.id}
            song={song}
            current={song.id === (currentId ?? currentSongId)}
            onOpen={() => void run(actions.openSong(song.id))}
            onRename={(title) =>
              actions.renameSong(song.id, title).then((r) => {
                setError(r.ok ? '' : r.reason);
                return r;
              })
            }
            onDuplicate={() => void run(actions.duplicateSong(song.id))}
            onDelete={() => void run(actions.deleteSong(song.id))}
          />
        ))}
      </ul>
      {error && (
        <p role="alert" className="field-reason">
          {error}
        </p>
      )}
    </nav>
  );
}
