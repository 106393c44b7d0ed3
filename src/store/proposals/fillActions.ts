import { diatonicChords } from '../../core/chords';
import { stepsPerBar } from '../../core/meter';
import { shownPitchRange } from '../selectors';
import type { ModelInfo } from '../../model/types';
import { candidatesFromResult } from './candidates';
import { chordModelPath } from './chordModel';
import { buildFillRequest, spanProblem } from './fillRequest';
import { countIdeas } from './ideaLedger';
import type { ProposalKit } from './kit';
import { buildProposalRequest } from './request';
import { selectedSpan } from '../editor/selection';
import type { ProposalActions } from './types';

export type FillActions = Pick<ProposalActions, 'fillSelection' | 'melodyForChords'>;

/** Any model's range: the worker keeps new notes inside the model's own range anyway. */
const ANY_RANGE: ModelInfo['range'] = { min: 0, max: 127 };

/**
 * "Fill selection" and "Melody for these chords". Their candidates are like Propose's: tied to the phrase and
 * the span they were written for, notes relative to the span's start, so ghost notes, audition in context,
 * Enter / M / Delete and Accept treat them the same way.
 */
export function createFillActions(kit: ProposalKit, loadModel: () => Promise<boolean>): FillActions {
  const { ctx, session } = kit;
  const barsOf = (span: { start: number; end: number }) =>
    Math.ceil((span.end - span.start) / stepsPerBar(ctx.store.getState().song.timeSignature));

  return {
    fillSelection: (requested) =>
      kit.modelAction('Fill selection', async () => {
        const started = kit.clock();
        const phrase = kit.currentPhrase();
        if (!phrase) return;
        const before = ctx.store.getState();
        const span = requested ?? selectedSpan(before);
        if (!span) {
          kit.transport.notify({
            id: 'proposal-failed',
            kind: 'error',
            message: 'Select the steps to fill first (drag across the bar ruler, or Shift+drag on the grid).',
          });
          return;
        }
        const problem = spanProblem(span, phrase, before.song);
        if (problem) {
          kit.transport.notify({ id: 'proposal-failed', kind: 'error', message: `${problem}.` });
          return;
        }
        if (!(await loadModel())) return;
        const status = session.model()?.status();
        if (status?.kind !== 'ready') return;
        const { song, editor } = ctx.store.getState();
        const settings = kit.slice().settings;
        let request;
        try {
          request = buildFillRequest({
            song,
            phrase,
            span,
            settings,
            info: status.info,
            pitchRange: shownPitchRange({ song, editor }),
            fallbackChord: diatonicChords(song.key)[0] ?? 'C',
          });
        } catch (error) {
          session.fail('proposal-failed', 'The fill could not be prepared', error);
          return;
        }
        const result = await session.run(
          (m) => m.fill(request),
          'The model could not fill the selection',
          request.candidates,
        );
        if (!result) return;
        const candidates = candidatesFromResult(result, {
          newId: ctx.newId,
          firstNumber: kit.nextNumber(),
          phraseId: phrase.id,
          span: { ...span },
          bars: barsOf(span),
          modelId: kit.slice().modelId ?? status.info.url,
          idea: 'fill',
          action: (i, n) => `fill of steps ${span.start + 1}-${span.end}, ${i + 1} of ${n}`,
        });
        kit.showCandidates(candidates, { lastFillMs: kit.clock() - started });
        countIdeas(ctx, 'fill', 'made', candidates.length);
        if (result.plain) {
          kit.transport.notify({
            id: 'fill-plain',
            kind: 'info',
            message: 'Nothing follows the selection, so these are plain continuations of what comes before it.',
          });
        } else {
          kit.transport.dismissNotice('fill-plain');
        }
      }),

    melodyForChords: () =>
      kit.modelAction('Melody for these chords', async () => {
        const started = kit.clock();
        const phrase = kit.currentPhrase();
        if (!phrase) return;
        const state = ctx.store.getState();
        const chordPath = chordModelPath(state.proposals, state.song);
        if (!chordPath) {
          kit.transport.notify({
            id: 'proposal-failed',
            kind: 'error',
            message: 'No chord model is available to write a melody over chords.',
          });
          return;
        }
        if (!phrase.chords?.length) {
          kit.transport.notify({
            id: 'proposal-failed',
            kind: 'error',
            message: `Phrase ${phrase.name} has no chords yet: type them in the chord bars or use Suggest chords, then ask for a melody over them.`,
          });
          return;
        }
        const { song, editor } = state;
        const settings = kit.slice().settings;
        // A melody over the chords: inside the selection, else over the whole phrase the chords belong to
        // (Accept asks before it replaces notes the musician wrote, as for Propose).
        const total = phrase.bars * stepsPerBar(song.timeSignature);
        const span = selectedSpan(state) ?? { start: 0, end: total };
        if (!session.model()) return;
        const request = {
          ...buildProposalRequest({
            song,
            phrase,
            settings,
            info: { kind: 'chord', range: ANY_RANGE },
            pitchRange: shownPitchRange({ song, editor }),
            fallbackChord: diatonicChords(song.key)[0] ?? 'C',
            span,
          }),
          checkpointUrl: chordPath,
        };
        const result = await session.generate(request);
        if (!result) return;
        const candidates = candidatesFromResult(result, {
          newId: ctx.newId,
          firstNumber: kit.nextNumber(),
          phraseId: phrase.id,
          span,
          bars: barsOf(span),
          modelId: kit.slice().checkpoints.find((c) => c.path === chordPath)?.id ?? chordPath,
          action: (i, n) => `melody over the chords ${i + 1} of ${n}`,
        });
        kit.showCandidates(candidates, { lastProposeMs: kit.clock() - started });
        countIdeas(ctx, 'continue', 'made', candidates.length);
      }),
  };
}
