import { createStore, type StoreApi } from 'zustand/vanilla';
import { admitHandBack, classViewCsv, sortClassRows, type ClassColumn, type ClassRow } from '../core/assignmentClass';
import { readHandBack, type HandBackRead } from '../core/assignmentHandback';
import { newId } from '../core/id';
import type { AssignmentStore } from './assignmentStore';

/**
 * The teacher's class view: hand-backs pasted as links (one a line) or dropped as files, read in parallel
 * and judged in the order given (another assignment, a duplicate, a damaged file each make a row that says
 * so; the others still load), sorted by any column, exported as CSV, each row opening that student's song.
 * Kept for this visit only: the hand-backs themselves are the teacher's record.
 */

export type SortDirection = 'ascending' | 'descending';

export interface ClassViewState {
  rows: ClassRow[];
  sort: { column: ClassColumn; direction: SortDirection } | null;
  /** Hand-backs being read right now. */
  reading: number;
}

export interface ClassViewActions {
  /** Reads every non-empty line of `text` as a hand-back link; resolves when all are rows. */
  addLinks(text: string): Promise<void>;
  /** Reads each file's text as a hand-back file. */
  addFiles(files: readonly { name: string; text: string }[]): Promise<void>;
  remove(rowId: string): void;
  clear(): void;
  /** Sorts by `column`: ascending first, descending on a second call for the same column. */
  sortBy(column: ClassColumn): void;
  /** The rows in the order shown. */
  sorted(): ClassRow[];
  csv(): string;
  /** Opens the student's song of a loaded row, with its report. */
  open(rowId: string): Promise<void>;
}

export type ClassViewStore = StoreApi<ClassViewState> & { actions: ClassViewActions };

interface Incoming {
  source: string;
  raw: string;
  read: Promise<HandBackRead>;
}

export function createClassViewStore(assignments: AssignmentStore): ClassViewStore {
  const store = createStore<ClassViewState>()(() => ({ rows: [], sort: null, reading: 0 }));
  let linkCount = 0;

  async function admit(incoming: Incoming[]): Promise<void> {
    store.setState({ reading: store.getState().reading + incoming.length });
    // Read in parallel (inflating a link is the slow part), judge in the order given.
    const results = await Promise.all(
      incoming.map((i) => i.read.catch((): HandBackRead => ({ ok: false, reason: 'it could not be read' }))),
    );
    const rows = [...store.getState().rows];
    results.forEach((read, k) => rows.push(admitHandBack(rows, read, incoming[k].source, incoming[k].raw, newId())));
    store.setState({ rows, reading: Math.max(0, store.getState().reading - incoming.length) });
  }

  const actions: ClassViewActions = {
    addLinks(text) {
      const lines = text
        .split(/\r?\n/)
        .map((l) => l.trim())
        .filter(Boolean);
      return admit(
        lines.map((raw) => ({ source: `link ${++linkCount}`, raw, read: readHandBack({ kind: 'link', text: raw }) })),
      );
    },
    addFiles(files) {
      return admit(
        files.map((f) => ({ source: f.name, raw: f.text, read: readHandBack({ kind: 'file', text: f.text }) })),
      );
    },
    remove(rowId) {
      store.setState({ rows: store.getState().rows.filter((r) => r.id !== rowId) });
    },
    clear() {
      store.setState({ rows: [], sort: null });
    },
    sortBy(column) {
      const current = store.getState().sort;
      const direction: SortDirection =
        current?.column === column && current.direction === 'ascending' ? 'descending' : 'ascending';
      store.setState({ sort: { column, direction } });
    },
    sorted() {
      const { rows, sort } = store.getState();
      return sort ? sortClassRows(rows, sort.column, sort.direction) : rows;
    },
    csv: () => classViewCsv(actions.sorted()),
    async open(rowId) {
      const row = store.getState().rows.find((r) => r.id === rowId);
      if (row?.ok) await assignments.actions.openHandBack(row.song, row.handBack);
    },
  };
  return Object.assign(store, { actions });
}

const stores = new WeakMap<AssignmentStore, ClassViewStore>();

/** The page's class view, made on first use. */
export function getClassViewStore(assignments: AssignmentStore): ClassViewStore {
  let view = stores.get(assignments);
  if (!view) {
    view = createClassViewStore(assignments);
    stores.set(assignments, view);
  }
  return view;
}
