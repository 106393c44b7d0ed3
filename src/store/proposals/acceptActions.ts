import { addIdeas } from '../../core/ideas';
import { findPhrase, updatePhrase } from '../../core/song';
import type { Phrase } from '../../core/types';
import { changeSong } from '../context';
import { acceptIntoPhrase, canAppend, overwrittenNotes } from './accept';
import type { ProposalKit } from './kit';
import type { ProposalActions, ProposalCandidate } from './types';

export type AcceptActions = Pick<ProposalActions, 'acceptCandidate' | 'canAppend'>;

/** Writing a candidate into its phrase: one undo step, and never over the musician's notes without asking. */
export function createAcceptActions(kit: ProposalKit): AcceptActions {
  const { ctx } = kit;
  /** The phrase a candidate was written for (still in the song), else none: it is then only heard, not written. */
  const phraseOf = (candidate: ProposalCandidate): Phrase | undefined =>
    findPhrase(ctx.store.getState().song, candidate.phraseId);

  return {
    acceptCandidate(id, mode = 'replace', options = {}) {
      const candidate = kit.slice().candidates.find((c) => c.id === id);
      if (!candidate) return { ok: false, reason: 'That candidate is gone.' };
      const phrase = phraseOf(candidate);
      if (!phrase) return { ok: false, reason: 'The phrase this candidate was written for has been deleted.' };
      const overwrites = overwrittenNotes(phrase, candidate, mode);
      if (overwrites > 0 && !options.overwrite) {
        const { start, end } = candidate.span;
        return {
          ok: false,
          overwrites,
          reason: `Candidate ${candidate.number} replaces ${overwrites} note${overwrites === 1 ? '' : 's'} you wrote in steps ${start + 1}-${end}.`,
        };
      }
      kit.stopAudition();
      // One undo step: the notes, and the count of accepted ideas (which Undo then keeps, see undoHistory.ts).
      changeSong(
        ctx,
        (song) => {
          const next = updatePhrase(song, phrase.id, (p) =>
            acceptIntoPhrase(p, candidate, mode, song.timeSignature, ctx.now()),
          );
          return next === song ? song : { ...next, ideas: addIdeas(song.ideas, candidate.idea, 'accepted') };
        },
        { proposals: { ...kit.slice(), previewId: null } },
      );
      return { ok: true };
    },

    canAppend(id) {
      const candidate = kit.slice().candidates.find((c) => c.id === id);
      const phrase = candidate && phraseOf(candidate);
      return !!candidate && !!phrase && canAppend(phrase, candidate, ctx.store.getState().song.timeSignature);
    },
  };
}
