import { chordVocabulary } from '../../core/harmony/chordVocabulary';
import { addIdeas } from '../../core/ideas';
import { phraseSteps, stepsPerBar } from '../../core/meter';
import { updatePhrase } from '../../core/song';
import type { Phrase, Song } from '../../core/types';
import { withoutAuthors } from '../../core/authorship';
import type { HarmonizeRequest } from '../../model/types';
import { changeSong } from '../context';
import { AUDITION_PHRASE_ID, HARMONY_AUDITION_ID } from './audition';
import { chordModelPath } from './chordModel';
import { endsSong } from './ending';
import { countIdeas } from './ideaLedger';
import type { ProposalKit } from './kit';
import { replaceChords } from './chordEdits';
import { notesInWindow } from './request';
import type { StepSpan } from '../types';
import type { HarmonySuggestion, ProposalActions } from './types';

export type HarmonyActions = Pick<
  ProposalActions,
  | 'suggestChords'
  | 'chooseSuggestedChord'
  | 'acceptSuggestedChords'
  | 'discardSuggestedChords'
  | 'auditionSuggestedChords'
  | 'harmonizeBlockedReason'
>;

/** "Suggest chords" and what the musician does with the suggestion. */
export function createHarmonyActions(kit: ProposalKit): HarmonyActions {
  const { ctx, session } = kit;

  function targets(song: Song): Phrase[] {
    const current = kit.currentPhrase();
    const scope = kit.slice().settings.harmonizeScope;
    return scope === 'song' ? song.phrases.filter((p) => p.notes.length > 0) : current ? [current] : [];
  }

  function blockedReason(): string | null {
    const state = ctx.store.getState();
    const phrase = kit.currentPhrase();
    if (!phrase) return 'There is no phrase to harmonize.';
    if (!chordModelPath(state.proposals, state.song, 'harmonize'))
      return 'No chord model is available: Suggest chords needs one.';
    if (
      targets(state.song).length === 0 ||
      (state.proposals.settings.harmonizeScope === 'phrase' && phrase.notes.length === 0)
    ) {
      return `Phrase ${phrase.name} has no notes: write or propose a melody first, then chords can be suggested for it.`;
    }
    return null;
  }

  return {
    harmonizeBlockedReason: blockedReason,

    suggestChords(span?: StepSpan) {
      return kit.modelAction('Suggest chords', async () => {
        const started = kit.clock();
        const reason = blockedReason();
        if (reason) {
          kit.transport.notify({ id: 'harmonize-failed', kind: 'error', message: reason });
          return;
        }
        const { song, proposals } = ctx.store.getState();
        const path = chordModelPath(proposals, song, 'harmonize')!;
        const vocabulary = chordVocabulary(song.key);
        if (!vocabulary.covered) {
          kit.transport.notify({
            id: 'harmonize-vocabulary',
            kind: 'warning',
            message: `The ${song.key.scale} scale has no usual chords here, so the suggestions come from all major and minor triads.`,
          });
        } else {
          kit.transport.dismissNotice('harmonize-vocabulary');
        }
        const settings = proposals.settings;
        const bar = stepsPerBar(song.timeSignature);
        const slotSteps = settings.chordsPer === 'halfBar' && bar % 2 === 0 ? bar / 2 : bar;
        const phrases = span ? [kit.currentPhrase()!] : targets(song);
        const suggestion: HarmonySuggestion = {
          phrases: [],
          covered: vocabulary.covered,
          usedPrior: true,
          auditioned: false,
        };
        for (const phrase of phrases) {
          const total = phraseSteps(phrase, song.timeSignature);
          const from = span ? Math.floor(Math.max(0, span.start) / slotSteps) * slotSteps : 0;
          const to = span ? Math.min(total, Math.ceil(span.end / slotSteps) * slotSteps) : total;
          const notes = withoutAuthors(notesInWindow(phrase.notes, from, to));
          if (notes.length === 0 || to <= from) continue;
          const request: HarmonizeRequest = {
            notes,
            steps: to - from,
            slotSteps,
            barSteps: bar,
            vocabulary: vocabulary.symbols,
            tonic: vocabulary.tonic,
            family: vocabulary.family,
            endsSong: to === total && endsSong(song, phrase),
            checkpointUrl: path,
          };
          const result = await session.run((m) => m.harmonize(request), 'The chord model could not suggest chords', 1);
          if (!result) return;
          suggestion.usedPrior &&= result.usedPrior;
          suggestion.phrases.push({
            phraseId: phrase.id,
            slotSteps,
            slots: result.slots.map((s) => ({
              start: s.start + from,
              chosen: s.best,
              best: s.best,
              alternatives: s.alternatives,
            })),
          });
        }
        if (suggestion.phrases.length === 0) {
          kit.setSlice({ activity: { kind: 'idle' } });
          kit.transport.notify({
            id: 'harmonize-failed',
            kind: 'error',
            message: 'The selection holds no notes to harmonize.',
          });
          return;
        }
        kit.stopAudition(HARMONY_AUDITION_ID);
        kit.setSlice({ harmony: suggestion, activity: { kind: 'idle' }, lastHarmonizeMs: kit.clock() - started });
        kit.transport.dismissNotice('harmonize-failed');
        countIdeas(ctx, 'chords', 'made', suggestion.phrases.length);
      });
    },

    chooseSuggestedChord(phraseId, start, symbol) {
      const harmony = kit.slice().harmony;
      if (!harmony) return;
      kit.setSlice({
        harmony: {
          ...harmony,
          phrases: harmony.phrases.map((p) =>
            p.phraseId !== phraseId
              ? p
              : { ...p, slots: p.slots.map((s) => (s.start === start ? { ...s, chosen: symbol } : s)) },
          ),
        },
      });
    },

    acceptSuggestedChords() {
      const harmony = kit.slice().harmony;
      if (!harmony) return;
      kit.stopAudition(HARMONY_AUDITION_ID);
      // Every phrase's chords in one change: one undo step takes the whole progression back.
      changeSong(ctx, (song) => {
        let next = song;
        for (const p of harmony.phrases) {
          if (p.slots.length === 0) continue;
          const from = p.slots[0].start;
          const to = p.slots[p.slots.length - 1].start + p.slotSteps;
          const written = p.slots.map((s) => ({ start: s.start, symbol: s.chosen }));
          next = updatePhrase(next, p.phraseId, (phrase) => ({
            ...phrase,
            chords: replaceChords(phrase.chords, from, to, written, phraseSteps(phrase, song.timeSignature)),
          }));
        }
        return next === song
          ? song
          : { ...next, ideas: addIdeas(song.ideas, 'chords', 'accepted', harmony.phrases.length) };
      });
      kit.setSlice({ harmony: null });
    },

    discardSuggestedChords() {
      kit.stopAudition(HARMONY_AUDITION_ID);
      kit.setSlice({ harmony: null });
    },

    async auditionSuggestedChords() {
      const harmony = kit.slice().harmony;
      if (!harmony) return;
      if (kit.slice().auditioningId === HARMONY_AUDITION_ID) {
        kit.stopAudition();
        return;
      }
      if (!harmony.auditioned) {
        kit.setSlice({ harmony: { ...harmony, auditioned: true } });
        countIdeas(ctx, 'chords', 'auditioned');
      }
      kit.setSlice({ auditioningId: HARMONY_AUDITION_ID });
      await kit.transport.play({ kind: 'phrase', phraseId: AUDITION_PHRASE_ID });
      if (!ctx.store.getState().transport.playing && kit.slice().auditioningId === HARMONY_AUDITION_ID)
        kit.setSlice({ auditioningId: null });
    },
  };
}
