import { scalePitchClasses } from '../../core/scale';
import { stepsPerBar } from '../../core/meter';
import type { MelodyRange } from '../../core/melodyEvents';
import type { AllowedClasses, VaeClient, VaeInfo } from '../../model/vae/vaeTypes';
import { nextCandidateNumber } from './candidates';
import { MAX_SEED } from './settings';
import type { ProposalCandidate } from './types';
import { writeTarget, type Target } from './vaeTargets';
import { VAE_CHECKPOINT_PATH, type MadePhrase, type VaeDeps, type VaeState } from './vaeStore';
import type { StoreApi } from 'zustand/vanilla';

/** The velocity of the notes the VAE writes (its windows carry no dynamics). */
export const VAE_VELOCITY = 96;

export type VaeKitDeps = Required<Omit<VaeDeps, 'client' | 'checkpointPath'>> &
  Pick<VaeDeps, 'client' | 'checkpointPath'>;

/**
 * What the VAE's moves (Similar, Interpolate, the latent map) share: the model loaded once per session, one
 * move at a time with failures as alerts, the key/scale lock as decoder classes, and new candidates written
 * into the Proposals list as Propose writes them.
 */
export interface VaeKit {
  get(): VaeState;
  set(patch: Partial<VaeState>): void;
  alert(message: string): void;
  /** Runs `work` with the model loaded and `busy` set; failures become an alert. */
  withModel(what: string, work: (info: VaeInfo, client: VaeClient) => Promise<void>): Promise<void>;
  rangeOf(info: VaeInfo): MelodyRange;
  /** The key/scale lock as allowed decoder classes (no event and note off always allowed), or undefined. */
  allowedClasses(info: VaeInfo): AllowedClasses | undefined;
  /** The loaded checkpoint's name, for the history. */
  modelId(): string;
  addCandidates(
    made: MadePhrase[],
    target: Target,
    meta: { action: (i: number) => string; seed: number; kind?: 'proposed' | 'mutated' },
  ): void;
  /** The current phrase, with the span a new candidate of `bars` bars writes (as Propose chooses it), or an alert. */
  proposalTarget(bars: number): Target | null;
  freshSeed(): number;
  dispose(): void;
}

export function createVaeKit(store: StoreApi<VaeState>, deps: VaeKitDeps): VaeKit {
  const { app } = deps;
  const get = store.getState;
  const set = (patch: Partial<VaeState>) => store.setState(patch);
  const song = () => app.store.getState().song;
  const proposals = () => app.store.getState().proposals;
  // An explicit path (tests) wins; else the index's MusicVAE (read at start-up); else the bundled default.
  const checkpointPath = () => deps.checkpointPath ?? proposals().vaeCheckpoint ?? VAE_CHECKPOINT_PATH;
  let modelId = 'musicvae';
  let client: VaeClient | null = null;

  const alert = (message: string): void => {
    app.actions.notify({ id: 'vae-failed', kind: 'error', message });
  };

  async function loaded(): Promise<VaeInfo | null> {
    const status = get().status;
    if (status.kind === 'ready') return status.info;
    client ??= typeof deps.client === 'function' ? deps.client() : (deps.client ?? null);
    if (!client) {
      alert('The variation model is not available in this session. The song is unchanged.');
      return null;
    }
    set({ status: { kind: 'loading' } });
    const started = deps.clock();
    try {
      const path = checkpointPath();
      modelId = path.replace(/\/+$/, '').split('/').pop() || 'musicvae';
      const info = await client.loadVae(path);
      set({ status: { kind: 'ready', info }, lastMs: { ...get().lastMs, load: deps.clock() - started } });
      app.actions.dismissNotice('vae-failed');
      return info;
    } catch (error) {
      const message = (error as Error).message ?? String(error);
      set({ status: { kind: 'failed', message } });
      alert(`The variation model could not be loaded (${message}). The song is unchanged.`);
      return null;
    }
  }

  /** Runs `work` with the model loaded and `busy` set; failures become an alert. */
  async function withModel(what: string, work: (info: VaeInfo, client: VaeClient) => Promise<void>): Promise<void> {
    if (get().busy) return;
    set({ busy: true });
    try {
      const info = await loaded();
      if (info && client) await work(info, client);
    } catch (error) {
      alert(`${what} failed: ${(error as Error).message ?? String(error)}. The song is unchanged.`);
    } finally {
      set({ busy: false });
    }
  }

  const rangeOf = (info: VaeInfo): MelodyRange => ({ minPitch: info.range.min, maxPitch: info.range.max });

  /** The key/scale lock as allowed decoder classes (no event and note off always allowed), or undefined. */
  function allowedClasses(info: VaeInfo): AllowedClasses | undefined {
    if (!proposals().settings.scaleLock) return undefined;
    const pcs = new Set(scalePitchClasses(song().key));
    if (pcs.size === 0 || pcs.size === 12) return undefined;
    return Array.from(
      { length: info.range.max - info.range.min + 3 },
      (_, c) => c < 2 || pcs.has((c - 2 + info.range.min) % 12),
    );
  }

  /**
   * Adds candidates to the Proposals list for `target` (after its parent when it has one, else at the end) and
   * previews the first, as Propose and Mutate do. Notes past the target's span are left out: an Accept writes
   * only inside it.
   */
  function addCandidates(
    made: MadePhrase[],
    target: Target,
    meta: { action: (i: number) => string; seed: number; kind?: 'proposed' | 'mutated' },
  ): void {
    const first = nextCandidateNumber(proposals().candidates);
    const scaleLock = proposals().settings.scaleLock;
    const length = target.span.end - target.span.start;
    const perBar = stepsPerBar(song().timeSignature);
    const fresh: ProposalCandidate[] = made.map((m, i) => ({
      id: deps.newId(),
      number: first + i,
      phraseId: target.phraseId,
      span: target.span,
      notes: m.notes
        .filter((n) => n.start < length)
        .map((n) => ({ ...n, length: Math.min(n.length, length - n.start) })),
      bars: Math.ceil(length / perBar),
      kind: meta.kind ?? 'proposed',
      // Variations and in-between phrases count as mutations among the song's taken ideas; others continue.
      idea: meta.kind === 'mutated' ? 'mutate' : 'continue',
      action: meta.action(i),
      modelId,
      temperature: 0,
      seed: meta.seed,
      lockedNotes: [],
      primer: null,
      scaleLock,
      ...(target.parentId ? { parentId: target.parentId } : {}),
    }));
    if (fresh.length === 0) return;
    const list = [...proposals().candidates];
    const at = target.parentId ? list.findIndex((c) => c.id === target.parentId) : -1;
    list.splice(at < 0 ? list.length : at + 1, 0, ...fresh);
    app.store.setState({ proposals: { ...proposals(), candidates: list, previewId: fresh[0].id } });
  }

  /** The current phrase, with the span a new candidate of `bars` bars writes (as Propose chooses it), or an alert. */
  function proposalTarget(bars: number): Target | null {
    const target = writeTarget(app.store.getState(), bars);
    if (typeof target === 'string') alert(target);
    return typeof target === 'string' ? null : target;
  }

  const freshSeed = () => {
    const s = proposals().settings;
    return s.keepSeed ? s.seed : Math.floor(deps.random() * MAX_SEED);
  };

  return {
    get,
    set,
    alert,
    withModel,
    rangeOf,
    allowedClasses,
    modelId: () => modelId,
    addCandidates,
    proposalTarget,
    freshSeed,
    dispose() {
      client = null;
    },
  };
}
