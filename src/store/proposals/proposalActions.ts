import { diatonicChords } from '../../core/chords';
import { restoreVersion } from '../../core/history';
import { stepsPerBar, stepsPerBeat } from '../../core/meter';
import { defaultPitchRange } from '../../core/scale';
import { findPhrase, updatePhrase } from '../../core/song';
import type { ChordEvent, Phrase } from '../../core/types';
import { createRng } from '../../core/random';
import type { ProposalRequest } from '../../model/types';
import { changeSong, type StoreContext } from '../context';
import type { AppActions, AppState } from '../types';
import { acceptIntoPhrase, canAppend } from './accept';
import { AUDITION_PHRASE_ID } from './audition';
import { fetchCheckpointIndex, parseCheckpointIndex } from './checkpointIndex';
import { createModelSession } from './modelSession';
import { chooseCheckpointUrl, songStyle, stylesOf } from './styles';
import { buildProposalRequest, mutationLocks, scaleLockClasses } from './request';
import { clampSettings, MAX_SEED } from './settings';
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
  // The typed URL, or the song's style's chord model (chords to follow) or melody model.
  const checkpointFor = (hasChords: boolean) =>
    chooseCheckpointUrl({ customUrl: slice().settings.checkpointUrl, style: songStyle(ctx.store.getState().song), checkpoints: slice().checkpoints, hasChords });
  const loadModel = (url = checkpointFor(phraseHasChords())) => session.loadModel(url);
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
  const phraseHasChords = () => (currentPhrase()?.chords?.length ?? 0) > 0;

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

  const actions: ProposalActions = {
    setProposalSettings(patch) {
      setSlice({ settings: clampSettings({ ...slice().settings, ...patch }) });
    },

    setStyle(style) {
      if (!stylesOf(slice().checkpoints).some((s) => s.id === style)) return { ok: false, reason: `No models of the style "${style}" are installed.` };
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
      setSlice({ checkpoints: parseCheckpointIndex(data) });
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
      const candidates: ProposalCandidate[] = result.candidates.map((c, i) => ({
        id: ctx.newId(),
        number: first + i,
        notes: c.notes,
        bars: settings.bars,
        kind: 'proposed',
        action: `proposal ${i + 1} of ${result.candidates.length}`,
        modelId,
        temperature: result.request.temperature,
        seed: result.request.seed,
        lockedNotes: result.request.lockedNotes ?? [],
        ...(result.request.chords ? { chords: result.request.chords } : {}),
        primer: result.request.primer ?? null,
        scaleLock: result.request.scalePitchClasses !== undefined,
        ...(c.probabilities ? { probabilities: c.probabilities } : {}),
      }));
      stopAudition();
      setSlice({
        activity: IDLE,
        candidates,
        teachingId: null,
        lastProposeMs: clock() - started,
        ...(settings.keepSeed ? {} : { settings: { ...slice().settings, seed: freshSeed() } }),
      });
    },

    acceptCandidate(id, mode = 'replace') {
      const candidate = slice().candidates.find((c) => c.id === id);
      const phraseId = currentPhrase()?.id;
      if (!candidate || !phraseId) return;
      stopAudition();
      changeSong(ctx, (song) =>
        updatePhrase(song, phraseId, (p) => acceptIntoPhrase(p, candidate, mode, song.timeSignature, ctx.now())),
      );
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
        modelId: parent.modelId,
        temperature: parent.temperature,
        primer: parent.primer,
        scaleLock: parent.scaleLock,
        parentId: parent.id,
        ...(parent.chords ? { chords: parent.chords } : {}),
      };
      const varied = musicalVariation(settings.mutation, parent.notes, total, song.key, song.timeSignature);
      if (varied) {
        insertAfter(parent.id, {
          ...base,
          number: nextNumber(),
          notes: varied,
          action: `${MUTATION_LABELS[settings.mutation].toLowerCase()} of candidate ${parent.number}`,
          seed: parent.seed,
          lockedNotes: [],
        });
        return;
      }
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
      });
      if (!settings.keepSeed) setSlice({ settings: { ...slice().settings, seed: freshSeed() } });
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
      if (!slice().candidates.some((c) => c.id === id)) return;
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
    actions,
    dispose() {
      session.dispose();
      unsubscribers.forEach((off) => off());
    },
  };
}
