import { useSyncExternalStore } from 'react';

/**
 * Light or dark. Until the musician chooses, the theme follows the system (prefers-color-scheme); a choice
 * made with the toggle is remembered in this browser (localStorage). The effective theme is written to
 * <html data-theme>, which the design tokens read. A module-level observable, like the theory settings.
 */
export type ThemeName = 'light' | 'dark';

const KEY = 'phrasewright-theme';
const listeners = new Set<() => void>();

function storage(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined; // some privacy modes refuse storage: the choice lasts for this page
  }
}

function stored(): ThemeName | null {
  try {
    const value = storage()?.getItem(KEY);
    return value === 'light' || value === 'dark' ? value : null;
  } catch {
    return null;
  }
}

let chosen: ThemeName | null = null;
let systemLight = false;

function effective(): ThemeName {
  return chosen ?? (systemLight ? 'light' : 'dark');
}

function apply(): void {
  if (typeof document !== 'undefined') document.documentElement.dataset.theme = effective();
  listeners.forEach((l) => l());
}

export const themeSettings = {
  /** Reads the stored choice and the system preference, applies the theme and follows system changes. */
  install(win: Window = window): () => void {
    chosen = stored();
    const query = win.matchMedia?.('(prefers-color-scheme: light)');
    systemLight = !!query?.matches;
    const onChange = (e: MediaQueryListEvent) => {
      systemLight = e.matches;
      if (chosen === null) apply();
    };
    query?.addEventListener?.('change', onChange);
    apply();
    return () => query?.removeEventListener?.('change', onChange);
  },
  get: effective,
  /** Chooses a theme and remembers it. */
  set(theme: ThemeName): void {
    chosen = theme;
    try {
      storage()?.setItem(KEY, theme);
    } catch {
      // Not remembered; still applied.
    }
    apply();
  },
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

/** The theme in effect; re-renders when it changes. */
export function useTheme(): ThemeName {
  return useSyncExternalStore(themeSettings.subscribe, themeSettings.get, themeSettings.get);
}
