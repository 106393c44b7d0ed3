import { diffNotes } from './history';
import type { Note, OriginKind, Phrase, PhraseOrigin, Song } from './types';

/**
 * "Who wrote what": for each phrase, which of its current notes came from the model and which the student
 * wrote or changed, read from the phrase's history. The versions are replayed oldest first; a note added
 * by a version belongs to whoever made that version (the model for proposed/mutated versions, the file for
 * imports, the student otherwise) and keeps that author for as long as it stays unchanged. A note that
 * replaces a removed note on the same step counts as "changed" (the student moved or reshaped it).
 */

export type NoteAuthor = 'model' | 'student' | 'imported';

export interface AuthoredNote {
  note: Note;
  author: NoteAuthor;
  /** The student's note replaced a note (of any author) that started on the same step. */
  changed: boolean;
}

export interface PhraseAuthorship {
  phraseId: string;
  name: string;
  /** The phrase's current notes, in order, each with its author. */
  notes: AuthoredNote[];
  /** Current notes by author. */
  counts: Record<NoteAuthor, number>;
  /** Student notes that changed an earlier note. */
  changed: number;
  /** Model notes the student deleted or changed along the way. */
  modelNotesRemoved: number;
  /** How many history versions each kind of origin made (the current state included). */
  versions: Partial<Record<OriginKind, number>>;
}

const identity = (n: Note) => `${n.pitch}:${n.start}:${n.length}`;

function authorOf(origin: PhraseOrigin): NoteAuthor {
  if (origin.kind === 'proposed' || origin.kind === 'mutated') return 'model';
  if (origin.kind === 'imported') return 'imported';
  return 'student';
}

/** Who wrote each current note of `phrase`, from its history. */
export function phraseAuthorship(phrase: Phrase): PhraseAuthorship {
  const states = [...phrase.history.map((v) => ({ notes: v.notes, origin: v.origin })), { notes: phrase.notes, origin: phrase.origin }];
  // Every author a note identity has ever had, newest last: a restored version brings its notes back with
  // the authors they had then.
  const everAuthored = new Map<string, NoteAuthor>();
  let current = new Map<string, AuthoredNote>();
  let previous: readonly Note[] = [];
  const versions: Partial<Record<OriginKind, number>> = {};
  let modelNotesRemoved = 0;
  for (const state of states) {
    versions[state.origin.kind] = (versions[state.origin.kind] ?? 0) + 1;
    const diff = diffNotes(previous, state.notes);
    const next = new Map<string, AuthoredNote>();
    for (const n of diff.kept) {
      const was = current.get(identity(n));
      next.set(identity(n), { note: n, author: was?.author ?? 'student', changed: was?.changed ?? false });
    }
    const removedStarts = new Set(diff.removed.map((n) => n.start));
    if (authorOf(state.origin) === 'student') {
      for (const n of diff.removed) if (current.get(identity(n))?.author === 'model') modelNotesRemoved += 1;
    }
    for (const n of diff.added) {
      const restored = state.origin.kind === 'restored' ? everAuthored.get(identity(n)) : undefined;
      const author = restored ?? authorOf(state.origin);
      const changed = author === 'student' && !restored && removedStarts.has(n.start);
      next.set(identity(n), { note: n, author, changed });
      everAuthored.set(identity(n), author);
    }
    current = next;
    previous = state.notes;
  }
  const notes = phrase.notes.map((n) => current.get(identity(n)) ?? { note: n, author: 'student' as const, changed: false });
  const counts: Record<NoteAuthor, number> = { model: 0, student: 0, imported: 0 };
  for (const n of notes) counts[n.author] += 1;
  return {
    phraseId: phrase.id,
    name: phrase.name,
    notes,
    counts,
    changed: notes.filter((n) => n.changed).length,
    modelNotesRemoved,
    versions,
  };
}

/** The report for every phrase of the song, in the song's phrase order. */
export function whoWroteWhat(song: Pick<Song, 'phrases'>): PhraseAuthorship[] {
  return song.phrases.map(phraseAuthorship);
}
