import { resizePhrase } from '../../core/edit';
import { appendEditWords } from '../../core/editWords';
import { commitVersion } from '../../core/history';
import { phraseSteps } from '../../core/meter';
import type { Note, Phrase, TimeSignature } from '../../core/types';

/**
 * How hand edits become phrase history. A history version per click would bury the versions a teacher
 * wants to see (what the model proposed, what the student then made of it) under hundreds of one-note
 * steps, so hand edits are coalesced into "sessions":
 *  - an edit starts a NEW version when the phrase's current state did not come from the hand (it was
 *    proposed, mutated, imported, empty...), so every model proposal stays visible in the history;
 *  - or when the previous hand edit is older than HAND_EDIT_PAUSE_MS (the musician paused to listen);
 *  - or when the current hand version has been growing for more than HAND_VERSION_MAX_SPAN_MS, so an
 *    hour of continuous editing still leaves a trail;
 *  - otherwise the edit updates the current hand version in place.
 * Undo is separate: every click is still its own undo step (zundo); this is only about phrase history.
 */
export const HAND_EDIT_PAUSE_MS = 4_000;
export const HAND_VERSION_MAX_SPAN_MS = 60_000;

/** When the current hand version of each phrase began, for this session (not saved: a reload starts anew). */
export type HandVersionStarts = Map<string, number>;

/**
 * The phrase with `notes` as a hand edit made at `now`, committing a history version when due. `action` says
 * the edit in a musician's words; a version that gathers several edits lists them (see appendEditWords).
 */
export function applyHandEdit(
  phrase: Phrase,
  notes: Note[],
  now: number,
  starts: HandVersionStarts,
  action: string,
): Phrase {
  const lastEditAt = phrase.updatedAt ?? 0;
  const startedAt = starts.get(phrase.id) ?? lastEditAt;
  const continuing =
    phrase.origin.kind === 'hand' &&
    now - lastEditAt <= HAND_EDIT_PAUSE_MS &&
    now - startedAt <= HAND_VERSION_MAX_SPAN_MS;
  if (continuing) {
    return {
      ...phrase,
      notes,
      origin: { ...phrase.origin, action: appendEditWords(phrase.origin.action, action) },
      updatedAt: now,
    };
  }
  starts.set(phrase.id, now);
  return commitVersion(phrase, { notes, chords: phrase.chords, origin: { kind: 'hand', action } }, now);
}

/** Cuts notes that no longer fit after the bar count or time signature changed (same object when none). */
export function fitNotesToLength(phrase: Phrase, ts: TimeSignature): Phrase {
  const notes = resizePhrase(phrase.notes, phraseSteps(phrase, ts));
  return sameNotes(notes, phrase.notes) ? phrase : { ...phrase, notes };
}

/** True when both lists hold the same notes in the same order. */
export function sameNotes(a: readonly Note[], b: readonly Note[]): boolean {
  if (a.length !== b.length) return false;
  // The author counts: an edit that only changes who a note belongs to is still a change.
  return a.every(
    (n, i) =>
      n.pitch === b[i].pitch &&
      n.start === b[i].start &&
      n.length === b[i].length &&
      n.velocity === b[i].velocity &&
      n.by === b[i].by,
  );
}
