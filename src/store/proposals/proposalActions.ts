// Over 300 lines: one closure over the proposal slice, the model session and the audition; fill, harmony and VAE actions are already split out (fillActions, harmonyActions, vaeActions) and what remains shares that state.
import { diatonicChords } from '../../core/chords';
import { addIdeas } from '../../core/ideas';
import { stepsPerBar, stepsPerBeat } from '../../core/meter';
import { defaultPitchRange } from '../../core/scale';
import { findPhrase, updatePhrase } from '../../core/song';
import type { Phrase } from '../../core/types';
import { createRng } from '../../core/random';
import type { ProposalRequest } from '../../model/types';
import { changeSong, type StoreContext } from '../context';
import type { AppActions, AppState } from '../types';
import { acceptIntoPhrase, canAppend, overwrittenNotes } from './accept';
import { AUDITION_PHRASE_ID } from './audition';
import { fetchCheckpointIndex, parseCheckpointIndex, vaeCheckpointIn } from './checkpointIndex';
import { createFillActions } from './fillActions';
import { createHarmonyActions } from './harmonyActions';
import { countIdeas } from './ideaLedger';
import type { ProposalKit } from './kit';
import { createModelSession } from './modelSession';
import { candidatesFromResult } from './candidates';
import { previewAfterRemoval, steppedPreview } from './preview';
import { chooseCheckpointUrl, songStyle, stylesOf } from './styles';
import { buildProposalRequest, mutationLocks, scaleLockClasses } from './request';
import { clampSettings, MAX_SEED } from './settings';
import { proposalSpan } from './span';
import { orderCandidates, sureLabel } from './sureness';
import type { ProposalActions, ProposalCandidate, ProposalDeps, ProposalsState } from './types';
import { musicalVariation, MUTATION_LABELS } from './variations';
import { selectCurrentPhrase } from '../selectors';
import { createPhraseChordActions } from './phraseChordActions';

type Transport = Pick<AppActions, 'play' | 'stop' | 'notify' | 'dismissNotice'>;

/**
 * The actions of the proposals slice: propose, accept, preview, mutate, audition, discard, and the phrase's
 * chords and versions. (A little over 300 lines: the slice's actions read best together; every rule they apply
 * lives in a pure module beside them: span, request, accept, preview, variations.) The model's lifecycle
 * (loading, one request at a time, failures as alerts) is the model session's.
 */
export function createProposalActions(
  ctx: StoreContext,
  transport: Transport,
  deps: ProposalDeps = {},
): { actions: ProposalActions; dispose(): void } {
  const random = deps.random ?? Math.random;
  const clock = deps.clock ?? (() => performance.now());
  const session = createModelSession(ctx, transport, deps);
  const { fail, generate } = session;
  // The typed URL, or the song's style's chord model (chords to follow) or melody model.
  const checkpointFor = (hasChords: boolean) =>
    chooseCheckpointUrl({
      customUrl: slice().settings.checkpointUrl,
      style: songStyle(ctx.store.getState().song),
      checkpoints: slice().checkpoints,
      hasChords,
    });
  const loadModel = (url = checkpointFor(phraseHasChords())) => session.loadModel(url);
  const model = () => session.model();
  const unsubscribers: (() => void)[] = [];

  const slice = () => ctx.store.getState().proposals;
  const setSlice = (patch: Partial<ProposalsState>) =>
    ctx.store.setState({ proposals: { ...ctx.store.getState().proposals, ...patch } });
  const freshSeed = () => Math.floor(random() * MAX_SEED);
  const currentPhrase = (): Phrase | undefined => selectCurrentPhrase(ctx.store.getState());
  /** The phrase a candidate was written for (still in the song), else none: it is then only heard, not written. */
  const phraseOf = (candidate: ProposalCandidate): Phrase | undefined =>
    findPhrase(ctx.store.getState().song, candidate.phraseId);
  /** Model actions under way (from the click, before the model is even asked), so a second one is refused. */
  let working = 0;
  /** Refuses a model action while another runs, in plain words (the earlier one is not cancelled). */
  const refuseWhileBusy = (what: string): boolean => {
    if (working === 0 && !session.busy() && slice().activity.kind === 'idle') return false;
    transport.notify({
      id: 'model-busy',
      kind: 'info',
      message: `The model is still working: ${what} again when it is done.`,
    });
    return true;
  };
  /** Runs a model action, counted in `working` until it settles. */
  const modelAction = async (run: () => Promise<void>): Promise<void> => {
    working++;
    try {
      await run();
    } finally {
      working--;
    }
  };
  const phraseHasChords = () => (currentPhrase()?.chords?.length ?? 0) > 0;

  // Stopping the transport (or playing something else) ends an audition.
  unsubscribers.push(
    ctx.store.subscribe((state: AppState, previous: AppState) => {
      if (!state.proposals?.auditioningId) return;
      const stopped = previous.transport.playing && !state.transport.playing;
      const target = state.transport.target;
      const elsewhere =
        state.transport.playing && target && !(target.kind === 'phrase' && target.phraseId === AUDITION_PHRASE_ID);
      if (stopped || elsewhere) setSlice({ auditioningId: null });
    }),
  );

  const IDLE = { kind: 'idle' } as const;

  /** The candidates in the order the rail lists them (as made, or by how sure the model is). */
  const listed = (candidates = slice().candidates) => orderCandidates(candidates, slice().settings.candidateOrder);

  const nextNumber = () => slice().candidates.reduce((n, c) => Math.max(n, c.number), 0) + 1;

  function insertAfter(parentId: string, candidate: ProposalCandidate): void {
    const list = [...slice().candidates];
    const at = list.findIndex((c) => c.id === parentId);
    list.splice(at < 0 ? list.length : at + 1, 0, candidate);
    // The new one is previewed: the musician hears and sees what Mutate made at once.
    setSlice({ candidates: list, previewId: candidate.id, activity: session.busy() ? slice().activity : IDLE });
  }

  /**
   * Shows `id` as ghost notes. While a candidate is being auditioned, the audition follows the preview: the
   * engine reads the song each look-ahead window, so the next candidate is heard in place without a restart.
   */
  function showPreview(id: string | null): void {
    const { previewId, auditioningId } = slice();
    if (id === previewId) return;
    if (auditioningId && id) setSlice({ previewId: id, auditioningId: id });
    else {
      setSlice({ previewId: id });
      if (auditioningId && !id) stopAudition();
    }
  }

  function stopAudition(id?: string): void {
    const { auditioningId } = slice();
    if (!auditioningId || (id && auditioningId !== id)) return;
    setSlice({ auditioningId: null });
    transport.stop();
  }

  const refreshSeed = () => {
    if (!slice().settings.keepSeed) setSlice({ settings: { ...slice().settings, seed: freshSeed() } });
  };

  const kit: ProposalKit = {
    ctx,
    session,
    transport,
    slice,
    setSlice,
    currentPhrase,
    nextNumber,
    stopAudition,
    refreshSeed,
    clock,
    showCandidates(candidates, timing) {
      stopAudition();
      transport.dismissNotice('proposal-failed');
      setSlice({
        activity: IDLE,
        candidates,
        previewId: listed(candidates)[0]?.id ?? null,
        teachingId: null,
        auditionedIds: [],
        ...timing,
      });
      refreshSeed();
    },
    async modelAction(what, run) {
      if (refuseWhileBusy(`press ${what}`)) return;
      await modelAction(run);
    },
  };

  /** Gives a mutated candidate made without the model its "how sure" figure, when a model is loaded. */
  async function scoreVariation(candidate: ProposalCandidate): Promise<void> {
    const client = model();
    if (!client || client.status().kind !== 'ready') return;
    try {
      const steps = candidate.span.end - candidate.span.start;
      const { meanLogProb } = await client.score({
        notes: candidate.notes,
        steps,
        primer: candidate.primer,
        chords: candidate.chords,
      }).result;
      const list = slice().candidates;
      const others = list
        .filter((c) => c.id !== candidate.id && c.meanLogProb !== undefined)
        .map((c) => c.meanLogProb!);
      setSlice({
        candidates: list.map((c) =>
          c.id === candidate.id
            ? { ...c, meanLogProb, sureLabel: sureLabel(meanLogProb, [meanLogProb, ...others]) }
            : c,
        ),
      });
    } catch {
      // Only the figure is missing; the variation itself is there.
    }
  }

  /** The label of a new candidate among the candidates already listed. */
  const siblingLabel = (value: number) =>
    sureLabel(value, [
      value,
      ...slice().candidates.flatMap((c) => (c.meanLogProb === undefined ? [] : [c.meanLogProb])),
    ]);

  async function proposeNow(): Promise<void> {
    const started = clock();
    if (!(await loadModel())) return;
    const status = model()?.status();
    const phrase = currentPhrase();
    if (status?.kind !== 'ready' || !phrase) return;
    const { song, editor } = ctx.store.getState();
    const settings = slice().settings;
    const where = proposalSpan(phrase, editor.selection, settings.bars, song.timeSignature);
    if (!where.ok) {
      transport.notify({ id: 'proposal-failed', kind: 'error', message: where.reason });
      return;
    }
    const { span } = where;
    let request: ProposalRequest;
    try {
      request = buildProposalRequest({
        song,
        phrase,
        settings,
        info: status.info,
        pitchRange: editor.pitchRange ?? defaultPitchRange(song.key),
        fallbackChord: diatonicChords(song.key)[0] ?? 'C',
        span,
      });
    } catch (error) {
      fail('proposal-failed', 'The proposal could not be prepared', error);
      return;
    }
    const result = await generate(request);
    if (!result) return;
    const candidates = candidatesFromResult(result, {
      newId: ctx.newId,
      firstNumber: nextNumber(),
      phraseId: phrase.id,
      span,
      bars: Math.ceil((span.end - span.start) / stepsPerBar(song.timeSignature)),
      modelId: slice().modelId ?? status.info.url,
    });
    kit.showCandidates(candidates, { lastProposeMs: clock() - started });
    countIdeas(ctx, 'continue', 'made', candidates.length);
  }

  const actions: Omit<
    ProposalActions,
    keyof ReturnType<typeof createFillActions> | keyof ReturnType<typeof createHarmonyActions>
  > = {
    setProposalSettings(patch) {
      setSlice({ settings: clampSettings({ ...slice().settings, ...patch }) });
    },

    setStyle(style) {
      if (!stylesOf(slice().checkpoints).some((s) => s.id === style))
        return { ok: false, reason: `No models of the style "${style}" are installed.` };
      setSlice({ settings: { ...slice().settings, checkpointUrl: '' } });
      changeSong(ctx, (song) => (song.style === style ? song : { ...song, style }));
      return { ok: true };
    },

    async loadCheckpointIndex() {
      let data: unknown = null;
      try {
        data = await (deps.fetchIndex ?? fetchCheckpointIndex)();
      } catch {
        data = null; // no index: the musician types a URL
      }
      setSlice({ checkpoints: parseCheckpointIndex(data), vaeCheckpoint: vaeCheckpointIn(data) });
    },

    loadModel,

    async propose() {
      if (refuseWhileBusy('press Propose')) return;
      await modelAction(() => proposeNow());
    },

    acceptCandidate(id, mode = 'replace', options = {}) {
      const candidate = slice().candidates.find((c) => c.id === id);
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
      stopAudition();
      // One undo step: the notes, and the count of accepted ideas (which Undo then keeps, see undoHistory.ts).
      changeSong(
        ctx,
        (song) => {
          const next = updatePhrase(song, phrase.id, (p) =>
            acceptIntoPhrase(p, candidate, mode, song.timeSignature, ctx.now()),
          );
          return next === song ? song : { ...next, ideas: addIdeas(song.ideas, candidate.idea, 'accepted') };
        },
        { proposals: { ...slice(), previewId: null } },
      );
      return { ok: true };
    },

    canAppend(id) {
      const candidate = slice().candidates.find((c) => c.id === id);
      const phrase = candidate && phraseOf(candidate);
      return !!candidate && !!phrase && canAppend(phrase, candidate, ctx.store.getState().song.timeSignature);
    },

    previewCandidate(id) {
      showPreview(id !== null && slice().candidates.some((c) => c.id === id) ? id : null);
    },

    stepPreview(delta) {
      showPreview(steppedPreview(listed(), slice().previewId, delta));
    },

    async mutateCandidate(id) {
      const parent = slice().candidates.find((c) => c.id === id);
      if (!parent) return;
      const { song, editor } = ctx.store.getState();
      const settings = slice().settings;
      if (settings.mutation === 'resample' && refuseWhileBusy('press Mutate')) return;
      const total = parent.span.end - parent.span.start;
      const base = {
        id: ctx.newId(),
        phraseId: parent.phraseId,
        span: parent.span,
        bars: parent.bars,
        kind: 'mutated' as const,
        idea: 'mutate' as const,
        modelId: parent.modelId,
        temperature: parent.temperature,
        primer: parent.primer,
        scaleLock: parent.scaleLock,
        parentId: parent.id,
        ...(parent.chords ? { chords: parent.chords } : {}),
      };
      const varied = musicalVariation(
        settings.mutation,
        parent.notes,
        total,
        song.key,
        song.timeSignature,
        parent.scaleLock,
      );
      if (varied) {
        const made: ProposalCandidate = {
          ...base,
          number: nextNumber(),
          notes: varied,
          action: `${MUTATION_LABELS[settings.mutation].toLowerCase()} of candidate ${parent.number}`,
          seed: parent.seed,
          lockedNotes: [],
        };
        insertAfter(parent.id, made);
        countIdeas(ctx, 'mutate', 'made');
        await scoreVariation(made);
        return;
      }
      await modelAction(async () => {
        if (!(await loadModel(checkpointFor(parent.chords !== undefined)))) return;
        const seed = settings.seed;
        // Which beats are rewritten follows the seed, so a mutation can be repeated exactly.
        const beats = createRng(seed);
        const lockedNotes = mutationLocks(
          parent.notes,
          parent.lockedNotes,
          total,
          stepsPerBeat(song.timeSignature),
          settings.mutateShare,
          () => beats.next(),
        );
        const range = editor.pitchRange ?? defaultPitchRange(song.key);
        const result = await generate({
          candidates: 1,
          steps: total,
          primer: parent.primer,
          temperature: parent.temperature,
          seed,
          scalePitchClasses: scaleLockClasses(song.key, parent.scaleLock),
          ...(range.high - range.low >= 11 ? { range: { min: range.low, max: range.high } } : {}),
          lockedNotes,
          ...(parent.chords ? { chords: parent.chords } : {}),
          returnProbabilities: true,
        });
        const made = result?.candidates[0];
        if (!made) {
          if (result) setSlice({ activity: IDLE });
          return;
        }
        insertAfter(parent.id, {
          ...base,
          number: nextNumber(),
          notes: made.notes,
          action: `mutate ${Math.round(settings.mutateShare * 100)}% of candidate ${parent.number}`,
          seed,
          lockedNotes: parent.lockedNotes,
          ...(made.probabilities ? { probabilities: made.probabilities } : {}),
          ...(made.meanLogProb !== undefined
            ? { meanLogProb: made.meanLogProb, sureLabel: siblingLabel(made.meanLogProb) }
            : {}),
        });
        countIdeas(ctx, 'mutate', 'made');
        refreshSeed();
      });
    },

    discardCandidate(id) {
      stopAudition(id);
      const { candidates, teachingId, previewId } = slice();
      setSlice({
        candidates: candidates.filter((c) => c.id !== id),
        previewId: previewAfterRemoval(listed(candidates), id, previewId),
        ...(teachingId === id ? { teachingId: null } : {}),
      });
    },

    async auditionCandidate(id) {
      if (slice().auditioningId === id) {
        stopAudition();
        return;
      }
      const candidate = slice().candidates.find((c) => c.id === id);
      if (!candidate) return;
      if (!slice().auditionedIds.includes(id)) {
        setSlice({ auditionedIds: [...slice().auditionedIds, id] });
        countIdeas(ctx, candidate.idea, 'auditioned');
      }
      setSlice({ auditioningId: id });
      await transport.play({ kind: 'phrase', phraseId: AUDITION_PHRASE_ID });
      if (!ctx.store.getState().transport.playing && slice().auditioningId === id) setSlice({ auditioningId: null });
    },

    setTeachingCandidate(id) {
      setSlice({ teachingId: id && slice().candidates.some((c) => c.id === id) ? id : null });
    },

    ...createPhraseChordActions(ctx, currentPhrase),
  };

  return {
    actions: { ...actions, ...createFillActions(kit, loadModel), ...createHarmonyActions(kit) },
    dispose() {
      session.dispose();
      unsubscribers.forEach((off) => off());
    },
  };
}
