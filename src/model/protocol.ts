import type {
  FillRequest,
  FillResult,
  HarmonizeRequest,
  HarmonizeResult,
  LoadProgress,
  ModelErrorCause,
  ModelInfo,
  ProposalRequest,
  ProposalResult,
  ScoreRequest,
  ScoreResult,
} from './types';
import type { VaeFromWorker, VaeToWorker } from './vae/vaeTypes';

/**
 * The messages between the main thread (client.ts) and the model worker (worker.ts / host.ts). Every
 * message carries the `id` of the request it belongs to, so answers can be matched and cancelled ones
 * dropped. Only plain data and typed arrays cross, never tensors.
 */

export type ToWorker =
  | { type: 'load'; id: number; checkpointUrl: string }
  | { type: 'propose'; id: number; request: ProposalRequest }
  | { type: 'fill'; id: number; request: FillRequest }
  | { type: 'harmonize'; id: number; request: HarmonizeRequest }
  | { type: 'score'; id: number; request: ScoreRequest }
  | { type: 'cancel'; id: number }
  /** For tests and the bench: tensor count and heap of the worker's tfjs engine. */
  | { type: 'memory'; id: number }
  | VaeToWorker;

export type FromWorker =
  | { type: 'progress'; id: number; progress: LoadProgress }
  | { type: 'loaded'; id: number; info: ModelInfo }
  | { type: 'candidates'; id: number; result: ProposalResult }
  | { type: 'filled'; id: number; result: FillResult }
  | { type: 'harmonized'; id: number; result: HarmonizeResult }
  | { type: 'scored'; id: number; result: ScoreResult }
  | { type: 'memory'; id: number; numTensors: number; numBytes: number }
  | { type: 'error'; id: number; message: string; cause: ModelErrorCause }
  | VaeFromWorker;

/** The two ends of a worker as the client and host see them (a Worker, a worker's `self`, or a test double). */
export interface MessagePortLike<Out, In> {
  postMessage(message: Out, transfer?: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<In>) => void): void;
  removeEventListener(type: 'message', listener: (event: MessageEvent<In>) => void): void;
}

/** The typed arrays of a result, handed over without copying. */
export function resultTransferables(result: ProposalResult): Transferable[] {
  const buffers: Transferable[] = [];
  for (const c of result.candidates) {
    buffers.push(c.events.buffer as ArrayBuffer);
    if (c.probabilities) buffers.push(c.probabilities.values.buffer as ArrayBuffer);
  }
  return buffers;
}
