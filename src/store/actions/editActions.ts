import { authorStudentEdit, type MovedNote } from '../../core/authorship';
import { moveNote, setNoteLength, toggleNoteAt } from '../../core/edit';
import { describeEdit } from '../../core/editWords';
import { phraseSteps } from '../../core/meter';
import { findPhrase, updatePhrase } from '../../core/song';
import type { Note } from '../../core/types';
import { changeSong, type StoreContext } from '../context';
import type { AppActions } from '../types';
import { applyHandEdit, sameNotes, type HandVersionStarts } from './phraseEdits';
import { selectCurrentPhrase } from '../selectors';

type EditActions = Pick<AppActions, 'toggleNote' | 'setNoteLength' | 'moveNote' | 'beginGesture' | 'endGesture'>;

/** Note edits on the phrase shown in the grid; each is one undo step unless inside a gesture. */
export function createEditActions(ctx: StoreContext): EditActions {
  const handVersionStarts: HandVersionStarts = new Map();

  function editCurrentPhrase(
    edit: (notes: readonly Note[], totalSteps: number) => Note[],
    moved?: (totalSteps: number) => MovedNote,
  ): void {
    const phraseId = selectCurrentPhrase(ctx.store.getState())?.id ?? '';
    changeSong(ctx, (song) => {
      const phrase = findPhrase(song, phraseId);
      if (!phrase) return song;
      // Every hand edit says who changed what: new notes are the student's, a changed model or given note
      // is marked as changed by the student (core/authorship).
      const total = phraseSteps(phrase, song.timeSignature);
      const notes = authorStudentEdit(phrase.notes, edit(phrase.notes, total), moved?.(total));
      if (sameNotes(notes, phrase.notes)) return song;
      const words = describeEdit(phrase.notes, notes);
      return updatePhrase(song, phraseId, (p) => applyHandEdit(p, notes, ctx.now(), handVersionStarts, words));
    });
  }

  return {
    toggleNote(pitch, step, velocity, length) {
      editCurrentPhrase((notes, total) => toggleNoteAt(notes, pitch, step, total, velocity, length));
    },
    setNoteLength(start, length) {
      editCurrentPhrase((notes, total) => setNoteLength(notes, start, length, total));
    },
    moveNote(fromStart, toStart, toPitch) {
      editCurrentPhrase(
        (notes, total) => moveNote(notes, fromStart, toStart, toPitch, total),
        (total) => ({ from: fromStart, to: Math.min(Math.max(Math.round(toStart), 0), total - 1) }),
      );
    },
    beginGesture() {
      ctx.history.beginGesture();
    },
    endGesture() {
      ctx.history.endGesture();
    },
  };
}
