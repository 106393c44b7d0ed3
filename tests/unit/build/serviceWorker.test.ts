import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { precacheManifest } from '../../../src/build/serviceWorkerPlugin';
import { serviceWorkerSource } from '../../../src/build/serviceWorkerSource';

function buildDir(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'pw-sw-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

/** Runs the generated worker in a sandbox with a Map-backed Cache Storage and a network the test controls. */
function runWorker(source: string, network: (url: string) => Response | null) {
  const stores = new Map<string, Map<string, Response>>();
  const listeners: Record<string, (event: unknown) => void> = {};
  const fetched: string[] = [];
  const keyOf = (r: string | Request, ignoreSearch = false) => {
    const url = new URL(typeof r === 'string' ? r : r.url);
    return ignoreSearch ? url.origin + url.pathname : url.href;
  };
  const caches = {
    async open(name: string) {
      if (!stores.has(name)) stores.set(name, new Map());
      const store = stores.get(name)!;
      return {
        async addAll(requests: Request[]) {
          for (const r of requests) {
            const response = network(r.url);
            if (!response) throw new TypeError(`failed to fetch ${r.url}`);
            store.set(keyOf(r), response);
          }
        },
        async match(r: string | Request, options?: { ignoreSearch?: boolean }) {
          const hit = store.get(keyOf(r, options?.ignoreSearch));
          return hit?.clone();
        },
      };
    },
    keys: async () => [...stores.keys()],
    delete: async (name: string) => stores.delete(name),
  };
  const self = {
    location: { origin: 'https://app.test' },
    addEventListener: (type: string, fn: (e: unknown) => void) => (listeners[type] = fn),
    clients: { claim: async () => undefined },
    skipWaiting: () => undefined,
  };
  const fetch = async (r: Request) => {
    fetched.push(r.url);
    const response = network(r.url);
    if (!response) throw new TypeError('offline');
    return response;
  };
  runInNewContext(source, { self, caches, fetch, Request, Response, URL, Promise });
  async function dispatch(type: string, extra: Record<string, unknown> = {}) {
    let waited: Promise<unknown> = Promise.resolve();
    let responded: Promise<Response> | null = null;
    listeners[type]({
      ...extra,
      waitUntil: (p: Promise<unknown>) => (waited = p),
      respondWith: (p: Promise<Response>) => (responded = p),
    });
    await waited;
    return responded as Promise<Response> | null;
  }
  return { stores, fetched, dispatch };
}

describe('the service worker build', () => {
  it('lists every built file but source maps, with a version that follows the contents', () => {
    const files = {
      'index.html': '<html>',
      'assets/app-1.js': 'js',
      'assets/app-1.js.map': '{}',
      'checkpoints/m/weights.bin': 'w',
      'samples/piano/C4.mp3': 'mp3',
    };
    const a = precacheManifest(buildDir(files));
    expect(a.files).toEqual(['assets/app-1.js', 'checkpoints/m/weights.bin', 'index.html', 'samples/piano/C4.mp3']);
    expect(precacheManifest(buildDir(files)).version).toBe(a.version);
    expect(precacheManifest(buildDir({ ...files, 'checkpoints/m/weights.bin': 'retrained' })).version).not.toBe(
      a.version,
    );
  });

  it('stores every file on install, answers from the cache with the network off, and drops old versions', async () => {
    let online = true;
    const network = (url: string) => (online ? new Response(`body of ${new URL(url).pathname}`) : null);
    const source = serviceWorkerSource({
      version: 'v2',
      base: '/',
      files: ['index.html', 'assets/app.js', 'samples/piano/C4.mp3'],
    });
    const sw = runWorker(source, network);
    await sw.dispatch('install');
    expect([...sw.stores.get('phrasewright-v2')!.keys()]).toEqual([
      'https://app.test/index.html',
      'https://app.test/assets/app.js',
      'https://app.test/samples/piano/C4.mp3',
    ]);
    sw.stores.set('phrasewright-v1', new Map());
    sw.stores.set('someone-else', new Map());
    await sw.dispatch('activate');
    expect([...sw.stores.keys()].sort()).toEqual(['phrasewright-v2', 'someone-else']);

    online = false;
    const page = await sw.dispatch('fetch', { request: { method: 'GET', url: 'https://app.test/', mode: 'navigate' } });
    expect(await page!.text()).toBe('body of /index.html');
    const sample = await sw.dispatch('fetch', {
      request: { method: 'GET', url: 'https://app.test/samples/piano/C4.mp3', mode: 'cors' },
    });
    expect(await sample!.text()).toBe('body of /samples/piano/C4.mp3');
    const other = await sw.dispatch('fetch', {
      request: { method: 'GET', url: 'https://elsewhere.test/x', mode: 'cors' },
    });
    expect(other).toBeNull();
  });
});
