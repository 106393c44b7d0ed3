import { createStore, type StoreApi } from 'zustand/vanilla';
import {
  assignmentLinkKind,
  checkTemplate,
  clampTemperature,
  decodeAssignmentLink,
  encodeAssignmentLink,
  type AssignmentTemplate,
} from '../core/assignment';
import type { AppActions, AppStore } from './types';
import { selectCurrentPhrase } from './selectors';

/**
 * Assignments in the running app. A student's assignment belongs to one song (the one its link opened);
 * while that song is open its locks hold: the key, scale and phrase length are put back if anything
 * (undo, an import) changes them, and the temperature is kept inside the allowed range. The template is
 * remembered per song in localStorage so a reload keeps the locks. A hand-back link opens the student's
 * song and shows the "who wrote what" report.
 */

export interface AssignmentState {
  /** Templates of the songs opened from assignment links, by song id. */
  bySong: Record<string, AssignmentTemplate>;
  /** The report is shown (a hand-back was opened, or the teacher asked for it). */
  reportOpen: boolean;
  /** The song the open hand-back link brought, if any. */
  handbackSongId: string | null;
}

export interface AssignmentActions {
  /** The assignment of the open song, or null. */
  active(): AssignmentTemplate | null;
  /** Opens an "#song=…&assignment=…" or "&handback=…" fragment; false when the fragment is neither. */
  openLink(fragment: string): Promise<boolean>;
  /** The fragment (without "#") of an assignment made from the open song. */
  makeAssignmentLink(template: AssignmentTemplate): Promise<string>;
  /** The fragment of the student's hand-back of the open song. */
  makeHandBackLink(): Promise<string>;
  setReportOpen(open: boolean): void;
  dispose(): void;
}

export type AssignmentStore = StoreApi<AssignmentState> & { actions: AssignmentActions };

const STORAGE_KEY = 'phrasewright-assignments';

function loadRemembered(): Record<string, AssignmentTemplate> {
  try {
    const raw = JSON.parse(globalThis.localStorage?.getItem(STORAGE_KEY) ?? '{}') as Record<string, unknown>;
    const out: Record<string, AssignmentTemplate> = {};
    for (const [id, value] of Object.entries(raw)) {
      const t = checkTemplate(value);
      if (t) out[id] = t;
    }
    return out;
  } catch {
    return {};
  }
}

function remember(bySong: Record<string, AssignmentTemplate>): void {
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, JSON.stringify(bySong));
  } catch {
    // Storage full or blocked: the locks hold for this visit only.
  }
}

/** Creates the assignment store and keeps the open song inside its assignment's locks. */
export function createAssignmentStore(app: { store: AppStore; actions: AppActions }): AssignmentStore {
  const store = createStore<AssignmentState>()(() => ({ bySong: loadRemembered(), reportOpen: false, handbackSongId: null }));
  const active = () => store.getState().bySong[app.store.getState().song.id] ?? null;

  function enforce(): void {
    const template = active();
    if (!template) return;
    const state = app.store.getState();
    const { song } = state;
    if (template.lockKey && song.key.tonic !== template.key.tonic) app.actions.setKey(template.key.tonic);
    if (template.lockScale && song.key.scale !== template.key.scale) app.actions.setScale(template.key.scale);
    const phrase = selectCurrentPhrase(state);
    if (template.bars !== null && phrase && phrase.bars !== template.bars) app.actions.setBars(template.bars);
    const temperature = state.proposals.settings.temperature;
    const allowed = clampTemperature(template, temperature);
    if (allowed !== temperature) app.actions.setProposalSettings({ temperature: allowed });
  }
  const offApp = app.store.subscribe((state, previous) => {
    if (state.song !== previous.song || state.editor !== previous.editor || state.proposals.settings !== previous.proposals.settings) enforce();
  });
  const offSelf = store.subscribe(enforce);

  const actions: AssignmentActions = {
    active,
    async openLink(fragment) {
      const kind = assignmentLinkKind(fragment);
      if (!kind) return false;
      const opened = await decodeAssignmentLink(fragment, { now: Date.now() });
      if (!opened.ok) {
        app.actions.notify({ id: 'assignment-link', kind: 'error', message: `Could not open the link: ${opened.reason}. Your songs are unchanged.` });
        return true;
      }
      await app.actions.addSong(opened.song);
      const songId = app.store.getState().song.id;
      if (kind === 'assignment') {
        const bySong = { ...store.getState().bySong, [songId]: opened.template };
        remember(bySong);
        store.setState({ bySong });
        app.actions.notify({ id: 'assignment-link', kind: 'info', message: `Opened the assignment "${opened.song.title}" as a new song.` });
      } else {
        store.setState({ reportOpen: true, handbackSongId: songId });
        app.actions.notify({ id: 'assignment-link', kind: 'info', message: `Opened the hand-back "${opened.song.title}": see who wrote what below.` });
      }
      return true;
    },
    makeAssignmentLink: (template) => encodeAssignmentLink(app.store.getState().song, template, 'assignment'),
    async makeHandBackLink() {
      const template = active();
      if (!template) throw new Error('this song is not an assignment');
      return encodeAssignmentLink(app.store.getState().song, template, 'handback');
    },
    setReportOpen: (reportOpen) => store.setState({ reportOpen }),
    dispose() {
      offApp();
      offSelf();
    },
  };
  return Object.assign(store, { actions });
}
