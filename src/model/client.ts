import type { FromWorker, MessagePortLike, ToWorker } from './protocol';
import { vaeClientMethods } from './vae/vaeClient';
import type { VaeClient } from './vae/vaeTypes';
import {
  ModelError,
  type FillResult,
  type HarmonizeResult,
  type ScoreResult,
  type ProposalResult,
  type ModelClient,
  type ModelInfo,
  type ModelStatus,
  type Pending,
} from './types';

/**
 * The main-thread side of the model: promises over the worker protocol. The worker starts on the first
 * request (so tfjs and Magenta are fetched only when the musician first asks for ideas), checkpoint URLs
 * are made absolute here (a worker resolves relative URLs against its own script), and a cancelled
 * request rejects at once while its late answer is dropped.
 */

export interface WorkerLike extends MessagePortLike<ToWorker, FromWorker> {
  addEventListener(type: 'message', listener: (event: MessageEvent<FromWorker>) => void): void;
  addEventListener(type: 'error', listener: (event: ErrorEvent) => void): void;
  terminate(): void;
}

export interface ModelClientOptions {
  /** Makes the worker; tests pass an in-process host. */
  createWorker?: () => WorkerLike;
  /** Base for relative checkpoint URLs; default the page's URL. */
  baseUrl?: string;
}

/** Extra requests for the bench and tests, not needed by the UI. */
export interface ModelDiagnostics {
  /** The worker's tfjs tensor count and bytes. */
  memory(): Promise<{ numTensors: number; numBytes: number }>;
}

/** The result each kind of reply carries. */
interface ResultOf {
  candidates: ProposalResult;
  filled: FillResult;
  harmonized: HarmonizeResult;
  scored: ScoreResult;
}

interface Waiter {
  resolve(message: FromWorker): void;
  reject(error: ModelError): void;
}

function defaultWorker(): WorkerLike {
  return new Worker(new URL('./worker.ts', import.meta.url), {
    type: 'module',
    name: 'phrasewright-model',
  }) as WorkerLike;
}

/** Creates the worker-backed client. @example const model = createModelClient(); await model.load('/checkpoints/melody'); */
export function createModelClient(options: ModelClientOptions = {}): ModelClient & ModelDiagnostics & VaeClient {
  let worker: WorkerLike | null = null;
  let nextId = 1;
  let status: ModelStatus = { kind: 'idle' };
  let loadingId = 0;
  const waiters = new Map<number, Waiter>();
  const listeners = new Set<(s: ModelStatus) => void>();

  const setStatus = (next: ModelStatus) => {
    status = next;
    for (const l of listeners) l(next);
  };

  const failAll = (error: ModelError) => {
    for (const w of waiters.values()) w.reject(error);
    waiters.clear();
  };

  const onMessage = (event: MessageEvent<FromWorker>) => {
    const message = event.data;
    if (message.type === 'progress') {
      if (message.id === loadingId && status.kind === 'loading') setStatus({ ...status, progress: message.progress });
      return;
    }
    if (message.type === 'vae-progress') return;
    const waiter = waiters.get(message.id);
    if (!waiter) return; // cancelled, or the client was disposed
    waiters.delete(message.id);
    if (message.type === 'error') waiter.reject(new ModelError(message.message, message.cause));
    else waiter.resolve(message);
  };

  const ensureWorker = (): WorkerLike => {
    if (worker) return worker;
    worker = (options.createWorker ?? defaultWorker)();
    worker.addEventListener('message', onMessage);
    worker.addEventListener('error', (event: ErrorEvent) => {
      const error = new ModelError(`The model worker failed: ${event.message || 'it could not start'}`, 'internal');
      if (status.kind === 'loading')
        setStatus({ kind: 'failed', url: status.url, message: error.message, cause: error.cause });
      failAll(error);
    });
    return worker;
  };

  const send = (message: ToWorker): Promise<FromWorker> =>
    new Promise((resolve, reject) => {
      waiters.set(message.id, { resolve, reject });
      ensureWorker().postMessage(message);
    });

  /** Sends a cancellable request and resolves with the result of the reply of type `expected`. */
  function ask<K extends keyof ResultOf>(message: ToWorker, expected: K): Pending<ResultOf[K]> {
    const { id } = message;
    const result = send(message).then((reply) => {
      if (reply.type !== expected)
        throw new ModelError(`Unexpected reply ${reply.type} to ${message.type}`, 'internal');
      return (reply as unknown as { result: ResultOf[K] }).result;
    });
    return {
      result,
      cancel() {
        const waiter = waiters.get(id);
        if (!waiter) return;
        waiters.delete(id);
        worker?.postMessage({ type: 'cancel', id });
        waiter.reject(new ModelError('Cancelled', 'cancelled'));
      },
    };
  }

  /** A request naming its checkpoint names it absolutely (the worker resolves against its own script). */
  function absolute<R extends { checkpointUrl?: string }>(request: R): R {
    return request.checkpointUrl
      ? { ...request, checkpointUrl: new URL(request.checkpointUrl, baseUrl()).href.replace(/\/+$/, '') }
      : request;
  }

  const baseUrl = () => options.baseUrl ?? (typeof location !== 'undefined' ? location.href : 'http://localhost/');

  return {
    async load(checkpointUrl: string): Promise<ModelInfo> {
      const url = new URL(checkpointUrl, baseUrl()).href.replace(/\/+$/, '');
      const id = nextId++;
      loadingId = id;
      setStatus({
        kind: 'loading',
        url,
        progress: { stage: 'backend', fraction: 0, message: 'Starting the model engine' },
      });
      try {
        const reply = await send({ type: 'load', id, checkpointUrl: url });
        if (reply.type !== 'loaded') throw new ModelError(`Unexpected reply ${reply.type} to load`, 'internal');
        if (loadingId === id) setStatus({ kind: 'ready', info: reply.info });
        return reply.info;
      } catch (error) {
        const e = error as ModelError;
        if (loadingId === id) setStatus({ kind: 'failed', url, message: e.message, cause: e.cause ?? 'internal' });
        throw error;
      }
    },

    propose: (request) => ask({ type: 'propose', id: nextId++, request: absolute(request) }, 'candidates'),
    fill: (request) => ask({ type: 'fill', id: nextId++, request: absolute(request) }, 'filled'),
    harmonize: (request) => ask({ type: 'harmonize', id: nextId++, request: absolute(request) }, 'harmonized'),
    score: (request) => ask({ type: 'score', id: nextId++, request: absolute(request) }, 'scored'),

    status: () => status,

    onStatus(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },

    dispose() {
      failAll(new ModelError('The model client was closed', 'cancelled'));
      worker?.terminate();
      worker = null;
      listeners.clear();
      status = { kind: 'idle' };
    },

    ...vaeClientMethods({ send, nextId: () => nextId++, baseUrl }),

    async memory() {
      const reply = await send({ type: 'memory', id: nextId++ });
      if (reply.type !== 'memory') throw new ModelError(`Unexpected reply ${reply.type} to memory`, 'internal');
      return { numTensors: reply.numTensors, numBytes: reply.numBytes };
    },
  };
}
