import { diatonicChords } from '../../core/chords';
import { phraseSteps } from '../../core/meter';
import { defaultPitchRange } from '../../core/scale';
import type { ModelInfo } from '../../model/types';
import { notesWithSpan } from './accept';
import { chordModelPath } from './chordModel';
import { buildFillRequest, spanProblem } from './fillRequest';
import { countIdeas } from './ideaLedger';
import type { ProposalKit } from './kit';
import { buildProposalRequest, primerFor } from './request';
import { sureLabels } from './sureness';
import type { ProposalActions, ProposalCandidate } from './types';

export type FillActions = Pick<ProposalActions, 'fillSelection' | 'melodyForChords'>;

/** Any model's range: the worker keeps new notes inside the model's own range anyway. */
const ANY_RANGE: ModelInfo['range'] = { min: 0, max: 127 };

/** "Fill selection" and "Melody for these chords". */
export function createFillActions(kit: ProposalKit, loadModel: () => Promise<boolean>): FillActions {
  const { ctx, session } = kit;

  return {
    async fillSelection(span) {
      const started = kit.clock();
      const phrase = kit.currentPhrase();
      if (!phrase) return;
      const problem = spanProblem(span, phrase, ctx.store.getState().song);
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
          pitchRange: editor.pitchRange ?? defaultPitchRange(song.key),
          fallbackChord: diatonicChords(song.key)[0] ?? 'C',
        });
      } catch (error) {
        session.fail('proposal-failed', 'The fill could not be prepared', error);
        return;
      }
      const result = await session.run((m) => m.fill(request), 'The model could not fill the selection', request.candidates);
      if (!result) return;
      // The phrase as it is now (it may have changed while the model worked), with each fill in its span.
      const now = kit.currentPhrase() ?? phrase;
      const total = phraseSteps(now, ctx.store.getState().song.timeSignature);
      const first = kit.nextNumber();
      const labels = sureLabels(result.candidates.map((c) => c.meanLogProb ?? 0));
      const kept = now.notes.filter((n) => n.start < span.start || n.start >= span.end);
      const candidates: ProposalCandidate[] = result.candidates.map((c, i) => ({
        id: ctx.newId(),
        number: first + i,
        notes: notesWithSpan(
          now.notes,
          c.notes.map((n) => ({ ...n, start: n.start + span.start })),
          span,
          total,
        ),
        bars: now.bars,
        kind: 'proposed',
        idea: 'fill',
        action: `fill of steps ${span.start + 1}-${span.end}, ${i + 1} of ${result.candidates.length}`,
        modelId: kit.slice().modelId ?? status.info.url,
        temperature: result.request.temperature,
        seed: result.request.seed,
        // Shown as kept; a mutation keeps them too and rewrites inside the span only.
        lockedNotes: kept.map((n) => ({ ...n })),
        primer: primerFor(song, now, settings.primer),
        scaleLock: result.request.scalePitchClasses !== undefined,
        span: { ...span },
        ...(c.meanLogProb !== undefined ? { meanLogProb: c.meanLogProb, sureLabel: labels[i] } : {}),
        ...(c.fit ? { fit: c.fit } : {}),
      }));
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
    },

    async melodyForChords() {
      const started = kit.clock();
      const phrase = kit.currentPhrase();
      if (!phrase) return;
      const state = ctx.store.getState();
      const chordPath = chordModelPath(state.proposals);
      if (!chordPath) {
        kit.transport.notify({ id: 'proposal-failed', kind: 'error', message: 'No chord model is available to write a melody over chords.' });
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
      if (!session.model()) return;
      const { song, editor } = state;
      const settings = kit.slice().settings;
      const request = {
        ...buildProposalRequest({
          song,
          phrase,
          settings,
          info: { kind: 'chord', range: ANY_RANGE },
          pitchRange: editor.pitchRange ?? defaultPitchRange(song.key),
          fallbackChord: diatonicChords(song.key)[0] ?? 'C',
        }),
        checkpointUrl: chordPath,
      };
      const result = await session.generate(request);
      if (!result) return;
      const first = kit.nextNumber();
      const labels = sureLabels(result.candidates.map((c) => c.meanLogProb ?? 0));
      const modelId = kit.slice().checkpoints.find((c) => c.path === chordPath)?.id ?? chordPath;
      const candidates: ProposalCandidate[] = result.candidates.map((c, i) => ({
        id: ctx.newId(),
        number: first + i,
        notes: c.notes,
        bars: settings.bars,
        kind: 'proposed',
        idea: 'continue',
        action: `melody over the chords ${i + 1} of ${result.candidates.length}`,
        modelId,
        temperature: result.request.temperature,
        seed: result.request.seed,
        lockedNotes: result.request.lockedNotes ?? [],
        ...(result.request.chords ? { chords: result.request.chords } : {}),
        primer: result.request.primer ?? null,
        scaleLock: result.request.scalePitchClasses !== undefined,
        ...(c.probabilities ? { probabilities: c.probabilities } : {}),
        ...(c.meanLogProb !== undefined ? { meanLogProb: c.meanLogProb, sureLabel: labels[i] } : {}),
      }));
      kit.showCandidates(candidates, { lastProposeMs: kit.clock() - started });
      countIdeas(ctx, 'continue', 'made', candidates.length);
    },
  };
}
