import type { Song } from '../../core/types';

export interface AutosaveOptions {
  save(song: Song): Promise<void>;
  /** Quiet time after the last change before writing. */
  delayMs: number;
  /** Longest a change waits while edits keep coming, so a long drag is still saved within a second. */
  maxWaitMs: number;
  onSaving(): void;
  onSaved(song: Song): void;
  onError(error: unknown, song: Song): void;
}

export interface Autosave {
  /** Notes that `song` is the newest state to write. */
  schedule(song: Song): void;
  /** Writes the pending state now; resolves when every write so far has finished. */
  flush(): Promise<void>;
  hasPending(): boolean;
  /** Drops the pending state without writing it and waits for writes in flight (before deleting a song). */
  discard(): Promise<void>;
  dispose(): void;
}

/**
 * Debounced saving with a maximum wait. Writes are chained, never concurrent, so an older state can
 * never land after a newer one; only the newest pending state is written.
 */
export function createAutosave(options: AutosaveOptions): Autosave {
  let pending: Song | null = null;
  let quietTimer: ReturnType<typeof setTimeout> | undefined;
  let maxWaitTimer: ReturnType<typeof setTimeout> | undefined;
  let writes: Promise<void> = Promise.resolve();
  let disposed = false;

  function clearTimers(): void {
    clearTimeout(quietTimer);
    clearTimeout(maxWaitTimer);
    quietTimer = undefined;
    maxWaitTimer = undefined;
  }

  function flush(): Promise<void> {
    clearTimers();
    if (pending === null) return writes;
    const song = pending;
    pending = null;
    writes = writes.then(async () => {
      try {
        await options.save(song);
        if (pending === null) options.onSaved(song);
      } catch (error) {
        options.onError(error, song);
      }
    });
    return writes;
  }

  return {
    schedule(song: Song): void {
      if (disposed) return;
      pending = song;
      options.onSaving();
      clearTimeout(quietTimer);
      quietTimer = setTimeout(() => void flush(), options.delayMs);
      maxWaitTimer ??= setTimeout(() => void flush(), options.maxWaitMs);
    },
    flush,
    hasPending: () => pending !== null,
    discard(): Promise<void> {
      clearTimers();
      pending = null;
      return writes;
    },
    dispose(): void {
      disposed = true;
      clearTimers();
    },
  };
}
