/**
 * The song this tab showed last, kept per tab (sessionStorage survives a reload but is not shared), so a
 * reloaded tab returns to its own song — a copy it made because another tab held the original included —
 * instead of the library-wide "last opened" song.
 */
export interface TabMemory {
  get(): string | undefined;
  set(songId: string): void;
}

const KEY = 'phrasewright-tab-song';

/** sessionStorage where it works (it throws in some privacy modes), memory otherwise. */
export function defaultTabMemory(): TabMemory {
  let remembered: string | undefined;
  const storage = (() => {
    try {
      return typeof sessionStorage === 'undefined' ? undefined : sessionStorage;
    } catch {
      return undefined;
    }
  })();
  return {
    get() {
      try {
        return storage?.getItem(KEY) ?? remembered;
      } catch {
        return remembered;
      }
    },
    set(songId) {
      remembered = songId;
      try {
        storage?.setItem(KEY, songId);
      } catch {
        // Memory is enough for this page's life.
      }
    },
  };
}
