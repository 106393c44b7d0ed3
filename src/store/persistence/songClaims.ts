/**
 * Which songs this tab is editing, so two tabs never autosave over each other's work. A tab claims a song
 * before showing it; a song another tab holds is opened as a copy instead (see libraryActions).
 */
export interface SongClaims {
  /** Claims `songId` for this tab; resolves false when another tab holds it. Claiming a held song again is true. */
  claim(songId: string): Promise<boolean>;
  /** Gives the song up (switching songs, deleting it). Closing or crashing the tab releases everything too. */
  release(songId: string): void;
}

const LOCK_PREFIX = 'phrasewright-song:';

/**
 * Claims as Web Locks (navigator.locks): the browser releases a tab's locks when the tab closes, crashes or
 * is killed, so a stale claim can never keep a song locked after its tab is gone.
 */
export function webLockSongClaims(locks: LockManager): SongClaims {
  const releases = new Map<string, () => void>();
  return {
    claim(songId) {
      if (releases.has(songId)) return Promise.resolve(true);
      return new Promise<boolean>((resolve) => {
        locks
          .request(`${LOCK_PREFIX}${songId}`, { ifAvailable: true }, (lock) => {
            if (!lock) {
              resolve(false);
              return undefined;
            }
            // The lock is held until this promise settles, i.e. until release() or the tab goes away.
            return new Promise<void>((release) => {
              releases.set(songId, release);
              resolve(true);
            });
          })
          // A lock manager that fails must not stop anyone from working; the write check still guards.
          .catch(() => resolve(true));
      });
    },
    release(songId) {
      releases.get(songId)?.();
      releases.delete(songId);
    },
  };
}

/**
 * Claims shared by every store made with the same registry: stands in for other tabs in tests and Node
 * scripts. Each call to the returned factory is one "tab".
 */
export function sharedMemorySongClaims(): () => SongClaims {
  const holders = new Map<string, symbol>();
  return () => {
    const tab = Symbol('tab');
    return {
      async claim(songId) {
        const holder = holders.get(songId);
        if (holder !== undefined && holder !== tab) return false;
        holders.set(songId, tab);
        return true;
      },
      release(songId) {
        if (holders.get(songId) === tab) holders.delete(songId);
      },
    };
  };
}

/** Web Locks where the browser has them; otherwise every claim succeeds (a single-tab environment). */
export function defaultSongClaims(): SongClaims {
  const locks = typeof navigator !== 'undefined' ? (navigator as Navigator & { locks?: LockManager }).locks : undefined;
  if (locks && typeof locks.request === 'function') return webLockSongClaims(locks);
  return { claim: async () => true, release: () => {} };
}
