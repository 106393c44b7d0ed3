import { ModelError } from '../types';
import type { VaeClient, VaeFromWorker, VaeToWorker } from './vaeTypes';

/**
 * The client's MusicVAE methods, over the same worker and request/answer matching as the MusicRNN's
 * (client.ts passes its `send`). Loads are shared: a second loadVae of the same URL waits for the first.
 */
export function vaeClientMethods(o: {
  send: (message: VaeToWorker) => Promise<unknown>;
  nextId: () => number;
  baseUrl: () => string;
}): VaeClient {
  const loads = new Map<string, Promise<import('./vaeTypes').VaeInfo>>();
  const expect = <T extends VaeFromWorker['type']>(reply: unknown, type: T): Extract<VaeFromWorker, { type: T }> => {
    const r = reply as VaeFromWorker;
    if (r.type !== type) throw new ModelError(`Unexpected reply ${r.type} to a MusicVAE request`, 'internal');
    return r as Extract<VaeFromWorker, { type: T }>;
  };
  return {
    loadVae(checkpointUrl) {
      const url = new URL(checkpointUrl, o.baseUrl()).href.replace(/\/+$/, '');
      let load = loads.get(url);
      if (!load) {
        load = o
          .send({ type: 'vae-load', id: o.nextId(), checkpointUrl: url })
          .then((reply) => expect(reply, 'vae-loaded').info);
        loads.set(url, load);
        load.catch(() => loads.delete(url));
      }
      return load;
    },
    async runVae(request) {
      return expect(await o.send({ type: 'vae', id: o.nextId(), request }), 'vae-result').result;
    },
  };
}
