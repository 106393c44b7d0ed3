import { diatonicChords } from '../../core/chords';
import { restoreVersion } from '../../core/history';
import { stepsPerBar, stepsPerBeat } from '../../core/meter';
import { defaultPitchRange } from '../../core/scale';
import { findPhrase, updatePhrase } from '../../core/song';
import type { ChordEvent, Phrase } from '../../core/types';
import type { ModelClient, ModelError, ModelErrorCause, ProposalRequest, ProposalResult } from '../../model/types';
import { changeSong, type StoreContext } from '../context';
import type { AppActions, AppState } from '../types';
import { acceptIntoPhrase, canAppend } from './accept';
import { AUDITION_PHRASE_ID } from './audition';
import { checkpointIdFor, fetchCheckpointIndex, parseCheckpointIndex } from './checkpointIndex';
import { buildProposalRequest, mutationLocks, scaleLockClasses } from './request';
import type { ProposalActions, ProposalCandidate, ProposalDeps, ProposalSettings, ProposalsState } from './types';
import { musicalVariation, MUTATION_LABELS } from './variations';

/** Largest seed the seed field offers (fits a 32-bit generator). */
export const MAX_SEED = 2 ** 31 - 1;

/** The slice before anything was asked; `seed` comes from the injected random source. */
export function initialProposalsState(seed = 1): ProposalsState {
  return {
    settings: {
      temperature: 1,
      candidates: 4,
      bars: 2,
      seed,
      keepSeed: false,
      primer: 'previous',
      scaleLock: true,
      mutation: 'resample',
      mutateShare: 0.5,
      checkpointUrl: '',
    },
    candidates: [],
    model: { kind: 'idle' },
    modelId: null,
    checkpoints: [],
    activity: { kind: 'idle' },
    auditioningId: null,
    teachingId: null,
  };
}

const CAUSE_WORDS: Record<ModelErrorCause, string> = {
  'missing-file': 'a file of the checkpoint was not found at that address',
  'bad-format': 'the files there are not a MusicRNN checkpoint',
  'wrong-type': 'it is a different kind of model than a MusicRNN melody model',
  'not-loaded': 'no model is loaded',
  'bad-request': 'the model cannot honour this request',
  cancelled: 'it was cancelled',
  internal: 'the model engine failed',
};

/** Plain words for a model failure, cause first. */
export function describeModelError(error: unknown): string {
  const e = error as Partial<ModelError>;
  const cause = e?.cause && e.cause in CAUSE_WORDS ? CAUSE_WORDS[e.cause as ModelErrorCause] : 'something went wrong';
  const detail = e?.message ? ` (${e.message})` : '';
  return `${cause}${detail}`;
}

/** A small seeded generator (mulberry32) for choosing which beats a mutation rewrites. */
function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/** Settings as the inputs may set them, clamped to what the model and UI accept. */
export function clampSettings(s: ProposalSettings): ProposalSettings {
  return {
    ...s,
    temperature: Number.isFinite(s.temperature) ? clamp(s.temperature, 0, 2) : 1,
    candidates: Number.isFinite(s.candidates) ? clamp(Math.round(s.candidates), 1, 8) : 4,
    bars: Number.isFinite(s.bars) ? clamp(Math.round(s.bars), 1, 4) : 2,
    seed: Number.isFinite(s.seed) ? clamp(Math.round(s.seed), 0, MAX_SEED) : 1,
    mutateShare: Number.isFinite(s.mutateShare) ? clamp(s.mutateShare, 0.1, 0.9) : 0.5,
  };
}

type Transport = Pick<AppActions, 'play' | 'stop' | 'notify' | 'dismissNotice'>;

/**
 * The actions of the proposals slice. The model client is made on first use; its status is mirrored into
 * `proposals.model` so the UI shows loading progress. Every failure becomes a notice (an alert for errors)
 * and leaves the song and the sequencer as they were.
 */
export function createProposalActions(
  ctx: StoreContext,
  transport: Transport,
  deps: ProposalDeps = {},
): { actions: ProposalActions; dispose(): void } {
  const random = deps.random ?? Math.random;
  const clock = deps.clock ?? (() => performance.now());
  let client: ModelClient | null = null;
  let loadedUrl: string | null = null;
  let loading: { url: string; done: Promise<boolean> } | null = null;
  let pending: { cancel(): void } | null = null;
  const unsubscribers: (() => void)[] = [];

  const slice = () => ctx.store.getState().proposals;
  const setSlice = (patch: Partial<ProposalsState>) =>
    ctx.store.setState({ proposals: { ...ctx.store.getState().proposals, ...patch } });
  const freshSeed = () => Math.floor(random() * MAX_SEED);
  const currentPhrase = (): Phrase | undefined => {
    const { song, editor } = ctx.store.getState();
    return findPhrase(song, editor.currentPhraseId) ?? song.phrases[0];
  };

  function model(): ModelClient | null {
    if (client) return client;
    const made = typeof deps.model === 'function' ? deps.model() : deps.model;
    if (!made) return null;
    client = made;
    unsubscribers.push(made.onStatus((status) => setSlice({ model: status })));
    return client;
  }

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

  function fail(id: string, what: string, error: unknown): void {
    transport.notify({ id, kind: 'error', message: `${what}: ${describeModelError(error)}. The sequencer keeps working.` });
  }

  async function loadModel(url = slice().settings.checkpointUrl): Promise<boolean> {
    const wanted = url.trim();
    if (!wanted) {
      transport.notify({ id: 'model-failed', kind: 'error', message: 'Choose a model or type a checkpoint URL first.' });
      return false;
    }
    const m = model();
    if (!m) {
      transport.notify({ id: 'model-failed', kind: 'error', message: 'The model is not available in this session.' });
      return false;
    }
    if (loadedUrl === wanted && m.status().kind === 'ready') return true;
    if (loading?.url === wanted) return loading.done;
    setSlice({ activity: { kind: 'loading' }, modelId: checkpointIdFor(wanted, slice().checkpoints) });
    const done = m.load(wanted).then(
      () => {
        loadedUrl = wanted;
        transport.dismissNotice('model-failed');
        return true;
      },
      (error: unknown) => {
        loadedUrl = null;
        fail('model-failed', `The model at "${wanted}" could not be loaded`, error);
        return false;
      },
    );
    loading = { url: wanted, done };
    const ok = await done;
    if (loading?.done === done) loading = null;
    setSlice({ activity: { kind: 'idle' } });
    return ok;
  }

  /**
   * Runs a request; resolves null when it failed (already told) or was cancelled by a newer one. On success
   * the activity stays 'generating' until the caller stores the candidates together with `idle`, so their
   * arrival is one state change (one render) rather than two.
   */
  async function generate(request: ProposalRequest): Promise<ProposalResult | null> {
    const m = model();
    if (!m) return null;
    pending?.cancel();
    const job = m.propose(request);
    pending = job;
    setSlice({ activity: { kind: 'generating', candidates: request.candidates } });
    try {
      const result = await job.result;
      if (pending === job) pending = null;
      return result;
    } catch (error) {
      if (pending === job) {
        pending = null;
        setSlice({ activity: { kind: 'idle' } });
      }
      if ((error as ModelError).cause === 'cancelled') return null;
      fail('proposal-failed', 'The model could not write a proposal', error);
      return null;
    }
  }

  const IDLE = { kind: 'idle' } as const;

  const nextNumber = () => slice().candidates.reduce((n, c) => Math.max(n, c.number), 0) + 1;

  function insertAfter(parentId: string, candidate: ProposalCandidate): void {
    const list = [...slice().candidates];
    const at = list.findIndex((c) => c.id === parentId);
    list.splice(at < 0 ? list.length : at + 1, 0, candidate);
    setSlice({ candidates: list, activity: pending ? slice().activity : IDLE });
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
      if (!(await loadModel())) return;
      const seed = settings.seed;
      const lockedNotes = mutationLocks(
        parent.notes,
        parent.lockedNotes,
        total,
        stepsPerBeat(song.timeSignature),
        settings.mutateShare,
        seededRandom(seed),
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
      pending?.cancel();
      unsubscribers.forEach((off) => off());
    },
  };
}
