import { moveNote, setNoteLength, toggleNoteAt } from '../../core/edit';
import { describeEdit } from '../../core/editWords';
import { phraseSteps } from '../../core/meter';
import { findPhrase, updatePhrase } from '../../core/song';
import type { Note } from '../../core/types';
import { changeSong, type StoreContext } from '../context';
import type { AppActions } from '../types';
import { applyHandEdit, sameNotes, type HandVersionStarts } from './phraseEdits';

type EditActions = Pick<AppActions, 'toggleNote' | 'setNoteLength' | 'moveNote' | 'beginGesture' | 'endGesture'>;

/** Note edits on the phrase shown in the grid; each is one undo step unless inside a gesture. */
export function createEditActions(ctx: StoreContext): EditActions {
  const handVersionStarts: HandVersionStarts = new Map();

  function editCurrentPhrase(edit: (notes: readonly Note[], totalSteps: number) => Note[]): void {
    const phraseId = ctx.store.getState().editor.currentPhraseId;
    changeSong(ctx, (song) => {
      const phrase = findPhrase(song, phraseId);
      if (!phrase) return song;
      const notes = edit(phrase.notes, phraseSteps(phrase, song.timeSignature));
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
      editCurrentPhrase((notes, total) => moveNote(notes, fromStart, toStart, toPitch, total));
    },
    beginGesture() {
      ctx.history.beginGesture();
    },
    endGesture() {
      ctx.history.endGesture();
    },
  };
}
