/**
 * Echo steps: the steps of a melody that continue a four-note motif (3 intervals + 3 onset gaps, the
 * musicality measure's definition) which already sounded earlier in the same stretch. Training can weigh
 * these steps more (`--echo-weight`): the model still learns the copy from its own inputs and states, the
 * objective only says that getting the tune's own repeats right matters more than the average step. Real tunes
 * reuse about a third of their opening's motifs; models trained on the plain average reuse almost none.
 */
import { eventsToNotes } from '../corpus/melodyEvents';
import { markMotifContinuation, motifKeys } from '../eval/musicality/motifs';

/**
 * 1 on each step from the second to the fourth note of a four-note window whose motif occurred before, the
 * earlier occurrence ending on or before this one's first note (so a run of one repeated figure counts from
 * its second time, not against itself).
 */
export function echoSteps(events: ArrayLike<number>): Uint8Array {
  const notes = eventsToNotes(events);
  const marks = new Uint8Array(events.length);
  const first = new Map<string, number>();
  motifKeys(notes).forEach((key, w) => {
    const earlier = first.get(key);
    if (earlier === undefined) {
      first.set(key, w);
      return;
    }
    if (earlier + 3 > w) return;
    markMotifContinuation(marks, notes, w);
  });
  return marks;
}
