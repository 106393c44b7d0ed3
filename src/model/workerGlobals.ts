import { createProgressFetch } from './progressFetch';

/**
 * Runs before Magenta is imported in the worker (worker.ts imports it first): Magenta's
 * `core/compat/global.js` reads `window` at import time, which a worker lacks, and the weight download
 * goes through the global fetch, which is wrapped here to report progress.
 */

const scope = self as unknown as { window?: unknown; fetch: typeof fetch };
scope.window ??= self;

export const progressFetch = createProgressFetch(scope.fetch.bind(self));
scope.fetch = progressFetch.fetch;
