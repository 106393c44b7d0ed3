import { restoreVersion } from '../../core/history';
import { updatePhrase } from '../../core/song';
import type { ChordEvent, Phrase } from '../../core/types';
import { changeSong, type StoreContext } from '../context';
import type { ProposalActions } from './types';

/** The current phrase's chords (heard under it, given to chord models) and its version history. */
export function createPhraseChordActions(
  ctx: StoreContext,
  currentPhrase: () => Phrase | undefined,
): Pick<ProposalActions, 'setPhraseChords' | 'restorePhraseVersion'> {
  return {
    setPhraseChords(chords: ChordEvent[]) {
      const phraseId = currentPhrase()?.id;
      if (!phraseId) return;
      const clean = [...chords]
        .filter((c) => Number.isInteger(c.start) && c.start >= 0 && c.symbol.trim() !== '')
        .map((c) => ({ start: c.start, symbol: c.symbol.trim() }))
        .sort((a, b) => a.start - b.start)
        .filter((c, i, all) => i === 0 || all[i - 1].start !== c.start);
      changeSong(ctx, (song) =>
        updatePhrase(song, phraseId, (p) => {
          const same =
            (p.chords ?? []).length === clean.length &&
            clean.every((c, i) => p.chords![i].start === c.start && p.chords![i].symbol === c.symbol);
          if (same) return p;
          const { chords: _old, ...rest } = p;
          return clean.length > 0 ? { ...rest, chords: clean } : rest;
        }),
      );
    },

    restorePhraseVersion(index) {
      const phraseId = currentPhrase()?.id;
      if (!phraseId) return;
      changeSong(ctx, (song) => updatePhrase(song, phraseId, (p) => restoreVersion(p, index, ctx.now())));
    },
  };
}
