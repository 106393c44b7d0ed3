import { diatonicChords } from '../../core/chords';
import { stepsPerBar } from '../../core/meter';
import type { Phrase } from '../../core/types';
import type { ProposalRequest } from '../../model/types';
import type { StoreContext } from '../context';
import type { AppActions, AppState } from '../types';
import { AUDITION_PHRASE_ID } from './audition';
import { createAcceptActions } from './acceptActions';
import { fetchCheckpointIndex } from './checkpointIndex';
import { createFillActions } from './fillActions';
import { createMutateActions } from './mutateActions';
import { createHarmonyActions } from './harmonyActions';
import { countIdeas } from './ideaLedger';
import type { ProposalKit } from './kit';
import { createModelSession } from './modelSession';
import { candidatesFromResult, nextCandidateNumber } from './candidates';
import { previewAfterRemoval, steppedPreview } from './preview';
import { songStyle } from '../../core/checkpointIndex';
import { chooseCheckpointUrl } from './styles';
import { createStyleActions } from './styleActions';
import { buildProposalRequest } from './request';
import { clampSettings, MAX_SEED } from './settings';
import { proposalSpan } from './span';
import { orderCandidates } from './sureness';
import type { ProposalActions, ProposalCandidate, ProposalDeps, ProposalsState } from './types';
import { selectCurrentPhrase, shownPitchRange } from '../selectors';
import { createPhraseChordActions } from './phraseChordActions';

type Transport = Pick<AppActions, 'play' | 'stop' | 'notify' | 'dismissNotice'>;

/**
 * The actions of the proposals slice: propose, accept, preview, mutate, audition, discard, and the phrase's
 * chords and versions. Accepting, fill, chords, Mutate, the style and the VAE's moves are their own groups (fillActions,
 * harmonyActions, mutateActions, styleActions, vaeActions, acceptActions) over the shared kit made here; every rule they apply lives in a pure module beside them. The model's lifecycle
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

  const nextNumber = () => nextCandidateNumber(slice().candidates);

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
    insertAfter,
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
        pitchRange: shownPitchRange({ song, editor }),
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
    | keyof ReturnType<typeof createFillActions>
    | keyof ReturnType<typeof createHarmonyActions>
    | keyof ReturnType<typeof createMutateActions>
    | keyof ReturnType<typeof createStyleActions>
    | keyof ReturnType<typeof createAcceptActions>
  > = {
    setProposalSettings(patch) {
      setSlice({ settings: clampSettings({ ...slice().settings, ...patch }) });
    },

    loadModel,

    async propose() {
      if (refuseWhileBusy('press Propose')) return;
      await modelAction(() => proposeNow());
    },

    previewCandidate(id) {
      showPreview(id !== null && slice().candidates.some((c) => c.id === id) ? id : null);
    },

    stepPreview(delta) {
      showPreview(steppedPreview(listed(), slice().previewId, delta));
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
    actions: {
      ...actions,
      ...createFillActions(kit, loadModel),
      ...createHarmonyActions(kit),
      ...createAcceptActions(kit),
      ...createStyleActions(kit, deps.fetchIndex ?? fetchCheckpointIndex),
      ...createMutateActions(kit, (hasChords) => loadModel(checkpointFor(hasChords))),
    },
    dispose() {
      session.dispose();
      unsubscribers.forEach((off) => off());
    },
  };
}
