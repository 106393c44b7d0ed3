import { SKIP_WAITING_MESSAGE } from '../app/serviceWorkerRegistration.js';

/**
 * The text of dist/sw.js. Kept as a template here (not a bundled entry) so the worker is one small,
 * readable, dependency-free file and the precache list can be written into it at build time.
 *
 * What it does:
 * - install: downloads every listed file into the cache "phrasewright-<version>" (with cache: 'reload', so
 *   a stale HTTP cache cannot slip an old chunk into a new version). Install fails, and the old version
 *   stays in charge, if any file is missing.
 * - activate: deletes every other "phrasewright-" cache, then claims open pages (on the first visit this
 *   is what makes the page work offline without a reload).
 * - fetch: same-origin GETs are answered from the cache first (the files are content-hashed or versioned
 *   with the cache), page navigations with the cached index.html; anything else goes to the network.
 * - a waiting new version activates only when the page asks ("skip-waiting"), after the user agreed to
 *   reload, so a running session never mixes chunks of two versions.
 */

export const CACHE_PREFIX = 'phrasewright-';

export interface ServiceWorkerBuild {
  version: string;
  /** The app's base URL path, e.g. "/". */
  base: string;
  /** Paths relative to the base. */
  files: readonly string[];
}

/** The service worker script for one build. */
export function serviceWorkerSource({ version, base, files }: ServiceWorkerBuild): string {
  return `/* Phrasewright service worker, generated at build time by src/build/serviceWorkerPlugin.ts. */
const VERSION = ${JSON.stringify(version)};
const BASE = ${JSON.stringify(base)};
const FILES = ${JSON.stringify(files)};
const PREFIX = ${JSON.stringify(CACHE_PREFIX)};
const CACHE = PREFIX + VERSION;
const urlOf = (file) => new URL(BASE + file, self.location.origin).href;
const SHELL = urlOf('index.html');

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches.open(CACHE).then((cache) => cache.addAll(FILES.map((file) => new Request(urlOf(file), { cache: 'reload' })))),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith(PREFIX) && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('message', (event) => {
  if (event.data && event.data.type === ${JSON.stringify(SKIP_WAITING_MESSAGE)}) self.skipWaiting();
  if (event.data && event.data.type === 'version' && event.ports[0]) event.ports[0].postMessage({ version: VERSION, files: FILES.length });
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || !url.pathname.startsWith(BASE)) return;
  const cached = (key, options) => caches.open(CACHE).then((cache) => cache.match(key, options));
  if (request.mode === 'navigate') {
    event.respondWith(cached(SHELL).then((hit) => hit || fetch(request)));
    return;
  }
  event.respondWith(cached(request, { ignoreSearch: true, ignoreVary: true }).then((hit) => hit || fetch(request)));
});
`;
}
