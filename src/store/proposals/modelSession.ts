import type {
  ModelClient,
  ModelError,
  ModelErrorCause,
  Pending,
  ProposalRequest,
  ProposalResult,
} from '../../model/types';
import type { StoreContext } from '../context';
import type { AppActions } from '../types';
import { checkpointIdFor } from '../../core/checkpointIndex';
import type { ProposalDeps, ProposalsState } from './types';

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

export type Notices = Pick<AppActions, 'notify' | 'dismissNotice'>;

export interface ModelSession {
  /** The client, made on first use (null when this session has no model at all). */
  model(): ModelClient | null;
  /** Loads the checkpoint at `url` unless it is already loaded or loading; false (and an alert) on failure. */
  loadModel(url: string): Promise<boolean>;
  /**
   * Runs a request, cancelling any earlier one; resolves null when it failed (already told) or was
   * cancelled by a newer one. On success the activity stays 'generating' until the caller stores the
   * candidates together with `idle`, so their arrival is one state change (one render) rather than two.
   */
  generate(request: ProposalRequest): Promise<ProposalResult | null>;
  /**
   * Any other model request (fill, chords, scoring) under the same rules: one at a time, a newer one cancels
   * it, a failure becomes an alert saying `what` failed and resolves null. `candidates` is what the activity
   * indicator says is being written.
   */
  run<T>(start: (client: ModelClient) => Pending<T>, what: string, candidates: number): Promise<T | null>;
  /** True while a request is running. */
  busy(): boolean;
  /** Tells the musician what failed, and that the sequencer is unaffected. */
  fail(id: string, what: string, error: unknown): void;
  dispose(): void;
}

/**
 * The model's lifecycle for the proposals slice: the client is made on first use, its status is mirrored
 * into `proposals.model` (so the UI shows loading progress), one request runs at a time, and every failure
 * becomes an alert that leaves the song and the sequencer as they were.
 */
export function createModelSession(ctx: StoreContext, notices: Notices, deps: ProposalDeps): ModelSession {
  let client: ModelClient | null = null;
  let loadedUrl: string | null = null;
  let loading: { url: string; done: Promise<boolean> } | null = null;
  let pending: { cancel(): void } | null = null;
  const unsubscribers: (() => void)[] = [];
  const slice = () => ctx.store.getState().proposals;
  const setSlice = (patch: Partial<ProposalsState>) => ctx.store.setState({ proposals: { ...slice(), ...patch } });

  function model(): ModelClient | null {
    if (client) return client;
    const made = typeof deps.model === 'function' ? deps.model() : deps.model;
    if (!made) return null;
    client = made;
    unsubscribers.push(made.onStatus((status) => setSlice({ model: status })));
    return client;
  }

  function fail(id: string, what: string, error: unknown): void {
    notices.notify({
      id,
      kind: 'error',
      message: `${what}: ${describeModelError(error)}. The sequencer keeps working.`,
    });
  }

  async function loadModel(url: string): Promise<boolean> {
    const wanted = url.trim();
    if (!wanted) {
      notices.notify({ id: 'model-failed', kind: 'error', message: 'Choose a model or type a checkpoint URL first.' });
      return false;
    }
    const m = model();
    if (!m) {
      notices.notify({ id: 'model-failed', kind: 'error', message: 'The model is not available in this session.' });
      return false;
    }
    if (loadedUrl === wanted && m.status().kind === 'ready') return true;
    if (loading?.url === wanted) return loading.done;
    setSlice({ activity: { kind: 'loading' }, modelId: checkpointIdFor(wanted, slice().checkpoints) });
    const done = m.load(wanted).then(
      () => {
        loadedUrl = wanted;
        notices.dismissNotice('model-failed');
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

  async function run<T>(
    start: (client: ModelClient) => Pending<T>,
    what: string,
    candidates: number,
  ): Promise<T | null> {
    const m = model();
    if (!m) return null;
    pending?.cancel();
    let job: Pending<T>;
    try {
      job = start(m);
    } catch (error) {
      fail('proposal-failed', what, error);
      return null;
    }
    pending = job;
    setSlice({ activity: { kind: 'generating', candidates } });
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
      fail('proposal-failed', what, error);
      return null;
    }
  }

  const generate = (request: ProposalRequest) =>
    run((m) => m.propose(request), 'The model could not write a proposal', request.candidates);

  return {
    model,
    loadModel,
    generate,
    run,
    busy: () => pending !== null,
    fail,
    dispose() {
      pending?.cancel();
      unsubscribers.forEach((off) => off());
    },
  };
}
