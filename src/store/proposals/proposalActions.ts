import { diatonicChords } from '../../core/chords';
import { restoreVersion } from '../../core/history';
import { addIdeas } from '../../core/ideas';
import { stepsPerBar, stepsPerBeat } from '../../core/meter';
import { defaultPitchRange } from '../../core/scale';
import { findPhrase, updatePhrase } from '../../core/song';
import type { ChordEvent, Phrase } from '../../core/types';
import { createRng } from '../../core/random';
import type { ProposalRequest } from '../../model/types';
import { changeSong, type StoreContext } from '../context';
import type { AppActions, AppState } from '../types';
import { acceptIntoPhrase, canAppend, notesWithSpan } from './accept';
import { AUDITION_PHRASE_ID } from './audition';
import { fetchCheckpointIndex, parseCheckpointIndex } from './checkpointIndex';
import { createFillActions } from './fillActions';
import { createHarmonyActions } from './harmonyActions';
import { countIdeas } from './ideaLedger';
import type { ProposalKit } from './kit';
import { createModelSession } from './modelSession';
import { buildProposalRequest, mutationLocks, scaleLockClasses } from './request';
import { clampSettings, MAX_SEED } from './settings';
import { sureLabel, sureLabels } from './sureness';
import type { ProposalActions, ProposalCandidate, ProposalDeps, ProposalsState } from './types';
import { musicalVariation, MUTATION_LABELS } from './variations';

type Transport = Pick<AppActions, 'play' | 'stop' | 'notify' | 'dismissNotice'>;

/**
 * The actions of the proposals slice: propose, accept, mutate, audition, discard, and the phrase's chords and
 * versions. The model's lifecycle (loading, one request at a time, failures as alerts) is the model session's.
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
  const loadModel = (url = slice().settings.checkpointUrl) => session.loadModel(url);
  const model = () => session.model();
  const unsubscribers: (() => void)[] = [];

  const slice = () => ctx.store.getState().proposals;
  const setSlice = (patch: Partial<ProposalsState>) =>
    ctx.store.setState({ proposals: { ...ctx.store.getState().proposals, ...patch } });
  const freshSeed = () => Math.floor(random() * MAX_SEED);
  const currentPhrase = (): Phrase | undefined => {
    const { song, editor } = ctx.store.getState();
    return findPhrase(song, editor.currentPhraseId) ?? song.phrases[0];
  };

  // Stopping the transport (or playing something else) ends an audition.
  unsubscribers.push(
    ctx.store.subscribe((state: AppState, previous: AppState) => {
      if (!state.proposals?.auditioningId) return;
      const stopped = previous.transport.playing && !state.transport.playing;
      const target = state.transport.target;
      const elsewhere = state.transport.playing && target && !(target.kind === 'phrase' && target.phraseId === AUDITION_PHRASE_ID);
      if (stopped || elsewhere) setSlice({ auditioningId: null });
    }),
  );

  const IDLE = { kind: 'idle' } as const;

  const nextNumber = () => slice().candidates.reduce((n, c) => Math.max(n, c.number), 0) + 1;

  function insertAfter(parentId: string, candidate: ProposalCandidate): void {
    const list = [...slice().candidates];
    const at = list.findIndex((c) => c.id === parentId);
    list.splice(at < 0 ? list.length : at + 1, 0, candidate);
    setSlice({ candidates: list, activity: session.busy() ? slice().activity : IDLE });
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
      setSlice({ activity: IDLE, candidates, teachingId: null, auditionedIds: [], ...timing });
      refreshSeed();
    },
  };

  /** Gives a mutated candidate made without the model its "how sure" figure, when a model is loaded. */
  async function scoreVariation(candidate: ProposalCandidate): Promise<void> {
    const client = model();
    if (!client || client.status().kind !== 'ready') return;
    try {
      const { meanLogProb } = await client.score({ notes: candidate.notes, steps: candidate.bars * stepsPerBar(ctx.store.getState().song.timeSignature), primer: candidate.primer, chords: candidate.chords }).result;
      const list = slice().candidates;
      const others = list.filter((c) => c.id !== candidate.id && c.meanLogProb !== undefined).map((c) => c.meanLogProb!);
      setSlice({
        candidates: list.map((c) => (c.id === candidate.id ? { ...c, meanLogProb, sureLabel: sureLabel(meanLogProb, [meanLogProb, ...others]) } : c)),
      });
    } catch {
      // Only the figure is missing; the variation itself is there.
    }
  }

  /** The label of a new candidate among the candidates already listed. */
  const siblingLabel = (value: number) => sureLabel(value, [value, ...slice().candidates.flatMap((c) => (c.meanLogProb === undefined ? [] : [c.meanLogProb]))]);

  const actions: Omit<ProposalActions, keyof ReturnType<typeof createFillActions> | keyof ReturnType<typeof createHarmonyActions>> = {
    setProposalSettings(patch) {
      setSlice({ settings: clampSettings({ ...slice().settings, ...patch }) });
    },

    async loadCheckpointIndex() {
      let data: unknown = null;
      try {
        data = await (deps.fetchIndex ?? fetchCheckpointIndex)();
      } catch {
        data = null; // no index: the musician types a URL
      }
      const checkpoints = parseCheckpointIndex(data);
      const settings = slice().settings;
      const first = checkpoints.find((c) => c.kind === 'melody') ?? checkpoints[0];
      setSlice({
        checkpoints,
        ...(settings.checkpointUrl === '' && first ? { settings: { ...settings, checkpointUrl: first.path } } : {}),
      });
    },

    loadModel,

    async propose() {
      const started = clock();
      if (!(await loadModel())) return;
      const status = model()?.status();
      const phrase = currentPhrase();
      if (status?.kind !== 'ready' || !phrase) return;
      const { song, editor } = ctx.store.getState();
      const settings = slice().settings;
      let request: ProposalRequest;
      try {
        request = buildProposalRequest({
          song,
          phrase,
          settings,
          info: status.info,
          pitchRange: editor.pitchRange ?? defaultPitchRange(song.key),
          fallbackChord: diatonicChords(song.key)[0] ?? 'C',
        });
      } catch (error) {
        fail('proposal-failed', 'The proposal could not be prepared', error);
        return;
      }
      const result = await generate(request);
      if (!result) return;
      const modelId = slice().modelId ?? status.info.url;
      const first = nextNumber();
      const labels = sureLabels(result.candidates.map((c) => c.meanLogProb ?? 0));
      const candidates: ProposalCandidate[] = result.candidates.map((c, i) => ({
        id: ctx.newId(),
        number: first + i,
        notes: c.notes,
        bars: settings.bars,
        kind: 'proposed',
        idea: 'continue',
        action: `proposal ${i + 1} of ${result.candidates.length}`,
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
      kit.showCandidates(candidates, { lastProposeMs: clock() - started });
      countIdeas(ctx, 'continue', 'made', candidates.length);
    },

    acceptCandidate(id, mode = 'replace') {
      const candidate = slice().candidates.find((c) => c.id === id);
      const phraseId = currentPhrase()?.id;
      if (!candidate || !phraseId) return;
      stopAudition();
      // One undo step: the notes, and the count of accepted ideas (which Undo then keeps, see undoHistory.ts).
      changeSong(ctx, (song) => {
        const next = updatePhrase(song, phraseId, (p) => acceptIntoPhrase(p, candidate, mode, song.timeSignature, ctx.now()));
        return next === song ? song : { ...next, ideas: addIdeas(song.ideas, candidate.idea, 'accepted') };
      });
    },

    canAppend(id) {
      const candidate = slice().candidates.find((c) => c.id === id);
      const phrase = currentPhrase();
      return !!candidate && !!phrase && canAppend(phrase, candidate, ctx.store.getState().song.timeSignature);
    },

    async mutateCandidate(id) {
      const parent = slice().candidates.find((c) => c.id === id);
      if (!parent) return;
      const { song, editor } = ctx.store.getState();
      const settings = slice().settings;
      const total = parent.bars * stepsPerBar(song.timeSignature);
      const base = {
        id: ctx.newId(),
        bars: parent.bars,
        kind: 'mutated' as const,
        idea: 'mutate' as const,
        modelId: parent.modelId,
        temperature: parent.temperature,
        primer: parent.primer,
        scaleLock: parent.scaleLock,
        parentId: parent.id,
        ...(parent.chords ? { chords: parent.chords } : {}),
        ...(parent.span ? { span: parent.span } : {}),
      };
      const varied = musicalVariation(settings.mutation, parent.notes, total, song.key, song.timeSignature);
      if (varied) {
        const made: ProposalCandidate = {
          ...base,
          number: nextNumber(),
          // A fill's variation still changes only its span.
          notes: parent.span ? notesWithSpan(parent.notes, varied, parent.span, total) : varied,
          action: `${MUTATION_LABELS[settings.mutation].toLowerCase()} of candidate ${parent.number}`,
          seed: parent.seed,
          lockedNotes: [],
        };
        insertAfter(parent.id, made);
        countIdeas(ctx, 'mutate', 'made');
        await scoreVariation(made);
        return;
      }
      if (!(await loadModel())) return;
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
        ...(made.meanLogProb !== undefined ? { meanLogProb: made.meanLogProb, sureLabel: siblingLabel(made.meanLogProb) } : {}),
      });
      countIdeas(ctx, 'mutate', 'made');
      refreshSeed();
    },

    discardCandidate(id) {
      stopAudition(id);
      const { candidates, teachingId } = slice();
      setSlice({ candidates: candidates.filter((c) => c.id !== id), ...(teachingId === id ? { teachingId: null } : {}) });
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
            (p.chords ?? []).length === clean.length && clean.every((c, i) => p.chords![i].start === c.start && p.chords![i].symbol === c.symbol);
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

  return {
    actions: { ...actions, ...createFillActions(kit, loadModel), ...createHarmonyActions(kit) },
    dispose() {
      session.dispose();
      unsubscribers.forEach((off) => off());
    },
  };
}
