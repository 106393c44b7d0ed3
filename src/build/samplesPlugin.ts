import { createReadStream, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Plugin } from 'vite';
import { sampleSetPath, servedSampleName, type SampleIndex, type SampleSet } from '../../samples/sampleSet.js';

/**
 * Serves the instrument samples listed in samples/index.json from the npm packages that hold them: in dev
 * (and in Vitest's browser mode) from node_modules through a middleware, at build as assets written to
 * dist/samples/<id>/. The app fetches them from its own origin, so it needs no network beyond itself.
 */

export interface ServedSample {
  /** Path below the app's base, e.g. "samples/piano/Ds4.mp3". */
  url: string;
  /** Absolute path of the file on disk. */
  file: string;
}

const CONTENT_TYPES: Record<string, string> = { '.mp3': 'audio/mpeg', '.ogg': 'audio/ogg', '.wav': 'audio/wav' };

/** Every sample file of every set in `samplesDir`/index.json, with the URL it is served under. */
export function listServedSamples(samplesDir: string, projectRoot: string): ServedSample[] {
  const index = JSON.parse(readFileSync(path.join(samplesDir, 'index.json'), 'utf8')) as SampleIndex;
  const requireFromRoot = createRequire(path.join(projectRoot, 'package.json'));
  const served: ServedSample[] = [];
  for (const entry of index.instruments) {
    const set = JSON.parse(readFileSync(path.join(samplesDir, entry.map), 'utf8')) as SampleSet;
    const packageDir = path.dirname(requireFromRoot.resolve(`${set.source.package}/package.json`));
    for (const [note, file] of Object.entries(set.samples)) {
      served.push({
        url: sampleSetPath(set.id) + servedSampleName(note, file),
        file: path.join(packageDir, set.source.dir, file),
      });
    }
  }
  return served;
}

/** The Vite plugin; add it to `plugins` in vite.config.ts. */
export function samplesPlugin(): Plugin {
  let byUrl = new Map<string, ServedSample>();
  let base = '/';
  const load = (root: string) => {
    byUrl = new Map(listServedSamples(path.join(root, 'samples'), root).map((s) => [s.url, s]));
  };
  return {
    name: 'phrasewright-samples',
    configResolved(config) {
      base = config.base;
      load(config.root);
    },
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const pathname = decodeURIComponent((req.url ?? '').split('?')[0]);
        const sample = pathname.startsWith(base) ? byUrl.get(pathname.slice(base.length)) : undefined;
        if (!sample) return next();
        res.setHeader('Content-Type', CONTENT_TYPES[path.extname(sample.file)] ?? 'application/octet-stream');
        res.setHeader('Content-Length', String(statSync(sample.file).size));
        res.setHeader('Cache-Control', 'public, max-age=3600');
        createReadStream(sample.file).pipe(res);
      });
    },
    generateBundle() {
      for (const sample of byUrl.values()) {
        this.emitFile({ type: 'asset', fileName: sample.url, source: readFileSync(sample.file) });
      }
    },
  };
}
