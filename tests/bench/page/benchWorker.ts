/// <reference lib="webworker" />
// workerHost must stay the first import (it loads workerGlobals before Magenta).
import { browserHostDependencies } from '../../../src/model/workerHost';
import type { LoadedMelodyRnn } from '../../../src/model/checkpoint';
import { startModelHost } from '../../../src/model/host';
import type { FromWorker, MessagePortLike, ToWorker } from '../../../src/model/protocol';
import { timeSequentialBaseline } from './baseline';
import type { BaselineReply, BaselineRequest } from './benchProtocol';

/**
 * The bench's model worker: the app's host, unchanged, plus the `baseline` request, answered here with the
 * model the host loaded last. The host ignores message types it does not know.
 */
const deps = browserHostDependencies(self);
let loaded: LoadedMelodyRnn | null = null;
startModelHost(self as unknown as MessagePortLike<FromWorker, ToWorker>, {
  ...deps,
  load: async (url, onProgress) => (loaded = await deps.load(url, onProgress)),
});

self.addEventListener('message', (event: MessageEvent<BaselineRequest | ToWorker>) => {
  const message = event.data;
  if (message.type !== 'baseline') return;
  const reply = (r: BaselineReply) => self.postMessage(r);
  if (!loaded) return reply({ type: 'error', id: message.id, message: 'load a checkpoint first' });
  timeSequentialBaseline(loaded, message.request, message.runs).then(
    (totalMs) => reply({ type: 'baseline', id: message.id, totalMs }),
    (error: unknown) =>
      reply({ type: 'error', id: message.id, message: error instanceof Error ? error.message : 'baseline failed' }),
  );
});
