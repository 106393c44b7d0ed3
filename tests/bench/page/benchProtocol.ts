import type { ProposalRequest } from '../../../src/model/types';

/** The bench's one request beside the app's protocol: time Magenta's own sequential path in the worker. */
export interface BaselineRequest {
  type: 'baseline';
  id: number;
  request: ProposalRequest;
  runs: number;
}

export type BaselineReply =
  { type: 'baseline'; id: number; totalMs: number } | { type: 'error'; id: number; message: string };
