import { createStore, type StoreApi } from 'zustand/vanilla';
import {
  assignmentLinkKind,
  checkTemplate,
  clampTemperature,
  cleanStudentName,
  decodeAssignmentLink,
  encodeAssignmentLink,
  encodeHandBackLink,
  handBackTitle,
  type AssignmentLinkResult,
  type AssignmentTemplate,
  type HandBackInfo,
} from '../core/assignment';
import { handBackFileName, serializeHandBack } from '../core/assignmentHandback';
import { newId } from '../core/id';
import type { Song } from '../core/types';
import type { AppActions, AppStore } from './types';
import { selectCurrentPhrase } from './selectors';

/**
 * Assignments in the running app. A student's assignment belongs to one song (the one its link opened);
 * while that song is open its locks hold: the key, scale and phrase length are put back if anything
 * (undo, an import) changes them, and the temperature is kept inside the allowed range. The template and
 * the student's name are remembered per song in localStorage, so a reload keeps both. A hand-back (a link
 * or a file) carries the student's name, the time and the assignment; the teacher's copy opens titled
 * "<assignment> - <student>" with the "who wrote what" report.
 */

export interface AssignmentState {
  /** Templates of the songs opened from assignment links, by song id. */
  bySong: Record<string, AssignmentTemplate>;
  /** The student's name for each assignment song, by song id (asked for when the assignment opens). */
  students: Record<string, string>;
  /** Hand-backs the teacher opened in this visit, by the song id they opened as. */
  handBacks: Record<string, HandBackInfo>;
  /** The report is shown (a hand-back was opened, or the teacher asked for it). */
  reportOpen: boolean;
  /** The song the open hand-back link brought, if any. */
  handbackSongId: string | null;
}

/** A link read but not yet shown: show `song` (as a new song), then call `adopt` with the id it got. */
export type ReadLink = Extract<AssignmentLinkResult, { ok: true }>;

/** What "Hand back" gives the student: the link fragment and the file, both naming them. */
export interface HandBackOut {
  fragment: string;
  fileName: string;
  fileText: string;
}

export interface AssignmentActions {
  /** The assignment of the open song, or null. */
  active(): AssignmentTemplate | null;
  /** The student's name for the open assignment song ('' until they give it). */
  studentName(): string;
  setStudentName(name: string): void;
  /** Reads an assignment or hand-back fragment without opening it; null when it is neither, the reason when broken. */
  readLink(fragment: string): Promise<ReadLink | { ok: false; reason: string } | null>;
  /** After `song` of a read link is shown as the open song: remembers its locks or opens its report. */
  adopt(link: ReadLink): void;
  /** Opens an "#song=…&assignment=…" or "&handback=…" fragment; false when the fragment is neither. */
  openLink(fragment: string): Promise<boolean>;
  /** The song a hand-back should open as: titled "<assignment> - <student>", with fresh ids. */
  handBackSong(song: Song, info: HandBackInfo): Song;
  /** Opens a student's hand-back (from the class view) as a new song with its report. */
  openHandBack(song: Song, info: HandBackInfo): Promise<void>;
  /** The fragment (without "#") of an assignment made from the open song (given an id and the song's title). */
  makeAssignmentLink(template: AssignmentTemplate): Promise<string>;
  /** The student's hand-back of the open song: link fragment and file. */
  handBack(): Promise<HandBackOut>;
  /** The fragment of the student's hand-back of the open song. */
  makeHandBackLink(): Promise<string>;
  setReportOpen(open: boolean): void;
  dispose(): void;
}

export type AssignmentStore = StoreApi<AssignmentState> & { actions: AssignmentActions };

const STORAGE_KEY = 'phrasewright-assignments';
const STUDENTS_KEY = 'phrasewright-assignment-students';

function readStorage(key: string): Record<string, unknown> {
  try {
    const raw = JSON.parse(globalThis.localStorage?.getItem(key) ?? '{}') as unknown;
    return typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

function loadRemembered(): Record<string, AssignmentTemplate> {
  const out: Record<string, AssignmentTemplate> = {};
  for (const [id, value] of Object.entries(readStorage(STORAGE_KEY))) {
    const t = checkTemplate(value);
    if (t) out[id] = t;
  }
  return out;
}

function loadStudents(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [id, value] of Object.entries(readStorage(STUDENTS_KEY)))
    if (typeof value === 'string') out[id] = cleanStudentName(value);
  return out;
}

function remember(key: string, value: object): void {
  try {
    globalThis.localStorage?.setItem(key, JSON.stringify(value));
  } catch {
    // Storage full or blocked: this visit keeps it in memory only.
  }
}

/** Creates the assignment store and keeps the open song inside its assignment's locks. */
export function createAssignmentStore(
  app: { store: AppStore; actions: AppActions },
  deps: { now?: () => number; newId?: () => string } = {},
): AssignmentStore {
  const now = deps.now ?? Date.now;
  const makeId = deps.newId ?? newId;
  const store = createStore<AssignmentState>()(() => ({
    bySong: loadRemembered(),
    students: loadStudents(),
    handBacks: {},
    reportOpen: false,
    handbackSongId: null,
  }));
  const songId = () => app.store.getState().song.id;
  const active = () => store.getState().bySong[songId()] ?? null;

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
    if (
      state.song !== previous.song ||
      state.editor !== previous.editor ||
      state.proposals.settings !== previous.proposals.settings
    )
      enforce();
  });
  const offSelf = store.subscribe(enforce);

  function handBackSong(song: Song, info: HandBackInfo): Song {
    const at = now();
    return { ...song, id: makeId(), title: handBackTitle(info, song.title), createdAt: at, updatedAt: at };
  }

  function adopt(link: ReadLink): void {
    const id = songId();
    if (link.kind === 'assignment') {
      const bySong = { ...store.getState().bySong, [id]: link.template };
      remember(STORAGE_KEY, bySong);
      store.setState({ bySong });
      app.actions.notify({
        id: 'assignment-link',
        kind: 'info',
        message: `Opened the assignment "${link.song.title}" as a new song.`,
      });
    } else {
      store.setState({
        reportOpen: true,
        handbackSongId: id,
        handBacks: { ...store.getState().handBacks, [id]: link.handBack },
      });
      app.actions.notify({
        id: 'assignment-link',
        kind: 'info',
        message: `Opened ${link.handBack.student || 'a student'}'s hand-back: see who wrote what in the Classroom panel.`,
      });
    }
  }

  async function readLink(fragment: string): Promise<ReadLink | { ok: false; reason: string } | null> {
    if (!assignmentLinkKind(fragment)) return null;
    const opened = await decodeAssignmentLink(fragment, { now: now() });
    if (!opened.ok) return opened;
    return opened.kind === 'handback' ? { ...opened, song: handBackSong(opened.song, opened.handBack) } : opened;
  }

  async function handBack(): Promise<HandBackOut> {
    const template = active();
    if (!template) throw new Error('this song is not an assignment');
    const song = app.store.getState().song;
    const info: HandBackInfo = { template, student: store.getState().students[song.id] ?? '', handedBackAt: now() };
    return {
      fragment: await encodeHandBackLink(song, info),
      fileName: handBackFileName(template.title || song.title, info.student),
      fileText: serializeHandBack(song, info),
    };
  }

  const actions: AssignmentActions = {
    active,
    studentName: () => store.getState().students[songId()] ?? '',
    setStudentName(name) {
      const students = { ...store.getState().students, [songId()]: cleanStudentName(name) };
      remember(STUDENTS_KEY, students);
      store.setState({ students });
    },
    readLink,
    adopt,
    async openLink(fragment) {
      const read = await readLink(fragment);
      if (read === null) return false;
      if (!read.ok) {
        app.actions.notify({
          id: 'assignment-link',
          kind: 'error',
          message: `Could not open the link: ${read.reason}. Your songs are unchanged.`,
        });
        return true;
      }
      await app.actions.addSong(read.song);
      adopt(read);
      return true;
    },
    handBackSong,
    async openHandBack(song, info) {
      const opened = handBackSong(song, info);
      await app.actions.addSong(opened);
      store.setState({
        reportOpen: true,
        handbackSongId: opened.id,
        handBacks: { ...store.getState().handBacks, [opened.id]: info },
      });
    },
    makeAssignmentLink(template) {
      const song = app.store.getState().song;
      return encodeAssignmentLink(
        song,
        {
          ...template,
          id: template.id ?? makeId().replace(/-/g, '').slice(0, 16),
          title: template.title ?? song.title,
        },
        'assignment',
      );
    },
    handBack,
    makeHandBackLink: async () => (await handBack()).fragment,
    setReportOpen: (reportOpen) => store.setState({ reportOpen }),
    dispose() {
      offApp();
      offSelf();
    },
  };
  return Object.assign(store, { actions });
}
