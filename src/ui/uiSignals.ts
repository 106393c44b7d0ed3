/** An Accept that would replace notes the musician wrote, waiting for a yes (see Proposals/acceptFlow). */
export interface PendingAccept {
  id: string;
  mode: 'replace' | 'append';
  reason: string;
}

/**
 * The few bits of UI state that are neither song nor store data (is the help panel open? is an Accept
 * waiting for a yes?), kept outside React so the composition root's keyboard shortcuts can read and flip
 * them. A tiny observable.
 */
export interface UiFlags {
  helpOpen: boolean;
  pendingAccept: PendingAccept | null;
}

export interface UiSignals {
  get(): UiFlags;
  set(patch: Partial<UiFlags>): void;
  subscribe(listener: () => void): () => void;
}

export function createUiSignals(initial: UiFlags = { helpOpen: false, pendingAccept: null }): UiSignals {
  let flags = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => flags,
    set(patch) {
      const next = { ...flags, ...patch };
      if (Object.keys(patch).every((k) => next[k as keyof UiFlags] === flags[k as keyof UiFlags])) return;
      flags = next;
      listeners.forEach((l) => l());
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
