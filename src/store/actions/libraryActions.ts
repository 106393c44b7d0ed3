// Over 300 lines: the song library's actions (new, open, rename, duplicate, delete, import) share the save queue and the tab claims.
import { createPhrase, createSong } from '../../core/song';
import type { Song } from '../../core/types';
import { VALIDATION_LIMITS } from '../../core/validate';
import type { StoreContext } from '../context';
import type { Autosave } from '../persistence/autosave';
import type { SongClaims } from '../persistence/songClaims';
import type { TabMemory } from '../persistence/tabMemory';
import { errorMessage } from '../persistence/recordCodec';
import type { AppActions, LibraryState, SongRepository, SongSummary } from '../types';
import { safeFileName } from './noticeActions';

type LibraryActions = Pick<
  AppActions,
  'init' | 'newSong' | 'openSong' | 'renameSong' | 'duplicateSong' | 'deleteSong' | 'addSong'
>;

export interface LibraryDeps {
  repository: SongRepository;
  autosave: Autosave;
  notify: AppActions['notify'];
  stop: AppActions['stop'];
  setTitle: AppActions['setTitle'];
  /** Set while a song is being shown, so loading a song is not mistaken for an edit to autosave. */
  setShowingSong(on: boolean): void;
  /** Which songs this tab edits; a song another tab holds opens as a copy (never two writers on one record). */
  claims: SongClaims;
  /** The song this tab showed last (survives a reload of this tab only). */
  tabMemory: TabMemory;
}

/** Puts `summary` into the list (replacing the entry with its id), most recently updated first. */
export function upsertSummary(songs: SongSummary[], summary: SongSummary): SongSummary[] {
  return [...songs.filter((s) => s.id !== summary.id), summary].sort((a, b) => b.updatedAt - a.updatedAt);
}

export function summaryOf(song: Song): SongSummary {
  return { id: song.id, title: song.title, updatedAt: song.updatedAt };
}

/** The song list: start-up, new, open, rename, duplicate, delete. */
export function createLibraryActions(ctx: StoreContext, deps: LibraryDeps): LibraryActions {
  const { repository, autosave, notify } = deps;
  let initialized = false;

  function setLibrary(patch: Partial<LibraryState>): void {
    ctx.store.setState({ library: { ...ctx.store.getState().library, ...patch } });
  }

  function reportUnreadable(id: string, reason: string, raw: string, startedNewSong = false): void {
    notify({
      id: `unreadable-${id}`,
      kind: 'error',
      message:
        `A saved song could not be read (${reason}). It has been kept aside, not deleted, ` +
        `and you can download its raw data.${startedNewSong ? ' A new song was started.' : ''}`,
      action: {
        label: 'Download the unreadable data',
        kind: 'download',
        filename: `phrasewright-unreadable-${safeFileName(id)}.json`,
        data: raw,
      },
    });
  }

  function reportStorageFailure(doing: string, error: unknown): void {
    notify({ id: `storage-${doing}`, kind: 'error', message: `Could not ${doing}: ${errorMessage(error)}` });
  }

  /** Makes `song` the current song: a fresh undo history, the grid on its first phrase, playback stopped. */
  function showSong(loaded: Song): void {
    // A song without phrases would leave the grid with nothing to edit; give it an empty one.
    const song =
      loaded.phrases.length > 0
        ? loaded
        : { ...loaded, phrases: [createPhrase('A', 2, { now: ctx.now(), newId: ctx.newId })] };
    const previousId = ctx.store.getState().library.currentSongId;
    if (ctx.store.getState().transport.playing) deps.stop();
    deps.setShowingSong(true);
    try {
      ctx.store.setState({
        song,
        editor: { currentPhraseId: song.phrases[0].id },
        library: { ...ctx.store.getState().library, currentSongId: song.id },
      });
    } finally {
      deps.setShowingSong(false);
    }
    ctx.history.clear();
    if (song !== loaded) autosave.schedule(song);
    // Stored songs were claimed before being shown (openStored); new songs have fresh ids nobody holds.
    void deps.claims.claim(song.id);
    deps.tabMemory.set(song.id);
    if (previousId && previousId !== song.id) deps.claims.release(previousId);
  }

  /** Another tab is editing `song`: this tab gets a copy of it, so neither overwrites the other. */
  async function showCopyOfHeldSong(song: Song): Promise<void> {
    const now = ctx.now();
    const copy: Song = {
      ...song,
      id: ctx.newId(),
      title: `${song.title} (copy)`.slice(0, VALIDATION_LIMITS.titleLength),
      createdAt: now,
      updatedAt: now,
    };
    showSong(copy);
    autosave.schedule(copy);
    await autosave.flush();
    notify({
      id: `open-elsewhere-${song.id}`,
      kind: 'warning',
      message:
        `"${song.title}" is open in another tab. So that neither tab overwrites the other, ` +
        `this tab works on a copy named "${copy.title}".`,
    });
  }

  /** Refuses to change a stored song behind the back of the tab that is editing it. */
  async function heldElsewhere(id: string): Promise<boolean> {
    if (!(await deps.claims.claim(id))) return true;
    deps.claims.release(id);
    return false;
  }

  /** Writes the current song now and remembers it as the one to reopen. */
  async function saveAndRemember(song: Song): Promise<void> {
    autosave.schedule(song);
    await autosave.flush();
    try {
      await repository.setLastOpenedId(song.id);
    } catch (error) {
      reportStorageFailure('remember the open song', error);
    }
  }

  function freshSong(): Song {
    return createSong({}, { now: ctx.now(), newId: ctx.newId });
  }

  async function openStored(id: string): Promise<boolean> {
    let result;
    try {
      result = await repository.load(id);
    } catch (error) {
      reportStorageFailure('open the song', error);
      return false;
    }
    if (result.status === 'ok') {
      if (!(await deps.claims.claim(id))) {
        await showCopyOfHeldSong(result.song);
        return true;
      }
      showSong(result.song);
      try {
        await repository.setLastOpenedId(id);
      } catch (error) {
        reportStorageFailure('remember the open song', error);
      }
      return true;
    }
    setLibrary({ songs: ctx.store.getState().library.songs.filter((s) => s.id !== id) });
    if (result.status === 'quarantined') reportUnreadable(id, result.reason, result.raw);
    else notify({ kind: 'error', message: 'That song is no longer in the library.' });
    return false;
  }

  async function openMostRecentOrNew(): Promise<void> {
    const next = ctx.store.getState().library.songs.find((s) => s.id !== ctx.store.getState().song.id);
    if (next && (await openStored(next.id))) return;
    showSong(freshSong());
    await saveAndRemember(ctx.store.getState().song);
  }

  return {
    async init(options = {}) {
      if (initialized) return;
      initialized = true;
      ctx.store.setState({ persistence: { status: 'loading' } });
      try {
        const { songs, quarantined } = await repository.list();
        setLibrary({ songs });
        if (options.opening) {
          // A link opened on this visit: show exactly its song (no last song loaded, no new empty song made).
          for (const q of quarantined) reportUnreadable(q.id, q.reason, q.raw);
          showSong(options.opening);
          await saveAndRemember(ctx.store.getState().song);
          ctx.store.setState({ persistence: { status: 'saved' } });
          return;
        }
        // This tab's own last song first (a reload), then the library's last opened song (a new tab).
        const tabId = deps.tabMemory.get();
        const lastId = tabId && songs.some((s) => s.id === tabId) ? tabId : await repository.getLastOpenedId();
        for (const q of quarantined) reportUnreadable(q.id, q.reason, q.raw, q.id === lastId);
        // An unreadable last song means a NEW song (as the notice tells the user), not some other old one.
        const lastWasUnreadable = quarantined.some((q) => q.id === lastId);
        if (!lastWasUnreadable) {
          const wanted = lastId && songs.some((s) => s.id === lastId) ? lastId : songs[0]?.id;
          if (wanted && (await openStored(wanted))) {
            ctx.store.setState({ persistence: { status: 'saved' } });
            return;
          }
        }
        showSong(ctx.store.getState().song); // the untouched song made at creation becomes the new song
        await saveAndRemember(ctx.store.getState().song);
      } catch (error) {
        ctx.store.setState({ persistence: { status: 'error' } });
        // Without storage the linked song is still the one to show (it is lost on leaving, as the notice says).
        if (options.opening && ctx.store.getState().song.id !== options.opening.id) showSong(options.opening);
        notify({
          id: 'storage-unavailable',
          kind: 'warning',
          message: `Songs cannot be saved in this browser right now (${errorMessage(error)}). Export your work to keep it.`,
        });
      }
    },

    async newSong() {
      await autosave.flush();
      showSong(freshSong());
      await saveAndRemember(ctx.store.getState().song);
    },

    async addSong(song) {
      await autosave.flush();
      showSong(song);
      await saveAndRemember(ctx.store.getState().song);
    },

    async openSong(id) {
      if (id === ctx.store.getState().song.id) return;
      await autosave.flush();
      await openStored(id);
    },

    async renameSong(id, title) {
      if (id === ctx.store.getState().song.id) return deps.setTitle(title);
      const trimmed = typeof title === 'string' ? title.trim() : '';
      if (!trimmed) return { ok: false, reason: 'A song needs a title.' };
      if (await heldElsewhere(id)) return { ok: false, reason: 'That song is open in another tab: rename it there.' };
      try {
        const result = await repository.load(id);
        if (result.status !== 'ok') {
          if (result.status === 'quarantined') reportUnreadable(id, result.reason, result.raw);
          setLibrary({ songs: ctx.store.getState().library.songs.filter((s) => s.id !== id) });
          return { ok: false, reason: 'That song could not be opened.' };
        }
        const renamed = {
          ...result.song,
          title: trimmed.slice(0, VALIDATION_LIMITS.titleLength),
          updatedAt: ctx.now(),
        };
        await repository.save(renamed);
        setLibrary({ songs: upsertSummary(ctx.store.getState().library.songs, summaryOf(renamed)) });
        return { ok: true };
      } catch (error) {
        reportStorageFailure('rename the song', error);
        return { ok: false, reason: `Could not rename the song: ${errorMessage(error)}` };
      }
    },

    async duplicateSong(id) {
      await autosave.flush();
      let source: Song | undefined;
      if (id === ctx.store.getState().song.id) source = ctx.store.getState().song;
      else {
        const result = await repository.load(id).catch((error: unknown) => {
          reportStorageFailure('read the song to duplicate', error);
          return null;
        });
        if (result?.status === 'quarantined') reportUnreadable(id, result.reason, result.raw);
        if (result?.status === 'ok') source = result.song;
      }
      if (!source) return;
      const now = ctx.now();
      const copy: Song = {
        ...source,
        id: ctx.newId(),
        title: `${source.title} (copy)`.slice(0, VALIDATION_LIMITS.titleLength),
        createdAt: now,
        updatedAt: now,
      };
      showSong(copy);
      await saveAndRemember(copy);
    },

    async deleteSong(id) {
      const isCurrent = id === ctx.store.getState().song.id;
      // A pending autosave of the deleted song would write it straight back.
      if (isCurrent) await autosave.discard();
      else if (await heldElsewhere(id)) {
        notify({
          id: `delete-held-${id}`,
          kind: 'warning',
          message: 'That song is open in another tab: close it there first, then delete it.',
        });
        return;
      }
      try {
        await repository.delete(id);
      } catch (error) {
        reportStorageFailure('delete the song', error);
        return;
      }
      setLibrary({ songs: ctx.store.getState().library.songs.filter((s) => s.id !== id) });
      if (isCurrent) await openMostRecentOrNew();
    },
  };
}
