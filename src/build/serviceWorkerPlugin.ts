import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'vite';
import { serviceWorkerSource } from './serviceWorkerSource.js';

/**
 * Writes dist/sw.js after the production build: a hand-written service worker (serviceWorkerSource.ts)
 * with the list of every file the build wrote baked in (app shell, JS/CSS chunks, the model worker, the
 * tfjs wasm binaries, public/checkpoints/**, dist/samples/**). The list is read from the finished output
 * folder rather than from Rollup's bundle, so public files and the samples plugin's assets are included
 * however they got there. The cache version is a hash of every listed file's bytes: any change makes a
 * new sw.js, which the browser sees as an update. Nothing is fetched at run time to build this (no Workbox).
 */

export const SERVICE_WORKER_FILE = 'sw.js';

/** Files never precached: source maps (large, only for debugging) and the worker itself. */
export function isPrecached(relativePath: string): boolean {
  return !relativePath.endsWith('.map') && relativePath !== SERVICE_WORKER_FILE && !relativePath.startsWith('.vite/');
}

function listFiles(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      const relative = prefix + entry.name;
      return entry.isDirectory() ? listFiles(path.join(dir, entry.name), `${relative}/`) : [relative];
    })
    .sort();
}

/** The precache list (URLs relative to the base) and the version hash for a built output folder. */
export function precacheManifest(outDir: string): { files: string[]; version: string; bytes: number } {
  const files = listFiles(outDir).filter(isPrecached);
  const hash = createHash('sha256');
  let bytes = 0;
  for (const file of files) {
    const content = readFileSync(path.join(outDir, file));
    bytes += content.length;
    hash.update(file).update('\0').update(content);
  }
  return { files, version: hash.digest('hex').slice(0, 12), bytes };
}

/** The Vite plugin; add it to `plugins` in vite.config.ts. Production builds only. */
export function serviceWorkerPlugin(): Plugin {
  let outDir = 'dist';
  let base = '/';
  return {
    name: 'phrasewright-service-worker',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
      base = config.base;
    },
    closeBundle: {
      order: 'post',
      sequential: true,
      handler() {
        const { files, version, bytes } = precacheManifest(outDir);
        writeFileSync(path.join(outDir, SERVICE_WORKER_FILE), serviceWorkerSource({ version, base, files }));
        this.info?.(
          `service worker ${version}: ${files.length} files, ${(bytes / 1024 / 1024).toFixed(1)} MB precached`,
        );
      },
    },
  };
}
