/**
 * Which side panel is open, remembered per song in this browser (localStorage): a teacher's song opens with
 * its Classroom panel, a sketch with none. View state, not song data: not undoable, not in project files.
 */
export type PanelId =
  | 'songs'
  | 'chords'
  | 'notation'
  | 'theory'
  | 'interpolate'
  | 'history'
  | 'midi'
  | 'keyboard'
  | 'mix'
  | 'export'
  | 'classroom';

const KEY = 'phrasewright-panels';
/** Songs remembered at most; the oldest choices are forgotten first. */
const MAX_SONGS = 200;

type Remembered = Record<string, PanelId | null>;

function storage(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined;
  }
}

let memory: Remembered | null = null;

function load(): Remembered {
  if (memory) return memory;
  try {
    const parsed: unknown = JSON.parse(storage()?.getItem(KEY) ?? '{}');
    memory = parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Remembered) : {};
  } catch {
    memory = {};
  }
  return memory;
}

export const panelMemory = {
  /** The panel remembered for the song: an id, null for "all closed", undefined when nothing is remembered. */
  get(songId: string): PanelId | null | undefined {
    const value = load()[songId];
    return value === undefined ? undefined : value;
  },
  set(songId: string, panel: PanelId | null): void {
    const all = load();
    delete all[songId]; // re-inserted last: insertion order is the age
    all[songId] = panel;
    const ids = Object.keys(all);
    for (const old of ids.slice(0, Math.max(0, ids.length - MAX_SONGS))) delete all[old];
    try {
      storage()?.setItem(KEY, JSON.stringify(all));
    } catch {
      // Remembered for this page only.
    }
  },
  /** Forgets everything (tests). */
  reset(): void {
    memory = {};
  },
};
